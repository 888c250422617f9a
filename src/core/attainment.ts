import { isPaced } from './measure.js';
import { expectedShare, type Period } from './period.js';
import type { Target } from './record.js';
import { isCountUnit } from './unit.js';

/** Share of the target a figure may fall short by and still count as met for 约/左右 targets. */
const APPROXIMATE_TOLERANCE = 0.05;
/** A figure this many times the target is likely a 万/个 slip. */
export const OUTLIER_FACTOR = 10;

type Judged = Pick<Target, 'value' | 'comparator'>;

/** Whether lower is better: 控制在100吨以内. */
export function isCeiling(target: Judged): boolean {
  return target.comparator === '<=' || target.comparator === '<';
}

/** What meeting a target means, as the figure against a bound: 新增400个 is ≥ 400, 约400 is ≥ 380. The sheets' traffic lights say the same. */
export function metCondition(target: Judged): { readonly operator: '>' | '>=' | '<' | '<='; readonly bound: number } {
  switch (target.comparator) {
    case '>':
    case '<':
    case '<=':
      return { operator: target.comparator, bound: target.value };
    case '~':
      return { operator: '>=', bound: target.value * (1 - APPROXIMATE_TOLERANCE) };
    default:
      return { operator: '>=', bound: target.value };
  }
}

/** Whether a figure satisfies its target's comparator. */
export function isMet(target: Judged, value: number): boolean {
  const { operator, bound } = metCondition(target);
  if (operator === '>') return value > bound;
  if (operator === '<') return value < bound;
  if (operator === '<=') return value <= bound;
  return value >= bound;
}

/**
 * The figure asked for by the period's end (序时目标), or undefined for ceilings. A quantity's is the target pro-rated
 * by time elapsed (序时进度), in whole units for a count (the whole stations due by then, not 0.5 of one); a level's
 * or a growth rate's is the target itself, whenever it is judged.
 */
export function expectedValue(target: Pick<Target, 'value' | 'comparator' | 'year' | 'deadline' | 'unit' | 'measure'>, period: Period): number | undefined {
  if (isCeiling(target) || target.measure === 'ceiling') return undefined;
  if (!isPaced(target.measure)) return target.value;
  const paced = target.value * expectedShare(period, target.year, target.deadline);
  return isCountUnit(target.unit) ? Math.floor(paced + 1e-9) : paced;
}

/** Progress towards the target as a share (完成率), or undefined for ceilings and zero targets. */
export function completionRate(target: Judged, value: number): number | undefined {
  if (isCeiling(target) || target.value === 0) return undefined;
  return value / target.value;
}
