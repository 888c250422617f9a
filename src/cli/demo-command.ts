import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import { writeFileAtomic } from '../io/file.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { DEFAULT_TEMPLATE, sheetFileName } from '../io/sheet-file.js';
import { demoSheets } from '../sheets/demo.js';
import type { Io } from './main.js';
import { requirePeriod } from './template-command.js';

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
