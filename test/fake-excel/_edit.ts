// Changes to the book with Excel's rules (protection, sheet names, the last visible sheet), shared by the API and the user's actions.
import { cellCount, cellKey, columnName, contains, formatArea, isEntireColumn, isEntireRow, parseArea, parseCellKey, type Rect } from './_address.js';
import { type Entry, valueType, shownValue } from './_input.js';
import { fail, type FakeEvent } from './_runtime.js';
import { type Book, type CellState, type FormatState, isEmptyCell, issueSheetId, normalizeSheet, type ProtectionOptions, type Sheet, type SheetState, type Visibility } from './book.js';

export const DEFAULT_FORMAT = { fill: null, locked: true, numberFormat: 'General' } as const;

/** Excel's getters read at most this many cells of a range (Resource limits for Office Add-ins: five million cells for get operations). */
export const GET_CELL_LIMIT = 5_000_000;

export function sheetById(book: Book, id: string): Sheet {
  return book.sheets.find((s) => s.id === id) ?? fail('ItemNotFound', `The worksheet ${id} does not exist.`);
}

/** A cell's format as Excel resolves it: the cell's own, else its row's, else its column's, else the default. */
export function formatOf<K extends keyof FormatState>(sheet: Sheet, r: number, c: number, key: K): NonNullable<FormatState[K]> | (typeof DEFAULT_FORMAT)[K] {
  const own = sheet.cells[cellKey(r, c)]?.[key];
  if (own !== undefined) return own as NonNullable<FormatState[K]>;
  const row = sheet.rows[String(r + 1)]?.[key];
  if (row !== undefined) return row as NonNullable<FormatState[K]>;
  const column = sheet.columns[columnName(c)]?.[key];
  if (column !== undefined) return column as NonNullable<FormatState[K]>;
  return DEFAULT_FORMAT[key];
}

export function checkGetLimit(rects: readonly Rect[]): void {
  const n = rects.reduce((sum, r) => sum + cellCount(r), 0);
  if (n > GET_CELL_LIMIT) fail('RangeExceedsLimit', `The range has ${n} cells; Excel reads at most ${GET_CELL_LIMIT} in one get.`);
}

/** A 2-D grid of one cell property. */
export function grid<T>(sheet: Sheet, rect: Rect, read: (cell: CellState | undefined, r: number, c: number) => T): T[][] {
  checkGetLimit([rect]);
  const rows: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: T[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(read(sheet.cells[cellKey(r, c)], r, c));
    rows.push(row);
  }
  return rows;
}

/** Beyond this many cells a uniformity check looks only at the formats that are set, not at every cell. */
const EXACT_UNIFORMITY = 2_000_000;

/** The one value a format has over the rects, or undefined when it differs (RangeFormat getters then give null). */
export function uniform<K extends keyof FormatState>(sheet: Sheet, rects: readonly Rect[], key: K): { value: unknown } | undefined {
  const seen = new Set<unknown>();
  const total = rects.reduce((sum, r) => sum + cellCount(r), 0);
  if (total <= EXACT_UNIFORMITY) {
    for (const rect of rects) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          seen.add(formatOf(sheet, r, c, key));
          if (seen.size > 1) return undefined;
        }
      }
    }
  } else {
    seen.add(DEFAULT_FORMAT[key]);
    for (const [k, cell] of Object.entries(sheet.cells)) {
      const { r, c } = parseCellKey(k);
      if (cell[key] !== undefined && rects.some((rect) => contains(rect, r, c))) seen.add(cell[key]);
    }
    for (const [n, f] of Object.entries(sheet.rows)) if (f[key] !== undefined && rects.some((rect) => contains(rect, Number(n) - 1, rect.c0))) seen.add(f[key]);
    for (const f of Object.values(sheet.columns)) if (f[key] !== undefined) seen.add(f[key]);
    if (seen.size > 1) return undefined;
  }
  return { value: [...seen][0] };
}

function mutableCell(sheet: Sheet, key: string): CellState {
  let cell = sheet.cells[key];
  if (cell === undefined) {
    cell = {};
    sheet.cells[key] = cell;
  }
  return cell;
}

