import { MASK_NONE } from './_mask.js';
import { parseChineseNumeral } from './numeral.js';
import { scanQuantities } from './quantity.js';
import { normalize } from './text.js';
import { inStated, isCountUnit } from './unit.js';

/** A cell as a spreadsheet stores it, independent of the library that read it. */
export type RawCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly percentFormat: boolean }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'error'; readonly value: string }
  | { readonly kind: 'other'; readonly value: string };

/** What a department entered in a row, to write into the sheet as it is generated (a sheet carried over, a demo sheet). */
export interface EntryValues {
  readonly actual?: string | number | null;
  readonly status?: string;
  readonly note?: string;
  readonly evidence?: string;
}

/** What a department reports for a task: 未启动 / 推进中 / 已完成 / 滞后. */
export type Status = 'not-started' | 'in-progress' | 'done' | 'behind';
export const STATUSES: readonly Status[] = ['not-started', 'in-progress', 'done', 'behind'];
/** How people write a status (the sheet's list, and what they type instead); the list's words are in locales/. */
const STATUS_WORDS: ReadonlyArray<readonly [RegExp, Status]> = [
  [/^(已完成|完成|已办结|办结|done|completed?)$/i, 'done'],
  [/^(推进中|进行中|正在推进|实施中|in[- ]?progress|ongoing)$/i, 'in-progress'],
  [/^(未启动|未开始|尚未启动|not[- ]?started)$/i, 'not-started'],
  [/^(滞后|延期|落后|behind|delayed)$/i, 'behind'],
];

/** A figure read from a cell: the value, or why there is none. */
export type ReadFigure =
  | { readonly ok: true; readonly value: number; readonly convertedFrom?: string }
  | { readonly ok: false; readonly text: string }
  | { readonly ok: null };

const PLAIN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/;
const MAGNITUDE = /^([+-]?\d+(?:\.\d+)?)\s*(万|亿)$/;

/**
 * Reads a figure as people type it: numbers stored as text, full-width digits, thousands separators,
 * trailing units (400个), 万/亿 (1.5万), percentages as 60%, 60, or 0.6 in a %-formatted cell. The figure is in the
 * cell's unit; one typed with units of its own (12000万元 in a cell of 亿元, whose factor is 10⁸) is converted to it.
 */
export function readFigure(cell: RawCell, unit: string, factor = 1): ReadFigure {
  switch (cell.kind) {
    case 'empty':
      return { ok: null };
    case 'number':
      return { ok: true, value: unit === '%' && cell.percentFormat ? round(cell.value * 100) : cell.value };
    case 'error':
    case 'other':
      return { ok: false, text: cell.value };
    case 'text': {
      const read = readText(cell.value, unit);
      // What was read with its own units is in base units (1.2亿 → 120000000): back into the cell's.
      return read.ok === true && read.convertedFrom !== undefined && factor !== 1 ? { ...read, value: inStated(read.value, { unit, factor }) } : read;
    }
  }
}

function readText(input: string, unit: string): ReadFigure {
  const text = normalize(input).trim();
  if (text === '') return { ok: null };
  if (PLAIN.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  const percent = PERCENT.exec(text);
  if (percent) return unit === '%' ? { ok: true, value: Number(percent[1]) } : { ok: true, value: Number(percent[1]) / 100, convertedFrom: input };
  const magnitude = MAGNITUDE.exec(text);
  if (magnitude) return { ok: true, value: round(Number(magnitude[1]) * (magnitude[2] === '亿' ? 1e8 : 1e4)), convertedFrom: input };
  const found = scanQuantities(text, new Uint8Array(text.length).fill(MASK_NONE), 0, text.length, 'progress');
  const only = found[0];
  if (found.length === 1 && only && only.start === 0 && only.end === text.length && only.comparator === '=') {
    return { ok: true, value: only.value, convertedFrom: input };
  }
  const chinese = parseChineseNumeral(text);
  if (chinese !== undefined && !/^[百千万亿]+$/.test(text)) return { ok: true, value: chinese, convertedFrom: input };
  return { ok: false, text: input };
}

/** The status a cell names, or undefined for anything else (blank included). */
export function readStatus(text: string): Status | undefined {
  const t = normalize(text).trim();
  return STATUS_WORDS.find(([pattern]) => pattern.test(t))?.[1];
}

/** Whether a value fits its unit: whole numbers for counts, 0–100 for percentages. */
export function unitProblem(value: number, unit: string): 'negative' | 'not-integer' | 'percent-out-of-range' | undefined {
  if (value < 0) return 'negative';
  if (unit === '%' && value > 100) return 'percent-out-of-range';
  if (isCountUnit(unit) && unit !== '' && !Number.isInteger(value)) return 'not-integer';
  return undefined;
}

// 0.6 × 100 is 60.00000000000001 in binary; a sheet shows 60.
const round = (v: number): number => Math.round(v * 1e9) / 1e9;
