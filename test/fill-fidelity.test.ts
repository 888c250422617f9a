import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { message, wording, type Finding } from '../src/index.js';
import { parsePeriod } from '../src/core/period.js';
import { generateProgressSheet } from '../src/sheets/template/fill.js';
import { unescapeEntities } from '../src/sheets/xlsx/xml.js';
import { ZipArchive } from '../src/sheets/xlsx/zip.js';
import { bin } from './helpers/cli.js';
import { check, pairs, seed } from './helpers/sheets.js';
import { resaveWithLibreOffice, richTemplate, RICH_PARTS } from './helpers/rich-template.js';
import { malformedParts, renderPdf } from './helpers/office.js';
import { libreOffice, openpyxl, run, SYSTEM_PYTHON, xmllint } from './helpers/tools.js';

/** PDFs and pictures of filled templates, kept for people to look at (not committed). */
const OUTPUT = fileURLToPath(new URL('../test-output/fill/', import.meta.url));
const OFFICE_TIMEOUT = 180_000;
const SHEET = '推进情况';

async function fill(template: Uint8Array, name = 'rich.xlsx') {
  const period = parsePeriod('2021-Q2');
  if (!period) throw new Error('period');
  return generateProgressSheet(template, { records: seed, department: '区科委', period, generatedAt: '2021-04-01T09:00:00', templateVersion: 'test', templateName: name });
}

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const xmlOf = (bytes: Uint8Array, part: string) => strFromU8(parts(bytes)[part] as Uint8Array);
/** The <c:f> ranges of a chart, without the sheet's name (LibreOffice drops the quotes). */
const chartRanges = (xml: string) => [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => (m[1] as string).replace(/^.*!/, '')).filter((f) => f.startsWith('$'));
/** Drawing anchors' (from row, to row), 0-based as stored. */
const anchors = (xml: string) => [...xml.matchAll(/<xdr:from>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>[\s\S]*?<xdr:to>[\s\S]*?<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => [Number(m[1]), Number(m[2])]);
/** A cell's value as shown: LibreOffice saves some texts as rich text. */
const shown = (v: ExcelJS.CellValue) => (v !== null && typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : v);
const definedNames = (xml: string) => Object.fromEntries([...xml.matchAll(/<definedName\b[^>]*name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => [m[1], (m[2] as string).replace(/^.*!/, '')]));

// 区科委 carries 16 rows in 2021-Q2: the row template (5) becomes rows 5–20 and everything below it moves down 15 rows.
const TEMPLATES = [
  { name: 'made with exceljs and raw XML', office: false, make: richTemplate },
  { name: 're-saved by LibreOffice', office: true, make: async () => resaveWithLibreOffice(await richTemplate(), 'rich.xlsx') },
];

/** Parts that must change when the row template is filled: everything else is copied as it was stored. */
const MAY_CHANGE = new Set([
  RICH_PARTS.sheet,
  RICH_PARTS.secondSheet, // its formulas point below the row template
  RICH_PARTS.chart, // series ranges
  RICH_PARTS.chart2, // the chart sheet's series ranges
  RICH_PARTS.drawing, // the chart's anchor
  RICH_PARTS.comments, // the note on B7
  RICH_PARTS.vml, // the same note's shape
  'xl/sharedStrings.xml',
  'xl/styles.xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
]);

describe.each(TEMPLATES)('a coordinator’s template $name', ({ name, office, make }) => {
  // Work is done in beforeAll, not in the suite's body: vitest runs the body of a skipped suite too, to list its tests.
  describe.runIf(!office || libreOffice.run)('filled for 区科委, 2021-Q2', () => {
    let template: Uint8Array;
    let bytes: Uint8Array;
    let findings: readonly Finding[];
    let before: ZipArchive;
    let after: ZipArchive;
    beforeAll(async () => {
      template = await make();
      ({ bytes, findings } = await fill(template));
      before = ZipArchive.open(template) as ZipArchive;
      after = ZipArchive.open(bytes) as ZipArchive;
    }, OFFICE_TIMEOUT);

    test('every part of the template is still there, and byte for byte where nothing had to change', () => {
      // The metadata and plan sheets, under the first free worksheet names.
      expect(after.names.filter((n) => !before.names.includes(n))).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/), expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
      const changed = before.names.filter((n) => {
        const [a, b] = [before.stored(n), after.stored(n)];
        return !a || !b || a.crc !== b.crc || a.data.length !== b.data.length || a.data.some((x, i) => x !== b.data[i]);
      });
      expect(changed.filter((n) => !MAY_CHANGE.has(n))).toEqual([]);
      // LibreOffice saves the chart sheet as a worksheet holding the chart; either way, it is kept as it was.
      const chartSheet = office ? 'xl/worksheets/sheet3.xml' : RICH_PARTS.chartSheet;
      for (const part of [RICH_PARTS.image, RICH_PARTS.custom, RICH_PARTS.drawingRels, RICH_PARTS.chartSheetDrawing, chartSheet, 'docProps/app.xml', 'docProps/core.xml']) {
        expect(before.names, part).toContain(part);
        expect(changed, part).not.toContain(part);
      }
      expect(findings).toEqual([]);
    });

    test('the chart’s ranges cover the moved rows, and its anchor moved below them', () => {
      const chart = xmlOf(bytes, RICH_PARTS.chart);
      expect(chartRanges(chart)).toEqual(expect.arrayContaining(['$B$25:$B$27', '$C$25:$C$27', '$F$5:$F$20']));
      expect(chartRanges(chart)).not.toEqual(expect.arrayContaining(['$B$10:$B$12']));
      // The chart sheet's chart: a column of the row template, and the block below it.
      expect(chartRanges(xmlOf(bytes, RICH_PARTS.chart2))).toEqual(expect.arrayContaining(['$D$5:$D$20', '$J$5:$J$20', '$C$25:$C$27']));
      const [image, chartAnchor] = anchors(xmlOf(bytes, RICH_PARTS.drawing));
      expect(image).toEqual(anchors(xmlOf(template, RICH_PARTS.drawing))[0]); // above the row template: unmoved
      const [from, to] = anchors(xmlOf(template, RICH_PARTS.drawing))[1] as number[];
      expect(chartAnchor).toEqual([(from as number) + 15, (to as number) + 15]);
    });

    test('names, print titles, comments and the second sheet’s formulas follow the rows', async () => {
      expect(definedNames(xmlOf(bytes, 'xl/workbook.xml'))).toMatchObject({ 目标值: '$F$5:$F$20', 汇总: '$B$25:$C$27' });
      expect(xmlOf(bytes, 'xl/workbook.xml')).toMatch(/name="_xlnm\.Print_Titles"[^>]*>[^<]*!\$1:\$4</);
      expect([...xmlOf(bytes, RICH_PARTS.comments).matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual(['B4', 'B22']);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const notes = workbook.getWorksheet('填报说明') as ExcelJS.Worksheet;
      expect((notes.getCell('B6').value as ExcelJS.CellFormulaValue).formula).toMatch(/K5:K20\)$/);
      expect((notes.getCell('B7').value as ExcelJS.CellFormulaValue).formula).toMatch(/!C26$/);
      // Header placeholders are filled in on every sheet, and in the page footer.
      expect(shown(notes.getCell('A9').value)).toBe('本表由区科委填报,期间:2021年第二季度');
      expect(xmlOf(bytes, RICH_PARTS.sheet)).toContain('区科委 2021年第二季度 第 &amp;P 页</oddFooter>');
      const sheet = workbook.getWorksheet(SHEET) as ExcelJS.Worksheet;
      expect(['B25', 'C27', 'B22'].map((a) => shown(sheet.getCell(a).value))).toEqual(['已完成', 2, '填报人:']);
      expect(workbook.getWorksheet('_plan_ledger')?.state).toBe('veryHidden');
    });

    test('the filled sheet reads back with no finding, and with its entries once typed', async () => {
      expect(pairs(await check({ 'filled.xlsx': bytes }, seed))).toEqual([]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(SHEET) as ExcelJS.Worksheet;
      sheet.getCell('K15').value = 400;
      sheet.getCell('M15').value = '已完成';
      sheet.getCell('O15').value = '验收单';
      const report = await check({ 'typed.xlsx': new Uint8Array(await workbook.xlsx.writeBuffer()) }, seed);
      expect(pairs(report)).toEqual([]);
      expect(report.entries.find((e) => e.targetId === 't2.5.12-1')).toMatchObject({ actual: 400, status: 'done', evidence: '验收单' });
    });

    test.runIf(xmllint.run)('every XML part is well-formed (xmllint)', () => {
      expect(malformedParts(bytes)).toEqual([]);
    });

    test.runIf(libreOffice.run)(
      'LibreOffice opens the filled sheet and renders it to PDF (test-output/fill/)',
      () => {
        const base = office ? 'rich-libreoffice' : 'rich-exceljs';
        const text = renderPdf(bytes, base, OUTPUT);
        for (const words of ['公共充电桩', '填报人', '已完成', '推进汇总', '填报说明']) expect(text, words).toContain(words);
      },
      OFFICE_TIMEOUT,
    );
    void name;
  });
});

test.runIf(xmllint.run)('a sheet filled from the default template is well-formed XML throughout (xmllint)', async () => {
  const { bytes } = await fill(new Uint8Array(readFileSync(new URL('../templates/progress-report.xlsx', import.meta.url))), 'progress-report.xlsx');
  expect(malformedParts(bytes)).toEqual([]);
});

/** The rich template with what filling cannot carry: a picture on the row template, a chart series along it, a validation on an entry cell. */
async function troublesome(): Promise<Uint8Array> {
  const files = unzipSync(await richTemplate());
  const edit = (part: string, change: (xml: string) => string) => (files[part] = strToU8(change(strFromU8(files[part] as Uint8Array))));
  // The second series along the row template, named by a cell of it (a name moves, it never stretches).
  edit(RICH_PARTS.chart, (xml) => xml.replace(`'${SHEET}'!$F$5:$F$5`, `'${SHEET}'!$F$5:$J$5`).replace('<c:tx><c:v>目标值</c:v></c:tx>', `<c:tx><c:strRef><c:f>'${SHEET}'!$D$5</c:f></c:strRef></c:tx>`));
  edit(RICH_PARTS.drawing, (xml) => xml.replace(/(<xdr:from><xdr:col>\d+<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>)0(<)/, '$14$2').replace(/(<xdr:to><xdr:col>\d+<\/xdr:col><xdr:colOff>\d+<\/xdr:colOff><xdr:row>)2(<)/, '$14$2'));
  edit(RICH_PARTS.sheet, (xml) => xml.replace('<pageMargins', '<dataValidations count="1"><dataValidation type="decimal" operator="greaterThan" allowBlank="1" sqref="K5"><formula1>0</formula1></dataValidation></dataValidations><pageMargins'));
  return zipSync(files);
}

describe('what a template holds that filling cannot carry is said, in the coordinator’s language', async () => {
  const template = await troublesome();
  const { bytes, findings } = await fill(template, 'office.xlsx');

  test('as findings of the fill, one per thing', () => {
    expect(findings.map((f) => [f.code, f.params])).toEqual([
      ['template-not-carried', { file: 'office.xlsx', what: 'validation-replaced', cell: 'K5' }],
      ['template-not-carried', { file: 'office.xlsx', what: 'series-across-row', part: RICH_PARTS.chart, range: `'${SHEET}'!$F$5:$J$5` }],
      ['template-not-carried', { file: 'office.xlsx', what: 'drawing-in-row', part: RICH_PARTS.drawing, row: 5 }],
    ]);
    expect(findings.map((f) => message(f))).toEqual([
      '模板 office.xlsx:K5 原有的数据验证已换成本表的填报校验',
      `模板 office.xlsx:图表的数据系列 '${SHEET}'!$F$5:$J$5 横跨行模板,填表后只含第一行`,
      '模板 office.xlsx:行模板(第 5 行)上的图片或图表不会逐行重复,只保留在第一行',
    ]);
    expect(message(findings[0] as (typeof findings)[number], wording('en'))).toBe("template office.xlsx: the data validation on K5 was replaced by the sheet's own entry check");
  });

  test('a series’ name on the row template stays one cell', () => {
    expect(xmlOf(bytes, RICH_PARTS.chart)).toContain(`<c:tx><c:strRef><c:f>'${SHEET}'!$D$5</c:f>`);
  });

  test('and the sheet is still sound: one validation per entry cell, read back with no finding', async () => {
    const xml = xmlOf(bytes, RICH_PARTS.sheet);
    const cells = [...xml.matchAll(/<dataValidation\b[^>]*sqref="([^"]+)"/g)].flatMap((m) => (m[1] as string).split(' '));
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells.filter((c) => c.startsWith('K'))).toHaveLength(6);
    expect(pairs(await check({ 'filled.xlsx': bytes }, seed))).toEqual([]);
  });

  test('plan-ledger template prints them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-fill-'));
    writeFileSync(join(dir, 'office.xlsx'), template);
    const result = bin(['template', '--department', '区科委', '--period', '2021-Q2', '--template', join(dir, 'office.xlsx'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
    expect(result.stderr).toContain('警告:模板 ');
    expect(result.stderr).toContain('行模板(第 5 行)上的图片或图表不会逐行重复');
  });
});

/** A template written by openpyxl: inline strings and no shared strings, sheet names as character references, prefixes of its own. */
describe.runIf(openpyxl.run)('a coordinator’s template written by openpyxl', () => {
  let bytes: Uint8Array;
  let findings: readonly Finding[];
  beforeAll(async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'plan-ledger-openpyxl-')), 'openpyxl.xlsx');
    run(SYSTEM_PYTHON, [fileURLToPath(new URL('./helpers/openpyxl_template.py', import.meta.url)), path]);
    // 区科委's 16 rows: the row template (4) becomes rows 4–19; totals at 6 move to 21, the signature block to 22–23.
    ({ bytes, findings } = await fill(new Uint8Array(readFileSync(path)), 'openpyxl.xlsx'));
  }, OFFICE_TIMEOUT);
  const xml = (part: string) => xmlOf(bytes, part);

  test('what cannot be carried is said: the comment on the row template', () => {
    expect(findings.map((f) => f.params)).toEqual([{ file: 'openpyxl.xlsx', what: 'comment-in-row', cell: 'D4' }]);
  });

  test('the chart covers every row, names, formulas, comments and merges follow them', () => {
    expect([...xml('xl/charts/chart1.xml').matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1])).toEqual(["'推进情况'!$C$4:$C$19", "'推进情况'!$G$4:$G$19"]);
    expect(definedNames(xml('xl/workbook.xml'))).toMatchObject({ 合计: '$G$21' });
    expect(xml('xl/workbook.xml')).toContain("'推进情况'!$A$1:$L$23</definedName>");
    expect([...xml('xl/comments/comment1.xml').matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual(['D4', 'A21']);
    expect([...xml('xl/drawings/commentsDrawing1.vml').matchAll(/<\w+:Row>(\d+)</g)].map((m) => m[1])).toEqual(['3', '20']);
    // exceljs cannot open openpyxl's drawings (it throws reading their anchors): the parts are read as they are.
    const formula = (part: string, cell: string) => unescapeEntities(new RegExp(`<c r="${cell}"[^>]*><f>([^<]*)</f>`).exec(xml(part))?.[1] ?? '');
    const [sheet, summary] = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'];
    expect([formula(summary, 'B1'), formula(summary, 'B2'), formula(summary, 'B3')]).toEqual(["'推进情况'!G21", "SUM('推进情况'!G4:G19)", "'推进情况'!A22"]);
    expect([formula(sheet, 'G21'), formula(sheet, 'L15')]).toEqual(['SUM(G4:G19)', 'IF(ISNUMBER(G15),G15*2,"")']);
    expect([...xml(sheet).matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1])).toEqual(['A22:F22', 'A23:K23']);
  });

  test('it reads back with no finding, every XML part is well-formed, and LibreOffice prints it', () => {
    return (async () => {
      expect(pairs(await check({ 'filled.xlsx': bytes }, seed))).toEqual([]);
      if (xmllint.run) expect(malformedParts(bytes)).toEqual([]);
      if (libreOffice.run) expect(renderPdf(bytes, 'openpyxl', OUTPUT)).toContain('公共充电桩');
    })();
  }, 180_000);
});
