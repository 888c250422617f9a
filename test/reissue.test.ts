// Reissuing returned sheets for a revised plan: every entry carried to its target's new row exactly as typed, or named as dropped.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePlan } from '../src/index.js';
import { wording } from '../src/core/locales/index.js';
import { parsePeriod, type Period } from '../src/core/period.js';
import { parseCsv } from '../src/report/csv.js';
import { demoSheets } from '../src/sheets/demo.js';
import { readMeta } from '../src/sheets/metadata.js';
import { consolidate } from '../src/core/consolidate.js';
import { readProgressFileSheets, sheetReader } from '../src/sheets/read.js';
import { reissue, type Reissue } from '../src/sheets/reissue.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { cli, type Run } from './helpers/cli.js';
import { defaultTemplate, makeSheet, seed } from './helpers/sheets.js';
import { libreOffice, run as run2, SYSTEM_PYTHON } from './helpers/tools.js';

// The seed revised: 5G综合杆基站 176 → 180, 出租车充电示范站 removed, 类脑芯片应用示范场景 5个 added to task 7, tasks 14 and 15 swapped.
const REVISED = fileURLToPath(new URL('./fixtures/yangpu-2021-13-revised.txt', import.meta.url));
const revised = parsePlan(readFileSync(REVISED, 'utf8'));
const READ_SCRIPT = fileURLToPath(new URL('./helpers/lo_read.py', import.meta.url));
const w = wording('zh-CN');
const Q2 = parsePeriod('2021-Q2') as Period;
const OPTIONS = { template: defaultTemplate, templateName: 'progress-report.xlsx', templateVersion: 'test', generatedAt: '2021-07-10T09:00:00' };

type Typed = Partial<Record<'actual' | 'status' | 'note' | 'evidence', string | number>>;

