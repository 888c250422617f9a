import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SheetFile } from '../sheets/check.js';
import { MAX_SHEET_FILE_BYTES, type SheetSource } from '../sheets/read.js';
import { fileError, readFileBytes, regularFile } from './file.js';

/** The bundled default template. */
export const DEFAULT_TEMPLATE = fileURLToPath(new URL('../../templates/progress-report.xlsx', import.meta.url));

/**
 * Sheet files to read: each .xlsx named, and every .xlsx in each folder named (Office's ~$ lock files left out).
 * Only sizes and times now; each file's bytes are read when its turn comes, so memory stays flat in N.
 */
export async function listSheetFiles(paths: readonly string[]): Promise<SheetSource[]> {
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
      if (extname(name).toLowerCase() === '.xlsx' && !name.startsWith('~$') && !name.startsWith('.')) files.push(join(path, name));
    }
  }
  return files.map((file) => ({ file, ...regularFile(file), load: () => readFileBytes(file) }));
}

/** Reads sheets to check. Missing files stop the run (a typo); oversized ones come back empty for a finding. */
export async function readSheetFiles(paths: readonly string[]): Promise<SheetFile[]> {
  return (await listSheetFiles(paths)).map(({ file, size = 0 }) => ({
    file,
    size,
    // An oversized file is not read at all; the check reports it as file-too-large.
    bytes: size > MAX_SHEET_FILE_BYTES ? new Uint8Array(0) : readFileBytes(file),
  }));
}

export { sheetFileName } from '../sheets/metadata.js';
