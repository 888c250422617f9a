import { expectedValue, isCeiling, metCondition } from './attainment.js';
import { PlanLedgerError } from './error.js';
import type { SheetWording } from './locales/wording.js';
import { expectedShare, type Period } from './period.js';
import type { HeaderPlaceholder, PlanCellPlaceholder } from './placeholder.js';
import type { PlanRecords, Target } from './record.js';
import { isCountUnit } from './unit.js';
import { departmentsFor, worklist, type WorkItem } from './worklist.js';

export type CellValue = string | number | null;

/** A figure against a bound, as a spreadsheet formula compares them. */
export interface Condition {
  readonly operator: '>' | '>=' | '<' | '<=';
  readonly bound: number;
}

/** What a target's figure cell accepts and how it is lit: met green, behind 序时进度 red, on track amber. */
export interface FigureRule {
  /** 0–100 for percentages, whole numbers for counts, any number ≥ 0 otherwise. */
  readonly kind: 'percent' | 'whole' | 'decimal';
  readonly unit: string;
  readonly met: Condition;
  readonly behind: Condition;
  /** Not for ceilings, which are met from below. */
  readonly onTrack?: Condition;
  /** Whether 完成率 (figure ÷ target) means anything: not for ceilings or a target of 0. */
  readonly completion: boolean;
}

/** One row of a department's progress sheet: what its plan cells show, and the rule of its figure. */
export interface ProgressRow {
  readonly id: string;
  readonly kind: 'target' | 'task';
  readonly taskId: string;
  readonly targetId: string | null;
  readonly values: Readonly<Record<PlanCellPlaceholder, CellValue>>;
  /** What the figure's cell starts with: empty for a target, a dash for a task reported by its status alone. */
  readonly actual: CellValue;
  /** Undefined for a task without a target (a status row). */
  readonly figure: FigureRule | undefined;
}

/** Everything a progress sheet shows for a department and period, computed once; template fillers only put it into cells. */
export interface ProgressSheet {
  readonly header: Readonly<Record<HeaderPlaceholder, string>>;
  readonly rows: readonly ProgressRow[];
}

/** A department's sheet for a period. Throws department-unknown when the department carries nothing in it. */
export function progressSheet(records: PlanRecords, department: string, period: Period, generatedAt: string, w: SheetWording): ProgressSheet {
  const items = worklist(records, department, period);
  if (items.length === 0) {
    const known = departmentsFor(records, period).map((d) => d.name);
    throw new PlanLedgerError('department-unknown', { department, period: period.label, known });
  }
  const { document } = records;
  const share = expectedShare(period, period.year, `${period.year}-12-31`);
  return {
    header: {
      'plan.title': document.title,
      'plan.docNumber': document.docNumber ?? '',
      'plan.id': document.id,
      'department.name': department,
      'period.label': w.periodName(period),
      'period.code': period.label,
      'period.share': w.percent(share),
      generatedAt: generatedAt.replace('T', ' ').slice(0, 16),
    },
    rows: items.map((item, i) => progressRow(item, i, period, w)),
  };
}

function progressRow(item: WorkItem, index: number, period: Period, w: SheetWording): ProgressRow {
  const target = item.kind === 'target' ? item.target : undefined;
  const expected = target ? expectedValue(target, period) : undefined;
  const id = target?.id ?? item.task.id;
  return {
    id,
    kind: item.kind,
    taskId: item.task.id,
    targetId: target?.id ?? null,
    values: {
      'row.id': id,
      'row.number': index + 1,
      'task.code': item.task.path.join('.'),
      'task.title': item.task.title,
      'target.metric': target?.metric ?? w.sheet.qualitativeMetric,
      'target.value': target?.value ?? null,
      'target.unit': target?.unit ?? '',
      'target.comparator': target ? w.comparator[target.comparator] : '',
      'target.deadline': target?.deadline ?? '',
      baseline: item.kind === 'target' && item.baseline ? item.baseline.value : null,
      expected: expected === undefined ? null : round(expected),
    },
    actual: target ? null : '—',
    figure: target && figureRule(target, expected),
  };
}

function figureRule(target: Target, expected: number | undefined): FigureRule {
  const kind = target.unit === '%' ? 'percent' : isCountUnit(target.unit) && target.unit !== '' ? 'whole' : 'decimal';
  const met = metCondition(target);
  // 完成率 (figure ÷ target) is progress only for what accumulates; a rate of 39.3% is not 41% of the way to 95%.
  const completion = target.measure === 'quantity' && target.value !== 0;
  if (isCeiling(target)) return { kind, unit: target.unit, met, behind: { operator: '>', bound: target.value }, completion };
  const pace = round(expected ?? target.value);
  return { kind, unit: target.unit, met, behind: { operator: '<', bound: pace }, onTrack: { operator: '>=', bound: pace }, completion };
}

const round = (x: number): number => Math.round(x * 100) / 100;
