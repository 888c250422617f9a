import { inStated, statedUnitOf } from '../core/unit.js';
import { expectedValue } from '../core/attainment.js';
import type { Wording } from '../core/locales/index.js';
import type { PaneWording } from '../core/locales/pane.js';
import { parsePeriod } from '../core/period.js';
import { taskDeadline } from '../core/worklist.js';
import type { SheetMeta } from '../sheets/metadata.js';
import { h } from './dom.js';

/**
 * A row's target as the plan states it, from the sheet's metadata: the plan's sentence, the year's target, the words it
 * was read from, the 序时目标 for the sheet's period, last period's figure, the deadline and the departments; a task
 * without a figure shows its text.
 */
export function explainRow(meta: SheetMeta, taskId: string, targetId: string | null, at: number, env: { readonly w: Wording; readonly p: PaneWording }): Node[] {
  const { p, w } = env;
  const x = p.explain;
  const task = meta.plan?.tasks.find((t) => t.id === taskId);
  const target = targetId === null ? undefined : meta.plan?.targets.find((t) => t.id === targetId);
  const period = parsePeriod(meta.period);
  const item = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  const departments = task ? w.list(task.departments.map((d) => `${d.name}(${w.role[d.role]})`)) : x.none;
  const parts: Node[] = [h('h3', {}, x.heading(at))];
  if (task) parts.push(h('p', { class: 'task' }, `${task.path.join('.')} ${task.title}`));
  if (!target) {
    parts.push(h('p', {}, x.noTarget));
    // A deliverable: by when it is due, as the sheet's 完成时限 shows it.
    if (task) parts.push(h('blockquote', { class: 'sentence', title: x.sentence }, task.text), h('dl', {}, ...item(x.deadline, taskDeadline(task) ?? x.none), ...item(x.departments, departments)));
    return parts;
  }
  const expected = period && expectedValue(target, period);
  const previous = meta.previous?.[target.id];
  // In the unit the sheet shows (1.2亿元), as the department typed it.
  const unit = statedUnitOf(target);
  parts.push(
    h('blockquote', { class: 'sentence', title: x.sentence }, target.sentence),
    h(
      'dl',
      {},
      ...item(x.target, `${target.metric} ${w.comparator[target.comparator]}${inStated(target.value, unit)}${unit.unit}`.trim()),
      ...item(x.comparator, target.raw),
      ...item(x.expected(period ? w.periodName(period) : meta.period), expected === undefined ? x.none : `${Math.round(inStated(expected, unit) * 100) / 100}${unit.unit}`),
      ...item(x.previous, previous === undefined ? x.none : `${inStated(previous, unit)}${unit.unit}`),
      ...item(x.deadline, target.deadline ?? x.none),
      ...item(x.departments, departments),
    ),
  );
  return parts;
}
