// Consolidates one folder in its own process and prints its time and peak memory, so memory is measured per N.
import { readFileSync } from 'node:fs';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { parsePeriod } from '../src/core/period.js';
import { consolidate, localReader } from '../src/sheets/consolidate.js';
import { nativeInflate } from '../src/io/inflate.js';
import { listSheetFiles } from '../src/io/sheet-file.js';

const records = parsePlan(readFileSync(SEED_PLAN, 'utf8'));
const period = parsePeriod('2021-Q2');
const t0 = performance.now();
const ledger = await consolidate(await listSheetFiles([process.argv[2] as string]), records, { ...(period ? { period } : {}), reader: localReader(records, 'zh-CN', nativeInflate) });
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, rows: ledger.accounting.rowsRead, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
