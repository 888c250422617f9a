import { resolve } from 'node:path';
import type { Locale } from '../core/code.js';
import type { PlanRecords } from '../core/record.js';
import { exportPlan } from '../io/export.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import type { Io } from './main.js';

export interface ParseCommand {
  readonly file: string | undefined;
  readonly json: boolean;
  readonly out: string | undefined;
  readonly locale: Locale;
}

/** plan-ledger parse: records as JSON on stdout, tables under --out, or a summary. */
export async function parseCommand(cmd: ParseCommand, io: Io): Promise<number> {
  const records = await loadPlan(cmd.file ?? SEED_PLAN, cmd.locale);
  if (cmd.json) io.out(`${JSON.stringify(records, null, 2)}\n`);
  if (cmd.out !== undefined) {
    const written = await exportPlan(records, cmd.out, cmd.locale);
    const say = cmd.json ? io.err : io.out;
    say(`${summary(records, cmd.locale)}\n`);
    say(`${cmd.locale === 'en' ? 'Written to' : '已写出到'} ${resolve(cmd.out)}:\n${written.map((f) => `  ${f}`).join('\n')}\n`);
  } else if (!cmd.json) {
    io.out(`${summary(records, cmd.locale)}\n`);
  }
  return 0;
}

function summary(r: PlanRecords, locale: Locale): string {
  const title = `《${r.document.title}》${r.document.docNumber ? `(${r.document.docNumber})` : ''}`;
  const warnings = r.findings.length;
  if (locale === 'en') {
    return `${title}: ${r.sections.length} sections, ${r.tasks.length} tasks, ${r.targets.length} targets, ${r.departments.length} departments, ${warnings} findings`;
  }
  return `${title}:${r.sections.length} 个章节、${r.tasks.length} 项任务、${r.targets.length} 个指标、${r.departments.length} 个责任单位、${warnings} 条提示`;
}
