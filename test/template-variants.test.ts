import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { parsePeriod, type Period } from '../src/core/period.js';
import { departmentsFor, worklist } from '../src/core/worklist.js';
import { PlanLedgerError } from '../src/index.js';
import { generateProgressSheet } from '../src/sheets/template/fill.js';
import { sharedStrings } from '../src/sheets/xlsx/reader.js';
import { malformedParts, renderPdf } from './helpers/office.js';
import { richTemplate, RICH_PARTS } from './helpers/rich-template.js';
import { check, district, makeSheet, pairs, seed } from './helpers/sheets.js';
import { libreOffice, xmllint } from './helpers/tools.js';

const OUTPUT = fileURLToPath(new URL('../test-output/fill/', import.meta.url));

/**
 * The default template as other writers put it, or with what offices add: each variant rewrites its XML, the filler
 * fills it for 区科委 2021-Q2 (row 5 becomes rows 5–20, the footer at 7–8 moves to 22–23), and the sheet reads back clean.
 */
const SHEET = 'xl/worksheets/sheet1.xml';
const base = unzipSync(new Uint8Array(readFileSync(new URL('../templates/progress-report.xlsx', import.meta.url))));
const texts = sharedStrings(strFromU8(base['xl/sharedStrings.xml'] as Uint8Array));

type Parts = Record<string, Uint8Array>;
function variant(change: (parts: Parts, edit: (part: string, f: (xml: string) => string) => void) => void): Uint8Array {
  const parts: Parts = { ...base };
  const edit = (part: string, f: (xml: string) => string) => (parts[part] = strToU8(f(strFromU8(parts[part] ?? strToU8('')))));
  change(parts, edit);
  return zipSync(parts);
}

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const TABLE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

