import ExcelJS from 'exceljs';
import type { Light } from '../core/audit.js';
import { rowHeight, widthFor, wrappedLines } from '../core/fit.js';
import type { Cell, Column, Heading, Table } from './tables.js';

const HEADER_FILL = 'FFDDEBF7';
const MAX_SHEET_NAME = 31; // Excel's limit
const THIN = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const TITLE_SIZE = 14;
// Inches, as spreadsheets keep them: narrow enough that a wide table prints large.
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 };

/** One workbook, a sheet per table, printed on A4 landscape one page wide; see tablesToWorkbook. */
export async function tablesToXlsx(tables: readonly Table[], heading?: Heading): Promise<Uint8Array> {
  return new Uint8Array(await tablesToWorkbook(tables, heading).xlsx.writeBuffer());
}

/**
 * The workbook tablesToXlsx writes, for callers that add to it (a hidden sheet, say): a sheet per table with a bold
 * frozen header and filters, under the heading's two lines when there is one, every cell bordered, long text wrapped
 * in rows high enough for it, figures and percentages formatted, and, on A4 landscape one page wide, the heading and
 * header on every page.
 */
export function tablesToWorkbook(tables: readonly Table[], heading?: Heading): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-ledger';
  for (const t of tables) addTable(workbook, t, heading);
  return workbook;
}

function addTable(workbook: ExcelJS.Workbook, t: Table, heading: Heading | undefined): void {
  const top = heading ? 3 : 1;
  const widths = t.columns.map((c, i) => columnWidth(c, t.rows.map((r) => r[i] ?? null)));
  const sheet = workbook.addWorksheet(t.title.slice(0, MAX_SHEET_NAME), {
    views: [{ state: 'frozen', ySplit: top }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${top}`, horizontalCentered: true, margins: MARGINS },
    ...(heading ? { headerFooter: { oddFooter: `&C${heading.footer}` } } : {}),
  });
  sheet.columns = t.columns.map((c, i) => ({ key: c.key, width: widths[i] ?? c.width, ...(c.style === 'hidden' ? { hidden: true } : {}) }));
  if (heading && t.columns.length > 0) {
    const shown = widths.reduce((sum, width, i) => sum + (t.columns[i]?.style === 'hidden' ? 0 : width), 0);
    titleRow(sheet, 1, heading.title, { size: TITLE_SIZE, bold: true }, shown, t.columns.length);
    titleRow(sheet, 2, heading.line(t.title), {}, shown, t.columns.length);
  }
  const header = sheet.getRow(top);
  header.values = t.columns.map((c) => c.header);
  header.font = { bold: true };
  header.height = rowHeight(Math.max(1, ...t.columns.map((c, i) => wrappedLines(c.header, widths[i] ?? c.width))));
  t.columns.forEach((_, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  t.rows.forEach((values, r) => {
    const row = sheet.getRow(top + 1 + r);
    let lines = 1;
    t.columns.forEach((c, i) => {
      const value = values[i] ?? null;
      const cell = row.getCell(i + 1);
      if (value !== null) cell.value = value;
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', ...(c.style === 'wrap' ? { wrapText: true } : {}) };
      if (typeof value === 'number') cell.numFmt = numberFormat(c, value);
      if (c.style === 'wrap' && typeof value === 'string') lines = Math.max(lines, wrappedLines(value, widths[i] ?? c.width));
    });
    row.height = rowHeight(lines);
  });
  if (t.columns.length > 0) {
    sheet.autoFilter = { from: { row: top, column: 1 }, to: { row: top + Math.max(0, t.rows.length), column: t.columns.length } };
  }
  t.columns.forEach((c, i) => styleColumn(sheet, i + 1, c, top, t.rows.length));
}

/** A heading line merged over the table's columns, wrapped in a row high enough for it. */
function titleRow(sheet: ExcelJS.Worksheet, n: number, text: string, font: Partial<ExcelJS.Font>, width: number, columns: number): void {
  const cell = sheet.getCell(n, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (columns > 1) sheet.mergeCells(n, 1, n, columns);
  const size = font.size ?? 11;
  sheet.getRow(n).height = rowHeight(wrappedLines(text, (width * 11) / size), size);
}

/** A column's width: as the table says for wrapped and hidden text, else wide enough for its longest cell. */
function columnWidth(column: Column, cells: readonly Cell[]): number {
  if (column.style === 'wrap' || column.style === 'hidden') return column.width;
  return Math.max(column.width, ...cells.map((v) => (v === null ? 0 : widthFor(typeof v === 'number' ? shownNumber(column, v) : v))));
}

/** A number as its format shows it, near enough to size its column. */
function shownNumber(column: Column, value: number): string {
  if (column.style === 'percent' || column.style === 'bar') return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Thousands separators; up to three decimals where a figure has them (1.2 亿元, 2.85 万户); one for percentages. */
function numberFormat(column: Column, value: number): string {
  if (column.style === 'percent' || column.style === 'bar') return '0.0%';
  return Number.isInteger(value) ? '#,##0' : '#,##0.0##';
}

const LIGHT_FILLS: Readonly<Record<Light, string>> = { green: 'FFC6EFCE', yellow: 'FFFFEB9C', red: 'FFFFC7CE', grey: 'FFE7E6E6' };

/** Data bars and traffic-light fills, as a column asks. */
function styleColumn(sheet: ExcelJS.Worksheet, index: number, column: Column, top: number, rows: number): void {
  if (rows === 0) return;
  const letter = sheet.getColumn(index).letter;
  if (column.style === 'bar') {
    const ref = `${letter}${top + 1}:${letter}${top + rows}`;
    sheet.addConditionalFormatting({ ref, rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF63BE7B' } } as ExcelJS.ConditionalFormattingRule] });
  }
  if (column.style === 'light') {
    for (let r = top + 1; r <= top + rows; r++) {
      const cell = sheet.getCell(`${letter}${r}`);
      const light = column.legend?.[String(cell.value)];
      const fill = light && LIGHT_FILLS[light];
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    }
  }
}
