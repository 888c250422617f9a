/// <reference types="office-js" />
// Keeps the fake Excel of test/fake-excel honest, in Node: each behaviour of Office.js the task pane relies on, written
// as the pane writes it (typed with @types/office-js), against the fake.
import { runInNewContext } from 'node:vm';
import { unzipSync, strFromU8 } from 'fflate';
import { build } from 'esbuild';
import { beforeEach, describe, expect, test } from 'vitest';
import { type BookState, type FakeExcelControl, type FakeOptions, installFake } from './fake-excel/excel.js';
import { fakeOfficeJs } from './fake-excel/harness.js';
import { stateFromXlsx, xlsxFromState } from './fake-excel/state.js';
import { makeSheet, seed } from './helpers/sheets.js';

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** A progress sheet in small: protected, plan cells locked, entry cells (D) unlocked, a formula, a very hidden sheet. */
const BOOK: BookState = {
  sheets: [
    {
      name: '填报',
      protection: { protected: true },
      cells: {
        A1: { value: '指标' },
        B1: { value: '目标值' },
        C1: { value: '完成率' },
        D1: { value: '完成值' },
        A2: { value: '5G基站' },
        B2: { value: 176 },
        C2: { value: 0, formula: '=IF(D2="","",D2/B2)', numberFormat: '0%' },
        B3: { value: 400 },
        D2: { locked: false },
        D3: { locked: false },
        D4: { locked: false },
        E2: { value: '已完成', fill: '#FFEB9C' },
      },
      columns: { F: { locked: false } },
    },
    { name: 'Other sheet', cells: { A1: { value: 1 } } },
    { name: '_plan_ledger', visibility: 'VeryHidden', cells: { A1: { value: 'plan-1' } } },
  ],
};

const nodeIo: FakeOptions = {
  parse: async (base64) => (await stateFromXlsx(new Uint8Array(Buffer.from(base64, 'base64')))).sheets,
  serialize: (state) => xlsxFromState(state),
};

let control: FakeExcelControl;
const fake = (state: BookState = BOOK, options: FakeOptions = {}): FakeExcelControl => (control = installFake(state, { ...nodeIo, ...options }));

/** The code an Excel.run rejects with. */
async function codeOf(batch: (context: Excel.RequestContext) => Promise<unknown>): Promise<string | undefined> {
  try {
    await Excel.run(batch);
    return undefined;
  } catch (e) {
    return (e as OfficeExtension.Error).code;
  }
}

/** Event args as JSON (without getRange). */
const plain = (e: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(e)) as Record<string, unknown>;

/** Registers a handler on the collection's or a sheet's event and collects its args. */
async function listen(event: 'onChanged' | 'onSelectionChanged' | 'onActivated' | 'onDeactivated' | 'onProtectionChanged' | 'onAdded', sheet?: string): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  await Excel.run(async (context) => {
    const source = (sheet === undefined ? context.workbook.worksheets : context.workbook.worksheets.getItem(sheet)) as unknown as Record<string, OfficeExtension.EventHandlers<unknown>>;
    (source[event] as OfficeExtension.EventHandlers<unknown>).add(async (args) => {
      seen.push(plain(args));
    });
    await context.sync();
  });
  return seen;
}

beforeEach(() => {
  fake();
});

describe('Office', () => {
  test('onReady gives host and platform; Office.context exists only then; Office.initialize is called', async () => {
    const calls: string[] = [];
    const g = globalThis as unknown as { Office: { initialize?: (reason: string) => void; context?: unknown } };
    g.Office.initialize = (reason) => calls.push(reason);
    expect(g.Office.context).toBeUndefined();
    expect(await Office.onReady()).toEqual({ host: 'Excel', platform: 'PC' });
    expect(calls).toEqual(['DocumentOpened']);
    expect(Office.context.displayLanguage).toBe('zh-CN');
    fake(BOOK, { platform: 'OfficeOnline', displayLanguage: 'en-US' });
    expect(await Office.onReady()).toEqual({ host: Office.HostType.Excel, platform: Office.PlatformType.OfficeOnline });
    expect(Office.context.displayLanguage).toBe('en-US');
  });

  test.each([
    { set: 'ExcelApi', version: undefined, expected: true },
    { set: 'ExcelApi', version: '1.9', expected: true },
    { set: 'ExcelApi', version: '1.10', expected: true, notes: '1.10 is later than 1.9: compared as numbers' },
    { set: 'ExcelApi', version: '1.14', expected: true },
    { set: 'ExcelApi', version: '1.15', expected: false },
    { set: 'ExcelApi', version: '2.0', expected: false },
    { set: 'WordApi', version: '1.1', expected: false },
    { set: 'ExcelApiOnline', version: '1.1', expected: false },
  ])('isSetSupported($set, $version) with ExcelApi 1.14 → $expected', async ({ set, version, expected }) => {
    await Office.onReady();
    expect(Office.context.requirements.isSetSupported(set, version)).toBe(expected);
  });

  test('other requirement sets only when configured', async () => {
    fake(BOOK, { requirements: { ExcelApi: '1.8', ExcelApiOnline: '1.1' } });
    await Office.onReady();
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApiOnline', '1.1')).toBe(true);
  });
});

