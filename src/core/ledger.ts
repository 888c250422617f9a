import * as z from 'zod';
import { pushTo } from './_group.js';
import { STATUSES, type Status } from './entry.js';
import { finding, FindingSchema, type Finding } from './finding.js';
import { measureOf, type Measure } from './measure.js';
import { PeriodFiguresSchema } from './period-figures.js';
import { parsePeriod, type Period } from './period.js';
import { ComparatorSchema, BasisSchema, MeasureSchema, RoleSchema, type PlanRecords } from './record.js';
import type { Entry } from './report.js';
import { inStated, statedUnitOf } from './unit.js';
import { taskDeadline, worklist } from './worklist.js';

/** How several departments' figures for one target combine: the same district-wide figure, a sum, or the lead's. */
export type Policy = 'same' | 'sum' | 'lead';
export const POLICIES: readonly Policy[] = ['same', 'sum', 'lead'];

export const LedgerReportSchema = z.object({
  department: z.string(),
  role: RoleSchema,
  actual: z.number().nullable(),
  status: z.enum(STATUSES).nullable(),
  note: z.string(),
  evidence: z.string(),
  file: z.string().nullable(),
  cell: z.string(),
  /** The plan version the sheet was made from (its plan id); absent in ledgers written before it was kept. */
  planId: z.string().optional(),
});

export const LedgerRowSchema = z.object({
  id: z.string(),
  kind: z.enum(['target', 'task']),
  targetId: z.string().nullable(),
  taskId: z.string(),
  sectionId: z.string().nullable(),
  path: z.string(),
  taskTitle: z.string(),
  metric: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
  comparator: ComparatorSchema.nullable(),
  basis: BasisSchema.nullable(),
  /** The target's measure, or milestone for a task with no figure; absent in ledgers written before measures. */
  measure: MeasureSchema.nullable().optional(),
  year: z.number().int().nullable(),
  deadline: z.string().nullable(),
  policy: z.enum(POLICIES),
  /** Departments that carry the task, in the plan's order. */
  departments: z.array(z.object({ name: z.string(), role: RoleSchema })),
  reports: z.array(LedgerReportSchema),
  /** The figure that counts for the target under its policy. */
  figure: z.number().nullable(),
  status: z.enum(STATUSES).nullable(),
  evidence: z.string(),
  /** Departments disagree, or an entry has an error finding. */
  disputed: z.boolean(),
  /** The unit the plan states the target in (亿元 × 10⁸), in which the ledger and the audit show its figures. */
  stated: z.object({ unit: z.string(), factor: z.number().positive() }).optional(),
  /** The plan's words the row stands for: its target's sentence, or its task's text (absent in ledgers written before). */
  sentence: z.string().optional(),
});

/** A sheet taken into a ledger: whose, for which period, who filled it in, and which file exactly (its SHA-256). */
export const SubmissionSchema = z.object({
  department: z.string(),
  period: z.string(),
  file: z.string(),
  sha256: z.string().nullable(),
  reporter: z.object({ name: z.string(), phone: z.string(), date: z.string() }).nullable(),
  generatedAt: z.string(),
  planId: z.string(),
});

export const AccountingSchema = z.object({
  files: z.number().int(),
  sheetsAccepted: z.number().int(),
  filesSkipped: z.number().int(),
  rowsRead: z.number().int(),
  rowsMerged: z.number().int(),
  rowsRejected: z.number().int(),
});

/** Version of the ledger a ledger workbook carries; 2: findings as data (code and parameters). */
export const LEDGER_FORMAT_VERSION = 2;

export const LedgerSchema = z.object({
  format: z.literal('plan-ledger/ledger'),
  /** Ledgers of format 1 (findings worded when written) are read as format 2. */
  formatVersion: z.union([z.literal(1), z.literal(LEDGER_FORMAT_VERSION)]).transform(() => LEDGER_FORMAT_VERSION),
  planId: z.string(),
  planTitle: z.string(),
  docNumber: z.string().nullable(),
  period: z.string().refine((label) => parsePeriod(label) !== undefined),
  sections: z.array(z.object({ id: z.string(), title: z.string() })),
  rows: z.array(LedgerRowSchema),
  findings: z.array(FindingSchema),
  accounting: AccountingSchema,
  /** Every sheet taken in, this period's and (from last period's ledger) earlier ones', newest period first. */
  submissions: z.array(SubmissionSchema).optional(),
  /** Earlier periods' figures, oldest first, carried from the ledger given as last period's (absent in ledgers without). */
  history: z.array(PeriodFiguresSchema).optional(),
});

export type LedgerReport = z.infer<typeof LedgerReportSchema>;
export type LedgerRow = z.infer<typeof LedgerRowSchema>;
export type Accounting = z.infer<typeof AccountingSchema>;
export type Submission = z.infer<typeof SubmissionSchema>;
export type Ledger = z.infer<typeof LedgerSchema>;

/** How a row is judged; rows of ledgers written before measures get theirs from comparator, unit and metric. */
export function rowMeasure(row: Pick<LedgerRow, 'measure' | 'comparator' | 'metric' | 'unit'>): Measure {
  if (row.measure) return row.measure;
  return row.comparator === null ? 'milestone' : measureOf({ metric: row.metric, unit: row.unit, comparator: row.comparator });
}

