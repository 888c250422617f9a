/// <reference types="office-js" />
import type { RawCell } from '../core/entry.js';
import { isMetaSheetName, META_SHEET, readMetas, type SheetMeta } from '../sheets/metadata.js';
import type { Grid, GridBook } from '../sheets/xlsx/grid.js';
import { columnLetter, columnNumber } from '../sheets/xlsx/range.js';

/** The cells of a range as Office.js loads them: values, their types and number formats, from a top-left corner. */
export interface LoadedBlock {
  readonly row: number;
  readonly column: number;
  readonly values: readonly (readonly unknown[])[];
  readonly types: readonly (readonly string[])[];
  readonly formats: readonly (readonly string[])[];
}

const EMPTY: RawCell = { kind: 'empty' };

/** A percentage format, its quoted texts and escaped characters aside: 0.0%, 0%, but not "%"0. */
const isPercentFormat = (format: string): boolean => /%/.test(format.replace(/"[^"]*"|\\./g, ''));

/** An Office.js value as read-back sees a cell: as the fast reader reads the same cell from the saved file. */
export function rawCell(value: unknown, type: string | undefined, format: string | undefined): RawCell {
  if (value === '' || value === null || value === undefined || type === 'Empty') return EMPTY;
  if (type === 'Error') return { kind: 'error', value: String(value) };
  if (typeof value === 'boolean') return { kind: 'other', value: value ? 'true' : 'false' };
  if (typeof value === 'number') return { kind: 'number', value, percentFormat: isPercentFormat(format ?? '') };
  return { kind: 'text', value: String(value) };
}

/**
 * A worksheet mirrored in the pane: the cells loaded from Excel, kept by row so that a change re-reads only its
 * rows. Read-back runs over it as over any Grid.
 */
export class SheetMirror implements Grid {
  private readonly rows = new Map<number, Map<number, RawCell>>();

  constructor(public name: string) {}

  get maxRow(): number {
    let max = 0;
    for (const [n, cells] of this.rows) if (n > max && cells.size > 0) max = n;
    return max;
  }

  cell(address: string): RawCell {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) return EMPTY;
    return this.rows.get(Number(m[2]))?.get(columnNumber(m[1] as string)) ?? EMPTY;
  }

  rowHasContent(row: number): boolean {
    return (this.rows.get(row)?.size ?? 0) > 0;
  }

  /** Puts a loaded block in, replacing whatever the mirror held for those cells. */
  put(block: LoadedBlock): void {
    block.values.forEach((line, i) => {
      const n = block.row + i;
      let cells = this.rows.get(n);
      if (!cells) this.rows.set(n, (cells = new Map()));
      line.forEach((value, j) => {
        const raw = rawCell(value, block.types[i]?.[j], block.formats[i]?.[j]);
        if (raw.kind === 'empty') cells.delete(block.column + j);
        else cells.set(block.column + j, raw);
      });
    });
  }

  clear(): void {
    this.rows.clear();
  }
}

/** A workbook as the pane knows it: the sheets' names, and the mirrored sheets. */
export class MirrorBook implements GridBook {
  readonly sheets = new Map<string, SheetMirror>();

  constructor(public sheetNames: string[]) {}

  sheet(name: string): Grid | undefined {
    return this.sheets.get(name);
  }

  mirror(name: string): SheetMirror {
    let sheet = this.sheets.get(name);
    if (!sheet) this.sheets.set(name, (sheet = new SheetMirror(name)));
    return sheet;
  }
}

/** A range's cells, queued for the next sync: values, types and number formats. */
export function queueBlock(range: Excel.Range): () => LoadedBlock {
  range.load(['values', 'valueTypes', 'numberFormat', 'rowIndex', 'columnIndex']);
  return () => ({ row: range.rowIndex + 1, column: range.columnIndex + 1, values: range.values, types: range.valueTypes, formats: range.numberFormat });
}

/** The last column a progress sheet's rows use: its placeholders' and its plan cells'. */
function lastColumn(meta: SheetMeta): string {
  return columnLetter(Math.max(1, ...Object.values(meta.columns).map(columnNumber), ...meta.rows.flatMap((r) => Object.keys(r.plan).map(columnNumber))));
}

