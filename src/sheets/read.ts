import type { Code, Locale, Params } from '../core/code.js';
import { readFigure, readStatus } from '../core/entry.js';
import { parsePeriod } from '../core/period.js';
import { targetsById, type Finding, type PlanRecords, type Target } from '../core/record.js';
import { makeFinding, type Entry } from '../core/report.js';
import { checkEntry } from '../core/rule.js';
import { normalize } from '../core/text.js';
import { openXlsx, ZipArchive, type Inflate } from './_zip.js';
import { rawText, type Grid } from './grid.js';
import { readMeta, type SheetMeta } from './metadata.js';
import { readXlsx, type XlsxBook } from './xlsx-reader.js';

/** Sheets larger than this unzipped are refused before any parsing (a zip bomb is a few MB). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

export interface ReadOptions {
  readonly file: string;
  readonly records: PlanRecords;
  readonly locale?: Locale;
  /** Previous period's figures by `${department}|${targetId}`, for entry-decreased. */
  readonly previous?: ReadonlyMap<string, number>;
  /** A faster inflater where the platform has one (Node's zlib); fflate otherwise. */
  readonly inflate?: Inflate;
}

/** One file's read-back: its entries, its findings, and how many rows it had (the accounting). */
export interface SheetReading {
  readonly meta: SheetMeta | undefined;
  readonly entries: Entry[];
  readonly findings: Finding[];
  /** Data rows seen: generated rows present plus rows added by hand. */
  readonly rows: number;
}

/** Reads a filled progress sheet and checks every entry. Bad files become findings, never exceptions. */
export async function readProgressSheet(bytes: Uint8Array, options: ReadOptions): Promise<SheetReading> {
  const { file, records } = options;
  const locale = options.locale ?? 'zh-CN';
  const findings: Finding[] = [];
  const fail = (code: Code, params: Params = {}): SheetReading => ({
    meta: undefined,
    entries: [],
    findings: [makeFinding(code, { file, ...params }, { file }, locale)],
    rows: 0,
  });

  const zip = openXlsx(bytes, MAX_UNZIPPED_BYTES);
  if (!(zip instanceof ZipArchive)) return fail(zip.code, zip.code === 'file-corrupt' ? { detail: zip.detail } : zip.code === 'file-too-large' ? { limit: zip.limit } : {});
  let workbook: XlsxBook;
  let meta: SheetMeta | undefined;
  let sheet: Grid | undefined;
  try {
    workbook = readXlsx(zip, options.inflate);
    meta = readMeta(workbook);
    sheet = meta && workbook.sheet(meta.sheet);
  } catch (cause) {
    return fail('file-corrupt', { detail: (cause as Error).message });
  }
  if (!meta || !sheet) return fail('template-not-a-progress-sheet');
  if (meta.planId !== records.document.id) {
    return { ...fail('template-unknown-plan', { planId: meta.planId, planTitle: meta.planTitle, expected: records.document.id }), meta };
  }
  const period = parsePeriod(meta.period);
  if (!period) return fail('template-not-a-progress-sheet');

  const place = (cell: string | undefined, row: number) => ({ file, sheet: sheet.name, cell, row });
  const targets = targetsById(records);
  const column = (name: string): string | undefined => meta.columns[name];
  const located = locateRows(sheet, meta);
  const entries: Entry[] = [];

  for (const row of meta.rows) {
    const at = located.rows.get(row.id);
    if (at === undefined) {
      const metric = targets.get(row.targetId ?? '')?.metric ?? row.taskId;
      findings.push(makeFinding('template-row-deleted', { id: row.id, metric }, place(undefined, row.row), locale, { taskId: row.taskId, ...(row.targetId ? { targetId: row.targetId } : {}) }));
      continue;
    }
    for (const [letter, expected] of Object.entries(row.plan)) {
      const shown = rawText(sheet.cell(`${letter}${at}`));
      // Almost every plan cell is exactly as generated; normalize only to forgive width and spacing.
      if (shown !== expected && normalize(shown).trim() !== normalize(expected).trim()) {
        const cell = `${letter}${at}`;
        findings.push(makeFinding('template-plan-cell-changed', { cell, value: shown, expected }, place(cell, at), locale, { taskId: row.taskId, value: shown }));
      }
    }
    const address = (name: string): string => `${column(name) ?? 'A'}${at}`;
    const target: Target | undefined = row.targetId ? targets.get(row.targetId) : undefined;
    const actualCell = address('entry.actual');
    const figure = target ? readFigure(sheet.cell(actualCell), target.unit) : ({ ok: null } as const);
    const statusText = column('entry.status') ? rawText(sheet.cell(address('entry.status'))) : '';
    const status = readStatus(statusText);
    const note = column('entry.note') ? rawText(sheet.cell(address('entry.note'))) : '';
    const evidence = column('entry.evidence') ? rawText(sheet.cell(address('entry.evidence'))) : '';
    const cells = { actual: actualCell, status: address('entry.status'), evidence: address('entry.evidence') };
    const previous = row.targetId ? options.previous?.get(`${meta.department}|${row.targetId}`) : undefined;
    for (const flag of checkEntry({ target, figure, status, evidence, cells, period, previous })) {
      findings.push(
        makeFinding(flag.code, flag.params, place(flag.cell, at), locale, {
          taskId: row.taskId,
          ...(row.targetId ? { targetId: row.targetId } : {}),
          ...(flag.value === undefined ? {} : { value: flag.value }),
        }),
      );
    }
    entries.push({
      targetId: row.targetId,
      taskId: row.taskId,
      department: meta.department,
      period: meta.period,
      actual: figure.ok === true ? figure.value : null,
      status: status ?? null,
      // A status that is not one of the four is kept at the front of the note, not lost.
      note: status === undefined && statusText.trim() !== '' ? [statusText.trim(), note].filter(Boolean).join(';') : note,
      evidence,
      file,
      sheet: sheet.name,
      row: at,
      cell: actualCell,
    });
  }
  for (const row of located.added) findings.push(makeFinding('template-row-added', { row }, place(undefined, row), locale));
  return { meta, entries, findings, rows: located.rows.size + located.added.length };
}

/** Where each generated row is now, by its id cell, and which rows between them were added by hand. */
function locateRows(sheet: Grid, meta: SheetMeta): { rows: Map<string, number>; added: number[] } {
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

