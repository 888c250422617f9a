import { join } from 'node:path';
import type { Locale } from '../core/code.js';
import type { PlanRecords } from '../core/record.js';
import { recordTables } from '../sheets/table.js';
import { toCsv } from './csv.js';
import { writeFilesAtomic } from './file.js';
import { tablesToXlsx } from './xlsx.js';

export const PLAN_WORKBOOK = 'plan.xlsx';

/** Writes a CSV per table and one workbook of them all into dir; returns the paths written. */
export async function exportPlan(records: PlanRecords, dir: string, locale: Locale = 'zh-CN'): Promise<string[]> {
  const tables = recordTables(records);
  const files: [string, string | Uint8Array][] = tables.map((t) => [join(dir, `${t.name}.csv`), toCsv(t, locale)]);
  files.push([join(dir, PLAN_WORKBOOK), await tablesToXlsx(tables, locale)]);
  await writeFilesAtomic(files);
  return files.map(([path]) => path);
}
