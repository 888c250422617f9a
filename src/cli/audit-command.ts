import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditLedger } from '../core/audit.js';
import { writeAuditFiles } from '../io/audit-file.js';
import { readFileBytes } from '../io/file.js';
import { ledgerFromXlsx } from '../io/ledger.js';
import { readRules } from '../io/ledger-file.js';
import { buildLedger, type LedgerCommand } from './ledger-input.js';
import type { Context } from './io.js';
import { requireOut } from './options.js';

const isWorkbookFile = (path: string): boolean => path.toLowerCase().endsWith('.xlsx') && existsSync(path) && statSync(path).isFile();

/** plan-ledger audit: verdicts and lights for every target, as XLSX, CSV and one HTML page, from a ledger or from sheets. */
export async function auditCommand(cmd: LedgerCommand, context: Context, now: Date = new Date()): Promise<number> {
  const { io, w } = context;
  const out = requireOut(cmd.out, 'audit');
  const rules = readRules(cmd.rules);
  // One workbook may be a ledger written by consolidate; anything else is sheets to consolidate first.
  const only = cmd.inputs.length === 1 ? cmd.inputs[0] : undefined;
  const stored = only !== undefined && isWorkbookFile(only) ? ledgerFromXlsx(readFileBytes(only), only) : undefined;
  const { ledger, planLine } = stored ? { ledger: stored, planLine: undefined } : await buildLedger(cmd, 'audit', context);
  const audit = auditLedger(ledger, rules);
  const { html, forms } = await writeAuditFiles(audit, out, w, now);
  io.out(`${w.cli.audited(audit.judgements.length, audit.totals)}\n${planLine === undefined ? '' : `${planLine}\n`}${w.cli.reportWritten(resolve(html))}\n`);
  if (forms.count > 0) io.out(`${w.cli.formsWritten(forms.count, resolve(forms.dir))}\n`);
  return 0;
}
