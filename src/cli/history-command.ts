import { resolve } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import { historyOf } from '../core/history.js';
import { readLedgers, writeHistory } from '../io/history-file.js';
import type { Context } from './io.js';
import { requireOut } from './options.js';

export interface HistoryCommand {
  readonly inputs: readonly string[];
  readonly out: string | undefined;
}

/** plan-ledger history: ledgers of several periods (and what they carry) as one ledger across periods, with trend lines. */
export async function historyCommand(cmd: HistoryCommand, { io, w }: Context, now: Date = new Date()): Promise<number> {
  if (cmd.inputs.length === 0) throw new PlanLedgerError('usage', { problem: 'files-required', command: 'history' });
  const out = requireOut(cmd.out, 'history');
  const ledgers = readLedgers(cmd.inputs);
  const history = historyOf(ledgers);
  const latest = ledgers.find((l) => l.period === history.periods[history.periods.length - 1]) ?? (ledgers[ledgers.length - 1] as (typeof ledgers)[number]);
  const written = await writeHistory(history, latest, out, w, now);
  io.out(`${w.history.written({ targets: history.targets.length, periods: history.periods.length, findings: history.findings.length })}\n${w.history.files(resolve(out))}\n`);
  for (const path of [written.book, ...written.csv, written.page]) io.out(`  ${resolve(path)}\n`);
  return 0;
}
