import { PlanLedgerError } from '../core/error.js';
import { withHistory } from '../core/history.js';
import { withLedgerFindings, type Ledger } from '../core/ledger.js';
import { consolidateSources } from '../io/consolidate-files.js';
import { readPolicies } from '../io/ledger-file.js';
import { planFor } from '../io/plan-file.js';
import { listSheetFiles, readPreviousFiles } from '../io/sheet-file.js';
import type { Context } from './io.js';
import { optionalPeriod } from './options.js';

export interface LedgerCommand {
  readonly inputs: readonly string[];
  readonly plan: string | undefined;
  readonly period: string | undefined;
  readonly policy: string | undefined;
  readonly rules?: string | undefined;
  /** Last period's sheets or ledger: running figures must not fall below them, and a ledger's periods become the new one's history. */
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

/**
 * Reads sheets (files or folders) and consolidates them against the plan they carry (or --plan's); shared by
 * consolidate and audit. With the ledger, the line that says which plan that was, for the command's summary.
 */
export async function buildLedger(cmd: LedgerCommand, command: string, { io, w, plan: settings }: Context): Promise<{ ledger: Ledger; planLine: string }> {
  if (cmd.inputs.length === 0) throw new PlanLedgerError('usage', { problem: 'files-required', command });
  const period = optionalPeriod(cmd.period);
  const sources = await listSheetFiles(cmd.inputs, command);
  const plan = await planFor(cmd.plan, sources, settings);
  const { records } = plan;
  const policies = cmd.policy === undefined ? undefined : readPolicies(cmd.policy, records);
  const previous = await readPreviousFiles(cmd.previous ?? [], records, command);
  const ledger = await consolidateSources(sources, records, {
    ...(period ? { period } : {}),
    ...(policies ? { policies } : {}),
    previous: previous.figures,
    workers: cmd.workers,
    ...(cmd.tty && !cmd.json ? { onProgress: (done: number, total: number) => io.err(`\r${w.cli.reading} ${done}/${total}${done === total ? '\n' : ''}`) } : {}),
  });
  const planLine = w.cli.planUsed({ from: plan.from, title: records.document.title, docNumber: records.document.docNumber, partial: plan.partial });
  const trail = { ...ledger, submissions: [...(ledger.submissions ?? []), ...previous.submissions] };
  return { ledger: withHistory(withLedgerFindings(trail, [...plan.findings, ...previous.findings]), previous.ledgers), planLine };
}
