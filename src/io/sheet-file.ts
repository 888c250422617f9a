import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SheetFile } from '../sheets/check.js';
import { PlanLedgerError } from '../core/error.js';
import { isSheetFileName } from '../sheets/format.js';
import { MAX_SHEET_FILE_BYTES, type SheetSource } from '../sheets/read.js';
import type { PlanRecords } from '../core/record.js';
import { fileError, readFileBytes, regularFile } from './file.js';
import { readPrevious, type Previous } from './previous.js';
import { nativeInflate } from './zlib.js';

/** The offline page, as npm run build:page (and npm start) builds it. */
export const OFFLINE_PAGE = fileURLToPath(new URL('../../dist/page/plan-ledger.html', import.meta.url));

/** The bundled default template. */
export const DEFAULT_TEMPLATE = fileURLToPath(new URL('../../templates/progress-report.xlsx', import.meta.url));

/**
 * Sheet files to read: each file named, and every spreadsheet file in each folder named (Office's ~$ lock files left
 * out): .xlsx and its kin are read, .xls, .et, .ods, .numbers and .csv each get a finding that says how to fix them, so
 * that no returned file is skipped in silence. Only sizes and times now; each file's bytes are read when its turn
 * comes, so memory stays flat in N. With no file at all, `command` stops with no-sheets-found.
 */
export async function listSheetFiles(paths: readonly string[], command = 'check'): Promise<SheetSource[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (cause) {
      throw fileError(path, cause);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    for (const name of (await readdir(path)).sort()) {
      if (isSheetFileName(name)) files.push(join(path, name));
    }
  }
  if (files.length === 0 && paths.length > 0) throw new PlanLedgerError('usage', { problem: 'no-sheets-found', command, paths: [...paths] });
  return files.map((file) => ({ file, ...regularFile(file), load: () => readFileBytes(file) }));
}

/** Reads sheets to check. Missing files stop the run (a typo); oversized ones come back empty for a finding. */
export async function readSheetFiles(paths: readonly string[], command = 'check'): Promise<SheetFile[]> {
  return (await listSheetFiles(paths, command)).map(({ file, size = 0 }) => ({
    file,
    size,
    // An oversized file is not read at all; the check reports it as file-too-large.
    bytes: size > MAX_SHEET_FILE_BYTES ? new Uint8Array(0) : readFileBytes(file),
  }));
}

/** Last period's figures from the files after --previous (its sheets, folders of them, or its ledger); none when none are named. */
export async function readPreviousFiles(paths: readonly string[], records: PlanRecords, command: string): Promise<Previous> {
  if (paths.length === 0) return { figures: new Map(), findings: [], submissions: [], ledgers: [] };
  return readPrevious(await readSheetFiles(paths, command), records, { inflate: nativeInflate });
}

export { sheetFileName } from '../sheets/metadata.js';
