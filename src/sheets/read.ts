import type { ConsolidationInput, SheetReader, SheetReading } from '../core/consolidate.js';
import { readFigure, readStatus, type RawCell } from '../core/entry.js';
import { reportDate, type Reporter } from '../core/reporter.js';
import { finding, type Finding } from '../core/finding.js';
import { parsePeriod, type Period } from '../core/period.js';
import { targetsById, tasksById } from '../core/lookup.js';
import { taskDeadline } from '../core/worklist.js';
import type { PlanRecords, Target } from '../core/record.js';
import type { Entry } from '../core/report.js';
import { checkEntry } from '../core/rule.js';
import { fromStated, statedUnitOf } from '../core/unit.js';
import { normalize } from '../core/text.js';
import { otherFormat } from './format.js';
import { carriedRecords, identityOf, readMetas, type SheetMeta } from './metadata.js';
import { rawText, type Grid, type GridBook } from './xlsx/grid.js';
import { openWorkbook, WorkbookCache, type OpenOptions } from './xlsx/reader.js';
import { WorkbookError } from './xlsx/zip.js';

/** A progress sheet is a few dozen KB; a file above this is refused unread. */
export const MAX_SHEET_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  /** The file's name as the user knows it: findings and entries name it. */
  readonly file: string;
  readonly records: PlanRecords;
  /** Previous period's figures, keyed by figureKey, for entry-decreased. */
  readonly previous?: PreviousFigures;
}

/** Last period's figures: each department's figure for each target, keyed by figureKey. */
export type PreviousFigures = ReadonlyMap<string, number>;

/** The key of a department's figure for a target in PreviousFigures. */
export const figureKey = (department: string, targetId: string): string => `${department}|${targetId}`;

/**
 * Runs every read-back rule over a workbook, whatever read it (the fast reader, exceljs, Office.js ranges):
 * the sheet's identity, its entries, and a finding for every problem. Never throws for bad content: a workbook
 * whose parts fail to read is a file-corrupt finding. Where a workbook holds several progress sheets, this reads
 * the first; readProgressSheets reads each.
 */
export function readProgress(book: GridBook, options: ReadOptions): SheetReading {
  return readProgressSheets(book, options)[0] as SheetReading;
}

/** What readProgressSheets needs: the plan may be left out when the sheets carry their slice of it (format 2). */
export interface SheetsReadOptions extends Omit<ReadOptions, 'records'> {
  readonly records?: PlanRecords;
}

/**
 * Every progress sheet of a workbook read and checked, one reading per sheet (at least one: a workbook with none
 * reads as not a progress sheet). Each is checked against the given plan, or else the plan it carries; last
 * period's figures are the given ones, or else those the sheet carries.
 */
export function readProgressSheets(book: GridBook, options: SheetsReadOptions): SheetReading[] {
  const { file } = options;
  let metas: SheetMeta[];
  try {
    metas = readMetas(book);
  } catch (error) {
    return [failed(file, error)];
  }
  if (metas.length === 0) return [unread(finding('template-not-a-progress-sheet', { file }, { file }))];
  return metas.map((meta) => readProgressSheet(book, meta, options));
}

/** One progress sheet of a workbook read and checked, by its metadata (read once by a caller that checks it often). */
export function readProgressSheet(book: GridBook, meta: SheetMeta, options: SheetsReadOptions): SheetReading {
  const { file } = options;
  let sheet: Grid | undefined;
  try {
    sheet = book.sheet(meta.sheet);
  } catch (error) {
    return failed(file, error);
  }
  const records = options.records ?? carriedRecords(meta);
  if (!sheet || !records) return unread(finding('template-not-a-progress-sheet', { file }, { file }));
  if (meta.planId !== records.document.id) {
    const reading = unread(finding('template-unknown-plan', { file, planId: meta.planId, planTitle: meta.planTitle, expected: records.document.id }, { file }));
    return { ...reading, identity: identityOf(meta) };
  }
  const period = parsePeriod(meta.period);
  if (!period) return unread(finding('template-not-a-progress-sheet', { file }, { file }));
  // Figures given for last period (its sheets or its ledger) go before those the sheet carries.
  const carried = carriedPrevious(meta);
  const previous = carried && options.previous ? new Map([...carried, ...options.previous]) : (options.previous ?? carried);
  return readRows(sheet, meta, period, { file, records, ...(previous ? { previous } : {}) });
}

/** Last period's figures a sheet carries, keyed as ReadOptions.previous is. */
function carriedPrevious(meta: SheetMeta): PreviousFigures | undefined {
  return meta.previous && new Map(Object.entries(meta.previous).map(([id, value]) => [figureKey(meta.department, id), value]));
}

/** A file's bytes read and checked (its first progress sheet); the file's size, when known, is checked first so that an oversized file is never read. */
export function readProgressFile(input: { readonly file: string; readonly bytes: Uint8Array; readonly size?: number }, options: Omit<ReadOptions, 'file'> & OpenOptions): SheetReading {
  return readProgressFileSheets(input, options)[0] as SheetReading;
}

