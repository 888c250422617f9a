import * as z from 'zod';
import { parsePeriod } from './period.js';
import { BasisSchema } from './record.js';

/** One department's figure for a row in a period, and where it was typed. */
const PastReportSchema = z.object({
  department: z.string(),
  actual: z.number().nullable(),
  file: z.string().nullable(),
  cell: z.string(),
});

/** A ledger row as a later ledger keeps it: what identifies its target across plan revisions, and its figures. */
export const PastRowSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  path: z.string(),
  taskTitle: z.string(),
  metric: z.string(),
  sentence: z.string().optional(),
  value: z.number().nullable(),
  unit: z.string(),
  stated: z.object({ unit: z.string(), factor: z.number().positive() }).optional(),
  basis: BasisSchema.nullable(),
  year: z.number().int().nullable(),
  figure: z.number().nullable(),
  reports: z.array(PastReportSchema),
});

/** A period's target figures, from its ledger: what a later ledger carries of it as its history. */
export const PeriodFiguresSchema = z.object({
  period: z.string().refine((label) => parsePeriod(label) !== undefined),
  planId: z.string(),
  rows: z.array(PastRowSchema),
});

export type PastRow = z.infer<typeof PastRowSchema>;
export type PeriodFigures = z.infer<typeof PeriodFiguresSchema>;