describe('Excel and OfficeExtension', () => {
  const codes = ['PropertyNotLoaded', 'ItemNotFound', 'InvalidArgument', 'AccessDenied', 'ApiNotFound', 'RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'InvalidOperation', 'ItemAlreadyExists', 'InvalidReference', 'ValueNotLoaded', 'InvalidObjectPath'];

  test.each(codes)('ErrorCodes has %s, keyed in camelCase, in both namespaces', (code) => {
    const key = code.charAt(0).toLowerCase() + code.slice(1);
    expect((Excel.ErrorCodes as unknown as Record<string, string>)[key]).toBe(code);
    expect((OfficeExtension.ErrorCodes as unknown as Record<string, string>)[key]).toBe(code);
  });

  test('enums are objects of strings, as in Office.js', () => {
    expect([Excel.SheetVisibility.visible, Excel.SheetVisibility.hidden, Excel.SheetVisibility.veryHidden]).toEqual(['Visible', 'Hidden', 'VeryHidden']);
    expect([Excel.WorksheetPositionType.end, Excel.EventSource.local, Excel.DataChangeType.rangeEdited]).toEqual(['End', 'Local', 'RangeEdited']);
    expect([Excel.EventTriggerSource.thisLocalAddin, Excel.EventTriggerSource.unknown]).toEqual(['ThisLocalAddin', 'Unknown']);
    expect([Office.FileType.Compressed, Office.AsyncResultStatus.Failed, Office.HostType.Excel]).toEqual(['compressed', 'failed', 'Excel']);
  });
});

describe('load and sync', () => {
  test('a property read before it is loaded and synced throws PropertyNotLoaded, a RichApi.Error', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('填报').getRange('A1:B2');
      range.load('values');
      let error: unknown;
      try {
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OfficeExtension.Error);
      expect(error).toMatchObject({ name: 'RichApi.Error', code: 'PropertyNotLoaded', debugInfo: { code: 'PropertyNotLoaded', errorLocation: 'Range.values' } });
      await context.sync();
      expect(range.values).toEqual([
        ['指标', '目标值'],
        ['5G基站', 176],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: OfficeExtension.ErrorCodes.propertyNotLoaded }));
    });
  });

  test.each([
    { description: 'a comma-separated string', spec: 'address, rowCount' },
    { description: 'an array', spec: ['address', 'rowCount'] },
    { description: 'select', spec: { select: 'address,rowCount' } },
    { description: 'an object of properties', spec: { address: true, rowCount: true } },
  ])('load takes $description', async ({ spec }) => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Other sheet').getRange('B2:C4');
      range.load(spec as string);
      await context.sync();
      expect([range.address, range.rowCount]).toEqual(["'Other sheet'!B2:C4", 3]);
    });
  });

  test('paths go through navigation properties and collections: format/fill/color, items/name, name', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('填报').getRange('E2');
      range.load('format/fill/color, format/protection/locked, worksheet/name');
      const sheets = context.workbook.worksheets;
      sheets.load('items/name, items/visibility');
      await context.sync();
      expect([range.format.fill.color, range.format.protection.locked, range.worksheet.name]).toEqual(['#FFEB9C', true, '填报']);
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ['填报', 'Visible'],
        ['Other sheet', 'Visible'],
        ['_plan_ledger', 'VeryHidden'],
      ]);
      expect(() => sheets.items[0]?.position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      // As in Office.js, loading the collection again gives new items, with only what that load asked for.
      sheets.load('position');
      await context.sync();
      expect(sheets.items.map((s) => s.position)).toEqual([0, 1, 2]);
      expect(() => sheets.items[0]?.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('load() without arguments loads every scalar property; an unknown one fails the sync', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('填报').getRange('C2');
      range.load();
      await context.sync();
      expect({ formulas: range.formulas, values: range.values, text: range.text, numberFormat: range.numberFormat, valueTypes: range.valueTypes }).toEqual({
        formulas: [['=IF(D2="","",D2/B2)']],
        values: [[0]],
        text: [['0%']],
        numberFormat: [['0%']],
        valueTypes: [['Double']],
      });
    });
    expect(await codeOf(async (context) => {
      context.workbook.getSelectedRange().load('colour');
      await context.sync();
    })).toBe('InvalidArgument');
  });

  test('load() without arguments leaves out what this Excel’s API set lacks', async () => {
    fake(BOOK, { requirements: { ExcelApi: '1.6' } });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('填报').getRange('A1');
      range.load();
      await context.sync();
      expect(range.values).toEqual([['指标']]);
      expect(() => range.isEntireRow).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('填报').getRange('A1').load('isEntireRow');
      await context.sync();
    })).toBe('ApiNotFound');
  });

  test('loaded values are a snapshot of that sync: a later change shows only once loaded and synced again', async () => {
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('填报').getRange('D2');
      cell.load('values');
      await context.sync();
      control.type('填报', 'D2', '150');
      expect(cell.values).toEqual([['']]);
      cell.load('values');
      await context.sync();
      expect(cell.values).toEqual([[150]]);
    });
  });

  test('writes apply at the sync in queue order; a load queued after a write sees it; the proxy shows what was set', async () => {
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Other sheet').getRange('B1');
      cell.values = [[1]];
      cell.values = [[2]];
      expect(cell.values).toEqual([[2]]);
      expect(control.cells('Other sheet').B1).toBeUndefined();
      const after = context.workbook.worksheets.getItem('Other sheet').getRange('B1');
      after.load('values');
      cell.values = [[3]];
      await context.sync();
      expect(after.values).toEqual([[2]]);
      expect(control.cells('Other sheet').B1?.value).toBe(3);
    });
  });

  test('an operation that fails rejects the sync: those queued before it are applied, those after are not', async () => {
    const code = await codeOf(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      sheet.getRange('A2').values = [['before']];
      context.workbook.worksheets.getItem('No such sheet').getRange('A1').values = [['x']];
      sheet.getRange('A3').values = [['after']];
      await context.sync();
    });
    expect(code).toBe('ItemNotFound');
    expect(control.cells('Other sheet').A2?.value).toBe('before');
    expect(control.cells('Other sheet').A3).toBeUndefined();
  });

  test('methods that return values give a ClientResult, readable once synced', async () => {
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      const visible = context.workbook.worksheets.getCount(true);
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }));
      await context.sync();
      expect([count.value, visible.value]).toEqual([3, 2]);
    });
  });

  test('*OrNullObject: isNullObject is loaded by the sync without being asked; getItem of a missing sheet fails at the sync', async () => {
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const present = context.workbook.worksheets.getItemOrNullObject('填报');
      const emptyUsed = context.workbook.worksheets.add('Empty').getUsedRangeOrNullObject();
      present.load('name');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect([missing.isNullObject, present.isNullObject, present.name, emptyUsed.isNullObject]).toEqual([true, false, '填报', true]);
    });
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Nope').load('name');
      await context.sync();
    })).toBe('ItemNotFound');
  });

  test('navigation costs no round trip; every sync counts, and Excel.run syncs at the end only what is left queued', async () => {
    control.resetSyncCount();
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('填报');
      void sheet.getRange('A1').getCell(0, 0).getOffsetRange(1, 1).format.fill;
      expect(control.syncCount).toBe(0);
      sheet.getRange('A1').load('values');
      await context.sync();
      await context.sync();
      expect(control.syncCount).toBe(2);
      sheet.getRange('F9').values = [[1]];
    });
    expect(control.syncCount).toBe(3);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('填报');
    });
    expect(control.syncCount).toBe(3);
  });

  test('each sync logs its request (the queued commands with the values written) and response (the loaded values) in bytes', async () => {
    control.resetSyncCount();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Other sheet').getRange('A1:A2');
      range.values = [['区'.repeat(1000)], [1]];
      await context.sync();
      range.load('values');
      await context.sync();
    });
    const [write, read] = control.requests;
    expect(write?.request).toBeGreaterThan(3000);
    expect(write?.response).toBeLessThan(100);
    expect(read?.request).toBeLessThan(300);
    expect(read?.response).toBeGreaterThan(3000);
  });

  test.each([
    { description: 'a request', code: 'RequestPayloadSizeLimitExceeded', big: (r: Excel.Range) => (r.values = [['x'.repeat(5 * 1024 * 1024)]]) },
    { description: 'a response', code: 'ResponsePayloadSizeLimitExceeded', big: (r: Excel.Range) => r.getEntireColumn().load('values'), notes: 'a whole column is 1,048,576 values' },
  ])('$description over 5 MB rejects with $code and applies nothing of the batch', async ({ code, big }) => {
    expect(await codeOf(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      sheet.getRange('C1').values = [['applied?']];
      big(sheet.getRange('B1'));
      await context.sync();
    })).toBe(code);
    expect(control.cells('Other sheet').C1).toBeUndefined();
  });

  test('a range of more than five million cells cannot be read; an object of a finished Excel.run cannot queue commands', async () => {
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Other sheet').getRange('A:E').load('values');
      await context.sync();
    })).toBe('RangeExceedsLimit');
    let leaked: Excel.Range | undefined;
    await Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getItem('Other sheet').getRange('A1');
    });
    expect(() => leaked?.load('values')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  test('Excel.run(object, batch) goes on with that object’s context', async () => {
    let sheet: Excel.Worksheet | undefined;
    await Excel.run(async (context) => {
      sheet = context.workbook.worksheets.getItem('Other sheet');
    });
    await Excel.run(sheet as Excel.Worksheet, async (context) => {
      (sheet as Excel.Worksheet).load('name');
      await context.sync();
    });
    expect(sheet?.name).toBe('Other sheet');
  });
});

