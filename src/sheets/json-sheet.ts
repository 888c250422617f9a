import { rawText, type GridBook } from './xlsx/grid.js';

/** Name of the very hidden sheet that carries what a generated workbook is. */
export const META_SHEET = '_plan_ledger';
/** Of a progress sheet's metadata. 1: the rows and their plan cells. 2: the department's slice of the plan too, so that a sheet is checked without the plan. */
export const META_FORMAT_VERSION = 2;
/** What A1 of the metadata sheet says. */
export const META_MARKER = 'plan-ledger progress sheet';
/** Name of the very hidden sheet that carries the whole plan the workbook's sheets were made from. */
export const PLAN_SHEET = '_plan_ledger_plan';
/** What A1 of the plan sheet says. */
export const PLAN_MARKER = 'plan-ledger plan';
const CHUNK = 30_000; // below Excel's 32,767 characters per cell

/**
 * The cells of a very hidden sheet that carries a value as JSON, from A1 down: the marker, then chunks. Each chunk is
 * cut where the next does not start with what Excel would take for a formula or a number (=, +, -, @, a digit), so
 * that they stay text when written as values (the add-in writes them through Office.js); they are joined when read.
 */
export function jsonSheetCells(marker: string, value: unknown): string[] {
  const json = JSON.stringify(value);
  const cells = [marker];
  for (let at = 0; at < json.length; ) {
    let end = Math.min(json.length, at + CHUNK);
    while (end < json.length && end > at + 1 && /[=+\-@\d\s]/.test(json[end] as string)) end--;
    cells.push(json.slice(at, end));
    at = end;
  }
  return cells;
}

/** The JSON a sheet of jsonSheetCells holds, parsed, if the sheet is there and carries the marker; undefined otherwise, null when it does not parse. */
export function readJsonSheet(book: GridBook, name: string, marker: string): unknown {
  const sheet = book.sheet(name);
  if (!sheet || rawText(sheet.cell('A1')) !== marker) return undefined;
  let json = '';
  // LibreOffice may save a long cell as rich text; the grid reads either.
  for (let row = 2; row <= sheet.maxRow; row++) json += rawText(sheet.cell(`A${row}`));
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}
