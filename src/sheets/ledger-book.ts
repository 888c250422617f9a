import type ExcelJS from 'exceljs';
import { LedgerSchema, type Ledger } from '../core/ledger.js';
import { readJsonSheet, writeJsonSheet } from './metadata.js';
import type { GridBook } from './grid.js';

/** The very hidden sheet a ledger workbook carries its records in, for audit to read back. */
export const LEDGER_SHEET = '_plan_ledger_ledger';
const MARKER = 'plan-ledger ledger';

export function writeLedgerSheet(workbook: ExcelJS.Workbook, ledger: Ledger): void {
  writeJsonSheet(workbook, LEDGER_SHEET, MARKER, ledger);
}

/** The ledger a workbook carries, or undefined for any other workbook. */
export function readLedgerSheet(book: ExcelJS.Workbook | GridBook): Ledger | undefined {
  return readJsonSheet(book, LEDGER_SHEET, MARKER, LedgerSchema);
}
