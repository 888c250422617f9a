// What Excel makes of text typed (or pasted, or written through Range.values) into a cell, and how it shows a value.
import type { CellState, CellValue } from './book.js';

/** A cell's new content: its value, a formula, and the number format Excel picks for what was typed. */
export interface Entry {
  value: CellValue | null;
  formula?: string;
  numberFormat?: string;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const SCIENTIFIC = /^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** Excel's serial day of a date in the 1900 system (day 1 is 1900-01-01; valid from March 1900). */
export function dateSerial(y: number, m: number, d: number): number | undefined {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function number(text: string): { n: number; format?: string } | undefined {
  if (DECIMAL.test(text)) return { n: Number(text) };
  if (SCIENTIFIC.test(text)) return { n: Number(text), format: '0.00E+00' };
  if (THOUSANDS.test(text)) return { n: Number(text.replace(/,/g, '')), format: text.includes('.') ? '#,##0.00' : '#,##0' };
  return undefined;
}

/**
 * Excel's reading of typed text, for the cases a progress sheet meets: plain, signed, decimal and scientific numbers,
 * thousands separators ('1,234'), percentages ('50%' → 0.5), accounting negatives ('(3)'), TRUE/FALSE, dates written
 * year first ('2021-06-30', '2021/6/30'), formulas ('=…'), a leading apostrophe forcing text, and '' clearing the cell.
 * Everything else stays the string typed ('2.6万', '约30', full-width digits). In a Text-formatted ('@') cell everything is text.
 * The number format is what Excel applies to a General cell (it keeps any other format).
 */
export function parseEntry(typed: string, currentFormat: string): Entry {
  if (typed === '') return { value: null };
  if (currentFormat === '@') return { value: typed };
  if (typed.startsWith("'")) return { value: typed.slice(1) };
  if (typed.startsWith('=') && typed.length > 1) return { value: null, formula: typed };
  const t = typed.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const general = currentFormat === 'General';
  const withFormat = (value: number, format: string | undefined): Entry => (general && format !== undefined ? { value, numberFormat: format } : { value });
  const plain = number(t);
  if (plain !== undefined) return withFormat(plain.n, plain.format);
  const percent = /^(.*?)\s?%$/.exec(t);
  if (percent !== null) {
    const p = number(percent[1] as string);
    if (p !== undefined) return withFormat(p.n / 100, (percent[1] as string).includes('.') ? '0.00%' : '0%');
  }
  const negative = /^\((.+)\)$/.exec(t);
  if (negative !== null) {
    const p = number(negative[1] as string);
    if (p !== undefined && !/^[+-]/.test(negative[1] as string)) return withFormat(-p.n, p.format);
  }
  const date = ISO_DATE.exec(t);
  if (date !== null) {
    const serial = dateSerial(Number(date[1]), Number(date[2]), Number(date[3]));
    if (serial !== undefined) return withFormat(serial, 'yyyy/m/d');
  }
  return { value: typed };
}

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function valueType(cell: CellState | undefined): ValueType {
  const v = cell?.value;
  if (v === undefined || v === null || v === '') return 'Empty';
  if (cell?.error === true) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** The value as Range.values gives it: '' for an empty cell. */
export function shownValue(cell: CellState | undefined): CellValue {
  const v = cell?.value;
  return v === undefined || v === null ? '' : v;
}

/** Excel's General format: up to 10 significant digits, scientific for very large or small numbers. */
function general(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exp] = n.toExponential(5).split('e');
    const e = Number(exp);
    return `${Number(mantissa)}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** A number in a format like 0, 0.00, #,##0, #,##0.##, 0%: '0' digits always shown, '#' digits only when not zero. */
function numeric(v: number, format: RegExpExecArray): string {
  const [, comma, zeros = '', hashes = '', percent] = format;
  const n = percent === '%' ? v * 100 : v;
  let [int = '', frac = ''] = Math.abs(n).toFixed(zeros.length + hashes.length).split('.');
  while (frac.length > zeros.length && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (comma !== undefined) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const dot = format[0].includes('.') ? `.${frac}` : '';
  return `${n < 0 && Number(`${int.replace(/,/g, '')}.${frac}`) !== 0 ? '-' : ''}${int}${dot}${percent ?? ''}`;
}

function fromSerial(serial: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * Range.text: the value as the cell shows it, for the number formats a progress sheet uses (General; 0, 0.00, #,##0,
 * #,##0.## and the like, with or without %; 0.00E+00; @; dates y/m/d); others fall back to General.
 * Excel also shows #### when a column is too narrow; the fake has no column widths.
 */
export function formatText(cell: CellState | undefined, numberFormat: string): string {
  const v = cell?.value;
  if (v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const f = numberFormat.replace(/;.*$/, '');
  const digits = /^(#,##)?0(?:\.(0*)(#*))?(%?)$/.exec(f);
  if (digits !== null) return numeric(v, digits);
  if (f === '0.00E+00') {
    const [mantissa, exp] = v.toExponential(2).split('e');
    const e = Number(exp);
    return `${mantissa}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (/^(yyyy|yy)[-/]m{1,2}[-/]d{1,2}$/i.test(f)) {
    const { y, m, d } = fromSerial(v);
    const sep = f.includes('-') ? '-' : '/';
    const two = (n: number, pattern: string): string => (pattern.length === 2 ? String(n).padStart(2, '0') : String(n));
    const [, mm = 'm', dd = 'd'] = /^(?:yyyy|yy)[-/](m{1,2})[-/](d{1,2})$/i.exec(f) ?? [];
    return `${y}${sep}${two(m, mm)}${sep}${two(d, dd)}`;
  }
  return general(v);
}
