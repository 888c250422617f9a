// Excel.RequestContext and the workbook's objects: Workbook, WorksheetCollection, Worksheet, WorksheetProtection.
import { MAX_COLUMNS, MAX_ROWS, type Rect } from './_address.js';
import * as edit from './_edit.js';
import { ClientObject, ClientResult, EventHandlers, laterVersion, type Scalar } from './_proxy.js';
import { checked, parseAddress, Range, RangeAreas, str } from './_range.js';
import { engine, type EventKind, fail, OfficeError, type Op, type Tx } from './_runtime.js';
import { type Book, DEFAULT_PROTECTION_OPTIONS, findSheet, type ProtectionOptions, type Sheet, type SheetState } from './book.js';

/** Excel.RequestContext: queues commands until sync(). */
export class RequestContext {
  readonly workbook: Workbook;
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private _ops: Op[] = [];
  /** Set when its Excel.run is over: its proxies can no longer queue commands (Office.js: InvalidObjectPath). */
  _closed = false;

  constructor() {
    this.workbook = new Workbook(this);
  }

  _queue(op: Op): void {
    if (this._closed) throw new OfficeError('InvalidObjectPath', 'This object belongs to an Excel.run that has finished; get it again in the current batch.', op.location);
    this._ops.push(op);
  }

  get _pending(): number {
    return this._ops.length;
  }

  load(object: ClientObject, spec?: unknown): void {
    object.load(spec);
  }

  /** Runs the queued commands in one round trip. */
  async sync<P>(passThroughValue?: P): Promise<P> {
    const ops = this._ops.splice(0);
    await engine().execute(ops);
    return passThroughValue as P;
  }
}

/** Excel.Workbook. */
export class Workbook extends ClientObject<Book> {
  private _worksheets: WorksheetCollection | undefined;

  constructor(context: RequestContext) {
    super(context, 'workbook', '1.1', false);
  }

  protected get _type(): string {
    return 'Workbook';
  }

  _target(tx: Tx): Book {
    return tx.book;
  }

  _scalars(): Record<string, Scalar<Book>> {
    return {};
  }

  override _children(): Record<string, ClientObject<unknown>> {
    return { worksheets: this.worksheets };
  }

  get worksheets(): WorksheetCollection {
    return (this._worksheets ??= new WorksheetCollection(this.context as RequestContext));
  }

  /** The selection of the active sheet, fixed when first used in a batch. */
  getSelectedRange(): Range {
    return new Range(this.context as RequestContext, 'workbook.getSelectedRange()', (tx) => {
      const sheet = edit.sheetById(tx.book, tx.book.active);
      return { sheet, rect: edit.selectionRect(sheet) };
    }, { bind: true });
  }

  getActiveCell(): Range {
    return new Range(this.context as RequestContext, 'workbook.getActiveCell()', (tx) => {
      const sheet = edit.sheetById(tx.book, tx.book.active);
      const rect = edit.selectionRect(sheet);
      return { sheet, rect: { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 } };
    }, { bind: true, requires: '1.7' });
  }

  /** ExcelApi 1.13. Reads the file with the harness's parser (exceljs in Node) before the batch runs. */
  insertWorksheetsFromBase64(base64File: string, options: { sheetNamesToInsert?: string[]; positionType?: string; relativeTo?: Worksheet | string } = {}): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    const { sheetNamesToInsert, positionType, relativeTo } = options;
    let parsed: SheetState[] | undefined;
    let parseError: unknown;
    this._op({
      wire: { a: 'call', o: this._path, n: 'insertWorksheetsFromBase64', v: [base64File, { ...options, relativeTo: relativeTo instanceof Worksheet ? relativeTo._path : relativeTo }] },
      requires: '1.13',
      location: 'Workbook.insertWorksheetsFromBase64',
      prepare: async () => {
        try {
          if (typeof base64File !== 'string') throw new Error('not a string');
          parsed = await engine().parse(base64File);
        } catch (e) {
          parseError = e;
        }
      },
      run: (tx) => {
        if (parsed === undefined) fail('InvalidArgument', `The base64 string is not an Excel workbook (${String(parseError)}).`);
        const relative = relativeTo instanceof Worksheet ? relativeTo._target(tx) : typeof relativeTo === 'string' ? (findSheet(tx.book, relativeTo) ?? fail('ItemNotFound', `There is no sheet ${relativeTo}.`)) : null;
        const insert: edit.InsertOptions = {};
        if (sheetNamesToInsert !== undefined) insert.sheetNamesToInsert = sheetNamesToInsert;
        if (positionType !== undefined) insert.positionType = positionType;
        if (relative !== null) insert.relativeTo = relative;
        const ids = edit.insertSheets(tx.book, parsed, insert, tx.events);
        tx.loads.push(() => result._deliver(ids));
        return ids;
      },
    });
    return result;
  }
}