function tidy(sheet: Sheet, key: string): void {
  const cell = sheet.cells[key];
  if (cell !== undefined && isEmptyCell(cell)) delete sheet.cells[key];
}

/** Excel refuses to change a locked cell of a protected sheet; it checks the whole write before changing anything. */
export function checkUnlocked(sheet: Sheet, cells: Iterable<{ r: number; c: number }>): void {
  if (!sheet.protection.protected) return;
  for (const { r, c } of cells) {
    if (formatOf(sheet, r, c, 'locked')) {
      fail('AccessDenied', `The cell ${cellKey(r, c)} is locked on the protected sheet ${sheet.name}.`);
    }
  }
}

/**
 * Writes entries (undefined leaves a cell as it is, as null does in Range.values) and raises one onChanged for the block:
 * with details when it is a single cell, without when it is several (Excel leaves them out).
 */
export function writeEntries(sheet: Sheet, rect: Rect, entries: readonly (readonly (Entry | undefined)[])[], trigger: 'ThisLocalAddin' | 'Unknown', events: FakeEvent[]): void {
  const targets: { r: number; c: number; entry: Entry }[] = [];
  entries.forEach((row, i) => row.forEach((entry, j) => entry !== undefined && targets.push({ r: rect.r0 + i, c: rect.c0 + j, entry })));
  if (targets.length === 0) return;
  checkUnlocked(sheet, targets);
  const single = cellCount(rect) === 1 ? targets[0] : undefined;
  const before = single === undefined ? undefined : { ...sheet.cells[cellKey(single.r, single.c)] };
  for (const { r, c, entry } of targets) {
    const key = cellKey(r, c);
    const cell = mutableCell(sheet, key);
    delete cell.formula;
    delete cell.error;
    cell.value = entry.value;
    if (entry.value === null) delete cell.value;
    // The fake does not calculate: a formula written here reads '' in Range.values until a test sets its result.
    if (entry.formula !== undefined) cell.formula = entry.formula;
    if (entry.numberFormat !== undefined && formatOf(sheet, r, c, 'numberFormat') === 'General') cell.numberFormat = entry.numberFormat;
    tidy(sheet, key);
  }
  const event: FakeEvent = { kind: 'Changed', sheetId: sheet.id, address: formatArea(rect), trigger };
  if (single !== undefined && before !== undefined) {
    const after = sheet.cells[cellKey(single.r, single.c)];
    event.details = { valueBefore: shownValue(before), valueAfter: shownValue(after), valueTypeBefore: valueType(before), valueTypeAfter: valueType(after) };
  }
  events.push(event);
}

/** Sets a format over rects: whole rows and columns as row and column formats (as Excel keeps them), other cells one by one. */
export function writeFormat(sheet: Sheet, rects: readonly Rect[], patch: FormatState): void {
  if (sheet.protection.protected) {
    if (patch.locked !== undefined) fail('AccessDenied', `Cells cannot be locked or unlocked while ${sheet.name} is protected.`);
    if (!sheet.protection.options.allowFormatCells) fail('AccessDenied', `The protection of ${sheet.name} does not allow formatting cells.`);
  }
  const keys = Object.keys(patch) as (keyof FormatState)[];
  const apply = (target: FormatState): void => {
    for (const k of keys) (target as Record<string, unknown>)[k] = patch[k];
  };
  // Cells inside a formatted whole row or column drop their own value of the format, so that they show the new one.
  const inherit = (rect: Rect): void =>
    forEachCell(sheet, rect, (key, cell) => {
      for (const k of keys) delete cell[k];
      tidy(sheet, key);
    });
  for (const rect of rects) {
    if (isEntireRow(rect)) {
      for (let r = rect.r0; r <= rect.r1; r++) apply((sheet.rows[String(r + 1)] ??= {}));
      inherit(rect);
    } else if (isEntireColumn(rect)) {
      for (let c = rect.c0; c <= rect.c1; c++) apply((sheet.columns[columnName(c)] ??= {}));
      inherit(rect);
    } else {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const key = cellKey(r, c);
          apply(mutableCell(sheet, key));
        }
      }
    }
  }
}

