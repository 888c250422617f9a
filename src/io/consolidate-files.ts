import { availableParallelism } from 'node:os';
import { consolidate, type ConsolidateOptions } from '../core/consolidate.js';
import type { Ledger } from '../core/ledger.js';
import type { PlanRecords } from '../core/record.js';
import { sheetReader } from '../sheets/read.js';
import { nativeInflate } from './zlib.js';
import { BATCH, ReadPool } from './read-pool.js';
import { listSheetFiles } from './sheet-file.js';

export interface ConsolidateFilesOptions extends Omit<ConsolidateOptions, 'concurrency'> {
  /** Worker threads to read in; 0 or 1 reads in this thread, which measured as fast or faster on 2 cores (README). */
  readonly workers?: number;
}

/** Consolidates the sheet files named (files, or the .xlsx in folders), reading each from disk when its turn comes. */
export async function consolidateFiles(paths: readonly string[], records: PlanRecords, options: ConsolidateFilesOptions = {}): Promise<Ledger> {
  const inputs = await listSheetFiles(paths, 'consolidate');
  const workers = Math.min(options.workers ?? 0, availableParallelism());
  const pool = inputs.length > 1 && workers > 1 ? new ReadPool(records, workers) : undefined;
  try {
    if (pool) return await consolidate(inputs, records, pool.reader, { ...options, concurrency: pool.size * BATCH * 2 });
    return await consolidate(inputs, records, sheetReader(records, { inflate: nativeInflate }), options);
  } finally {
    await pool?.close();
  }
}
