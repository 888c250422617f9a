import type { PlanRecords } from '../core/record.js';
import { makeReport, type Report } from '../core/report.js';
import { readProgressFileSheets, type PreviousFigures } from './read.js';
import { WorkbookCache } from './xlsx/reader.js';
import type { Inflate } from './xlsx/zip.js';

/** A sheet file as a front end has it: its name, its bytes, and its size on disk when known. */
export interface SheetFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Files above MAX_SHEET_FILE_BYTES are not read. */
  readonly size?: number;
}

export interface CheckOptions {
  /** Last period's figures (previousFigures reads them from its sheets or its ledger), for figures that must not go down. */
  readonly previous?: PreviousFigures;
  /** A faster inflater where the platform has one (Node's zlib); fflate otherwise. */
  readonly inflate?: Inflate;
}

/** Reads and checks filled progress sheets: every row becomes an entry or a finding. */
export async function checkSheets(files: readonly SheetFile[], records: PlanRecords, options: CheckOptions = {}): Promise<Report> {
  const open = { records, cache: new WorkbookCache(), ...(options.inflate ? { inflate: options.inflate } : {}), ...(options.previous ? { previous: options.previous } : {}) };
  const entries = [];
  const findings = [];
  let rows = 0;
  // Every progress sheet of every file: a coordinator's workbook may hold several departments'.
  for (const f of files) {
    for (const reading of readProgressFileSheets(f, open)) {
      entries.push(...reading.entries);
      findings.push(...reading.findings);
      rows += reading.rows;
    }
  }
  return makeReport(files.length, rows, entries, findings);
}
