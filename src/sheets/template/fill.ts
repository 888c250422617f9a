import { CODES, type TemplateLoss } from '../../core/code.js';
import { PlanLedgerError } from '../../core/error.js';
import type { Finding } from '../../core/finding.js';
import { DEFAULT_SHEET_WORDING } from '../../core/locales/default.js';
import type { SheetWording } from '../../core/locales/wording.js';
import type { Period } from '../../core/period.js';
import { progressSheet, type ProgressSheet } from '../../core/progress-sheet.js';
import type { PlanRecords } from '../../core/record.js';
import type { Reporter } from '../../core/reporter.js';
import { hash64 } from '../../core/text.js';
import { jsonSheetCells, META_FORMAT_VERSION, META_MARKER, META_SHEET, PLAN_MARKER, PLAN_SHEET } from '../json-sheet.js';
import type { SheetMeta, SheetRow } from '../metadata.js';
import { XlsxPackage, type PackageCache } from '../xlsx/package.js';
import { columnLetter } from '../xlsx/range.js';
import { SharedStrings } from '../xlsx/strings.js';
import { StyleSheet } from '../xlsx/styles.js';
import { cellXml, WorksheetXml } from '../xlsx/worksheet.js';
import { escapeText } from '../xlsx/xml.js';
import { WorkbookError, ZipArchive, type Inflate, type StoredPart } from '../xlsx/zip.js';
import type { Crc32, Deflate } from '../xlsx/zip-writer.js';
import { shiftPackage, type Insertion } from './insertion.js';
import { findLayout, type Layout, type TemplateSheet } from './layout.js';
import { asWorkbook, editWorkbook, workbookSheets, type WorkbookSheet } from './workbook.js';
import { fillOtherSheet, fillRows, type EntryValues, type SignCells } from './sheet-fill.js';

export type { EntryValues } from './sheet-fill.js';

export interface FillOptions {
  readonly records: PlanRecords;
  readonly department: string;
  readonly period: Period;
  /** ISO date-time recorded in the sheet. */
  readonly generatedAt: string;
  readonly templateVersion: string;
  /** For messages about the template. */
  readonly templateName: string;
  /** The words of the prompts and labels written into the sheet; zh-CN by default. */
  readonly wording?: SheetWording;
  /** Entries to put into the sheet already, by row id (a target's or a task's id): demo sheets, sheets carried over. */
  readonly entries?: ReadonlyMap<string, EntryValues>;
  /** The signature block filled in already (demo sheets); left blank for the department otherwise. */
  readonly reporter?: Reporter;
  /** Last period's figures by target id, carried in the metadata for the add-in to show and to check decreases against. */
  readonly previous?: ReadonlyMap<string, number>;
  /** Faster zlib where the platform has one (Node); fflate otherwise. */
  readonly inflate?: Inflate;
  readonly deflate?: Deflate;
  readonly crc32?: Crc32;
  /** Kept by a caller that fills many sheets from one template: its parts are inflated once. */
  readonly cache?: TemplateCache;
}

/** The parts of templates read so far, by name, CRC and size, and their worksheets parsed: one per run of many sheets. */
export class TemplateCache implements PackageCache {
  readonly texts = new Map<string, string>();
  readonly compressed = new Map<string, StoredPart>();
  readonly worksheets = new Map<string, WorksheetXml>();
}

