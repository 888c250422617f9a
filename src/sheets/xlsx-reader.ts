import type { RawCell } from '../core/entry.js';
import { columnLetter, parseBox } from './_range.js';
import { unzipParts, type Inflate } from './_zip.js';
import { attributes, unescapeCellText as unescapeXml } from './_xml.js';
import type { Grid, GridBook } from './grid.js';

/**
 * A reader specialised to what read-back needs: it inflates only the workbook, its relationships,
 * shared strings, styles and the worksheets asked for, and scans their XML for cells. No DOM, no
 * model of styles, drawings or formulas beyond their cached results.
 */
export function readXlsx(bytes: Uint8Array, inflate?: Inflate): XlsxBook {
  return new XlsxBook(bytes, inflate);
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
  private readonly parts: Record<string, Uint8Array>;

  constructor(bytes: Uint8Array, inflate?: Inflate) {
    // One pass over the archive: the workbook's parts and its worksheets; drawings, media and the rest stay packed.
    const parts = unzipParts(bytes, (name) => PARTS.has(name) || /^xl\/worksheets\/[^/]+\.xml$/.test(name), inflate);
    this.parts = parts;
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
    const xml = text(this.parts[part]);
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
  // indexOf rather than a global regex: no match array and no copy of the whole element per cell.
  for (let at = xml.indexOf('<c ', 0); at >= 0; at = xml.indexOf('<c ', at + 3)) {
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) break;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f; // '/'
    const attrs = cellAttributes(xml.slice(at + 2, selfClosing ? tagEnd - 1 : tagEnd));
    let body = '';
    if (!selfClosing) {
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0) break;
      body = xml.slice(tagEnd + 1, close);
      at = close;
    }
    const ref = attrs['r'];
    if (ref === undefined) continue;
    const row = rowOf(ref);
    if (row > maxRow) maxRow = row;
    const raw = cellValue(attrs, body, strings, percent);
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

// r, s, t in the order Excel, exceljs and LibreOffice write them; anything else takes the general parser.
const CELL_ATTRIBUTES = /^\s*r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="(\w+)")?\s*$/;

function cellAttributes(text: string): Record<string, string> {
  const m = CELL_ATTRIBUTES.exec(text);
  if (!m) return attributes(text);
  const out: Record<string, string> = { r: m[1] as string };
  if (m[2] !== undefined) out['s'] = m[2];
  if (m[3] !== undefined) out['t'] = m[3];
  return out;
}

function rowOf(ref: string): number {
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) row = row * 10 + (c - 0x30);
  }
  return row;
}

/** The text between <tag> and </tag>, or undefined. */
function between(body: string, open: string, close: string): string | undefined {
  const from = body.indexOf(open);
  if (from < 0) return undefined;
  const to = body.indexOf(close, from + open.length);
  return to < 0 ? undefined : body.slice(from + open.length, to);
}

function cellValue(attrs: Record<string, string>, body: string, strings: readonly string[], percent: readonly boolean[]): RawCell {
  const type = attrs['t'] ?? 'n';
  const v = body === '' ? undefined : between(body, '<v>', '</v>');
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
  const out: string[] = [];
  for (let at = xml.indexOf('<si>'); at >= 0; at = xml.indexOf('<si>', at + 4)) {
    const end = xml.indexOf('</si>', at);
    if (end < 0) break;
    const item = xml.slice(at + 4, end);
    // Most items are one plain run: <t>…</t> or <t xml:space="preserve">…</t>.
    const open = item.indexOf('>');
    const plain = item.startsWith('<t') && item.endsWith('</t>') && item.indexOf('<', open) === item.length - 4;
    out.push(plain ? unescapeXml(item.slice(open + 1, item.length - 4)) : runsText(item));
    at = end;
  }
  return out;
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
