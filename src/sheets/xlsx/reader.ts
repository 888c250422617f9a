import type { RawCell } from '../../core/entry.js';
import type { Grid, GridBook } from './grid.js';
import { resolvePart } from './package.js';
import { parseBox, type Box } from './range.js';
import { damaged, openXlsx, type Inflate, type StoredPart, type ZipArchive } from './zip.js';
import { attributes, decodeQuotes, replaceElements, unescapeCellText as unescapeXml } from './xml.js';

/** Workbooks larger than this unzipped are refused before any parsing (a zip bomb is a few MB). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

export interface OpenOptions {
  /** A faster inflater where the platform has one (Node's zlib); fflate otherwise. */
  readonly inflate?: Inflate;
  /** Kept by a caller that opens many workbooks: sheets made from one template share their sheet list. */
  readonly cache?: WorkbookCache;
}

/**
 * Opens an .xlsx with a reader specialised to what read-back needs: it inflates only the workbook, its
 * relationships, shared strings and the worksheets asked for (styles when a percentage asks for them),
 * and scans their XML for cells. No DOM, no model of styles, drawings or formulas beyond their cached results.
 * Throws WorkbookError (not an xlsx, corrupt, too large), also later from `sheet()` for a damaged sheet.
 */
export function openWorkbook(bytes: Uint8Array, options: OpenOptions = {}): XlsxBook {
  return new XlsxBook(openXlsx(bytes, MAX_UNZIPPED_BYTES), options.inflate, options.cache);
}

/** The last sheet list read and the stored parts it came from; one per run of many workbooks. */
export class WorkbookCache {
  last: { readonly parts: readonly (StoredPart | undefined)[]; readonly sheetParts: ReadonlyMap<string, string> } | undefined;
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
    cache: WorkbookCache = new WorkbookCache(),
  ) {
    this.sheetParts = sheetPartsOf(zip, inflate, cache);
    const strings = zip.read('xl/sharedStrings.xml', inflate);
    this.strings = sharedStrings(text(strings && decodeQuotes(strings)));
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
    if (!/<(\w+:)?worksheet\b/.test(xml)) throw damaged({ reason: 'part-damaged', part });
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

/** Sheet name → worksheet part, from the workbook and its relationships; the cached list when those parts are byte-identical. */
function sheetPartsOf(zip: ZipArchive, inflate: Inflate | undefined, cache: WorkbookCache): ReadonlyMap<string, string> {
  const parts = SHEET_PARTS.map((name) => zip.stored(name));
  const last = cache.last;
  if (last && parts.every((p, i) => sameStored(p, last.parts[i]))) return last.sheetParts;
  const [workbook = '', rels = ''] = SHEET_PARTS.map((name) => text(zip.read(name, inflate)));
  const sheetParts = parseSheetParts(workbook, rels);
  // Copies, so that the file's bytes are not kept alive.
  cache.last = { parts: parts.map((p) => p && { ...p, data: p.data.slice() }), sheetParts };
  return sheetParts;
}

function sameStored(a: StoredPart | undefined, b: StoredPart | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.method !== b.method || a.size !== b.size || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

function parseSheetParts(workbook: string, rels: string): Map<string, string> {
  if (!/<(\w+:)?workbook\b/.test(workbook)) throw damaged({ reason: 'part-damaged', part: 'xl/workbook.xml' });
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^<>]*)\/?>/g)) {
    const attrs = attributes(m[1] as string);
    if (attrs['Id'] && attrs['Target']) targets.set(attrs['Id'], attrs['Target']);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^<>]*)\/?>/g)) {
    const attrs = attributes(m[1] as string);
    const target = targets.get(attrs['r:id'] ?? '');
    if (attrs['name'] !== undefined && target) parts.set(unescapeXml(attrs['name']), resolvePart('xl/workbook.xml', target));
  }
  if (parts.size === 0) throw damaged({ reason: 'no-sheets' });
  return parts;
}

const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const EQUALS = 0x3d;
const LT = 0x3c;
const GT = 0x3e;
const V = 0x76;

/** The attributes of a cell tag that read-back uses, reused from cell to cell of one sheet; row 0 for no address. */
interface CellTag {
  row: number;
  column: number;
  style: number;
  type: string;
  selfClosing: boolean;
}

const newTag = (): CellTag => ({ row: 0, column: 0, style: 0, type: 'n', selfClosing: false });

/**
 * Cells by address, read char by char in one pass: no regular expression, match array or copy
 * of an element per cell (a sheet has hundreds of cells and a consolidation thousands of sheets).
 */
