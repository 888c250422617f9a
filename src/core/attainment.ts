import { expectedShare, type Period } from './period.js';
import type { Target } from './record.js';

/** Share of the target a figure may fall short by and still count as met for 约/左右 targets. */
const APPROXIMATE_TOLERANCE = 0.05;
/** A figure this many times the target is likely a 万/个 slip. */
export const OUTLIER_FACTOR = 10;

type Judged = Pick<Target, 'value' | 'comparator'>;

/** Whether lower is better: 控制在100吨以内. */
export function isCeiling(target: Judged): boolean {
  return target.comparator === '<=' || target.comparator === '<';
}

/** Whether a figure satisfies its target's comparator (新增400个 is met by 400 or more). */
export function isMet(target: Judged, value: number): boolean {
  switch (target.comparator) {
    case '>':
      return value > target.value;
    case '<':
      return value < target.value;
    case '<=':
      return value <= target.value;
    case '~':
      return value >= target.value * (1 - APPROXIMATE_TOLERANCE);
    default:
      return value >= target.value;
  }
}

/** The figure time-elapsed progress (序时进度) asks for by the period's end, or undefined for ceilings. */
export function expectedValue(target: Pick<Target, 'value' | 'comparator' | 'year' | 'deadline'>, period: Period): number | undefined {
  if (isCeiling(target)) return undefined;
  return target.value * expectedShare(period, target.year, target.deadline);
}

/** Progress towards the target as a share (完成率), or undefined for ceilings and zero targets. */
export function completionRate(target: Judged, value: number): number | undefined {
  if (isCeiling(target) || target.value === 0) return undefined;
  return value / target.value;
}
