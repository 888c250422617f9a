// The fake Excel application: it runs batches, keeps the sync log, raises events to handlers, and acts as the user.
import { cellCount, parseArea, type Rect } from './_address.js';
import * as edit from './_edit.js';
import { parseEntry } from './_input.js';
import { type Engine, type FakeEvent, fail, macrotask, OfficeError, type Op, type Registration, Tx, utf8Length, versionAtLeast } from './_runtime.js';
import { type Book, bookState, type BookState, findSheet, type ProtectionOptions, type Sheet, type SheetState, type Visibility } from './book.js';

/** The harness's options, also what entry.ts reads from globalThis.__fakeExcelOptions. */
export interface FakeOptions {
  /** Requirement sets and their versions; default { ExcelApi: '1.14' }. */
  requirements?: Record<string, string>;
  /** Default 'PC'. */
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
  /** Office.context.displayLanguage; default 'zh-CN'. */
  displayLanguage?: string;
  /** Bytes a sync's request or response may have; default 5 MB, the limit of Excel on the web (applied on every platform). */
  payloadLimit?: number;
  /** Reads an xlsx file in base64 into sheets, for insertWorksheetsFromBase64; default globalThis.__fakeExcelParse. */
  parse?: (base64: string) => Promise<SheetState[]>;
  /** Writes the book as xlsx bytes, for getFileAsync; default globalThis.__fakeExcelSerialize. */
  serialize?: (state: BookState) => Promise<Uint8Array | number[]>;
}

/** A cell as the control's cells() shows it: the formats resolved through the row and column. */
export interface CellView {
  value: string | number | boolean | null;
  fill: string | null;
  locked: boolean;
  formula: string | null;
}

export interface SheetView {
  name: string;
  id: string;
  visibility: Visibility;
  protected: boolean;
  position: number;
}

/** Sizes of one sync's request and response in bytes (JSON in UTF-8). */
export interface SyncSize {
  request: number;
  response: number;
}

/** globalThis.__fakeExcel: what a test does as the user, and what it reads of the book and the syncs. */
export interface FakeExcelControl {
  /** Types text into a cell and presses Enter; throws, changing nothing, when the cell is locked on a protected sheet. */
  type(sheet: string, address: string, text: string): void;
  /** Pastes a block at topLeft (strings read as typed text); refused whole if it touches a locked cell of a protected sheet. */
  paste(sheet: string, topLeft: string, rows: (string | number)[][]): void;
  /** Ctrl+D over a block: the top row copied down. */
  fillDown(sheet: string, range: string): void;
  select(sheet: string, address: string): void;
  activate(sheet: string): void;
  protect(sheet: string, options?: Partial<ProtectionOptions>, password?: string): void;
  unprotect(sheet: string, password?: string): void;
  cells(sheet: string): Record<string, CellView>;
  sheets(): SheetView[];
  readonly syncCount: number;
  resetSyncCount(): void;
  readonly requests: SyncSize[];
  state(): BookState;
  selection(): { sheet: string; address: string };
  /** Resolves once event handlers, the Excel.run calls and syncs they started, and getFileAsync calls are all done. */
  settle(timeoutMs?: number): Promise<void>;
  /** Errors thrown by event handlers (Office.js only logs them). */
  handlerErrors(): string[];
}

const DEFAULT_LIMIT = 5 * 1024 * 1024;

type Global = { __fakeExcelParse?: FakeOptions['parse']; __fakeExcelSerialize?: FakeOptions['serialize'] };

export class Host implements Engine {
  book: Book;
  readonly apiVersion: string;
  readonly control: FakeExcelControl;
  syncs = 0;
  readonly log: SyncSize[] = [];
  private readonly registrations: Registration[] = [];
  private nextId = 1;
  private pending = 0;
  private readonly errors: string[] = [];

  constructor(
    book: Book,
    readonly options: FakeOptions,
  ) {
    this.book = book;
    this.apiVersion = options.requirements?.ExcelApi ?? '1.14';
    this.control = this.makeControl();
  }

  get limit(): number {
    return this.options.payloadLimit ?? DEFAULT_LIMIT;
  }

  busy(delta: 1 | -1): void {
    this.pending += delta;
  }

  /** Tracks a promise for settle(). */
  track<T>(p: Promise<T>): Promise<T> {
    this.busy(1);
    return p.finally(() => this.busy(-1));
  }

  parse(base64: string): Promise<SheetState[]> {
    const parse = this.options.parse ?? (globalThis as Global).__fakeExcelParse;
    if (parse === undefined) return Promise.reject(new Error('fake Excel: no parser for insertWorksheetsFromBase64 (options.parse or __fakeExcelParse)'));
    return parse(base64);
  }

  serialize(): Promise<Uint8Array | number[]> {
    const serialize = this.options.serialize ?? (globalThis as Global).__fakeExcelSerialize;
    if (serialize === undefined) return Promise.reject(new Error('fake Excel: no serializer for getFileAsync (options.serialize or __fakeExcelSerialize)'));
    return serialize(bookState(this.book));
  }

  register(reg: Omit<Registration, 'id'>): number {
    const id = this.nextId++;
    this.registrations.push({ ...reg, id });
    return id;
  }

