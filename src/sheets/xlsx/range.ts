/** A1 references: column letters ↔ numbers, and boxes of cells. */

/** Excel's last column (XFD) and last row. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** A1 or A1:B2 (with or without $) as a box; undefined for anything else (whole columns, names). */
export function parseBox(ref: string): Box | undefined {
  const [a, b = a] = ref.split(':');
  const from = CELL.exec(a ?? '');
  const to = CELL.exec(b ?? '');
  if (!from || !to) return undefined;
  const [l, r] = [columnNumber(from[1] as string), columnNumber(to[1] as string)].sort((x, y) => x - y) as [number, number];
  const [t, bt] = [Number(from[2]), Number(to[2])].sort((x, y) => x - y) as [number, number];
  return { left: l, top: t, right: r, bottom: bt };
}

export function formatBox(box: Box): string {
  const from = `${columnLetter(box.left)}${box.top}`;
  const to = `${columnLetter(box.right)}${box.bottom}`;
  return from === to ? from : `${from}:${to}`;
}
