import type ExcelJS from 'exceljs';
import { LedgerSchema, type Ledger } from '../core/ledger.js';
import { jsonSheetCells, readJsonSheet } from './json-sheet.js';
import type { GridBook } from './xlsx/grid.js';

/** The very hidden sheet a ledger workbook carries its records in, for audit to read back. */
const LEDGER_SHEET = '_plan_ledger_ledger';
const MARKER = 'plan-ledger ledger';

/** Writes the ledger as JSON into a very hidden sheet (users cannot unhide it from Excel's menu). */
export function writeLedgerSheet(workbook: ExcelJS.Workbook, ledger: Ledger): void {
  const existing = workbook.getWorksheet(LEDGER_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(LEDGER_SHEET, { state: 'veryHidden' });
  jsonSheetCells(MARKER, ledger).forEach((text, i) => (sheet.getCell(`A${i + 1}`).value = text));
}

/** What a workbook carries: a ledger, a ledger sheet whose content does not fit (damaged, or of a later format), or nothing. */
export type StoredLedger = { readonly ledger: Ledger } | { readonly damaged: true } | undefined;

/** The ledger a workbook carries; undefined for any other workbook. */
export function readLedgerSheet(book: GridBook): StoredLedger {
  const data = readJsonSheet(book, LEDGER_SHEET, MARKER);
  if (data === undefined) return undefined;
  const parsed = LedgerSchema.safeParse(data);
  return parsed.success ? { ledger: parsed.data } : { damaged: true };
}
