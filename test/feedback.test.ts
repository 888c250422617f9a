import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import { message, wording } from '../src/core/locales/index.js';
import { FEEDBACK_FILLS, feedbackCopy } from '../src/sheets/feedback.js';
import { cli } from './helpers/cli.js';
import { malformedParts } from './helpers/office.js';
import { check, edit, makeSheet, pairs, seed } from './helpers/sheets.js';
import { libreOffice, run, SYSTEM_PYTHON, xmllint } from './helpers/tools.js';

const w = wording('zh-CN');
const TYPE_SCRIPT = fileURLToPath(new URL('./helpers/lo_type.py', import.meta.url));
const READ_SCRIPT = fileURLToPath(new URL('./helpers/lo_read.py', import.meta.url));
const OFFICE_TIMEOUT = 180_000;
const SHEET = '推进情况';

/** How a department filled its sheet: typed with exceljs as a person would in Excel, or through LibreOffice itself. */
type Typing = { readonly exceljs: (sheet: ExcelJS.Worksheet) => void } | { readonly libreOffice: Readonly<Record<string, string | number>> };

// Rows of 区科委's 2021-Q2 sheet: 5 a task with no figure, 6 5G综合杆基站 176个, 7 宽带 4.4万户, 9 a count of 4, 15 公共充电桩 400个.
const CASES: readonly { description: string; typing: Typing; expected: readonly [string, string][]; notes?: string }[] = [
  {
    description: 'typical mistakes, and the department’s own comments',
    typing: {
      exceljs: (s) => {
        s.getCell('K6').value = '约一百';
        s.getCell('K6').note = '数字待区通信管理局确认';
        s.getCell('N6').note = '联系人:王科长';
        s.getCell('K15').value = 180.5;
        s.getCell('M15').value = '推进中';
        s.getCell('N15').value = '已建成 180 个,“双千兆”同步推进';
        s.getCell('M7').value = '已完成';
        s.getCell('E6').value = '5G基站';
        s.getCell('K9').value = 2;
        s.getCell('M9').value = '推进中';
      },
    },
    expected: [
      ['E6', 'template-plan-cell-changed'],
      ['K6', 'entry-not-a-number'],
      ['M7', 'entry-status-inconsistent'],
      ['O7', 'entry-evidence-missing'],
      ['K15', 'entry-not-integer'],
      ['K15', 'entry-behind-schedule'],
    ],
    notes: 'K6 has a comment of the department’s and a finding: the note goes below the comment; N6’s comment stays alone; O7 is an empty cell.',
  },
  {
    description: 'a deleted row: a problem of no cell, listed only',
    typing: {
      exceljs: (s) => {
        s.spliceRows(9, 1);
        s.getCell('K6').value = 100;
      },
    },
    expected: [['#9', 'template-row-deleted']],
  },
  {
    description: 'figures typed through LibreOffice and saved as .xlsx by it',
    typing: { libreOffice: { K6: '约一百', K15: 180.5, M15: '推进中', M5: '已完成', N5: '方案已报区政府' } },
    expected: [
      ['O5', 'entry-evidence-missing'],
      ['K6', 'entry-not-a-number'],
      ['K15', 'entry-not-integer'],
      ['K15', 'entry-behind-schedule'],
    ],
  },
];

/** Every cell of every sheet as exceljs reads it: value and type, and the style apart from the fill. */
async function cellsOf(bytes: Uint8Array): Promise<Map<string, { value: unknown; type: number; style: unknown; fill: unknown; note: unknown }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const out = new Map<string, { value: unknown; type: number; style: unknown; fill: unknown; note: unknown }>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { numFmt, font, alignment, border, protection } = cell.style;
        out.set(`${sheet.name}!${cell.address}`, { value: cell.value, type: cell.type, style: { numFmt, font, alignment, border, protection }, fill: cell.fill, note: cell.note });
      }),
    );
  }
  return out;
}

const noteText = (note: unknown): string => (typeof note === 'string' ? note : ((note as { texts?: { text: string }[] } | undefined)?.texts ?? []).map((t) => t.text).join(''));

const worst = (fs: readonly Finding[]) => (fs.some((f) => f.severity === 'error') ? 'error' : 'warning');

/** The findings with a cell, by sheet and cell. */
function byCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) if (f.location.cell) out.set(`${f.location.sheet ?? SHEET}!${f.location.cell}`, [...(out.get(`${f.location.sheet ?? SHEET}!${f.location.cell}`) ?? []), f]);
  return out;
}

