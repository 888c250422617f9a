import { damaged } from './zip.js';
import { columnLetter, columnNumber } from './range.js';
import { runsText } from './reader.js';
import type { SharedStrings } from './strings.js';
import { translateFormula } from './reference.js';
import { attribute, escapeText, findElement, unescapeEntities, withAttribute } from './xml.js';

/** A cell's formula element: its attributes, and its text unless it is the empty element of a shared formula's cell. */
export const FORMULA = /<f\b([^<>]*?)(?:\/>|>([^<]*)<\/f>)/;

/** A cell of a shared formula, in either quote. */
export const SHARED = /\st\s*=\s*["']shared["']/;

/** A cell as written: its column, its attributes other than r, and its content (<f>, <v>, <is>) as XML. */
export interface CellXml {
  readonly column: number;
  readonly attributes: string;
  readonly content: string;
}

/** A row as written: its number, its attributes other than r, its cells in column order. */
export interface RowXml {
  readonly row: number;
  readonly attributes: string;
  readonly cells: readonly CellXml[];
}

/** A top-level element after the sheet's cells (mergeCells, conditionalFormatting, pageSetup, extLst …), as XML. */
export interface TailElement {
  readonly name: string;
  readonly xml: string;
}

/** Where each element after sheetData stands in a worksheet (ECMA-376 CT_Worksheet); Excel refuses them out of order. */
const TAIL_ORDER = [
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** A worksheet part split into what comes before its cells, its rows, and the elements after them; edited, then joined again. */
export class WorksheetXml {
  private constructor(
    /** Everything up to the cells: the root tag, sheetPr, dimension, sheetViews, cols, and <sheetData…>. */
    public head: string,
    public rows: RowXml[],
    public tail: TailElement[],
    /** The closing root tag and anything after it. */
    private readonly end: string,
  ) {}

  /** Throws WorkbookError (part-damaged) for a part that is not a worksheet of the main namespace without prefix. */
  static parse(xml: string, part: string): WorksheetXml {
    const root = findElement(xml, 'worksheet');
    const data = root && findElement(xml, 'sheetData', root.open);
    if (!root || !data) throw damaged({ reason: 'part-damaged', part });
    const rows = data.open === data.close ? [] : parseRows(xml.slice(data.open, data.close));
    const tail = parseTail(xml.slice(data.end, root.close));
    return new WorksheetXml(`${xml.slice(0, data.start)}<sheetData${data.attributes}>`, rows, tail, xml.slice(root.close));
  }

  /** A copy to edit: rows and elements are replaced, never changed in place, so they are shared. */
  copy(): WorksheetXml {
    return new WorksheetXml(this.head, this.rows, this.tail, this.end);
  }

  /** Shared formulas written out in full in every cell, so that rows can move and be copied one by one. */
  expandSharedFormulas(): void {
    if (!this.rows.some((r) => r.cells.some((c) => SHARED.test(c.content)))) return;
    const masters = new Map<string, { row: number; column: number; formula: string }>();
    for (const row of this.rows) {
      for (const c of row.cells) {
        const f = FORMULA.exec(c.content);
        const attrs = f?.[1] ?? '';
        if (f && attribute(attrs, 't') === 'shared' && f[2] !== undefined && attribute(attrs, 'ref') !== undefined) {
          masters.set(attribute(attrs, 'si') ?? '', { row: row.row, column: c.column, formula: unescapeEntities(f[2]) });
        }
      }
    }
    this.rows = this.rows.map((row) => ({
      ...row,
      cells: row.cells.map((c) => {
        const f = FORMULA.exec(c.content);
        if (!f || attribute(f[1] ?? '', 't') !== 'shared') return c;
        const master = masters.get(attribute(f[1] ?? '', 'si') ?? '');
        if (!master) return c;
        const formula = translateFormula(master.formula, row.row - master.row, c.column - master.column);
        return { ...c, content: c.content.replace(FORMULA, `<f>${escapeText(formula)}</f>`) };
      }),
    }));
  }

  /** The first element of the tail named `name`. */
  element(name: string): TailElement | undefined {
    return this.tail.find((e) => e.name === name);
  }

  /** Every element of the tail named `name` (conditionalFormatting may come many times). */
  elements(name: string): TailElement[] {
    return this.tail.filter((e) => e.name === name);
  }

  /** Replaces every element named `name` with `xml` (none for an empty list), where the schema puts them. */
  replace(name: string, xml: readonly string[]): void {
    const at = this.tail.findIndex((e) => e.name === name);
    const rest = this.tail.filter((e) => e.name !== name);
    const order = TAIL_ORDER.indexOf(name);
    let position = at >= 0 ? at : rest.findIndex((e) => TAIL_ORDER.indexOf(e.name) > order);
    if (position < 0) position = rest.length;
    rest.splice(position, 0, ...xml.map((x) => ({ name, xml: x })));
    this.tail = rest;
  }

  toString(): string {
    let out = this.head;
    for (const row of this.rows) out += rowXml(row);
    out += '</sheetData>';
    for (const e of this.tail) out += e.xml;
    return out + this.end;
  }
}

export function rowXml(row: RowXml): string {
  let out = `<row r="${row.row}"${row.attributes}>`;
  for (const c of row.cells) out += cellXml(row.row, c);
  return `${out}</row>`;
}

export function cellXml(row: number, c: CellXml): string {
  const ref = `${columnLetter(c.column)}${row}`;
  return c.content === '' ? `<c r="${ref}"${c.attributes}/>` : `<c r="${ref}"${c.attributes}>${c.content}</c>`;
}

function parseRows(xml: string): RowXml[] {
  const rows: RowXml[] = [];
  let previous = 0;
  for (let e = findElement(xml, 'row'); e; e = findElement(xml, 'row', e.end)) {
    const r = Number(attribute(e.attributes, 'r') ?? previous + 1);
    previous = r;
    rows.push({ row: r, attributes: withAttribute(e.attributes, 'r', undefined), cells: parseCells(xml.slice(e.open, e.close)) });
  }
  return rows;
}

function parseCells(xml: string): CellXml[] {
  const cells: CellXml[] = [];
  let previous = 0;
  for (let e = findElement(xml, 'c'); e; e = findElement(xml, 'c', e.end)) {
    const ref = attribute(e.attributes, 'r');
    const column = ref === undefined ? previous + 1 : columnNumber(/^[A-Za-z]*/.exec(ref)?.[0] ?? '');
    previous = column;
    cells.push({ column, attributes: withAttribute(e.attributes, 'r', undefined), content: xml.slice(e.open, e.close) });
  }
  return cells;
}

function parseTail(xml: string): TailElement[] {
  const out: TailElement[] = [];
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf('<', at);
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      at = end < 0 ? xml.length : end + 3;
      continue;
    }
    const name = /^<([\w:]+)/.exec(xml.slice(lt, lt + 64))?.[1];
    const e = name === undefined ? undefined : findElement(xml, name, lt);
    if (!name || !e || e.start !== lt) break;
    out.push({ name, xml: xml.slice(e.start, e.end) });
    at = e.end;
  }
  return out;
}

/** A cell's text when it holds text (a shared or an inline string); undefined for numbers, formulas and empty cells. */
export function cellText(cell: CellXml, strings: SharedStrings): string | undefined {
  const type = attribute(cell.attributes, 't');
  if (type === 's') {
    const v = /<v>([^<]*)<\/v>/.exec(cell.content)?.[1];
    return v === undefined ? undefined : strings.text(Number(v));
  }
  if (type === 'inlineStr') return runsText(/<is>([\s\S]*)<\/is>/.exec(cell.content)?.[1] ?? '');
  return undefined;
}

/** The cell's style index (0 when it has none). */
export const cellStyle = (cell: CellXml): number => Number(attribute(cell.attributes, 's') ?? 0);