/** The events of a worksheet and of the worksheet collection, with the API set each came in. */
const SHEET_EVENTS = { onActivated: ['Activated', '1.7'], onChanged: ['Changed', '1.7'], onDeactivated: ['Deactivated', '1.7'], onSelectionChanged: ['SelectionChanged', '1.7'], onProtectionChanged: ['ProtectionChanged', '1.14'] } as const;
const COLLECTION_EVENTS = { onActivated: ['Activated', '1.7'], onAdded: ['Added', '1.7'], onChanged: ['Changed', '1.9'], onDeactivated: ['Deactivated', '1.7'], onDeleted: ['Deleted', '1.7'], onSelectionChanged: ['SelectionChanged', '1.9'], onProtectionChanged: ['ProtectionChanged', '1.14'] } as const;

/** Excel.WorksheetCollection. */
export class WorksheetCollection extends ClientObject<Book> {
  private readonly _events = new Map<string, EventHandlers>();

  constructor(context: RequestContext) {
    super(context, 'workbook.worksheets', '1.1', false);
  }

  protected get _type(): string {
    return 'WorksheetCollection';
  }

  _target(tx: Tx): Book {
    return tx.book;
  }

  _scalars(): Record<string, Scalar<Book>> {
    return {};
  }

  get items(): Worksheet[] {
    return this._get('items');
  }

