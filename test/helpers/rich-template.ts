import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, parse } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { run, SOFFICE } from './tools.js';

/** Part names in richTemplate()'s bytes (as exceljs and the zip edits below write them). */
export const RICH_PARTS = {
  sheet: 'xl/worksheets/sheet1.xml',
  secondSheet: 'xl/worksheets/sheet2.xml',
  chart: 'xl/charts/chart1.xml',
  drawing: 'xl/drawings/drawing1.xml',
  drawingRels: 'xl/drawings/_rels/drawing1.xml.rels',
  comments: 'xl/comments1.xml',
  vml: 'xl/drawings/vmlDrawing1.vml',
  image: 'xl/media/image1.png',
  custom: 'docProps/custom.xml',
  chartSheet: 'xl/chartsheets/sheet1.xml',
  chartSheetRels: 'xl/chartsheets/_rels/sheet1.xml.rels',
  chartSheetDrawing: 'xl/drawings/drawing2.xml',
  chartSheetDrawingRels: 'xl/drawings/_rels/drawing2.xml.rels',
  chart2: 'xl/charts/chart2.xml',
} as const;

const SHEET = '推进情况';
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGM4YKkNAALhASX6vh3tAAAAAElFTkSuQmCC';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CHART_SHEET = '进度图';

const summary: ReadonlyArray<readonly [string, number]> = [['已完成', 9], ['推进中', 5], ['滞后', 2]];

const strCache = (values: readonly string[]): string =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:strCache>`;
const numCache = (values: readonly number[]): string =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache>`;

function series(idx: number, name: string, cat: string, catValues: readonly string[], val: string, valValues: readonly number[]): string {
  return `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${name}</c:v></c:tx><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${cat}</c:f>${strCache(catValues)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${val}</c:f>${numCache(valValues)}</c:numRef></c:val></c:ser>`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const chartXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
  `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>推进汇总</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
  `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
  series(0, '汇总', `'${SHEET}'!$B$10:$B$12`, summary.map(([l]) => l), `'${SHEET}'!$C$10:$C$12`, summary.map(([, n]) => n)) +
  series(1, '目标值', `'${SHEET}'!$E$5:$E$5`, ['{{target.metric}}'], `'${SHEET}'!$F$5:$F$5`, [0]) +
  `<c:gapWidth val="150"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>` +
  `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1002"/></c:catAx>` +
  `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:crossAx val="1001"/></c:valAx>` +
  `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

/** The chart sheet's chart: a bar per row-template task (任务名称 → 序时目标) and the summary block's counts. */
const chartSheetChartXml = `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
  `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>序时进度</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
  `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
  series(0, '序时目标', `'${SHEET}'!$D$5:$D$5`, ['{{task.title}}'], `'${SHEET}'!$J$5:$J$5`, [0]) +
  series(1, '汇总', `'${SHEET}'!$B$10:$B$12`, summary.map(([l]) => l), `'${SHEET}'!$C$10:$C$12`, summary.map(([, n]) => n)) +
  `<c:gapWidth val="150"/><c:axId val="2001"/><c:axId val="2002"/></c:barChart>` +
  `<c:catAx><c:axId val="2001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="2002"/></c:catAx>` +
  `<c:valAx><c:axId val="2002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:crossAx val="2001"/></c:valAx>` +
  `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

/** A drawing's frame around the chart related as `rId`. */
const chartFrame = (id: number, name: string, rId: string, locks = ''): string =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${name}"/>${locks ? `<xdr:cNvGraphicFramePr>${locks}</xdr:cNvGraphicFramePr>` : '<xdr:cNvGraphicFramePr/>'}</xdr:nvGraphicFramePr>` +
  `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_C}">` +
  `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${rId}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

const chartAnchor = (rId: string): string =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>13</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
  `<xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>28</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
  `${chartFrame(100, 'Chart 1', rId)}<xdr:clientData/></xdr:twoCellAnchor>`;

/** A chart sheet as Excel writes one: the sheet, its drawing (one absolute anchor filling the page) and the relationships between them. */
const chartSheetXml = `${XML_DECLARATION}<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetPr/>` +
  `<sheetViews><sheetView zoomScale="100" workbookViewId="0" zoomToFit="1"/></sheetViews>` +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`;
const chartSheetRelsXml = `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_RELS}">` +
  `<Relationship Id="rId1" Type="${NS_R}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`;
