import type ExcelJS from 'exceljs';
import { LEDGER_FORMAT_VERSION, LedgerSchema, type Ledger } from '../core/ledger.js';
import { readJsonSheet, writeJsonSheet } from './metadata.js';
import type { GridBook } from './xlsx/grid.js';

/** The very hidden sheet a ledger workbook carries its records in, for audit to read back. */
const LEDGER_SHEET = '_plan_ledger_ledger';
const MARKER = 'plan-ledger ledger';

export function writeLedgerSheet(workbook: ExcelJS.Workbook, ledger: Ledger): void {
  writeJsonSheet(workbook, LEDGER_SHEET, MARKER, ledger);
}

/** What a workbook carries: a ledger, a ledger of an older format (its version), or nothing. */
export type StoredLedger = { readonly ledger: Ledger } | { readonly outdated: number } | undefined;

/** The ledger a workbook carries; an older format is told apart so that the user can be asked to consolidate again. */
export function readLedgerSheet(book: GridBook): StoredLedger {
  const data = readJsonSheet(book, LEDGER_SHEET, MARKER);
  const parsed = LedgerSchema.safeParse(data);
  if (parsed.success) return { ledger: parsed.data };
  const version = (data as { formatVersion?: unknown } | undefined)?.formatVersion;
  return typeof version === 'number' && version < LEDGER_FORMAT_VERSION ? { outdated: version } : undefined;
}
