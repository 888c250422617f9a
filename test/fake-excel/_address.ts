// A1 addresses as Excel reads and writes them.

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const letters: string[] = [];
export function columnName(c: number): string {
  let name = letters[c];
  if (name !== undefined) return name;
  name = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  letters[c] = name;
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellKey(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

export function parseCellKey(key: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(key);
  if (m === null) throw new Error(`fake Excel: not a cell key: ${key}`);
  return { r: Number(m[2]) - 1, c: columnIndex(m[1] as string) };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const ROW = /^\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

function part(text: string): { r?: number; c?: number } | undefined {
  let m = CELL.exec(text);
  if (m !== null) return { c: columnIndex(m[1] as string), r: Number(m[2]) - 1 };
  m = ROW.exec(text);
  if (m !== null) return { r: Number(m[1]) - 1 };
  m = COLUMN.exec(text);
  if (m !== null) return { c: columnIndex(m[1] as string) };
  return undefined;
}

/** 'A1', 'a1', '$A$1:$B$2', whole rows '5:7' and whole columns 'D:F'; undefined for anything else or out of the grid. */
export function parseArea(text: string): Rect | undefined {
  const pieces = text.trim().split(':');
  if (pieces.length > 2) return undefined;
  const a = part(pieces[0] ?? '');
  const b = pieces.length === 2 ? part(pieces[1] ?? '') : a;
  if (a === undefined || b === undefined) return undefined;
  let rect: Rect;
  if (a.r !== undefined && a.c !== undefined && b.r !== undefined && b.c !== undefined) rect = { r0: a.r, c0: a.c, r1: b.r, c1: b.c };
  else if (pieces.length === 2 && a.c === undefined && b.c === undefined && a.r !== undefined && b.r !== undefined) rect = { r0: a.r, c0: 0, r1: b.r, c1: MAX_COLUMNS - 1 };
  else if (pieces.length === 2 && a.r === undefined && b.r === undefined && a.c !== undefined && b.c !== undefined) rect = { r0: 0, c0: a.c, r1: MAX_ROWS - 1, c1: b.c };
  else return undefined;
  const ordered = { r0: Math.min(rect.r0, rect.r1), c0: Math.min(rect.c0, rect.c1), r1: Math.max(rect.r0, rect.r1), c1: Math.max(rect.c0, rect.c1) };
  return inGrid(ordered) ? ordered : undefined;
}

export function inGrid(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export const isEntireRow = (r: Rect): boolean => r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
export const isEntireColumn = (r: Rect): boolean => r.r0 === 0 && r.r1 === MAX_ROWS - 1;

/** As Excel writes it: 'D5', 'D5:E7', rows as '5:7' (the whole sheet too), columns as 'D:F'. */
export function formatArea(r: Rect): string {
  if (isEntireRow(r)) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (isEntireColumn(r)) return `${columnName(r.c0)}:${columnName(r.c1)}`;
  const first = cellKey(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? first : `${first}:${cellKey(r.r1, r.c1)}`;
}

/**
 * A sheet name as Excel writes it before '!': bare when it is a plain word of letters, digits, '_' and '.'
 * (CJK letters included) that cannot be read as a reference, else in single quotes with ' doubled.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C\d*|R|C)$/i.test(name) && !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${formatArea(r)}`;
}

/** 'Sheet1!A1' or "'My sheet'!A1:B2" → sheet name and the rest; no sheet when unqualified. */
export function splitQualified(text: string): { sheet?: string; area: string } {
  const t = text.trim();
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(t);
  if (quoted !== null) return { sheet: (quoted[1] as string).replace(/''/g, "'"), area: quoted[2] as string };
  const bang = t.lastIndexOf('!');
  if (bang > 0) return { sheet: t.slice(0, bang), area: t.slice(bang + 1) };
  return { area: t };
}

export function cellCount(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

export function intersection(a: Rect, b: Rect): Rect | undefined {
  const r: Rect = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : undefined;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
}
