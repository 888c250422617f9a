// xlsx files ↔ the fake's BookState, through exceljs (not the project's own reader and writer, which the tests check).
import ExcelJS from 'exceljs';
import { columnIndex, columnName } from './_address.js';
import { DEFAULT_FORMAT } from './_edit.js';
import { type BookState, type CellState, DEFAULT_PROTECTION_OPTIONS, type FormatState, type PasswordHash, type ProtectionOptions, type SheetState, type Visibility, type XlsxExtras } from './book.js';

export type { BookState, CellState, SheetState } from './book.js';

/** The default Office theme (2013–2022), by the index xlsx files use: lt1, dk1, lt2, dk2, then accents 1–6, hyperlinks. */
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72'];
/** The legacy indexed palette (indices 8–63; 0–7 repeat 8–15). */
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF', '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF', '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99', '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

/** A tint applied as Excel does, on the luminance in HSL (ECMA-376 §18.8.19). */
function tinted(hex: string, tint: number): string {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let h = 0;
  let s = 0;
  let l = (max + min) / 2;
  if (max !== min) {
    const d = max - min;
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    h /= 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const rgb = s === 0 ? [l, l, l] : [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  return rgb.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('').toUpperCase();
}

type Color = { argb?: string; theme?: number; tint?: number; indexed?: number };

function colorHex(c: Color | undefined): string | undefined {
  if (c === undefined) return undefined;
  let hex: string | undefined;
  if (typeof c.argb === 'string') hex = c.argb.slice(-6).toUpperCase();
  else if (typeof c.theme === 'number') hex = THEME[c.theme];
  else if (typeof c.indexed === 'number') hex = INDEXED[c.indexed < 8 ? c.indexed : c.indexed - 8];
  if (hex === undefined) return undefined;
  return typeof c.tint === 'number' && c.tint !== 0 ? tinted(hex, c.tint) : hex;
}

/** A solid pattern fill's colour as '#RRGGBB'; null for no fill (or a pattern other than solid, or a gradient). */
function fillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (fill === undefined || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  const hex = colorHex(fill.fgColor as Color | undefined);
  return hex === undefined ? null : `#${hex}`;
}

function formatOfStyle(style: Partial<ExcelJS.Style> | undefined): FormatState {
  const f: FormatState = {};
  if (style === undefined) return f;
  if (style.fill !== undefined) f.fill = fillColor(style.fill);
  if (style.protection?.locked !== undefined) f.locked = style.protection.locked;
  if (style.numFmt !== undefined) f.numberFormat = style.numFmt;
  return f;
}

/** A row or column style as a format, without what is Excel's default anyway (exceljs fills in a whole style). */
function withoutDefaults(f: FormatState): FormatState {
  const out: FormatState = {};
  if (f.fill !== undefined && f.fill !== DEFAULT_FORMAT.fill) out.fill = f.fill;
  if (f.locked !== undefined && f.locked !== DEFAULT_FORMAT.locked) out.locked = f.locked;
  if (f.numberFormat !== undefined && f.numberFormat !== DEFAULT_FORMAT.numberFormat) out.numberFormat = f.numberFormat;
  return out;
}

const hasFormat = (f: FormatState): boolean => f.fill !== undefined || f.locked !== undefined || f.numberFormat !== undefined;

function serialOf(date: Date, date1904: boolean): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (date.getTime() - epoch) / 86_400_000;
}

type Scalar = { value: string | number | boolean | null; error?: boolean };

function scalarOf(v: unknown, date1904: boolean): Scalar {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: serialOf(v, date1904) };
  const o = v as { richText?: { text: string }[]; text?: unknown; error?: string };
  if (Array.isArray(o.richText)) return { value: o.richText.map((r) => r.text).join('') };
  if (typeof o.error === 'string') return { value: o.error, error: true };
  if (o.text !== undefined) return scalarOf(o.text, date1904);
  return { value: String(v) };
}

const PROTECTION_KEYS: [Exclude<keyof ProtectionOptions, 'selectionMode'>, string][] = [
  ['allowFormatCells', 'formatCells'],
  ['allowFormatColumns', 'formatColumns'],
  ['allowFormatRows', 'formatRows'],
  ['allowInsertColumns', 'insertColumns'],
  ['allowInsertRows', 'insertRows'],
  ['allowInsertHyperlinks', 'insertHyperlinks'],
  ['allowDeleteColumns', 'deleteColumns'],
  ['allowDeleteRows', 'deleteRows'],
  ['allowSort', 'sort'],
  ['allowAutoFilter', 'autoFilter'],
  ['allowPivotTables', 'pivotTables'],
];

type SheetProtection = Record<string, unknown> & { sheet?: boolean; algorithmName?: string; hashValue?: string; saltValue?: string; spinCount?: number };

/**
 * exceljs keeps <sheetProtection> attributes as booleans that say what is allowed: formatCells="0" in the file (the
 * cells may be formatted) is formatCells: true; objects="1" (objects locked) is objects: false.
 */
