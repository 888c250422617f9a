import type { History, HistoryPoint, TargetHistory } from '../core/history.js';
import { changeBetween } from '../core/history.js';
import { periodLabel } from '../core/locales/lists.js';
import type { Wording } from '../core/locales/wording.js';
import { inStated, statedUnitOf } from '../core/unit.js';
import type { Cell, Column, Table } from './table.js';

/** A history's tables: each target's figures by period with 环比 (历史), and each department's (历史(分单位)). */
export function historyTables(history: History, w: Wording): Table[] {
  const h = w.history;
  const names = history.periods.map((p) => periodLabel(p, w));
  // A figure per period, and from the second on its 环比 and 环比 %.
  const periodColumns: Column[] = names.flatMap((name, k) => [
    column(`figure:${history.periods[k]}`, h.figure(name), 10, 'number'),
    ...(k === 0 ? [] : [column(`change:${history.periods[k]}`, h.change(name), 10, 'number'), column(`share:${history.periods[k]}`, h.changeShare(name), 10, 'percent')]),
  ]);
  const byPeriod = (t: TargetHistory, figureOf: (p: HistoryPoint | null) => number | null): Cell[] => {
    const unit = statedUnitOf(t);
    const shown = (x: number | null): number | null => (x === null ? null : inStated(x, unit));
    return t.points.flatMap((p, k) => {
      const figure = figureOf(p);
      if (k === 0) return [shown(figure)];
      const change = changeBetween(figureOf(t.points[k - 1] ?? null), figure);
      return [shown(figure), change && shown(change.absolute), change?.share ?? null];
    });
  };
  const c = h.targets.columns;
  const d = h.departments.columns;
  const targets: Table = {
    name: 'history',
    title: h.targets.title,
    columns: [
      ...[column('id', c.id, 12), column('ids', c.ids, 12, 'wrap'), column('path', c.path, 8), column('taskTitle', c.taskTitle, 20, 'wrap')],
      ...[column('metric', c.metric, 16, 'wrap'), column('value', c.value, 8), column('unit', c.unit, 5), column('basis', c.basis, 6)],
      ...periodColumns,
    ],
    rows: history.targets.map((t) => [
      t.id,
      w.list(t.ids.filter((id) => id !== t.id)),
      t.path,
      t.taskTitle,
      t.metric,
      targetValues(t),
      statedUnitOf(t).unit,
      t.basis === null ? null : w.basis[t.basis],
      ...byPeriod(t, (p) => p?.row.figure ?? null),
    ]),
  };
  const departments: Table = {
    name: 'history-departments',
    title: h.departments.title,
    columns: [
      ...[column('id', d.id, 12), column('metric', d.metric, 16, 'wrap'), column('unit', d.unit, 5), column('department', d.department, 14, 'wrap')],
      ...periodColumns,
    ],
    rows: history.targets.flatMap((t) =>
      t.departments.map((department) => [t.id, t.metric, statedUnitOf(t).unit, department, ...byPeriod(t, (p) => p?.row.reports.find((r) => r.department === department)?.actual ?? null)]),
    ),
  };
  return [targets, departments];
}

const column = (key: string, header: string, width: number, style?: Column['style']): Column => ({ key, header, width, ...(style ? { style } : {}) });

/** The target's value in the plan's unit; where a revision changed it, each value in turn (176→180). */
function targetValues(t: TargetHistory): Cell {
  const unit = statedUnitOf(t);
  const values = t.points.flatMap((p) => (p?.row.value === null || p === null ? [] : [inStated(p.row.value, unit)]));
  const distinct = values.filter((v, i) => i === 0 || v !== values[i - 1]);
  return distinct.length <= 1 ? (distinct[0] ?? null) : distinct.join('→');
}
