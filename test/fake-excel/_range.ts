// Excel.Range and what hangs off it: RangeAreas and their areas, RangeFormat, RangeFill, FormatProtection.
import { boundingRect, cellCount, formatArea, inGrid, intersection, isEntireColumn, isEntireRow, MAX_COLUMNS, MAX_ROWS, parseArea, type Rect, sheetAddress, splitQualified } from './_address.js';
import * as edit from './_edit.js';
import { type Entry, formatText, parseEntry, shownValue, valueType } from './_input.js';
import { ClientObject, ClientResult, laterVersion, type Scalar } from './_proxy.js';
import { fail, type Tx } from './_runtime.js';
import type { RequestContext, Worksheet } from './_workbook.js';
import type { Sheet } from './book.js';

export type RangeTarget = { sheet: Sheet; rect: Rect };
export type AreasTarget = { sheet: Sheet; rects: Rect[] };

export const str = (v: unknown): string => JSON.stringify(v);

/** An address on the sheet, qualified with the sheet's name or not. */
export function parseAddress(sheet: Sheet, address: string, location: string): Rect {
  const { sheet: name, area } = splitQualified(address);
  if (name !== undefined && name.toLowerCase() !== sheet.name.toLowerCase()) fail('InvalidArgument', `${address} is not on the sheet ${sheet.name}.`, location);
  return parseArea(area) ?? fail('InvalidArgument', `${address} is not an A1 address the fake understands (named ranges are not supported).`, location);
}

function rangeScalars(): Record<string, Scalar<RangeTarget>> {
  const nf = (t: RangeTarget, r: number, c: number): string => edit.formatOf(t.sheet, r, c, 'numberFormat');
  const values: Scalar<RangeTarget> = {
    get: (t) => edit.grid(t.sheet, t.rect, shownValue),
    set: (t, v, tx) => edit.writeEntries(t.sheet, t.rect, entries(t, v), 'ThisLocalAddin', tx.events),
  };
  const formulas: Scalar<RangeTarget> = { get: (t) => edit.grid(t.sheet, t.rect, (cell) => cell?.formula ?? shownValue(cell)), set: values.set as NonNullable<Scalar<RangeTarget>['set']> };
  const numberFormat: Scalar<RangeTarget> = {
    get: (t) => edit.grid(t.sheet, t.rect, (_cell, r, c) => nf(t, r, c)),
    set: (t, v) => writeNumberFormat(t, v),
  };
  return {
    address: { get: (t) => sheetAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t) => sheetAddress(t.sheet.name, t.rect) },
    cellCount: { get: (t) => cellCount(t.rect) },
    columnCount: { get: (t) => t.rect.c1 - t.rect.c0 + 1 },
    columnIndex: { get: (t) => t.rect.c0 },
    rowCount: { get: (t) => t.rect.r1 - t.rect.r0 + 1 },
    rowIndex: { get: (t) => t.rect.r0 },
    isEntireColumn: { get: (t) => isEntireColumn(t.rect), requires: '1.7' },
    isEntireRow: { get: (t) => isEntireRow(t.rect), requires: '1.7' },
    values,
    formulas,
    formulasLocal: formulas,
    numberFormat,
    numberFormatLocal: { ...numberFormat, requires: '1.7' },
    text: { get: (t) => edit.grid(t.sheet, t.rect, (cell, r, c) => formatText(cell, nf(t, r, c))) },
    valueTypes: { get: (t) => edit.grid(t.sheet, t.rect, valueType) },
  };
}

/**
 * What Range.values (or formulas) = v writes: a 2-D array of the range's shape, or one value for every cell. Strings are
 * read as Excel reads typed text ('50%' → 0.5, '=A1' → a formula); null leaves a cell as it is.
 */
function entries(t: RangeTarget, input: unknown): (Entry | undefined)[][] {
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  const entry = (x: unknown, r: number, c: number): Entry | undefined => {
    if (x === null || x === undefined) return undefined;
    if (typeof x === 'number') return Number.isFinite(x) ? { value: x } : fail('InvalidArgument', `${x} cannot be written to a cell.`);
    if (typeof x === 'boolean') return { value: x };
    if (typeof x === 'string') return parseEntry(x, edit.formatOf(t.sheet, r, c, 'numberFormat'));
    return fail('InvalidArgument', `${JSON.stringify(x)} cannot be written to a cell.`);
  };
  if (!Array.isArray(input)) {
    edit.checkGetLimit([t.rect]);
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => entry(input, t.rect.r0 + i, t.rect.c0 + j)));
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    fail('InvalidArgument', `The input array is not ${rows} × ${cols}, the size of ${formatArea(t.rect)}.`);
  }
  return (input as unknown[][]).map((row, i) => row.map((x, j) => entry(x, t.rect.r0 + i, t.rect.c0 + j)));
}

