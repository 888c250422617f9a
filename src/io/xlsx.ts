import ExcelJS from 'exceljs';
import type { Locale } from '../core/code.js';
import type { Table } from '../sheets/table.js';

const HEADER_FILL = 'FFDDEBF7';
const MAX_SHEET_NAME = 31; // Excel's limit

/** One workbook, a sheet per table: bold frozen header, filters, column widths. */
export async function tablesToXlsx(tables: readonly Table[], locale: Locale = 'zh-CN'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-ledger';
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.title[locale].slice(0, MAX_SHEET_NAME), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = t.columns.map((c) => ({ header: c.header[locale], key: c.key, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    for (const row of t.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
    if (t.columns.length > 0) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, t.rows.length + 1), column: t.columns.length } };
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
