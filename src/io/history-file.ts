import { join } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import type { History } from '../core/history.js';
import type { Ledger } from '../core/ledger.js';
import { periodLabel } from '../core/locales/lists.js';
import type { Wording } from '../core/locales/wording.js';
import { toCsv } from '../report/csv.js';
import { historyTables } from '../report/history-tables.js';
import { findingsTable } from '../report/tables.js';
import { renderHistoryHtml } from '../report/trend.js';
import { tablesToXlsx } from '../report/xlsx.js';
import { readFileBytes, writeFilesAtomic } from './file.js';
import { ledgerFromXlsx, printedAt } from './ledger.js';

/** The ledgers in files written by consolidate; ledger-invalid for a file that holds none. */
export function readLedgers(files: readonly string[]): Ledger[] {
  return files.map((file) => {
    const ledger = ledgerFromXlsx(readFileBytes(file), file);
    if (!ledger) throw new PlanLedgerError('ledger-invalid', { file, reason: 'not-a-ledger' });
    return ledger;
  });
}

/** What writeHistory wrote: the workbook, the page, and a CSV per table. */
export interface HistoryWritten {
  readonly book: string;
  readonly page: string;
  readonly csv: readonly string[];
}

/** Writes 历史台账.xlsx (历史, 历史(分单位), 问题清单), a CSV per table and 各期趋势.html into `out`, headed by the latest ledger's plan. */
export async function writeHistory(history: History, latest: Ledger, out: string, w: Wording, now: Date): Promise<HistoryWritten> {
  const tables = [...historyTables(history, w), findingsTable(history.findings, w)];
  const at = printedAt(now);
  const [first, last] = [history.periods[0] ?? '', history.periods[history.periods.length - 1] ?? ''].map((p) => periodLabel(p, w));
  const heading = { title: latest.planTitle, line: (sheet: string) => w.printout.line({ sheet, docNumber: latest.docNumber, period: first === last ? (first ?? '') : `${first}—${last}`, generatedAt: at }), footer: w.printout.footer };
  const book = join(out, w.history.book);
  const page = join(out, w.history.page);
  const csv = tables.map((t) => join(out, `${t.name}.csv`));
  await writeFilesAtomic([
    [book, await tablesToXlsx(tables, heading)],
    ...tables.map((t, i) => [csv[i] as string, toCsv(t)] as const),
    [page, renderHistoryHtml(history, { title: latest.planTitle, docNumber: latest.docNumber }, at, w)],
  ]);
  return { book, page, csv };
}