function forEachCell(sheet: Sheet, rect: Rect, f: (key: string, cell: CellState) => void): void {
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const { r, c } = parseCellKey(key);
    if (contains(rect, r, c)) f(key, cell);
  }
}

/** Range.clear: 'Contents' empties values and formulas (raising onChanged), 'Formats' resets formats, 'All' both. */
export function clearRange(sheet: Sheet, rect: Rect, applyTo: string, trigger: 'ThisLocalAddin' | 'Unknown', events: FakeEvent[]): void {
  const contents = applyTo === 'All' || applyTo === 'Contents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  if (!contents && !formats) fail('InvalidArgument', `Range.clear does not know ${applyTo}.`);
  if (formats && sheet.protection.protected && !sheet.protection.options.allowFormatCells) fail('AccessDenied', `The protection of ${sheet.name} does not allow formatting cells.`);
  const touched: { r: number; c: number }[] = [];
  forEachCell(sheet, rect, (key) => touched.push(parseCellKey(key)));
  if (contents) checkUnlocked(sheet, touched.filter(({ r, c }) => shownValue(sheet.cells[cellKey(r, c)]) !== '' || sheet.cells[cellKey(r, c)]?.formula !== undefined));
  forEachCell(sheet, rect, (key, cell) => {
    if (contents) {
      delete cell.value;
      delete cell.formula;
      delete cell.error;
    }
    if (formats) {
      delete cell.fill;
      delete cell.numberFormat;
    }
    tidy(sheet, key);
  });
  if (contents) events.push({ kind: 'Changed', sheetId: sheet.id, address: formatArea(rect), trigger });
}

/** The smallest rectangle holding every cell with a value (valuesOnly) or with anything (values or formats); undefined when none. */
export function usedRect(sheet: Sheet, valuesOnly: boolean): Rect | undefined {
  let rect: Rect | undefined;
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const hasValue = shownValue(cell) !== '' || cell.formula !== undefined;
    if (valuesOnly ? !hasValue : isEmptyCell(cell)) continue;
    const { r, c } = parseCellKey(key);
    rect = rect === undefined ? { r0: r, c0: c, r1: r, c1: c } : { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) };
  }
  return rect;
}

/** Excel's rules for a sheet name: 1 to 31 characters, none of : \ / ? * [ ], no apostrophe at either end, not 'History'. */
export function checkSheetName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    fail('InvalidArgument', `${JSON.stringify(name)} is not a valid sheet name.`);
  }
  return name;
}

function nameTaken(book: Book, name: string, except?: Sheet): boolean {
  const lower = name.toLowerCase();
  return book.sheets.some((s) => s !== except && s.name.toLowerCase() === lower);
}

export function addSheet(book: Book, name: string | undefined, events: FakeEvent[]): Sheet {
  let n = book.sheets.length + 1;
  while (name === undefined && nameTaken(book, `Sheet${n}`)) n++;
  const chosen = name === undefined ? `Sheet${n}` : checkSheetName(name);
  if (nameTaken(book, chosen)) fail('ItemAlreadyExists', `A sheet named ${chosen} already exists.`);
  const sheet = normalizeSheet({ name: chosen, cells: {} }, issueSheetId(book));
  book.sheets.push(sheet);
  events.push({ kind: 'Added', sheetId: sheet.id });
  return sheet;
}

export function renameSheet(book: Book, sheet: Sheet, name: unknown): void {
  const chosen = checkSheetName(name);
  if (nameTaken(book, chosen, sheet)) fail('ItemAlreadyExists', `A sheet named ${chosen} already exists.`);
  sheet.name = chosen;
}

export function moveSheet(book: Book, sheet: Sheet, position: unknown): void {
  if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= book.sheets.length) fail('InvalidArgument', `${String(position)} is not a sheet position.`);
  book.sheets.splice(book.sheets.indexOf(sheet), 1);
  book.sheets.splice(position, 0, sheet);
}

