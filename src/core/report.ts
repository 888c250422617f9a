import * as z from 'zod';
import { STATUSES } from './entry.js';
import { FindingSchema, type Finding } from './finding.js';

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

/** A report over entries and findings; valid when no finding is an error. */
export function makeReport(files: number, rows: number, entries: Entry[], findings: Finding[]): Report {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  return { valid: errors === 0, stats: { files, rows, entries: entries.length, errors, warnings: count('warning'), infos: count('info') }, entries, findings };
}

/** A report with findings about the run itself (last period's files, say) put before those of its sheets. */
export function withFindings(report: Report, findings: readonly Finding[]): Report {
  if (findings.length === 0) return report;
  return makeReport(report.stats.files, report.stats.rows, report.entries, [...findings, ...report.findings]);
}
