import { readPrevious } from '../src/io/previous.js';
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { readProgress } from '../src/sheets/read.js';
import { excelBook } from './helpers/excel-grid.js';
import type { GridBook } from '../src/sheets/xlsx/grid.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { check, district, edit, makeSheet, pairs, seed } from './helpers/sheets.js';
import { zip } from './helpers/zip.js';

// 区科委's 2022-Q2 sheet of the district plan (序时进度 50%):
//   row 5 K5  5G基站 200个 (new)          row 6 K6  公共区域覆盖率 ≥95%
//   row 7 K7  公共充电桩 3000个 (累计)     row 8 K8  快充桩 100个 (new)
//   row 9     工作专班 (qualitative: status only)
// Columns: F 目标值, K 完成值, M 状态, N 进展说明, O 佐证材料.
let blank: Uint8Array;
beforeAll(async () => {
  blank = await makeSheet(district, '区科委', '2022-Q2');
});

type Sheet = ExcelJS.Worksheet;
const set = (values: Record<string, ExcelJS.CellValue>) => (s: Sheet) => {
  for (const [address, value] of Object.entries(values)) s.getCell(address).value = value;
};

describe('one fixture workbook per finding code: exact (cell, code) pairs', () => {
  test.each([
    { code: 'entry-not-a-number', change: set({ K5: 'abc' }), expected: [['K5', 'entry-not-a-number']] },
    {
      code: 'entry-not-a-number',
      notes: 'an error value from a formula is a finding, not a crash',
      change: set({ K8: { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue }),
      expected: [['K8', 'entry-not-a-number']],
    },
    { code: 'entry-negative', notes: 'also behind schedule', change: set({ K5: -5 }), expected: [['K5', 'entry-negative'], ['K5', 'entry-behind-schedule']] },
    { code: 'entry-not-integer', change: set({ K5: 150.5 }), expected: [['K5', 'entry-not-integer']] },
    { code: 'entry-percent-out-of-range', change: set({ K6: 120 }), expected: [['K6', 'entry-percent-out-of-range']] },
    { code: 'entry-unit-converted', notes: '400个 read as 400', change: set({ K7: '3000个' }), expected: [['K7', 'entry-unit-converted']] },
    {
      code: 'entry-unit-converted',
      notes: '1.5万 read as 15000, then far above the target',
      change: set({ K5: '1.5万' }),
      expected: [['K5', 'entry-unit-converted'], ['K5', 'entry-outlier']],
    },
    { code: 'entry-status-inconsistent', notes: '已完成 below target', change: set({ K5: 150, M5: '已完成', O5: '验收报告' }), expected: [['M5', 'entry-status-inconsistent']] },
    { code: 'entry-status-inconsistent', notes: 'met but 未启动', change: set({ K5: 200, M5: '未启动' }), expected: [['M5', 'entry-status-inconsistent']] },
    { code: 'entry-status-inconsistent', notes: 'met but 推进中', change: set({ K5: 200, M5: '推进中' }), expected: [['M5', 'entry-status-inconsistent']] },
    { code: 'entry-status-inconsistent', notes: 'a rate met but 推进中', change: set({ K6: 96, M6: '推进中' }), expected: [['M6', 'entry-status-inconsistent']] },
    { code: 'entry-status-inconsistent', notes: 'behind and 推进中 is consistent', change: set({ K5: 120, M5: '推进中' }), expected: [] },
    { code: 'entry-figure-in-task-row', notes: 'a number in a task’s row is said, not dropped', change: set({ K9: 3, M9: '推进中' }), expected: [['K9', 'entry-figure-in-task-row']] },
    { code: 'entry-figure-in-task-row', notes: 'the dash it came with, or another, is nothing typed', change: set({ K9: '-', M9: '推进中' }), expected: [] },
    { code: 'entry-evidence-missing', change: set({ M9: '已完成' }), expected: [['O9', 'entry-evidence-missing']] },
    { code: 'entry-outlier', change: set({ K8: 5000 }), expected: [['K8', 'entry-outlier']] },
    { code: 'entry-behind-schedule', change: set({ K5: 50 }), expected: [['K5', 'entry-behind-schedule']] },
    { code: 'template-plan-cell-changed', change: set({ F5: 999, E6: '覆盖率' }), expected: [['F5', 'template-plan-cell-changed'], ['E6', 'template-plan-cell-changed']] },
    { code: 'template-row-deleted', change: (s: Sheet) => s.spliceRows(6, 1), expected: [['#6', 'template-row-deleted']] },
    {
      code: 'template-row-added',
      notes: 'the added row is reported, the rows below are still read by their ids',
      change: (s: Sheet) => {
        s.spliceRows(7, 0, [null, '', 99, '', '自加任务']);
        s.getCell('K8').value = 1500;
      },
      expected: [['#7', 'template-row-added']],
    },
  ])('$code: $notes', async ({ change, expected }) => {
    const report = await check({ 'filled.xlsx': await edit(blank, change) }, district);
    expect(pairs(report)).toEqual(expected);
  });

  test('a figure typed in a task’s row is kept in its note', async () => {
    const report = await check({ 'filled.xlsx': await edit(blank, set({ K9: '3个', N9: '已召开专班会议' })) }, district);
    expect(report.entries.find((e) => e.targetId === null)?.note).toBe('3个;已召开专班会议');
  });

  test('entry-decreased: a running figure below last period’s', async () => {
    const previous = await edit(await makeSheet(district, '区科委', '2022-Q1'), set({ K7: 2800 }));
    const current = await edit(blank, set({ K7: 2700 }));
    const report = await check({ 'q2.xlsx': current }, district, { previous: readPrevious([{ file: 'q1.xlsx', bytes: previous }], district).figures });
    expect(pairs(report)).toEqual([['K7', 'entry-decreased']]);
  });

  test('template-unknown-plan: a sheet of another plan', async () => {
    const report = await check({ 'other.xlsx': blank }, seed);
    expect(pairs(report)).toEqual([['other.xlsx', 'template-unknown-plan']]);
  });

  test('template-not-a-progress-sheet: an ordinary workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = '推进情况';
    const report = await check({ 'plain.xlsx': new Uint8Array(await workbook.xlsx.writeBuffer()) }, district);
    expect(pairs(report)).toEqual([['plain.xlsx', 'template-not-a-progress-sheet']]);
  });
});

