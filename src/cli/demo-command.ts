import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { auditLedger } from '../sheets/audit.js';
import { consolidate, localReader } from '../sheets/consolidate.js';
import { exportPlan } from '../io/export.js';
import { nativeInflate } from '../io/inflate.js';
import { ledgerToXlsx, readRules } from '../io/ledger-file.js';
import { writeAudit } from './ledger-commands.js';
import type { Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import { writeFileAtomic } from '../io/file.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { DEFAULT_TEMPLATE, listSheetFiles, sheetFileName } from '../io/sheet-file.js';
import { demoSheets } from '../sheets/demo.js';
import type { Io } from './main.js';
import { requirePeriod, writeDepartmentSheets } from './template-command.js';

export interface DemoCommand {
  readonly plan: string | undefined;
  readonly period: string | undefined;
  readonly out: string | undefined;
  readonly mistakes: string | undefined;
  readonly seed: string | undefined;
  readonly locale: Locale;
}

/** plan-ledger demo-fill: plausible filled sheets for every department, with a share of typical mistakes. */
export async function demoCommand(cmd: DemoCommand, io: Io): Promise<number> {
  const period = requirePeriod(cmd.period);
  if (cmd.out === undefined) throw new PlanLedgerError('usage', { detail: 'demo-fill needs --out DIR' });
  const mistakes = Number(cmd.mistakes ?? '0.15');
  const seed = Number(cmd.seed ?? '1');
  if (!(mistakes >= 0 && mistakes <= 1)) throw new PlanLedgerError('usage', { detail: `--mistakes ${cmd.mistakes}: a share from 0 to 1` });
  if (!Number.isInteger(seed)) throw new PlanLedgerError('usage', { detail: `--seed ${cmd.seed}: a whole number` });
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, cmd.locale);
  const template = new Uint8Array(await readFile(DEFAULT_TEMPLATE));
  const sheets = await demoSheets(records, period, { template, mistakes, seed, generatedAt: `${period.year}-${String(period.lastMonth).padStart(2, '0')}-20T10:00:00` });
  for (const s of sheets) await writeFileAtomic(join(cmd.out, sheetFileName(period.label, s.department)), s.bytes);
  io.out(cmd.locale === 'en' ? `${sheets.length} filled sample sheets written to ${resolve(cmd.out)}\n` : `已生成 ${sheets.length} 份示例填报表,位于 ${resolve(cmd.out)}\n`);
  return 0;
}

/**
 * plan-ledger demo (npm start): the whole job on a plan, the bundled seed by default: its tables, blank
 * sheets for every department (the plan year's first quarter), filled samples for the second quarter,
 * the ledger, and the audit with its HTML report.
 */
export async function pipelineCommand(cmd: { plan: string | undefined; out: string | undefined; locale: Locale }, io: Io): Promise<number> {
  const out = cmd.out ?? 'out';
  const en = cmd.locale === 'en';
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, cmd.locale);
  const year = records.document.year ?? new Date().getFullYear();
  const q1 = requirePeriod(`${year}-Q1`);
  const q2 = requirePeriod(`${year}-Q2`);
  const step = (zh: string, english: string) => io.out(`${en ? english : zh}\n`);

  const tables = await exportPlan(records, out, cmd.locale);
  step(`1. 计划记录:${resolve(out)}(${tables.length} 个文件,含 plan.xlsx)`, `1. Plan records: ${resolve(out)} (${tables.length} files, plan.xlsx among them)`);
  const blank = await writeDepartmentSheets(records, q1, { template: undefined, department: undefined, out: join(out, 'sheets'), locale: cmd.locale });
  step(`2. ${q1.label} 空白推进情况表:${resolve(out, 'sheets')}(${blank.length} 份)`, `2. Blank ${q1.label} sheets: ${resolve(out, 'sheets')} (${blank.length})`);
  const template = new Uint8Array(await readFile(DEFAULT_TEMPLATE));
  const filled = await demoSheets(records, q2, { template, mistakes: 0.15, seed: 1, generatedAt: `${year}-06-20T10:00:00` });
  const filledDir = join(out, 'filled');
  for (const s of filled) await writeFileAtomic(join(filledDir, sheetFileName(q2.label, s.department)), s.bytes);
  step(`3. ${q2.label} 示例填报表(含常见错误):${resolve(filledDir)}(${filled.length} 份)`, `3. Filled ${q2.label} samples (with typical mistakes): ${resolve(filledDir)} (${filled.length})`);
  const ledger = await consolidate(await listSheetFiles([filledDir]), records, { period: q2, locale: cmd.locale, reader: localReader(records, cmd.locale, nativeInflate) });
  const ledgerPath = join(out, 'ledger.xlsx');
  await writeFileAtomic(ledgerPath, await ledgerToXlsx(ledger, cmd.locale));
  const a = ledger.accounting;
  step(`4. 台账:${resolve(ledgerPath)}(读取 ${a.rowsRead} 行 = 汇入 ${a.rowsMerged} + 未汇入 ${a.rowsRejected};${ledger.findings.length} 条问题)`, `4. Ledger: ${resolve(ledgerPath)} (${a.rowsRead} rows read = ${a.rowsMerged} merged + ${a.rowsRejected} rejected; ${ledger.findings.length} findings)`);
  const html = await writeAudit(auditLedger(ledger, await readRules(undefined), cmd.locale), join(out, 'audit'), cmd.locale, new Date());
  step(`5. 审计报告:${resolve(html)}`, `5. Audit report: ${resolve(html)}`);
  return 0;
}