/** Makes another visible sheet active when the active one is hidden or deleted: the next one, else the one before. */
function activateNeighbour(book: Book, leaving: Sheet, events: FakeEvent[]): void {
  if (book.active !== leaving.id) return;
  const i = book.sheets.indexOf(leaving);
  const next = [...book.sheets.slice(i + 1), ...book.sheets.slice(0, i).reverse()].find((s) => s !== leaving && s.visibility === 'Visible');
  if (next === undefined) return;
  events.push({ kind: 'Deactivated', sheetId: leaving.id });
  book.active = next.id;
  events.push({ kind: 'Activated', sheetId: next.id });
}

export function setVisibility(book: Book, sheet: Sheet, visibility: unknown, events: FakeEvent[]): void {
  if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden') fail('InvalidArgument', `${String(visibility)} is not a sheet visibility.`);
  if (visibility !== 'Visible' && sheet.visibility === 'Visible' && book.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
    fail('InvalidOperation', 'A workbook must keep at least one visible sheet.');
  }
  sheet.visibility = visibility as Visibility;
  if (visibility !== 'Visible') activateNeighbour(book, sheet, events);
}

export function deleteSheet(book: Book, sheet: Sheet, events: FakeEvent[]): void {
  if (sheet.visibility === 'Visible' && book.sheets.filter((s) => s.visibility === 'Visible').length === 1) fail('InvalidOperation', 'A workbook must keep at least one visible sheet.');
  activateNeighbour(book, sheet, events);
  book.sheets.splice(book.sheets.indexOf(sheet), 1);
  events.push({ kind: 'Deleted', sheetId: sheet.id });
}

export function activateSheet(book: Book, sheet: Sheet, events: FakeEvent[]): void {
  if (sheet.visibility !== 'Visible') fail('InvalidOperation', `The sheet ${sheet.name} is ${sheet.visibility === 'Hidden' ? 'hidden' : 'very hidden'} and cannot be activated.`);
  if (book.active === sheet.id) return;
  events.push({ kind: 'Deactivated', sheetId: book.active });
  book.active = sheet.id;
  events.push({ kind: 'Activated', sheetId: sheet.id });
}

/** Selecting a range activates its sheet first, as in Excel. */
export function selectRange(book: Book, sheet: Sheet, rect: Rect, events: FakeEvent[]): void {
  activateSheet(book, sheet, events);
  const address = formatArea(rect);
  sheet.selection = address;
  events.push({ kind: 'SelectionChanged', sheetId: sheet.id, address });
}

export function selectionRect(sheet: Sheet): Rect {
  return parseArea(sheet.selection) ?? { r0: 0, c0: 0, r1: 0, c1: 0 };
}

export function protectSheet(sheet: Sheet, options: Partial<ProtectionOptions> | undefined, password: string | undefined, events: FakeEvent[]): void {
  if (sheet.protection.protected) fail('InvalidOperation', `The sheet ${sheet.name} is already protected.`);
  sheet.protection = { protected: true, options: { ...sheet.protection.options, ...options } };
  if (password !== undefined && password !== '') sheet.protection.password = password;
  events.push({ kind: 'ProtectionChanged', sheetId: sheet.id, isProtected: true });
}

/**
 * A password in clear (set by a test) must match. A hash read from a file cannot be checked by the fake, so any password
 * unlocks it, but none does not.
 */
export function unprotectSheet(sheet: Sheet, password: string | undefined, events: FakeEvent[]): void {
  if (!sheet.protection.protected) return;
  const { password: expected, hash } = sheet.protection;
  if ((expected !== undefined && password !== expected) || (expected === undefined && hash !== undefined && (password ?? '') === '')) {
    fail('InvalidArgument', `The password does not unprotect ${sheet.name}.`);
  }
  sheet.protection = { protected: false, options: sheet.protection.options };
  events.push({ kind: 'ProtectionChanged', sheetId: sheet.id, isProtected: false });
}

/** A name Excel gives a sheet that arrives with a taken name: 'Name (2)', 'Name (3)', … within 31 characters. */
export function freeName(book: Book, name: string): string {
  if (!nameTaken(book, name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!nameTaken(book, candidate)) return candidate;
  }
}

