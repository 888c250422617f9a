import { resolve } from 'node:path';
import { withMessage } from '../core/locales/index.js';
import type { PlanRecords } from '../core/record.js';
import { exportPlan } from '../io/export.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import type { Context } from './io.js';

export interface ParseCommand {
  readonly file: string | undefined;
  readonly json: boolean;
  readonly out: string | undefined;
}

/** plan-ledger parse: records as JSON on stdout (findings with their sentences), tables under --out, or a summary. */
export async function parseCommand(cmd: ParseCommand, { io, w, plan: settings }: Context): Promise<number> {
  const records = await loadPlan(cmd.file ?? SEED_PLAN, settings);
  if (cmd.json) io.out(`${JSON.stringify({ ...records, findings: records.findings.map((f) => withMessage(f, w)) }, null, 2)}\n`);
  if (cmd.out !== undefined) {
    const written = await exportPlan(records, cmd.out, w);
    const say = cmd.json ? io.err : io.out;
    say(`${summary(records, { io, w })}\n`);
    say(`${w.cli.writtenTo(resolve(cmd.out))}\n${written.map((f) => `  ${f}`).join('\n')}\n`);
  } else if (!cmd.json) {
    io.out(`${summary(records, { io, w })}\n`);
  }
  return 0;
}

function summary(r: PlanRecords, { w }: Context): string {
  const title = `《${r.document.title}》${r.document.docNumber ? `(${r.document.docNumber})` : ''}`;
  return w.cli.planSummary({ title, sections: r.sections.length, tasks: r.tasks.length, targets: r.targets.length, departments: r.departments.length, findings: r.findings.length });
}
