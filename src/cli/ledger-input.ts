import { PlanLedgerError } from '../core/error.js';
import { withLedgerFindings, type Ledger } from '../core/ledger.js';
import { consolidateFiles } from '../io/consolidate-files.js';
import { readPolicies } from '../io/ledger-file.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { readPreviousFiles } from '../io/sheet-file.js';
import type { Context } from './io.js';
import { optionalPeriod } from './options.js';

export interface LedgerCommand {
  readonly inputs: readonly string[];
  readonly plan: string | undefined;
  readonly period: string | undefined;
  readonly policy: string | undefined;
  readonly rules?: string | undefined;
  /** Last period's sheets or ledger: running figures must not fall below them. */
  readonly previous?: readonly string[];
  readonly out: string | undefined;
  /** consolidate: a folder for the annotated copies of the sheets with problems. */
  readonly feedback?: string | undefined;
  readonly json: boolean;
  /** Whether stderr is a terminal (a progress count then). */
  readonly tty: boolean;
  /** Worker threads to read in (PLAN_LEDGER_WORKERS). */
  readonly workers: number;
}

/** Reads sheets (files or folders) and consolidates them; shared by consolidate and audit. */
export async function buildLedger(cmd: LedgerCommand, command: string, { io, w, plan: settings }: Context): Promise<Ledger> {
  if (cmd.inputs.length === 0) throw new PlanLedgerError('usage', { problem: 'files-required', command });
  const period = optionalPeriod(cmd.period);
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, settings);
  const policies = cmd.policy === undefined ? undefined : readPolicies(cmd.policy, records);
  const previous = await readPreviousFiles(cmd.previous ?? [], records, command);
  const ledger = await consolidateFiles(cmd.inputs, records, {
    ...(period ? { period } : {}),
    ...(policies ? { policies } : {}),
    previous: previous.figures,
    workers: cmd.workers,
    ...(cmd.tty && !cmd.json ? { onProgress: (done: number, total: number) => io.err(`\r${w.cli.reading} ${done}/${total}${done === total ? '\n' : ''}`) } : {}),
  });
  return withLedgerFindings(ledger, previous.findings);
}
