import { expectedValue, isMet, OUTLIER_FACTOR } from './attainment.js';
import { isPaced } from './measure.js';
import type { Code, ParamsOf } from './code.js';
import { unitProblem, type ReadFigure, type Status } from './entry.js';
import type { Period } from './period.js';
import type { Target } from './record.js';

/** A rule's verdict on one entry: a code, its parameters, and the cell it points at. */
export type Flag = { [C in Code]: { readonly code: C; readonly params: ParamsOf<C>; readonly cell: string; readonly value?: number | string } }[Code];

export interface EntryUnderCheck {
  readonly target: Target | undefined;
  readonly figure: ReadFigure;
  readonly status: Status | undefined;
  readonly evidence: string;
  readonly cells: { readonly actual: string; readonly status: string; readonly evidence: string };
  readonly period: Period;
  /** The same department's figure for this target in the previous period's sheet. */
  readonly previous?: number | undefined;
}

/** Every rule over one entry; empty when it is in order. */
export function checkEntry(e: EntryUnderCheck): Flag[] {
  const flags: Flag[] = [];
  const { target, figure, cells } = e;
  if (target && figure.ok === false) {
    flags.push({ code: 'entry-not-a-number', params: { cell: cells.actual, value: figure.text }, cell: cells.actual, value: figure.text });
  }
  const value = target && figure.ok === true ? figure.value : undefined;
  if (target && value !== undefined && figure.ok === true) {
    if (figure.convertedFrom !== undefined) {
      flags.push({ code: 'entry-unit-converted', params: { cell: cells.actual, text: figure.convertedFrom, value, unit: target.unit }, cell: cells.actual, value });
    }
    const problem = unitProblem(value, target.unit);
    if (problem !== undefined) {
      const at = { cell: cells.actual, value };
      if (problem === 'negative') flags.push({ code: 'entry-negative', params: at, ...at });
      else if (problem === 'not-integer') flags.push({ code: 'entry-not-integer', params: { ...at, unit: target.unit }, ...at });
      else flags.push({ code: 'entry-percent-out-of-range', params: at, ...at });
    }
    if (target.value > 0 && value > target.value * OUTLIER_FACTOR) {
      flags.push({ code: 'entry-outlier', params: { cell: cells.actual, value, target: target.value, factor: OUTLIER_FACTOR }, cell: cells.actual, value });
    }
    if (e.previous !== undefined && target.basis !== 'plain' && value < e.previous) {
      flags.push({ code: 'entry-decreased', params: { cell: cells.actual, value, previous: e.previous }, cell: cells.actual, value });
    }
    const met = isMet(target, value);
    if ((e.status === 'done' && !met) || (e.status === 'not-started' && met)) {
      flags.push({
        code: 'entry-status-inconsistent',
        params: { cell: cells.status, status: e.status, value, met, target: target.value },
        cell: cells.status,
        value,
      });
    }
    const expected = expectedValue(target, e.period);
    if (!met && expected !== undefined && value < expected) {
      if (isPaced(target.measure)) flags.push({ code: 'entry-behind-schedule', params: { cell: cells.actual, value, expected: Math.round(expected * 100) / 100 }, cell: cells.actual, value });
      else flags.push({ code: 'entry-below-target', params: { cell: cells.actual, value, target: target.value, unit: target.unit }, cell: cells.actual, value });
    }
  }
  if (target && e.status === 'done' && figure.ok === null) {
    flags.push({ code: 'entry-status-inconsistent', params: { cell: cells.status, status: 'done', value: null, met: false, target: target.value }, cell: cells.status });
  }
  if (e.status === 'done' && e.evidence.trim() === '') {
    flags.push({ code: 'entry-evidence-missing', params: { cell: cells.evidence }, cell: cells.evidence });
  }
  return flags;
}
