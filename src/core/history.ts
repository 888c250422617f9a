import { finding, type Finding } from './finding.js';
import { comparePaths, type Ledger } from './ledger.js';
import { isRunning, type Basis } from './metric.js';
import type { PastRow, PeriodFigures } from './period-figures.js';
import { comparePeriods, parsePeriod } from './period.js';
import { inStated, statedUnitOf, type StatedUnit } from './unit.js';

/** A target in one period: the id it had there, its target value, the figure that counted and each department's. */
export interface HistoryPoint {
  readonly period: string;
  readonly row: PastRow;
}

/** The change from the period before (环比): in the stored unit, and as a share of the earlier figure (null from 0). */
export interface PeriodChange {
  readonly absolute: number;
  readonly share: number | null;
}

/** One target across periods, matched through plan revisions (by id and metric, else by its sentence). */
export interface TargetHistory {
  /** The id it has in the latest period it appears in, and every id it had, oldest first. */
  readonly id: string;
  readonly ids: readonly string[];
  readonly path: string;
  readonly taskTitle: string;
  readonly metric: string;
  readonly unit: string;
  readonly stated?: StatedUnit;
  readonly basis: Basis | null;
  /** Its point in each period of the history, null where it was not in that period's ledger. */
  readonly points: readonly (HistoryPoint | null)[];
  /** 环比 of the row's figure in each period; null for the first and where either figure is missing. */
  readonly changes: readonly (PeriodChange | null)[];
  /** Every department that reported on it, in the order first seen. */
  readonly departments: readonly string[];
}

/** A ledger across periods: the periods in time order, each target's history, and the running figures that fell. */
export interface History {
  readonly periods: readonly string[];
  readonly targets: readonly TargetHistory[];
  readonly findings: readonly Finding[];
}

/** A ledger's target figures of its own period, as a later ledger carries them. */
export function periodFigures(ledger: Ledger): PeriodFigures {
  const rows = ledger.rows
    .filter((r) => r.kind === 'target')
    .map(
      (r): PastRow => ({
        id: r.id,
        taskId: r.taskId,
        path: r.path,
        taskTitle: r.taskTitle,
        metric: r.metric,
        ...(r.sentence !== undefined ? { sentence: r.sentence } : {}),
        value: r.value,
        unit: r.unit,
        ...(r.stated ? { stated: r.stated } : {}),
        basis: r.basis,
        year: r.year,
        figure: r.figure,
        reports: r.reports.map((x) => ({ department: x.department, actual: x.actual, file: x.file, cell: x.cell })),
      }),
    );
  return { period: ledger.period, planId: ledger.planId, rows };
}

/**
 * Every period the ledgers hold, their own and the history they carry, oldest first; a period a ledger is of
 * outweighs the copy another carries, and of two of the same kind the one given later wins.
 */
function periodsOf(ledgers: readonly Ledger[]): PeriodFigures[] {
  const byPeriod = new Map<string, { figures: PeriodFigures; own: boolean }>();
  for (const ledger of ledgers) {
    for (const figures of ledger.history ?? []) if (!byPeriod.get(figures.period)?.own) byPeriod.set(figures.period, { figures, own: false });
    byPeriod.set(ledger.period, { figures: periodFigures(ledger), own: true });
  }
  return [...byPeriod.values()].map((p) => p.figures).sort((a, b) => byTime(a.period, b.period));
}

const byTime = (a: string, b: string): number => {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  return pa && pb ? comparePeriods(pa, pb) : a.localeCompare(b);
};

/** The ledger carrying, as its history, the earlier periods of the ledgers given as last period's (their own and theirs). */
export function withHistory(ledger: Ledger, previous: readonly Ledger[]): Ledger {
  const earlier = periodsOf(previous).filter((p) => byTime(p.period, ledger.period) < 0);
  return earlier.length === 0 ? ledger : { ...ledger, history: earlier };
}

interface Series {
  readonly points: (HistoryPoint | null)[];
  last: PastRow;
}

/**
 * How a row of a later period is matched to a target seen before, strongest first: the same id and metric; the
 * same sentence and metric (a task renumbered); the same sentence and unit (a metric reworded); the same id and unit.
 */
const MATCHES: readonly ((r: PastRow) => string | undefined)[] = [
  (r) => `${r.id}|${r.metric}`,
  (r) => (r.sentence ? `${r.sentence}|${r.metric}` : undefined),
  (r) => (r.sentence ? `${r.sentence}|${r.unit}` : undefined),
  (r) => `${r.id}|${r.unit}`,
];

