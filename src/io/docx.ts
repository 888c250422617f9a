import { unzipSync } from 'fflate';
import { PlanLedgerError } from '../core/error.js';
import { formatChineseNumeral } from '../core/numeral.js';
import { unescapeEntities as unescapeXml } from '../sheets/xlsx/xml.js';

const DOCUMENT = 'word/document.xml';
const NUMBERING = 'word/numbering.xml';
const STYLES = 'word/styles.xml';
const PARTS = new Set([DOCUMENT, NUMBERING, STYLES]);
const MAX_UNZIPPED = 200 * 1024 * 1024;

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  /** w:lvlRestart: the (1-based) level after which this one restarts; 0 never; undefined after any shallower level. */
  readonly restart: number | undefined;
  /** The paragraph style this level is linked to (w:pStyle), for styles that name a list but not its level. */
  readonly style: string | undefined;
}

/** A list instance (w:num): its abstract list, whose counters it shares, and the levels it restarts (w:startOverride). */
interface List {
  readonly abstractId: string;
  readonly levels: readonly Level[];
  readonly startOverrides: ReadonlyMap<number, number>;
}

interface Numbering {
  readonly lists: ReadonlyMap<string, List>;
  /** Paragraph style → the list and level its paragraphs are numbered by, following w:basedOn. */
  readonly styles: ReadonlyMap<string, { readonly numId: string | undefined; readonly ilvl: number | undefined }>;
}

/**
 * Text of a .docx in document order, a paragraph a line, with Word's automatic list numbers written out (一、 (一) 1.),
 * as plans number their tasks that way, whether set on the paragraph or by its style. A table is a line a row, its cells
 * parted by tabs as Word copies them, so that a task table (任务分工表) reads row by row: a cell merged down several rows
 * (区科委 leading three tasks) stands in each of them; a cell spanning columns stands in its first, so that a row across the
 * table (一、信息基础设施) has one cell filled.
 */
export function docxText(bytes: Uint8Array, file: string): string {
  let parts: Record<string, Uint8Array>;
  let total = 0;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        if (!PARTS.has(entry.name)) return false;
        total += entry.originalSize;
        if (total > MAX_UNZIPPED) throw new Error('too large');
        return true;
      },
    });
  } catch (cause) {
    if (total > MAX_UNZIPPED) throw new PlanLedgerError('docx-corrupt', { file, reason: 'too-large' }, { cause });
    const detail = String((cause as Error).message ?? cause);
    if (/invalid zip/i.test(detail)) throw new PlanLedgerError('docx-corrupt', { file, reason: 'truncated' }, { cause });
    throw new PlanLedgerError('docx-corrupt', { file, reason: 'unzip', detail }, { cause });
  }
  const documentXml = parts[DOCUMENT];
  if (!documentXml) throw new PlanLedgerError('docx-corrupt', { file, reason: 'no-document' });
  const decoder = new TextDecoder('utf-8');
  const decode = (part: string): string => {
    const b = parts[part];
    return b ? decoder.decode(b) : '';
  };
  const lists = readLists(decode(NUMBERING));
  const numbering: Numbering = { lists, styles: readStyles(decode(STYLES), lists) };
  return linesOf(decoder.decode(documentXml), new Counter(numbering)).join('\n');
}

// The body's tokens in order: tables, rows and cells open and close, a cell's properties, a paragraph.
const TOKEN = /<w:tbl[\s>]|<\/w:tbl>|<w:tr[\s>]|<\/w:tr>|<w:tc[\s>]|<\/w:tc>|<w:tcPr>[\s\S]*?<\/w:tcPr>|<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g;

interface Cell {
  span: number;
  /** Continues the merged cell above (w:vMerge without restart). */
  merged: boolean;
  readonly texts: string[];
}