/** Every column a progress sheet's rows use, whole: A:O. */
export const columnsAddress = (meta: SheetMeta): string => `A:${lastColumn(meta)}`;

/** Rows `from`–`to` of a progress sheet, over the columns its rows use. */
export const rowsAddress = (meta: SheetMeta, from: number, to: number): string => `A${from}:${lastColumn(meta)}${to}`;

/** What the pane found in a workbook: every sheet's name and id, and each progress sheet with its metadata. */
export interface PlanSheets {
  readonly book: MirrorBook;
  readonly metas: readonly SheetMeta[];
  /** Worksheet id by name, for change events (which name sheets by id). */
  readonly ids: ReadonlyMap<string, string>;
}

/** Loads queued with a progress sheet's rows, and what to do with them once synced. */
export type AlsoLoad = (meta: SheetMeta, sheet: Excel.Worksheet) => () => void;

const BLOCK_PROPERTIES = ['values', 'valueTypes', 'numberFormat', 'rowIndex', 'columnIndex', 'isNullObject'];

/** A used range's cells, queued: undefined once synced when the range has none (a null object). */
export function queueCells(used: Excel.Range): () => LoadedBlock | undefined {
  used.load(BLOCK_PROPERTIES);
  return () => (used.isNullObject ? undefined : { row: used.rowIndex + 1, column: used.columnIndex + 1, values: used.values, types: used.valueTypes, formats: used.numberFormat });
}

/** A sheet's used cells over the columns a progress sheet uses, queued. */
export const queueUsed = (sheet: Excel.Worksheet, meta: SheetMeta): (() => LoadedBlock | undefined) => queueCells(sheet.getRange(columnsAddress(meta)).getUsedRangeOrNullObject(true));

/**
 * Finds the workbook's progress sheets and reads every one in full, in as few syncs as the workbook allows: the
 * sheets' names with the usual metadata sheet (one sync), then each progress sheet's rows (one more), whatever the
 * number of rows. Metadata sheets under other names (several departments in one workbook) take one more round.
 */
export async function loadPlanSheets(context: Excel.RequestContext, also?: AlsoLoad): Promise<PlanSheets> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  // The usual metadata sheet is read with the names, as a null object where there is none.
  let usual: (() => LoadedBlock | undefined) | undefined = queueCells(sheets.getItemOrNullObject(META_SHEET).getUsedRangeOrNullObject(true));
  try {
    await context.sync();
  } catch {
    // A host that does not carry null objects through a chain: the names alone, the metadata next round.
    usual = undefined;
    sheets.load('items/name,items/id');
    await context.sync();
  }
  const names = sheets.items.map((s) => s.name);
  const ids = new Map(sheets.items.map((s) => [s.name, s.id]));
  const book = new MirrorBook(names);
  const usualCells = usual?.();
  if (usualCells) book.mirror(META_SHEET).put(usualCells);
  let unread = names.filter((n) => isMetaSheetName(n) && (n !== META_SHEET || usual === undefined));
  const metas: SheetMeta[] = [];
  let found = readMetas(book).filter((m) => ids.has(m.sheet));
  while (found.length > 0 || unread.length > 0) {
    const rows = found.map((meta) => {
      const sheet = sheets.getItem(meta.sheet);
      return { meta, block: queueUsed(sheet, meta), after: also?.(meta, sheet) };
    });
    const metaReads = unread.map((name) => ({ name, cells: queueCells(sheets.getItem(name).getUsedRangeOrNullObject(true)) }));
    await context.sync();
    for (const { meta, block, after } of rows) {
      const loaded = block();
      if (loaded) book.mirror(meta.sheet).put(loaded);
      after?.();
      metas.push(meta);
    }
    for (const { name, cells } of metaReads) {
      const block = cells();
      if (block) book.mirror(name).put(block);
    }
    const known = new Set(metas.map((m) => m.sheet));
    found = metaReads.length === 0 ? [] : readMetas(book).filter((m) => ids.has(m.sheet) && !known.has(m.sheet));
    unread = [];
  }
  // In the workbook's order, as readProgressSheets reads them.
  const order = readMetas(book).map((m) => m.sheet);
  metas.sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet));
  return { book, metas, ids };
}
