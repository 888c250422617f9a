import { resolve } from 'node:path';
import { chaseList } from '../core/chase.js';
import { PlanLedgerError } from '../core/error.js';
import { withMessage } from '../core/locales/index.js';
import { writeFileAtomic } from '../io/file.js';
import { ledgerToXlsx } from '../io/ledger.js';
import { listSheetFiles } from '../io/sheet-file.js';
import { writeFeedbackOption } from './feedback-option.js';
import type { Context } from './io.js';
import { buildLedger, type LedgerCommand } from './ledger-input.js';

/** plan-ledger consolidate: one ledger (台账) from every department's sheet. Exit 1 when a finding is an error. */
export async function consolidateCommand(cmd: LedgerCommand, context: Context): Promise<number> {
  const { io, w } = context;
  if (cmd.out === undefined && !cmd.json) throw new PlanLedgerError('usage', { problem: 'output-required', command: 'consolidate' });
  const { ledger, planLine } = await buildLedger(cmd, 'consolidate', context);
  if (cmd.out !== undefined) await writeFileAtomic(cmd.out, await ledgerToXlsx(ledger, w));
  if (cmd.json) io.out(`${JSON.stringify({ ...ledger, findings: ledger.findings.map((f) => withMessage(f, w)) }, null, 2)}\n`);
  const say = cmd.json ? io.err : io.out;
  say(`${w.cli.consolidated(ledger.accounting, ledger.findings.length)}\n${planLine}\n`);
  const chase = chaseList(ledger);
  if (chase.length > 0) say(`${w.cli.chase(chase.map((c) => ({ department: c.department, reporter: c.last?.reporter?.name ?? '', phone: c.last?.reporter?.phone ?? '', lastPeriod: c.last?.period ?? null })))}\n`);
  if (cmd.out !== undefined) say(`${w.cli.ledgerWritten(resolve(cmd.out))}\n`);
  await writeFeedbackOption(cmd.feedback, await listSheetFiles(cmd.inputs, 'consolidate'), ledger.findings, context, say);
  return ledger.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