/** Each target's figures across the ledgers' periods (any mix of months, quarters, halves and years), 环比, and falls. */
export function historyOf(ledgers: readonly Ledger[]): History {
  const periods = periodsOf(ledgers);
  const series: Series[] = [];
  periods.forEach((figures, k) => {
    const matched = new Map<PastRow, Series>();
    const taken = new Set<Series>();
    for (const keyOf of MATCHES) {
      const open = new Map<string, Series[]>();
      for (const s of series) {
        const key = taken.has(s) ? undefined : keyOf(s.last);
        if (key !== undefined) open.set(key, [...(open.get(key) ?? []), s]);
      }
      for (const row of figures.rows) {
        const key = matched.has(row) ? undefined : keyOf(row);
        const s = key === undefined ? undefined : open.get(key)?.find((c) => !taken.has(c));
        if (!s) continue;
        matched.set(row, s);
        taken.add(s);
      }
    }
    for (const row of figures.rows) {
      const s = matched.get(row) ?? { points: periods.map(() => null), last: row };
      if (!matched.has(row)) series.push(s);
      s.points[k] = { period: figures.period, row };
      s.last = row;
    }
  });
  const labels = periods.map((p) => p.period);
  const targets = series.map((s) => targetHistory(s)).sort((a, b) => comparePaths(a.path, b.path) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return { periods: labels, targets, findings: targets.flatMap((t) => fellFindings(t)) };
}

function targetHistory(s: Series): TargetHistory {
  const { last } = s;
  const ids = [...new Set(s.points.flatMap((p) => (p ? [p.row.id] : [])))];
  const departments = [...new Set(s.points.flatMap((p) => p?.row.reports.map((r) => r.department) ?? []))];
  return {
    id: last.id,
    ids,
    path: last.path,
    taskTitle: last.taskTitle,
    metric: last.metric,
    unit: last.unit,
    ...(last.stated ? { stated: last.stated } : {}),
    basis: last.basis,
    points: s.points,
    changes: s.points.map((p, k) => changeBetween(k === 0 ? null : (s.points[k - 1]?.row.figure ?? null), p?.row.figure ?? null)),
    departments,
  };
}

/** 环比: the change from an earlier figure to a later one; null where either is missing. */
export function changeBetween(earlier: number | null, later: number | null): PeriodChange | null {
  if (earlier === null || later === null) return null;
  const absolute = Math.round((later - earlier) * 1e9) / 1e9;
  return { absolute, share: earlier === 0 ? null : absolute / earlier };
}

/** A running figure in one period: its value, and what decides whether two are comparable. */
interface Reading {
  readonly value: number;
  readonly year: number | null;
}

/**
 * Where a running figure fell: each period whose figure is below the highest of an earlier period of the same target year,
 * paired with that period. A figure that stays below after a fall is not a new fall; one that falls again is.
 */
export function falls(readings: readonly (Reading | null)[]): { readonly from: number; readonly to: number }[] {
  const out: { from: number; to: number }[] = [];
  const below = readings.map(() => false);
  readings.forEach((r, j) => {
    if (r === null) return;
    let best = -1;
    let before = -1;
    for (let i = 0; i < j; i++) {
      const e = readings[i];
      if (!e || e.year !== r.year) continue;
      before = i;
      if (best < 0 || e.value > (readings[best] as Reading).value) best = i;
    }
    if (best < 0 || (readings[best] as Reading).value <= r.value) return;
    below[j] = true;
    if (r.value < (readings[before] as Reading).value || !below[before]) out.push({ from: best, to: j });
  });
  return out;
}

/** history-figure-fell for each department's own figures, and for the row's figure where no department's fall says it. */
function fellFindings(t: TargetHistory): Finding[] {
  const running = (k: number): PastRow | undefined => {
    const row = t.points[k]?.row;
    return row && isRunning(row.basis) ? row : undefined;
  };
  const readingsOf = (value: (row: PastRow) => number | null | undefined) =>
    t.points.map((_, k) => {
      const row = running(k);
      const v = row ? value(row) : undefined;
      return row && v !== undefined && v !== null ? { value: v, year: row.year } : null;
    });
  const found: Finding[] = [];
  const said = new Set<string>();
  const say = (department: string | null, from: number, to: number, value: (row: PastRow) => number | null | undefined) => {
    const earlier = t.points[from]?.row as PastRow;
    const later = t.points[to]?.row as PastRow;
    const unit = statedUnitOf(later);
    const report = department === null ? undefined : later.reports.find((r) => r.department === department);
    found.push(
      finding(
        'history-figure-fell',
        { metric: t.metric, department, from: t.points[from]?.period ?? '', fromValue: inStated(value(earlier) ?? 0, statedUnitOf(earlier)), to: t.points[to]?.period ?? '', toValue: inStated(value(later) ?? 0, unit), unit: unit.unit },
        report ? { file: report.file ?? undefined, cell: report.cell } : {},
        { taskId: later.taskId, targetId: later.id },
      ),
    );
  };
  for (const department of t.departments) {
    const actual = (row: PastRow) => row.reports.find((r) => r.department === department)?.actual;
    for (const { from, to } of falls(readingsOf(actual))) {
      said.add(`${from}|${to}`);
      say(department, from, to, actual);
    }
  }
  const figure = (row: PastRow) => row.figure;
  for (const { from, to } of falls(readingsOf(figure))) if (!said.has(`${from}|${to}`)) say(null, from, to, figure);
  return found;
}
