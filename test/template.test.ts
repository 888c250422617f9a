import { unzipSync, strFromU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { PlanLedgerError } from '../src/index.js';
import { wording } from '../src/core/locales/index.js';
import { expectedShare, parsePeriod } from '../src/core/period.js';
import { buildDefaultTemplate } from '../src/sheets/template/default.js';
import { readMeta } from '../src/sheets/metadata.js';
import { excelBook } from './helpers/excel-grid.js';
import { check, defaultTemplate, edit, makeSheet, pairs, seed } from './helpers/sheets.js';

const load = async (bytes: Uint8Array | ArrayBuffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
};
const sheetXml = (bytes: Uint8Array, part = 'xl/worksheets/sheet1.xml') => strFromU8(unzipSync(bytes)[part] as Uint8Array);

describe('periods', () => {
  test.each([
    { label: '2021', name: '2021年', share: 1 },
    { label: '2021-H1', name: '2021年上半年', share: 0.5 },
    { label: '2021-h2', name: '2021年下半年', share: 1 },
    { label: '2021-Q2', name: '2021年第二季度', share: 0.5 },
    { label: '2021-Q1', name: '2021年第一季度', share: 0.25 },
    { label: '2021-06', name: '2021年6月', share: 0.5 },
  ])('$label → $name, 序时进度 $share', ({ label, name, share }) => {
    const p = parsePeriod(label);
    expect(p && wording().periodName(p)).toBe(name);
    expect(p && expectedShare(p, 2021, '2021-12-31')).toBe(share);
  });

  test('a 上半年 deadline is due in full by Q2; a 2022 deadline halfway through 2021 is a quarter done', () => {
    const q2 = parsePeriod('2021-Q2');
    expect(q2 && expectedShare(q2, 2021, '2021-06-30')).toBe(1);
    expect(q2 && expectedShare(q2, 2021, '2022-12-31')).toBe(0.25);
  });

  test.each(['2021-Q5', '2021-13', '21-Q1', 'Q2', '2021Q2', ''])('%j is not a period', (label) => {
    expect(parsePeriod(label)).toBeUndefined();
  });
});

describe('the default template', () => {
  test('templates/progress-report.xlsx is what src/sheets/template/default.ts builds (npm run template)', async () => {
    // Both through a write and a read, as exceljs drops default widths when it reads.
    const committed = (await load(defaultTemplate)).worksheets[0] as ExcelJS.Worksheet;
    const built = (await load(await buildDefaultTemplate().xlsx.writeBuffer())).worksheets[0] as ExcelJS.Worksheet;
    const view = (s: ExcelJS.Worksheet) => ({
      values: s.getSheetValues(),
      merges: s.model.merges,
      widths: s.columns.map((c) => c.width),
      formats: s.getRow(5).values,
    });
    expect(view(committed)).toEqual(view(built));
  });
});

describe('a generated sheet (区科委, 2021-Q2)', async () => {
  const bytes = await makeSheet(seed, '区科委', '2021-Q2');
  const workbook = await load(bytes);
  const sheet = workbook.getWorksheet('推进情况') as ExcelJS.Worksheet;
  const meta = readMeta(excelBook(workbook));

  test('a row per target and a status row per task without one, then the footer moved below', () => {
    expect(meta?.rows.map((r) => r.id)).toEqual([
      't2.1.1', 't2.2.2-1', 't2.2.2-2', 't2.2.3', 't2.3.5-1', 't2.3.6', 't2.3.7', 't2.4.8', 't2.4.9', 't2.4.11-1', 't2.5.12-1', 't2.5.12-2', 't2.5.13', 't2.6.17', 't2.6.18', 't2.6.19',
    ]);
    expect(sheet.getCell('E15').value).toBe('公共充电桩');
    expect(sheet.getCell('F15').value).toBe(400);
    expect(sheet.getCell('I15').value).toBe(2994); // 上年基数 from 2020's 2994个公共充电桩
    expect(sheet.getCell('J15').value).toBe(200); // 序时目标 at 50%
    expect(sheet.getCell('L15').value).toMatchObject({ formula: 'IF(ISNUMBER(K15),K15/F15,"")' });
    expect(sheet.getCell('B22').value).toBe('填报人:');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['B1:O1', 'B22:C22', 'D22:E22', 'M22:O22', 'B23:O23']));
    // The signature block's input cells are open to the department; their labels and the plan cells are not.
    expect([sheet.getCell('D22').protection?.locked, sheet.getCell('H22').protection?.locked, sheet.getCell('M22').protection?.locked, sheet.getCell('B22').protection?.locked]).toEqual([false, false, false, undefined]);
    expect(sheet.getCell('B3').value).toBe('填报单位:区科委');
  });

  test('plan cells locked, entry cells unlocked, sheet protected without a password', () => {
    expect(sheet.getCell('F15').protection?.locked).not.toBe(false);
    for (const address of ['K15', 'M15', 'N15', 'O15']) expect(sheet.getCell(address).protection?.locked, address).toBe(false);
    expect(sheet.getCell('K5').protection?.locked).not.toBe(false); // a status row has no figure to enter
    const xml = sheetXml(bytes);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(xml).not.toMatch(/<sheetProtection [^>]*(password|hashValue)=/);
  });

  test('data validations stand on the exact entry cells, never whole columns, with Chinese prompts', () => {
    const xml = sheetXml(bytes);
    const validations = [...xml.matchAll(/<dataValidation ([^>]*)>/g)].map((m) => m[1] as string);
    const sqrefs = validations.map((v) => /sqref="([^"]+)"/.exec(v)?.[1] ?? '');
    // One range per cell: grouped ranges from exceljs can overlap, which Excel repairs on open.
    const cells = sqrefs.flatMap((s) => s.split(' '));
    expect(cells.every((c) => /^[KM]([5-9]|1\d|20)$/.test(c))).toBe(true);
    expect(new Set(cells).size).toBe(cells.length);
    expect(new Set(cells.filter((c) => c.startsWith('M'))).size).toBe(16);
    expect(new Set(cells.filter((c) => c.startsWith('K'))).size).toBe(6);
    expect(sheet.getCell('K15').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], promptTitle: '完成值(第 11 项)', prompt: '填写不小于 0 的整数,单位:个' });
    expect(sheet.getCell('M9').dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,滞后"'] });
  });

  test('traffic lights: met green, behind 序时进度 red, on track amber', () => {
    const xml = sheetXml(bytes);
    expect(xml).toContain('<conditionalFormatting sqref="K15">');
    expect(xml).toContain('AND(ISNUMBER($K15),$K15&gt;=400)');
    expect(xml).toContain('AND(ISNUMBER($K15),$K15&lt;200)');
    expect(xml).toContain('AND(ISNUMBER($K15),$K15&gt;=200)');
  });

  test('A4 landscape with the header rows repeated', () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:4' });
  });

  test('the metadata sheet is very hidden and names plan, department, period and every plan cell', () => {
    expect(workbook.getWorksheet('_plan_ledger')?.state).toBe('veryHidden');
    expect(meta).toMatchObject({ planId: seed.document.id, contentHash: seed.document.contentHash, department: '区科委', period: '2021-Q2', templateVersion: 'test' });
    expect(meta?.rows[10]).toMatchObject({ row: 15, targetId: 't2.5.12-1', plan: { E: '公共充电桩', F: '400', G: '个' } });
  });

  test.each([
    { notes: 'a number where a plan cell’s text belongs', change: (m: Meta) => ({ ...m, rows: m.rows.map((r, i) => (i === 0 ? { ...r, plan: { ...r.plan, E: 5 } } : r)) }) },
    { notes: 'columns as a list', change: (m: Meta) => ({ ...m, columns: Object.values(m.columns) }) },
    { notes: 'plan cells missing', change: (m: Meta) => ({ ...m, rows: m.rows.map(({ plan: _, ...r }) => r) }) },
  ])('metadata that does not fit is not trusted: $notes', async ({ change }) => {
    const altered = await edit(bytes, (_, book) => {
      const hidden = book.getWorksheet('_plan_ledger') as ExcelJS.Worksheet;
      let json = '';
      for (let row = 2; row <= hidden.rowCount; row++) json += String(hidden.getCell(`A${row}`).value ?? '');
      hidden.getCell('A2').value = JSON.stringify(change(JSON.parse(json) as Meta));
      for (let row = 3; row <= hidden.rowCount; row++) hidden.getCell(`A${row}`).value = null;
    });
    expect(readMeta(excelBook(await load(altered)))).toBeUndefined();
    expect(pairs(await check({ 'altered.xlsx': altered }, seed))).toEqual([['altered.xlsx', 'template-not-a-progress-sheet']]);
  });
});

