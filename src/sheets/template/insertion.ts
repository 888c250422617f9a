import type { TemplateLoss } from '../../core/code.js';
import type { XlsxPackage } from '../xlsx/package.js';
import { formatBox, MAX_ROW, parseBox, type Box } from '../xlsx/range.js';
import { mapReferences, namesSheet, type Reference } from '../xlsx/reference.js';
import { SHARED, WorksheetXml } from '../xlsx/worksheet.js';
import { attribute, escapeText, mapAttribute, replaceElements, unescapeEntities } from '../xlsx/xml.js';

/** The row template of sheet `sheet` at row `row` becoming `added + 1` rows: what moves down, and by how much. */
export interface Insertion {
  readonly sheet: string;
  readonly row: number;
  readonly added: number;
}

/** A row's number after the insertion; what would move past the last row stays on it (a range down to the sheet's end). */
export const shiftRow = (n: number, ins: Insertion): number => (n > ins.row ? Math.min(n + ins.added, MAX_ROW) : n);

/** A box after the insertion: below it moves down, reaching the row template it stretches over the new rows, above it stays. */
export function shiftBox(box: Box, ins: Insertion): Box {
  return { ...box, top: shiftRow(box.top, ins), bottom: box.bottom >= ins.row ? Math.min(box.bottom + ins.added, MAX_ROW) : box.bottom };
}

/** Space-separated ranges (an sqref) after the insertion; without `stretch`, ranges only move (moveBox). */
export function shiftSqref(sqref: string, ins: Insertion, stretch = true): string {
  const shift = stretch ? shiftBox : moveBox;
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const box = parseBox(part);
      return box ? formatBox(shift(box, ins)) : part;
    })
    .join(' ');
}

/** A box after the insertion without stretching: each edge below the row template moves down (a copied row's references). */
export function moveBox(box: Box, ins: Insertion): Box {
  return { ...box, top: shiftRow(box.top, ins), bottom: shiftRow(box.bottom, ins) };
}

/**
 * A formula after the insertion; `ownSheet` is the sheet the formula stands on (unqualified references name it).
 * Ranges that reach the row template stretch over the new rows, unless `stretch` is false (formulas of the row template itself).
 */
export function shiftFormula(formula: string, ins: Insertion, ownSheet: string | undefined, stretch = true): string {
  if (ins.added === 0) return formula;
  // A single cell is a cell after the insertion too; only ranges stretch.
  const shift = (ref: Reference) => (stretch && ref.kind !== 'cell' ? shiftBox : moveBox)(ref.box, ins);
  return mapReferences(formula, (ref) => (ref.kind !== 'columns' && namesSheet(ref, ins.sheet, ownSheet) ? changed(ref.box, shift(ref)) : undefined));
}

const changed = (a: Box, b: Box): Box | undefined => (a.top === b.top && a.bottom === b.bottom ? undefined : b);

/** A formula as written in XML (escaped) after the insertion. */
export function shiftEscapedFormula(escaped: string, ins: Insertion, ownSheet: string | undefined, stretch = true): string {
  const formula = unescapeEntities(escaped);
  const shifted = shiftFormula(formula, ins, ownSheet, stretch);
  return shifted === formula ? escaped : escapeText(shifted);
}

/** Every <f> formula in a part's XML (cells, charts' <c:f>, extLst's <xm:f>) after the insertion. */
export function shiftFormulasIn(xml: string, ins: Insertion, ownSheet: string | undefined, tag = 'f', stretch = true): string {
  if (ins.added === 0) return xml;
  const pattern = new RegExp(`(<(?:\\w+:)?${tag}\\b[^<>]*>)([^<]*)(</(?:\\w+:)?${tag}>)`, 'g');
  return xml.replace(pattern, (whole, open: string, text: string, close: string) => {
    const shifted = shiftEscapedFormula(text, ins, ownSheet, stretch);
    return shifted === text ? whole : open + shifted + close;
  });
}

