import { SEVERITIES, type Severity } from '../core/code.js';
import type { Finding } from '../core/finding.js';
import { message, wording } from '../core/locales/index.js';
import type { Wording } from '../core/locales/wording.js';
import { restyleCells, type Restyle } from './_cells.js';
import { addNotes, type Note, type NoteRun } from './_notes.js';
import { problemSheet, type Problem } from './_problem-sheet.js';
import { listSheet, withPrintTitles, workbookSheets, type WorkbookSheet } from './template/workbook.js';
import { XlsxPackage } from './xlsx/package.js';
import { columnNumber } from './xlsx/range.js';
import { StyleSheet } from './xlsx/styles.js';
import { WorkbookError, ZipArchive, type Inflate } from './xlsx/zip.js';
import type { Crc32, Deflate } from './xlsx/zip-writer.js';

/** Fills of problem cells, as the task pane marks them: Excel's light red for what must be corrected, light yellow for what to look at. */
export const FEEDBACK_FILLS: Readonly<Record<Severity, string>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFFFEB9C' };

export interface FeedbackOptions {
  /** The returned file's name as the department knows it: the 问题 sheet names it. */
  readonly file: string;
  /** The words of the notes and the 问题 sheet; zh-CN by default. */
  readonly wording?: Wording;
  readonly inflate?: Inflate;
  readonly deflate?: Deflate;
  readonly crc32?: Crc32;
}

/** An annotated copy of a returned sheet. */
export interface FeedbackCopy {
  readonly bytes: Uint8Array;
  /** Cells coloured and noted. */
  readonly cells: number;
  /** Problems the 问题 sheet lists: every finding given. */
  readonly listed: number;
}

const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** Rows of the 问题 sheet above its list: title, introduction, column headers; repeated on every printed page. */
const PROBLEM_HEADER_ROWS = 3;

/**
 * A returned sheet's annotated copy for its department: each problem cell coloured and noted (what is wrong and what
 * to do), and a 问题 sheet listing every finding. Edits the file's own package: the department's cells keep their
 * values and formulas exactly, only their style changes; its comments stay (a note on a commented cell is added below
 * the comment), the sheet stays protected as it was. Undefined for bytes that cannot be opened as a workbook to edit.
 */
export function feedbackCopy(bytes: Uint8Array, findings: readonly Finding[], options: FeedbackOptions): FeedbackCopy | undefined {
  const zip = ZipArchive.open(bytes);
  if (!(zip instanceof ZipArchive) || !zip.has('xl/workbook.xml') || !zip.has('[Content_Types].xml') || !zip.copyable) return undefined;
  try {
    return annotate(new XlsxPackage(zip, options.inflate), findings, options);
  } catch (error) {
    if (error instanceof WorkbookError) return undefined;
    throw error;
  }
}

