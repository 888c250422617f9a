import { resolve } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import { message } from '../core/locales/index.js';
import { loadPlan } from '../io/plan-file.js';
import { reissueFiles } from '../io/reissue-files.js';
import { listSheetFiles } from '../io/sheet-file.js';
import type { Context } from './io.js';
import { requireOut } from './options.js';

export interface ReissueCommand {
  /** The revised plan. */
  readonly plan: string | undefined;
  /** Returned sheets: files or folders. */
  readonly inputs: readonly string[];
  readonly template: string | undefined;
  readonly out: string | undefined;
  /** Fixed generation time, for reproducible output (tests). */
  readonly now?: Date;
}

/** plan-ledger reissue: the revised plan's sheets with the returned entries carried over, and the change report. Exit 1 when a returned file could not be used; entries the revision has no place for are named, not errors. */
export async function reissueCommand(cmd: ReissueCommand, { io, w, plan: settings }: Context): Promise<number> {
  if (cmd.plan === undefined) throw new PlanLedgerError('usage', { problem: 'option-required', command: 'reissue', option: '--plan' });
  if (cmd.inputs.length === 0) throw new PlanLedgerError('usage', { problem: 'files-required', command: 'reissue' });
  const out = requireOut(cmd.out, 'reissue');
  const records = await loadPlan(cmd.plan, settings);
  const sources = await listSheetFiles(cmd.inputs, 'reissue');
  const { result, sheets, report } = await reissueFiles(sources, records, { template: cmd.template, out, wording: w, now: cmd.now });
  const dropped = result.entries.filter((e) => !e.to).length;
  const changes = result.changes.reduce((n, c) => n + c.changes.length, 0);
  io.out(`${w.revision.summary({ sheets: sheets.length, carried: result.entries.length - dropped, dropped, changes })}\n`);
  io.out(`${w.revision.cli.sheets(sheets.length, resolve(out))}\n${sheets.map((f) => `  ${f}`).join('\n')}\n`);
  io.out(`${w.revision.cli.report(report.map((p) => resolve(p)))}\n`);
  for (const f of result.findings) io.err(`${w.cli.templateNote(w.severity[f.severity], message(f, w))}\n`);
  return result.findings.length > 0 ? 1 : 0;
}