function scanSheet(name: string, xml: string, strings: readonly string[], styles: Styles): Grid {
  // Rows of cells by column number: cheaper to fill and to look up than a map of addresses.
  const rows: RawCell[][] = [];
  const content: boolean[] = [];
  const tag = newTag();
  let maxRow = 0;
  let next = 0;
  for (let at = xml.indexOf('<c ', 0); at >= 0; at = startsAt(xml, next, '<c ') ? next : xml.indexOf('<c ', next)) {
    const tagEnd = readCellTag(xml, at + 3, tag);
    if (tagEnd < 0) break;
    let raw = EMPTY;
    next = tagEnd + 1;
    if (!tag.selfClosing) {
      const value = plainValueEnd(xml, next);
      if (value > 0) {
        // <v>…</v></c>, as nearly every cell is written.
        raw = tag.type === 's' ? textCell(strings[integer(xml, next + 3, value)] ?? '') : typedValue(xml.slice(next + 3, value), strings, styles, tag);
        next = value + 8;
      } else {
        const close = xml.indexOf('</c>', next);
        if (close < 0) break;
        raw = cellValue(xml, next, close, strings, styles, tag);
        next = close + 4;
      }
    }
    const { row, column } = tag;
    if (row === 0) continue;
    if (row > maxRow) maxRow = row;
    (rows[row] ??= [])[column] = raw;
    if (raw.kind === 'number' || (raw.kind !== 'empty' && visible(raw.value))) content[row] = true;
  }
  // A merged cell reads as its top-left cell, as spreadsheet applications show it. Merges follow the cells.
  for (let m = xml.indexOf('<mergeCell ', next); m >= 0; m = xml.indexOf('<mergeCell ', m + 11)) {
    const box = mergeBox(xml.slice(m + 11, xml.indexOf('>', m)), tag);
    if (!box) continue;
    const master = rows[box.top]?.[box.left] ?? EMPTY;
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) if (r !== box.top || c !== box.left) (rows[r] ??= [])[c] = master;
    }
  }
  const at = newTag();
  return {
    name,
    cell(address) {
      readRef(address, 0, address.length, at);
      return rows[at.row]?.[at.column] ?? EMPTY;
    },
    maxRow,
    rowHasContent: (row) => content[row] ?? false,
  };
}

/** xml.startsWith(literal, at), without a call into the runtime for the few chars between cells. */
function startsAt(xml: string, at: number, literal: string): boolean {
  for (let i = 0; i < literal.length; i++) if (xml.charCodeAt(at + i) !== literal.charCodeAt(i)) return false;
  return true;
}

/** Whether text has anything but white space, as trim() would tell; decided by the first char when it can be. */
function visible(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x3400 && c < 0xfeff)) return true;
  return text.trim() !== '';
}

/** Where </v> is when the cell body at `from` is exactly <v>…</v></c>; -1 otherwise. */
function plainValueEnd(xml: string, from: number): number {
  if (xml.charCodeAt(from) !== LT || xml.charCodeAt(from + 1) !== V || xml.charCodeAt(from + 2) !== GT) return -1;
  let end = from + 3;
  while (end < xml.length && xml.charCodeAt(end) !== LT) end++;
  return startsAt(xml, end, '</v></c>') ? end : -1;
}

/** The range of a mergeCell tag's attributes; the plain ref="A1:B2" form read in place. */
function mergeBox(attributeText: string, tag: CellTag): Box | undefined {
  const at = attributeText.indexOf('ref="');
  const ref = at >= 0 ? attributeText.slice(at + 5, attributeText.indexOf('"', at + 5)) : (attributes(attributeText)['ref'] ?? '');
  const colon = ref.indexOf(':');
  if (colon < 0) return parseBox(ref);
  readRef(ref, 0, colon, tag);
  const { row: top, column: left } = tag;
  readRef(ref, colon + 1, ref.length, tag);
  const { row: bottom, column: right } = tag;
  return top > 0 && bottom >= top && right >= left ? { left, top, right, bottom } : parseBox(ref);
}

/** Excel's largest column. */
const COLUMNS = 16384;

/** Reads the A1 address s[from, to) (no $) into tag.row and tag.column; row 0 when it is not one. */
function readRef(s: string, from: number, to: number, tag: CellTag): void {
  let column = 0;
  let row = 0;
  let i = from;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    column = column * 26 + (c - 0x40);
  }
  tag.row = 0;
  tag.column = column;
  if (i === from || i === to || column > COLUMNS) return;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return;
    row = row * 10 + (c - 0x30);
  }
  tag.row = row;
}

/**
 * Reads r, s and t of the cell tag whose attributes start at `from` into `tag` (any order, either quote,
 * spaces around =), and returns where the tag ends (its >), or -1.
 */
