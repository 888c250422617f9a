import ExcelJS from 'exceljs';
import type { Light } from '../core/audit.js';
import type { Column, Table } from './tables.js';

const HEADER_FILL = 'FFDDEBF7';
const MAX_SHEET_NAME = 31; // Excel's limit

/** One workbook, a sheet per table: bold frozen header, filters, column widths. */
export async function tablesToXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  return new Uint8Array(await tablesToWorkbook(tables).xlsx.writeBuffer());
}

/** The workbook tablesToXlsx writes, for callers that add to it (a hidden sheet, say). */
export function tablesToWorkbook(tables: readonly Table[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-ledger';
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.title.slice(0, MAX_SHEET_NAME), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    for (const row of t.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
    if (t.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length } };
    }
    t.columns.forEach((c, i) => styleColumn(sheet, i + 1, c, t.rows.length));
  }
  return workbook;
}

const LIGHT_FILLS: Readonly<Record<Light, string>> = { green: 'FFC6EFCE', yellow: 'FFFFEB9C', red: 'FFFFC7CE', grey: 'FFE7E6E6' };

/** Percent formats, data bars, and traffic-light fills, as a column asks. */
function styleColumn(sheet: ExcelJS.Worksheet, index: number, column: Column, rows: number): void {
  if (column.style === undefined || rows === 0) return;
  const letter = sheet.getColumn(index).letter;
  const ref = `${letter}2:${letter}${rows + 1}`;
  if (column.style === 'percent' || column.style === 'bar') sheet.getColumn(index).numFmt = '0.0%';
  if (column.style === 'bar') {
    sheet.addConditionalFormatting({ ref, rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF63BE7B' } } as ExcelJS.ConditionalFormattingRule] });
  }
  if (column.style === 'light') {
    for (let r = 2; r <= rows + 1; r++) {
      const cell = sheet.getCell(`${letter}${r}`);
      const light = column.legend?.[String(cell.value)];
      const fill = light && LIGHT_FILLS[light];
      if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    }
  }
}
