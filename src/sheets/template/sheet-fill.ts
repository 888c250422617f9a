import type { TemplateLoss } from '../../core/code.js';
import { rowHeight, wrappedLines } from '../../core/fit.js';
import type { SheetWording } from '../../core/locales/wording.js';
import { PLAN_CELL_PLACEHOLDERS, SIGN_PLACEHOLDERS, type SignPlaceholder } from '../../core/placeholder.js';
import type { EntryValues } from '../../core/entry.js';
import type { CellValue, ProgressRow, ProgressSheet } from '../../core/progress-sheet.js';
import type { Reporter } from '../../core/reporter.js';

export type { EntryValues } from '../../core/entry.js';
import type { SheetRow } from '../metadata.js';
import { columnLetter, formatBox, parseBox } from '../xlsx/range.js';
import { translateFormula } from '../xlsx/reference.js';
import type { SharedStrings } from '../xlsx/strings.js';
import type { StyleSheet } from '../xlsx/styles.js';
import { cellStyle, cellText, FORMULA, WorksheetXml, type CellXml, type RowXml } from '../xlsx/worksheet.js';
import { attribute, attributes, escapeText, findElement, findElements, mapAttribute, unescapeEntities, withAttribute } from '../xlsx/xml.js';
import { shiftFormulasIn, shiftRow, shiftSqref, type Insertion } from './insertion.js';
import type { Layout } from './layout.js';
import { lightStyles, trafficLights } from './lights.js';
import { maxPriority, moveTail } from './tail.js';
import { placeholdersIn, soloPlaceholder, substitute } from './placeholder.js';
import { figureValidation, statusValidation } from './validation.js';


export interface SheetFill {
  readonly strings: SharedStrings;
  readonly styles: StyleSheet;
  readonly wording: SheetWording;
  readonly insertion: Insertion;
  readonly losses: TemplateLoss[];
  readonly entries: ReadonlyMap<string, EntryValues>;
  readonly reporter?: Reporter;
}

const PLAN_CELLS: ReadonlySet<string> = new Set(PLAN_CELL_PLACEHOLDERS);
const SIGN_CELLS: ReadonlySet<string> = new Set(SIGN_PLACEHOLDERS);
const SIGNED = { 'reporter.name': 'name', 'reporter.phone': 'phone', 'reporter.date': 'date' } as const satisfies Record<SignPlaceholder, keyof Reporter>;
const ENTRY_TEXT = { 'entry.status': 'status', 'entry.note': 'note', 'entry.evidence': 'evidence' } as const;
const text = (v: CellValue): string => (v === null ? '' : String(v));

/** Where the signature block's cells ended up, for read-back: placeholder → A1 address. */
export type SignCells = Partial<Record<SignPlaceholder, string>>;

/**
 * Puts a computed sheet into the template's worksheet: header placeholders, the row template once per item (styles,
 * heights and formulas per row, plan cells locked, entry cells unlocked with their validations and lights), the
 * signature block's cells emptied and unlocked, everything below moved down, and protection. Returns each generated
 * row and where the signature cells are, for the metadata.
 */
export function fillRows(layout: Layout, content: ProgressSheet, fill: SheetFill): { rows: SheetRow[]; sign: SignCells } {
  const ws = layout.sheet.xml;
  const { insertion: ins, strings } = fill;
  const own = layout.sheet.name;
  ws.expandSharedFormulas();
  const rows: RowXml[] = [];
  const meta: SheetRow[] = [];
  const added: { validations: string[]; lights: string[] } = { validations: [], lights: [] };
  const lights = lightStyles(fill.styles);
  let priority = maxPriority(ws) + 1;
  const byColumn = new Map([...layout.columns].map(([name, col]) => [col, name]));
  const fit = { widths: columnWidths(ws.head), lines: 1 };

  const sign: SignCells = {};
  // A signature placeholder inside other text (填报人:{{reporter.name}}) cannot be an input cell: it is left blank.
  const values = { ...content.header, ...Object.fromEntries(SIGN_PLACEHOLDERS.map((name) => [name, ''])) };
  for (const row of ws.rows) {
    if (row.row !== layout.row) {
      const at = shiftRow(row.row, ins);
      const cells = row.cells.map((c) => {
        const name = soloPlaceholder(cellText(c, strings) ?? '');
        if (name === undefined || !SIGN_CELLS.has(name) || sign[name as SignPlaceholder] !== undefined) return header(shiftCell(c, ins, own, true), values, strings);
        sign[name as SignPlaceholder] = `${columnLetter(c.column)}${at}`;
        const style = fill.styles.protection(cellStyle(c), false);
        const s = style === 0 ? '' : ` s="${style}"`;
        const given = fill.reporter?.[SIGNED[name as SignPlaceholder]] ?? '';
        return { column: c.column, attributes: given === '' ? s : `${s} t="s"`, content: given === '' ? '' : `<v>${strings.add(given)}</v>` };
      });
      rows.push({ row: at, attributes: row.attributes, cells });
      continue;
    }
    // The row template's formulas moved by the insertion once; each copy then translates them to its row.
    const template = { ...row, cells: row.cells.map((c) => (byColumn.has(c.column) || layout.mixed.has(c.column) ? c : shiftCell(c, ins, own, false))) };
    content.rows.forEach((item, i) => {
      const n = layout.row + i;
      fit.lines = 1;
      const filled = fillRow(layout, byColumn, template, n, item, i + 1, fill, fit);
      rows.push({ row: n, attributes: fittedHeight(row.attributes, fit.lines), cells: filled.cells });
      meta.push(filled.meta);
      added.validations.push(...filled.validations);
      if (filled.figure) {
        const light = trafficLights(filled.figure.cell, filled.figure.rule, lights, priority);
        added.lights.push(light.xml);
        priority = light.next;
      }
    });
  }
  ws.rows = rows;
  ws.head = mapAttribute(ws.head, 'dimension', 'ref', (ref) => shiftSqref(ref, ins));
  moveTail(ws, layout, fill.insertion, fill.losses, added);
  fillPageHeaders(ws, content.header);
  return { rows: meta, sign };
}