/** A department's sheet typed into with exceljs as a person would with Excel, row by row id. */
async function typed(department: string, rows: Readonly<Record<string, Typed>>): Promise<Uint8Array> {
  const bytes = await makeSheet(seed, department, '2021-Q2');
  const meta = readMeta(openWorkbook(bytes));
  if (!meta) throw new Error('no metadata');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(meta.sheet) as ExcelJS.Worksheet;
  for (const [id, values] of Object.entries(rows)) {
    const row = meta.rows.find((r) => r.id === id)?.row;
    if (row === undefined) throw new Error(`${department} has no row ${id}`);
    for (const [name, value] of Object.entries(values)) sheet.getCell(`${meta.columns[`entry.${name}`]}${row}`).value = value;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A cell of a sheet's progress sheet as the fast reader sees it: its kind and its value, number or text. */
function cellOf(bytes: Uint8Array, cell: string): [string, unknown] {
  const book = openWorkbook(bytes);
  const raw = book.sheet(readMeta(book)?.sheet ?? '')?.cell(cell);
  return [raw?.kind ?? 'none', raw && 'value' in raw ? raw.value : undefined];
}

let result: Reissue;
let returned: { file: string; bytes: Uint8Array }[];

beforeAll(async () => {
  const demo = await demoSheets(seed, Q2, { template: defaultTemplate, mistakes: 0, seed: 7, generatedAt: '2021-07-01T09:00:00' });
  returned = demo.filter((s) => s.department !== '区科委' && s.department !== '区卫生健康委').map((s) => ({ file: `返回/${s.department}.xlsx`, bytes: s.bytes }));
  returned.push({
    file: '返回/区科委.xlsx',
    bytes: await typed('区科委', {
      't2.2.2-1': { actual: 90, status: '推进中', note: '已建成90个', evidence: '验收单' },
      't2.2.2-2': { actual: '2.2万', status: '推进中' },
      't2.3.7': { status: '推进中', note: '模拟运算芯片设计已完成' },
      't2.5.12-1': { actual: '约200', note: '待核实' },
      't2.5.12-2': { actual: 1, status: '已完成', evidence: '示范站验收' },
    }),
  });
  returned.push({ file: '返回/区卫生健康委.xlsx', bytes: await typed('区卫生健康委', { 't2.5.15-1': { actual: 6, status: '推进中' } }) });
  returned.push({ file: '返回/说明.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) });
  result = await reissue(returned, revised, OPTIONS);
});

describe('reissue', () => {
  test.each([
    { description: 'a target whose value changed (176 → 180) keeps its row and what was typed', department: '区科委', from: 't2.2.2-1', to: 't2.2.2-1' },
    { description: 'a figure typed as text in 万户 stays as typed', department: '区科委', from: 't2.2.2-2', to: 't2.2.2-2' },
    { description: 'a figure the checks would refuse is carried for the department to correct', department: '区科委', from: 't2.5.12-1', to: 't2.5.12-1', notes: '约200 is entry-not-a-number in either sheet' },
    { description: 'a removed target', department: '区科委', from: 't2.5.12-2', reason: 'target-removed' },
    { description: 'the status row of a task that gained a target', department: '区科委', from: 't2.3.7', reason: 'task-now-has-targets' },
    { description: 'a target of a renumbered task (15 → 14), found by its sentence', department: '区卫生健康委', from: 't2.5.15-1', to: 't2.5.14-1' },
    { description: 'the status row of a renumbered task (14 → 15)', department: '区商务委', from: 't2.5.14', to: 't2.5.15' },
  ])('$description', ({ department, from, to, reason }) => {
    const entry = result.entries.find((e) => e.department === department && e.from?.id === from);
    expect([entry?.to?.id, entry?.reason]).toEqual([to, reason]);
  });

  test('every carried entry is in its new cell exactly as typed: the same kind of cell, the same value, the same texts', () => {
    const sheets = new Map(result.sheets.map((s) => [s.fileName, s.bytes]));
    const files = new Map(returned.map((r) => [r.file, r.bytes]));
    const carried = result.entries.filter((e) => e.to);
    expect(carried.length).toBeGreaterThan(40);
    for (const e of carried) {
      const before = files.get(e.file) as Uint8Array;
      const after = sheets.get(e.to?.file ?? '') as Uint8Array;
      const [old, now] = [readMeta(openWorkbook(before)), readMeta(openWorkbook(after))];
      const row = (meta: typeof old, n: number, name: string) => `${meta?.columns[name]}${n}`;
      for (const name of ['entry.actual', 'entry.status', 'entry.note', 'entry.evidence']) {
        if (name === 'entry.actual' && e.from?.id === e.from?.taskId) continue;
        expect(cellOf(after, row(now, e.to?.row ?? 0, name)), `${e.department} ${e.from?.id} ${name}`).toEqual(cellOf(before, row(old, e.row, name)));
      }
    }
  });

  test('every row something was typed in is accounted for, carried or dropped, once', () => {
    for (const r of returned.filter((x) => !x.file.endsWith('说明.xlsx'))) {
      const [reading] = readProgressFileSheets({ file: r.file, bytes: r.bytes }, {});
      const typedRows = (reading?.entries ?? []).filter((e) => e.actual !== null || e.status !== null || e.note !== '' || e.evidence !== '').map((e) => e.targetId ?? e.taskId);
      const accounted = result.entries.filter((e) => e.file === r.file).map((e) => e.from?.id);
      expect(accounted.sort(), r.file).toEqual(typedRows.sort());
    }
  });

  test('the reissued sheets are the revised plan’s, one per department, and read back with the carried figures', () => {
    expect(result.sheets.map((s) => s.meta.planId)).toEqual(result.sheets.map(() => revised.document.id));
    expect(new Set(result.sheets.map((s) => s.fileName)).size).toBe(result.sheets.length);
    const science = result.sheets.find((s) => s.department === '区科委') as Reissue['sheets'][number];
    const [reading] = readProgressFileSheets({ file: science.fileName, bytes: science.bytes }, {});
    expect(reading?.entries.find((e) => e.targetId === 't2.2.2-1')?.actual).toBe(90);
    expect(reading?.entries.find((e) => e.targetId === 't2.3.7-1')).toMatchObject({ actual: null, status: null, note: '' });
    expect(reading?.findings.map((f) => [f.location.cell, f.code])).toContainEqual([expect.any(String), 'entry-not-a-number']);
  });

  test.each([
    { description: 'the returned sheets', plan: seed, sheets: () => returned.filter((r) => !r.file.endsWith('说明.xlsx')) },
    { description: 'the reissued sheets', plan: revised, sheets: () => result.sheets.map((s) => ({ file: s.fileName, bytes: s.bytes })) },
  ])('the ledger of $description keeps each report’s plan version', async ({ plan, sheets }) => {
    const ledger = await consolidate(sheets(), plan, sheetReader(plan));
    const versions = new Set(ledger.rows.flatMap((row) => row.reports.map((r) => r.planId)));
    expect([...versions]).toEqual([plan.document.id]);
  });

  test('a file that is no workbook is a finding, and the one change report says what changed from the sheets’ plan', () => {
    expect(result.findings.map((f) => [f.location.file, f.code])).toEqual([['返回/说明.xlsx', 'file-not-xlsx']]);
    expect(result.changes.map((c) => [c.from.id, c.to.id, c.changes.length])).toEqual([[seed.document.id, revised.document.id, 6]]);
  });

  test('a figure whose unit the revision changed is converted, and a department taken off a task has its entry named', async () => {
    const text = readFileSync(new URL('../seeds/yangpu-2021-13.txt', import.meta.url), 'utf8');
    const plan = text.slice(text.lastIndexOf('2.推进全区新一代信息基础设施建设'));
    const edited = plan.replace('完成4.4万户计划指标', '完成44000户计划指标').replace('(推进单位:区科委、区规划资源局、区住房保障房屋管理局、滨江公司)', '(推进单位:区科委、区规划资源局、区住房保障房屋管理局)');
    const other = parsePlan(text.replace(plan, edited));
    const sheets = [
      { file: '区科委.xlsx', bytes: await typed('区科委', { 't2.2.2-2': { actual: 2.2 } }) },
      { file: '滨江公司.xlsx', bytes: await typed('滨江公司', { 't2.2.2-1': { actual: 90 } }) },
    ];
    const r = await reissue(sheets, other, OPTIONS);
    expect(r.entries.map((e) => [e.department, e.from?.id, e.to?.id, e.values.actual, e.converted, e.reason])).toEqual([
      ['区科委', 't2.2.2-2', 't2.2.2-2', 22000, { from: '万户', to: '户' }, undefined],
      ['滨江公司', 't2.2.2-1', undefined, 90, undefined, 'department-removed'],
    ]);
  });

  test('of two sheets of one department, the newer is carried and the older’s entries are named as superseded', async () => {
    const older = await typed('区教育局', { 't2.5.16-1': { actual: 1 } });
    const newer = (await demoSheets(seed, Q2, { template: defaultTemplate, mistakes: 0, seed: 7, generatedAt: '2022-05-01T09:00:00' })).find((s) => s.department === '区教育局') as { bytes: Uint8Array };
    const twice = await reissue([{ file: 'old.xlsx', bytes: older }, { file: 'new.xlsx', bytes: newer.bytes }], revised, OPTIONS);
    expect(twice.sheets.map((s) => s.replaces)).toEqual(['new.xlsx']);
    expect(twice.entries.filter((e) => e.file === 'old.xlsx').map((e) => e.reason)).toEqual(['superseded']);
  });
});

describe('plan-ledger reissue', () => {
  let dir: string;
  let run: Run;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reissue-'));
    mkdirSync(join(dir, '收回'));
    for (const r of returned) writeFileSync(join(dir, '收回', basename(r.file)), r.bytes);
    run = await cli('reissue', '--plan', REVISED, join(dir, '收回'), '--out', join(dir, '重发'));
  });

  test('writes a sheet per department and the change report, says where each is, and exits 1 for the file it could not use', () => {
    expect(run.code).toBe(1);
    expect(readdirSync(join(dir, '重发')).sort()).toEqual([...result.sheets.map((s) => s.fileName), '变更报告'].sort());
    expect(readdirSync(join(dir, '重发', '变更报告')).sort()).toEqual(['变更报告.csv', '变更报告.html', '变更报告.xlsx']);
    for (const name of ['变更报告.csv', '变更报告.html', '变更报告.xlsx']) expect(run.stdout).toContain(join(dir, '重发', '变更报告', name));
    expect(run.stderr).toContain('说明.xlsx');
  });

  test('the CSV names every change of the plan and every entry, carried or not, with its department, its row and why', () => {
    const [head, ...rows] = parseCsv(readFileSync(join(dir, '重发', '变更报告', '变更报告.csv'), 'utf8'));
    const col = (name: string) => (head as string[]).indexOf(name);
    const view = (row: string[]) => [row[col('类别')], row[col('单位')], row[col('原编号')], row[col('新编号')]].join(' ');
    const lines = rows.map(view);
    expect(lines.slice(0, 6)).toEqual([
      `指标调整 ${w.list(['区科委', '区规划资源局', '区住房保障房屋管理局', '滨江公司'])} t2.2.2-1 t2.2.2-1`,
      `新增指标 区科委 ${''} t2.3.7-1`,
      `删除指标 ${w.list(['区科委', '区建设管理委'])} t2.5.12-2 `,
      `任务调整 区卫生健康委 t2.5.15 t2.5.14`,
      `指标调整 区卫生健康委 t2.5.15-1 t2.5.14-1`,
      `任务调整 ${w.list(['区商务委', '区住房保障房屋管理局', '区规划资源局'])} t2.5.14 t2.5.15`,
    ]);
    for (const e of result.entries) expect(lines, `${e.department} ${e.from?.id}`).toContain(`${e.to ? '已转填' : '未转填'} ${e.department} ${e.from?.id ?? ''} ${e.to?.id ?? ''}`);
    const removed = rows.find((r) => r[col('类别')] === '未转填' && r[col('原编号')] === 't2.5.12-2');
    expect(removed?.[col('说明')]).toBe(w.revision.reason['target-removed']);
  });

  test('the reissued sheets check against the revised plan they carry, with no --plan', async () => {
    const checked = await cli('check', join(dir, '重发'), '--format', 'json');
    const report = JSON.parse(checked.stdout) as { findings: { code: string; params: { file?: string } }[] };
    expect(report.findings.filter((f) => f.code.startsWith('template-') || f.code.startsWith('file-')).map((f) => f.code)).toEqual([]);
  });

  test('refuses to write over the returned sheets, and writes nothing', async () => {
    const back = join(dir, '再发');
    mkdirSync(back);
    const science = result.sheets.find((s) => s.department === '区科委') as Reissue['sheets'][number];
    writeFileSync(join(back, science.fileName), science.bytes);
    const again = await cli('reissue', '--plan', REVISED, back, '--out', back);
    expect([again.code, again.stderr.slice(0, 26)]).toEqual([2, 'plan-ledger: [usage] reiss']);
    expect(readdirSync(back)).toEqual([science.fileName]);
  });

  test('a reissued sheet opened in LibreOffice shows the carried entries as typed', (ctx) => {
    if (!libreOffice.run) ctx.skip(libreOffice.reason);
    const science = result.sheets.find((s) => s.department === '区科委') as Reissue['sheets'][number];
    const [book] = JSON.parse(run2(SYSTEM_PYTHON, [READ_SCRIPT, join(dir, '重发', science.fileName)])) as { sheets: { name: string; cells: Record<string, { type: string; value: number; text: string }> }[] }[];
    const cells = book?.sheets.find((s) => s.name === science.meta.sheet)?.cells ?? {};
    for (const e of result.entries.filter((x) => x.to?.file === science.fileName && typeof x.values.actual !== 'undefined')) {
      const cell = cells[e.to?.cell ?? ''];
      expect(typeof e.values.actual === 'number' ? cell?.value : cell?.text, `${e.from?.id} ${e.to?.cell}`).toBe(e.values.actual);
    }
  }, 180_000);
});