/** The parts that point at rows of the sheet, outside the sheet itself, and how each moves. */
export function shiftPackage(pkg: XlsxPackage, ins: Insertion, sheetPart: string, otherSheets: readonly string[], losses: TemplateLoss[]): void {
  shiftDefinedNames(pkg, ins);
  for (const part of otherSheets) {
    const original = pkg.text(part);
    if (original === undefined) continue;
    // A shared formula's cells are each the master's copy: written out, so that each moves by its own references.
    let xml = original;
    if (SHARED.test(xml)) {
      const sheet = WorksheetXml.parse(xml, part);
      sheet.expandSharedFormulas();
      xml = sheet.toString();
    }
    const written = xml;
    // Cells' formulas (and <xm:f> of Excel 2010 extensions), those of conditional formats and validations, and links.
    for (const tag of ['f', 'formula', 'formula1', 'formula2']) xml = shiftFormulasIn(xml, ins, undefined, tag);
    xml = shiftLocations(xml, ins, undefined);
    // A sheet none of whose formulas name the filled one is left as it was, shared formulas and all.
    if (xml !== written) pkg.set(part, xml);
  }
  for (const part of [...pkg.partsOfType(CHART), ...pkg.partsOfType(CHART_EX)]) shiftChart(pkg, part, ins, losses);
  for (const part of pkg.partsOfType(PIVOT_CACHE)) {
    const xml = pkg.require(part);
    const shifted = xml.replace(/<worksheetSource\b([^<>]*?)\/>/, (whole, attrs: string) =>
      attribute(attrs, 'sheet') === ins.sheet ? mapAttribute(whole, 'worksheetSource', 'ref', (ref) => shiftSqref(ref, ins)) : whole,
    );
    // The pivot table itself was computed from the old range: Excel refreshes it on open.
    if (shifted !== xml) pkg.set(part, shifted.replace(/<pivotCacheDefinition\b(?![^<>]*refreshOnLoad)/, '<pivotCacheDefinition refreshOnLoad="1"'));
  }
  for (const rel of pkg.relationships(sheetPart)) {
    if (rel.external) continue;
    const shift = RELATED[rel.type];
    if (shift) shift(pkg, rel.target, ins, losses);
    else if (!KEPT.has(rel.type)) losses.push({ what: 'part-kept', part: rel.target });
  }
}

/** Internal links' targets (location="'推进情况'!B7") after the insertion. */
export function shiftLocations(xml: string, ins: Insertion, ownSheet: string | undefined): string {
  return mapAttribute(xml, 'hyperlink', 'location', (location) => shiftEscapedFormula(location, ins, ownSheet).replaceAll('"', '&quot;'));
}

const CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CHART_EX = 'application/vnd.ms-office.chartex+xml';
const PIVOT_CACHE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml';

/** Related parts that hold nothing about rows: copied as they are. */
const KEPT = new Set(['printerSettings', 'image', 'hyperlink']);

type Shift = (pkg: XlsxPackage, part: string, ins: Insertion, losses: TemplateLoss[]) => void;

const RELATED: Readonly<Record<string, Shift>> = {
  drawing: shiftDrawing,
  comments: (pkg, part, ins, losses) => shiftRefAttributes(pkg, part, ins, losses, 'comment'),
  threadedComment: (pkg, part, ins, losses) => shiftRefAttributes(pkg, part, ins, losses, 'threadedComment'),
  vmlDrawing: shiftVml,
  table: (pkg, part, ins) => pkg.set(part, mapAttribute(pkg.require(part), '(?:table|autoFilter|sortState|sortCondition)', 'ref', (ref) => shiftSqref(ref, ins))),
  // A pivot table standing below the row template moves down with it.
  pivotTable: (pkg, part, ins) => pkg.set(part, mapAttribute(pkg.require(part), 'location', 'ref', (ref) => shiftSqref(ref, ins, false))),
};

function shiftDefinedNames(pkg: XlsxPackage, ins: Insertion): void {
  const workbook = pkg.require('xl/workbook.xml');
  pkg.set('xl/workbook.xml', shiftFormulasIn(workbook, ins, undefined, 'definedName'));
}

/** Chart series ranges: a column of the row template stretches over every row; a row of it cannot, and is said. */
function shiftChart(pkg: XlsxPackage, part: string, ins: Insertion, losses: TemplateLoss[]): void {
  const xml = pkg.text(part);
  if (xml === undefined) return;
  // Names and titles (<c:tx>) point at one cell: they move. Values and categories are the series: they stretch.
  let shifted = '';
  let last = 0;
  replaceElements(xml, /<((?:\w+:)?tx)>/g, (element, start) => {
    shifted += shiftSeries(xml.slice(last, start.index), ins, part, losses) + shiftFormulasIn(element, ins, undefined, 'f', false);
    last = start.index + element.length;
    return element;
  });
  pkg.set(part, shifted + shiftSeries(xml.slice(last), ins, part, losses));
}