function readCellTag(xml: string, from: number, tag: CellTag): number {
  tag.row = 0;
  tag.style = 0;
  tag.type = 'n';
  const length = xml.length;
  let i = from;
  while (i < length) {
    let c = xml.charCodeAt(i);
    if (c <= 0x20) {
      i++;
      continue;
    }
    if (c === GT || c === SLASH) return tagEnd(xml, i, tag);
    const name = i;
    while (i < length && (c = xml.charCodeAt(i)) > 0x20 && c !== EQUALS && c !== GT && c !== SLASH) i++;
    const nameLength = i - name;
    while (i < length && xml.charCodeAt(i) <= 0x20) i++;
    if (xml.charCodeAt(i) !== EQUALS) return tagEnd(xml, i, tag);
    i++;
    while (i < length && xml.charCodeAt(i) <= 0x20) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== QUOTE && quote !== APOSTROPHE) return tagEnd(xml, i, tag);
    const value = ++i;
    while (i < length && xml.charCodeAt(i) !== quote) i++;
    if (nameLength === 1) {
      const attribute = xml.charCodeAt(name);
      if (attribute === 0x72) readRef(xml, value, i, tag);
      else if (attribute === 0x73) tag.style = integer(xml, value, i);
      else if (attribute === 0x74) tag.type = xml.slice(value, i);
    }
    i++;
  }
  return -1;
}

/** The > that ends the tag at or after `from`, noting whether it is self-closing. */
function tagEnd(xml: string, from: number, tag: CellTag): number {
  const end = xml.indexOf('>', from);
  tag.selfClosing = end > 0 && xml.charCodeAt(end - 1) === SLASH;
  return end;
}

/** The digits xml[from, to) as a number; -1 when they are not all digits. */
function integer(xml: string, from: number, to: number): number {
  if (from >= to) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
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
function cellValue(xml: string, from: number, to: number, strings: readonly string[], styles: Styles, tag: CellTag): RawCell {
  const type = tag.type;
  if (type === 'inlineStr') return textCell(runsText(between(xml, from, to, '<is>', '</is>') ?? ''));
  const v = between(xml, from, to, '<v>', '</v>');
  if (v === undefined) {
    const formula = /<f\b[^<>]*>([\s\S]*?)<\/f>/.exec(xml.slice(from, to))?.[1];
    return formula === undefined ? EMPTY : { kind: 'other', value: `=${unescapeXml(formula)}` };
  }
  return typedValue(v, strings, styles, tag);
}

/** A cell's <v> by its type. */
function typedValue(v: string, strings: readonly string[], styles: Styles, tag: CellTag): RawCell {
  switch (tag.type) {
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

/** The texts of a shared-strings part, in order. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (let at = xml.indexOf('<si'); at >= 0; at = xml.indexOf('<si', at + 1)) {
    const next = xml.charCodeAt(at + 3);
    if (next !== GT && next !== SLASH && next > 0x20) continue; // another element, such as <sil…>
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(tagEnd - 1) === SLASH) {
      // <si/>: an empty item still takes its index.
      out.push('');
      continue;
    }
    const body = tagEnd + 1;
    const end = xml.indexOf('</si>', body);
    if (end < 0) break;
    // Most items are one plain run: <t>…</t> or <t xml:space="preserve">…</t>.
    const open = xml.indexOf('>', body);
    const runEnd = end - 4;
    const plain = xml.startsWith('<t', body) && xml.charCodeAt(open - 1) !== SLASH && xml.indexOf('<', open) === runEnd && xml.startsWith('</t>', runEnd);
    out.push(plain ? unescapeXml(xml.slice(open + 1, runEnd)) : runsText(xml.slice(body, end)));
    at = end;
  }
  return out;
}

/** The text of a string item: its <t> runs joined, phonetic guides (<rPh>) left out. */
export function runsText(item: string): string {
  // One pass, each element ended at its first end tag: hostile text with unclosed tags costs linear time.
  const visible = replaceElements(item, /<(rPh)\b/g, () => '');
  let out = '';
  for (let at = visible.indexOf('<t'); at >= 0; at = visible.indexOf('<t', at + 2)) {
    const next = visible.charCodeAt(at + 2);
    if (next !== GT && next !== SLASH && next > 0x20) continue; // another element, such as <tab…>
    const tagEnd = visible.indexOf('>', at);
    if (tagEnd < 0) break;
    if (visible.charCodeAt(tagEnd - 1) === SLASH) continue;
    const close = visible.indexOf('</t>', tagEnd);
    if (close < 0) break;
    out += unescapeXml(visible.slice(tagEnd + 1, close));
    at = close;
  }
  return out;
}

/** Which cell styles show numbers as percentages: built-in formats 9 and 10, or a custom code with %. */
function percentStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b([^<>]*)\/?>/g)) {
    const attrs = attributes(m[1] as string);
    custom.set(Number(attrs['numFmtId']), /%/.test(unescapeXml(attrs['formatCode'] ?? '').replace(/"[^"]*"|\\./g, '')));
  }
  const xfs = /<cellXfs\b[^<>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^<>]*?)\/?>/g)].map((m) => {
    const id = Number(attributes(m[1] as string)['numFmtId'] ?? 0);
    return BUILTIN_PERCENT_FORMATS.has(id) || (custom.get(id) ?? false);
  });
}

const text = (part: Uint8Array | undefined): string => (part === undefined ? '' : decoder.decode(part));