describe('ranges', () => {
  test.each([
    { sheet: 'Sheet1', address: 'A1', expected: 'Sheet1!A1' },
    { sheet: '填报', address: 'd5:e7', expected: '填报!D5:E7' },
    { sheet: 'Other sheet', address: 'A1', expected: "'Other sheet'!A1" },
    { sheet: '区科委 2021-Q2', address: 'B2', expected: "'区科委 2021-Q2'!B2" },
    { sheet: '2021', address: 'A1', expected: "'2021'!A1", notes: 'a name that starts with a digit' },
    { sheet: 'AB12', address: 'A1', expected: "'AB12'!A1", notes: 'a name that reads as a cell' },
    { sheet: "O'Brien", address: 'A1', expected: "'O''Brien'!A1" },
    { sheet: 'Sheet1', address: '5:7', expected: 'Sheet1!5:7' },
    { sheet: 'Sheet1', address: 'D:D', expected: 'Sheet1!D:D' },
    { sheet: 'Sheet1', address: '$B$2:$C$3', expected: 'Sheet1!B2:C3' },
    { sheet: 'Sheet1', address: 'Sheet1!C3', expected: 'Sheet1!C3' },
  ])('getRange($address) on $sheet has the address $expected', async ({ sheet, address, expected }) => {
    fake({ sheets: [{ name: sheet, cells: {} }] });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load('address, addressLocal');
      await context.sync();
      expect([range.address, range.addressLocal]).toEqual([expected, expected]);
    });
  });

  test('cells, offsets, resizing, rows and the whole row, with their indexes and sizes', async () => {
    await Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem('Other sheet').getRange('B2:C4');
      const ranges = {
        cell: base.getCell(1, 1),
        offset: base.getOffsetRange(1, 2),
        resized: base.getResizedRange(1, -1),
        row: base.getRow(2),
        entireRow: base.getEntireRow(),
        sheetCell: context.workbook.worksheets.getItem('Other sheet').getCell(4, 3),
      };
      for (const r of Object.values(ranges)) r.load('address, rowIndex, columnIndex, rowCount, columnCount');
      await context.sync();
      const view = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, [r.address.replace(/^.*!/, ''), r.rowIndex, r.columnIndex, r.rowCount, r.columnCount]]));
      expect(view).toEqual({
        cell: ['C3', 2, 2, 1, 1],
        offset: ['D3:E5', 2, 3, 3, 2],
        resized: ['B2:B5', 1, 1, 4, 1],
        row: ['B4:C4', 3, 1, 1, 2],
        entireRow: ['2:4', 1, 0, 3, 16384],
        sheetCell: ['D5', 4, 3, 1, 1],
      });
    });
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Other sheet').getRange('A1').getOffsetRange(-1, 0).load('address');
      await context.sync();
    })).toBe('InvalidArgument');
  });

  test('values: a 2-D array of the range’s shape, or one value for every cell; null leaves a cell; another shape is refused', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      sheet.getRange('A1:B2').values = [
        [null, 'b'],
        [3, true],
      ];
      sheet.getRange('D1:E2').values = 7 as unknown as unknown[][];
      await context.sync();
    });
    const cells = control.cells('Other sheet');
    expect(Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.value]))).toEqual({ A1: 1, B1: 'b', A2: 3, B2: true, D1: 7, E1: 7, D2: 7, E2: 7 });
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Other sheet').getRange('A1:B2').values = [[1, 2]];
      await context.sync();
    })).toBe('InvalidArgument');
  });

  test.each([
    { input: '123', value: 123, type: 'Double' },
    { input: '1,234', value: 1234, type: 'Double', format: '#,##0' },
    { input: '12.5', value: 12.5, type: 'Double' },
    { input: '-3', value: -3, type: 'Double' },
    { input: '50%', value: 0.5, type: 'Double', format: '0%' },
    { input: '2.6万', value: '2.6万', type: 'String' },
    { input: '约30', value: '约30', type: 'String' },
    { input: '１２３', value: '１２３', type: 'String', notes: 'full-width digits stay text' },
    { input: "'123", value: '123', type: 'String', notes: 'the apostrophe forces text' },
    { input: 'true', value: true, type: 'Boolean' },
    { input: '2021-06-30', value: 44377, type: 'Double', format: 'yyyy/m/d' },
    { input: '', value: null, type: 'Empty' },
  ])('a string written to Range.values is read as typed text: $input → $value', async ({ input, value, type, format }) => {
    await Excel.run(async (context) => {
      const cell = context.workbook.worksheets.getItem('Other sheet').getRange('A1');
      cell.values = [[input]];
      cell.load('values, valueTypes, numberFormat');
      await context.sync();
      expect([cell.values[0]?.[0], cell.valueTypes[0]?.[0], cell.numberFormat[0]?.[0]]).toEqual([value ?? '', type, format ?? 'General']);
    });
  });

  test('a Text-formatted cell keeps strings as text; =… writes a formula', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      const text = sheet.getRange('B1');
      text.numberFormat = [['@']];
      text.values = [['00123']];
      sheet.getRange('B2').values = [['=B1&"x"']];
      const both = sheet.getRange('B1:B2');
      both.load('values, formulas, text');
      await context.sync();
      expect(both.values).toEqual([['00123'], ['']]);
      expect(both.formulas).toEqual([['00123'], ['=B1&"x"']]);
    });
  });

  test('used range: values only or formats too; A1 on an empty sheet, a null object with OrNullObject', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('填报');
      const values = sheet.getUsedRange(true);
      const all = sheet.getUsedRange();
      const empty = context.workbook.worksheets.add().getUsedRange();
      for (const r of [values, all, empty]) r.load('address');
      await context.sync();
      expect([values.address, all.address, empty.address]).toEqual(['填报!A1:E3', '填报!A1:E4', 'Sheet4!A1']);
    });
  });

  test('RangeAreas: getRanges gives the areas, each loadable, and one format for all', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      const areas = sheet.getRanges('A1:B2, D5:D9');
      areas.load('address, areaCount, cellCount');
      areas.areas.load('items/address, items/values');
      areas.format.fill.color = '#C6EFCE';
      await context.sync();
      expect([areas.address, areas.areaCount, areas.cellCount]).toEqual(["'Other sheet'!A1:B2, 'Other sheet'!D5:D9", 2, 9]);
      expect(areas.areas.items.map((r) => r.values.length)).toEqual([2, 5]);
    });
    expect(control.cells('Other sheet').D9?.fill).toBe('#C6EFCE');
  });

  test('format.fill.color: the colour if uniform, null if mixed, #FFFFFF without fill; set in any casing or by name; clear()', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      sheet.getRange('A1').format.fill.color = 'ffeb9c';
      sheet.getRange('A2').format.fill.color = 'orange';
      sheet.getRange('B1').format.fill.color = '#FFFFFF';
      const [a1, a2, mixed, none, white] = ['A1', 'A2', 'A1:A2', 'C1', 'B1'].map((a) => sheet.getRange(a).format.fill.load('color, tintAndShade'));
      await context.sync();
      expect([a1?.color, a2?.color, mixed?.color, none?.color, white?.color]).toEqual(['#FFEB9C', '#FFA500', null, '#FFFFFF', '#FFFFFF']);
      expect([none?.tintAndShade, white?.tintAndShade]).toEqual([null, 0]);
      sheet.getRange('A1:A2').format.fill.clear();
      await context.sync();
    });
    expect(control.cells('Other sheet').A1?.fill).toBeNull();
  });

  test('whole rows and columns take formats as rows and columns; their cells read them', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      sheet.getRange('3:4').format.fill.color = '#FFC7CE';
      const inside = sheet.getRange('Z4').format.fill.load('color');
      const rows = sheet.getRange('3:4').format.fill.load('color');
      await context.sync();
      expect([inside.color, rows.color]).toEqual(['#FFC7CE', '#FFC7CE']);
    });
    expect(control.state().sheets[1]?.rows).toEqual({ 3: { fill: '#FFC7CE' }, 4: { fill: '#FFC7CE' } });
  });
});

