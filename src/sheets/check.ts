import type { Locale } from '../core/code.js';
import type { Finding, PlanRecords } from '../core/record.js';
import { makeFinding, makeReport, type Report } from '../core/report.js';
import type { Inflate } from './_zip.js';
import { readProgressSheet } from './read.js';

export interface SheetFile {
  readonly file: string;
  readonly bytes: Uint8Array;
  /** Size on disk, when known; files above MAX_SHEET_FILE_BYTES are not read. */
  readonly size?: number;
}

/** A progress sheet is a few dozen KB; anything above this is refused unread. */
export const MAX_SHEET_FILE_BYTES = 64 * 1024 * 1024;

/** The finding for a file too large to read, or undefined when it may be read. */
export function oversized(input: { readonly file: string; readonly size?: number; readonly bytes?: Uint8Array }, locale: Locale): Finding | undefined {
  if ((input.size ?? input.bytes?.length ?? 0) <= MAX_SHEET_FILE_BYTES) return undefined;
  return makeFinding('file-too-large', { file: input.file, limit: `${MAX_SHEET_FILE_BYTES / 1024 / 1024} MB` }, { file: input.file }, locale);
}

export interface CheckOptions {
  readonly locale?: Locale;
  /** Last period's sheets, for figures that must not go down. */
  readonly previous?: readonly SheetFile[];
  readonly inflate?: Inflate;
}

/** Reads and checks filled progress sheets: every row becomes an entry or a finding. */
export async function checkSheets(files: readonly SheetFile[], records: PlanRecords, options: CheckOptions = {}): Promise<Report> {
  const locale = options.locale ?? 'zh-CN';
  const previous = new Map<string, number>();
  for (const p of options.previous ?? []) {
    const reading = await readProgressSheet(p.bytes, { file: p.file, records, locale, ...(options.inflate ? { inflate: options.inflate } : {}) });
    for (const e of reading.entries) if (e.targetId !== null && e.actual !== null) previous.set(`${e.department}|${e.targetId}`, e.actual);
  }
  const entries = [];
  const findings = [];
  let rows = 0;
  for (const f of files) {
    const tooLarge = oversized(f, locale);
    if (tooLarge) {
      findings.push(tooLarge);
      continue;
    }
    const reading = await readProgressSheet(f.bytes, { file: f.file, records, locale, previous, ...(options.inflate ? { inflate: options.inflate } : {}) });
    entries.push(...reading.entries);
    findings.push(...reading.findings);
    rows += reading.rows;
  }
  return makeReport(files.length, rows, entries, findings);
}