/** A file's bytes read and checked, each progress sheet in it (a coordinator's workbook may hold several departments'). */
export function readProgressFileSheets(input: { readonly file: string; readonly bytes: Uint8Array; readonly size?: number }, options: Omit<SheetsReadOptions, 'file'> & OpenOptions): SheetReading[] {
  const { file } = input;
  const tooLarge = oversized(input);
  if (tooLarge) return [unread(tooLarge)];
  let book: GridBook;
  try {
    book = openWorkbook(input.bytes, options);
  } catch (error) {
    // A spreadsheet saved in another format (WPS's .et, old Excel's .xls, LibreOffice's .ods) is said as such, with how to fix it.
    const format = error instanceof WorkbookError && error.problem.code === 'file-not-xlsx' ? otherFormat(file, input.bytes) : undefined;
    return [format ? unread(finding('file-other-format', { file, format }, { file })) : failed(file, error)];
  }
  return readProgressSheets(book, { ...options, file });
}

/** The finding for a file too large to read, or undefined when it may be read. */
function oversized(input: { readonly file: string; readonly size?: number; readonly bytes?: Uint8Array }): Finding | undefined {
  if ((input.size ?? input.bytes?.length ?? 0) <= MAX_SHEET_FILE_BYTES) return undefined;
  return finding('file-too-large', { file: input.file, limitMB: MAX_SHEET_FILE_BYTES / 1024 / 1024 }, { file: input.file });
}

/** The reading of a file too large to read (its one finding), or undefined when it may be read. */
export function oversizedReading(input: { readonly file: string; readonly size?: number }): SheetReading | undefined {
  const tooLarge = oversized(input);
  return tooLarge && unread(tooLarge);
}

/** A sheet file to consolidate: its bytes, or how to have them when its turn comes, its size and its time. */
export interface SheetSource extends ConsolidationInput {
  readonly bytes?: Uint8Array;
  readonly load?: () => Uint8Array | Promise<Uint8Array>;
  /** Size on disk, when known: an oversized file is never loaded. */
  readonly size?: number;
}

/** Reads and checks sources one at a time, loading each one's bytes only when its turn comes, so one workbook is in memory at a time. */
export function sheetReader(records: PlanRecords, options: OpenOptions & { readonly previous?: PreviousFigures; readonly digest?: Digest } = {}): SheetReader<SheetSource> {
  const open = { records, cache: options.cache ?? new WorkbookCache(), ...(options.inflate ? { inflate: options.inflate } : {}), ...(options.previous ? { previous: options.previous } : {}) };
  return async (source) => {
    const tooLarge = oversizedReading(source);
    if (tooLarge) return tooLarge;
    const bytes = source.bytes ?? (source.load ? await source.load() : new Uint8Array(0));
    const readings = readProgressFileSheets({ file: source.file, bytes }, open);
    if (!options.digest) return readings;
    const sha256 = await options.digest(bytes);
    return readings.map((r) => ({ ...r, sha256 }));
  };
}

/** A file's SHA-256 as hex (node:crypto in Node); readers without one (the add-in, the page) record none. */
export type Digest = (bytes: Uint8Array) => string | Promise<string>;

const unread = (f: Finding): SheetReading => ({ identity: undefined, entries: [], findings: [f], rows: 0 });

/**
 * A workbook that could not be read, as its finding: what the reader said is wrong, or, for anything else thrown
 * while its parts were opened and scanned (hostile content the reader did not foresee), that it cannot be read.
 */
function failed(file: string, error: unknown): SheetReading {
  if (!(error instanceof WorkbookError)) return unread(finding('file-corrupt', { file, reason: 'unreadable', detail: String((error as Error)?.message ?? error) }, { file }));
  const p = error.problem;
  if (p.code === 'file-not-xlsx') return unread(finding(p.code, { file }, { file }));
  if (p.code === 'file-too-large') return unread(finding(p.code, { file, limitMB: p.limitMB }, { file }));
  return unread(finding(p.code, { file, ...p.corrupt }, { file }));
}