const VARIANTS = [
  {
    name: 'inline strings instead of shared ones (as some generators write)',
    make: () => variant((_, edit) => edit(SHEET, (xml) => xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"><v>(\d+)<\/v><\/c>/g, (_, r: string, a: string, i: string) => `<c r="${r}"${a} t="inlineStr"><is><t>${escape(texts[Number(i)] ?? '')}</t></is></c>`))),
    expect: async (sheet: ExcelJS.Worksheet) => {
      expect(sheet.getCell('B3').value).toBe('填报单位:区科委');
      expect(sheet.getCell('E15').value).toBe('公共充电桩');
      expect(sheet.getCell('B22').value).toBe('填报人:');
    },
  },
  {
    name: 'rows without their r attribute (numbered by their order)',
    make: () => variant((_, edit) => edit(SHEET, (xml) => xml.replace(/<row r="[1-5]"/g, '<row'))),
    expect: async (sheet: ExcelJS.Worksheet) => {
      expect(sheet.getCell('F15').value).toBe(400);
      expect(sheet.getCell('B22').value).toBe('填报人:');
    },
  },
  {
    name: 'what offices add: a shared formula on the row template, totals, a print area, a link, a page break, a table',
    make: () =>
      variant((parts, edit) => {
        edit(SHEET, (xml) =>
          xml
            .replace(/(<c r="O5"[^>]*><v>34<\/v><\/c>)<\/row>/, '$1<c r="P5"><f t="shared" ref="P5:Q5" si="0">F5*2</f></c><c r="Q5"><f t="shared" si="0"/></c></row>')
            .replace('<c r="O7" s="12"/>', '<c r="O7" s="12"/><c r="P7"><f>SUM(F5:F5)</f><v>0</v></c><c r="Q7"><f>COUNTA(D4:D6)+B8</f></c>')
            .replace('<pageMargins', '<hyperlinks><hyperlink ref="B8" location="\'推进情况\'!A1" display="返回"/></hyperlinks><pageMargins')
            .replace('</worksheet>', '<rowBreaks count="1" manualBreakCount="1"><brk id="7" max="16383" man="1"/></rowBreaks><tableParts count="1"><tablePart r:id="rIdTable1"/></tableParts></worksheet>'),
        );
        edit('xl/workbook.xml', (xml) => xml.replace('</definedNames>', '<definedName name="_xlnm.Print_Area" localSheetId="0">\'推进情况\'!$A$1:$O$8</definedName><definedName name="合计">\'推进情况\'!$P$7</definedName></definedNames>'));
        const header = ['编号', '序号', '任务编号', '任务名称', '指标', '目标值', '单位', '完成时限', '上年基数', '序时目标', '完成值', '完成率', '状态', '进展说明', '佐证材料'];
        const columns = header.map((h, i) => `<tableColumn id="${i + 1}" name="${texts[5 + i] ?? h}"/>`).join('');
        parts['xl/tables/table1.xml'] = strToU8(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="进展" displayName="进展" ref="A4:O5" totalsRowShown="0"><autoFilter ref="A4:O5"/><tableColumns count="15">${columns}</tableColumns><tableStyleInfo name="TableStyleLight1" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
        );
        parts['xl/worksheets/_rels/sheet1.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdTable1" Type="${TABLE_TYPE}" Target="../tables/table1.xml"/></Relationships>`);
        edit('[Content_Types].xml', (xml) => xml.replace('</Types>', '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>'));
      }),
    expect: async (sheet: ExcelJS.Worksheet, bytes: Uint8Array) => {
      const formula = (a: string) => (sheet.getCell(a).value as ExcelJS.CellFormulaValue | null)?.formula;
      expect([formula('P6'), formula('Q6'), formula('P20'), formula('Q20')]).toEqual(['F6*2', 'G6*2', 'F20*2', 'G20*2']);
      expect([formula('P22'), formula('Q22')]).toEqual(['SUM(F5:F20)', 'COUNTA(D4:D21)+B23']);
      const files = unzipSync(bytes);
      const xml = (part: string) => strFromU8(files[part] as Uint8Array);
      expect(xml('xl/workbook.xml')).toContain("'推进情况'!$A$1:$O$23</definedName>");
      expect(xml('xl/workbook.xml')).toContain("'推进情况'!$P$22</definedName>");
      expect(xml(SHEET)).toContain('<hyperlink ref="B23"');
      expect(xml(SHEET)).toContain('<brk id="22"');
      expect(xml('xl/tables/table1.xml')).toMatch(/<table [^>]*ref="A4:O20"[^>]*><autoFilter ref="A4:O20"\/>/);
      expect(xml(SHEET)).not.toContain('t="shared"');
    },
  },
];

const xmlIn = (bytes: Uint8Array, part: string) => strFromU8(unzipSync(bytes)[part] as Uint8Array);
const other = (name: string, xml: string) => (parts: Parts, edit: (part: string, f: (xml: string) => string) => void) => {
  parts['xl/worksheets/sheet2.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${xml}`);
  edit('xl/workbook.xml', (x) => x.replace('</sheets>', `<sheet name="${name}" sheetId="2" r:id="rId92"/></sheets>`));
  edit('xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rId92" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'));
  edit('[Content_Types].xml', (x) => x.replace('</Types>', '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
};
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const X14 = 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"';

/** Templates as Excel and other writers leave them: what once went wrong, each with what the filler must say. */
const WRITERS = [
  {
    name: 'a calculation chain (Excel)',
    make: () =>
      variant((parts, edit) => {
        edit(SHEET, (xml) => xml.replace('<row r="7"', '<row r="6"><c r="K6"><f>SUM(K5:K5)</f><v>0</v></c></row><row r="7"'));
        parts['xl/calcChain.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain ${MAIN}><c r="K6" i="1"/></calcChain>`);
        edit('xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
        edit('[Content_Types].xml', (x) => x.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
      }),
    said: [],
    check: (bytes: Uint8Array) => {
      expect(Object.keys(unzipSync(bytes))).not.toContain('xl/calcChain.xml');
      expect(xmlIn(bytes, 'xl/_rels/workbook.xml.rels') + xmlIn(bytes, '[Content_Types].xml')).not.toContain('calcChain');
      expect(xmlIn(bytes, SHEET)).toContain('<c r="K21"><f>SUM(K5:K20)</f>');
    },
  },
  {
    name: 'Excel 2010 validations and formats (x14), on the status column and on another sheet',
    make: () =>
      variant((parts, edit) => {
        const list = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" ${X14}><x14:dataValidations count="1"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>选项!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>M5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
        edit(SHEET, (xml) => xml.replace('</worksheet>', `${list}</worksheet>`));
        const cf = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${X14}><x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="expression" priority="1" id="{00000000-0000-0000-0000-000000000001}"><xm:f>推进情况!$B$7&lt;&gt;""</xm:f><x14:dxf/></x14:cfRule><xm:sqref>A1</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
        other('选项', `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>未启动</t></is></c><c r="B1"><f>推进情况!B7</f></c></row></sheetData>${cf}</worksheet>`)(parts, edit);
      }),
    said: [{ what: 'validation-replaced', cell: 'M5' }],
    check: (bytes: Uint8Array) => {
      expect(xmlIn(bytes, SHEET)).not.toContain('x14:dataValidation ');
      expect(xmlIn(bytes, 'xl/worksheets/sheet2.xml')).toContain('<xm:f>推进情况!$B$22&lt;&gt;""</xm:f>');
      expect(xmlIn(bytes, 'xl/worksheets/sheet2.xml')).toContain('<f>推进情况!B22</f>');
    },
  },
  {
    name: 'a sheet name with & in it, pointed at from another sheet',
    make: () =>
      variant((parts, edit) => {
        edit('xl/workbook.xml', (x) => x.replace('name="推进情况"', 'name="R&amp;D推进"').replace('&apos;推进情况&apos;', '&apos;R&amp;D推进&apos;'));
        other('汇总', `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1"><f>'R&amp;D推进'!B7</f></c></row></sheetData></worksheet>`)(parts, edit);
      }),
    sheet: 'R&D推进',
    said: [],
    check: (bytes: Uint8Array) => expect(xmlIn(bytes, 'xl/worksheets/sheet2.xml')).toContain("<f>'R&amp;D推进'!B22</f>"),
  },
  {
    name: 'attributes in single quotes',
    make: () =>
      variant((_, edit) =>
        edit(SHEET, (xml) => {
          const [a, b] = [xml.indexOf('<sheetData>'), xml.indexOf('</sheetData>')];
          return xml.slice(0, a) + xml.slice(a, b).replace(/(\s[\w:]+)="([^"]*)"/g, "$1='$2'") + xml.slice(b);
        }),
      ),
    said: [],
    check: (bytes: Uint8Array) => expect(xmlIn(bytes, SHEET)).toMatch(/<c r="F15"[^>]*><v>400<\/v>/),
  },
  {
    name: 'a dynamic array on the row template, and a header cell merged into it',
    make: () =>
      variant((_, edit) =>
        edit(SHEET, (xml) =>
          xml
            .replace('</row><row r="7"', '<c r="P5" cm="1"><f t="array" ref="P5">_xlfn.UNIQUE(B5:C5)</f><v>1</v></c></row><row r="7"')
            .replace('<mergeCell ref="B8:O8"/>', '<mergeCell ref="B8:O8"/><mergeCell ref="A3:A5"/>')
            .replace('mergeCells count="9"', 'mergeCells count="10"'),
        ),
      ),
    said: [{ what: 'merge-across-row', range: 'A3:A5' }],
    check: (bytes: Uint8Array) => {
      const xml = xmlIn(bytes, SHEET);
      expect(xml).toContain('<c r="P6" cm="1"><f t="array" ref="P6">_xlfn.UNIQUE(B6:C6)</f></c>');
      // Split: the rows above the row template stay merged, its own are not (the id column reads back).
      expect(xml).toContain('<mergeCell ref="A3:A4"/>');
      expect(xml).not.toMatch(/<mergeCell ref="A\d+:A(5|20)"/);
    },
  },
  {
    name: 'ranges down to the sheet’s last row, a shared formula in single quotes, and a link to a cell below',
    make: () =>
      variant((_, edit) =>
        edit(SHEET, (xml) =>
          xml
            .replace('</row><row r="7"', "<c r='P5'><f t='shared' ref='P5:Q5' si='0'>F5*2</f></c><c r='Q5'><f t='shared' si='0'/></c></row><row r=\"7\"")
            .replace('<c r="O7" s="12"/>', '<c r="O7" s="12"/><c r="P7"><f>SUM(M5:M1048576)</f></c>')
            .replace('<pageMargins', '<dataValidations count="1"><dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="N5:N1048576"><formula1>200</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="B8" location="\'推进情况\'!B7" display="填报人"/></hyperlinks><pageMargins'),
        ),
      ),
    said: [],
    check: (bytes: Uint8Array) => {
      const xml = xmlIn(bytes, SHEET);
      expect(xml).toContain('sqref="N5:N1048576"');
      expect(xml).toContain('<f>SUM(M5:M1048576)</f>');
      expect(xml).toContain('<c r="Q6"><f>G6*2</f></c>');
      expect(xml).not.toMatch(/t=["']shared["']/);
      expect(xml).toContain('<hyperlink ref="B23" location="\'推进情况\'!B22"');
    },
  },
  {
    name: 'an empty shared string before the others',
    make: () =>
      variant((_, edit) => {
        edit('xl/sharedStrings.xml', (x) => x.replace('<si>', '<si/><si>'));
        edit(SHEET, (xml) => xml.replace(/(<c r="[A-Z]+\d+"[^>]*t="s"[^>]*><v>)(\d+)(<\/v>)/g, (_, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`));
      }),
    said: [],
    check: (bytes: Uint8Array) => expect(xmlIn(bytes, SHEET)).toMatch(/<c r="F15"[^>]*><v>400<\/v>/),
  },
];

describe.each(WRITERS)('a template with $name', ({ make, said, check: expected, sheet }) => {
  test('fills, says what it could not carry, and reads back with no finding', async () => {
    const period = parsePeriod('2021-Q2') as Period;
    const { bytes, findings } = await generateProgressSheet(make(), { records: seed, department: '区科委', period, generatedAt: '2021-04-01T09:00:00', templateVersion: 'test', templateName: 't.xlsx' });
    expect(findings.map((f) => (f.code === 'template-not-carried' ? (({ file: _, ...loss }) => loss)(f.params) : f.code))).toEqual(said);
    expected(bytes);
    if (xmllint.run) expect(malformedParts(bytes)).toEqual([]);
    const report = await check({ 'filled.xlsx': bytes }, seed);
    expect(pairs(report)).toEqual([]);
    expect(report.entries.map((e) => e.sheet)).toEqual(Array(16).fill(sheet ?? '推进情况'));
  });
});

describe.each(VARIANTS.map((v, i) => ({ ...v, i })))('a template with $name', ({ make, expect: expected, i }) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await makeSheet(seed, '区科委', '2021-Q2', make());
  });

  test('fills, moves what is below, and reads back with no finding', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    await expected(workbook.getWorksheet('推进情况') as ExcelJS.Worksheet, bytes);
    expect(pairs(await check({ 'filled.xlsx': bytes }, seed))).toEqual([]);
  });

  test.runIf(xmllint.run)('every XML part is well-formed (xmllint)', () => {
    expect(malformedParts(bytes)).toEqual([]);
  });

  test.runIf(libreOffice.run)('LibreOffice opens it and prints it (test-output/fill/)', () => {
    expect(renderPdf(bytes, `variant-${i + 1}`, OUTPUT)).toContain('公共充电桩');
  }, 180_000);
});

describe('every department of both plans, in every kind of period, from the default template', () => {
  const plans = [
    { plan: seed, periods: ['2021-Q1', '2021-H1', '2021-09', '2021'] },
    { plan: district, periods: ['2022-Q2', '2022'] },
  ];
  const cases = plans.flatMap(({ plan, periods }) => periods.flatMap((period) => departmentsFor(plan, parsePeriod(period) as Period).map((d) => ({ plan, period, department: d.name }))));

  test(`${cases.length} sheets: each has a row per item and reads back with no finding`, async () => {
    for (const { plan, period, department } of cases) {
      const bytes = await makeSheet(plan, department, period);
      const report = await check({ [`${period}-${department}.xlsx`]: bytes }, plan);
      expect(pairs(report), `${period} ${department}`).toEqual([]);
      expect(report.entries.length, `${period} ${department}`).toBe(worklist(plan, department, parsePeriod(period) as Period).length);
    }
  });
});

describe('a template saved as an Excel template or with macros comes out as a plain .xlsx', () => {
  const MACRO_TYPE = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
  const TEMPLATE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml';
  const saveAs = (type: string, macros: boolean) =>
    variant((parts, edit) => {
      edit('[Content_Types].xml', (xml) => xml.replace('spreadsheetml.sheet.main+xml', '').replace('ContentType="application/vnd.openxmlformats-officedocument."', `ContentType="${type}"`));
      if (!macros) return;
      parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      parts['xl/vbaProjectSignature.bin'] = new Uint8Array([1, 2, 3]);
      parts['xl/_rels/vbaProject.bin.rels'] = strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature" Target="vbaProjectSignature.bin"/></Relationships>');
      edit('[Content_Types].xml', (xml) =>
        xml
          .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"')
          .replace('</Types>', "<Override PartName='/xl/vbaProjectSignature.bin' ContentType='application/vnd.ms-office.vbaProjectSignature'/></Types>"),
      );
      edit('xl/_rels/workbook.xml.rels', (xml) => xml.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    });

  test.each([
    { name: '.xltx', template: () => saveAs(TEMPLATE_TYPE, false), said: [] },
    { name: '.xlsm', template: () => saveAs(MACRO_TYPE, true), said: ['macros-removed'] },
  ])('$name', async ({ template, said }) => {
    const source = template();
    expect(strFromU8(unzipSync(source)['[Content_Types].xml'] as Uint8Array)).not.toContain('spreadsheetml.sheet.main+xml');
    const period = parsePeriod('2021-Q2') as Period;
    const { bytes, findings } = await generateProgressSheet(source, { records: seed, department: '区科委', period, generatedAt: '2021-04-01T09:00:00', templateVersion: 'test', templateName: 'office.xlsm' });
    const files = unzipSync(bytes);
    expect(strFromU8(files['[Content_Types].xml'] as Uint8Array)).toContain('PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"');
    expect(Object.keys(files).filter((name) => /vbaProject/.test(name))).toEqual([]);
    expect(strFromU8(files['[Content_Types].xml'] as Uint8Array)).not.toMatch(/vbaProject|Extension="bin"/);
    expect(strFromU8(files['xl/_rels/workbook.xml.rels'] as Uint8Array)).not.toContain('vbaProject');
    expect(findings.map((f) => (f.code === 'template-not-carried' ? f.params.what : f.code))).toEqual(said);
    expect(pairs(await check({ 'filled.xlsx': bytes }, seed))).toEqual([]);
  });
});

/** Parts a hostile or broken writer could leave: each fill ends in linear time (a rescan per tag took minutes), filled or refused in one line. */
describe('a template with hostile parts', async () => {
  const rich = unzipSync(await richTemplate());
  const repeat = (text: string) => text.repeat(200_000);
  const HOSTILE = [
    { part: RICH_PARTS.drawing, xml: () => `<xdr:wsDr>${repeat('<xdr:twoCellAnchor><xdr:from><xdr:row>9</xdr:row>')}` },
    { part: RICH_PARTS.chart, xml: () => `<c:chartSpace>${repeat("<c:tx><c:f>'推进情况'!$A$9</c:f>")}` },
    { part: RICH_PARTS.chart, xml: () => `<c:chartSpace>${repeat('<c:f a="1" ')}>` },
    { part: RICH_PARTS.comments, xml: () => `<comments>${repeat('<comment ref="B9" ')}` },
    { part: RICH_PARTS.comments, xml: () => `<comments>${repeat('<comment author="甲" ')}` },
    { part: RICH_PARTS.vml, xml: () => `<xml>${repeat('<x:Anchor>1, 2, 9')}` },
    { part: RICH_PARTS.sheet, xml: () => strFromU8(rich[RICH_PARTS.sheet] as Uint8Array).replace('</sheetData>', `</sheetData>${repeat('<x14:dataValidation><xm:sqref>M5')}`) },
    { part: RICH_PARTS.sheet, xml: () => strFromU8(rich[RICH_PARTS.sheet] as Uint8Array).replace('<sheetData>', `<sheetData>${repeat('<row r="40"><c r="A40">')}`) },
    { part: 'xl/sharedStrings.xml', xml: () => `<sst>${repeat('<si><t>{{')}` },
    { part: 'xl/workbook.xml', xml: () => strFromU8(rich['xl/workbook.xml'] as Uint8Array).replace('<definedNames>', `<definedNames>${repeat('<definedName name="a">')}`) },
  ];
  test.each(HOSTILE)('$part', async ({ part, xml }) => {
    const period = parsePeriod('2021-Q2') as Period;
    const template = zipSync({ ...rich, [part]: strToU8(xml()) });
    const outcome = await generateProgressSheet(template, { records: seed, department: '区科委', period, generatedAt: '2021-04-01T09:00:00', templateVersion: 'test', templateName: 't.xlsx' }).then(
      ({ bytes }) => (bytes.length > 0 ? 'filled' : 'empty'),
      (e: unknown) => (e instanceof PlanLedgerError ? e.code : String(e)),
    );
    expect(['filled', 'template-invalid', 'template-missing-placeholder']).toContain(outcome);
  });
});
