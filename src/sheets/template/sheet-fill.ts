import type { TemplateLoss } from '../../core/code.js';
import type { SheetWording } from '../../core/locales/wording.js';
import { PLAN_CELL_PLACEHOLDERS } from '../../core/placeholder.js';
import type { CellValue, ProgressRow, ProgressSheet } from '../../core/progress-sheet.js';
import type { SheetRow } from '../metadata.js';
import { columnLetter, formatBox, parseBox, type Box } from '../xlsx/range.js';
import { translateFormula } from '../xlsx/reference.js';
import type { SharedStrings } from '../xlsx/strings.js';
import type { StyleSheet } from '../xlsx/styles.js';
import { cellStyle, cellText, type CellXml, type RowXml, type WorksheetXml } from '../xlsx/worksheet.js';
import { attribute, escapeText, findElement, findElements, mapAttribute, unescapeEntities, withAttribute } from '../xlsx/xml.js';
import { moveBox, shiftFormulasIn, shiftRow, shiftSqref, type Insertion } from './insertion.js';
import type { Layout } from './layout.js';
import { lightStyles, trafficLights } from './lights.js';
import { substitute } from './placeholder.js';
import { figureValidation, statusValidation } from './validation.js';

/** What a department entered in a row, to write into the sheet as it is generated. */
export interface EntryValues {
  readonly actual?: CellValue;
  readonly status?: string;
  readonly note?: string;
  readonly evidence?: string;
}

export interface SheetFill {
  readonly strings: SharedStrings;
  readonly styles: StyleSheet;
  readonly wording: SheetWording;
  readonly insertion: Insertion;
  readonly losses: TemplateLoss[];
  readonly entries: ReadonlyMap<string, EntryValues>;
}

const PLAN_CELLS: ReadonlySet<string> = new Set(PLAN_CELL_PLACEHOLDERS);
const ENTRY_TEXT = { 'entry.status': 'status', 'entry.note': 'note', 'entry.evidence': 'evidence' } as const;
const text = (v: CellValue): string => (v === null ? '' : String(v));

/**
 * Puts a computed sheet into the template's worksheet: header placeholders, the row template once per item (styles,
 * heights and formulas per row, plan cells locked, entry cells unlocked with their validations and lights), everything
 * below moved down, and protection. Returns each generated row for the metadata.
 */
export function fillRows(layout: Layout, content: ProgressSheet, fill: SheetFill): SheetRow[] {
  const ws = layout.sheet.xml;
  const { insertion: ins, strings } = fill;
  const own = layout.sheet.name;
  ws.expandSharedFormulas();
  const rows: RowXml[] = [];
  const meta: SheetRow[] = [];
  const added: { validations: string[]; lights: string[] } = { validations: [], lights: [] };
  const lights = lightStyles(fill.styles);
  let priority = maxPriority(ws) + 1;

  for (const row of ws.rows) {
    if (row.row !== layout.row) {
      const cells = row.cells.map((c) => header(shiftCell(c, ins, own, true), content.header, strings));
      rows.push({ row: shiftRow(row.row, ins), attributes: row.attributes, cells });
      continue;
    }
    content.rows.forEach((item, i) => {
      const n = layout.row + i;
      const filled = fillRow(layout, row, n, item, i + 1, fill);
      rows.push({ row: n, attributes: row.attributes, cells: filled.cells });
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
  moveTail(ws, layout, fill, added);
  return meta;
}

interface FilledRow {
  readonly cells: CellXml[];
  readonly meta: SheetRow;
  readonly validations: string[];
  readonly figure: { cell: string; rule: NonNullable<ProgressRow['figure']> } | undefined;
}

/** One copy of the row template, at row `n`, with the item's values. */
function fillRow(layout: Layout, template: RowXml, n: number, item: ProgressRow, number: number, fill: SheetFill): FilledRow {
  const { strings, styles, wording: w, insertion: ins } = fill;
  const byColumn = new Map([...layout.columns].map(([name, col]) => [col, name]));
  const values: Readonly<Record<string, CellValue>> = item.values;
  const entry = fill.entries.get(item.id) ?? {};
  const texts = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, text(v)]));
  const plan: Record<string, string> = {};
  const validations: string[] = [];
  let figure: FilledRow['figure'];
  const valueCell = (cell: CellXml, value: CellValue, locked: boolean): CellXml => {
    const s = styles.protection(cellStyle(cell), locked);
    const style = s === 0 ? '' : ` s="${s}"`;
    if (value === null || value === '') return { column: cell.column, attributes: style, content: '' };
    if (typeof value === 'number') return { column: cell.column, attributes: style, content: `<v>${value}</v>` };
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
      return copyCell(shiftCell(cell, ins, layout.sheet.name, false), n - layout.row);
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
      const s = styles.protection(cellStyle(cell), true);
      return { column: cell.column, attributes: s === 0 ? '' : ` s="${s}"`, content: `<f>${escapeText(`IF(ISNUMBER(${actual}),${actual}/${denominator},"")`)}</f>` };
    }
    // A placeholder plan-ledger does not know stays as the template wrote it.
    return { ...copyCell(cell, n - layout.row), attributes: withAttribute(cell.attributes, 's', String(styles.protection(cellStyle(cell), true))) };
  });
  return { cells, validations, figure, meta: { row: n, id: item.id, kind: item.kind, taskId: item.taskId, targetId: item.targetId, plan } };
}

