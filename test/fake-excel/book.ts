// The workbook the fake Excel holds: plain JSON, so that a test can pass it to the browser and read it back.
// No Node API here: this file is bundled into the fake office.js.

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export type CellValue = string | number | boolean;
export type SelectionMode = 'Normal' | 'Unlocked' | 'None';

/** A cell; a format field left out is inherited from the row, then the column, then Excel's default (no fill, locked, General). */
export interface CellState {
  /** The value, or for a formula its last result (the fake does not calculate); null or absent when empty. */
  value?: CellValue | null;
  /** With the leading '=' as Excel shows it. */
  formula?: string;
  /** The value is an error such as '#DIV/0!'. */
  error?: boolean;
  /** '#RRGGBB' of a solid fill; null for no fill. */
  fill?: string | null;
  locked?: boolean;
  numberFormat?: string;
}

/** Formats of a whole row or column (Excel's row and column styles). */
export interface FormatState {
  fill?: string | null;
  locked?: boolean;
  numberFormat?: string;
}

/** Excel.WorksheetProtectionOptions. */
export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: SelectionMode;
}

/** The hash of a password as an xlsx file stores it: kept for the round trip, never checked. */
export interface PasswordHash {
  algorithmName: string;
  hashValue: string;
  saltValue: string;
  spinCount: number;
}

export interface ProtectionState {
  protected: boolean;
  options: ProtectionOptions;
  /** A password in clear, known only to the fake (a test sets it); Excel would keep a hash. */
  password?: string;
  hash?: PasswordHash;
}

export interface SheetState {
  name: string;
  /** Assigned when missing. */
  id?: string;
  visibility?: Visibility;
  protection?: { protected: boolean; options?: Partial<ProtectionOptions>; password?: string; hash?: PasswordHash };
  /** A1 address ('D5') → cell. */
  cells: Record<string, CellState>;
  /** Row number ('5') → row format. */
  rows?: Record<string, FormatState>;
  /** Column letters ('D') → column format. */
  columns?: Record<string, FormatState>;
  /** Merged areas ('A1:C1'), kept for the round trip. */
  merges?: string[];
  /** The sheet's own selection (each sheet remembers one, as in Excel); 'A1' when missing. */
  selection?: string;
  /** What an xlsx file carries that the fake does not use, kept for the round trip (see state.ts). */
  xlsx?: XlsxExtras;
}

/** Parts of a sheet as exceljs reads them (its own JSON shapes), written back as they were. */
export interface XlsxExtras {
  dataValidations?: Record<string, unknown>;
  conditionalFormattings?: unknown[];
  /** Column letters → width, hidden. */
  columns?: Record<string, { width?: number; hidden?: boolean }>;
  /** Row number → height, hidden. */
  rows?: Record<string, { height?: number; hidden?: boolean }>;
  pageSetup?: Record<string, unknown>;
  headerFooter?: Record<string, unknown>;
  /** The sheet view: frozen panes, zoom, gridlines. */
  view?: Record<string, unknown>;
}

export interface BookState {
  sheets: SheetState[];
  /** Name or id of the active sheet; the first visible one when missing. */
  activeSheet?: string;
}

/** A sheet with every field filled in, as the fake keeps it. */
export interface Sheet extends SheetState {
  id: string;
  visibility: Visibility;
  protection: ProtectionState;
  rows: Record<string, FormatState>;
  columns: Record<string, FormatState>;
  merges: string[];
  selection: string;
}

export interface Book {
  sheets: Sheet[];
  /** Id of the active sheet. */
  active: string;
  /** Sheet ids issued so far: a deleted sheet's id is not given again (handlers registered on it stay dead). */
  issued: number;
}

/** What Excel offers when a sheet is protected without options: nothing but selecting cells. */
export const DEFAULT_PROTECTION_OPTIONS: Readonly<ProtectionOptions> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/** An id in the shape Excel on Windows gives its sheets. */
export function sheetId(n: number): string {
  return `{00000000-0001-0000-${n.toString(16).padStart(4, '0').toUpperCase()}-000000000000}`;
}

/** A fresh id for a sheet added to the book. */
export function issueSheetId(book: Book): string {
  const taken = new Set(book.sheets.map((s) => s.id));
  do book.issued++;
  while (taken.has(sheetId(book.issued)));
  return sheetId(book.issued);
}

export function normalizeSheet(s: SheetState, id: string): Sheet {
  const protection: ProtectionState = {
    protected: s.protection?.protected ?? false,
    options: { ...DEFAULT_PROTECTION_OPTIONS, ...s.protection?.options },
  };
  if (s.protection?.password !== undefined) protection.password = s.protection.password;
  if (s.protection?.hash !== undefined) protection.hash = s.protection.hash;
  return {
    name: s.name,
    id,
    visibility: s.visibility ?? 'Visible',
    protection,
    cells: structuredClone(s.cells ?? {}),
    rows: structuredClone(s.rows ?? {}),
    columns: structuredClone(s.columns ?? {}),
    merges: [...(s.merges ?? [])],
    selection: s.selection ?? 'A1',
    ...(s.xlsx === undefined ? {} : { xlsx: structuredClone(s.xlsx) }),
  };
}

/** The book as the fake keeps it; throws for a state Excel could not open (no sheet, no visible sheet, two sheets of one name). */
export function normalizeBook(state: BookState): Book {
  if (state.sheets.length === 0) throw new Error('fake Excel: a workbook needs at least one sheet');
  const given = new Set(state.sheets.map((s) => s.id));
  let n = 0;
  const sheets: Sheet[] = [];
  for (const s of state.sheets) {
    let id = s.id;
    if (id === undefined) {
      do n++;
      while (given.has(sheetId(n)));
      id = sheetId(n);
    }
    sheets.push(normalizeSheet(s, id));
  }
  if (new Set(sheets.map((s) => s.id)).size !== sheets.length) throw new Error('fake Excel: two sheets have one id');
  const names = new Set<string>();
  for (const s of sheets) {
    const key = s.name.toLowerCase();
    if (names.has(key)) throw new Error(`fake Excel: two sheets are named ${s.name}`);
    names.add(key);
  }
  const visible = sheets.filter((s) => s.visibility === 'Visible');
  if (visible.length === 0) throw new Error('fake Excel: a workbook needs a visible sheet');
  const wanted = state.activeSheet === undefined ? undefined : findSheet({ sheets, active: '', issued: 0 }, state.activeSheet);
  const active = wanted !== undefined && wanted.visibility === 'Visible' ? wanted : visible[0];
  return { sheets, active: (active as Sheet).id, issued: Math.max(n, sheets.length) };
}

/** The book as a test sees it: plain JSON, the active sheet by name. */
export function bookState(book: Book): BookState {
  const sheets = structuredClone(book.sheets);
  const active = book.sheets.find((s) => s.id === book.active);
  return active === undefined ? { sheets } : { sheets, activeSheet: active.name };
}

/** A sheet by name (case-insensitive, as Excel compares names) or by id. */
export function findSheet(book: Book, key: string): Sheet | undefined {
  const lower = key.toLowerCase();
  return book.sheets.find((s) => s.id === key) ?? book.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function isEmptyCell(cell: CellState): boolean {
  return (cell.value === undefined || cell.value === null) && cell.formula === undefined && cell.fill === undefined && cell.locked === undefined && cell.numberFormat === undefined;
}