interface FilledRow {
  readonly cells: CellXml[];
  readonly meta: SheetRow;
  readonly validations: string[];
  readonly figure: { cell: string; rule: NonNullable<ProgressRow['figure']> } | undefined;
}

/** One copy of the row template, at row `n`, with the item's values. */
function fillRow(layout: Layout, byColumn: ReadonlyMap<number, string>, template: RowXml, n: number, item: ProgressRow, number: number, fill: SheetFill, fit: Fit): FilledRow {
  const { strings, styles, wording: w } = fill;
  const values: Readonly<Record<string, CellValue>> = item.values;
  const entry = fill.entries.get(item.id) ?? {};
  const texts = layout.mixed.size === 0 ? {} : Object.fromEntries(Object.entries(values).map(([k, v]) => [k, text(v)]));
  const plan: Record<string, string> = {};
  const validations: string[] = [];
  let figure: FilledRow['figure'];
  const styleOf = (cell: CellXml, locked: boolean): string => {
    const s = styles.protection(cellStyle(cell), locked);
    return s === 0 ? '' : ` s="${s}"`;
  };
  const valueCell = (cell: CellXml, value: CellValue, locked: boolean): CellXml => {
    const style = styleOf(cell, locked);
    if (value === null || value === '') return { column: cell.column, attributes: style, content: '' };
    if (typeof value === 'number') return { column: cell.column, attributes: style, content: `<v>${value}</v>` };
    if (styles.wraps(cellStyle(cell))) fit.lines = Math.max(fit.lines, wrappedLines(value, fit.widths.get(cell.column) ?? DEFAULT_WIDTH));
    return { column: cell.column, attributes: `${style} t="s"`, content: `<v>${strings.add(value)}</v>` };
  };

  const cells = template.cells.map((cell): CellXml => {
    const address = `${columnLetter(cell.column)}${n}`;
    const name = byColumn.get(cell.column);
    if (name === undefined) {
      const mixed = layout.mixed.get(cell.column);
      if (mixed !== undefined) {
        const shown = substitute(mixed, texts);
        plan[columnLetter(cell.column)] = shown;
        return { column: cell.column, attributes: withAttribute(cell.attributes, 't', 's'), content: `<v>${strings.add(shown)}</v>` };
      }
      return copyCell(cell, n - layout.row);
    }
    if (name in values) {
      const value = values[name] ?? null;
      if (PLAN_CELLS.has(name)) plan[columnLetter(cell.column)] = text(value);
      return valueCell(cell, value, true);
    }
    if (name === 'entry.actual') {
      if (!item.figure) return valueCell(cell, item.actual, true);
      validations.push(figureValidation(address, item.figure, number, w));
      figure = { cell: address, rule: item.figure };
      return valueCell(cell, entry.actual ?? null, false);
    }
    if (name in ENTRY_TEXT) {
      if (name === 'entry.status') validations.push(statusValidation(address, number, w));
      return valueCell(cell, entry[ENTRY_TEXT[name as keyof typeof ENTRY_TEXT]] ?? null, false);
    }
    if (name === 'completion') {
      if (!item.figure?.completion) return valueCell(cell, null, true);
      const actual = `${columnLetter(layout.columns.get('entry.actual') as number)}${n}`;
      const target = layout.columns.get('target.value');
      const denominator = target === undefined ? String(values['target.value']) : `${columnLetter(target)}${n}`;
      return { column: cell.column, attributes: styleOf(cell, true), content: `<f>${escapeText(`IF(ISNUMBER(${actual}),${actual}/${denominator},"")`)}</f>` };
    }
    // A placeholder plan-ledger does not know stays as the template wrote it.
    return { ...copyCell(cell, n - layout.row), attributes: withAttribute(cell.attributes, 's', String(styles.protection(cellStyle(cell), true))) };
  });
  return { cells, validations, figure, meta: { row: n, id: item.id, kind: item.kind, taskId: item.taskId, targetId: item.targetId, plan } };
}