  unregister(id: number): void {
    const i = this.registrations.findIndex((r) => r.id === id);
    if (i >= 0) this.registrations.splice(i, 1);
  }

  /**
   * One round trip. The batch runs on a copy of the book: an operation that fails leaves those before it applied and
   * the rest not (Excel's behaviour); a request or response over the payload limit applies nothing.
   */
  async execute(ops: readonly Op[]): Promise<void> {
    this.busy(1);
    try {
      this.syncs++;
      const size: SyncSize = { request: utf8Length(JSON.stringify(ops.map((o) => o.wire))), response: 0 };
      this.log.push(size);
      await macrotask();
      if (size.request > this.limit) fail('RequestPayloadSizeLimitExceeded', `The request is ${size.request} bytes; Excel takes at most ${this.limit}.`);
      await Promise.all(ops.map((o) => o.prepare?.()));
      // From here to the commit nothing awaits, so no other batch or user action interleaves.
      const tx = new Tx(structuredClone(this.book));
      const responses: unknown[] = [];
      let failure: OfficeError | undefined;
      for (const op of ops) {
        try {
          if (!versionAtLeast(this.apiVersion, op.requires)) fail('ApiNotFound', `${op.location} needs ExcelApi ${op.requires}; this Excel supports ${this.apiVersion}.`);
          const r = op.run(tx);
          if (r !== undefined) responses.push(r);
        } catch (e) {
          failure = located(e, op.location);
          break;
        }
      }
      if (failure === undefined) {
        size.response = utf8Length(JSON.stringify(responses));
        if (size.response > this.limit) fail('ResponsePayloadSizeLimitExceeded', `The response is ${size.response} bytes; Excel sends at most ${this.limit}.`);
      }
      this.book = tx.book;
      for (const f of tx.effects) f();
      if (failure === undefined) for (const f of tx.loads) f();
      this.dispatch(tx.events);
      if (failure !== undefined) throw failure;
    } finally {
      this.busy(-1);
    }
  }

  /** Calls each matching handler asynchronously, after the action that raised the event. */
  dispatch(events: readonly FakeEvent[]): void {
    for (const e of events) {
      for (const reg of this.registrations.filter((r) => r.kind === e.kind && (r.scope === 'collection' || r.scope === e.sheetId))) {
        this.busy(1);
        setTimeout(() => {
          if (!this.registrations.includes(reg)) {
            this.busy(-1);
            return;
          }
          let done: Promise<unknown>;
          try {
            done = Promise.resolve(reg.handler(this.args(e)));
          } catch (err) {
            done = Promise.reject(err);
          }
          done.catch((err: unknown) => this.errors.push(String(err instanceof Error ? (err.stack ?? err.message) : err))).finally(() => this.busy(-1));
        }, 0);
      }
    }
  }

  /** The event's args as Office.js gives them: details from ExcelApi 1.9, triggerSource from 1.14. */
  private args(e: FakeEvent): Record<string, unknown> {
    type Ctx = { workbook: { worksheets: { getItem(key: string): { getRange(a: string): unknown }; getItemOrNullObject(key: string): { getRange(a: string): unknown } } } };
    switch (e.kind) {
      case 'Changed': {
        const args: Record<string, unknown> = {
          type: 'WorksheetChanged',
          worksheetId: e.sheetId,
          address: e.address,
          changeType: 'RangeEdited',
          source: 'Local',
          getRange: (ctx: Ctx) => ctx.workbook.worksheets.getItem(e.sheetId).getRange(e.address),
          getRangeOrNullObject: (ctx: Ctx) => ctx.workbook.worksheets.getItemOrNullObject(e.sheetId).getRange(e.address),
        };
        if (versionAtLeast(this.apiVersion, '1.14')) args.triggerSource = e.trigger;
        if (e.details !== undefined && versionAtLeast(this.apiVersion, '1.9')) args.details = { ...e.details };
        return args;
      }
      case 'SelectionChanged':
        return { type: 'WorksheetSelectionChanged', worksheetId: e.sheetId, address: e.address };
      case 'Activated':
        return { type: 'WorksheetActivated', worksheetId: e.sheetId };
      case 'Deactivated':
        return { type: 'WorksheetDeactivated', worksheetId: e.sheetId };
      case 'Added':
        return { type: 'WorksheetAdded', worksheetId: e.sheetId, source: 'Local' };
      case 'Deleted':
        return { type: 'WorksheetDeleted', worksheetId: e.sheetId, source: 'Local' };
      case 'ProtectionChanged':
        return { type: 'WorksheetProtectionChanged', worksheetId: e.sheetId, isProtected: e.isProtected, source: 'Local' };
    }
  }

  async settle(timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    for (;;) {
      await macrotask();
      if (this.pending === 0) {
        await macrotask();
        if (this.pending === 0) return;
      }
      if (Date.now() - start > timeoutMs) throw new Error(`fake Excel: still busy after ${timeoutMs} ms (${this.pending} handlers, runs or syncs in flight)`);
    }
  }

