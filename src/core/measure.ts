import type { Comparator } from './quantity.js';
import { unitCategory } from './unit.js';

/**
 * What kind of figure a target is, which decides how it is judged:
 * - `quantity`: a count or amount that accumulates through the year (新增400个公共充电桩); 序时目标 is the target
 *   pro-rated by the share of the year elapsed;
 * - `level`: a rate, ratio, share, coverage or index (全程网办率达到95%, 营商环境指数达到90), compared at its value;
 * - `ceiling`: a bound from above (不超过, 控制在…以内, 降至…以下), met at or below;
 * - `growth`: a rate of change against last year (增长6.5%, 提高2个百分点), which departments report as the rate;
 * - `milestone`: a date-bound deliverable with no figure.
 */
export const MEASURES = ['quantity', 'level', 'ceiling', 'growth', 'milestone'] as const;
export type Measure = (typeof MEASURES)[number];

/** Words that make a percentage a change against last year: 增长6.5%, 提高2个百分点, 下降3%. */
const CHANGE = /(增长|增速|增幅|提高|提升|增加|上升|下降|降低|减少|压减|压缩|缩短|递增|递减)[了约达到至为]*$/;
/** Metrics that are levels whatever their unit: rates, shares, indices, averages, densities. */
const LEVEL_METRIC = /(率|比例|比重|占比|指数|系数|水平|密度|强度|人均|平均|均值|PUE|满意度|达标率|覆盖率)/;

export interface Measurable {
  readonly metric: string;
  readonly unit: string;
  readonly comparator: Comparator;
  /** The words just before the figure in its sentence (增长, 提高 …), when known. */
  readonly lead?: string;
}

/** The measure of a target with a figure, from its comparator, its unit, its metric and the words before it. */
export function measureOf(t: Measurable): Exclude<Measure, 'milestone'> {
  if (t.comparator === '<=' || t.comparator === '<') return 'ceiling';
  const category = unitCategory(t.unit);
  if (t.unit === '个百分点' || (category === 'percent' && CHANGE.test(t.lead ?? ''))) return 'growth';
  if (category === 'percent' || category === 'ratio' || t.unit.includes('/') || LEVEL_METRIC.test(t.metric)) return 'level';
  return 'quantity';
}

/** Whether a measure's 序时目标 is the target pro-rated by time elapsed (序时进度), rather than the target itself. */
export const isPaced = (measure: Measure): boolean => measure === 'quantity';