type Meta = NonNullable<ReturnType<typeof readMeta>>;

describe('a template a coordinator restyled', () => {
  /** Columns reordered, a column added, a two-row merged header, a merged title cell in the row, a footer with a merge and a list. */
  async function restyled(drop?: string): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('进展');
    sheet.getCell('A1').value = '{{plan.title}}——{{department.name}}';
    sheet.mergeCells('A1:I1');
    sheet.getCell('A2').value = '任务';
    sheet.mergeCells('A2:B2');
    sheet.getCell('C2').value = '填报';
    sheet.mergeCells('C2:F2');
    sheet.getCell('G2').value = '目标';
    sheet.mergeCells('G2:I2');
    ['任务', '', '状态', '完成值', '说明', '佐证', '指标', '目标值', '核对'].forEach((h, i) => (sheet.getRow(3).getCell(i + 1).value = h));
    const row = ['{{task.code}}', '{{task.title}}', '{{entry.status}}', '{{entry.actual}}', '{{entry.note}}', '{{entry.evidence}}', '{{target.metric}}', '{{target.value}}', { formula: 'IF(D4="","未填","已填")' }];
    row.forEach((v, i) => (sheet.getRow(4).getCell(i + 1).value = (v === `{{${drop}}}` ? null : v) as ExcelJS.CellValue));
    sheet.getRow(4).height = 24;
    sheet.getCell('D4').numFmt = '#,##0';
    sheet.mergeCells('A4:A4');
    sheet.getCell('A6').value = '填报人:';
    sheet.mergeCells('A6:C6');
    sheet.getCell('D6').value = '联系电话:';
    sheet.getCell('E6').dataValidation = { type: 'list', formulae: ['"座机,手机"'] };
    sheet.addConditionalFormatting({ ref: 'H4', rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: { argb: 'FF638EC6' } } as ExcelJS.ConditionalFormattingRule] });
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  test('fills it: rows repeated with styles and formulas, footer, merges and validations moved', async () => {
    const bytes = await makeSheet(seed, '区科委', '2021-Q2', await restyled());
    const workbook = await load(bytes);
    const sheet = workbook.getWorksheet('进展') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('杨浦区新型基础设施建设2020年工作进展和2021年工作计划——区科委');
    expect(sheet.getCell('G14').value).toBe('公共充电桩');
    expect(sheet.getCell('H14').value).toBe(400);
    expect(sheet.getCell('I14').value).toMatchObject({ formula: 'IF(D14="","未填","已填")' });
    expect(sheet.getRow(14).height).toBe(24);
    expect(sheet.getCell('D14').numFmt).toBe('#,##0');
    expect(sheet.getCell('A21').value).toBe('填报人:');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:I1', 'A2:B2', 'C2:F2', 'G2:I2', 'A21:C21']));
    expect(sheet.getCell('E21').dataValidation).toMatchObject({ type: 'list' });
    expect(sheetXml(bytes)).toContain('<conditionalFormatting sqref="H4:H19">');
  });

  test('reads it back without an id column, by the rows it generated', async () => {
    const blank = await makeSheet(seed, '区科委', '2021-Q2', await restyled());
    const filled = await edit(blank, (s) => {
      s.getCell('D14').value = 180;
      s.getCell('C14').value = '推进中';
      s.getCell('E14').value = '已建成 180 个';
    });
    const report = await check({ 'restyled.xlsx': filled }, seed);
    expect(report.entries.find((e) => e.targetId === 't2.5.12-1')).toMatchObject({ actual: 180, status: 'in-progress', note: '已建成 180 个', cell: 'D14' });
    expect(pairs(report)).toEqual([['D14', 'entry-behind-schedule']]);
  });

  test.each(['entry.actual', 'entry.status', 'entry.evidence'])('without {{%s}} it is refused, naming the placeholder', async (name) => {
    const template = await restyled(name);
    await expect(makeSheet(seed, '区科委', '2021-Q2', template)).rejects.toThrow(PlanLedgerError);
    await expect(makeSheet(seed, '区科委', '2021-Q2', template)).rejects.toMatchObject({ code: 'template-missing-placeholder', params: { placeholder: `{{${name}}}` } });
  });
});
