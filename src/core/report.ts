import { z } from 'zod';
import { CODES, render, type Code, type Locale, type Params } from './code.js';
import { STATUSES } from './entry.js';
import { FindingSchema, type Finding } from './record.js';

/** What a department reported for one row of its sheet. */
export const EntrySchema = z.object({
  targetId: z.string().nullable(),
  taskId: z.string(),
  department: z.string(),
  period: z.string(),
  actual: z.number().nullable(),
  status: z.enum(STATUSES).nullable(),
  note: z.string(),
  evidence: z.string(),
  file: z.string().nullable(),
  sheet: z.string(),
  row: z.number().int(),
  /** Address of the figure's cell. */
  cell: z.string(),
});
export type Entry = z.infer<typeof EntrySchema>;

export const ReportSchema = z.object({
  valid: z.boolean(),
  stats: z.object({
    files: z.number().int(),
    rows: z.number().int(),
    entries: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
  }),
  entries: z.array(EntrySchema),
  findings: z.array(FindingSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/** Where a finding points, as a user sees it. */
export interface Place {
  readonly file?: string | undefined;
  readonly sheet?: string | undefined;
  readonly cell?: string | undefined;
  readonly row?: number | undefined;
}

/** A finding for a code, worded in the user's language. */
export function makeFinding(code: Code, params: Params, place: Place, locale: Locale, extra: Pick<Finding, 'taskId' | 'targetId' | 'value'> = {}): Finding {
  const location: Finding['location'] = {};
  if (place.file !== undefined) location.file = place.file;
  if (place.sheet !== undefined) location.sheet = place.sheet;
  if (place.cell !== undefined) location.cell = place.cell;
  if (place.row !== undefined) location.row = place.row;
  return { code, severity: CODES[code].severity, message: render(code, params, locale), location, ...extra };
}

/** A report over entries and findings; valid when no finding is an error. */
export function makeReport(files: number, rows: number, entries: Entry[], findings: Finding[]): Report {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  return { valid: errors === 0, stats: { files, rows, entries: entries.length, errors, warnings: count('warning'), infos: count('info') }, entries, findings };
}

/** A finding as one flat row: {code, severity, message, file, sheet, cell, row, taskId, targetId, value}. */
export function flattenFinding(f: Finding): Record<string, string | number | null> {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    file: f.location.file ?? null,
    sheet: f.location.sheet ?? null,
    cell: f.location.cell ?? null,
    row: f.location.row ?? null,
    taskId: f.taskId ?? null,
    targetId: f.targetId ?? null,
    value: f.value === undefined || f.value === null ? null : typeof f.value === 'number' ? f.value : String(f.value),
  };
}