function linesOf(xml: string, counter: Counter): string[] {
  const lines: string[] = [];
  let depth = 0;
  let row: Cell[] | undefined;
  let cell: Cell | undefined;
  // Each grid column's text in the row above, for vertically merged cells.
  let above: string[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const token = m[0];
    if (token.startsWith('<w:tbl')) {
      if (depth++ === 0) above = [];
    } else if (token === '</w:tbl>') {
      depth = Math.max(0, depth - 1);
    } else if (depth > 1) {
      // A table inside a cell: its text is the cell's.
      if (token.startsWith('<w:p') && cell) cell.texts.push(paragraphText(token, counter));
    } else if (token.startsWith('<w:tr')) {
      row = [];
    } else if (token === '</w:tr>') {
      if (row) {
        const grid = gridOf(row, above);
        above = grid;
        lines.push(grid.join('\t'));
      }
      row = undefined;
    } else if (token.startsWith('<w:tcPr')) {
      if (cell) {
        cell.span = Math.max(1, Number(/<w:gridSpan\s+w:val="(\d+)"/.exec(token)?.[1] ?? 1));
        const vMerge = /<w:vMerge(?:\s+w:val="(\w+)")?\s*\/>/.exec(token);
        cell.merged = vMerge !== null && vMerge[1] !== 'restart';
      }
    } else if (token.startsWith('<w:tc')) {
      cell = { span: 1, merged: false, texts: [] };
    } else if (token === '</w:tc>') {
      if (cell && row) row.push(cell);
      cell = undefined;
    } else if (cell) {
      cell.texts.push(paragraphText(token, counter));
    } else if (depth === 0) {
      lines.push(paragraphText(token, counter));
    }
  }
  return lines;
}

/** A row's text by grid column: a cell spanning columns fills its first and leaves the rest empty; a merged cell takes the text above. */
function gridOf(row: readonly Cell[], above: readonly string[]): string[] {
  const grid: string[] = [];
  for (const cell of row) {
    const at = grid.length;
    const own = cell.texts.map((t) => t.replace(/[\t\n]+/g, ' ').trim()).filter(Boolean).join(' ');
    for (let k = 0; k < cell.span; k++) grid.push(cell.merged ? (above[at + k] ?? '') : k === 0 ? own : '');
  }
  return grid;
}

function paragraphText(body: string, counter: Counter): string {
  let text = '';
  for (const run of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)(?:\s[^>]*)?\/>/g)) {
    text += run[1] !== undefined ? unescapeXml(run[1]) : run[2] === 'tab' ? '\t' : '\n';
  }
  const style = /<w:pStyle\s+w:val="([^"]*)"/.exec(body)?.[1];
  const numId = /<w:numId\s+w:val="(\d+)"/.exec(body)?.[1];
  const ilvl = /<w:ilvl\s+w:val="(\d+)"/.exec(body)?.[1];
  return counter.label(numId, ilvl === undefined ? undefined : Number(ilvl), style) + text;
}

