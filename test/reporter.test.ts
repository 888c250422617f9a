import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { chaseList } from '../src/core/chase.js';
import { reportDate } from '../src/core/reporter.js';
import { wording } from '../src/core/locales/index.js';
import { consolidateFiles } from '../src/io/consolidate-files.js';
import { ledgerToXlsx } from '../src/io/ledger.js';
import { readPrevious } from '../src/io/previous.js';
import { readProgressFileSheets } from '../src/sheets/read.js';
import { cli } from './helpers/cli.js';
import { edit, makeSheet, seed } from './helpers/sheets.js';

const work = mkdtempSync(join(tmpdir(), 'plan-ledger-reporter-'));

/** Types the signature block where the sheet's labels say it is: the cell right of 填报人:, 联系电话:, 填报日期:. */
function sign(sheet: ExcelJS.Worksheet, name: string, phone: string, date: ExcelJS.CellValue): void {
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const label = String(cell.value ?? '');
      const input = (): ExcelJS.Cell => sheet.getCell(Number(cell.row), Number(cell.col) + 2);
      if (label === '填报人:') input().value = name;
      if (label === '联系电话:') input().value = phone;
      if (label === '填报日期:') input().value = date;
    }),
  );
}

describe('the date of a report, in the forms clerks type it', () => {
  test.each([
    { cell: { kind: 'number', value: 44382, percentFormat: false }, expected: '2021-07-05', notes: 'Excel stores 2021/7/5 as a serial day' },
    { cell: { kind: 'text', value: '2021年7月5日' }, expected: '2021-07-05' },
    { cell: { kind: 'text', value: '2021-7-5' }, expected: '2021-07-05' },
    { cell: { kind: 'text', value: '2021/07/05' }, expected: '2021-07-05' },
    { cell: { kind: 'text', value: '2021.7.5' }, expected: '2021-07-05' },
    { cell: { kind: 'text', value: '2021年2月30日' }, expected: '2021年2月30日', notes: 'no such day: kept as written' },
    { cell: { kind: 'text', value: '七月初' }, expected: '七月初' },
    { cell: { kind: 'number', value: 12, percentFormat: false }, expected: '12', notes: 'too small to be a date of this century' },
    { cell: { kind: 'empty' }, expected: '' },
  ] as const)('$cell.value → $expected', ({ cell, expected }) => {
    expect(reportDate(cell)).toBe(expected);
  });
});

describe('who reported: the signature block', () => {
  test('its cells are unlocked, read back where the table moved them, and kept in the ledger with the file’s SHA-256', async () => {
    const blank = await makeSheet(seed, '区科委', '2021-Q2');
    // A row deleted from the table moves the signature block up one row.
    const filled = await edit(blank, (sheet) => {
      sign(sheet, '张敏', '021-65430000', new Date(Date.UTC(2021, 6, 5)));
      sheet.spliceRows(6, 1);
    });
    const [reading] = readProgressFileSheets({ file: 'k.xlsx', bytes: filled }, { records: seed });
    expect(reading?.reporter).toEqual({ name: '张敏', phone: '021-65430000', date: '2021-07-05' });

    const dir = join(work, 'q2');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '区科委.xlsx'), filled);
    const ledger = await consolidateFiles([dir], seed);
    const sha256 = createHash('sha256').update(filled).digest('hex');
    expect(ledger.submissions).toEqual([
      expect.objectContaining({ department: '区科委', period: '2021-Q2', file: join(dir, '区科委.xlsx'), sha256, reporter: { name: '张敏', phone: '021-65430000', date: '2021-07-05' } }),
    ]);
    // The ledger workbook shows the record and the 催报 list, whose missing departments have no contact yet.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await ledgerToXlsx(ledger, wording())) as never);
    const record = book.getWorksheet('报送记录');
    const texts = (ws: ExcelJS.Worksheet | undefined) => (ws?.getSheetValues() ?? []).flat().map(String);
    expect(texts(record)).toEqual(expect.arrayContaining(['张敏', '021-65430000', '2021-07-05', sha256, '区科委.xlsx']));
    expect(texts(book.getWorksheet('催报'))).toEqual(expect.arrayContaining(['区大数据中心', '从未报送']));
  });

  test('a department that does not report is chased with the contact of its last sheet, from last period’s ledger', async () => {
    const q1 = join(work, 'chase-q1');
    const q2 = join(work, 'chase-q2');
    rmSync(q1, { recursive: true, force: true });
    mkdirSync(q1, { recursive: true });
    mkdirSync(q2, { recursive: true });
    for (const [department, name] of [['区科委', '张敏'], ['区大数据中心', '李强']] as const) {
      writeFileSync(join(q1, `${department}.xlsx`), await edit(await makeSheet(seed, department, '2021-Q1'), (s) => sign(s, name, `021-6543000${name.length}`, '2021年4月2日')));
    }
    writeFileSync(join(q2, '区科委.xlsx'), await edit(await makeSheet(seed, '区科委', '2021-Q2'), (s) => sign(s, '张敏', '021-65430002', '2021年7月2日')));
    const q1Ledger = join(work, 'chase-q1.xlsx');
    expect((await cli('consolidate', q1, '--out', q1Ledger)).code).toBeLessThan(2);

    const previous = readPrevious([{ file: q1Ledger, bytes: readFileSync(q1Ledger) }], seed);
    const ledger = await consolidateFiles([q2], seed);
    const chased = chaseList({ ...ledger, submissions: [...(ledger.submissions ?? []), ...previous.submissions] });
    expect(chased.find((c) => c.department === '区大数据中心')).toMatchObject({ period: '2021-Q2', last: { period: '2021-Q1', reporter: { name: '李强', phone: '021-65430002', date: '2021-04-02' } } });
    expect(chased.find((c) => c.department === '区科委')).toBeUndefined();

    // The CLI says whom to call, and the Q2 ledger keeps both periods' trail.
    const q2Ledger = join(work, 'chase-q2.xlsx');
    const r = await cli('consolidate', q2, '--previous', q1Ledger, '--out', q2Ledger);
    expect(r.stdout).toMatch(/待催报 \d+ 个单位:[^\n]*区大数据中心（2021-Q1 填报人 李强，电话 021-65430002）/);
    const trail = readPrevious([{ file: q2Ledger, bytes: readFileSync(q2Ledger) }], seed).submissions;
    expect(trail.map((s) => `${s.period} ${s.department} ${s.reporter?.name}`).sort()).toEqual(['2021-Q1 区大数据中心 李强', '2021-Q1 区科委 张敏', '2021-Q2 区科委 张敏']);
  });
});
