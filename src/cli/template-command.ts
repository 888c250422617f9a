import { resolve } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import { message } from '../core/locales/index.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { writeDepartmentSheets } from '../io/sheet-writer.js';
import { readPreviousFiles } from '../io/sheet-file.js';
import type { Context } from './io.js';
import { requireOut, requirePeriod } from './options.js';

export interface TemplateCommand {
  readonly plan: string | undefined;
  readonly template: string | undefined;
  readonly department: string | undefined;
  readonly all: boolean;
  readonly period: string | undefined;
  readonly out: string | undefined;
  /** Last period's filled sheets or its ledger: their figures travel in the new sheets (the add-in shows them; decreases are checked). */
  readonly previous?: readonly string[];
  /** Fixed generation time, for reproducible output (tests). */
  readonly now?: Date;
}

/** plan-ledger template: one progress sheet per department (or --all) for a period. */
export async function templateCommand(cmd: TemplateCommand, { io, w, plan: settings }: Context): Promise<number> {
  const period = requirePeriod(cmd.period, 'template');
  const out = requireOut(cmd.out, 'template');
  if (cmd.all === (cmd.department !== undefined)) throw new PlanLedgerError('usage', { problem: 'department-or-all' });
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, settings);
  const previous = await readPreviousFiles(cmd.previous ?? [], records, 'template');
  const written = await writeDepartmentSheets(records, period, { template: cmd.template, department: cmd.department, out, wording: w, now: cmd.now, previous: previous.figures });
  const { files } = written;
  const findings = [...previous.findings, ...written.findings];
  io.out(`${w.cli.sheetsWritten(files.length, period.label, resolve(out))}\n`);
  io.out(`${files.map((f) => `  ${f}`).join('\n')}\n`);
  // What of the coordinator's template could not be carried as it was: never a silent loss.
  for (const f of findings) io.err(`${w.cli.templateNote(w.severity[f.severity], message(f, w))}\n`);
  return 0;
}
