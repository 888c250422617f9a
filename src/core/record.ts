import * as z from 'zod';
import { ROLES } from './department.js';
import { FindingSchema } from './finding.js';
import { MEASURES, measureOf, type Measurable } from './measure.js';
import { COMPARATORS } from './quantity.js';
import { SpanSchema } from './span.js';

/** Version of the record layout; bumped when a field changes meaning. 2: findings as data (code and parameters). */
export const SCHEMA_VERSION = 2;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PartKindSchema = z.enum(['plan', 'progress']);
export const RoleSchema = z.enum(ROLES);
export const ComparatorSchema = z.enum(COMPARATORS);
export const BasisSchema = z.enum(['new', 'cumulative', 'plain']);
export const TargetKindSchema = z.enum(['target', 'actual']);
export const MeasureSchema = z.enum(MEASURES);

export const DocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  signedOn: isoDate.nullable(),
  publishedOn: isoDate.nullable(),
  adoptedOn: isoDate.nullable(),
  kind: PartKindSchema,
  year: z.number().int().nullable(),
  /** Hash of the text with whitespace removed and punctuation width folded. */
  contentHash: z.string(),
});

export const SectionSchema = z.object({
  id: z.string(),
  path: z.array(z.number().int()),
  parentId: z.string().nullable(),
  title: z.string(),
  kind: PartKindSchema,
  year: z.number().int().nullable(),
  span: SpanSchema,
});

export const AssignmentSchema = z.object({
  name: z.string(),
  role: RoleSchema,
  /** The name is a group's (各街道, 各成员单位), not one department's: it gets no sheet of its own. */
  group: z.literal(true).optional(),
  /** A member a groups file lists for the group the plan names (殷行街道 of 各街道). */
  of: z.string().optional(),
});

export const TaskSchema = z.object({
  id: z.string(),
  path: z.array(z.number().int()),
  sectionId: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  kind: PartKindSchema,
  year: z.number().int().nullable(),
  departments: z.array(AssignmentSchema),
  /** A section's headline goals (主要目标), carried as a task of their own. */
  headline: z.boolean().optional(),
  /** People named as the task's leaders (责任领导:张三): not departments, they get no sheet. */
  leaders: z.array(z.string()).optional(),
  /** The task's own 完成时限 (a 完成时限 line or column, or …年底前完成 for a task with no figure); absent: its year's end. */
  deadline: isoDate.optional(),
  /** A plan task with no figure is a deliverable (milestone): judged by its status, its evidence and its deadline. */
  measure: z.literal('milestone').optional(),
  span: SpanSchema,
});

const TargetFields = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  sectionId: z.string().nullable(),
  metric: z.string(),
  value: z.number(),
  unit: z.string(),
  comparator: ComparatorSchema,
  basis: BasisSchema,
  kind: TargetKindSchema,
  year: z.number().int().nullable(),
  deadline: isoDate.nullable(),
  /** The words the figure was read from, e.g. 超过1500个. */
  raw: z.string(),
  span: SpanSchema,
  /** The sentence it stands in. */
  sentence: z.string(),
  /** How it is judged (measure.ts): pro-rated by time elapsed, at its value, from below, as a change. */
  measure: MeasureSchema,
  /**
   * The unit the plan writes it in, where that is a multiple of `unit` (1.2亿元: value 120000000, unit 元, stated
   * 亿元 × 10⁸). Sheets show and take the figure in it.
   */
  stated: z.object({ unit: z.string(), factor: z.number().positive() }).optional(),
});

/** A target; records written before measures were kept (plans' JSON, sheets' metadata) get theirs from comparator, unit and metric. */
export const TargetSchema = z.preprocess(
  (data) => (data !== null && typeof data === 'object' && !('measure' in data) ? { ...data, measure: measureOf(data as Measurable) } : data),
  TargetFields,
);

export const DepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  taskIds: z.array(z.string()),
});

export const SourceSchema = z.object({
  /** File name the plan was read from, or null for text handed over directly. */
  file: z.string().nullable(),
  encoding: z.string().nullable(),
  /** The decoded text that every span points into. */
  text: z.string(),
});

export const PlanRecordsSchema = z.object({
  /** Records of schema 1 (findings worded when written) are read as schema 2. */
  schemaVersion: z.union([z.literal(1), z.literal(SCHEMA_VERSION)]).transform(() => SCHEMA_VERSION),
  document: DocumentSchema,
  sections: z.array(SectionSchema),
  tasks: z.array(TaskSchema),
  targets: z.array(TargetSchema),
  departments: z.array(DepartmentSchema),
  findings: z.array(FindingSchema),
  source: SourceSchema,
});

export type PartKind = z.infer<typeof PartKindSchema>;
export type TargetKind = z.infer<typeof TargetKindSchema>;
export type PlanDocument = z.infer<typeof DocumentSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type PlanRecords = z.infer<typeof PlanRecordsSchema>;