/** A header or footer cell with the header placeholders in its text filled in. */
function header(cell: CellXml, values: Readonly<Record<string, string>>, strings: SharedStrings): CellXml {
  const shown = cellText(cell, strings);
  if (shown === undefined || !shown.includes('{{')) return cell;
  const filled = substitute(shown, values);
  if (filled === shown) return cell;
  return { column: cell.column, attributes: withAttribute(cell.attributes, 't', 's'), content: `<v>${strings.add(filled)}</v>` };
}

const FORMULA = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/;

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

function maxPriority(ws: WorksheetXml): number {
  let max = 0;
  for (const e of ws.elements('conditionalFormatting')) for (const m of e.xml.matchAll(/\spriority=["'](\d+)["']/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The elements after the cells: merges, formats, validations, links, filters, breaks and extensions moved; protection on. */
function moveTail(ws: WorksheetXml, layout: Layout, fill: SheetFill, added: { validations: string[]; lights: string[] }): void {
  const ins = fill.insertion;
  const own = layout.sheet.name;
  const merges = ws.element('mergeCells');
  if (merges) {
    const refs = findElements(merges.xml, 'mergeCell').flatMap((e) => {
      const ref = attribute(e.attributes, 'ref') ?? '';
      const box = parseBox(ref);
      if (!box) return [ref];
      if (box.top === layout.row && box.bottom === layout.row) return Array.from({ length: ins.added + 1 }, (_, i) => formatBox({ ...box, top: box.top + i, bottom: box.bottom + i }));
      if (box.top <= layout.row && box.bottom >= layout.row) {
        // Merged into the rows around it, the row template would hide its cells: the merge keeps only its rows above and below.
        fill.losses.push({ what: 'merge-across-row', range: ref });
        const parts = [
          { ...box, bottom: layout.row - 1 },
          { ...box, top: layout.row + 1, bottom: box.bottom },
        ].filter((b) => b.bottom >= b.top && (b.bottom > b.top || b.right > b.left));
        return parts.map((b) => formatBox(moveBox(b, ins)));
      }
      return [shiftSqref(ref, ins)];
    });
    ws.replace('mergeCells', [`<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`]);
  }
  const formats = ws.elements('conditionalFormatting').map((e) => moveSqref(shiftFormulasIn(e.xml, ins, own, 'formula'), 'conditionalFormatting', ins));
  ws.replace('conditionalFormatting', [...formats, ...added.lights]);
  ws.replace('dataValidations', validations(ws, layout, fill, added.validations));
  for (const name of ['hyperlinks', 'autoFilter']) {
    const e = ws.element(name);
    if (e) ws.replace(name, [mapAttribute(e.xml, undefined, 'ref', (ref) => shiftSqref(ref, ins))]);
  }
  const breaks = ws.element('rowBreaks');
  if (breaks) ws.replace('rowBreaks', [mapAttribute(breaks.xml, 'brk', 'id', (id) => String(shiftRow(Number(id), ins)))]);
  const ext = ws.element('extLst');
  if (ext) ws.replace('extLst', [moveExtensions(ext.xml, layout, fill)]);
  const protection = ws.element('sheetProtection');
  // Pictures and charts (objects) locked like the plan cells; formatting rows and columns left to the user.
  const attrs = protection ? (findElement(protection.xml, 'sheetProtection')?.attributes ?? '') : ' objects="1" scenarios="1" formatColumns="0" formatRows="0"';
  ws.replace('sheetProtection', [`<sheetProtection${withAttribute(attrs, 'sheet', '1')}/>`]);
}

/** An element's sqref attribute after the insertion. */
function moveSqref(xml: string, name: string, ins: Insertion): string {
  return mapAttribute(xml, name, 'sqref', (ref) => shiftSqref(ref, ins));
}

/**
 * Excel 2010 extensions (x14 conditional formats, validations, sparklines): their formulas and ranges moved, and the
 * entry cells taken out of their validations, as of the sheet's own.
 */
function moveExtensions(xml: string, layout: Layout, fill: SheetFill): string {
  const ins = fill.insertion;
  const holes = entryHoles(layout, ins);
  const moved = shiftFormulasIn(xml, ins, layout.sheet.name, 'xm:f').replace(/(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g, (_, a: string, ref: string, b: string) => `${a}${shiftSqref(ref, ins)}${b}`);
  return moved.replace(/<x14:dataValidation\b[\s\S]*?<\/x14:dataValidation>/g, (validation) => {
    const sqref = /<xm:sqref>([^<]*)<\/xm:sqref>/.exec(validation)?.[1];
    if (sqref === undefined) return validation;
    const kept = withoutHoles(sqref, holes, layout, fill);
    return kept === '' ? '' : validation.replace(`<xm:sqref>${sqref}</xm:sqref>`, `<xm:sqref>${kept}</xm:sqref>`);
  });
}

/**
 * The template's validations moved, without the entry cells plan-ledger validates itself (two validations on one cell make
 * Excel repair the file), then one per entry cell.
 */
function validations(ws: WorksheetXml, layout: Layout, fill: SheetFill, own: readonly string[]): string[] {
  const ins = fill.insertion;
  const element = ws.element('dataValidations');
  const holes = entryHoles(layout, ins);
  const kept: string[] = [];
  if (element) {
    for (const e of findElements(element.xml, 'dataValidation')) {
      let xml = element.xml.slice(e.start, e.end);
      for (const tag of ['formula1', 'formula2']) xml = shiftFormulasIn(xml, ins, layout.sheet.name, tag);
      const sqref = withoutHoles(shiftSqref(attribute(e.attributes, 'sqref') ?? '', ins), holes, layout, fill);
      if (sqref !== '') kept.push(mapAttribute(xml, 'dataValidation', 'sqref', () => sqref));
    }
  }
  const all = [...kept, ...own];
  if (all.length === 0) return [];
  const attrs = element ? withAttribute(findElement(element.xml, 'dataValidations')?.attributes ?? '', 'count', String(all.length)) : ` count="${all.length}"`;
  return [`<dataValidations${attrs}>${all.join('')}</dataValidations>`];
}

/** The entry cells plan-ledger validates itself: the figure and status columns over the filled rows. */
function entryHoles(layout: Layout, ins: Insertion): Box[] {
  return (['entry.actual', 'entry.status'] as const).flatMap((name) => {
    const col = layout.columns.get(name);
    return col === undefined ? [] : [{ left: col, right: col, top: layout.row, bottom: layout.row + ins.added }];
  });
}

/** An sqref less the holes, each hole taken out said once as a validation replaced; '' when nothing is left. */
function withoutHoles(sqref: string, holes: readonly Box[], layout: Layout, fill: SheetFill): string {
  return sqref
    .split(/\s+/)
    .flatMap((ref) => {
      const box = parseBox(ref);
      if (!box) return ref === '' ? [] : [ref];
      let parts: Box[] = [box];
      for (const hole of holes) {
        const next = parts.flatMap((p) => subtract(p, hole));
        if (next.length !== parts.length || next.some((b, i) => b !== parts[i])) fill.losses.push({ what: 'validation-replaced', cell: `${columnLetter(hole.left)}${layout.row}` });
        parts = next;
      }
      return parts.map(formatBox);
    })
    .join(' ');
}

/** A box less a hole: the box itself when they do not meet, else up to four boxes around the hole. */
function subtract(box: Box, hole: Box): Box[] {
  if (hole.left > box.right || hole.right < box.left || hole.top > box.bottom || hole.bottom < box.top) return [box];
  const out: Box[] = [];
  if (box.top < hole.top) out.push({ ...box, bottom: hole.top - 1 });
  if (box.bottom > hole.bottom) out.push({ ...box, top: hole.bottom + 1 });
  const top = Math.max(box.top, hole.top);
  const bottom = Math.min(box.bottom, hole.bottom);
  if (box.left < hole.left) out.push({ left: box.left, right: hole.left - 1, top, bottom });
  if (box.right > hole.right) out.push({ left: hole.right + 1, right: box.right, top, bottom });
  return out;
}
