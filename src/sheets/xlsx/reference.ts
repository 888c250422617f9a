import { columnLetter, columnNumber, type Box } from './range.js';

/** A reference inside a formula: a cell, an area, whole rows or whole columns, and the sheet it names. */
export interface Reference {
  /** The sheet's name as written (quotes and doubled apostrophes removed); undefined for the formula's own sheet. */
  readonly sheet: string | undefined;
  readonly kind: 'cell' | 'area' | 'rows' | 'columns';
  /** Columns and rows, 1-based; 0 where the kind has none (rows have no columns). */
  readonly box: Box;
  /** $ before each part: left, top, right, bottom. */
  readonly absolute: readonly [boolean, boolean, boolean, boolean];
}

// An optional sheet (quoted, or a plain name of letters, digits, _ and .), then A1, A1:B2, 1:4 or A:C.
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!`;
const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?)(\d+)`;
const AREA_END = String.raw`(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?`;
const ROWS = String.raw`(\$?)(\d+):(\$?)(\d+)`;
const COLUMNS = String.raw`(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})`;
// Not inside a name or a function call, and not after ! (an external or 3-D reference whose sheet part did not match).
const REFERENCE = new RegExp(String.raw`(?<![\p{L}\p{N}_.$!\]:])(?:${SHEET})?(?:${CELL}${AREA_END}|${ROWS}|${COLUMNS})(?![\p{L}\p{N}_(!\[])`, 'gu');

/** The formula with string literals and bracketed parts (structured references, external books) blanked, same length. */
function mask(formula: string): string {
  if (!formula.includes('"') && !formula.includes('[')) return formula;
  let out = '';
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i] as string;
    if (c === '"') {
      const end = literalEnd(formula, i);
      out += `"${'\u0001'.repeat(Math.max(0, end - i - 1))}${end < formula.length ? '"' : ''}`;
      i = end;
    } else if (c === '[') {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += `[${'\u0001'.repeat(Math.max(0, j - i - 1))}${j < formula.length ? ']' : ''}`;
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

/** Where the string literal opening at `from` closes ("" is a quote inside it). */
function literalEnd(formula: string, from: number): number {
  let i = from + 1;
  for (; i < formula.length; i++) {
    if (formula[i] !== '"') continue;
    if (formula[i + 1] === '"') i++;
    else break;
  }
  return i;
}

/**
 * Rewrites every reference of a formula (also a defined name's, a chart series', a validation's or an sqref) through `change`,
 * which returns the new box or undefined to keep it. Text in quotes and structured references are left alone.
 */
export function mapReferences(formula: string, change: (ref: Reference) => Box | undefined): string {
  const masked = mask(formula);
  let out = '';
  let last = 0;
  for (const m of masked.matchAll(REFERENCE)) {
    const ref = reference(m);
    const box = change(ref);
    if (!box) continue;
    const at = m.index;
    const sheetLength = m[1] !== undefined ? m[1].length + 3 : m[2] !== undefined ? m[2].length + 1 : 0;
    const sheetPart = formula.slice(at, at + sheetLength);
    out += formula.slice(last, at) + sheetPart + address(ref, box);
    last = at + m[0].length;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

function reference(m: RegExpMatchArray): Reference {
  const sheet = m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2];
  const flag = (i: number) => m[i] === '$';
  if (m[4] !== undefined) {
    const left = columnNumber(m[4]);
    const top = Number(m[6]);
    if (m[8] === undefined) return { sheet, kind: 'cell', box: { left, top, right: left, bottom: top }, absolute: [flag(3), flag(5), flag(3), flag(5)] };
    return { sheet, kind: 'area', box: { left, top, right: columnNumber(m[8]), bottom: Number(m[10]) }, absolute: [flag(3), flag(5), flag(7), flag(9)] };
  }
  if (m[12] !== undefined) return { sheet, kind: 'rows', box: { left: 0, top: Number(m[12]), right: 0, bottom: Number(m[14]) }, absolute: [false, flag(11), false, flag(13)] };
  return { sheet, kind: 'columns', box: { left: columnNumber(m[16] as string), top: 0, right: columnNumber(m[18] as string), bottom: 0 }, absolute: [flag(15), false, flag(17), false] };
}

function address(ref: Reference, box: Box): string {
  const [l, t, r, b] = ref.absolute.map((a) => (a ? '$' : ''));
  const column = (n: number, abs: string | undefined) => `${abs}${columnLetter(n)}`;
  switch (ref.kind) {
    case 'cell':
      return `${column(box.left, l)}${t}${box.top}`;
    case 'area':
      return `${column(box.left, l)}${t}${box.top}:${column(box.right, r)}${b}${box.bottom}`;
    case 'rows':
      return `${t}${box.top}:${b}${box.bottom}`;
    case 'columns':
      return `${column(box.left, l)}:${column(box.right, r)}`;
  }
}

/** Whether a reference names the sheet `name` (unqualified ones name the formula's own sheet). */
export function namesSheet(ref: Reference, name: string, ownSheet: string | undefined): boolean {
  const sheet = ref.sheet ?? ownSheet;
  return sheet !== undefined && sheet.toLowerCase() === name.toLowerCase();
}

/** A formula copied by `rows` rows and `columns` columns, as a spreadsheet copies one: relative parts move, $ parts stay. */
export function translateFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return mapReferences(formula, ({ kind, box, absolute: [l, t, r, b] }) => ({
    left: kind === 'rows' || l ? box.left : box.left + columns,
    right: kind === 'rows' || r ? box.right : box.right + columns,
    top: kind === 'columns' || t ? box.top : box.top + rows,
    bottom: kind === 'columns' || b ? box.bottom : box.bottom + rows,
  }));
}