describe('protection', () => {
  test('on a protected sheet a locked cell refuses values (AccessDenied); an unlocked cell, or a cell of an unlocked column, takes them', async () => {
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('填报').getRange('A2').values = [['改']];
      await context.sync();
    })).toBe('AccessDenied');
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('填报').getRange('D2:D3').values = [[1], ['x']];
      context.workbook.worksheets.getItem('填报').getRange('F20').values = [['note']];
      await context.sync();
    })).toBeUndefined();
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('填报').getRange('C3:D3').values = [[1, 2]];
      await context.sync();
    })).toBe('AccessDenied');
    expect(control.cells('填报').D3?.value).toBe('x');
  });

  test('formatting on a protected sheet needs allowFormatCells; locking cells is refused while protected', async () => {
    const paint = async (): Promise<string | undefined> =>
      codeOf(async (context) => {
        context.workbook.worksheets.getItem('填报').getRange('D2').format.fill.color = '#FFC7CE';
        await context.sync();
      });
    expect(await paint()).toBe('AccessDenied');
    await Excel.run(async (context) => {
      const p = context.workbook.worksheets.getItem('填报').protection;
      p.unprotect();
      p.protect({ allowFormatCells: true });
      p.load('protected, options');
      await context.sync();
      expect([p.protected, p.options.allowFormatCells, p.options.allowSort, p.options.selectionMode]).toEqual([true, true, false, 'Normal']);
    });
    expect(await paint()).toBeUndefined();
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('填报').getRange('D2').format.protection.locked = true;
      await context.sync();
    })).toBe('AccessDenied');
  });

  test('cells of an unprotected sheet can be locked and unlocked; format.protection.locked reads null when mixed', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      sheet.getRange('A1:A2').format.protection.locked = false;
      sheet.getRange('A2').format.protection.locked = true;
      const [a1, both] = ['A1', 'A1:A2'].map((a) => sheet.getRange(a).format.protection.load('locked'));
      await context.sync();
      expect([a1?.locked, both?.locked]).toEqual([false, null]);
    });
  });

  test('protect fails on a protected sheet; a password must match to unprotect', async () => {
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('填报').protection.protect();
      await context.sync();
    })).toBe('InvalidOperation');
    await Excel.run(async (context) => {
      const p = context.workbook.worksheets.getItem('Other sheet').protection;
      p.protect({}, 'secret');
      await context.sync();
    });
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Other sheet').protection.unprotect('wrong');
      await context.sync();
    })).toBe('InvalidArgument');
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Other sheet').protection.unprotect('secret');
      await context.sync();
    })).toBeUndefined();
  });
});

