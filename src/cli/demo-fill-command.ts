import { join, resolve } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import { readFileBytes, writeFileAtomic } from '../io/file.js';
import { nodeZlib } from '../io/zlib.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { DEFAULT_TEMPLATE, sheetFileName } from '../io/sheet-file.js';
import { demoSheets } from '../sheets/demo.js';
import type { Context } from './io.js';
import { requireOut, requirePeriod } from './options.js';

export interface DemoFillCommand {
  readonly plan: string | undefined;
  readonly period: string | undefined;
  readonly out: string | undefined;
  readonly mistakes: string | undefined;
  readonly seed: string | undefined;
}

/** plan-ledger demo-fill: plausible filled sheets for every department, with a share of typical mistakes. */
export async function demoFillCommand(cmd: DemoFillCommand, { io, w, plan: settings }: Context): Promise<number> {
  const period = requirePeriod(cmd.period, 'demo-fill');
  const out = requireOut(cmd.out, 'demo-fill');
  const mistakes = Number(cmd.mistakes ?? '0.15');
  const seed = Number(cmd.seed ?? '1');
  if (!(mistakes >= 0 && mistakes <= 1)) throw new PlanLedgerError('usage', { problem: 'option-share', option: '--mistakes', value: cmd.mistakes ?? '' });
  if (!Number.isInteger(seed)) throw new PlanLedgerError('usage', { problem: 'option-integer', option: '--seed', value: cmd.seed ?? '' });
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, settings);
  const template = readFileBytes(DEFAULT_TEMPLATE);
  const generatedAt = `${period.year}-${String(period.lastMonth).padStart(2, '0')}-20T10:00:00`;
  const sheets = await demoSheets(records, period, { template, mistakes, seed, generatedAt, wording: w, ...nodeZlib });
  for (const s of sheets) await writeFileAtomic(join(out, sheetFileName(period.label, s.department)), s.bytes);
  io.out(`${w.cli.samplesWritten(sheets.length, resolve(out))}\n`);
  return 0;
}
