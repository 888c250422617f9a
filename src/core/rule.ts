import { expectedValue, isCeiling, isMet, OUTLIER_FACTOR } from './attainment.js';
import { isPaced } from './measure.js';
import { isRunning } from './metric.js';
import type { Code, ParamsOf } from './code.js';
import { unitProblem, type ReadFigure, type Status } from './entry.js';
import type { Period } from './period.js';
import type { Target } from './record.js';
import { inStated, statedUnitOf } from './unit.js';

/** A rule's verdict on one entry: a code, its parameters, and the cell it points at. */
export type Flag = { [C in Code]: { readonly code: C; readonly params: ParamsOf<C>; readonly cell: string; readonly value?: number | string } }[Code];

export interface EntryUnderCheck {
  readonly target: Target | undefined;
  /** The figure in the target's stored unit (120000000 元 for 1.2 typed in a cell of 亿元). */
  readonly figure: ReadFigure;
  readonly status: Status | undefined;
  readonly evidence: string;
  readonly cells: { readonly actual: string; readonly status: string; readonly evidence: string };
  readonly period: Period;
  /** The same department's figure for this target in the previous period's sheet. */
  readonly previous?: number | undefined;
  /** A task with no figure: by when it is due (its 完成时限, else its year's end). */
  readonly deadline?: string | null;
}

/** Every rule over one entry; empty when it is in order. */
export function checkEntry(e: EntryUnderCheck): Flag[] {
  const flags: Flag[] = [];
  const { target, figure, cells } = e;
  if (target && figure.ok === false) {
    flags.push({ code: 'entry-not-a-number', params: { cell: cells.actual, value: figure.text }, cell: cells.actual, value: figure.text });
  }
  const value = target && figure.ok === true ? figure.value : undefined;
  // Figures are judged in the stored unit and named in the one the sheet shows and takes: 1.2 亿元, not 120000000 元.
  const stated = target ? statedUnitOf(target) : { unit: '', factor: 1 };
  const shown = (x: number): number => inStated(x, stated);
  if (target && value !== undefined && figure.ok === true) {
    const typed = shown(value);
    if (figure.convertedFrom !== undefined) {
      flags.push({ code: 'entry-unit-converted', params: { cell: cells.actual, text: figure.convertedFrom, value: typed, unit: stated.unit }, cell: cells.actual, value: typed });
    }
    const problem = unitProblem(value, target.unit);
    if (problem !== undefined) {
      const at = { cell: cells.actual, value: typed };
      if (problem === 'negative') flags.push({ code: 'entry-negative', params: at, ...at });
      // Whole units are the stored ones: 4.41234万户 is 44123.4户.
      else if (problem === 'not-integer') flags.push({ code: 'entry-not-integer', params: { cell: cells.actual, value, unit: target.unit }, ...at });
      else flags.push({ code: 'entry-percent-out-of-range', params: at, ...at });
    }
    if (target.value > 0 && value > target.value * OUTLIER_FACTOR) {
      flags.push({ code: 'entry-outlier', params: { cell: cells.actual, value: typed, target: shown(target.value), factor: OUTLIER_FACTOR }, cell: cells.actual, value: typed });
    }
    if (e.previous !== undefined && isRunning(target.basis) && value < e.previous) {
      flags.push({ code: 'entry-decreased', params: { cell: cells.actual, value: typed, previous: shown(e.previous) }, cell: cells.actual, value: typed });
    }
    const met = isMet(target, value);
    // Met and still 推进中 says the target is done, unless it is a ceiling, which is met for as long as it holds.
    const metInProgress = e.status === 'in-progress' && met && !isCeiling(target) && target.measure !== 'ceiling';
    if ((e.status === 'done' && !met) || (e.status === 'not-started' && met) || metInProgress) {
      flags.push({
        code: 'entry-status-inconsistent',
        params: { cell: cells.status, status: e.status, value: typed, met, target: shown(target.value) },
        cell: cells.status,
        value: typed,
      });
    }
    const expected = expectedValue(target, e.period);
    if (!met && expected !== undefined && value < expected) {
      if (isPaced(target.measure)) flags.push({ code: 'entry-behind-schedule', params: { cell: cells.actual, value: typed, expected: Math.round(shown(expected) * 100) / 100 }, cell: cells.actual, value: typed });
      else flags.push({ code: 'entry-below-target', params: { cell: cells.actual, value: typed, target: shown(target.value), unit: stated.unit }, cell: cells.actual, value: typed });
    }
  }
  if (target && e.status === 'done' && figure.ok === null) {
    flags.push({ code: 'entry-status-inconsistent', params: { cell: cells.status, status: 'done', value: null, met: false, target: shown(target.value) }, cell: cells.status });
  }
  // A deliverable due by the period's end and not done: the sheet says so while the department can still explain.
  if (!target && e.deadline && e.period.end >= e.deadline && e.status !== undefined && e.status !== 'done') {
    flags.push({ code: 'entry-overdue', params: { cell: cells.status, deadline: e.deadline, status: e.status }, cell: cells.status });
  }
  if (e.status === 'done' && e.evidence.trim() === '') {
    flags.push({ code: 'entry-evidence-missing', params: { cell: cells.evidence }, cell: cells.evidence });
  }
  return flags;
}