describe('worksheets', () => {
  test('very hidden sheets are items of the collection, with their visibility; the user cannot reach them', async () => {
    await Excel.run(async (context) => {
      const meta = context.workbook.worksheets.getItem('_plan_ledger');
      meta.load('visibility, position');
      await context.sync();
      expect([meta.visibility, meta.position]).toEqual([Excel.SheetVisibility.veryHidden, 2]);
    });
    expect(() => control.select('_plan_ledger', 'A1')).toThrow(/very hidden/);
    expect(() => control.activate('_plan_ledger')).toThrow(/very hidden/);
    expect(() => control.type('_plan_ledger', 'A1', 'x')).toThrow(/very hidden/);
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('_plan_ledger').activate();
      await context.sync();
    })).toBe('InvalidOperation');
  });

  test('add names SheetN at the end without activating it; a taken or invalid name is refused; rename and move', async () => {
    await Excel.run(async (context) => {
      const added = context.workbook.worksheets.add();
      added.load('name, position');
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      expect([added.name, added.position, active.name]).toEqual(['Sheet4', 3, '填报']);
      added.name = '区科委 2021-Q2';
      added.position = 0;
      added.load('name, position');
      await context.sync();
      expect([added.name, added.position]).toEqual(['区科委 2021-Q2', 0]);
    });
    for (const [name, code] of [
      ['other SHEET', 'ItemAlreadyExists'],
      ['a/b', 'InvalidArgument'],
      ['x'.repeat(32), 'InvalidArgument'],
    ] as const) {
      expect(await codeOf(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      })).toBe(code);
    }
  });

  test('the last visible sheet can be neither hidden nor deleted; hiding the active sheet activates the next', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('填报').visibility = Excel.SheetVisibility.hidden;
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      expect(active.name).toBe('Other sheet');
    });
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Other sheet').visibility = Excel.SheetVisibility.veryHidden;
      await context.sync();
    })).toBe('InvalidOperation');
    expect(await codeOf(async (context) => {
      context.workbook.worksheets.getItem('Other sheet').delete();
      await context.sync();
    })).toBe('InvalidOperation');
  });

  test('adding and inserting raise onAdded', async () => {
    const seen = await listen('onAdded');
    const base64 = toBase64(await xlsxFromState({ sheets: [{ name: 'In', cells: {} }] }));
    await Excel.run(async (context) => {
      context.workbook.worksheets.add('New');
      context.workbook.insertWorksheetsFromBase64(base64);
      await context.sync();
    });
    await control.settle();
    expect(seen.map((e) => [e.type, e.source])).toEqual([
      ['WorksheetAdded', 'Local'],
      ['WorksheetAdded', 'Local'],
    ]);
    expect(seen.map((e) => e.worksheetId)).toEqual(control.sheets().slice(3).map((s) => s.id));
  });

  test('a proxy follows its sheet through a rename', async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Other sheet');
      sheet.name = 'Renamed';
      sheet.getRange('B1').values = [['still here']];
      sheet.load('name');
      await context.sync();
      expect(sheet.name).toBe('Renamed');
    });
    expect(control.cells('Renamed').B1?.value).toBe('still here');
  });
});

