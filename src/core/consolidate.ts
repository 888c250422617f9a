import { pushTo } from './_group.js';
import { PlanLedgerError } from './error.js';
import { finding, type Finding } from './finding.js';
import { LEDGER_FORMAT_VERSION, mergeLedger, type AcceptedSheet, type Ledger, type Policy, type Submission } from './ledger.js';
import { parsePeriod, type Period } from './period.js';
import type { PlanRecords } from './record.js';
import type { Entry } from './report.js';
import type { Reporter } from './reporter.js';
import { departmentsFor } from './worklist.js';

/** Who a progress sheet is from and what for, as its metadata says. */
export interface SheetIdentity {
  readonly planId: string;
  readonly planTitle: string;
  readonly department: string;
  readonly period: string;
  /** ISO date-time the sheet was generated; the newer of two sheets of one department wins. */
  readonly generatedAt: string;
}

/** One file read and checked: who it is from (undefined when it is no progress sheet), its entries and findings, and its rows. */
export interface SheetReading {
  readonly identity: SheetIdentity | undefined;
  readonly entries: Entry[];
  readonly findings: Finding[];
  /** Data rows seen: generated rows present plus rows added by hand (the accounting). */
  readonly rows: number;
  /** Who filled it in, where the sheet has a signature block. */
  readonly reporter?: Reporter;
  /** The file's SHA-256 (hex), where the reader had its bytes and a digest. */
  readonly sha256?: string;
}

/** A file to consolidate: its name, and its time for duplicates. How its bytes are had is the reader's business. */
export interface ConsolidationInput {
  readonly file: string;
  readonly modifiedAt?: number;
}

/** Reads and checks one input: a file on disk, a file a user dropped in a page, a workbook open in Excel. */
/** Several readings where one workbook holds several departments' progress sheets. */
export type SheetReader<I extends ConsolidationInput> = (input: I) => Promise<SheetReading | readonly SheetReading[]>;

export interface ConsolidateOptions {
  /** The period consolidated; by default the one most sheets are for. */
  readonly period?: Period;
  /** Per-target policy; `same` where none is given. */
  readonly policies?: ReadonlyMap<string, Policy>;
  /** Called after each file, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /** How many files are read at once (for a parallel reader). */
  readonly concurrency?: number;
}

interface Read<I> {
  readonly input: I;
  readonly reading: SheetReading;
}

/**
 * Reads every department sheet, checks it, and merges the accepted ones into one ledger. Nothing
 * stops the run: unreadable files, other plans, wrong periods and duplicates are findings, and
 * rows read = rows merged + rows rejected with a finding.
 */
export async function consolidate<I extends ConsolidationInput>(inputs: readonly I[], records: PlanRecords, read: SheetReader<I>, options: ConsolidateOptions = {}): Promise<Ledger> {
  const findings: Finding[] = [];
  let done = 0;
  const readings = await mapLimit(inputs, Math.max(1, options.concurrency ?? 1), async (input) => {
    const reading = await read(input);
    options.onProgress?.(++done, inputs.length);
    return reading;
  });
  const reads: Read<I>[] = inputs.flatMap((input, i) => [readings[i] as SheetReading | readonly SheetReading[]].flat().map((reading) => ({ input, reading })));
  const period = options.period ?? mostCommonPeriod(reads);

  let rowsRead = 0;
  let rowsRejected = 0;
  let filesSkipped = 0;
  const candidates: Read<I>[] = [];
  for (const r of reads) {
    const { reading, input } = r;
    const identity = reading.identity;
    if (!identity) {
      findings.push(...reading.findings);
      filesSkipped++;
    } else if (identity.planId !== records.document.id) {
      findings.push(finding('consolidate-other-plan', { file: input.file, planTitle: identity.planTitle }, { file: input.file }));
      filesSkipped++;
    } else if (identity.period !== period.label) {
      rowsRead += reading.rows;
      rowsRejected += reading.rows;
      findings.push(finding('consolidate-wrong-period', { file: input.file, found: identity.period, expected: period.label }, { file: input.file }));
    } else {
      rowsRead += reading.rows;
      candidates.push(r);
    }
  }

  const accepted: AcceptedSheet[] = [];
  const submissions: Submission[] = [];
  for (const group of groupBy(candidates, (r) => r.reading.identity?.department ?? '')) {
    const [kept, ...dropped] = [...group].sort(newestFirst);
    if (!kept?.reading.identity) continue;
    const department = kept.reading.identity.department;
    for (const d of dropped) {
      rowsRejected += d.reading.rows;
      findings.push(finding('consolidate-duplicate', { department, period: period.label, kept: kept.input.file, dropped: d.input.file }, { file: d.input.file }));
    }
    rowsRejected += kept.reading.findings.filter((f) => f.code === 'template-row-added').length;
    findings.push(...kept.reading.findings);
    accepted.push({ department, planId: kept.reading.identity.planId, file: kept.input.file, entries: kept.reading.entries, findings: kept.reading.findings });
    const { identity, reporter, sha256 } = kept.reading;
    submissions.push({ department, period: period.label, file: kept.input.file, sha256: sha256 ?? null, reporter: reporter ?? null, generatedAt: identity.generatedAt, planId: identity.planId });
  }

  const reported = new Set(accepted.map((s) => s.department));
  for (const d of departmentsFor(records, period)) {
    if (!reported.has(d.name)) findings.push(finding('consolidate-missing', { department: d.name, period: period.label }));
  }

  const merged = mergeLedger(records, period, accepted, options.policies ?? new Map());
  findings.push(...merged.findings);
  const rowsMerged = accepted.reduce((n, s) => n + s.entries.length, 0);
  return {
    format: 'plan-ledger/ledger',
    formatVersion: LEDGER_FORMAT_VERSION,
    planId: records.document.id,
    planTitle: records.document.title,
    docNumber: records.document.docNumber,
    period: period.label,
    sections: records.sections.map((x) => ({ id: x.id, title: x.title })),
    rows: merged.rows,
    findings,
    accounting: { files: inputs.length, sheetsAccepted: accepted.length, filesSkipped, rowsRead, rowsMerged, rowsRejected },
    submissions,
  };
}

function mostCommonPeriod(reads: readonly Read<ConsolidationInput>[]): Period {
  // Nothing read at all (a folder of .xls and .ods, say): each file said with its problem, never a ledger of nothing.
  if (reads.length > 0 && reads.every((r) => !r.reading.identity)) {
    throw new PlanLedgerError('usage', { problem: 'no-sheet-read', files: reads.map((r) => ({ file: r.input.file, code: r.reading.findings[0]?.code ?? 'template-not-a-progress-sheet' })) });
  }
  const counts = new Map<string, number>();
  for (const { reading } of reads) if (reading.identity) counts.set(reading.identity.period, (counts.get(reading.identity.period) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const period = best === undefined ? undefined : parsePeriod(best);
  if (!period) throw new PlanLedgerError('usage', { problem: 'no-period-found' });
  return period;
}

/** Newer generation first, then newer file, then name: the sheet a department sent last wins. */
function newestFirst(a: Read<ConsolidationInput>, b: Read<ConsolidationInput>): number {
  const generated = (b.reading.identity?.generatedAt ?? '').localeCompare(a.reading.identity?.generatedAt ?? '');
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