  /** 'items', 'items/name' and 'name' all load the items. */
  override _collect(tx: Tx, paths: string[] | 'all'): unknown {
    const sub = paths === 'all' || paths.includes('items') ? 'all' : paths.map((p) => p.replace(/^items\//, ''));
    const items = tx.book.sheets.map((s) => this._sheet(`getItem(${str(s.id)})`, () => s, false, s.id));
    const out = items.map((i) => i._collect(tx, sub));
    tx.loads.push(() => this._values.set('items', items));
    return { items: out };
  }

  override toJSON(): Record<string, unknown> {
    return this._values.has('items') ? { items: this.items.map((i) => i.toJSON()) } : {};
  }

  private _sheet(call: string, locate: (tx: Tx) => Sheet | null, nullable = false, id?: string, requires = '1.1'): Worksheet {
    return new Worksheet(this.context as RequestContext, `${this._path}.${call}`, locate, nullable, requires, id);
  }

  /** A worksheet reached from elsewhere (Range.worksheet). */
  _proxy(path: string, locate: (tx: Tx) => Sheet | null, requires: string): Worksheet {
    return new Worksheet(this.context as RequestContext, path, locate, false, requires);
  }

  getItem(key: string): Worksheet {
    return this._sheet(`getItem(${str(key)})`, (tx) => findSheet(tx.book, key) ?? fail('ItemNotFound', `There is no sheet ${key}.`, 'WorksheetCollection.getItem'));
  }

  getItemOrNullObject(key: string): Worksheet {
    const ws = this._sheet(`getItemOrNullObject(${str(key)})`, (tx) => findSheet(tx.book, key) ?? null, true, undefined, '1.4');
    ws._probeNull();
    return ws;
  }

  getActiveWorksheet(): Worksheet {
    return this._sheet('getActiveWorksheet()', (tx) => edit.sheetById(tx.book, tx.book.active));
  }

  getFirst(visibleOnly = false): Worksheet {
    return this._sheet(`getFirst(${visibleOnly})`, (tx) => tx.book.sheets.find((s) => !visibleOnly || s.visibility === 'Visible') ?? fail('ItemNotFound', 'No sheet.'), false, undefined, '1.5');
  }

  getLast(visibleOnly = false): Worksheet {
    return this._sheet(`getLast(${visibleOnly})`, (tx) => [...tx.book.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible') ?? fail('ItemNotFound', 'No sheet.'), false, undefined, '1.5');
  }

  /** Adds a sheet at the end, named SheetN unless named; it does not become active. */
  add(name?: string): Worksheet {
    let id: string | undefined;
    const ws = this._sheet(`add(${str(name ?? null)})`, (tx) => (id === undefined ? fail('ItemNotFound', 'The sheet was not added.') : edit.sheetById(tx.book, id)));
    this._call('add', [name ?? null], (book, tx) => {
      id = edit.addSheet(book, name, tx.events).id;
    });
    return ws;
  }

  getCount(visibleOnly = false): ClientResult<number> {
    const result = new ClientResult<number>();
    this._call('getCount', [visibleOnly], (book) => book.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length, { requires: '1.4', result });
    return result;
  }

  private _event(name: keyof typeof COLLECTION_EVENTS): EventHandlers {
    let handlers = this._events.get(name);
    if (handlers === undefined) {
      const [kind, requires] = COLLECTION_EVENTS[name];
      handlers = new EventHandlers(this.context, `${this._path}.${name}`, kind as EventKind, () => 'collection', requires);
      this._events.set(name, handlers);
    }
    return handlers;
  }

  get onActivated(): EventHandlers {
    return this._event('onActivated');
  }
  get onAdded(): EventHandlers {
    return this._event('onAdded');
  }
  get onChanged(): EventHandlers {
    return this._event('onChanged');
  }
  get onDeactivated(): EventHandlers {
    return this._event('onDeactivated');
  }
  get onDeleted(): EventHandlers {
    return this._event('onDeleted');
  }
  get onSelectionChanged(): EventHandlers {
    return this._event('onSelectionChanged');
  }
  get onProtectionChanged(): EventHandlers {
    return this._event('onProtectionChanged');
  }
}

/** Excel.Worksheet. Found by name or id when first used in a batch, then followed by id (a rename does not lose it). */
export class Worksheet extends ClientObject<Sheet> {
  private _protection: WorksheetProtection | undefined;
  private readonly _events = new Map<string, EventHandlers>();

  constructor(
    context: RequestContext,
    path: string,
    private readonly _locate: (tx: Tx) => Sheet | null,
    nullable: boolean,
    requires: string,
    private _id?: string,
  ) {
    super(context, path, requires, nullable);
  }

  protected get _type(): string {
    return 'Worksheet';
  }

  _target(tx: Tx): Sheet | null {
    if (this._id !== undefined) return tx.book.sheets.find((s) => s.id === this._id) ?? fail('ItemNotFound', 'The worksheet has been deleted.', 'Worksheet');
    const sheet = this._locate(tx);
    if (sheet !== null) this._id = sheet.id;
    return sheet;
  }

  _probeNull(): void {
    this._probe();
  }

  _scalars(): Record<string, Scalar<Sheet>> {
    return {
      id: { get: (s) => s.id },
      name: { get: (s) => s.name, set: (s, v, tx) => edit.renameSheet(tx.book, s, v) },
      position: { get: (s, tx) => tx.book.sheets.indexOf(s), set: (s, v, tx) => edit.moveSheet(tx.book, s, v) },
      visibility: { get: (s) => s.visibility, set: (s, v, tx) => edit.setVisibility(tx.book, s, v, tx.events) },
    };
  }

  override _children(): Record<string, ClientObject<unknown>> {
    return { protection: this.protection };
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v);
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v);
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v);
  }

  get protection(): WorksheetProtection {
    return (this._protection ??= new WorksheetProtection(this.context as RequestContext, this));
  }

  activate(): void {
    this._call('activate', [], (s, tx) => edit.activateSheet(tx.book, s, tx.events));
  }

  delete(): void {
    this._call('delete', [], (s, tx) => edit.deleteSheet(tx.book, s, tx.events));
  }

  private _range(call: string, rect: (s: Sheet, tx: Tx) => Rect | null, options: { requires?: string; nullable?: boolean; bind?: boolean } = {}): Range {
    return new Range(this.context as RequestContext, `${this._path}.${call}`, (tx) => {
      const sheet = this._target(tx);
      if (sheet === null) return null;
      const r = rect(sheet, tx);
      return r === null ? null : { sheet, rect: r };
    }, options);
  }

  /** An A1 address ('D5', 'A1:B2', '5:7', 'D:D'), or the whole sheet without one. */
  getRange(address?: string): Range {
    return this._range(`getRange(${str(address ?? null)})`, (s) => (address === undefined || address === '' ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } : parseAddress(s, address, 'Worksheet.getRange')));
  }