/** A ledger with findings about the run itself (last period's files, say) put before those of its sheets. */
export function withLedgerFindings(ledger: Ledger, findings: readonly Finding[]): Ledger {
  return findings.length === 0 ? ledger : { ...ledger, findings: [...findings, ...ledger.findings] };
}

/** An accepted department sheet: whose, and what it reported. */
export interface AcceptedSheet {
  readonly department: string;
  /** The plan version the sheet was made from. */
  readonly planId?: string;
  readonly file: string;
  readonly entries: readonly Entry[];
  readonly findings: readonly Finding[];
}

// The least advanced status of several departments is the task's: 已完成 only when all say so.
const PROGRESS_ORDER: readonly Status[] = ['not-started', 'behind', 'in-progress', 'done'];

/**
 * Merges accepted sheets into ledger rows, one per target and per task without a target, for every
 * department of the period. Disagreeing figures under the `same` policy are consolidate-conflict findings.
 */
export function mergeLedger(
  records: PlanRecords,
  period: Period,
  sheets: readonly AcceptedSheet[],
  policies: ReadonlyMap<string, Policy>,
): { rows: LedgerRow[]; findings: Finding[] } {
  const byKey = new Map<string, { entry: Entry; department: string; planId: string | undefined }[]>();
  const errorRows = new Set<string>();
  for (const sheet of sheets) {
    for (const entry of sheet.entries) {
      const key = entry.targetId ?? entry.taskId;
      pushTo(byKey, key, { entry, department: sheet.department, planId: sheet.planId });
    }
    for (const f of sheet.findings) if (f.severity === 'error' && (f.targetId ?? f.taskId)) errorRows.add((f.targetId ?? f.taskId) as string);
  }

  const rows: LedgerRow[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const department of records.departments) {
    for (const item of worklist(records, department.name, period)) {
      const target = item.kind === 'target' ? item.target : undefined;
      const id = target?.id ?? item.task.id;
      if (seen.has(id)) continue;
      seen.add(id);
      const policy = (target && policies.get(target.id)) ?? 'same';
      const roles = new Map(item.task.departments.map((d) => [d.name, d.role]));
      const reports: LedgerReport[] = (byKey.get(id) ?? []).map(({ entry, department: name, planId }) => ({
        department: name,
        role: roles.get(name) ?? 'responsible',
        actual: entry.actual,
        status: entry.status,
        note: entry.note,
        evidence: entry.evidence,
        file: entry.file,
        cell: entry.cell,
        ...(planId === undefined ? {} : { planId }),
      }));
      const figures = reports.filter((r) => r.actual !== null);
      let conflict = false;
      if (target && policy === 'same') {
        const typed = (x: number): number => inStated(x, statedUnitOf(target));
        const first = figures[0];
        for (const other of figures.slice(1)) {
          if (first && other.actual !== first.actual) {
            conflict = true;
            findings.push(
              finding(
                'consolidate-conflict',
                // In the unit the departments typed (1.2 亿元).
                { metric: target.metric, a: first.department, aValue: typed(first.actual ?? 0), aFile: first.file ?? '', aCell: first.cell, b: other.department, bValue: typed(other.actual ?? 0), bFile: other.file ?? '', bCell: other.cell },
                { file: other.file ?? undefined, cell: other.cell },
                { taskId: item.task.id, targetId: target.id },
              ),
            );
          }
        }
      }
      rows.push({
        id,
        kind: item.kind,
        targetId: target?.id ?? null,
        taskId: item.task.id,
        sectionId: item.task.sectionId,
        path: item.task.path.join('.'),
        taskTitle: item.task.title,
        metric: target?.metric ?? '',
        value: target?.value ?? null,
        unit: target?.unit ?? '',
        comparator: target?.comparator ?? null,
        basis: target?.basis ?? null,
        measure: target?.measure ?? item.task.measure ?? null,
        year: target?.year ?? item.task.year,
        deadline: target?.deadline ?? taskDeadline(item.task),
        policy,
        departments: item.task.departments.map((d) => ({ name: d.name, role: d.role })),
        reports,
        figure: target ? combine(figures, policy) : null,
        status: combinedStatus(reports),
        evidence: [...new Set(reports.map((r) => r.evidence.trim()).filter(Boolean))].join(';'),
        disputed: conflict || errorRows.has(id),
        sentence: target?.sentence ?? item.task.text,
        ...(target?.stated ? { stated: target.stated } : {}),
      });
    }
  }
  rows.sort((a, b) => comparePaths(a.path, b.path) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { rows, findings };
}

function combine(figures: readonly LedgerReport[], policy: Policy): number | null {
  if (figures.length === 0) return null;
  if (policy === 'sum') return figures.reduce((sum, r) => sum + (r.actual ?? 0), 0);
  if (policy === 'lead') return (figures.find((r) => r.role === 'lead') ?? figures[0])?.actual ?? null;
  return figures[0]?.actual ?? null;
}

function combinedStatus(reports: readonly LedgerReport[]): Status | null {
  const statuses = reports.map((r) => r.status).filter((s): s is Status => s !== null);
  if (statuses.length === 0) return null;
  return PROGRESS_ORDER.find((s) => statuses.includes(s)) ?? null;
}

/** Task paths in the plan's order: 2.5.9 before 2.5.12. */
export function comparePaths(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