function writeNumberFormat(t: RangeTarget, input: unknown): void {
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  if (!Array.isArray(input)) {
    if (typeof input !== 'string') fail('InvalidArgument', 'A number format is a string.');
    edit.writeFormat(t.sheet, [t.rect], { numberFormat: input });
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) fail('InvalidArgument', `The number formats are not ${rows} × ${cols}.`);
  edit.writeFormat(t.sheet, [t.rect], {}); // the protection check, once for the block
  (input as unknown[][]).forEach((row, i) =>
    row.forEach((f, j) => {
      if (f === null || f === undefined) return;
      if (typeof f !== 'string') fail('InvalidArgument', 'A number format is a string.');
      edit.writeFormat(t.sheet, [{ r0: t.rect.r0 + i, c0: t.rect.c0 + j, r1: t.rect.r0 + i, c1: t.rect.c0 + j }], { numberFormat: f });
    }),
  );
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '000000', white: 'FFFFFF', red: 'FF0000', lime: '00FF00', blue: '0000FF', yellow: 'FFFF00', cyan: '00FFFF', aqua: '00FFFF',
  magenta: 'FF00FF', fuchsia: 'FF00FF', silver: 'C0C0C0', gray: '808080', grey: '808080', maroon: '800000', olive: '808000',
  green: '008000', purple: '800080', teal: '008080', navy: '000080', orange: 'FFA500', pink: 'FFC0CB', gold: 'FFD700',
  lightgray: 'D3D3D3', lightgrey: 'D3D3D3', lightgreen: '90EE90', lightblue: 'ADD8E6', lightyellow: 'FFFFE0', darkred: '8B0000',
  darkgreen: '006400', darkblue: '00008B', brown: 'A52A2A', salmon: 'FA8072', khaki: 'F0E68C', beige: 'F5F5DC',
};

/** '#RRGGBB', 'RRGGBB' or an HTML colour name, as Excel gives it back: '#RRGGBB' in capitals. */
function normalizeColor(v: unknown): string {
  if (typeof v === 'string') {
    const hex = /^#?([0-9a-f]{6})$/i.exec(v.trim())?.[1] ?? NAMED_COLORS[v.trim().toLowerCase()];
    if (hex !== undefined) return `#${hex.toUpperCase()}`;
  }
  return fail('InvalidArgument', `${JSON.stringify(v)} is not a colour.`);
}

export function checked(rect: Rect, location: string): Rect {
  return inGrid(rect) ? rect : fail('InvalidArgument', 'The cells asked for are outside the sheet.', location);
}

/** Excel.Range. */
export class Range extends ClientObject<RangeTarget> {
  private _format: RangeFormat | undefined;
  private _worksheet: Worksheet | undefined;
  private _bound: { sheetId: string; rect: Rect } | undefined;

  constructor(
    context: RequestContext,
    path: string,
    private readonly _locate: (tx: Tx) => RangeTarget | null,
    private readonly _options: { requires?: string; nullable?: boolean; bind?: boolean } = {},
  ) {
    super(context, path, _options.requires ?? '1.1', _options.nullable ?? false);
  }

  protected get _type(): string {
    return 'Range';
  }

  /** Ranges got from the selection or the used range are fixed when first used, as Office.js instantiates them once. */
  _target(tx: Tx): RangeTarget | null {
    if (this._bound !== undefined) return { sheet: edit.sheetById(tx.book, this._bound.sheetId), rect: this._bound.rect };
    const t = this._locate(tx);
    if (t !== null && this._options.bind === true) this._bound = { sheetId: t.sheet.id, rect: t.rect };
    return t;
  }

  _probeNull(): void {
    this._probe();
  }

  _scalars(): Record<string, Scalar<RangeTarget>> {
    return rangeScalars();
  }

