import * as z from 'zod';
import type { SheetIdentity } from '../core/consolidate.js';
import { DocumentSchema, PlanRecordsSchema, SCHEMA_VERSION, TargetSchema, TaskSchema, type PlanRecords } from '../core/record.js';
import { META_FORMAT_VERSION, META_MARKER, META_SHEET, PLAN_MARKER, PLAN_SHEET, readJsonSheet } from './json-sheet.js';
import type { GridBook } from './xlsx/grid.js';

export { META_FORMAT_VERSION, META_SHEET, PLAN_SHEET } from './json-sheet.js';

/**
 * An object of strings (column letter → text), checked in one loop: z.record checks key by key through
 * zod's machinery, which made validating a sheet's metadata ten times slower, for thousands of sheets.
 */
const stringRecord = () =>
  z.custom<Record<string, string>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string'),
    { message: 'expected an object of strings' },
  );

export const SheetRowSchema = z.object({
  row: z.number().int().positive(),
  id: z.string(),
  kind: z.enum(['target', 'task']),
  taskId: z.string(),
  targetId: z.string().nullable(),
  /** Plan cells (locked) as generated: column letter → text shown. */
  plan: stringRecord(),
});

export const SheetMetaSchema = z.object({
  format: z.literal('plan-ledger/progress-sheet'),
  formatVersion: z.union([z.literal(1), z.literal(META_FORMAT_VERSION)]),
  templateVersion: z.string(),
  planId: z.string(),
  contentHash: z.string(),
  planTitle: z.string(),
  department: z.string(),
  period: z.string(),
  generatedAt: z.string(),
  sheet: z.string(),
  /** Placeholder → column letter, as the template placed them. */
  columns: stringRecord(),
  firstRow: z.number().int().positive(),
  rows: z.array(SheetRowSchema),
  /** Digest of every plan cell, to tell at a glance whether any was altered. */
  planDigest: z.string(),
  /**
   * The plan's records the rows stand for (format 2): each row's task with its departments and roles, and its
   * target with the source sentence, so that an add-in or a page checks entries and explains targets from the
   * workbook alone. Absent in format 1 sheets, which are checked against the plan they came from.
   */
  plan: z.object({ document: DocumentSchema, tasks: z.array(TaskSchema), targets: z.array(TargetSchema) }).optional(),
  /** Last period's figure by target id, where the coordinator knew it when filling. */
  previous: z.record(z.string(), z.number()).optional(),
  /** Where the signature block's input cells are (填报人, 联系电话, 填报日期), in sheets whose template has them. */
  sign: z.object({ 'reporter.name': z.string(), 'reporter.phone': z.string(), 'reporter.date': z.string() }).partial().optional(),
});

export type SheetRow = z.infer<typeof SheetRowSchema>;
export type SheetMeta = z.infer<typeof SheetMetaSchema>;

/**
 * Whether a sheet's name is one a metadata sheet may have: `_plan_ledger`, or the same with a suffix where several
 * progress sheets share a workbook (Excel names a second inserted copy `_plan_ledger (2)`; the add-in numbers them).
 */
export const isMetaSheetName = (name: string): boolean => name === META_SHEET || /^_plan_ledger(?: \(\d+\)|_\d+)$/.test(name);

/** The metadata of a generated workbook's first progress sheet; undefined when the workbook carries none or it is damaged. */
export function readMeta(book: GridBook): SheetMeta | undefined {
  return readMetas(book)[0];
}

/**
 * The metadata of every progress sheet in a workbook, one per metadata sheet, in the workbook's order; a damaged
 * one is left out. A book that cannot list its sheets is asked for `_plan_ledger` alone.
 */
export function readMetas(book: GridBook): SheetMeta[] {
  const names = book.sheetNames?.filter(isMetaSheetName) ?? [META_SHEET];
  return names.flatMap((name) => {
    const parsed = SheetMetaSchema.safeParse(readJsonSheet(book, name, META_MARKER));
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The plan records a format 2 sheet carries, as records that read-back checks against: its document, tasks and
 * targets (no sections or source text; the one department the sheet is for). Undefined for a format 1 sheet.
 */
export function carriedRecords(meta: SheetMeta): PlanRecords | undefined {
  if (!meta.plan) return undefined;
  const { document } = meta.plan;
  const departments = [{ id: meta.department, name: meta.department, taskIds: meta.plan.tasks.map((t) => t.id) }];
  return { schemaVersion: SCHEMA_VERSION, document, sections: [], tasks: meta.plan.tasks, targets: meta.plan.targets, departments, findings: [], source: { file: null, encoding: null, text: '' } };
}

/**
 * The whole plan a workbook's sheets were made from, as its very hidden plan sheet carries it (records without the
 * source text); undefined for workbooks made before sheets carried it, or where it is damaged.
 */
export function readCarriedPlan(book: GridBook): PlanRecords | undefined {
  if (book.sheetNames && !book.sheetNames.includes(PLAN_SHEET)) return undefined;
  const parsed = PlanRecordsSchema.safeParse(readJsonSheet(book, PLAN_SHEET, PLAN_MARKER));
  return parsed.success ? parsed.data : undefined;
}

/** Who a sheet is from and what for, as consolidation keeps it (without the per-row plan cells). */
export function identityOf(meta: SheetMeta): SheetIdentity {
  return { planId: meta.planId, planTitle: meta.planTitle, department: meta.department, period: meta.period, generatedAt: meta.generatedAt };
}

/** A file name for a department's sheet, as the coordinator's tools name them: 2021-Q2-区科委.xlsx. */
export function sheetFileName(period: string, department: string): string {
  return `${period}-${department.replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}
