// A worker thread of ReadPool: reads a progress sheet from disk and checks it, returning entries and findings.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Locale } from '../core/code.js';
import type { PlanRecords } from '../core/record.js';
import { slimReading } from '../sheets/consolidate.js';
import { readProgressSheet } from '../sheets/read.js';
import { nativeInflate } from './inflate.js';

const { records, locale } = workerData as { records: PlanRecords; locale: Locale };

parentPort?.on('message', async (jobs: { id: number; file: string }[]) => {
  const results = [];
  for (const { id, file } of jobs) {
    try {
      const bytes = new Uint8Array(readFileSync(file));
      // Slimmed here too, so the main thread receives less.
      results.push({ id, reading: slimReading(await readProgressSheet(bytes, { file, records, locale, inflate: nativeInflate })) });
    } catch (error) {
      results.push({ id, error: (error as Error).message });
    }
  }
  parentPort?.postMessage(results);
});