function protectionOf(p: SheetProtection | null | undefined): NonNullable<SheetState['protection']> {
  if (p === null || p === undefined || p.sheet !== true) return { protected: false };
  const options: ProtectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
  for (const [office, xml] of PROTECTION_KEYS) (options as unknown as Record<string, boolean>)[office] = p[xml] === true;
  options.allowEditObjects = p.objects !== false;
  options.allowEditScenarios = p.scenarios !== false;
  options.selectionMode = p.selectUnlockedCells === false ? 'None' : p.selectLockedCells === false ? 'Unlocked' : 'Normal';
  const protection: NonNullable<SheetState['protection']> = { protected: true, options };
  if (typeof p.hashValue === 'string') protection.hash = { algorithmName: String(p.algorithmName), hashValue: p.hashValue, saltValue: String(p.saltValue), spinCount: Number(p.spinCount) } satisfies PasswordHash;
  return protection;
}

const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Data validations, conditional formats, sizes, page setup and the view: not modelled by the fake, carried through it. */
function extrasOf(ws: ExcelJS.Worksheet, view: Record<string, unknown> | undefined): XlsxExtras {
  const extras: XlsxExtras = {};
  const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  if (Object.keys(validations).length > 0) extras.dataValidations = json(validations);
  const conditional = (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
  if (conditional.length > 0) extras.conditionalFormattings = json(conditional);
  const columns: NonNullable<XlsxExtras['columns']> = {};
  (ws.columns ?? []).forEach((c, i) => {
    if (c.width !== undefined || c.hidden === true) columns[columnName(i)] = { ...(c.width === undefined ? {} : { width: c.width }), ...(c.hidden === true ? { hidden: true } : {}) };
  });
  if (Object.keys(columns).length > 0) extras.columns = columns;
  const rows: NonNullable<XlsxExtras['rows']> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height !== undefined || row.hidden) rows[String(n)] = { ...(row.height === undefined ? {} : { height: row.height }), ...(row.hidden ? { hidden: true } : {}) };
  });
  if (Object.keys(rows).length > 0) extras.rows = rows;
  extras.pageSetup = json(ws.pageSetup as unknown as Record<string, unknown>);
  if (Object.keys(ws.headerFooter ?? {}).length > 0) extras.headerFooter = json(ws.headerFooter as unknown as Record<string, unknown>);
  if (view !== undefined) extras.view = json(view);
  return extras;
}

function writeExtras(ws: ExcelJS.Worksheet, extras: XlsxExtras | undefined, selection: string | undefined): void {
  if (extras?.dataValidations !== undefined) (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model = json(extras.dataValidations);
  for (const cf of extras?.conditionalFormattings ?? []) ws.addConditionalFormatting(json(cf) as ExcelJS.ConditionalFormattingOptions);
  for (const [letters, c] of Object.entries(extras?.columns ?? {})) {
    const column = ws.getColumn(columnIndex(letters) + 1);
    if (c.width !== undefined) column.width = c.width;
    if (c.hidden === true) column.hidden = true;
  }
  for (const [n, r] of Object.entries(extras?.rows ?? {})) {
    const row = ws.getRow(Number(n));
    if (r.height !== undefined) row.height = r.height;
    if (r.hidden === true) row.hidden = true;
  }
  if (extras?.pageSetup !== undefined) Object.assign(ws.pageSetup, json(extras.pageSetup));
  if (extras?.headerFooter !== undefined) Object.assign(ws.headerFooter, json(extras.headerFooter));
  const view = { ...(extras?.view ?? { state: 'normal' }), ...(selection === undefined ? {} : { activeCell: selection }) };
  ws.views = [view as Partial<ExcelJS.WorksheetView>];
}

const VISIBILITY: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

/** Reads an xlsx file as Excel would show it to the fake: values, formulas with their results, fills, locks, visibility and protection. */
export async function stateFromXlsx(bytes: Uint8Array): Promise<BookState> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const date1904 = wb.properties.date1904 === true;
  const sheets: SheetState[] = wb.worksheets.map((ws) => {
    const columns: Record<string, FormatState> = {};
    const rows: Record<string, FormatState> = {};
    (ws.columns ?? []).forEach((column, c) => {
      const f = withoutDefaults(formatOfStyle(column.style));
      if (hasFormat(f)) columns[columnName(c)] = f;
    });
    const cells: Record<string, CellState> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const rowFormat = withoutDefaults(formatOfStyle((row as unknown as { style?: Partial<ExcelJS.Style> }).style));
      if (hasFormat(rowFormat)) rows[String(r)] = rowFormat;
      // includeEmpty, for cells that have only a style (an unlocked entry cell); cells that exceljs makes up for the gaps inherit, and are dropped below.
      row.eachCell({ includeEmpty: true }, (cell) => {
        const c = Number(cell.col) - 1;
        const inherited = (k: keyof FormatState): unknown => rowFormat[k] ?? columns[columnName(c)]?.[k] ?? DEFAULT_FORMAT[k];
        const state: CellState = {};
        if (cell.type === ExcelJS.ValueType.Formula) {
          const f = cell.formula;
          if (f !== undefined && f !== '') state.formula = `=${f}`;
          const result = scalarOf(cell.result, date1904);
          if (result.value !== null) state.value = result.value;
          if (result.error === true) state.error = true;
        } else if (cell.type !== ExcelJS.ValueType.Merge) {
          const v = scalarOf(cell.value, date1904);
          if (v.value !== null) state.value = v.value;
          if (v.error === true) state.error = true;
        }
        const own = formatOfStyle(cell.style);
        const fill = own.fill ?? null;
        const locked = own.locked ?? true;
        const numberFormat = own.numberFormat ?? 'General';
        // Only what differs from what the cell would inherit is kept (the cell's own style is complete in the file).
        if (fill !== inherited('fill')) state.fill = fill;
        if (locked !== inherited('locked')) state.locked = locked;
        if (numberFormat !== inherited('numberFormat')) state.numberFormat = numberFormat;
        if (Object.keys(state).length > 0) cells[cell.address] = state;
      });
    });
    const view = ws.views?.[0] as ({ activeCell?: string } & Record<string, unknown>) | undefined;
    const sheet: SheetState = {
      name: ws.name,
      visibility: VISIBILITY[ws.state] ?? 'Visible',
      protection: protectionOf((ws as unknown as { sheetProtection: SheetProtection | null }).sheetProtection),
      cells,
      rows,
      columns,
      merges: [...((ws.model as { merges?: string[] }).merges ?? [])],
    };
    if (view?.activeCell !== undefined) sheet.selection = view.activeCell;
    sheet.xlsx = extrasOf(ws, view);
    return sheet;
  });
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  const active = activeTab === undefined ? undefined : sheets[activeTab];
  return active === undefined || active.visibility !== 'Visible' ? { sheets } : { sheets, activeSheet: active.name };
}

