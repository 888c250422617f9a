import { expectedValue, isCeiling, metCondition } from './attainment.js';
import { PlanLedgerError } from './error.js';
import type { SheetWording } from './locales/wording.js';
import { expectedShare, type Period } from './period.js';
import type { HeaderPlaceholder, PlanCellPlaceholder } from './placeholder.js';
import type { PlanRecords, Target } from './record.js';
import { inStated, isCountUnit, statedUnitOf, type StatedUnit } from './unit.js';
import { departmentsFor, taskDeadline, worklist, type WorkItem } from './worklist.js';

export type CellValue = string | number | null;

/** A figure against a bound, as a spreadsheet formula compares them. */
export interface Condition {
  readonly operator: '>' | '>=' | '<' | '<=';
  readonly bound: number;
}

/** What a target's figure cell accepts and how it is lit: met green, behind 序时进度 red, on track amber. */
export interface FigureRule {
  /** 0–100 for percentages, whole numbers for counts, any number ≥ 0 otherwise (a count in 万户 included). */
  readonly kind: 'percent' | 'whole' | 'decimal';
  /** The unit the figure is typed in: the plan's own (亿元), and the bounds below are in it. */
  readonly unit: string;
  /** How many stored units one typed unit is (10⁸ for 亿元 over 元); 1 for most. */
  readonly factor: number;
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
  const stated = new Map<string, { stated: string; factor: number; unit: string }>();
  for (const item of items) {
    const s = item.kind === 'target' ? item.target.stated : undefined;
    if (item.kind === 'target' && s) stated.set(s.unit, { stated: s.unit, factor: s.factor, unit: item.target.unit });
  }
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
      'units.note': w.sheet.unitsNote([...stated.values()]),
    },
    rows: items.map((item, i) => progressRow(item, i, period, w)),
  };
}

function progressRow(item: WorkItem, index: number, period: Period, w: SheetWording): ProgressRow {
  const target = item.kind === 'target' ? item.target : undefined;
  const expected = target ? expectedValue(target, period) : undefined;
  const id = target?.id ?? item.task.id;
  // Figures are shown and typed in the plan's unit (1.2 亿元), though stored in the base one.
  const unit = target ? statedUnitOf(target) : { unit: '', factor: 1 };
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
      'target.value': target ? inStated(target.value, unit) : null,
      'target.unit': unit.unit,
      'target.comparator': target ? w.comparator[target.comparator] : '',
      'target.deadline': target ? (target.deadline ?? '') : (taskDeadline(item.task) ?? ''),
      baseline: item.kind === 'target' && item.baseline ? round(inStated(item.baseline.value, unit)) : null,
      expected: expected === undefined ? null : round(inStated(expected, unit)),
    },
    actual: target ? null : '—',
    figure: target && figureRule(target, expected, unit),
  };
}

function figureRule(target: Target, expected: number | undefined, unit: StatedUnit): FigureRule {
  const whole = isCountUnit(target.unit) && target.unit !== '' && unit.factor === 1;
  const kind: FigureRule['kind'] = target.unit === '%' ? 'percent' : whole ? 'whole' : 'decimal';
  const shown = (x: number): number => round(inStated(x, unit));
  const met = metCondition(target);
  const at = { operator: met.operator, bound: shown(met.bound) };
  const rule = { kind, unit: unit.unit, factor: unit.factor, met: at };
  // 完成率 (figure ÷ target) is progress only for what accumulates; a rate of 39.3% is not 41% of the way to 95%.
  const completion = target.measure === 'quantity' && target.value !== 0;
  if (isCeiling(target)) return { ...rule, behind: { operator: '>', bound: shown(target.value) }, completion };
  const pace = shown(expected ?? target.value);
  return { ...rule, behind: { operator: '<', bound: pace }, onTrack: { operator: '>=', bound: pace }, completion };
}

const round = (x: number): number => Math.round(x * 100) / 100;