  getCell(row: number, column: number): Range {
    return this._range(`getCell(${row},${column})`, () => checked({ r0: row, c0: column, r1: row, c1: column }, 'Worksheet.getCell'));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => checked({ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 }, 'Worksheet.getRangeByIndexes'), { requires: '1.7' });
  }

  /** ExcelApi 1.9: 'A1:B2, D5:D9' (commas or semicolons). */
  getRanges(address?: string): RangeAreas {
    return new RangeAreas(this.context as RequestContext, `${this._path}.getRanges(${str(address ?? null)})`, (tx) => {
      const sheet = this._target(tx);
      if (sheet === null) return null;
      const rects = (address ?? '').split(/[,;]/).filter((a) => a.trim() !== '').map((a) => parseAddress(sheet, a, 'Worksheet.getRanges'));
      if (rects.length === 0) fail('InvalidArgument', 'getRanges needs at least one address.', 'Worksheet.getRanges');
      return { sheet, rects };
    });
  }

  /** On an empty sheet Excel's used range is A1. */
  getUsedRange(valuesOnly = false): Range {
    return this._range(`getUsedRange(${valuesOnly})`, (s) => edit.usedRect(s, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }, { bind: true, ...(valuesOnly ? { requires: '1.2' } : {}) });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    const range = this._range(`getUsedRangeOrNullObject(${valuesOnly})`, (s) => edit.usedRect(s, valuesOnly) ?? null, { bind: true, nullable: true, requires: '1.4' });
    range._probeNull();
    return range;
  }

  private _event(name: keyof typeof SHEET_EVENTS): EventHandlers {
    let handlers = this._events.get(name);
    if (handlers === undefined) {
      const [kind, requires] = SHEET_EVENTS[name];
      handlers = new EventHandlers(this.context, `${this._path}.${name}`, kind as EventKind, (tx) => (this._target(tx) ?? fail('ItemNotFound', 'No such sheet.')).id, requires);
      this._events.set(name, handlers);
    }
    return handlers;
  }

  get onActivated(): EventHandlers {
    return this._event('onActivated');
  }
  get onChanged(): EventHandlers {
    return this._event('onChanged');
  }
  get onDeactivated(): EventHandlers {
    return this._event('onDeactivated');
  }
  get onSelectionChanged(): EventHandlers {
    return this._event('onSelectionChanged');
  }
  get onProtectionChanged(): EventHandlers {
    return this._event('onProtectionChanged');
  }
}

/** Excel.WorksheetProtection (ExcelApi 1.2; the password 1.7). */
export class WorksheetProtection extends ClientObject<Sheet> {
  constructor(
    context: RequestContext,
    private readonly _sheet: Worksheet,
  ) {
    super(context, `${_sheet._path}.protection`, laterVersion(_sheet._requires, '1.2'), false);
  }

  protected get _type(): string {
    return 'WorksheetProtection';
  }

  _target(tx: Tx): Sheet | null {
    return this._sheet._target(tx);
  }

  _scalars(): Record<string, Scalar<Sheet>> {
    return {
      protected: { get: (s) => s.protection.protected },
      options: { get: (s) => ({ ...s.protection.options }) },
    };
  }

  get protected(): boolean {
    return this._get('protected');
  }

  get options(): ProtectionOptions {
    return this._get('options');
  }

  /** Fails if the sheet is already protected. */
  protect(options?: Partial<ProtectionOptions>, password?: string): void {
    this._call('protect', [options ?? null, password ?? null], (s, tx) => edit.protectSheet(s, { ...DEFAULT_PROTECTION_OPTIONS, ...options }, password, tx.events), password === undefined ? {} : { requires: '1.7' });
  }

  unprotect(password?: string): void {
    this._call('unprotect', [password ?? null], (s, tx) => edit.unprotectSheet(s, password, tx.events), password === undefined ? {} : { requires: '1.7' });
  }
}