describe('insertWorksheetsFromBase64', () => {
  const incoming: BookState = {
    sheets: [
      { name: '填报', protection: { protected: true, options: { allowFormatCells: true } }, cells: { A1: { value: 'new' }, B1: { locked: false } } },
      { name: '_plan_ledger', visibility: 'VeryHidden', cells: { A1: { value: 'plan-2' } } },
    ],
  };

  test('inserts the file’s sheets at the end, renaming clashes as Excel does, and returns their ids', async () => {
    const base64 = toBase64(await xlsxFromState(incoming));
    await Excel.run(async (context) => {
      const ids = context.workbook.insertWorksheetsFromBase64(base64, { positionType: Excel.WorksheetPositionType.end });
      await context.sync();
      expect(ids.value).toHaveLength(2);
      expect(control.sheets().filter((s) => ids.value.includes(s.id)).map((s) => [s.name, s.position])).toEqual([
        ['填报 (2)', 3],
        ['_plan_ledger (2)', 4],
      ]);
    });
  });

  test('pessimistic about what Microsoft does not promise: inserted sheets arrive unprotected, and very hidden arrives hidden', async () => {
    const base64 = toBase64(await xlsxFromState(incoming));
    await Excel.run(async (context) => {
      context.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: ['_plan_ledger', '填报'], positionType: 'Beginning' });
      await context.sync();
    });
    expect(control.sheets().slice(0, 2)).toMatchObject([
      { name: '填报 (2)', protected: false, visibility: 'Visible' },
      { name: '_plan_ledger (2)', protected: false, visibility: 'Hidden' },
    ]);
    expect(control.cells('填报 (2)').B1?.locked).toBe(false);
  });

  test('needs ExcelApi 1.13 (ApiNotFound); a string that is not a workbook is an InvalidArgument; the base64 counts in the request', async () => {
    const base64 = toBase64(await xlsxFromState(incoming));
    fake(BOOK, { requirements: { ExcelApi: '1.12' } });
    expect(await codeOf(async (context) => {
      context.workbook.insertWorksheetsFromBase64(base64);
      await context.sync();
    })).toBe('ApiNotFound');
    fake();
    expect(await codeOf(async (context) => {
      context.workbook.insertWorksheetsFromBase64('bm90IGEgd29ya2Jvb2s=');
      await context.sync();
    })).toBe('InvalidArgument');
    expect(control.requests.at(-1)?.request).toBeGreaterThan(20);
    control.resetSyncCount();
    await Excel.run(async (context) => {
      context.workbook.insertWorksheetsFromBase64(base64);
      await context.sync();
    });
    expect(control.requests[0]?.request).toBeGreaterThan(base64.length);
  });
});