  /** A sheet the user can see (the sheet tabs show neither hidden nor very hidden sheets). */
  private userSheet(key: string): Sheet {
    const sheet = findSheet(this.book, key);
    if (sheet === undefined) throw new Error(`fake Excel: there is no sheet ${key}`);
    if (sheet.visibility !== 'Visible') throw new Error(`fake Excel: the user cannot reach the ${sheet.visibility === 'Hidden' ? 'hidden' : 'very hidden'} sheet ${sheet.name}`);
    return sheet;
  }

  /** The user's action on the book itself (no batch): refused as a whole when Excel would refuse it, with a dialog. */
  private act(f: (events: FakeEvent[]) => void): void {
    const events: FakeEvent[] = [];
    try {
      f(events);
    } catch (e) {
      if (e instanceof OfficeError) throw new UserRefused(e.code, e.message);
      throw e;
    }
    this.dispatch(events);
  }

  private makeControl(): FakeExcelControl {
    const area = (sheet: Sheet, address: string): Rect => parseArea(address) ?? fail('InvalidArgument', `${address} is not an address on ${sheet.name}`);
    const syncs = (): number => this.syncs;
    const log = (): SyncSize[] => this.log.map((s) => ({ ...s }));
    return {
      type: (sheetKey, address, text) => {
        const sheet = this.userSheet(sheetKey);
        const rect = area(sheet, address);
        if (cellCount(rect) !== 1) throw new Error(`fake Excel: type() goes into one cell, not ${address}`);
        this.act((events) => edit.writeEntries(sheet, rect, [[parseEntry(text, edit.formatOf(sheet, rect.r0, rect.c0, 'numberFormat'))]], 'Unknown', events));
      },
      paste: (sheetKey, topLeft, rows) => {
        const sheet = this.userSheet(sheetKey);
        const start = area(sheet, topLeft);
        const width = Math.max(1, ...rows.map((r) => r.length));
        const rect = { r0: start.r0, c0: start.c0, r1: start.r0 + Math.max(rows.length, 1) - 1, c1: start.c0 + width - 1 };
        // A clipboard row shorter than the block is padded with empty cells, as pasted text is.
        const entries = rows.map((row, i) =>
          Array.from({ length: width }, (_, j) => {
            const v = row[j] ?? '';
            return typeof v === 'number' ? { value: v } : parseEntry(v, edit.formatOf(sheet, rect.r0 + i, rect.c0 + j, 'numberFormat'));
          }),
        );
        this.act((events) => edit.writeEntries(sheet, rect, entries, 'Unknown', events));
      },
      fillDown: (sheetKey, range) => {
        const sheet = this.userSheet(sheetKey);
        const rect = area(sheet, range);
        this.act((events) => edit.fillDown(sheet, rect, events));
      },
      select: (sheetKey, address) => {
        const sheet = this.userSheet(sheetKey);
        const rect = area(sheet, address);
        this.act((events) => edit.selectRange(this.book, sheet, rect, events));
      },
      activate: (sheetKey) => {
        const sheet = this.userSheet(sheetKey);
        this.act((events) => edit.activateSheet(this.book, sheet, events));
      },
      protect: (sheetKey, options, password) => {
        const sheet = this.userSheet(sheetKey);
        this.act((events) => edit.protectSheet(sheet, options, password, events));
      },
      unprotect: (sheetKey, password) => {
        const sheet = this.userSheet(sheetKey);
        this.act((events) => edit.unprotectSheet(sheet, password, events));
      },
      cells: (sheetKey) => {
        const sheet = findSheet(this.book, sheetKey) ?? fail('ItemNotFound', `There is no sheet ${sheetKey}.`);
        const out: Record<string, CellView> = {};
        for (const [key, cell] of Object.entries(sheet.cells)) {
          const { r0, c0 } = area(sheet, key);
          out[key] = { value: cell.value ?? null, fill: edit.formatOf(sheet, r0, c0, 'fill'), locked: edit.formatOf(sheet, r0, c0, 'locked'), formula: cell.formula ?? null };
        }
        return out;
      },
      sheets: () => this.book.sheets.map((s, position) => ({ name: s.name, id: s.id, visibility: s.visibility, protected: s.protection.protected, position })),
      get syncCount() {
        return syncs();
      },
      resetSyncCount: () => {
        this.syncs = 0;
        this.log.length = 0;
      },
      get requests() {
        return log();
      },
      state: () => bookState(this.book),
      selection: () => {
        const sheet = edit.sheetById(this.book, this.book.active);
        return { sheet: sheet.name, address: sheet.selection };
      },
      settle: (timeoutMs) => this.settle(timeoutMs),
      handlerErrors: () => [...this.errors],
    };
  }
}

/** Thrown by the user-simulating controls when Excel would show its refusal dialog and change nothing. */
export class UserRefused extends Error {
  override readonly name = 'UserRefused';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`Excel refuses: ${message}`);
  }
}

function located(e: unknown, location: string): OfficeError {
  if (e instanceof OfficeError) return e.debugInfo.errorLocation === undefined ? new OfficeError(e.code, e.message, location) : e;
  return new OfficeError('GeneralException', e instanceof Error ? e.message : String(e), location);
}