function readRows(sheet: Grid, meta: SheetMeta, period: Period, options: ReadOptions): SheetReading {
  const { file, records } = options;
  const findings: Finding[] = [];
  const place = (cell: string | undefined, row: number) => ({ file, sheet: sheet.name, cell, row });
  const targets = targetsById(records);
  const tasks = tasksById(records);
  const column = (name: string): string | undefined => meta.columns[name];
  const located = locateRows(sheet, meta);
  const entries: Entry[] = [];

  for (const row of meta.rows) {
    const about = { taskId: row.taskId, targetId: row.targetId ?? undefined };
    const at = located.rows.get(row.id);
    if (at === undefined) {
      const metric = targets.get(row.targetId ?? '')?.metric ?? row.taskId;
      findings.push(finding('template-row-deleted', { id: row.id, metric }, place(undefined, row.row), about));
      continue;
    }
    for (const [letter, expected] of Object.entries(row.plan)) {
      const shown = rawText(sheet.cell(`${letter}${at}`));
      // Almost every plan cell is exactly as generated; normalize only to forgive width and spacing.
      if (shown !== expected && normalize(shown).trim() !== normalize(expected).trim()) {
        const cell = `${letter}${at}`;
        findings.push(finding('template-plan-cell-changed', { cell, value: shown, expected }, place(cell, at), { taskId: row.taskId, value: shown }));
      }
    }
    const address = (name: string): string => `${column(name) ?? 'A'}${at}`;
    const target: Target | undefined = row.targetId ? targets.get(row.targetId) : undefined;
    const actualCell = address('entry.actual');
    // Typed in the plan's unit (1.2 亿元), kept and judged in the stored one (120000000 元).
    const stated = target ? statedUnitOf(target) : undefined;
    const typed = target && stated ? readFigure(sheet.cell(actualCell), stated.unit, stated.factor) : ({ ok: null } as const);
    const figure = typed.ok === true && stated ? { ...typed, value: fromStated(typed.value, stated) } : typed;
    const statusText = column('entry.status') ? rawText(sheet.cell(address('entry.status'))) : '';
    const status = readStatus(statusText);
    const note = column('entry.note') ? rawText(sheet.cell(address('entry.note'))) : '';
    const evidence = column('entry.evidence') ? rawText(sheet.cell(address('entry.evidence'))) : '';
    const cells = { actual: actualCell, status: address('entry.status'), evidence: address('entry.evidence') };
    const previous = row.targetId ? options.previous?.get(figureKey(meta.department, row.targetId)) : undefined;
    const task = target ? undefined : tasks.get(row.taskId);
    const deadline = task ? taskDeadline(task) : null;
    for (const flag of checkEntry({ target, figure, status, evidence, cells, period, previous, deadline })) {
      findings.push(finding(flag.code, flag.params as never, place(flag.cell, at), { ...about, value: flag.value }));
    }
    // A task with no target has no figure to count: what is typed there is said, and kept in the note.
    const stray = target ? '' : rawText(sheet.cell(actualCell)).trim();
    const typedInTaskRow = stray !== '' && !NO_FIGURE.test(stray);
    if (typedInTaskRow) findings.push(finding('entry-figure-in-task-row', { cell: actualCell, value: stray }, place(actualCell, at), { ...about, value: stray }));
    const kept = [status === undefined && statusText.trim() !== '' ? statusText.trim() : '', typedInTaskRow ? stray : ''].filter(Boolean);
    entries.push({
      targetId: row.targetId,
      taskId: row.taskId,
      department: meta.department,
      period: meta.period,
      actual: figure.ok === true ? figure.value : null,
      status: status ?? null,
      // A status that is not one of the four, or a figure in a task's row, is kept at the front of the note, not lost.
      note: kept.length > 0 ? [...kept, note].filter(Boolean).join(';') : note,
      evidence,
      file,
      sheet: sheet.name,
      row: at,
      cell: actualCell,
    });
  }
  for (const row of located.added) findings.push(finding('template-row-added', { row }, place(undefined, row)));
  const reporter = meta.sign && signature(sheet, meta, located.rows);
  return { identity: identityOf(meta), entries, findings, rows: located.rows.size + located.added.length, ...(reporter ? { reporter } : {}) };
}

/**
 * The signature block as filled in. Its cells sit below the rows, so they move as the last generated row moved (rows
 * a department added or deleted in the table).
 */
function signature(sheet: Grid, meta: SheetMeta, located: ReadonlyMap<string, number>): Reporter {
  const last = [...meta.rows].reverse().find((r) => located.has(r.id));
  const shift = last ? (located.get(last.id) as number) - last.row : 0;
  const cell = (address: string | undefined): RawCell => {
    const at = address === undefined ? undefined : /^([A-Z]+)(\d+)$/.exec(address);
    return at ? sheet.cell(`${at[1]}${Number(at[2]) + shift}`) : { kind: 'empty' };
  };
  const sign = meta.sign ?? {};
  return { name: rawText(cell(sign['reporter.name'])).trim(), phone: rawText(cell(sign['reporter.phone'])).trim(), date: reportDate(cell(sign['reporter.date'])) };
}

/** What a task's figure cell shows when nothing is typed there: the dash it was generated with, or any dash. */
export const NO_FIGURE = /^[—–\-－//无]+$/;

/** Where each generated row is now, by its id cell, and which rows between them were added by hand. */
export function locateRows(sheet: Grid, meta: SheetMeta): { rows: Map<string, number>; added: number[] } {
  const rows = new Map<string, number>();
  const idColumn = meta.columns['row.id'];
  if (idColumn === undefined) {
    for (const row of meta.rows) rows.set(row.id, row.row);
    return { rows, added: [] };
  }
  const known = new Set(meta.rows.map((r) => r.id));
  const candidates: number[] = [];
  let last = meta.firstRow - 1;
  for (let n = meta.firstRow; n <= sheet.maxRow; n++) {
    const id = rawText(sheet.cell(`${idColumn}${n}`)).trim();
    if (known.has(id) && !rows.has(id)) {
      rows.set(id, n);
      last = n;
    } else if (sheet.rowHasContent(n)) {
      candidates.push(n);
    }
  }
  return { rows, added: candidates.filter((n) => n < last) };
}