function styleOf(f: FormatState): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (f.fill !== undefined) style.fill = f.fill === null ? { type: 'pattern', pattern: 'none' } : { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${f.fill.slice(1)}` } };
  if (f.locked !== undefined) style.protection = { locked: f.locked };
  if (f.numberFormat !== undefined) style.numFmt = f.numberFormat;
  return style;
}

const XLSX_VISIBILITY: Record<Visibility, 'visible' | 'hidden' | 'veryHidden'> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** Writes the state as an xlsx file with exceljs: values, formulas and their last results, fills, locks, visibility, protection, merges, and the extras read. */
export async function xlsxFromState(state: BookState): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of state.sheets) {
    const ws = wb.addWorksheet(s.name, { state: XLSX_VISIBILITY[s.visibility ?? 'Visible'] });
    // Row and column styles first: exceljs gives new cells the styles of their row and column.
    for (const [letters, f] of Object.entries(s.columns ?? {})) ws.getColumn(columnIndex(letters) + 1).style = styleOf(f);
    for (const [n, f] of Object.entries(s.rows ?? {})) (ws.getRow(Number(n)) as unknown as { style: Partial<ExcelJS.Style> }).style = styleOf(f);
    for (const [address, cell] of Object.entries(s.cells)) {
      const c = ws.getCell(address);
      const value = cell.value ?? null;
      if (cell.formula !== undefined) c.value = { formula: cell.formula.replace(/^=/, ''), ...(value === null ? {} : { result: cell.error === true ? { error: value } : value }) } as ExcelJS.CellFormulaValue;
      else if (cell.error === true && typeof value === 'string') c.value = { error: value } as ExcelJS.CellErrorValue;
      else c.value = value;
      const style = styleOf(cell);
      if (style.fill !== undefined) c.fill = style.fill;
      if (style.protection !== undefined) c.protection = style.protection;
      if (style.numFmt !== undefined) c.numFmt = style.numFmt;
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    writeExtras(ws, s.xlsx, s.selection);
    const p = s.protection;
    if (p?.protected === true) {
      const o = { ...DEFAULT_PROTECTION_OPTIONS, ...p.options };
      const options: Record<string, boolean> = Object.fromEntries(PROTECTION_KEYS.map(([office, xml]) => [xml, o[office]]));
      options.objects = o.allowEditObjects;
      options.scenarios = o.allowEditScenarios;
      options.selectLockedCells = o.selectionMode === 'Normal';
      options.selectUnlockedCells = o.selectionMode !== 'None';
      if (p.password !== undefined) await ws.protect(p.password, options);
      else if (p.hash !== undefined) (ws as unknown as { sheetProtection: SheetProtection }).sheetProtection = { sheet: true, ...options, ...p.hash };
      else await ws.protect('', options);
    }
  }
  const activeIndex = state.activeSheet === undefined ? -1 : state.sheets.findIndex((s) => s.name === state.activeSheet || s.id === state.activeSheet);
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: Math.max(0, activeIndex), visibility: 'visible' }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
