import Papa from 'papaparse';
import type { Cell, Table } from './tables.js';

const BOM = '\ufeff';
const NEWLINE = '\r\n';
// Cells a spreadsheet would run as a formula (OWASP CSV injection), plus ' itself so the escape can be undone.
const NEEDS_ESCAPE = /^[=+\-@\t\r']/;

/** A cell made safe for spreadsheets: text that starts like a formula gets a leading '. */
export function escapeCell(cell: Cell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell;
  return NEEDS_ESCAPE.test(cell) ? `'${cell}` : cell;
}

/** The inverse of escapeCell for text read back. */
export function unescapeCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** CSV text for Excel: UTF-8 BOM, CRLF, the table's headers, formula-safe cells. */
export function toCsv(table: Table): string {
  return rowsToCsv(
    table.columns.map((c) => c.header),
    table.rows,
  );
}

export function rowsToCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse(
    { fields: header.map((h) => String(escapeCell(h))), data: rows.map((row) => row.map(escapeCell)) },
    { newline: NEWLINE },
  );
  // Every record ends with CRLF, the last one too (papaparse leaves it off unless there are no rows).
  return BOM + (body.endsWith(NEWLINE) ? body : body + NEWLINE);
}

/** Rows of a CSV written by toCsv (or by Excel), every text cell as it was before escaping. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { newline: NEWLINE, skipEmptyLines: false, delimiter: ',' });
  const rows = result.data.map((row) => row.map(unescapeCell));
  if (rows.length > 0 && rows[rows.length - 1]?.length === 1 && rows[rows.length - 1]?.[0] === '') rows.pop();
  return rows;
}