  override _children(): Record<string, ClientObject<unknown>> {
    return { format: this.format, worksheet: this.worksheet };
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._set('values', v);
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._set('formulas', v);
  }
  get formulasLocal(): unknown[][] {
    return this._get('formulasLocal');
  }
  set formulasLocal(v: unknown[][]) {
    this._set('formulasLocal', v);
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._set('numberFormat', v);
  }
  get numberFormatLocal(): unknown[][] {
    return this._get('numberFormatLocal');
  }
  set numberFormatLocal(v: unknown[][]) {
    this._set('numberFormatLocal', v);
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this.context as RequestContext, `${this._path}.format`, this._requires, (tx) => {
      const t = this._target(tx);
      return t === null ? null : { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  get worksheet(): Worksheet {
    return (this._worksheet ??= (this.context as RequestContext).workbook.worksheets._proxy(`${this._path}.worksheet`, (tx) => this._target(tx)?.sheet ?? null, this._requires));
  }

  private _derived(call: string, rect: (t: RangeTarget, tx: Tx) => Rect | null, options: { requires?: string; nullable?: boolean } = {}): Range {
    const location = `Range.${call.replace(/\(.*$/, '')}`;
    return new Range(this.context as RequestContext, `${this._path}.${call}`, (tx) => {
      const t = this._target(tx);
      if (t === null) return null;
      const r = rect(t, tx);
      return r === null ? null : { sheet: t.sheet, rect: checked(r, location) };
    }, { requires: laterVersion(this._requires, options.requires ?? '1.1'), ...(options.nullable === undefined ? {} : { nullable: options.nullable }) });
  }

  getCell(row: number, column: number): Range {
    return this._derived(`getCell(${row},${column})`, ({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }

  getRow(row: number): Range {
    return this._derived(`getRow(${row})`, ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): Range {
    return this._derived(`getColumn(${column})`, ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getEntireRow(): Range {
    return this._derived('getEntireRow()', ({ rect }) => ({ r0: rect.r0, r1: rect.r1, c0: 0, c1: MAX_COLUMNS - 1 }));
  }

  getEntireColumn(): Range {
    return this._derived('getEntireColumn()', ({ rect }) => ({ r0: 0, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived(`getOffsetRange(${rowOffset},${columnOffset})`, ({ rect }) => ({ r0: rect.r0 + rowOffset, r1: rect.r1 + rowOffset, c0: rect.c0 + columnOffset, c1: rect.c1 + columnOffset }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived(`getResizedRange(${deltaRows},${deltaColumns})`, ({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }), { requires: '1.2' });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this._derived(`getAbsoluteResizedRange(${numRows},${numColumns})`, ({ rect }) => ({ ...rect, r1: rect.r0 + numRows - 1, c1: rect.c0 + numColumns - 1 }), { requires: '1.7' });
  }

  getLastCell(): Range {
    return this._derived('getLastCell()', ({ rect }) => ({ r0: rect.r1, c0: rect.c1, r1: rect.r1, c1: rect.c1 }));
  }

  getLastRow(): Range {
    return this._derived('getLastRow()', ({ rect }) => ({ ...rect, r0: rect.r1 }));
  }

  getLastColumn(): Range {
    return this._derived('getLastColumn()', ({ rect }) => ({ ...rect, c0: rect.c1 }));
  }

  getRowsAbove(count = 1): Range {
    return this._derived(`getRowsAbove(${count})`, ({ rect }) => ({ ...rect, r0: rect.r0 - count, r1: rect.r0 - 1 }), { requires: '1.2' });
  }

  getRowsBelow(count = 1): Range {
    return this._derived(`getRowsBelow(${count})`, ({ rect }) => ({ ...rect, r0: rect.r1 + 1, r1: rect.r1 + count }), { requires: '1.2' });
  }

  getColumnsBefore(count = 1): Range {
    return this._derived(`getColumnsBefore(${count})`, ({ rect }) => ({ ...rect, c0: rect.c0 - count, c1: rect.c0 - 1 }), { requires: '1.2' });
  }

  getColumnsAfter(count = 1): Range {
    return this._derived(`getColumnsAfter(${count})`, ({ rect }) => ({ ...rect, c0: rect.c1 + 1, c1: rect.c1 + count }), { requires: '1.2' });
  }

  private _other(other: Range | string, t: RangeTarget, tx: Tx, location: string): Rect {
    if (typeof other === 'string') return parseAddress(t.sheet, other, location);
    const o = other._target(tx) ?? fail('InvalidArgument', 'The other range is a null object.', location);
    if (o.sheet !== t.sheet) fail('InvalidArgument', 'The ranges are on different sheets.', location);
    return o.rect;
  }

  getIntersection(anotherRange: Range | string): Range {
    return this._derived('getIntersection()', (t, tx) => intersection(t.rect, this._other(anotherRange, t, tx, 'Range.getIntersection')) ?? fail('ItemNotFound', 'The ranges do not intersect.', 'Range.getIntersection'));
  }

  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    const r = this._derived('getIntersectionOrNullObject()', (t, tx) => intersection(t.rect, this._other(anotherRange, t, tx, 'Range.getIntersectionOrNullObject')) ?? null, { requires: '1.4', nullable: true });
    r._probeNull();
    return r;
  }

  getBoundingRect(anotherRange: Range | string): Range {
    return this._derived('getBoundingRect()', (t, tx) => boundingRect(t.rect, this._other(anotherRange, t, tx, 'Range.getBoundingRect')));
  }

  getUsedRange(valuesOnly = false): Range {
    return this._derived(`getUsedRange(${valuesOnly})`, (t) => {
      const used = edit.usedRect(t.sheet, valuesOnly);
      return (used === undefined ? undefined : intersection(t.rect, used)) ?? fail('ItemNotFound', 'The range has no used cells.', 'Range.getUsedRange');
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const r = this._derived(`getUsedRangeOrNullObject(${valuesOnly})`, (t) => {
      const used = edit.usedRect(t.sheet, valuesOnly);
      return (used === undefined ? undefined : intersection(t.rect, used)) ?? null;
    }, { requires: '1.4', nullable: true });
    r._probeNull();
    return r;
  }

  /** Selects the range, activating its sheet first; raises onSelectionChanged. */
  select(): void {
    this._call('select', [], (t, tx) => edit.selectRange(tx.book, t.sheet, t.rect, tx.events));
  }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], (t, tx) => edit.clearRange(t.sheet, t.rect, applyTo, 'ThisLocalAddin', tx.events));
  }
}

/** An object found through the areas of a range (its format, fill, protection, areas): located anew at each sync. */
abstract class AreasObject extends ClientObject<AreasTarget> {
  constructor(
    context: RequestContext,
    path: string,
    requires: string,
    protected readonly _locate: (tx: Tx) => AreasTarget | null,
  ) {
    super(context, path, requires, false);
  }

  _target(tx: Tx): AreasTarget | null {
    return this._locate(tx);
  }
}

/** Excel.RangeAreas (ExcelApi 1.9). */
export class RangeAreas extends AreasObject {
  private _format: RangeFormat | undefined;
  private _worksheet: Worksheet | undefined;
  private _areas: RangeCollection | undefined;

  constructor(context: RequestContext, path: string, locate: (tx: Tx) => AreasTarget | null) {
    super(context, path, '1.9', locate);
  }

  protected get _type(): string {
    return 'RangeAreas';
  }


  _scalars(): Record<string, Scalar<AreasTarget>> {
    const address = (t: AreasTarget): string => t.rects.map((r) => sheetAddress(t.sheet.name, r)).join(', ');
    return {
      address: { get: address },
      addressLocal: { get: address },
      areaCount: { get: (t) => t.rects.length },
      cellCount: { get: (t) => t.rects.reduce((n, r) => n + cellCount(r), 0) },
      isEntireColumn: { get: (t) => t.rects.every(isEntireColumn) },
      isEntireRow: { get: (t) => t.rects.every(isEntireRow) },
    };
  }

  override _children(): Record<string, ClientObject<unknown>> {
    return { areas: this.areas, format: this.format, worksheet: this.worksheet };
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }

  get areas(): RangeCollection {
    return (this._areas ??= new RangeCollection(this.context as RequestContext, `${this._path}.areas`, (tx) => this._target(tx)));
  }

  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this.context as RequestContext, `${this._path}.format`, '1.9', (tx) => this._target(tx)));
  }

  get worksheet(): Worksheet {
    return (this._worksheet ??= (this.context as RequestContext).workbook.worksheets._proxy(`${this._path}.worksheet`, (tx) => this._target(tx)?.sheet ?? null, '1.9'));
  }
}

/** Excel.RangeCollection: the areas of a RangeAreas. */
export class RangeCollection extends AreasObject {
  constructor(context: RequestContext, path: string, locate: (tx: Tx) => AreasTarget | null) {
    super(context, path, '1.9', locate);
  }

  protected get _type(): string {
    return 'RangeCollection';
  }


  _scalars(): Record<string, Scalar<AreasTarget>> {
    return {};
  }

  get items(): Range[] {
    return this._get('items');
  }

  private _item(i: number): Range {
    return new Range(this.context as RequestContext, `${this._path}.getItemAt(${i})`, (tx) => {
      const t = this._target(tx);
      if (t === null) return null;
      const rect = t.rects[i] ?? fail('InvalidArgument', `There is no area ${i}.`, 'RangeCollection.getItemAt');
      return { sheet: t.sheet, rect };
    }, { requires: '1.9' });
  }

  override _collect(tx: Tx, paths: string[] | 'all'): unknown {
    const t = this._target(tx);
    if (t === null) return null;
    const sub = paths === 'all' || paths.includes('items') ? 'all' : paths.map((p) => p.replace(/^items\//, ''));
    const items = t.rects.map((_, i) => this._item(i));
    const out = items.map((i) => i._collect(tx, sub));
    tx.loads.push(() => this._values.set('items', items));
    return { items: out };
  }

  override toJSON(): Record<string, unknown> {
    return this._values.has('items') ? { items: this.items.map((i) => i.toJSON()) } : {};
  }

  getItemAt(index: number): Range {
    return this._item(index);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._call('getCount', [], (t) => t.rects.length, { result });
    return result;
  }
}

/** Excel.RangeFormat. */
export class RangeFormat extends AreasObject {
  private _fill: RangeFill | undefined;
  private _protection: FormatProtection | undefined;


  protected get _type(): string {
    return 'RangeFormat';
  }


  _scalars(): Record<string, Scalar<AreasTarget>> {
    return {};
  }

  override _children(): Record<string, ClientObject<unknown>> {
    return { fill: this.fill, protection: this.protection };
  }

  get fill(): RangeFill {
    return (this._fill ??= new RangeFill(this.context as RequestContext, `${this._path}.fill`, this._requires, this._locate));
  }

  get protection(): FormatProtection {
    return (this._protection ??= new FormatProtection(this.context as RequestContext, `${this._path}.protection`, laterVersion(this._requires, '1.2'), this._locate));
  }
}

/** Excel.RangeFill: changing it does not raise onChanged (Excel raises onFormatChanged, which the fake does not have). */
export class RangeFill extends AreasObject {

  protected get _type(): string {
    return 'RangeFill';
  }


  /**
   * A range without fill reads '#FFFFFF' as in Excel, like a white one (office-js issues #4900, #6218); tintAndShade
   * (ExcelApi 1.9) tells them apart: null without fill, 0 with one. A range of mixed fills reads null for both.
   */
  _scalars(): Record<string, Scalar<AreasTarget>> {
    return {
      color: {
        get: (t) => {
          const u = edit.uniform(t.sheet, t.rects, 'fill');
          return u === undefined ? null : ((u.value as string | null) ?? '#FFFFFF');
        },
        set: (t, v) => edit.writeFormat(t.sheet, t.rects, { fill: normalizeColor(v) }),
      },
      tintAndShade: {
        get: (t) => {
          const u = edit.uniform(t.sheet, t.rects, 'fill');
          return u === undefined || u.value === null ? null : 0;
        },
        requires: '1.9',
      },
    };
  }

  get tintAndShade(): number | null {
    return this._get('tintAndShade');
  }

  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v);
  }

  clear(): void {
    this._call('clear', [], (t) => edit.writeFormat(t.sheet, t.rects, { fill: null }));
  }
}

/** Excel.FormatProtection (ExcelApi 1.2). Locking or unlocking cells of a protected sheet is refused. */
export class FormatProtection extends AreasObject {

  protected get _type(): string {
    return 'FormatProtection';
  }


  _scalars(): Record<string, Scalar<AreasTarget>> {
    return {
      locked: {
        get: (t) => edit.uniform(t.sheet, t.rects, 'locked')?.value ?? null,
        set: (t, v) => (typeof v === 'boolean' ? edit.writeFormat(t.sheet, t.rects, { locked: v }) : fail('InvalidArgument', 'locked is true or false.')),
      },
    };
  }

  get locked(): boolean {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this._set('locked', v);
  }
}
