// Cells of a worksheet given another style, by editing only their start tags: every value, formula and other element stays as it was written.
import { columnLetter, columnNumber } from './xlsx/range.js';
import { attribute, findElement, findElements, withAttribute, type Element } from './xlsx/xml.js';

/** A cell's new style from its current one. */
export type Restyle = (style: number) => number;

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The sheet with each cell in `cells` (A1 address → how its style changes) restyled; a cell the sheet does not have is
 * added, empty, with the style of its row or column. Undefined for a sheet whose cells are not where the main namespace
 * puts them (a prefixed worksheet).
 */
export function restyleCells(xml: string, cells: ReadonlyMap<string, Restyle>): string | undefined {
  const data = findElement(xml, 'sheetData');
  if (!data) return undefined;
  const wanted = new Map<number, Map<number, Restyle>>();
  for (const [ref, restyle] of cells) {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
    if (!m) continue;
    const row = Number(m[2]);
    const byColumn = wanted.get(row) ?? new Map<number, Restyle>();
    byColumn.set(columnNumber(m[1] as string), restyle);
    wanted.set(row, byColumn);
  }
  const splices: Splice[] = [];
  const rows = data.open === data.close ? [] : findElements(xml, 'row', data.open, data.close);
  const seen = new Set<number>();
  const columns = columnStyles(xml);
  let previous = 0;
  for (const row of rows) {
    const number = Number(attribute(row.attributes, 'r') ?? previous + 1);
    previous = number;
    const byColumn = wanted.get(number);
    if (!byColumn) continue;
    seen.add(number);
    splices.push(...restyleRow(xml, row, number, byColumn, columns));
  }
  // Rows the sheet does not have, each before the first row below it.
  for (const [number, byColumn] of [...wanted].filter(([n]) => !seen.has(n)).sort((a, b) => a[0] - b[0])) {
    const cellsXml = [...byColumn].sort((a, b) => a[0] - b[0]).map(([column, restyle]) => newCell(number, column, restyle(columns.get(column) ?? 0)));
    const below = rows.find((r, i) => Number(attribute(r.attributes, 'r') ?? i + 1) > number);
    const text = `<row r="${number}">${cellsXml.join('')}</row>`;
    if (below) splices.push({ start: below.start, end: below.start, text });
    else if (data.open === data.close) splices.push({ start: data.start, end: data.end, text: `<sheetData${data.attributes.replace(/\/$/, '')}>${text}</sheetData>` });
    else splices.push({ start: data.close, end: data.close, text });
  }
  return apply(xml, splices);
}

function restyleRow(xml: string, row: Element, number: number, byColumn: ReadonlyMap<number, Restyle>, columns: ReadonlyMap<number, number>): Splice[] {
  const splices: Splice[] = [];
  const cells = row.open === row.close ? [] : findElements(xml, 'c', row.open, row.close);
  const present = new Set<number>();
  let previous = 0;
  const positions: { column: number; start: number }[] = [];
  for (const c of cells) {
    const ref = attribute(c.attributes, 'r');
    const column = ref === undefined ? previous + 1 : columnNumber(/^[A-Za-z]*/.exec(ref)?.[0] ?? '');
    previous = column;
    positions.push({ column, start: c.start });
    const restyle = byColumn.get(column);
    if (!restyle) continue;
    present.add(column);
    const style = restyle(Number(attribute(c.attributes, 's') ?? 0));
    const tagEnd = c.open === c.close ? c.end - 2 : c.open - 1;
    splices.push({ start: c.start, end: tagEnd, text: `<c${withAttribute(c.attributes.replace(/\/$/, ''), 's', String(style))}` });
  }
  const rowStyle = attribute(row.attributes, 'customFormat') === '1' ? Number(attribute(row.attributes, 's') ?? 0) : undefined;
  const missing = [...byColumn].filter(([column]) => !present.has(column)).sort((a, b) => a[0] - b[0]);
  if (missing.length === 0) return splices;
  if (row.open === row.close) {
    const inner = missing.map(([column, restyle]) => newCell(number, column, restyle(rowStyle ?? columns.get(column) ?? 0))).join('');
    return [...splices, { start: row.start, end: row.end, text: `<row${row.attributes.replace(/\/$/, '')}>${inner}</row>` }];
  }
  for (const [column, restyle] of missing) {
    const at = positions.find((p) => p.column > column)?.start ?? row.close;
    splices.push({ start: at, end: at, text: newCell(number, column, restyle(rowStyle ?? columns.get(column) ?? 0)) });
  }
  return splices;
}

const newCell = (row: number, column: number, style: number): string => `<c r="${columnLetter(column)}${row}" s="${style}"/>`;

/** Each column's own style, from <cols>. */
function columnStyles(xml: string): Map<number, number> {
  const out = new Map<number, number>();
  const cols = findElement(xml, 'cols');
  if (!cols) return out;
  for (const col of findElements(xml, 'col', cols.open, cols.close)) {
    const style = attribute(col.attributes, 'style');
    if (style === undefined) continue;
    const max = Math.min(Number(attribute(col.attributes, 'max') ?? 0), 16384);
    for (let c = Number(attribute(col.attributes, 'min') ?? 1); c <= max; c++) out.set(c, Number(style));
  }
  return out;
}

/** Splices applied from the end, so that each one's offsets still hold; at one place, a replacement before the insertions, which keep their order. */
function apply(xml: string, splices: readonly Splice[]): string {
  let out = xml;
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start) || b.i - a.i);
  for (const s of ordered) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