const chartSheetDrawingXml = `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
  `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9294091" cy="6065212"/>` +
  `${chartFrame(2, 'Chart 1', 'rId1', '<a:graphicFrameLocks noGrp="1"/>')}<xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;
const chartSheetDrawingRelsXml = `${XML_DECLARATION}<Relationships xmlns="${NS_PACKAGE_RELS}">` +
  `<Relationship Id="rId1" Type="${NS_R}/chart" Target="../charts/chart2.xml"/></Relationships>`;

const customXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
  `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="发文单位"><vt:lpwstr>杨浦区人民政府</vt:lpwstr></property>` +
  `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="年度"><vt:i4>2021</vt:i4></property></Properties>`;

/** Adds the default template's extras that exceljs can write: notes, an image, a summary block, a second sheet, names. */
async function withExceljsExtras(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(new URL('../../templates/progress-report.xlsx', import.meta.url)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET);
  if (!sheet) throw new Error(`no sheet ${SHEET}`);
  sheet.getCell('B4').note = '序号按任务编号排列';
  sheet.getCell('B7').note = '请填写经办人姓名';
  sheet.addImage(workbook.addImage({ base64: PNG_1X1, extension: 'png' }), 'M1:N2');
  summary.forEach(([label, count], i) => {
    sheet.getCell(`B${10 + i}`).value = label;
    sheet.getCell(`C${10 + i}`).value = count;
  });
  sheet.pageSetup = { ...sheet.pageSetup, printTitlesRow: '1:4', paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const notes = workbook.addWorksheet('填报说明');
  ['填报说明', '1. 只填写黄色单元格。', '2. 完成值填数字，不带单位。', '3. 状态从下拉列表中选择。'].forEach((line, i) => {
    notes.getCell(`A${i + 1}`).value = line;
  });
  notes.getCell('A6').value = '已填报行数';
  notes.getCell('B6').value = { formula: `COUNTA(${SHEET}!K5:K5)` };
  notes.getCell('A7').value = '推进中';
  notes.getCell('B7').value = { formula: `${SHEET}!C11` };
  notes.getCell('A9').value = '本表由{{department.name}}填报,期间:{{period.label}}';
  notes.getColumn(1).width = 40;
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: '&C{{department.name}} {{period.label}} 第 &P 页' };

  workbook.definedNames.add(`'${SHEET}'!$F$5:$F$5`, '目标值');
  workbook.definedNames.add(`'${SHEET}'!$B$10:$C$12`, '汇总');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Rewrites one part's XML. */
function patch(parts: Record<string, Uint8Array>, name: string, edit: (xml: string) => string): void {
  const part = parts[name];
  if (!part) throw new Error(`no part ${name}`);
  parts[name] = strToU8(edit(strFromU8(part)));
}

/** Inserts `addition` before the last `</tag>` of a part. */
function append(parts: Record<string, Uint8Array>, name: string, tag: string, addition: string): void {
  patch(parts, name, (xml) => {
    const at = xml.lastIndexOf(`</${tag}>`);
    if (at < 0) throw new Error(`no </${tag}> in ${name}`);
    return xml.slice(0, at) + addition + xml.slice(at);
  });
}

/** An override for `part` in [Content_Types].xml, unless a Default (by extension) or an Override already gives it `type`. */
function contentType(parts: Record<string, Uint8Array>, part: string, type: string): string {
  const types = strFromU8(parts['[Content_Types].xml'] ?? new Uint8Array());
  const extension = part.slice(part.lastIndexOf('.') + 1);
  const given = [...types.matchAll(/<(Default|Override)\b([^>]*)\/>/g)].some(([, kind, attrs = '']) =>
    (kind === 'Default' ? attrs.includes(`Extension="${extension}"`) : attrs.includes(`PartName="/${part}"`)) && attrs.includes(`ContentType="${type}"`));
  return given ? '' : `<Override PartName="/${part}" ContentType="${type}"/>`;
}

/** Adds the chart sheet 进度图 after the last sheet (填报说明), with its drawing and chart. */
function addChartSheet(parts: Record<string, Uint8Array>): void {
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels'] ?? new Uint8Array());
  const rId = `rId${Math.max(0, ...[...rels.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1]))) + 1}`;
  const workbook = strFromU8(parts['xl/workbook.xml'] ?? new Uint8Array());
  const sheetId = Math.max(0, ...[...workbook.matchAll(/<sheet\b[^>]*?\ssheetId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  append(parts, 'xl/workbook.xml', 'sheets', `<sheet name="${CHART_SHEET}" sheetId="${sheetId}" r:id="${rId}"/>`);
  append(parts, 'xl/_rels/workbook.xml.rels', 'Relationships', `<Relationship Id="${rId}" Type="${NS_R}/chartsheet" Target="chartsheets/sheet1.xml"/>`);
  parts[RICH_PARTS.chartSheet] = strToU8(chartSheetXml);
  parts[RICH_PARTS.chartSheetRels] = strToU8(chartSheetRelsXml);
  parts[RICH_PARTS.chartSheetDrawing] = strToU8(chartSheetDrawingXml);
  parts[RICH_PARTS.chartSheetDrawingRels] = strToU8(chartSheetDrawingRelsXml);
  parts[RICH_PARTS.chart2] = strToU8(chartSheetChartXml);
  append(parts, '[Content_Types].xml', 'Types',
    contentType(parts, RICH_PARTS.chartSheet, 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml') +
    contentType(parts, RICH_PARTS.chartSheetDrawing, 'application/vnd.openxmlformats-officedocument.drawing+xml') +
    contentType(parts, RICH_PARTS.chart2, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'));
}

/** A coordinator's office template: the default one plus notes, an image, a chart, a second sheet, a chart sheet, names and custom properties. */
export async function richTemplate(): Promise<Uint8Array> {
  const parts = unzipSync(await withExceljsExtras());
  patch(parts, 'xl/workbook.xml', (xml) => xml.replace('!$F$5</definedName>', '!$F$5:$F$5</definedName>')); // exceljs wrote $F$5
  parts[RICH_PARTS.chart] = strToU8(chartXml);
  parts[RICH_PARTS.custom] = strToU8(customXml);
  append(parts, RICH_PARTS.drawingRels, 'Relationships', `<Relationship Id="rIdChart1" Type="${NS_R}/chart" Target="../charts/chart1.xml"/>`);
  append(parts, RICH_PARTS.drawing, 'xdr:wsDr', chartAnchor('rIdChart1'));
  append(parts, '[Content_Types].xml', 'Types',
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
  append(parts, '_rels/.rels', 'Relationships', `<Relationship Id="rIdCustom1" Type="${NS_R}/custom-properties" Target="docProps/custom.xml"/>`);
  addChartSheet(parts);
  return zipSync(parts);
}

/** The bytes after LibreOffice has opened and saved them again as .xlsx. */
export function resaveWithLibreOffice(bytes: Uint8Array, name: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'lo-resave-'));
  try {
    const input = join(dir, 'in', name);
    const outdir = join(dir, 'out');
    mkdirSync(join(dir, 'in'));
    writeFileSync(input, bytes);
    run(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outdir, input], 180_000);
    return new Uint8Array(readFileSync(join(outdir, `${parse(name).name}.xlsx`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