/** A filled progress sheet: its bytes, its metadata, and what of the template could not be carried as it was. */
export interface FilledSheet {
  readonly bytes: Uint8Array;
  readonly meta: SheetMeta;
  /** template-not-carried findings, for the coordinator. */
  readonly findings: readonly Finding[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const SHARED_STRINGS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

/**
 * Fills a template for one department and period by editing the template's own package: the progress sheet, its
 * strings, styles and workbook change; every other part (charts, pictures, comments, other sheets, properties) is
 * copied as it was stored, and what points at moved rows moves with them. Throws PlanLedgerError for unusable templates.
 */
export async function generateProgressSheet(template: ArrayBuffer | Uint8Array, options: FillOptions): Promise<FilledSheet> {
  return fillProgressSheet(template instanceof Uint8Array ? template : new Uint8Array(template), options);
}

/** generateProgressSheet without the promise. */
export function fillProgressSheet(template: Uint8Array, options: FillOptions): FilledSheet {
  const w = options.wording ?? DEFAULT_SHEET_WORDING;
  const file = options.templateName;
  const content = progressSheet(options.records, options.department, options.period, options.generatedAt, w);
  try {
    return fill(openTemplate(template, file, options), content, options, w);
  } catch (cause) {
    if (cause instanceof WorkbookError) {
      const { problem } = cause;
      if (problem.code === 'file-too-large') throw new PlanLedgerError('template-invalid', { file, reason: 'too-large', limitMB: problem.limitMB }, { cause });
      throw new PlanLedgerError('template-invalid', { file, reason: 'unreadable', detail: problem.code === 'file-corrupt' ? problem.corrupt.reason : problem.code }, { cause });
    }
    throw cause;
  }
}

function openTemplate(bytes: Uint8Array, file: string, options: FillOptions): XlsxPackage {
  const zip = ZipArchive.open(bytes);
  if (!(zip instanceof ZipArchive)) throw new PlanLedgerError('template-invalid', { file, reason: 'unreadable', detail: zip.code });
  if (!zip.has('xl/workbook.xml') || !zip.has('[Content_Types].xml')) throw new PlanLedgerError('template-invalid', { file, reason: 'unreadable', detail: 'file-not-xlsx' });
  if (!zip.copyable) throw new PlanLedgerError('template-invalid', { file, reason: 'unreadable', detail: 'encrypted or ZIP64' });
  return new XlsxPackage(zip, options.inflate, options.cache);
}

function fill(pkg: XlsxPackage, content: ProgressSheet, options: FillOptions, w: SheetWording): FilledSheet {
  const file = options.templateName;
  const workbook = pkg.require('xl/workbook.xml');
  const rels = pkg.relationships('xl/workbook.xml');
  const sheets = workbookSheets(workbook, rels);
  if (sheets.some((s) => s.name === META_SHEET || s.name === PLAN_SHEET)) throw new PlanLedgerError('template-invalid', { file, reason: 'generated-sheet' });
  const stringsPart = rels.find((r) => r.type === 'sharedStrings')?.target;
  const strings = new SharedStrings(stringsPart === undefined ? undefined : pkg.text(stringsPart));
  const stylesPart = rels.find((r) => r.type === 'styles')?.target;
  if (stylesPart === undefined) throw new PlanLedgerError('template-invalid', { file, reason: 'unreadable', detail: 'no styles part' });
  const styles = new StyleSheet(pkg.require(stylesPart));

  const losses: TemplateLoss[] = [];
  asWorkbook(pkg, rels, losses);
  // Excel's list of formula cells in calculation order: stale once cells move, and rebuilt by Excel when it is missing.
  const calcChain = rels.find((r) => r.type === 'calcChain');
  if (calcChain) {
    pkg.remove(calcChain.target);
    pkg.unrelate('xl/workbook.xml', calcChain.id);
  }
  const layout = findLayout(worksheets(pkg, sheets, options.cache), strings, file);
  const { sheet, row } = layout;
  const insertion: Insertion = { sheet: sheet.name, row, added: content.rows.length - 1 };
  const { rows, sign } = fillRows(layout, content, { strings, styles, wording: w, insertion, losses, entries: options.entries ?? new Map(), ...(options.reporter ? { reporter: options.reporter } : {}) });
  pkg.set(sheet.part, sheet.xml.toString());
  const otherSheets = sheets.flatMap((s) => (s.relationship?.type === 'worksheet' && !s.relationship.external && s.relationship.target !== sheet.part ? [s.relationship.target] : []));
  shiftPackage(pkg, insertion, sheet.part, otherSheets, losses);
  for (const part of otherSheets) {
    const filled = fillOtherSheet(pkg.require(part), part, content.header, strings);
    if (filled !== undefined) pkg.set(part, filled);
  }

  const meta = metadata(layout, rows, sign, options);
  const metaPart = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.add(metaPart, metaSheet(meta, strings), WORKSHEET_TYPE);
  const metaId = pkg.relate('xl/workbook.xml', 'worksheet', metaPart);
  const planPart = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.add(planPart, planSheet(options.records), WORKSHEET_TYPE);
  const planId = pkg.relate('xl/workbook.xml', 'worksheet', planPart);
  const index = sheets.findIndex((s) => s.name === sheet.name);
  pkg.set('xl/workbook.xml', editWorkbook(pkg.require('xl/workbook.xml'), { metaId, planId, sheetIndex: index, sheetName: sheet.name, headerRows: row - 1 }));

  if (strings.changed) {
    if (stringsPart !== undefined) pkg.set(stringsPart, strings.toString());
    else {
      pkg.add('xl/sharedStrings.xml', strings.toString(), SHARED_STRINGS_TYPE);
      pkg.relate('xl/workbook.xml', 'sharedStrings', 'xl/sharedStrings.xml');
    }
  }
  if (styles.changed) pkg.set(stylesPart, styles.toString());
  const unique = [...new Map(losses.map((loss) => [JSON.stringify(loss), loss])).values()];
  const findings = unique.map((loss) => ({ code: 'template-not-carried', severity: CODES['template-not-carried'].severity, params: { file, ...loss }, location: { file } }) as Finding);
  return { bytes: pkg.write(options.deflate, options.crc32), meta, findings };
}

/** The worksheets of the workbook in order, each parsed when the layout search reaches it. */
function* worksheets(pkg: XlsxPackage, sheets: readonly WorkbookSheet[], cache: TemplateCache | undefined): Generator<TemplateSheet> {
  for (const { name, relationship } of sheets) {
    if (relationship?.type !== 'worksheet' || relationship.external) continue;
    const part = relationship.target;
    const xml = pkg.text(part);
    if (xml === undefined) continue;
    let parsed = cache?.worksheets.get(xml);
    if (!parsed) {
      parsed = WorksheetXml.parse(xml, part);
      cache?.worksheets.set(xml, parsed);
    }
    yield { name, part, xml: parsed.copy() };
  }
}

function metadata(layout: Layout, rows: SheetRow[], sign: SignCells, options: FillOptions): SheetMeta {
  const { records } = options;
  const taskIds = new Set(rows.map((r) => r.taskId));
  const targetIds = new Set(rows.flatMap((r) => (r.targetId === null ? [] : [r.targetId])));
  const previous = [...(options.previous ?? [])].filter(([id]) => targetIds.has(id));
  return {
    format: 'plan-ledger/progress-sheet',
    formatVersion: META_FORMAT_VERSION,
    templateVersion: options.templateVersion,
    planId: options.records.document.id,
    contentHash: options.records.document.contentHash,
    planTitle: options.records.document.title,
    department: options.department,
    period: options.period.label,
    generatedAt: options.generatedAt,
    sheet: layout.sheet.name,
    columns: Object.fromEntries([...layout.columns].map(([name, col]) => [name, columnLetter(col)])),
    firstRow: layout.row,
    rows,
    planDigest: hash64(JSON.stringify(rows.map((r) => r.plan))),
    plan: { document: records.document, tasks: records.tasks.filter((t) => taskIds.has(t.id)), targets: records.targets.filter((t) => targetIds.has(t.id)) },
    ...(previous.length > 0 ? { previous: Object.fromEntries(previous) } : {}),
    ...(Object.keys(sign).length > 0 ? { sign } : {}),
  };
}

const planSheets = new WeakMap<PlanRecords, string>();

/**
 * The very hidden sheet that carries the whole plan (its records without the source text, file or the parser's notes), so that the coordinator's
 * tools judge returned sheets against the plan they were made from. Inline strings: a reader that does not ask for
 * this sheet never inflates it. Built once per plan for a run that fills a sheet per department.
 */
function planSheet(records: PlanRecords): string {
  let xml = planSheets.get(records);
  if (xml === undefined) {
    // Nothing of the coordinator's files (paths in the source and in the parser's notes): the sheet goes to other offices.
    const carried: PlanRecords = { ...records, findings: [], source: { file: null, encoding: null, text: '' } };
    const cells = jsonSheetCells(PLAN_MARKER, carried).map((text, i) => `<row r="${i + 1}">${cellXml(i + 1, { column: 1, attributes: ' t="inlineStr"', content: `<is><t xml:space="preserve">${escapeText(text)}</t></is>` })}</row>`);
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${cells.join('')}</sheetData></worksheet>`;
    planSheets.set(records, xml);
  }
  return xml;
}

/** The very hidden sheet that carries the metadata: the marker in A1, the JSON in chunks below. */
function metaSheet(meta: SheetMeta, strings: SharedStrings): string {
  const cells = jsonSheetCells(META_MARKER, meta).map((text, i) => `<row r="${i + 1}">${cellXml(i + 1, { column: 1, attributes: ' t="s"', content: `<v>${strings.add(text)}</v>` })}</row>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${cells.join('')}</sheetData></worksheet>`;
}
