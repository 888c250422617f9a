import { join } from 'node:path';
import type { Wording } from '../core/locales/wording.js';
import type { PlanRecords } from '../core/record.js';
import { toCsv } from '../report/csv.js';
import { recordTables } from '../report/tables.js';
import { tablesToXlsx } from '../report/xlsx.js';
import { writeFilesAtomic } from './file.js';

export const PLAN_WORKBOOK = 'plan.xlsx';

/** Writes a CSV per table and one workbook of them all into dir, worded for the reader; returns the paths written. */
export async function exportPlan(records: PlanRecords, dir: string, w: Wording): Promise<string[]> {
  const tables = recordTables(records, w);
  const files: [string, string | Uint8Array][] = tables.map((t) => [join(dir, `${t.name}.csv`), toCsv(t)]);
  files.push([join(dir, PLAN_WORKBOOK), await tablesToXlsx(tables)]);
  await writeFilesAtomic(files);
  return files.map(([path]) => path);
}