/** Column widths of a worksheet (its <cols>), in digit widths, and the lines the tallest wrapped text of a row takes. */
interface Fit {
  readonly widths: ReadonlyMap<number, number>;
  lines: number;
}

const DEFAULT_WIDTH = 8.43; // Excel's, where <cols> says nothing

/** Each column's width as a worksheet's <cols> sets it. */
function columnWidths(head: string): Map<number, number> {
  const widths = new Map<number, number>();
  const cols = findElement(head, 'cols');
  if (!cols) return widths;
  for (const col of findElements(head, 'col', cols.open, cols.close)) {
    const a = attributes(col.attributes);
    const width = Number(a['width'] ?? DEFAULT_WIDTH);
    for (let c = Number(a['min'] ?? 0); c <= Number(a['max'] ?? 0) && c <= 16384; c++) widths.set(c, width);
  }
  return widths;
}

/**
 * A row copied from the row template, high enough for its wrapped text: spreadsheets that print it (LibreOffice)
 * keep a row's height as the file says, so the template's own height stands only where it is higher.
 */
function fittedHeight(attrs: string, lines: number): string {
  const needed = rowHeight(lines);
  const own = Number(attribute(attrs, 'ht'));
  if (own >= needed) return attrs;
  return withAttribute(withAttribute(attrs, 'ht', String(needed)), 'customHeight', '1');
}

/**
 * A sheet other than the progress sheet (a 填报说明 sheet) with the header placeholders in its cells, page headers and
 * footers filled in; undefined when it has none.
 */
export function fillOtherSheet(xml: string, part: string, values: Readonly<Record<string, string>>, strings: SharedStrings): string | undefined {
  const names = (text: string) => placeholdersIn(text).some((name) => name in values);
  if (!names(xml) && !strings.some(names)) return undefined;
  const ws = WorksheetXml.parse(xml, part);
  let changed = false;
  ws.rows = ws.rows.map((row) => {
    const cells = row.cells.map((c) => header(c, values, strings));
    if (cells.every((c, i) => c === row.cells[i])) return row;
    changed = true;
    return { ...row, cells };
  });
  const before = ws.element('headerFooter')?.xml;
  fillPageHeaders(ws, values);
  // Left byte for byte as it was unless something in it was filled in.
  return changed || ws.element('headerFooter')?.xml !== before ? ws.toString() : undefined;
}

/** Page headers and footers with the header placeholders filled in (& doubled: it starts a header code). */
export function fillPageHeaders(ws: WorksheetXml, values: Readonly<Record<string, string>>): void {
  const e = ws.element('headerFooter');
  if (!e || !e.xml.includes('{{')) return;
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeText(v.replaceAll('&', '&&'))]));
  ws.replace('headerFooter', [e.xml.replace(/>([^<]*\{\{[^<]*)</g, (_, text: string) => `>${substitute(text, escaped)}<`)]);
}

/** A header or footer cell with the header placeholders in its text filled in. */
function header(cell: CellXml, values: Readonly<Record<string, string>>, strings: SharedStrings): CellXml {
  const shown = cellText(cell, strings);
  if (shown === undefined || !shown.includes('{{')) return cell;
  const filled = substitute(shown, values);
  if (filled === shown) return cell;
  return { column: cell.column, attributes: withAttribute(cell.attributes, 't', 's'), content: `<v>${strings.add(filled)}</v>` };
}

/** A cell whose formula (and array range) has been moved by the insertion. */
function shiftCell(cell: CellXml, ins: Insertion, own: string, stretch: boolean): CellXml {
  if (!cell.content.includes('<f')) return cell;
  let content = shiftFormulasIn(cell.content, ins, own, 'f', stretch);
  // An array formula's range moves with its rows; on the row template each copy's range is its own (copyCell).
  if (stretch) content = mapAttribute(content, 'f', 'ref', (ref) => shiftSqref(ref, ins));
  return content === cell.content ? cell : { ...cell, content };
}

/** A cell of the row template copied `rows` rows down: relative references move, the cached result is dropped. */
function copyCell(cell: CellXml, rows: number): CellXml {
  const f = FORMULA.exec(cell.content);
  if (!f) return cell;
  const formula = translateFormula(unescapeEntities(f[2] ?? ''), rows, 0);
  let attrs = f[1] ?? '';
  const ref = attribute(attrs, 'ref');
  const box = ref === undefined ? undefined : parseBox(ref);
  if (box) attrs = withAttribute(attrs, 'ref', formatBox({ ...box, top: box.top + rows, bottom: box.bottom + rows }));
  return { column: cell.column, attributes: withAttribute(cell.attributes, 't', undefined), content: `<f${attrs}>${escapeText(formula)}</f>` };
}