describe('events', () => {
  test('typing: onChanged of the sheet and of the collection, with details; getRange gives the changed cell', async () => {
    const sheet = await listen('onChanged', '填报');
    const all = await listen('onChanged');
    let value: unknown;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('填报').onChanged.add(async (event) => {
        await Excel.run(async (ctx) => {
          const range = event.getRange(ctx);
          range.load('values');
          await ctx.sync();
          value = range.values[0]?.[0];
        });
      });
      await context.sync();
    });
    control.type('填报', 'D2', '1,234');
    expect(sheet).toEqual([]);
    await control.settle();
    const id = control.sheets()[0]?.id;
    const expected = {
      type: 'WorksheetChanged',
      worksheetId: id,
      address: 'D2',
      changeType: 'RangeEdited',
      source: 'Local',
      triggerSource: 'Unknown',
      details: { valueBefore: '', valueAfter: 1234, valueTypeBefore: 'Empty', valueTypeAfter: 'Double' },
    };
    expect(sheet).toEqual([expected]);
    expect(all).toEqual([expected]);
    expect(value).toBe(1234);
  });

  test.each([
    { description: 'paste', act: (c: FakeExcelControl) => c.paste('填报', 'D2', [['1'], [2], ['50%']]), address: 'D2:D4' },
    { description: 'fill down', act: (c: FakeExcelControl) => c.fillDown('填报', 'D2:D4'), address: 'D2:D4' },
  ])('$description: one onChanged for the block, without details', async ({ act, address }) => {
    const seen = await listen('onChanged');
    control.type('填报', 'D2', '7');
    await control.settle();
    seen.length = 0;
    act(control);
    await control.settle();
    expect(seen).toEqual([expect.objectContaining({ address, triggerSource: 'Unknown' })]);
    expect(seen[0]).not.toHaveProperty('details');
  });

  test('paste reads clipboard text as typing does, and is refused whole when it touches a locked cell of a protected sheet', async () => {
    control.paste('填报', 'D2', [['1'], ['2.6万'], ['50%']]);
    expect(['D2', 'D3', 'D4'].map((a) => control.cells('填报')[a]?.value)).toEqual([1, '2.6万', 0.5]);
    const before = control.state();
    expect(() => control.paste('填报', 'C2', [['x', 'y']])).toThrow(/locked/);
    expect(() => control.type('填报', 'A2', 'x')).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    expect(control.state()).toEqual(before);
  });

  test('fill down copies the top cell, moving a formula’s relative rows', async () => {
    fake({ sheets: [{ name: 'S', cells: { A1: { value: 5, fill: '#FFEB9C' }, B1: { value: 0, formula: '=A1*$A$1+SUM(A1:A2)' } } }] });
    control.fillDown('S', 'A1:B3');
    const cells = control.cells('S');
    expect([cells.A3?.value, cells.A3?.fill, cells.B3?.formula]).toEqual([5, '#FFEB9C', '=A3*$A$1+SUM(A3:A4)']);
  });

  test('writes by the add-in raise onChanged too, from ThisLocalAddin, without details when several cells; fills raise nothing', async () => {
    const seen = await listen('onChanged');
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('填报');
      sheet.getRange('D2').values = [[1]];
      sheet.getRange('D3:D4').values = [[2], [3]];
      context.workbook.worksheets.getItem('Other sheet').getRange('A1').format.fill.color = '#FFC7CE';
      await context.sync();
    });
    await control.settle();
    expect(seen.map((e) => [e.address, e.triggerSource, 'details' in e])).toEqual([
      ['D2', 'ThisLocalAddin', true],
      ['D3:D4', 'ThisLocalAddin', false],
    ]);
  });

  test('select: onSelectionChanged, and getSelectedRange gives the selection', async () => {
    const seen = await listen('onSelectionChanged');
    control.select('填报', 'D3:D4');
    await control.settle();
    expect(seen).toEqual([{ type: 'WorksheetSelectionChanged', worksheetId: control.sheets()[0]?.id, address: 'D3:D4' }]);
    await Excel.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load('address');
      await context.sync();
      expect(selected.address).toBe('填报!D3:D4');
    });
    expect(control.selection()).toEqual({ sheet: '填报', address: 'D3:D4' });
  });

  test('activate: onDeactivated on the old sheet, onActivated on the new; Range.select activates its sheet', async () => {
    const [deactivated, activated] = [await listen('onDeactivated'), await listen('onActivated')];
    const ids = control.sheets().map((s) => s.id);
    control.activate('Other sheet');
    await control.settle();
    expect([deactivated, activated]).toEqual([[{ type: 'WorksheetDeactivated', worksheetId: ids[0] }], [{ type: 'WorksheetActivated', worksheetId: ids[1] }]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('填报').getRange('B2').select();
      await context.sync();
    });
    await control.settle();
    expect(activated.map((e) => e.worksheetId)).toEqual([ids[1], ids[0]]);
    expect(control.selection()).toEqual({ sheet: '填报', address: 'B2' });
  });

  test('the user’s unprotect and protect raise onProtectionChanged', async () => {
    const seen = await listen('onProtectionChanged', '填报');
    control.unprotect('填报');
    control.protect('填报');
    await control.settle();
    expect(seen.map((e) => [e.type, e.isProtected, e.source])).toEqual([
      ['WorksheetProtectionChanged', false, 'Local'],
      ['WorksheetProtectionChanged', true, 'Local'],
    ]);
  });

  test('a handler is called only once its add is synced, and no more once its remove is', async () => {
    const seen: unknown[] = [];
    let result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await Excel.run(async (context) => {
      result = context.workbook.worksheets.onChanged.add(async (e) => {
        seen.push(e.address);
      });
      control.type('填报', 'D2', '1');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toEqual([]);
      await context.sync();
    });
    control.type('填报', 'D3', '2');
    await control.settle();
    await Excel.run(result?.context as Excel.RequestContext, async (context) => {
      result?.remove();
      await context.sync();
    });
    control.type('填报', 'D4', '3');
    await control.settle();
    expect(seen).toEqual(['D3']);
  });

  test.each([
    { version: '1.8', event: 'onChanged' as const, on: 'collection', code: 'ApiNotFound', notes: 'the collection’s onChanged is ExcelApi 1.9' },
    { version: '1.13', event: 'onProtectionChanged' as const, on: 'sheet', code: 'ApiNotFound' },
    { version: '1.9', event: 'onChanged' as const, on: 'collection', code: undefined },
    { version: '1.6', event: 'onChanged' as const, on: 'sheet', code: 'ApiNotFound' },
  ])('$event of the $on with ExcelApi $version: $code', async ({ version, event, on, code }) => {
    fake(BOOK, { requirements: { ExcelApi: version } });
    expect(await codeOf(async (context) => {
      const source = on === 'sheet' ? context.workbook.worksheets.getItem('填报') : context.workbook.worksheets;
      (source as unknown as Record<string, OfficeExtension.EventHandlers<unknown>>)[event]?.add(async () => undefined);
      await context.sync();
    })).toBe(code);
  });

  test('before ExcelApi 1.9 the args have no details, before 1.14 no triggerSource', async () => {
    fake(BOOK, { requirements: { ExcelApi: '1.8' } });
    const seen = await listen('onChanged', '填报');
    control.type('填报', 'D2', '1');
    await control.settle();
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual(['address', 'changeType', 'source', 'type', 'worksheetId']);
  });

  test('settle() waits for async handlers and the batches they run', async () => {
    const order: string[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (e) => {
        if (e.triggerSource === Excel.EventTriggerSource.thisLocalAddin) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
        await Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Other sheet').getRange('E3').values = [[e.address]];
          await ctx.sync();
        });
        order.push('handler done');
      });
      await context.sync();
    });
    control.type('填报', 'D2', '1');
    await control.settle();
    order.push('settled');
    expect(order).toEqual(['handler done', 'settled']);
    expect(control.cells('Other sheet').E3?.value).toBe('D2');
    expect(control.handlerErrors()).toEqual([]);
  });

  test('errors thrown by handlers are kept for the test', async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.onSelectionChanged.add(async () => {
        throw new Error('the pane failed');
      });
      await context.sync();
    });
    control.select('填报', 'A1');
    await control.settle();
    expect(control.handlerErrors()).toEqual([expect.stringContaining('the pane failed')]);
  });
});

