import { fileURLToPath } from 'node:url';
import { PlanLedgerError } from '../core/error.js';
import type { PlanRecords } from '../core/record.js';
import { readFileBytes, regularFile } from './file.js';
import { MAX_PLAN_BYTES, planFromBytes } from './plan-source.js';

/** The plan every command uses when none is named: 杨府〔2021〕13号. */
export const SEED_PLAN = fileURLToPath(new URL('../../seeds/yangpu-2021-13.txt', import.meta.url));

/**
 * Reads a plan from .txt (UTF-8, UTF-16, GB18030/GBK), .docx, or .json written by parse --json.
 * Throws PlanLedgerError for anything unusable, including a text with no numbered tasks.
 */
export async function loadPlan(file: string = SEED_PLAN): Promise<PlanRecords> {
  // Checked before reading, so that a huge file is never read; planFromBytes checks the bytes again.
  if (regularFile(file).size > MAX_PLAN_BYTES) throw new PlanLedgerError('file-too-large', { file, limitMB: MAX_PLAN_BYTES / 1024 / 1024 });
  return planFromBytes(readFileBytes(file), file);
}