/** Word's list counters: per abstract list, so list instances of one list go on counting, each level restarting as Word does. */
class Counter {
  private readonly counts = new Map<string, (number | undefined)[]>();
  private readonly used = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The number a paragraph shows: set on it (numId 0 turns its style's off), else by its style. */
  label(numId: string | undefined, ilvl: number | undefined, style: string | undefined): string {
    const byStyle = style === undefined ? undefined : this.numbering.styles.get(style);
    const id = numId ?? byStyle?.numId;
    if (id === undefined || id === '0') return '';
    const list = this.numbering.lists.get(id);
    if (!list) return '';
    const level = ilvl ?? (numId === undefined ? byStyle?.ilvl : undefined) ?? 0;
    const format = list.levels[level];
    if (!format || format.format === 'bullet' || format.format === 'none') return '';
    const count = this.counts.get(list.abstractId) ?? [];
    if (!this.used.has(id)) {
      this.used.add(id);
      for (const [l, start] of list.startOverrides) count[l] = start - 1;
    }
    const previous = count[level];
    count[level] = previous === undefined ? format.start : previous + 1;
    for (let k = level + 1; k < Math.max(count.length, list.levels.length); k++) {
      const restart = list.levels[k]?.restart;
      if (restart !== 0 && (restart === undefined || level <= restart - 1)) count[k] = undefined;
    }
    this.counts.set(list.abstractId, count);
    return format.text.replace(/%(\d)/g, (_, n: string) => {
      const k = Number(n) - 1;
      return formatNumber(count[k] ?? list.levels[k]?.start ?? 1, list.levels[k]?.format ?? 'decimal');
    });
  }
}

function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return formatChineseNumeral(value).replace(/^一十/, '十');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
    case 'decimalZero':
      return String(value).padStart(2, '0');
    case 'lowerLetter':
      return String.fromCharCode(96 + (((value - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((value - 1) % 26) + 1));
    default:
      return String(value);
  }
}

/** numId → its list, following w:num → w:abstractNum. */
function readLists(xml: string): Map<string, List> {
  const abstract = new Map<string, Level[]>();
  for (const a of xml.matchAll(/<w:abstractNum\s[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    abstract.set(a[1] as string, levelsOf(a[2] as string));
  }
  const lists = new Map<string, List>();
  for (const n of xml.matchAll(/<w:num\s[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const body = n[2] as string;
    const abstractId = /<w:abstractNumId\s+w:val="(\d+)"/.exec(body)?.[1];
    const levels = abstractId === undefined ? undefined : abstract.get(abstractId);
    if (abstractId === undefined || !levels) continue;
    const startOverrides = new Map<number, number>();
    for (const o of body.matchAll(/<w:lvlOverride\s+w:ilvl="(\d+)"\s*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = /<w:startOverride\s+w:val="(\d+)"/.exec(o[2] as string)?.[1];
      if (start !== undefined) startOverrides.set(Number(o[1]), Number(start));
    }
    lists.set(n[1] as string, { abstractId, levels, startOverrides });
  }
  return lists;
}

function levelsOf(xml: string): Level[] {
  const levels: Level[] = [];
  for (const l of xml.matchAll(/<w:lvl\s[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
    const body = l[2] as string;
    const restart = /<w:lvlRestart\s+w:val="(\d+)"/.exec(body)?.[1];
    levels[Number(l[1])] = {
      start: Number(/<w:start\s+w:val="(\d+)"/.exec(body)?.[1] ?? 1),
      format: /<w:numFmt\s+w:val="(\w+)"/.exec(body)?.[1] ?? 'decimal',
      text: unescapeXml(/<w:lvlText\s+w:val="([^"]*)"/.exec(body)?.[1] ?? ''),
      restart: restart === undefined ? undefined : Number(restart),
      style: /<w:pStyle\s+w:val="([^"]*)"/.exec(body)?.[1],
    };
  }
  return levels;
}

/** Paragraph styles that number their paragraphs (标题 1 → 一、), with what they inherit through w:basedOn. */
function readStyles(xml: string, lists: ReadonlyMap<string, List>): Map<string, { numId: string | undefined; ilvl: number | undefined }> {
  const own = new Map<string, { numId: string | undefined; ilvl: number | undefined; basedOn: string | undefined }>();
  for (const s of xml.matchAll(/<w:style\s([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /w:styleId="([^"]*)"/.exec(s[1] as string)?.[1];
    if (id === undefined || !/w:type="paragraph"/.test(s[1] as string)) continue;
    const body = s[2] as string;
    const numId = /<w:numId\s+w:val="(\d+)"/.exec(body)?.[1];
    const ilvl = /<w:ilvl\s+w:val="(\d+)"/.exec(body)?.[1];
    own.set(id, { numId, ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: /<w:basedOn\s+w:val="([^"]*)"/.exec(body)?.[1] });
  }
  const resolved = new Map<string, { numId: string | undefined; ilvl: number | undefined }>();
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = own.get(at)?.basedOn) {
      seen.add(at);
      const s = own.get(at);
      numId ??= s?.numId;
      ilvl ??= s?.ilvl;
    }
    if (numId === undefined) continue;
    // A style that names its list but not its level is the level linked to it (w:lvl/w:pStyle).
    ilvl ??= lists.get(numId)?.levels.findIndex((l) => l?.style === id);
    resolved.set(id, { numId, ilvl: ilvl === undefined || ilvl < 0 ? undefined : ilvl });
  }
  return resolved;
}
