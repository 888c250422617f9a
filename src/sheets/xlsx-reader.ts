import { unzipSync } from 'fflate';
import type { RawCell } from '../core/entry.js';
import { columnLetter, parseBox } from './_range.js';
import { attributes, unescapeCellText as unescapeXml } from './_xml.js';
import type { Grid, GridBook } from './grid.js';

/**
 * A reader specialised to what read-back needs: it inflates only the workbook, its relationships,
 * shared strings, styles and the worksheets asked for, and scans their XML for cells. No DOM, no
 * model of styles, drawings or formulas beyond their cached results.
 */
export function readXlsx(bytes: Uint8Array): XlsxBook {
  return new XlsxBook(bytes);
}

const PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml']);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);
const EMPTY: RawCell = { kind: 'empty' };
const decoder = new TextDecoder();

export class XlsxBook implements GridBook {
  private readonly sheetParts = new Map<string, string>();
  private readonly strings: string[];
  private readonly percentStyles: boolean[];
  private readonly grids = new Map<string, Grid>();

  constructor(private readonly bytes: Uint8Array) {
    const parts = unzipSync(bytes, { filter: (f) => PARTS.has(f.name) });
    const workbook = text(parts['xl/workbook.xml']);
    if (!/<(\w+:)?workbook\b/.test(workbook)) throw new Error('xl/workbook.xml is missing or damaged');
    const targets = new Map<string, string>();
    for (const m of text(parts['xl/_rels/workbook.xml.rels']).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const attrs = attributes(m[1] as string);
      if (attrs['Id'] && attrs['Target']) targets.set(attrs['Id'], attrs['Target']);
    }
    for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
      const attrs = attributes(m[1] as string);
      const target = targets.get(attrs['r:id'] ?? '');
      if (attrs['name'] !== undefined && target) this.sheetParts.set(unescapeXml(attrs['name']), partPath(target));
    }
    if (this.sheetParts.size === 0) throw new Error('the workbook lists no sheets');
    this.strings = sharedStrings(text(parts['xl/sharedStrings.xml']));
    this.percentStyles = percentStyles(text(parts['xl/styles.xml']));
  }

  get sheetNames(): string[] {
    return [...this.sheetParts.keys()];
  }

  sheet(name: string): Grid | undefined {
    const cached = this.grids.get(name);
    if (cached) return cached;
    const part = this.sheetParts.get(name);
    if (part === undefined) return undefined;
    const xml = text(unzipSync(this.bytes, { filter: (f) => f.name === part })[part]);
    if (!/<(\w+:)?worksheet\b/.test(xml)) throw new Error(`${part} is missing or damaged`);
    const grid = scanSheet(name, xml, this.strings, this.percentStyles);
    this.grids.set(name, grid);
    return grid;
  }
}

function scanSheet(name: string, xml: string, strings: readonly string[], percent: readonly boolean[]): Grid {
  const cells = new Map<string, RawCell>();
  const rows = new Map<number, boolean>();
  let maxRow = 0;
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = attributes(m[1] as string);
    const ref = attrs['r'];
    if (ref === undefined) continue;
    const row = Number(/\d+$/.exec(ref)?.[0] ?? 0);
    if (row > maxRow) maxRow = row;
    const raw = cellValue(attrs, m[2] ?? '', strings, percent);
    cells.set(ref, raw);
    if (raw.kind !== 'empty' && String(raw.value).trim() !== '') rows.set(row, true);
  }
  // A merged cell reads as its top-left cell, as spreadsheet applications show it.
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)) {
    const box = parseBox(m[1] as string);
    if (!box) continue;
    const master = cells.get(a1(box.left, box.top)) ?? EMPTY;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) if (r !== box.top || c !== box.left) cells.set(a1(c, r), master);
    }
  }
  return {
    name,
    cell: (address) => cells.get(address) ?? EMPTY,
    maxRow,
    rowHasContent: (row) => rows.get(row) ?? false,
  };
}

function cellValue(attrs: Record<string, string>, body: string, strings: readonly string[], percent: readonly boolean[]): RawCell {
  const type = attrs['t'] ?? 'n';
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (type === 'inlineStr') return textCell(runsText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? ''));
  if (v === undefined) {
    const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1];
    return formula === undefined ? EMPTY : { kind: 'other', value: `=${unescapeXml(formula)}` };
  }
  switch (type) {
    case 's':
      return textCell(strings[Number(v)] ?? '');
    case 'str':
      return textCell(unescapeXml(v));
    case 'e':
      return { kind: 'error', value: unescapeXml(v) };
    case 'b':
      return { kind: 'other', value: v === '1' ? 'true' : 'false' };
    case 'd':
      return { kind: 'other', value: unescapeXml(v) };
    default: {
      if (v === '') return EMPTY;
      const value = Number(v);
      return { kind: 'number', value, percentFormat: percent[Number(attrs['s'] ?? 0)] ?? false };
    }
  }
}

const textCell = (value: string): RawCell => (value === '' ? EMPTY : { kind: 'text', value });

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runsText(m[1] as string));
}

/** The text of a string item: its <t> runs joined, phonetic guides (<rPh>) left out. */
function runsText(item: string): string {
  const visible = item.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += unescapeXml(m[1] ?? '');
  return out;
}

/** Which cell styles show numbers as percentages: built-in formats 9 and 10, or a custom code with %. */
function percentStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const attrs = attributes(m[1] as string);
    custom.set(Number(attrs['numFmtId']), /%/.test(unescapeXml(attrs['formatCode'] ?? '').replace(/"[^"]*"|\\./g, '')));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attributes(m[1] as string)['numFmtId'] ?? 0);
    return BUILTIN_PERCENT_FORMATS.has(id) || (custom.get(id) ?? false);
  });
}

function partPath(target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  // Resolve ./ and ../ as the relationship is relative to xl/.
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.') out.push(segment);
  }
  return out.join('/');
}

const text = (part: Uint8Array | undefined): string => (part === undefined ? '' : decoder.decode(part));

const a1 = (column: number, row: number): string => `${columnLetter(column)}${row}`;