export interface InsertOptions {
  sheetNamesToInsert?: string[];
  positionType?: string;
  relativeTo?: Sheet;
}

/**
 * Workbook.insertWorksheetsFromBase64 once the file is read. Microsoft documents neither that sheet protection nor the
 * very-hidden state survive the insertion, so the fake is pessimistic: inserted sheets arrive unprotected, and a
 * very hidden sheet arrives merely hidden. An add-in that needs either must set it again after inserting.
 */
export function insertSheets(book: Book, incoming: readonly SheetState[], options: InsertOptions, events: FakeEvent[]): string[] {
  const wanted = options.sheetNamesToInsert;
  if (wanted !== undefined && wanted.length > 0) {
    const missing = wanted.filter((n) => !incoming.some((s) => s.name.toLowerCase() === n.toLowerCase()));
    if (missing.length > 0) fail('InvalidArgument', `The file has no sheet named ${missing.join(', ')}.`);
  }
  const chosen = wanted === undefined || wanted.length === 0 ? incoming : incoming.filter((s) => wanted.some((n) => n.toLowerCase() === s.name.toLowerCase()));
  const position = options.positionType ?? 'End';
  let at: number;
  switch (position) {
    case 'Beginning':
      at = 0;
      break;
    case 'End':
    case 'None':
      at = book.sheets.length;
      break;
    case 'Before':
    case 'After':
      if (options.relativeTo === undefined) fail('InvalidArgument', `positionType ${position} needs relativeTo.`);
      at = book.sheets.indexOf(options.relativeTo) + (position === 'After' ? 1 : 0);
      break;
    default:
      fail('InvalidArgument', `${position} is not a WorksheetPositionType.`);
  }
  const ids: string[] = [];
  for (const s of chosen) {
    const sheet = normalizeSheet({ ...s, name: freeName(book, s.name), protection: { protected: false }, visibility: s.visibility === 'VeryHidden' ? 'Hidden' : (s.visibility ?? 'Visible') }, issueSheetId(book));
    book.sheets.splice(at++, 0, sheet);
    ids.push(sheet.id);
    events.push({ kind: 'Added', sheetId: sheet.id });
  }
  return ids;
}

/** The user's fill down (Ctrl+D): each column's top cell copied down its block, formulas moved as Excel moves relative references. */
export function fillDown(sheet: Sheet, rect: Rect, events: FakeEvent[]): void {
  const targets: { r: number; c: number }[] = [];
  for (let r = rect.r0 + 1; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) targets.push({ r, c });
  checkUnlocked(sheet, targets);
  const copyFormats = !sheet.protection.protected || sheet.protection.options.allowFormatCells;
  for (let c = rect.c0; c <= rect.c1; c++) {
    const top = sheet.cells[cellKey(rect.r0, c)];
    for (let r = rect.r0 + 1; r <= rect.r1; r++) {
      const key = cellKey(r, c);
      const cell = mutableCell(sheet, key);
      delete cell.value;
      delete cell.formula;
      delete cell.error;
      if (top?.formula !== undefined) cell.formula = shiftRows(top.formula, r - rect.r0);
      else if (top?.value !== undefined && top.value !== null) cell.value = top.value;
      if (top?.error === true) cell.error = true;
      if (copyFormats) {
        if (top?.numberFormat !== undefined) cell.numberFormat = top.numberFormat;
        if (top?.fill !== undefined) cell.fill = top.fill;
      }
      tidy(sheet, key);
    }
  }
  if (rect.r1 > rect.r0) events.push({ kind: 'Changed', sheetId: sheet.id, address: formatArea(rect), trigger: 'Unknown' });
}

/** A formula copied `by` rows down: relative row numbers move, $-anchored ones and text in quotes stay. */
export function shiftRows(formula: string, by: number): string {
  return formula.replace(/("[^"]*")|(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\d(])/g, (m, quoted: string | undefined, col: string, dollar: string, row: string) => {
    if (quoted !== undefined) return m;
    return dollar === '$' ? m : `${col}${Number(row) + by}`;
  });
}

