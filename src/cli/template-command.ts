import { join, resolve } from 'node:path';
import type { Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import { parsePeriod, type Period } from '../core/period.js';
import type { PlanRecords } from '../core/record.js';
import { departmentsFor } from '../core/worklist.js';
import { readFileBytes, writeFileAtomic } from '../io/file.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { DEFAULT_TEMPLATE, sheetFileName } from '../io/sheet-file.js';
import { DEFAULT_TEMPLATE_VERSION } from '../sheets/default-template.js';
import { generateProgressSheet } from '../sheets/fill.js';
import type { Io } from './main.js';

export interface TemplateCommand {
  readonly plan: string | undefined;
  readonly template: string | undefined;
  readonly department: string | undefined;
  readonly all: boolean;
  readonly period: string | undefined;
  readonly out: string | undefined;
  readonly locale: Locale;
  /** Fixed generation time, for reproducible output (tests). */
  readonly now?: Date;
}

export function requirePeriod(label: string | undefined): Period {
  if (label === undefined) throw new PlanLedgerError('usage', { detail: '--period is required (2021, 2021-H1, 2021-Q2 or 2021-06)' });
  const period = parsePeriod(label);
  if (!period) throw new PlanLedgerError('period-invalid', { period: label });
  return period;
}

/** plan-ledger template: one progress sheet per department (or --all) for a period. */
export async function templateCommand(cmd: TemplateCommand, io: Io): Promise<number> {
  const period = requirePeriod(cmd.period);
  if (cmd.out === undefined) throw new PlanLedgerError('usage', { detail: 'template needs --out DIR' });
  if (cmd.all === (cmd.department !== undefined)) throw new PlanLedgerError('usage', { detail: 'give either --department NAME or --all' });
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, cmd.locale);
  const written = await writeDepartmentSheets(records, period, cmd);
  io.out(`${cmd.locale === 'en' ? `${written.length} sheets for ${period.label} written to` : `已为 ${period.label} 生成 ${written.length} 份推进情况表,位于`} ${resolve(cmd.out)}:\n`);
  io.out(written.map((f) => `  ${f}`).join('\n') + '\n');
  return 0;
}

/** Writes the sheets and returns their paths; shared with the start pipeline. */
export async function writeDepartmentSheets(records: PlanRecords, period: Period, cmd: Pick<TemplateCommand, 'template' | 'department' | 'out' | 'locale' | 'now'>): Promise<string[]> {
  const known = departmentsFor(records, period).map((d) => d.name);
  const departments = cmd.department === undefined ? known : [cmd.department];
  for (const d of departments) {
    if (!known.includes(d)) throw new PlanLedgerError('department-unknown', { department: d, period: period.label, known: known.join('、') || '—' });
  }
  const templatePath = cmd.template ?? DEFAULT_TEMPLATE;
  const template = readFileBytes(templatePath);
  const generatedAt = localIso(cmd.now ?? new Date());
  const out = cmd.out as string;
  const written: string[] = [];
  for (const department of departments) {
    const { bytes } = await generateProgressSheet(template, {
      records,
      department,
      period,
      generatedAt,
      templateVersion: cmd.template === undefined ? DEFAULT_TEMPLATE_VERSION : `custom:${templatePath}`,
      templateName: templatePath,
      locale: cmd.locale,
    });
    const path = join(out, sheetFileName(period.label, department));
    await writeFileAtomic(path, bytes);
    written.push(path);
  }
  return written;
}

function localIso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
