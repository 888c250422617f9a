// Consolidates one folder in a fresh process, as the CLI does (the built modules), and prints its time,
// CPU time and peak memory: memory per N, and reading here against worker threads from a cold start.
import { readFileSync } from 'node:fs';
import type * as Consolidate from '../src/core/consolidate.js';
import type * as Parse from '../src/core/parse.js';
import type * as Period from '../src/core/period.js';
import type * as Inflate from '../src/io/zlib.js';
import type * as PlanFile from '../src/io/plan-file.js';
import type * as Pool from '../src/io/read-pool.js';
import type * as SheetFile from '../src/io/sheet-file.js';
import type * as Read from '../src/sheets/read.js';

/** A built module, typed by its source. */
const built = async <T>(path: string): Promise<T> => (await import(new URL(`../dist/${path}.js`, import.meta.url).href)) as T;

const [dir = '', mode = 'here'] = process.argv.slice(2);
const started = performance.now();
const cpu = process.cpuUsage();
const { parsePlan } = await built<typeof Parse>('core/parse');
const { parsePeriod } = await built<typeof Period>('core/period');
const { SEED_PLAN } = await built<typeof PlanFile>('io/plan-file');
const { listSheetFiles } = await built<typeof SheetFile>('io/sheet-file');
const { nativeInflate } = await built<typeof Inflate>('io/zlib');
const { consolidate } = await built<typeof Consolidate>('core/consolidate');
const { sheetReader } = await built<typeof Read>('sheets/read');
const { ReadPool, BATCH } = await built<typeof Pool>('io/read-pool');

const records = parsePlan(readFileSync(SEED_PLAN, 'utf8'));
const period = parsePeriod('2021-Q2');
const pool = mode === 'workers' ? new ReadPool(records, 2) : undefined;
const ledger = await consolidate(await listSheetFiles([dir]), records, pool ? pool.reader : sheetReader(records, { inflate: nativeInflate }), {
  ...(period ? { period } : {}),
  ...(pool ? { concurrency: 2 * BATCH * 2 } : {}),
});
await pool?.close();
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, rows: ledger.accounting.rowsRead, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
