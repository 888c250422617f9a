import { columnLetter, columnNumber, MAX_COLUMN, MAX_ROW, type Box } from './range.js';

/** A reference inside a formula: a cell, an area, whole rows or whole columns, and the sheet it names. */
export interface Reference {
  /** The sheet's name as written (quotes and doubled apostrophes removed); undefined for the formula's own sheet. */
  readonly sheet: string | undefined;
  /** In another workbook ([1]Sheet1!A1), or over several sheets (Sheet1:Sheet3!A1). */
  readonly external: boolean;
  readonly kind: 'cell' | 'area' | 'rows' | 'columns';
  /** Columns and rows, 1-based; 0 where the kind has none (rows have no columns). */
  readonly box: Box;
  /** $ before each part: left, top, right, bottom. */
  readonly absolute: readonly [boolean, boolean, boolean, boolean];
}

// An optional book ([1]) and sheet (quoted, or a plain name of letters, digits, _ and ., or a 3-D span of two), then A1, A1:B2, 1:4 or A:C.
const NAME = String.raw`[\p{L}_][\p{L}\p{N}_.]*`;
const SHEET = String.raw`(?<book>\[[^\]]*\])?(?:'(?<quoted>(?:[^']|'')+)'|(?<plain>${NAME}(?::${NAME})?))!`;
const CELL = String.raw`(?<la>\$?)(?<l>[A-Z]{1,3})(?<ta>\$?)(?<t>\d+)(?::(?<ra>\$?)(?<r>[A-Z]{1,3})(?<ba>\$?)(?<b>\d+))?`;
const ROWS = String.raw`(?<rta>\$?)(?<rt>\d+):(?<rba>\$?)(?<rb>\d+)`;
const COLUMNS = String.raw`(?<cla>\$?)(?<cl>[A-Z]{1,3}):(?<cra>\$?)(?<cr>[A-Z]{1,3})`;
// Not inside a name or a function call.
const REFERENCE = new RegExp(String.raw`(?<![\p{L}\p{N}_.$!\]:])(?:${SHEET})?(?:${CELL}|${ROWS}|${COLUMNS})(?![\p{L}\p{N}_(!\[])`, 'gu');

/** The formula with string literals and bracketed parts (structured references, external books) blanked, same length. */
function mask(formula: string): string {
  if (!formula.includes('"') && !formula.includes('[') && !formula.includes("'")) return formula;
  let out = '';
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i] as string;
    if (c === '"') {
      const end = literalEnd(formula, i);
      out += `"${'\u0001'.repeat(Math.max(0, end - i - 1))}${end < formula.length ? '"' : ''}`;
      i = end;
    } else if (c === "'") {
      // A quoted sheet name: '' is an apostrophe inside it; its text is kept, a " in it opens no string.
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] !== "'") continue;
        if (formula[j + 1] === "'") j++;
        else break;
      }
      out += formula.slice(i, j + 1);
      i = j;
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
    const ref = reference(m.groups ?? {});
    const box = ref && change(ref);
    if (!ref || !box) continue;
    const at = m.index;
    const { book = '', quoted, plain } = m.groups ?? {};
    const sheetLength = quoted !== undefined ? book.length + quoted.length + 3 : plain !== undefined ? book.length + plain.length + 1 : 0;
    out += formula.slice(last, at + sheetLength) + address(ref, box);
    last = at + m[0].length;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

function reference(g: Record<string, string | undefined>): Reference | undefined {
  const sheet = g['quoted'] !== undefined ? g['quoted'].replaceAll("''", "'") : g['plain'];
  const common = { sheet, external: g['book'] !== undefined || (sheet?.includes(':') ?? false) };
  let ref: Reference;
  if (g['l'] !== undefined) {
    const left = columnNumber(g['l']);
    const top = Number(g['t']);
    ref =
      g['r'] === undefined
        ? { ...common, kind: 'cell', box: { left, top, right: left, bottom: top }, absolute: [g['la'] === '$', g['ta'] === '$', g['la'] === '$', g['ta'] === '$'] }
        : { ...common, kind: 'area', box: { left, top, right: columnNumber(g['r']), bottom: Number(g['b']) }, absolute: [g['la'] === '$', g['ta'] === '$', g['ra'] === '$', g['ba'] === '$'] };
  } else if (g['rt'] !== undefined) {
    ref = { ...common, kind: 'rows', box: { left: 0, top: Number(g['rt']), right: 0, bottom: Number(g['rb']) }, absolute: [false, g['rta'] === '$', false, g['rba'] === '$'] };
  } else {
    ref = { ...common, kind: 'columns', box: { left: columnNumber(g['cl'] ?? ''), top: 0, right: columnNumber(g['cr'] ?? ''), bottom: 0 }, absolute: [g['cla'] === '$', false, g['cra'] === '$', false] };
  }
  const { box } = ref;
  // Beyond the last column or row, a name like XFE10 is a defined name, not a cell.
  return box.left > MAX_COLUMN || box.right > MAX_COLUMN || box.top > MAX_ROW || box.bottom > MAX_ROW ? undefined : ref;
}

function address(ref: Reference, box: Box): string {
  const [l, t, r, b] = ref.absolute.map((a) => (a ? '$' : ''));
  const column = (n: number, abs: string | undefined) => `${abs}${columnLetter(n)}`;
  const kind = ref.kind === 'cell' && (box.right !== box.left || box.bottom !== box.top) ? 'area' : ref.kind;
  switch (kind) {
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
  if (ref.external) return false;
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
