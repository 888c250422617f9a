/// <reference types="office-js" />
// Marks on entry cells: the colours, each cell's own fill to put back, and what an earlier session left.
import type { SheetMeta } from '../sheets/metadata.js';

/** Fill colours of marked entry cells: Excel's own light red for what must be corrected, light yellow for what to look at. */
export const MARK = { error: '#FFC7CE', warning: '#FFEB9C' } as const;
export const MARK_COLOURS = new Set<string>(Object.values(MARK));
/** The placeholders of the cells a department fills: the only cells the pane colours. */
export const ENTRY_COLUMNS = ['entry.actual', 'entry.status', 'entry.note', 'entry.evidence'];

/** Every entry cell's fill, queued: the cell's own (null for none), and the marks an earlier session left. */
export function queueFills(meta: SheetMeta, sheet: Excel.Worksheet): () => { originals: Map<string, string | null>; marks: Map<string, string> } {
  const cells: [string, Excel.RangeFill][] = [];
  for (const row of meta.rows) {
    for (const name of ENTRY_COLUMNS) {
      const letter = meta.columns[name];
      if (letter === undefined) continue;
      const fill = sheet.getRange(`${letter}${row.row}`).format.fill;
      fill.load('color');
      cells.push([`${letter}${row.row}`, fill]);
    }
  }
  return () => {
    const originals = new Map(cells.map(([a, f]) => [a, normalColour(f.color)]));
    const marks = new Map([...originals].flatMap(([a, c]) => (c !== null && MARK_COLOURS.has(c) ? [[a, c] as const] : [])));
    return { originals, marks };
  };
}

/** #RRGGBB upper-case, or null for no fill (Office.js says '#FFFFFF' for none, and null for mixed). */
function normalColour(colour: string | null | undefined): string | null {
  if (!colour) return null;
  const c = colour.toUpperCase();
  return c === '#FFFFFF' ? null : c;
}

/** A cell left with a mark by an earlier session gets its column's usual fill back when cleared. */
export function resolveOriginals(originals: Map<string, string | null>): Map<string, string | null> {
  const byColumn = new Map<string, Map<string | null, number>>();
  for (const [cell, colour] of originals) {
    if (colour !== null && MARK_COLOURS.has(colour)) continue;
    const column = cell.replace(/\d+$/, '');
    const counts = byColumn.get(column) ?? new Map<string | null, number>();
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
    byColumn.set(column, counts);
  }
  const usual = (column: string): string | null => [...(byColumn.get(column) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return new Map([...originals].map(([cell, colour]) => [cell, colour !== null && MARK_COLOURS.has(colour) ? usual(cell.replace(/\d+$/, '')) : colour]));
}