describe('bad files give one finding and no crash', () => {
  test.each([
    { notes: 'not a zip', file: () => strToU8('just text, not a workbook'), code: 'file-not-xlsx' },
    { notes: 'a zip that is not a workbook', file: () => zipSync({ 'word/document.xml': strToU8('<w:document/>') }), code: 'file-not-xlsx' },
    { notes: 'truncated zip', file: () => blank.slice(0, Math.floor(blank.length / 2)), code: 'file-corrupt' },
    { notes: 'damaged workbook XML', file: () => zipSync({ '[Content_Types].xml': strToU8('<'), 'xl/workbook.xml': strToU8('<<<') }), code: 'file-corrupt' },
    { notes: 'a zip of 1 GB uncompressed', file: gigabyteZip, code: 'file-too-large' },
  ])('$notes → $code', async ({ file, code }) => {
    const report = await check({ 'bad.xlsx': file() }, district);
    expect(pairs(report)).toEqual([['bad.xlsx', code]]);
    expect(report.valid).toBe(false);
  });
});

describe('read-back over any GridBook', () => {
  test('a workbook whose parts fail to read, whatever the reader, is file-corrupt, not a crash', () => {
    const failing: GridBook = {
      sheet() {
        throw new RangeError('Invalid code point 1114112');
      },
    };
    const reading = readProgress(failing, { file: 'odd.xlsx', records: district });
    expect(reading.findings.map((f) => [f.code, f.params])).toEqual([['file-corrupt', { file: 'odd.xlsx', reason: 'unreadable', detail: 'Invalid code point 1114112' }]]);
    expect(reading.identity).toBeUndefined();
  });

  test('the same rules over the fast reader and over exceljs give the same reading', async () => {
    const bytes = await edit(blank, set({ K5: '1.5万', M9: '已完成', K6: 96 }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const fast = readProgress(openWorkbook(bytes), { file: 'f.xlsx', records: district });
    const full = readProgress(excelBook(workbook), { file: 'f.xlsx', records: district });
    expect(full).toEqual(fast);
    expect(fast.findings.map((f) => f.code)).toEqual(['entry-unit-converted', 'entry-outlier', 'entry-evidence-missing']);
  });
});

describe('what people really type is read', () => {
  test.each([
    { notes: 'number stored as text', cell: 'K7', value: '1500' as ExcelJS.CellValue, read: 1500 },
    { notes: 'full-width digits', cell: 'K7', value: '１５００', read: 1500 },
    { notes: 'thousands separator', cell: 'K7', value: '1,500', read: 1500 },
    { notes: 'formula with its cached result', cell: 'K7', value: { formula: '1000+500', result: 1500 }, read: 1500 },
    { notes: 'rich text', cell: 'K7', value: { richText: [{ text: '15', font: { bold: true } }, { text: '00' }] }, read: 1500 },
    { notes: 'percentage as 96%', cell: 'K6', value: '96%', read: 96 },
    { notes: 'percentage as 96', cell: 'K6', value: 96, read: 96 },
  ])('$notes', async ({ cell, value, read }) => {
    const report = await check({ 'f.xlsx': await edit(blank, set({ [cell]: value })) }, district);
    expect(report.entries.find((e) => e.cell === cell)?.actual).toBe(read);
    expect(pairs(report)).toEqual([]);
  });

  test('0.6 in a %-formatted cell is 60%', async () => {
    const bytes = await edit(blank, (s) => {
      s.getCell('K6').value = 0.6;
      s.getCell('K6').numFmt = '0%';
    });
    const report = await check({ 'f.xlsx': bytes }, district);
    expect(report.entries.find((e) => e.cell === 'K6')?.actual).toBe(60);
  });

  test('a merged entry cell is read from its master', async () => {
    const bytes = await edit(blank, (s) => {
      s.getCell('N7').value = '已建成并接入市级平台';
      s.mergeCells('N7:O7');
    });
    const report = await check({ 'f.xlsx': bytes }, district);
    expect(report.entries.find((e) => e.cell === 'K7')).toMatchObject({ note: '已建成并接入市级平台' });
  });
});

describe('no data lost', () => {
  test('every row is an entry or a finding, and inputs are never modified', async () => {
    const files = {
      'a.xlsx': await edit(blank, (s) => {
        s.spliceRows(8, 0, [null, '', 1, '', '手工加的行']);
        s.getCell('K5').value = 120;
      }),
      'b.xlsx': await makeSheet(district, '区建管委', '2022-Q2'),
      'c.xlsx': strToU8('not a workbook'),
    };
    const before = Object.values(files).map(digest);
    const report = await check(files, district);
    const added = report.findings.filter((f) => f.code === 'template-row-added').length;
    expect(report.stats.rows).toBe(report.entries.length + added);
    expect(report.entries.map((e) => `${e.file}:${e.row}`)).toEqual(['a.xlsx:5', 'a.xlsx:6', 'a.xlsx:7', 'a.xlsx:9', 'a.xlsx:10', 'b.xlsx:5', 'b.xlsx:6', 'b.xlsx:7', 'b.xlsx:8']);
    expect(pairs(report)).toEqual([['#8', 'template-row-added'], ['c.xlsx', 'file-not-xlsx']]);
    expect(Object.values(files).map(digest)).toEqual(before);
  });
});

function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A real zip whose one part inflates to 1 GiB of zeros (about 4.5 MB on disk). */
function gigabyteZip(): Uint8Array {
  return zip({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8('<workbook/>'),
    'xl/worksheets/sheet1.xml': new Uint8Array(1 << 30),
  });
}

describe('departments that disagree', () => {
  test('a disputed target shows every department’s figure in the ledger and the audit, not the first one’s', async () => {
    const { consolidate, sheetReader, parsePeriod, auditLedger } = await import('../src/index.js');
    const { auditTables, ledgerTables } = await import('../src/report/tables.js');
    const { wording } = await import('../src/core/locales/index.js');
    const period = parsePeriod('2022-Q2');
    if (!period) throw new Error('period');
    const other = await makeSheet(district, '区建管委', '2022-Q2');
    const inputs = [
      { file: '区科委.xlsx', bytes: await edit(blank, set({ K5: 120 })) },
      { file: '区建管委.xlsx', bytes: await edit(other, set({ K5: 130 })) },
    ];
    const ledger = await consolidate(inputs, district, sheetReader(district), { period });
    const w = wording('zh-CN');
    const row = (table: { name: string; rows: readonly (readonly unknown[])[] } | undefined) => table?.rows.find((r) => r.includes('5G基站'));
    expect(row(ledgerTables(ledger, w).find((t) => t.name === 'ledger'))).toContain('区科委 120、区建管委 130');
    expect(row(auditTables(auditLedger(ledger), w).find((t) => t.name === 'details'))).toContain('区科委 120、区建管委 130');
  });
});
