import type { TemplateLoss } from '../../core/code.js';
import { columnLetter, formatBox, parseBox, type Box } from '../xlsx/range.js';
import type { WorksheetXml } from '../xlsx/worksheet.js';
import { attribute, findElement, findElements, mapAttribute, replaceElements, withAttribute } from '../xlsx/xml.js';
import { moveBox, shiftFormulasIn, shiftLocations, shiftRow, shiftSqref, type Insertion } from './insertion.js';
import type { Layout } from './layout.js';

/** The highest priority of the sheet's conditional formats, so that the lights' come after them. */
export function maxPriority(ws: WorksheetXml): number {
  let max = 0;
  for (const e of ws.elements('conditionalFormatting')) for (const m of e.xml.matchAll(/\spriority=["'](\d+)["']/g)) max = Math.max(max, Number(m[1]));
  return max;
}

/** The elements after the cells: merges, formats, validations, links, filters, breaks and extensions moved; protection on. */
export function moveTail(ws: WorksheetXml, layout: Layout, ins: Insertion, losses: TemplateLoss[], added: { validations: string[]; lights: string[] }): void {
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
        losses.push({ what: 'merge-across-row', range: ref });
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
  const formats = ws.elements('conditionalFormatting').map((e) => mapAttribute(shiftFormulasIn(e.xml, ins, own, 'formula'), 'conditionalFormatting', 'sqref', (ref) => shiftSqref(ref, ins)));
  ws.replace('conditionalFormatting', [...formats, ...added.lights]);
  ws.replace('dataValidations', validations(ws, layout, ins, losses, added.validations));
  for (const name of ['hyperlinks', 'autoFilter', 'sortState', 'protectedRanges', 'ignoredErrors']) {
    const e = ws.element(name);
    if (!e) continue;
    const moved = mapAttribute(mapAttribute(e.xml, undefined, 'ref', (ref) => shiftSqref(ref, ins)), undefined, 'sqref', (ref) => shiftSqref(ref, ins));
    ws.replace(name, [name === 'hyperlinks' ? shiftLocations(moved, ins, layout.sheet.name) : moved]);
  }
  const breaks = ws.element('rowBreaks');
  if (breaks) ws.replace('rowBreaks', [mapAttribute(breaks.xml, 'brk', 'id', (id) => String(shiftRow(Number(id), ins)))]);
  const ext = ws.element('extLst');
  if (ext) ws.replace('extLst', [moveExtensions(ext.xml, layout, ins, losses)]);
  const protection = ws.element('sheetProtection');
  // Pictures and charts (objects) locked like the plan cells; formatting cells, rows and columns left to the user, and
  // to the add-in, which colours entry cells with problems without unprotecting the sheet (that would clear Excel's undo).
  const attrs = protection ? (findElement(protection.xml, 'sheetProtection')?.attributes ?? '') : ' objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0"';
  ws.replace('sheetProtection', [`<sheetProtection${withAttribute(attrs, 'sheet', '1')}/>`]);
}

/**
 * Excel 2010 extensions (x14 conditional formats, validations, sparklines): their formulas and ranges moved, and the
 * entry cells taken out of their validations, as of the sheet's own.
 */
function moveExtensions(xml: string, layout: Layout, ins: Insertion, losses: TemplateLoss[]): string {
  const holes = entryHoles(layout, ins);
  const moved = shiftFormulasIn(xml, ins, layout.sheet.name, 'xm:f').replace(/(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g, (_, a: string, ref: string, b: string) => `${a}${shiftSqref(ref, ins)}${b}`);
  const kept = replaceElements(moved, /<(x14:dataValidation)\b/g, (validation) => {
    const sqref = /<xm:sqref>([^<]*)<\/xm:sqref>/.exec(validation)?.[1];
    if (sqref === undefined) return validation;
    const rest = withoutHoles(sqref, holes, layout, losses);
    return rest === '' ? '' : validation.replace(`<xm:sqref>${sqref}</xm:sqref>`, `<xm:sqref>${rest}</xm:sqref>`);
  });
  // Their count, as what is left of them.
  return replaceElements(kept, /<(x14:dataValidations)\b/g, (list, _, inner) => mapAttribute(list, 'x14:dataValidations', 'count', () => String(findElements(inner, 'x14:dataValidation').length)));
}

/**
 * The template's validations moved, without the entry cells plan-ledger validates itself (two validations on one cell make
 * Excel repair the file), then one per entry cell.
 */
function validations(ws: WorksheetXml, layout: Layout, ins: Insertion, losses: TemplateLoss[], own: readonly string[]): string[] {
  const element = ws.element('dataValidations');
  const holes = entryHoles(layout, ins);
  const kept: string[] = [];
  if (element) {
    for (const e of findElements(element.xml, 'dataValidation')) {
      let xml = element.xml.slice(e.start, e.end);
      for (const tag of ['formula1', 'formula2']) xml = shiftFormulasIn(xml, ins, layout.sheet.name, tag);
      const sqref = withoutHoles(shiftSqref(attribute(e.attributes, 'sqref') ?? '', ins), holes, layout, losses);
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
function withoutHoles(sqref: string, holes: readonly Box[], layout: Layout, losses: TemplateLoss[]): string {
  return sqref
    .split(/\s+/)
    .flatMap((ref) => {
      const box = parseBox(ref);
      if (!box) return ref === '' ? [] : [ref];
      let parts: Box[] = [box];
      for (const hole of holes) {
        const next = parts.flatMap((p) => subtract(p, hole));
        if (next.length !== parts.length || next.some((b, i) => b !== parts[i])) losses.push({ what: 'validation-replaced', cell: `${columnLetter(hole.left)}${layout.row}` });
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
