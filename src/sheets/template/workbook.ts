import type { TemplateLoss } from '../../core/code.js';
import { META_SHEET, PLAN_SHEET } from '../json-sheet.js';
import type { Relationship, XlsxPackage } from '../xlsx/package.js';
import { attribute, escapeAttribute, escapeText, findElement, findElements, withAttribute } from '../xlsx/xml.js';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A sheet the workbook lists, and the relationship to its part. */
export interface WorkbookSheet {
  readonly name: string;
  readonly relationship: Relationship | undefined;
}

const WORKBOOK_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/**
 * A template saved as an Excel template (.xltx) or with macros (.xlsm, .xltm) made into a plain workbook: a sheet is written as
 * .xlsx, which Excel refuses to open with another content type. Macros are removed, and said.
 */
export function asWorkbook(pkg: XlsxPackage, rels: readonly Relationship[], losses: TemplateLoss[]): void {
  const type = pkg.contentType('xl/workbook.xml');
  if (type === undefined || type === WORKBOOK_TYPE) return;
  pkg.setContentType('xl/workbook.xml', WORKBOOK_TYPE);
  const macros = rels.find((r) => r.type === 'vbaProject');
  if (!macros) return;
  // With its signatures, which only macros have.
  for (const related of pkg.relationships(macros.target)) if (!related.external) pkg.remove(related.target);
  pkg.remove(macros.target);
  pkg.removeDefault('bin');
  pkg.unrelate('xl/workbook.xml', macros.id);
  losses.push({ what: 'macros-removed', part: macros.target });
}

/** The sheets the workbook lists, in order, each with its relationship. */
export function workbookSheets(workbook: string, rels: readonly Relationship[]): WorkbookSheet[] {
  const prefix = namespacePrefix(workbook, RELATIONSHIPS) ?? 'r';
  const byId = new Map(rels.map((r) => [r.id, r]));
  const list = findElement(workbook, 'sheets');
  if (!list) return [];
  return findElements(workbook, 'sheet', list.open, list.close).map((e) => ({
    name: attribute(e.attributes, 'name') ?? '',
    relationship: byId.get(attribute(e.attributes, `${prefix}:id`) ?? ''),
  }));
}

/** The prefix an element's document binds to a namespace URI (`r` for relationships, as Excel writes it). */
function namespacePrefix(xml: string, uri: string): string | undefined {
  return new RegExp(`xmlns:(\\w+)="${uri.replaceAll('.', '\\.').replaceAll('/', '\\/')}"`).exec(xml)?.[1];
}

export interface WorkbookEdit {
  readonly metaId: string;
  readonly planId: string;
  readonly sheetIndex: number;
  readonly sheetName: string;
  readonly headerRows: number;
}

/**
 * The workbook with the metadata and plan sheets listed (very hidden: Excel's menus cannot unhide them), print titles over the
 * header rows unless the template has its own, and formulas recalculated on open (the new rows' have no cached results).
 */
export function editWorkbook(xml: string, edit: WorkbookEdit): string {
  let out = listSheet(listSheet(xml, META_SHEET, edit.metaId, 'veryHidden'), PLAN_SHEET, edit.planId, 'veryHidden');
  if (edit.headerRows > 0) out = withPrintTitles(out, edit.sheetIndex, edit.sheetName, edit.headerRows);
  const calc = findElement(out, 'calcPr');
  if (calc) out = `${out.slice(0, calc.start)}<calcPr${withAttribute(calc.attributes, 'fullCalcOnLoad', '1')}/>${out.slice(calc.end)}`;
  else out = insertAfter(out, ['definedNames', 'externalReferences', 'functionGroups', 'sheets'], '<calcPr fullCalcOnLoad="1"/>');
  return out;
}

/** The workbook with a sheet listed last, by its relationship id (a sheet id no other sheet has). */
export function listSheet(xml: string, name: string, relationshipId: string, state?: 'hidden' | 'veryHidden'): string {
  const ids = [...xml.matchAll(/<sheet\b[^<>]*?\ssheetId=["'](\d+)["']/g)].map((m) => Number(m[1]));
  // The element declares its own prefix: writers bind it on the root, on each <sheet> (openpyxl), or not at all.
  const sheet = `<sheet xmlns:r="${RELATIONSHIPS}" name="${escapeAttribute(name)}" sheetId="${Math.max(0, ...ids) + 1}"${state ? ` state="${state}"` : ''} r:id="${relationshipId}"/>`;
  return xml.replace(/<\/sheets>/, `${sheet}</sheets>`);
}

/** The workbook with print titles (rows 1 to `rows` repeated on every page) for the sheet at `index`, unless it has its own. */
export function withPrintTitles(xml: string, index: number, sheetName: string, rows: number): string {
  const titles = [...xml.matchAll(/<definedName\b([^<>]*)>/g)].some((m) => attribute(m[1] as string, 'name') === '_xlnm.Print_Titles' && attribute(m[1] as string, 'localSheetId') === String(index));
  if (titles) return xml;
  const name = `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeText(`'${sheetName.replaceAll("'", "''")}'!$1:$${rows}`)}</definedName>`;
  const names = findElement(xml, 'definedNames');
  if (names && names.open !== names.close) return xml.slice(0, names.close) + name + xml.slice(names.close);
  if (names) return `${xml.slice(0, names.start)}<definedNames>${name}</definedNames>${xml.slice(names.end)}`;
  return insertAfter(xml, ['externalReferences', 'functionGroups', 'sheets'], `<definedNames>${name}</definedNames>`);
}

/** Inserts an element after the first of `after` the workbook has, as CT_Workbook orders its elements. */
function insertAfter(xml: string, after: readonly string[], element: string): string {
  for (const name of after) {
    const e = findElement(xml, name);
    if (e) return xml.slice(0, e.end) + element + xml.slice(e.end);
  }
  return xml;
}
