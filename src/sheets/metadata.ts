import * as z from 'zod';
import type { SheetIdentity } from '../core/consolidate.js';
import { rawText, type GridBook } from './xlsx/grid.js';

/** Name of the very hidden sheet that carries what a generated workbook is. */
export const META_SHEET = '_plan_ledger';
const MARKER = 'plan-ledger progress sheet';
const CHUNK = 30_000; // below Excel's 32,767 characters per cell

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

/** The cells of a very hidden sheet that carries a value as JSON, from A1 down: the marker, then chunks. */
export function jsonSheetCells(marker: string, value: unknown): string[] {
  const json = JSON.stringify(value);
  const cells = [marker];
  for (let i = 0; i < json.length; i += CHUNK) cells.push(json.slice(i, i + CHUNK));
  return cells;
}

/** The JSON a sheet of jsonSheetCells holds, parsed, if the sheet is there and carries the marker; undefined otherwise, null when it does not parse. */
export function readJsonSheet(book: GridBook, name: string, marker: string): unknown {
  const sheet = book.sheet(name);
  if (!sheet || rawText(sheet.cell('A1')) !== marker) return undefined;
  let json = '';
  // LibreOffice may save a long cell as rich text; the grid reads either.
  for (let row = 2; row <= sheet.maxRow; row++) json += rawText(sheet.cell(`A${row}`));
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

/** The cells of a generated sheet's metadata sheet, from A1 down. */
export function metaCells(meta: SheetMeta): string[] {
  return jsonSheetCells(MARKER, meta);
}

/** The metadata of a generated workbook; undefined when the workbook carries none or it is damaged. */
export function readMeta(book: GridBook): SheetMeta | undefined {
  const parsed = SheetMetaSchema.safeParse(readJsonSheet(book, META_SHEET, MARKER));
  return parsed.success ? parsed.data : undefined;
}

/** Who a sheet is from and what for, as consolidation keeps it (without the per-row plan cells). */
export function identityOf(meta: SheetMeta): SheetIdentity {
  return { planId: meta.planId, planTitle: meta.planTitle, department: meta.department, period: meta.period, generatedAt: meta.generatedAt };
}