describe('getFileAsync', () => {
  const getFile = (options: Office.GetFileOptions): Promise<Office.AsyncResult<Office.File>> =>
    new Promise((resolve) => Office.context.document.getFileAsync(Office.FileType.Compressed, options, resolve));
  const slice = (file: Office.File, i: number): Promise<Office.AsyncResult<Office.Slice>> => new Promise((resolve) => file.getSliceAsync(i, resolve));

  test('gives the workbook as xlsx bytes in slices', async () => {
    await Office.onReady();
    control.type('填报', 'D2', '150');
    const result = await getFile({ sliceSize: 65536 });
    expect(result.status).toBe(Office.AsyncResultStatus.Succeeded);
    const file = result.value;
    const parts: number[] = [];
    for (let i = 0; i < file.sliceCount; i++) parts.push(...((await slice(file, i)).value.data as number[]));
    expect(parts).toHaveLength(file.size);
    await new Promise((resolve) => file.closeAsync(resolve));
    const back = await stateFromXlsx(new Uint8Array(parts));
    expect(back.sheets.map((s) => s.name)).toEqual(['填报', 'Other sheet', '_plan_ledger']);
    expect(back.sheets[0]?.cells.D2).toEqual({ value: 150, locked: false });
  });

  test('refused: slices over 4 MB, a third open file, and Compressed on Excel on the web', async () => {
    await Office.onReady();
    expect((await getFile({ sliceSize: 4 * 1024 * 1024 + 1 })).status).toBe('failed');
    const [a, b, c] = [await getFile({}), await getFile({}), await getFile({})];
    expect([a.status, b.status, c.status]).toEqual(['succeeded', 'succeeded', 'failed']);
    fake(BOOK, { platform: 'OfficeOnline' });
    await Office.onReady();
    expect((await getFile({})).status).toBe('failed');
  });
});

describe('state.ts: xlsx ↔ BookState with exceljs', () => {
  test('a generated progress sheet: protected, entry cells unlocked, plan cells locked, its metadata very hidden', async () => {
    const state = await stateFromXlsx(await makeSheet(seed, '区科委', '2021-Q2'));
    const [progress, meta] = state.sheets;
    expect(progress?.protection?.protected).toBe(true);
    expect(meta?.visibility).toBe('VeryHidden');
    const cells = Object.values(progress?.cells ?? {});
    expect(cells.some((c) => c.locked === false)).toBe(true);
    expect(cells.some((c) => c.locked === undefined && typeof c.value === 'string')).toBe(true);
    expect(cells.some((c) => c.formula !== undefined)).toBe(true);
    // What the fake does not model is carried through it: the dropdowns and checks of the entry cells.
    const back = await stateFromXlsx(await xlsxFromState(state));
    expect(Object.keys(back.sheets[0]?.xlsx?.dataValidations ?? {}).sort()).toEqual(Object.keys(progress?.xlsx?.dataValidations ?? {}).sort());
    expect(back.sheets[0]?.xlsx?.conditionalFormattings).toHaveLength(progress?.xlsx?.conditionalFormattings?.length ?? -1);
    expect(back.sheets[0]?.cells).toEqual(progress?.cells);
  });

  test('round trip: values, formulas and results, fills, locks, number formats, visibility, protection and its options, merges', async () => {
    const state: BookState = {
      sheets: [
        {
          name: '填报',
          protection: { protected: true, options: { allowFormatCells: true, allowSort: true, selectionMode: 'Unlocked' } },
          cells: { A1: { value: 'x', fill: '#FFC7CE' }, B1: { value: 2, numberFormat: '0%' }, C1: { value: 4, formula: '=B1*2' }, D1: { value: true }, E1: { value: '#DIV/0!', error: true }, A2: { locked: false } },
          columns: { F: { locked: false } },
          merges: ['A3:C3'],
        },
        { name: 'meta', visibility: 'VeryHidden', cells: { A1: { value: 1 } } },
        { name: 'hidden', visibility: 'Hidden', cells: {} },
      ],
      activeSheet: '填报',
    };
    const bytes = await xlsxFromState(state);
    const back = await stateFromXlsx(bytes);
    expect(back.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['填报', 'Visible'],
      ['meta', 'VeryHidden'],
      ['hidden', 'Hidden'],
    ]);
    const s = back.sheets[0];
    expect(s?.cells).toEqual(state.sheets[0]?.cells);
    expect(s?.columns).toEqual({ F: { locked: false } });
    expect(s?.merges).toEqual(['A3:C3']);
    expect(s?.protection).toEqual({ protected: true, options: expect.objectContaining({ allowFormatCells: true, allowSort: true, allowFormatRows: false, selectionMode: 'Unlocked' }) });
    // In the file, formatCells="0" means formatting is allowed.
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(xml).toMatch(/<sheetProtection[^>]*formatCells="0"/);
    expect(xml).not.toMatch(/<sheetProtection[^>]*formatRows="0"/);
  });

  test('rich text is joined; a password protection keeps its hash', async () => {
    const bytes = await xlsxFromState({ sheets: [{ name: 'S', protection: { protected: true, password: 'pw' }, cells: { A1: { value: 'a' } } }] });
    const back = await stateFromXlsx(bytes);
    expect(back.sheets[0]?.protection?.hash?.algorithmName).toBe('SHA-512');
    fake(back);
    expect(() => control.unprotect('S')).toThrow(/password/);
    control.unprotect('S', 'any');
  });
});

describe('the IIFE bundle', () => {
  test('builds for the browser without Node built-ins', async () => {
    const result = await build({ entryPoints: ['test/fake-excel/entry.ts'], bundle: true, format: 'iife', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
    expect(Object.keys(result.metafile.inputs).every((p) => p.startsWith('test/fake-excel/'))).toBe(true);
  });

  test('installs Office, Excel, OfficeExtension and __fakeExcel in a bare context without DOM', async () => {
    const sandbox: Record<string, unknown> = { setTimeout, structuredClone, __fakeExcelState: { sheets: [{ name: 'Sheet1', cells: { A1: { value: 42 } } }] } };
    runInNewContext(await fakeOfficeJs(), sandbox);
    expect(Object.keys(sandbox)).toEqual(expect.arrayContaining(['Office', 'Excel', 'OfficeExtension', '__fakeExcel']));
    const excel = sandbox.Excel as typeof Excel;
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([[42]]);
    expect((sandbox.__fakeExcel as FakeExcelControl).syncCount).toBe(1);
  });
});
