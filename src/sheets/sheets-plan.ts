import { departmentsOf } from '../core/groups.js';
import type { PlanRecords, Target, Task } from '../core/record.js';
import { carriedRecords, readCarriedPlan, readMetas } from './metadata.js';
import { MAX_SHEET_FILE_BYTES, type SheetSource } from './read.js';
import { openWorkbook, WorkbookCache, type OpenOptions } from './xlsx/reader.js';

/** A version of a plan that returned sheets were made from: which plan, and which files. */
export interface PlanVersion {
  readonly planId: string;
  readonly title: string;
  readonly docNumber: string | null;
  readonly files: readonly string[];
  /** The newest of its sheets' generation times. */
  readonly generatedAt: string;
  /** The whole plan, from a workbook's plan sheet; else what its sheets' slices hold together. */
  readonly records: PlanRecords;
  /** Whether no workbook carried the whole plan, so that the records are the union of the sheets' slices. */
  readonly partial: boolean;
}

/**
 * The plans returned sheets carry, most sheets first (the newest first among equals): each version with its files
 * and its records. Files that are not progress sheets, or cannot be read, are left to the read that follows, which
 * reports them. One workbook is open at a time.
 */
export async function plansOfSheets(sources: readonly SheetSource[], options: OpenOptions = {}): Promise<PlanVersion[]> {
  const cache = options.cache ?? new WorkbookCache();
  const versions = new Map<string, { files: string[]; generatedAt: string; whole?: PlanRecords; slices: PlanRecords[]; title: string; docNumber: string | null }>();
  for (const source of sources) {
    if ((source.size ?? 0) > MAX_SHEET_FILE_BYTES) continue;
    try {
      const bytes = source.bytes ?? (await source.load?.());
      if (!bytes) continue;
      const book = openWorkbook(bytes, { ...options, cache });
      const metas = readMetas(book);
      for (const meta of metas) {
        let version = versions.get(meta.planId);
        if (!version) versions.set(meta.planId, (version = { files: [], generatedAt: meta.generatedAt, slices: [], title: meta.planTitle, docNumber: meta.plan?.document.docNumber ?? null }));
        if (!version.files.includes(source.file)) version.files.push(source.file);
        if (meta.generatedAt > version.generatedAt) version.generatedAt = meta.generatedAt;
        if (version.whole) continue;
        const whole = readCarriedPlan(book);
        if (whole && whole.document.id === meta.planId) version.whole = whole;
        else {
          const slice = carriedRecords(meta);
          if (slice) version.slices.push(slice);
        }
      }
    } catch {
      // Unreadable here is unreadable in the read that follows, which says so with the file's name.
    }
  }
  const found: PlanVersion[] = [];
  for (const [planId, v] of versions) {
    const records = v.whole ?? unionOfSlices(v.slices);
    if (records) found.push({ planId, title: v.title, docNumber: records.document.docNumber, files: v.files, generatedAt: v.generatedAt, records, partial: !v.whole });
  }
  return found.sort((a, b) => b.files.length - a.files.length || b.generatedAt.localeCompare(a.generatedAt));
}

/** What departments' slices of one plan hold together: every task and target any of them carries, in plan order. */
export function unionOfSlices(slices: readonly PlanRecords[]): PlanRecords | undefined {
  const [first] = slices;
  if (!first) return undefined;
  const tasks = new Map<string, Task>();
  const targets = new Map<string, Target>();
  for (const s of slices) {
    for (const t of s.tasks) tasks.set(t.id, t);
    for (const t of s.targets) targets.set(t.id, t);
  }
  const byStart = <T extends { readonly span: { readonly start: number } }>(items: Iterable<T>): T[] => [...items].sort((a, b) => a.span.start - b.span.start);
  const allTasks = byStart(tasks.values());
  return { ...first, tasks: allTasks, targets: byStart(targets.values()), departments: departmentsOf(allTasks) };
}
