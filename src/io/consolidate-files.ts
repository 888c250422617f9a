import { availableParallelism } from 'node:os';
import { consolidate, type ConsolidateOptions } from '../core/consolidate.js';
import type { Ledger } from '../core/ledger.js';
import type { PlanRecords } from '../core/record.js';
import { sheetReader, type PreviousFigures, type SheetSource } from '../sheets/read.js';
import { nativeInflate, sha256Hex } from './zlib.js';
import { BATCH, ReadPool } from './read-pool.js';
import { listSheetFiles } from './sheet-file.js';

export interface ConsolidateFilesOptions extends Omit<ConsolidateOptions, 'concurrency'> {
  /** Worker threads to read in; 0 or 1 reads in this thread, which measured as fast or faster on 2 cores (README). */
  readonly workers?: number;
  /** Last period's figures (readPreviousFiles), for running figures that must not fall. */
  readonly previous?: PreviousFigures;
}

/** Consolidates the sheet files named (files, or the .xlsx in folders), reading each from disk when its turn comes. */
export async function consolidateFiles(paths: readonly string[], records: PlanRecords, options: ConsolidateFilesOptions = {}): Promise<Ledger> {
  return consolidateSources(await listSheetFiles(paths, 'consolidate'), records, options);
}

/** Consolidates sheet files already listed (listSheetFiles), reading each from disk when its turn comes. */
export async function consolidateSources(inputs: readonly SheetSource[], records: PlanRecords, options: ConsolidateFilesOptions = {}): Promise<Ledger> {
  const workers = Math.min(options.workers ?? 0, availableParallelism());
  const { previous, ...rest } = options;
  const pool = inputs.length > 1 && workers > 1 ? new ReadPool(records, workers, previous) : undefined;
  try {
    if (pool) return await consolidate(inputs, records, pool.reader, { ...rest, concurrency: pool.size * BATCH * 2 });
    return await consolidate(inputs, records, sheetReader(records, { inflate: nativeInflate, digest: sha256Hex, ...(previous ? { previous } : {}) }), rest);
  } finally {
    await pool?.close();
  }
}
