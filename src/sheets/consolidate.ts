import { pushTo } from '../core/_group.js';
import type { Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import { mergeLedger, type AcceptedSheet, type Ledger, type Policy } from '../core/ledger.js';
import { parsePeriod, type Period } from '../core/period.js';
import type { Finding, PlanRecords } from '../core/record.js';
import { makeFinding } from '../core/report.js';
import { departmentsFor } from '../core/worklist.js';
import { oversized } from './check.js';
import type { Inflate } from './_zip.js';
import { readProgressSheet, type SheetReading } from './read.js';

/** Reads and checks one input; the CLI hands in one that uses worker threads. */
export type SheetReader = (input: LedgerInput) => Promise<SheetReading>;

export interface ConsolidateOptions {
  /** The period consolidated; by default the one most sheets are for. */
  readonly period?: Period;
  /** Per-target policy; `same` where none is given. */
  readonly policies?: ReadonlyMap<string, Policy>;
  readonly locale?: Locale;
  /** Called after each file, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How a file is read and checked; by default here, one at a time. */
  readonly reader?: SheetReader;
  /** How many files are read at once (for a parallel reader). */
  readonly concurrency?: number;
}

/** A file to consolidate: its bytes, or how to load them when their turn comes, and its time for duplicates. */
export interface LedgerInput {
  readonly file: string;
  readonly bytes?: Uint8Array;
  readonly load?: () => Promise<Uint8Array>;
  /** Size on disk; files above MAX_SHEET_FILE_BYTES are not read. */
  readonly size?: number;
  readonly modifiedAt?: number;
}

/**
 * A reading as consolidation keeps it: the sheet's metadata without its per-row plan cells, which
 * consolidation does not use and which, kept for thousands of files, only cost memory and collection.
 */
export function slimReading(reading: SheetReading): SheetReading {
  return reading.meta ? { ...reading, meta: { ...reading.meta, rows: [], columns: {} } } : reading;
}

/** Reads and checks one input here, loading its bytes only now, so one workbook is in memory at a time. */
export function localReader(records: PlanRecords, locale: Locale, inflate?: Inflate): SheetReader {
  return async (input) => {
    const bytes = input.bytes ?? (input.load ? await input.load() : new Uint8Array(0));
    return readProgressSheet(bytes, { file: input.file, records, locale, ...(inflate ? { inflate } : {}) });
  };
}

interface Read {
  readonly input: LedgerInput;
  readonly reading: SheetReading;
}

/**
 * Reads every department sheet, checks it, and merges the accepted ones into one ledger. Nothing
 * stops the run: unreadable files, other plans, wrong periods and duplicates are findings, and
 * rows read = rows merged + rows rejected with a finding.
 */
export async function consolidate(files: readonly LedgerInput[], records: PlanRecords, options: ConsolidateOptions = {}): Promise<Ledger> {
  const locale = options.locale ?? 'zh-CN';
  const findings: Finding[] = [];
  const reader = options.reader ?? localReader(records, locale);
  const readable = files.filter((input) => {
    const tooLarge = oversized(input, locale);
    if (tooLarge) findings.push(tooLarge);
    return !tooLarge;
  });
  let done = files.length - readable.length;
  const readings = await mapLimit(readable, Math.max(1, options.concurrency ?? 1), async (input) => {
    const reading = slimReading(await reader(input));
    options.onProgress?.(++done, files.length);
    return reading;
  });
  const reads: Read[] = readable.map((input, i) => ({ input, reading: readings[i] as SheetReading }));
  const period = options.period ?? mostCommonPeriod(reads);

  let rowsRead = 0;
  let rowsRejected = 0;
  let filesSkipped = files.length - reads.length;
  const candidates: Read[] = [];
  for (const read of reads) {
    const { reading, input } = read;
    const meta = reading.meta;
    if (!meta) {
      findings.push(...reading.findings);
      filesSkipped++;
    } else if (meta.planId !== records.document.id) {
      findings.push(makeFinding('consolidate-other-plan', { file: input.file, planTitle: meta.planTitle }, { file: input.file }, locale));
      filesSkipped++;
    } else if (meta.period !== period.label) {
      rowsRead += reading.rows;
      rowsRejected += reading.rows;
      findings.push(makeFinding('consolidate-wrong-period', { file: input.file, found: meta.period, expected: period.label }, { file: input.file }, locale));
    } else {
      rowsRead += reading.rows;
      candidates.push(read);
    }
  }

  const accepted: AcceptedSheet[] = [];
  for (const group of groupBy(candidates, (r) => r.reading.meta?.department ?? '')) {
    const [kept, ...dropped] = [...group].sort(newestFirst);
    if (!kept?.reading.meta) continue;
    for (const d of dropped) {
      rowsRejected += d.reading.rows;
      findings.push(
        makeFinding('consolidate-duplicate', { department: kept.reading.meta.department, period: period.label, kept: kept.input.file, dropped: d.input.file }, { file: d.input.file }, locale),
      );
    }
    const added = kept.reading.findings.filter((f) => f.code === 'template-row-added').length;
    rowsRejected += added;
    findings.push(...kept.reading.findings);
    accepted.push({ department: kept.reading.meta.department, file: kept.input.file, entries: kept.reading.entries, findings: kept.reading.findings });
  }

  const reported = new Set(accepted.map((s) => s.department));
  for (const d of departmentsFor(records, period)) {
    if (!reported.has(d.name)) findings.push(makeFinding('consolidate-missing', { department: d.name, period: period.label }, {}, locale));
  }

  const merged = mergeLedger(records, period, accepted, options.policies ?? new Map(), locale);
  findings.push(...merged.findings);
  const rowsMerged = accepted.reduce((n, s) => n + s.entries.length, 0);
  return {
    format: 'plan-ledger/ledger',
    formatVersion: 1,
    planId: records.document.id,
    planTitle: records.document.title,
    docNumber: records.document.docNumber,
    period: period.label,
    sections: records.sections.map((x) => ({ id: x.id, title: x.title })),
    rows: merged.rows,
    findings,
    accounting: { files: files.length, sheetsAccepted: accepted.length, filesSkipped, rowsRead, rowsMerged, rowsRejected },
  };
}

function mostCommonPeriod(reads: readonly Read[]): Period {
  const counts = new Map<string, number>();
  for (const { reading } of reads) if (reading.meta) counts.set(reading.meta.period, (counts.get(reading.meta.period) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const period = best === undefined ? undefined : parsePeriod(best);
  if (!period) throw new PlanLedgerError('usage', { detail: 'no progress sheet names a period; give --period' });
  return period;
}

/** Newer generation first, then newer file, then name: the sheet a department sent last wins. */
function newestFirst(a: Read, b: Read): number {
  const generated = (b.reading.meta?.generatedAt ?? '').localeCompare(a.reading.meta?.generatedAt ?? '');
  if (generated !== 0) return generated;
  const modified = (b.input.modifiedAt ?? 0) - (a.input.modifiedAt ?? 0);
  return modified !== 0 ? modified : a.input.file.localeCompare(b.input.file);
}

/** Maps with at most `limit` calls under way, keeping the order of the inputs. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) pushTo(groups, key(item), item);
  return [...groups.values()];
}
