// A worker thread of ReadPool: reads a progress sheet from disk and checks it, returning entries and findings.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../core/code.js';
import type { PlanRecords } from '../core/record.js';
import { readProgressSheet } from '../sheets/read.js';
import { nativeInflate } from './inflate.js';

const { records, locale } = workerData as { records: PlanRecords; locale: Locale };

parentPort?.on('message', async (jobs: { id: number; file: string }[]) => {
  const results = [];
  for (const { id, file } of jobs) {
    try {
      const bytes = new Uint8Array(readFileSync(file));
      const reading = await readProgressSheet(bytes, { file, records, locale, inflate: nativeInflate });
      // Consolidation needs who, which plan and period, and when: not every row's plan cells, which would
      // only cost the main thread time to receive.
      results.push({ id, reading: reading.meta ? { ...reading, meta: { ...reading.meta, rows: [], columns: {} } } : reading });
    } catch (error) {
      results.push({ id, error: (error as Error).message });
    }
  }
  parentPort?.postMessage(results);
});
