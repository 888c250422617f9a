// A worker thread of ReadPool: reads progress sheets from disk and checks them, returning what consolidation keeps.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { PlanRecords } from '../core/record.js';
import { readProgressFileSheets, type PreviousFigures } from '../sheets/read.js';
import { WorkbookCache } from '../sheets/xlsx/reader.js';
import { nativeInflate, sha256Hex } from './zlib.js';

const { records, previous } = workerData as { records: PlanRecords; previous?: PreviousFigures };
const open = { records, inflate: nativeInflate, cache: new WorkbookCache(), ...(previous ? { previous } : {}) };

parentPort?.on('message', (jobs: { id: number; file: string }[]) => {
  const results = [];
  for (const { id, file } of jobs) {
    try {
      const bytes = new Uint8Array(readFileSync(file));
      const sha256 = sha256Hex(bytes);
      results.push({ id, readings: readProgressFileSheets({ file, bytes }, open).map((r) => ({ ...r, sha256 })) });
    } catch (error) {
      results.push({ id, error: (error as Error).message });
    }
  }
  parentPort?.postMessage(results);
});
