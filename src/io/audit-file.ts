import { join } from 'node:path';
import type { Audit } from '../core/audit.js';
import type { Wording } from '../core/locales/wording.js';
import { toCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { auditTables, ledgerHeading } from '../report/tables.js';
import { tablesToXlsx } from '../report/xlsx.js';
import { writeFilesAtomic } from './file.js';
import { printedAt } from './ledger.js';

/** Writes audit.xlsx, a CSV per table and report.html into `out`, worded for the reader; returns the report's path. */
export async function writeAudit(audit: Audit, out: string, w: Wording, now: Date): Promise<string> {
  const tables = auditTables(audit, w);
  const html = join(out, 'report.html');
  const at = printedAt(now);
  await writeFilesAtomic([
    [join(out, 'audit.xlsx'), await tablesToXlsx(tables, ledgerHeading(audit.ledger, w, at))],
    ...tables.map((t) => [join(out, `${t.name}.csv`), toCsv(t)] as const),
    [html, renderHtml(audit, at, w)],
  ]);
  return html;
}
