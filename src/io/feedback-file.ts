import { basename, extname, join, resolve } from 'node:path';
import { findingsOfFile, type Finding } from '../core/finding.js';
import type { Wording } from '../core/locales/wording.js';
import { feedbackCopy } from '../sheets/feedback.js';
import { MAX_SHEET_FILE_BYTES } from '../sheets/read.js';
import { readFileBytes, writeFileAtomic } from './file.js';
import { nodeZlib } from './zlib.js';

/** A returned sheet: its path, and its bytes when they are at hand (read from disk otherwise). */
export interface ReturnedSheet {
  readonly file: string;
  readonly bytes?: Uint8Array;
  /** Size on disk, when known: a file too large to check is not read. */
  readonly size?: number;
}

export interface FeedbackWritten {
  /** The annotated copies written, by path. */
  readonly written: readonly string[];
  /** Files with findings that could not be opened to annotate (not an .xlsx, damaged, too large). */
  readonly skipped: readonly string[];
}

/**
 * Writes into `dir` an annotated copy of each returned sheet that has findings, named after it (区科委-退回修改.xlsx);
 * a clean sheet gets none. Each copy is written atomically, and never over an input: a name taken gets (2), (3) ….
 */
export async function writeFeedback(sheets: readonly ReturnedSheet[], findings: readonly Finding[], dir: string, w: Wording): Promise<FeedbackWritten> {
  const taken = new Set(sheets.map((s) => resolve(s.file)));
  const written: string[] = [];
  const skipped: string[] = [];
  for (const sheet of sheets) {
    const own = findingsOfFile(findings, sheet.file);
    if (own.length === 0) continue;
    const bytes = (sheet.size ?? 0) > MAX_SHEET_FILE_BYTES ? new Uint8Array(0) : (sheet.bytes ?? readFileBytes(sheet.file));
    const copy = bytes.length === 0 ? undefined : feedbackCopy(bytes, own, { file: basename(sheet.file), wording: w, ...nodeZlib });
    if (!copy) {
      skipped.push(sheet.file);
      continue;
    }
    const path = freePath(dir, basename(sheet.file, extname(sheet.file)), w, taken);
    await writeFileAtomic(path, copy.bytes);
    written.push(path);
  }
  return { written, skipped };
}

/** The copy's path in `dir`: its name from the file's, with (2), (3) … when another copy or an input has it. */
function freePath(dir: string, base: string, w: Wording, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const path = join(dir, w.feedback.fileName(n === 1 ? base : `${base} (${n})`));
    if (!taken.has(resolve(path))) {
      taken.add(resolve(path));
      return path;
    }
  }
}
