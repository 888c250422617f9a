import * as z from 'zod';
import type { SheetIdentity } from '../core/consolidate.js';
import { META_MARKER, META_SHEET, readJsonSheet } from './json-sheet.js';
import type { GridBook } from './xlsx/grid.js';

export { META_SHEET } from './json-sheet.js';

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
  formatVersion: z.literal(1),
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
});

export type SheetRow = z.infer<typeof SheetRowSchema>;
export type SheetMeta = z.infer<typeof SheetMetaSchema>;

/** The metadata of a generated workbook; undefined when the workbook carries none or it is damaged. */
export function readMeta(book: GridBook): SheetMeta | undefined {
  const parsed = SheetMetaSchema.safeParse(readJsonSheet(book, META_SHEET, META_MARKER));
  return parsed.success ? parsed.data : undefined;
}

/** Who a sheet is from and what for, as consolidation keeps it (without the per-row plan cells). */
export function identityOf(meta: SheetMeta): SheetIdentity {
  return { planId: meta.planId, planTitle: meta.planTitle, department: meta.department, period: meta.period, generatedAt: meta.generatedAt };
}