/** The sheet as a department sends it back: generated for 区科委, then typed into. */
async function returned(typing: Typing, work: string): Promise<Uint8Array> {
  const blank = await makeSheet(seed, '区科委', '2021-Q2');
  if ('exceljs' in typing) return edit(blank, typing.exceljs);
  writeFileSync(join(work, 'blank.xlsx'), blank);
  writeFileSync(join(work, 'edits.json'), JSON.stringify({ sheet: SHEET, cells: typing.libreOffice }));
  run(SYSTEM_PYTHON, [TYPE_SCRIPT, join(work, 'blank.xlsx'), join(work, 'typed.xlsx'), join(work, 'edits.json')], OFFICE_TIMEOUT);
  return new Uint8Array(readFileSync(join(work, 'typed.xlsx')));
}

interface LoSheet {
  name: string;
  protected: boolean;
  cells: Record<string, { type: string; value: number; text: string; back: number }>;
  notes: Record<string, string>;
}

describe('an annotated copy of a returned sheet', () => {
  test.for(CASES)('$description', { timeout: OFFICE_TIMEOUT }, async ({ typing, expected }, ctx) => {
    if ('libreOffice' in typing && !libreOffice.run) ctx.skip(libreOffice.reason);
    const work = mkdtempSync(join(tmpdir(), 'plan-ledger-feedback-'));
    const input = await returned(typing, work);
    const before = Buffer.from(input).toString('base64');
    const report = await check({ '区科委.xlsx': input }, seed);
    expect(pairs(report)).toEqual(expected);
    const copy = feedbackCopy(input, report.findings, { file: '区科委.xlsx' }) as NonNullable<ReturnType<typeof feedbackCopy>>;
    expect(Buffer.from(input).toString('base64'), 'the input is not changed').toBe(before);
    const marked = byCell(report.findings);
    expect([copy.cells, copy.listed]).toEqual([marked.size, report.findings.length]);

    // exceljs: every cell of the department's sheets as it was, in value, type and style; only marked cells change fill.
    const [original, annotated] = [await cellsOf(input), await cellsOf(copy.bytes)];
    for (const [address, cell] of original) {
      const now = annotated.get(address);
      expect({ value: now?.value, type: now?.type, style: now?.style }, address).toEqual({ value: cell.value, type: cell.type, style: cell.style });
      const fs = marked.get(address);
      if (fs) expect((now?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb, address).toBe(FEEDBACK_FILLS[worst(fs)]);
      else expect(now?.fill, address).toEqual(cell.fill);
      // The department's own comments stay, with the note below them.
      if (cell.note !== undefined) expect(noteText(now?.note).startsWith(noteText(cell.note)), address).toBe(true);
      if (!fs && cell.note !== undefined) expect(noteText(now?.note), address).toBe(noteText(cell.note));
    }
    for (const [address, fs] of marked) {
      const note = noteText(annotated.get(address)?.note);
      for (const f of fs) {
        expect(note, address).toContain(message(f, w));
        expect(note, address).toContain(w.fix[f.code] as string);
      }
    }
    for (const [address, cell] of annotated) if (!original.has(address) && !address.startsWith(`${w.feedback.sheetName}!`)) expect(cell.value, address).toBeNull();

    // The 问题 sheet lists every finding, sheet-wide ones too: 序号, 单元格, 级别, 问题, 怎么改.
    const listed = [...annotated].filter(([a]) => a.startsWith(`${w.feedback.sheetName}!`) && Number(/\d+$/.exec(a)?.[0]) >= 4);
    const column = (letter: string) => listed.filter(([a]) => a.replace(/^.*!/, '').startsWith(letter)).map(([, c]) => c.value);
    expect(annotated.get(`${w.feedback.sheetName}!A3`)?.value).toBe('序号');
    expect(column('A')).toEqual(report.findings.map((_, i) => i + 1));
    expect(new Set(column('D'))).toEqual(new Set(report.findings.map((f) => message(f, w))));
    expect(column('B').sort()).toEqual(report.findings.map((f) => f.location.cell ?? w.feedback.row(f.location.row as number)).sort());

    // The sheet is protected as it was, and it reads back as the same sheet with the same findings.
    const protection = (bytes: Uint8Array) => /<sheetProtection\b[^>]*>/.exec(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array))?.[0];
    expect(protection(copy.bytes)).toBe(protection(input));
    expect((await check({ '区科委.xlsx': copy.bytes }, seed)).findings).toEqual(report.findings);
    if (xmllint.run) expect(malformedParts(copy.bytes)).toEqual([]);

    // LibreOffice: the same values, the protection, the notes and the fills.
    if (!libreOffice.run) return;
    writeFileSync(join(work, 'input.xlsx'), input);
    writeFileSync(join(work, 'copy.xlsx'), copy.bytes);
    const [seen, seenCopy] = (JSON.parse(run(SYSTEM_PYTHON, [READ_SCRIPT, join(work, 'input.xlsx'), join(work, 'copy.xlsx')], OFFICE_TIMEOUT)) as { sheets: LoSheet[] }[]).map((book) => new Map(book.sheets.map((s) => [s.name, s])));
    for (const [name, sheet] of seen ?? []) {
      const other = seenCopy?.get(name) as LoSheet;
      expect(other.protected, name).toBe(sheet.protected);
      const values = (s: LoSheet) => Object.entries(s.cells).flatMap(([a, c]) => (c.type === 'EMPTY' ? [] : [[a, c.type, c.value, c.text]]));
      expect(values(other), name).toEqual(values(sheet));
      for (const [cell, text] of Object.entries(sheet.notes)) expect(other.notes[cell]?.startsWith(text), `${name}!${cell}`).toBe(true);
    }
    const progress = seenCopy?.get(SHEET) as LoSheet;
    for (const [address, fs] of marked) {
      const cell = address.replace(/^.*!/, '');
      for (const f of fs) expect(progress.notes[cell], cell).toContain(message(f, w));
      expect(progress.cells[cell]?.back, cell).toBe(parseInt(FEEDBACK_FILLS[worst(fs)].slice(2), 16));
    }
    const problems = seenCopy?.get(w.feedback.sheetName) as LoSheet;
    expect(Object.entries(problems.cells).filter(([a]) => /^D\d+$/.test(a) && Number(a.slice(1)) >= 4).map(([, c]) => c.text).sort()).toEqual(report.findings.map((f) => message(f, w)).sort());
  });

  test('bytes that are not a workbook get no copy', () => {
    expect(feedbackCopy(new TextEncoder().encode('序号,完成值\n1,100\n'), [], { file: 'a.csv' })).toBeUndefined();
  });
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('--feedback and the 反馈单', () => {
  test('check --feedback writes a copy for each sheet with problems, none for a clean one, and leaves the inputs as they were', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plan-ledger-feedback-cli-'));
    const inbox = join(work, '收回');
    mkdirSync(inbox);
    const wrong = join(inbox, '2021-Q2-区科委.xlsx');
    const clean = join(inbox, '2021-Q2-区大数据中心.xlsx');
    writeFileSync(
      wrong,
      await edit(await makeSheet(seed, '区科委', '2021-Q2'), (s) => {
        s.getCell('K6').value = '约一百';
        s.getCell('M7').value = '已完成';
      }),
    );
    writeFileSync(clean, await makeSheet(seed, '区大数据中心', '2021-Q2'));
    const hashes = [sha(wrong), sha(clean)];
    const out = join(work, '退回');

    const r = await cli('check', inbox, '--feedback', out);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual(['2021-Q2-区科委-退回修改.xlsx']);
    expect(r.stdout).toContain(out);
    expect([sha(wrong), sha(clean)]).toEqual(hashes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(out, '2021-Q2-区科委-退回修改.xlsx')) as unknown as ArrayBuffer);
    expect(noteText(workbook.getWorksheet(SHEET)?.getCell('K6').note)).toContain('不是数字');
    expect(workbook.getWorksheet(w.feedback.sheetName)?.getCell('B4').value).toBe('K6');

    // Into the folder of the inputs: no input is written over, and JSON on stdout stays JSON.
    const again = await cli('check', wrong, '--feedback', inbox, '--format', 'json');
    expect(JSON.parse(again.stdout).valid).toBe(false);
    expect(again.stderr).toContain(inbox);
    expect(readdirSync(inbox).sort()).toEqual(['2021-Q2-区大数据中心.xlsx', '2021-Q2-区科委-退回修改.xlsx', '2021-Q2-区科委.xlsx']);
    expect([sha(wrong), sha(clean)]).toEqual(hashes);

    // consolidate --feedback does the same; audit writes a 反馈单 for each department with something to correct or explain.
    const ledger = join(work, 'ledger.xlsx');
    const consolidated = await cli('consolidate', wrong, clean, '--out', ledger, '--feedback', join(work, '汇总退回'));
    expect(consolidated.code).toBe(1);
    expect(readdirSync(join(work, '汇总退回'))).toEqual(['2021-Q2-区科委-退回修改.xlsx']);
    const audit = await cli('audit', ledger, '--out', join(work, 'audit'));
    expect(audit.code).toBe(0);
    const forms = join(work, 'audit', w.feedback.form.folder);
    expect(audit.stdout).toContain(forms);
    expect(readdirSync(forms)).toContain('区科委.xlsx');
    const form = new ExcelJS.Workbook();
    await form.xlsx.load(readFileSync(join(forms, '区科委.xlsx')) as unknown as ArrayBuffer);
    const texts: string[] = [];
    form.getWorksheet(w.feedback.form.sheetName)?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    expect(texts).toContain(w.feedback.form.title('区科委'));
    expect(texts.some((t) => t.includes('“约一百”不是数字'))).toBe(true);
    expect(texts).toContain(w.feedback.form.ask['no-data']);
    expect(existsSync(join(forms, '区大数据中心.xlsx'))).toBe(true);
  });
});
