// A fake of the Excel JavaScript API (Office.js) for testing the task pane: installs Office, Excel and OfficeExtension
// on globalThis, and __fakeExcel, the control a test drives it with. No Node API: bundled into the fake office.js.
import { Host, type FakeExcelControl, type FakeOptions } from './_host.js';
import { createOffice } from './_office.js';
import { FormatProtection, Range, RangeAreas, RangeCollection, RangeFill, RangeFormat } from './_range.js';
import { RequestContext, Workbook, Worksheet, WorksheetCollection, WorksheetProtection } from './_workbook.js';
import { ClientObject, ClientResult, EventHandlerResult, EventHandlers } from './_proxy.js';
import { engine, ERROR_CODES, OfficeError, setEngine } from './_runtime.js';
import { type BookState, normalizeBook } from './book.js';

export type { BookState, CellState, SheetState, ProtectionOptions, Visibility } from './book.js';
export type { CellView, FakeExcelControl, FakeOptions, SheetView, SyncSize } from './_host.js';
export { UserRefused } from './_host.js';

const SheetVisibility = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;
const WorksheetPositionType = { none: 'None', before: 'Before', after: 'After', beginning: 'Beginning', end: 'End' } as const;
const EventSource = { local: 'Local', remote: 'Remote' } as const;
const DataChangeType = { unknown: 'Unknown', rangeEdited: 'RangeEdited', rowInserted: 'RowInserted', rowDeleted: 'RowDeleted', columnInserted: 'ColumnInserted', columnDeleted: 'ColumnDeleted', cellInserted: 'CellInserted', cellDeleted: 'CellDeleted' } as const;
const EventTriggerSource = { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' } as const;
const EventType = { worksheetChanged: 'WorksheetChanged', worksheetSelectionChanged: 'WorksheetSelectionChanged', worksheetActivated: 'WorksheetActivated', worksheetDeactivated: 'WorksheetDeactivated', worksheetAdded: 'WorksheetAdded', worksheetDeleted: 'WorksheetDeleted', worksheetProtectionChanged: 'WorksheetProtectionChanged' } as const;
const RangeValueType = { unknown: 'Unknown', empty: 'Empty', string: 'String', integer: 'Integer', double: 'Double', boolean: 'Boolean', error: 'Error', richValue: 'RichValue' } as const;
const ProtectionSelectionMode = { normal: 'Normal', unlocked: 'Unlocked', none: 'None' } as const;
const ClearApplyTo = { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks', removeHyperlinks: 'RemoveHyperlinks', resetContents: 'ResetContents' } as const;

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * Excel.run(batch), or Excel.run(object or context, batch) to go on with an earlier batch's objects (as removing an event
 * handler needs). What the batch leaves queued is synced at the end; a batch that throws syncs nothing more.
 */
async function run(...args: unknown[]): Promise<unknown> {
  const batch = args.find((a): a is (ctx: RequestContext) => unknown => typeof a === 'function');
  if (batch === undefined) throw new OfficeError('InvalidArgument', 'Excel.run needs a batch function.', 'Excel.run');
  const first = args[0];
  const ctx =
    first instanceof RequestContext ? first
    : first instanceof ClientObject ? (first.context as RequestContext)
    : Array.isArray(first) && first[0] instanceof ClientObject ? (first[0].context as RequestContext)
    : new RequestContext();
  const host = engine();
  host.busy(1);
  ctx._closed = false;
  try {
    const returned = batch(ctx);
    if (!isThenable(returned)) throw new OfficeError('RunMustReturnPromise', 'The batch function passed to Excel.run must return a promise.', 'Excel.run');
    const result = await returned;
    if (ctx._pending > 0) await ctx.sync();
    return result;
  } finally {
    ctx._closed = true;
    host.busy(-1);
  }
}

/**
 * Installs the fake on globalThis (Office, Excel, OfficeExtension, __fakeExcel) over a copy of `state`, and returns the
 * control. Installing again replaces the previous book, handlers and logs.
 */
export function installFake(state: BookState, options: FakeOptions = {}): FakeExcelControl {
  const host = new Host(normalizeBook(state), options);
  setEngine(host);
  const g = globalThis as Record<string, unknown>;
  g.Office = createOffice(host);
  g.Excel = {
    run,
    RequestContext,
    ErrorCodes: ERROR_CODES,
    SheetVisibility,
    WorksheetPositionType,
    EventSource,
    DataChangeType,
    EventTriggerSource,
    EventType,
    RangeValueType,
    ProtectionSelectionMode,
    ClearApplyTo,
    Workbook,
    WorksheetCollection,
    Worksheet,
    WorksheetProtection,
    Range,
    RangeAreas,
    RangeCollection,
    RangeFormat,
    RangeFill,
    FormatProtection,
  };
  g.OfficeExtension = {
    Error: OfficeError,
    ErrorCodes: ERROR_CODES,
    ClientObject,
    ClientResult,
    ClientRequestContext: RequestContext,
    EventHandlers,
    EventHandlerResult,
    Promise,
    config: { extendedErrorLogging: false },
  };
  g.__fakeExcel = host.control;
  return host.control;
}