/** The series ranges of a chart's XML: a column of the row template stretches over every row; a row of it cannot, and is said. */
function shiftSeries(xml: string, ins: Insertion, part: string, losses: TemplateLoss[]): string {
  return xml.replace(/(<(?:\w+:)?f\b[^<>]*>)([^<]*)(<\/(?:\w+:)?f>)/g, (whole, open: string, text: string, close: string) => {
    const formula = unescapeEntities(text);
    const result = mapReferences(formula, (ref: Reference) => {
      if (ref.kind === 'columns' || !namesSheet(ref, ins.sheet, undefined)) return undefined;
      const { box } = ref;
      if (box.top === ins.row && box.bottom === ins.row && box.right > box.left) {
        losses.push({ what: 'series-across-row', part, range: formula });
        return undefined;
      }
      // A series of one cell on the row template ($G$5, as Excel writes a one-row series) becomes the column of every row.
      return changed(box, ref.kind === 'cell' && box.top !== ins.row ? moveBox(box, ins) : shiftBox(box, ins));
    });
    return result === formula ? whole : open + escapeText(result) + close;
  });
}

/** Anchors of pictures and charts: below the row template they move down; spanning it, they grow (unless absolute or one-cell). */
function shiftDrawing(pkg: XlsxPackage, part: string, ins: Insertion, losses: TemplateLoss[]): void {
  const xml = pkg.require(part);
  const anchor = /<((?:\w+:)?(twoCellAnchor|oneCellAnchor))\b([^<>]*)>/g;
  const shifted = replaceElements(xml, anchor, (whole, start, inner) => {
    const [, name = '', kind, attrs = ''] = start;
    const editAs = /\beditAs="(\w+)"/.exec(attrs)?.[1] ?? 'twoCell';
    if (editAs === 'absolute') return whole;
    const from = anchorRow(inner, 'from');
    if (from === undefined) return whole;
    // Anchor rows are 0-based.
    if (from + 1 === ins.row) losses.push({ what: 'drawing-in-row', part, row: ins.row });
    const movedFrom = shiftRow(from + 1, ins) - 1;
    let out = setAnchorRow(inner, 'from', movedFrom);
    const to = anchorRow(inner, 'to');
    if (kind === 'twoCellAnchor' && to !== undefined) out = setAnchorRow(out, 'to', editAs === 'oneCell' ? to + movedFrom - from : shiftRow(to + 1, ins) - 1);
    return out === inner ? whole : `<${name}${attrs}>${out}</${name}>`;
  });
  pkg.set(part, shifted);
}

/** Where the row number of an anchor's from or to is: its digits' start and end in `inner`; undefined when it has none. */
function anchorRowAt(inner: string, which: 'from' | 'to'): { start: number; end: number } | undefined {
  const at = new RegExp(`<(?:\\w+:)?${which}>`).exec(inner);
  if (!at) return undefined;
  const row = /<(?:\w+:)?row>(\d+)</g;
  row.lastIndex = at.index;
  const m = row.exec(inner);
  if (!m) return undefined;
  const start = m.index + m[0].length - 1 - (m[1] as string).length;
  return { start, end: start + (m[1] as string).length };
}

function anchorRow(inner: string, which: 'from' | 'to'): number | undefined {
  const at = anchorRowAt(inner, which);
  return at && Number(inner.slice(at.start, at.end));
}

function setAnchorRow(inner: string, which: 'from' | 'to', row: number): string {
  const at = anchorRowAt(inner, which);
  return at ? inner.slice(0, at.start) + String(row) + inner.slice(at.end) : inner;
}

/** Comments by their cell: below the row template they move; on it, they stay with the first row, which is said. */
function shiftRefAttributes(pkg: XlsxPackage, part: string, ins: Insertion, losses: TemplateLoss[], element: string): void {
  const moved = mapAttribute(pkg.require(part), element, 'ref', (ref) => {
    const box = parseBox(ref);
    if (box && box.top === ins.row) losses.push({ what: 'comment-in-row', cell: ref });
    return box ? formatBox(moveBox(box, ins)) : ref;
  });
  pkg.set(part, moved);
}

/** The legacy drawing of comments: each note's row (0-based) and its anchor's rows. */
function shiftVml(pkg: XlsxPackage, part: string, ins: Insertion): void {
  const xml = pkg.require(part);
  const move = (row0: number) => shiftRow(row0 + 1, ins) - 1;
  const shifted = xml
    .replace(/(<(?:\w+:)?Row>)(\d+)(<\/(?:\w+:)?Row>)/g, (_, a: string, n: string, b: string) => `${a}${move(Number(n))}${b}`)
    .replace(/(<(?:\w+:)?Anchor>)([^<]*)(<\/(?:\w+:)?Anchor>)/g, (whole, a: string, text: string, b: string) => {
      const parts = text.split(',').map((s) => s.trim());
      if (parts.length !== 8) return whole;
      const top = Number(parts[2]);
      const bottom = Number(parts[6]);
      const moved = move(top);
      parts[2] = String(moved);
      parts[6] = String(bottom + moved - top);
      return `${a}${parts.join(', ')}${b}`;
    });
  pkg.set(part, shifted);
}
