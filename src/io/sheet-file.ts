import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PlanLedgerError } from '../core/error.js';
import { MAX_SHEET_FILE_BYTES, type SheetFile } from '../sheets/check.js';

/** The bundled default template. */
export const DEFAULT_TEMPLATE = fileURLToPath(new URL('../../templates/progress-report.xlsx', import.meta.url));

/** Reads sheets to check. Missing files stop the run (a typo); oversized ones come back empty for a finding. */
export async function readSheetFiles(paths: readonly string[]): Promise<SheetFile[]> {
  const files: SheetFile[] = [];
  for (const path of paths) {
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new PlanLedgerError('file-unreadable', { file: path, detail: 'not a regular file' });
      size = info.size;
    } catch (cause) {
      if (cause instanceof PlanLedgerError) throw cause;
      const code = (cause as NodeJS.ErrnoException).code;
      throw new PlanLedgerError(code === 'ENOENT' ? 'file-not-found' : 'file-unreadable', { file: path, detail: code ?? '' }, { cause });
    }
    // An oversized file is not read at all; the check reports it as file-too-large.
    const bytes = size > MAX_SHEET_FILE_BYTES ? new Uint8Array(0) : new Uint8Array(await readFile(path));
    files.push({ file: path, bytes, size });
  }
  return files;
}

/** A file name for a department's sheet: 2021-Q2-区科委.xlsx. */
export function sheetFileName(period: string, department: string): string {
  return `${period}-${department.replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}
