// The plumbing under the proxies: errors, queued operations, the transaction a sync runs in, and the engine that runs it.
import type { Book, SheetState } from './book.js';

/** Codes of Excel.ErrorCodes and OfficeExtension.ErrorCodes (the brief's list and the documented ones), keyed as Office.js keys them. */
const CODES = [
  'AccessDenied', 'ActivityLimitReached', 'ApiNotFound', 'BadPassword', 'CannotRegisterEvent', 'Conflict', 'ConnectionFailure',
  'GeneralException', 'InsertDeleteConflict', 'InvalidArgument', 'InvalidBinding', 'InvalidObjectPath', 'InvalidOperation',
  'InvalidOperationInCellEditMode', 'InvalidReference', 'InvalidRequestContext', 'InvalidSelection', 'ItemAlreadyExists',
  'ItemNotFound', 'MergedRangeConflict', 'NotImplemented', 'OperationCellsExceedLimit', 'PropertyNotLoaded', 'RangeExceedsLimit',
  'RequestAborted', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RunMustReturnPromise',
  'UnsupportedOperation', 'UnsupportedSheet', 'ValueNotLoaded',
] as const;
export type ErrorCode = (typeof CODES)[number];

export const ERROR_CODES: Readonly<Record<string, ErrorCode>> = Object.freeze(
  Object.fromEntries(CODES.map((c) => [c.charAt(0).toLowerCase() + c.slice(1), c])),
);

/** OfficeExtension.Error: what a failed sync rejects with, and what reading an unloaded property throws. */
export class OfficeError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: ErrorCode;
  readonly debugInfo: { code: ErrorCode; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError = null;

  constructor(code: ErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }

  override toString(): string {
    return JSON.stringify({ name: this.name, code: this.code, message: this.message, debugInfo: this.debugInfo });
  }
}

export function fail(code: ErrorCode, message: string, errorLocation?: string): never {
  throw new OfficeError(code, message, errorLocation);
}

export function notLoaded(location: string): OfficeError {
  return new OfficeError(
    'PropertyNotLoaded',
    `${location} is not loaded: call load() on the object and await context.sync() before reading it.`,
    location,
  );
}

/** ExcelApi versions compared as numbers, major then minor ('1.10' > '1.9'). */
export function versionAtLeast(have: string | undefined, need: string | number): boolean {
  if (have === undefined) return false;
  const [hMajor = 0, hMinor = 0] = have.split('.').map(Number);
  const [nMajor = 0, nMinor = 0] = String(need).split('.').map(Number);
  return hMajor !== nMajor ? hMajor > nMajor : hMinor >= nMinor;
}

/** Bytes of a string in UTF-8, counted without building it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80) n += 1;
    else if (u < 0x800) n += 2;
    else if (u >= 0xd800 && u <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Something that happened in the book, raised to the event handlers once the sync (or the user's action) is done. */
export type FakeEvent =
  | { kind: 'Changed'; sheetId: string; address: string; trigger: 'ThisLocalAddin' | 'Unknown'; details?: ChangeDetails }
  | { kind: 'SelectionChanged'; sheetId: string; address: string }
  | { kind: 'Activated' | 'Deactivated' | 'Added' | 'Deleted'; sheetId: string }
  | { kind: 'ProtectionChanged'; sheetId: string; isProtected: boolean };
export type EventKind = FakeEvent['kind'];

export interface ChangeDetails {
  valueBefore: unknown;
  valueAfter: unknown;
  valueTypeBefore: string;
  valueTypeAfter: string;
}

/** A handler registered by a synced EventHandlers.add. */
export interface Registration {
  readonly id: number;
  readonly kind: EventKind;
  /** A sheet id, or 'collection' for the events of the worksheet collection. */
  readonly scope: string;
  readonly handler: (args: unknown) => unknown;
}

/** One sync: the book it changes (a copy until committed), the values it loads and the events it raises. */
export class Tx {
  /** Deliver loaded values; run only if the whole sync succeeds. */
  readonly loads: (() => void)[] = [];
  /** Effects of operations that were applied (handler registrations, bindings); run when the book is committed. */
  readonly effects: (() => void)[] = [];
  readonly events: FakeEvent[] = [];
  constructor(readonly book: Book) {}
}

/** A queued command: its wire form (counted for the payload limit), the API set it needs and what it does. */
export interface Op {
  readonly wire: Record<string, unknown>;
  /** The ExcelApi version the member belongs to. */
  readonly requires: string;
  /** 'Range.values' and the like, for error locations. */
  readonly location: string;
  /** Asynchronous work done before the batch runs (reading a workbook from base64). */
  prepare?(): Promise<void>;
  /** Applies the command; returns what it sends back (counted for the response limit), or undefined. */
  run(tx: Tx): unknown;
}

/** The fake Excel application as the proxies see it. */
export interface Engine {
  readonly apiVersion: string;
  execute(ops: readonly Op[]): Promise<void>;
  parse(base64: string): Promise<SheetState[]>;
  register(reg: Omit<Registration, 'id'>): number;
  unregister(id: number): void;
  /** Excel.run calls and syncs in flight, so that settle() can wait for them. */
  busy(delta: 1 | -1): void;
}

let current: Engine | undefined;

export function setEngine(e: Engine): void {
  current = e;
}

export function engine(): Engine {
  if (current === undefined) throw new Error('fake Excel: installFake() has not been called');
  return current;
}

/** A JSON copy of what the add-in passed, as Office.js serialises it when the command is queued. */
export function snapshot<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
