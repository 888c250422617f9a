import ExcelJS from 'exceljs';
import { wording, type Wording } from '../../core/locales/index.js';
import type { TemplateColumn } from '../../core/locales/wording.js';
import { rowHeight, wrappedLines } from '../../core/fit.js';

export { DEFAULT_TEMPLATE_VERSION } from './version.js';

const THIN = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } };

// [placeholder, width, input?]; each column's header is in the wording. About 165 digit widths in all, so that
// the sheet prints one A4 landscape page wide near full size; task names, metrics and notes wrap (the filler makes
// each row high enough).
const COLUMNS: ReadonlyArray<readonly [TemplateColumn, number, boolean?]> = [
  ['row.id', 12],
  ['row.number', 5],
  ['task.code', 7],
  ['task.title', 24],
  ['target.metric', 18],
  ['target.value', 9],
  ['target.unit', 6],
  ['target.deadline', 12],
  ['baseline', 9],
  ['expected', 9],
  ['entry.actual', 9, true],
  ['completion', 8],
  ['entry.status', 8, true],
  ['entry.note', 24, true],
  ['entry.evidence', 18, true],
];
// Inches: narrow, so that the table prints large.
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 };

/**
 * The default progress-sheet template (templates/progress-report.xlsx is the zh-CN one): a title block, a header
 * row, one row template of placeholders, and a signature block below it (填报人, 联系电话, 填报日期, each with the
 * cell the department fills). Coordinators may restyle it.
 */
export function buildDefaultTemplate(w: Wording = wording()): ExcelJS.Workbook {
  const t = w.template;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-ledger';
  const sheet = workbook.addWorksheet(t.sheetName, {
    views: [{ state: 'frozen', ySplit: 4, xSplit: 0 }],
    // A4 landscape, one page wide, the title and header rows on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:4', horizontalCentered: true, margins: MARGINS },
    headerFooter: { oddFooter: `&C${w.printout.footer}` },
  });
  sheet.columns = COLUMNS.map(([, width]) => ({ width }));
  sheet.getColumn(1).hidden = true;
  const last = COLUMNS.length;
  const lastLetter = sheet.getColumn(last).letter;

  const title = sheet.getCell('B1');
  title.value = '{{plan.title}}';
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(`B1:${lastLetter}1`);
  sheet.getRow(1).height = 28;

  const subtitle = sheet.getCell('B2');
  subtitle.value = t.subtitle;
  subtitle.font = { size: 13, bold: true };
  subtitle.alignment = { horizontal: 'center' };
  sheet.mergeCells(`B2:${lastLetter}2`);
  sheet.getRow(2).height = rowHeight(1, 13);

  sheet.getCell('B3').value = t.departmentLine;
  sheet.mergeCells('B3:G3');
  sheet.getCell('H3').value = t.shareLine;
  sheet.mergeCells('H3:J3');
  sheet.getCell('K3').value = t.documentLine;
  sheet.mergeCells(`K3:${lastLetter}3`);
  // 文号, time and the units note take two lines of this width.
  for (const cell of ['B3', 'H3']) sheet.getCell(cell).alignment = { vertical: 'top' };
  sheet.getCell('K3').alignment = { vertical: 'top', wrapText: true };
  sheet.getRow(3).height = rowHeight(2);

  const header = sheet.getRow(4);
  const template = sheet.getRow(5);
  COLUMNS.forEach(([placeholder, , input], i) => {
    const h = header.getCell(i + 1);
    h.value = t.headers[placeholder];
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.border = BORDER;
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const c = template.getCell(i + 1);
    c.value = `{{${placeholder}}}`;
    c.border = BORDER;
    c.alignment = { vertical: 'top', wrapText: true };
    if (input) c.fill = INPUT_FILL;
  });
  header.height = rowHeight(Math.max(...COLUMNS.map(([placeholder, width]) => wrappedLines(t.headers[placeholder], width))));
  template.getCell(6).numFmt = '#,##0.##';
  template.getCell(9).numFmt = '#,##0.##';
  template.getCell(10).numFmt = '#,##0.##';
  template.getCell(11).numFmt = '#,##0.##';
  template.getCell(12).numFmt = '0.0%';

  // The signature block: each label beside the cell the department fills (unlocked by the filler, read back).
  const sign = sheet.getRow(7);
  for (const [label, text, input, placeholder] of [
    ['B7:C7', t.reporter, 'D7:E7', 'reporter.name'],
    ['F7:G7', t.phone, 'H7:J7', 'reporter.phone'],
    ['K7:L7', t.date, `M7:${lastLetter}7`, 'reporter.date'],
  ] as const) {
    const [labelCell] = label.split(':') as [string];
    const [inputCell] = input.split(':') as [string];
    sheet.getCell(labelCell).value = text;
    sheet.getCell(labelCell).alignment = { horizontal: 'right', vertical: 'middle' };
    sheet.mergeCells(label);
    const cell = sheet.getCell(inputCell);
    cell.value = `{{${placeholder}}}`;
    cell.fill = INPUT_FILL;
    cell.border = { bottom: THIN };
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
    sheet.mergeCells(input);
    // Every cell of the merge open, as the filler opens the first: spreadsheets give a merge its first cell's style.
    const [from, to] = input.split(':') as [string, string];
    for (let c = Number(sheet.getCell(from).col); c <= Number(sheet.getCell(to).col); c++) sheet.getCell(7, c).protection = { locked: false };
  }
  sign.height = rowHeight(1.5);
  const note = sheet.getCell('B8');
  note.value = t.note;
  note.font = { color: { argb: 'FF595959' }, size: 9 };
  sheet.mergeCells(`B8:${lastLetter}8`);
  return workbook;
}

/** The default template as .xlsx bytes, in the given wording's language. */
export async function defaultTemplate(w: Wording = wording()): Promise<Uint8Array> {
  return new Uint8Array(await buildDefaultTemplate(w).xlsx.writeBuffer());
}
