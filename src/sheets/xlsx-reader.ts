import type { RawCell } from '../core/entry.js';
import { parseBox } from './_range.js';
import { ZipArchive, type Inflate, type StoredPart } from './_zip.js';
import { attributes, unescapeCellText as unescapeXml } from './_xml.js';
import type { Grid, GridBook } from './grid.js';

/**
 * A reader specialised to what read-back needs: it inflates only the workbook, its relationships,
 * shared strings, styles and the worksheets asked for, and scans their XML for cells. No DOM, no
 * model of styles, drawings or formulas beyond their cached results.
 */
export function readXlsx(source: Uint8Array | ZipArchive, inflate?: Inflate): XlsxBook {
  const zip = source instanceof ZipArchive ? source : ZipArchive.open(source);
  if (!(zip instanceof ZipArchive)) throw new Error(zip.code === 'file-corrupt' ? zip.detail : 'not a zip archive');
  return new XlsxBook(zip, inflate);
}

const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);
const EMPTY: RawCell = { kind: 'empty' };
const decoder = new TextDecoder();

export class XlsxBook implements GridBook {
  private readonly sheetParts: ReadonlyMap<string, string>;
  private readonly strings: string[];
  private readonly styles: Styles;
  private readonly grids = new Map<string, Grid>();

  constructor(
    private readonly zip: ZipArchive,
    private readonly inflate?: Inflate,
  ) {
    this.sheetParts = sheetPartsOf(zip, inflate);
    this.strings = sharedStrings(text(zip.read('xl/sharedStrings.xml', inflate)));
    this.styles = new Styles(() => text(zip.read('xl/styles.xml', inflate)));
  }

  get sheetNames(): string[] {
    return [...this.sheetParts.keys()];
  }

  sheet(name: string): Grid | undefined {
    const cached = this.grids.get(name);
    if (cached) return cached;
    const part = this.sheetParts.get(name);
    if (part === undefined) return undefined;
    const xml = text(this.zip.read(part, this.inflate));
    if (!/<(\w+:)?worksheet\b/.test(xml)) throw new Error(`${part} is missing or damaged`);
    const grid = scanSheet(name, xml, this.strings, this.styles);
    this.grids.set(name, grid);
    return grid;
  }
}

/** The workbook's cell styles, read from styles.xml the first time a number's format is asked for. */
class Styles {
  private percent: readonly boolean[] | undefined;

  constructor(private readonly xml: () => string) {}

  /** Whether cell style `index` shows numbers as percentages. */
  isPercent(index: number): boolean {
    this.percent ??= percentStyles(this.xml());
    return this.percent[index] ?? false;
  }
}

/** A number cell; its format is looked up only when read (figures of percentage targets), so most sheets never parse their styles. */
class NumberCell {
  readonly kind = 'number';

  constructor(
    readonly value: number,
    private readonly style: number,
    private readonly styles: Styles,
  ) {}

  get percentFormat(): boolean {
    return this.styles.isPercent(this.style);
  }
}

const SHEET_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'] as const;

/** The last sheet list read and the stored parts it came from: sheets made from one template share them byte for byte. */
let remembered: { parts: (StoredPart | undefined)[]; sheetParts: ReadonlyMap<string, string> } | undefined;

/** Sheet name → worksheet part, from the workbook and its relationships. */
function sheetPartsOf(zip: ZipArchive, inflate: Inflate | undefined): ReadonlyMap<string, string> {
  const parts = SHEET_PARTS.map((name) => zip.stored(name));
  if (remembered && parts.every((p, i) => sameStored(p, remembered?.parts[i]))) return remembered.sheetParts;
  const [workbook = '', rels = ''] = SHEET_PARTS.map((name) => text(zip.read(name, inflate)));
  const sheetParts = parseSheetParts(workbook, rels);
  // Copies, so that the file's bytes are not kept alive.
  remembered = { parts: parts.map((p) => p && { ...p, data: p.data.slice() }), sheetParts };
  return sheetParts;
}

function sameStored(a: StoredPart | undefined, b: StoredPart | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.method !== b.method || a.size !== b.size || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

function parseSheetParts(workbook: string, rels: string): Map<string, string> {
  if (!/<(\w+:)?workbook\b/.test(workbook)) throw new Error('xl/workbook.xml is missing or damaged');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const attrs = attributes(m[1] as string);
    if (attrs['Id'] && attrs['Target']) targets.set(attrs['Id'], attrs['Target']);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = attributes(m[1] as string);
    const target = targets.get(attrs['r:id'] ?? '');
    if (attrs['name'] !== undefined && target) parts.set(unescapeXml(attrs['name']), partPath(target));
  }
  if (parts.size === 0) throw new Error('the workbook lists no sheets');
  return parts;
}

const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** The attributes of a cell tag that read-back uses, reused from cell to cell; `key` is the address as a number. */
const tag = { key: -1, style: 0, type: 'n' };

/**
 * Cells by address, found with indexOf and read char by char: no regular expression, match array
 * or copy of an element per cell (a sheet has hundreds of cells and a consolidation thousands of sheets).
 */