function annotate(pkg: XlsxPackage, findings: readonly Finding[], options: FeedbackOptions): FeedbackCopy | undefined {
  const w = options.wording ?? wording();
  const rels = pkg.relationships('xl/workbook.xml');
  const stylesPart = rels.find((r) => r.type === 'styles' && !r.external)?.target;
  if (stylesPart === undefined) return undefined;
  const styles = new StyleSheet(pkg.require(stylesPart));
  const listedSheets = workbookSheets(pkg.require('xl/workbook.xml'), rels);
  const sheets = listedSheets.filter((s) => s.relationship?.type === 'worksheet' && !s.relationship.external);
  const named = findings.find((f) => f.location.sheet !== undefined && sheets.some((s) => s.name === f.location.sheet))?.location.sheet;
  const fallback = named ?? sheets[0]?.name;
  const sheetOf = (f: Finding): WorkbookSheet | undefined => (f.location.cell === undefined ? undefined : sheets.find((s) => s.name === (f.location.sheet ?? fallback)));

  // Every finding in the list, the sheet-wide ones first, then by sheet, row and column; the cells' findings grouped per cell.
  const order = (f: Finding): [number, number, number] => {
    const sheet = sheetOf(f);
    if (!sheet && f.location.row === undefined) return [-1, 0, 0];
    const column = f.location.cell ? columnNumber(/^[A-Z]+/.exec(f.location.cell)?.[0] ?? '') : 0;
    return [sheet ? sheets.indexOf(sheet) : 0, f.location.row ?? Number(/\d+$/.exec(f.location.cell ?? '')?.[0] ?? 0), column];
  };
  const listed = findings.map((f, i) => ({ f, i, key: order(f) })).sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.i - b.i);
  const byCell = new Map<WorkbookSheet, Map<string, Finding[]>>();
  for (const { f } of listed) {
    const sheet = sheetOf(f);
    if (!sheet) continue;
    const cells = byCell.get(sheet) ?? new Map<string, Finding[]>();
    cells.set(f.location.cell as string, [...(cells.get(f.location.cell as string) ?? []), f]);
    byCell.set(sheet, cells);
  }

  let marked = 0;
  for (const [sheet, cells] of byCell) {
    const part = sheet.relationship?.target as string;
    const fills = new Map<string, Restyle>([...cells].map(([cell, fs]) => [cell, (style: number) => styles.filled(style, FEEDBACK_FILLS[worst(fs)])]));
    const restyled = restyleCells(pkg.require(part), fills);
    if (restyled === undefined) continue;
    const notes = [...cells].map(([cell, fs]): Note => ({ cell, row: Number(/\d+$/.exec(cell)?.[0]) - 1, column: columnNumber(/^[A-Z]+/.exec(cell)?.[0] ?? '') - 1, runs: noteRuns(fs, w) }));
    pkg.set(part, addNotes(pkg, part, restyled, notes, w.feedback.author));
    marked += cells.size;
  }

  const problems: Problem[] = listed.map(({ f }) => ({ severity: f.severity, where: where(f, sheetOf(f), byCell.size > 1, w), problem: message(f, w), fix: w.fix[f.code] ?? w.feedback.defaultFix }));
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const name = freeSheetName(w.feedback.sheetName, listedSheets.map((s) => s.name));
  const part = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
  pkg.add(part, problemSheet(problems, { title: w.feedback.title, intro: w.feedback.intro(options.file, counts), columns: w.feedback.columns, severity: w.feedback.severity }, styles, FEEDBACK_FILLS), WORKSHEET_TYPE);
  const id = pkg.relate('xl/workbook.xml', 'worksheet', part);
  // Listed last, so that no sheet's index (print titles, the active tab) moves.
  pkg.set('xl/workbook.xml', withPrintTitles(listSheet(pkg.require('xl/workbook.xml'), name, id), listedSheets.length, name, PROBLEM_HEADER_ROWS));
  pkg.set(stylesPart, styles.toString());
  return { bytes: pkg.write(options.deflate, options.crc32), cells: marked, listed: problems.length };
}

const worst = (fs: readonly Finding[]): Severity => (fs.some((f) => f.severity === 'error') ? 'error' : fs.some((f) => f.severity === 'warning') ? 'warning' : 'info');

/** A note's text: each finding of the cell as its level, its sentence and what to do. */
function noteRuns(fs: readonly Finding[], w: Wording): NoteRun[] {
  return fs.flatMap((f, i) => [
    { text: `${i > 0 ? '\n' : ''}${w.feedback.severity[f.severity]}:`, bold: true },
    { text: `${message(f, w)}\n${w.feedback.how}${w.fix[f.code] ?? w.feedback.defaultFix}` },
  ]);
}

/** Where a problem is, as the 问题 sheet says it: its cell (with its sheet when several are marked), its row, or the whole sheet. */
function where(f: Finding, sheet: WorkbookSheet | undefined, severalSheets: boolean, w: Wording): string {
  if (sheet && f.location.cell) return severalSheets ? w.feedback.sheetCell(sheet.name, f.location.cell) : f.location.cell;
  if (f.location.row !== undefined) return w.feedback.row(f.location.row);
  return w.feedback.wholeSheet;
}

/** `name`, or `name (2)`, … : one no sheet has (Excel compares sheet names without case). */
function freeSheetName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name} (${n})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