function scanSheet(name: string, xml: string, strings: readonly string[], styles: Styles): Grid {
  const cells = new Map<number, RawCell>();
  const content = new Set<number>();
  let maxRow = 0;
  for (let at = xml.indexOf('<c ', 0); at >= 0; at = xml.indexOf('<c ', at + 1)) {
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) break;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === SLASH;
    readCellTag(xml, at + 3, selfClosing ? tagEnd - 1 : tagEnd);
    let raw = EMPTY;
    at = tagEnd;
    if (!selfClosing) {
      const close = xml.indexOf('</c>', tagEnd);
      if (close < 0) break;
      raw = cellValue(xml, tagEnd + 1, close, strings, styles);
      at = close;
    }
    if (tag.key < 0) continue;
    const row = rowOfKey(tag.key);
    if (row > maxRow) maxRow = row;
    cells.set(tag.key, raw);
    if (raw.kind === 'number' || (raw.kind !== 'empty' && raw.value.trim() !== '')) content.add(row);
  }
  // A merged cell reads as its top-left cell, as spreadsheet applications show it.
  for (let at = xml.indexOf('<mergeCell '); at >= 0; at = xml.indexOf('<mergeCell ', at + 11)) {
    const box = parseBox(attributes(xml.slice(at + 11, xml.indexOf('>', at)))['ref'] ?? '');
    if (!box) continue;
    const master = cells.get(cellKey(box.left, box.top)) ?? EMPTY;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) if (r !== box.top || c !== box.left) cells.set(cellKey(c, r), master);
    }
  }
  return {
    name,
    cell: (address) => cells.get(refKey(address, 0, address.length)) ?? EMPTY,
    maxRow,
    rowHasContent: (row) => content.has(row),
  };
}

/** Excel's largest column; keys are row × this + column. */
const COLUMNS = 16384;
const cellKey = (column: number, row: number): number => row * COLUMNS + column;
const rowOfKey = (key: number): number => Math.floor(key / COLUMNS);

/** The key of the A1 address s[from, to) (no $), or -1 when it is not one. */
function refKey(s: string, from: number, to: number): number {
  let column = 0;
  let row = 0;
  let i = from;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    column = column * 26 + (c - 0x40);
  }
  if (i === from || i === to || column > COLUMNS) return -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    row = row * 10 + (c - 0x30);
  }
  return row === 0 ? -1 : cellKey(column, row);
}

/** Reads r, s and t of the cell tag between `from` and `to` into `tag`, in any order and with either quote. */
function readCellTag(xml: string, from: number, to: number): void {
  tag.key = -1;
  tag.style = 0;
  tag.type = 'n';
  for (let i = from; i < to; ) {
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    let start = i;
    while (start < eq && xml.charCodeAt(start) <= 0x20) start++;
    let end = eq;
    while (end > start && xml.charCodeAt(end - 1) <= 0x20) end--;
    let open = eq + 1;
    while (open < to && xml.charCodeAt(open) <= 0x20) open++;
    const quote = xml.charCodeAt(open);
    if (quote !== QUOTE && quote !== APOSTROPHE) return;
    const close = xml.indexOf(quote === QUOTE ? '"' : "'", open + 1);
    if (close < 0 || close > to) return;
    if (end - start === 1) {
      const attribute = xml.charCodeAt(start);
      if (attribute === 0x72) tag.key = refKey(xml, open + 1, close);
      else if (attribute === 0x73) tag.style = integer(xml, open + 1, close);
      else if (attribute === 0x74) tag.type = xml.slice(open + 1, close);
    }
    i = close + 1;
  }
}

function integer(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (xml.charCodeAt(i) - 0x30);
  return n;
}

/** The text between `open` and `close` inside xml[from, to), or undefined. */
function between(xml: string, from: number, to: number, open: string, close: string): string | undefined {
  const start = xml.indexOf(open, from);
  if (start < 0 || start >= to) return undefined;
  const end = xml.indexOf(close, start + open.length);
  return end < 0 || end > to ? undefined : xml.slice(start + open.length, end);
}

/** The value of the cell whose body is xml[from, to), by the type and style in `tag`. */
function cellValue(xml: string, from: number, to: number, strings: readonly string[], styles: Styles): RawCell {
  const type = tag.type;
  if (type === 'inlineStr') return textCell(runsText(between(xml, from, to, '<is>', '</is>') ?? ''));
  const v = between(xml, from, to, '<v>', '</v>');
  if (v === undefined) {
    const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(xml.slice(from, to))?.[1];
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
      return new NumberCell(Number(v), tag.style, styles);
    }
  }
}

const textCell = (value: string): RawCell => (value === '' ? EMPTY : { kind: 'text', value });

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (let at = xml.indexOf('<si>'); at >= 0; at = xml.indexOf('<si>', at + 4)) {
    const end = xml.indexOf('</si>', at);
    if (end < 0) break;
    // Most items are one plain run: <t>…</t> or <t xml:space="preserve">…</t>.
    const open = xml.indexOf('>', at + 4);
    const runEnd = end - 4;
    const plain = xml.startsWith('<t', at + 4) && xml.charCodeAt(open - 1) !== SLASH && xml.indexOf('<', open) === runEnd && xml.startsWith('</t>', runEnd);
    out.push(plain ? unescapeXml(xml.slice(open + 1, runEnd)) : runsText(xml.slice(at + 4, end)));
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
