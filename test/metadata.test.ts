import { describe, expect, test } from 'vitest';
import type { RawCell } from '../src/core/entry.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { carriedRecords, readMetas, type SheetMeta } from '../src/sheets/metadata.js';
import { readProgress, readProgressSheets } from '../src/sheets/read.js';
import type { Grid, GridBook } from '../src/sheets/xlsx/grid.js';
import { jsonSheetCells, META_MARKER } from '../src/sheets/json-sheet.js';
import { edit, makeSheet, seed } from './helpers/sheets.js';

/** A sheet as cells by address, for a GridBook put together by hand. */
function gridOf(name: string, cells: Record<string, string>): Grid {
  const rows = Object.keys(cells).map((a) => Number(a.replace(/^[A-Z]+/, '')));
  return {
    name,
    cell: (address): RawCell => (address in cells ? { kind: 'text', value: cells[address] as string } : { kind: 'empty' }),
    maxRow: Math.max(0, ...rows),
    rowHasContent: (row) => rows.includes(row),
  };
}

/** The same metadata sheet written anew with the given metadata (as format 1 sheets carried it, or renamed). */
const metaGrid = (name: string, meta: unknown): Grid => gridOf(name, Object.fromEntries(jsonSheetCells(META_MARKER, meta).map((text, i) => [`A${i + 1}`, text])));

/** A GridBook over several books' sheets and replacement sheets, in the order given. */
function combined(sheets: ReadonlyArray<[string, Grid | undefined]>): GridBook {
  const byName = new Map(sheets);
  return { sheet: (name) => byName.get(name), sheetNames: sheets.map(([name]) => name) };
}

describe('a progress sheet carries its department’s slice of the plan (metadata format 2)', async () => {
  const blank = await makeSheet(seed, '区科委', '2021-Q2');
  const figures = (readMetas(openWorkbook(blank))[0] as SheetMeta).rows.filter((r) => r.targetId !== null).map((r) => `K${r.row}`);
  const bytes = await edit(blank, (sheet) => {
    sheet.getCell(figures[0] as string).value = '约30';
    sheet.getCell(figures[1] as string).value = -3;
  });
  const book = openWorkbook(bytes);
  const [meta] = readMetas(book) as [SheetMeta];

  test('every row’s target (with its sentence) or task (with its departments and roles) is in the metadata', () => {
    expect(meta.formatVersion).toBe(2);
    const plan = meta.plan;
    if (!plan) throw new Error('no plan slice');
    expect(plan.document).toEqual(seed.document);
    for (const row of meta.rows) {
      const task = plan.tasks.find((t) => t.id === row.taskId);
      expect(task, row.id).toEqual(seed.tasks.find((t) => t.id === row.taskId));
      expect(task?.departments.some((d) => d.name === '区科委' && d.role)).toBe(true);
      if (row.targetId !== null) {
        const target = plan.targets.find((t) => t.id === row.targetId);
        expect(target).toEqual(seed.targets.find((t) => t.id === row.targetId));
        expect(target?.sentence.length).toBeGreaterThan(0);
      }
    }
    // Nothing of other departments' rows.
    expect(plan.tasks.length).toBe(new Set(meta.rows.map((r) => r.taskId)).size);
  });

  test('checked from the workbook alone, the findings are those checked against the plan', () => {
    const withPlan = readProgress(book, { file: 'a.xlsx', records: seed });
    const alone = readProgressSheets(book, { file: 'a.xlsx' });
    expect(alone).toHaveLength(1);
    expect(alone[0]?.findings).toEqual(withPlan.findings);
    expect(withPlan.findings.map((f) => f.code)).toContain('entry-not-a-number');
    expect(alone[0]?.entries).toEqual(withPlan.entries);
  });

  test('format 1 sheets (no plan in them) are still read against the plan, and say they are not checkable alone', () => {
    const { plan: _plan, previous: _previous, ...old } = meta;
    const v1 = combined([
      ...(book.sheetNames.filter((n) => n !== '_plan_ledger').map((n) => [n, book.sheet(n)]) as [string, Grid][]),
      ['_plan_ledger', metaGrid('_plan_ledger', { ...old, formatVersion: 1 })],
    ]);
    expect(readProgress(v1, { file: 'a.xlsx', records: seed }).findings).toEqual(readProgress(book, { file: 'a.xlsx', records: seed }).findings);
    expect(carriedRecords(readMetas(v1)[0] as SheetMeta)).toBeUndefined();
    expect(readProgressSheets(v1, { file: 'a.xlsx' })[0]?.findings.map((f) => f.code)).toEqual(['template-not-a-progress-sheet']);
  });

  test('several departments’ sheets in one workbook keep their own metadata and are read one by one', async () => {
    const other = openWorkbook(await makeSheet(seed, '区大数据中心', '2021-Q2'));
    const [otherMeta] = readMetas(other) as [SheetMeta];
    const two = combined([
      [meta.sheet, book.sheet(meta.sheet)],
      ['区大数据中心', { ...(other.sheet(otherMeta.sheet) as Grid), name: '区大数据中心' }],
      ['_plan_ledger', book.sheet('_plan_ledger')],
      ['_plan_ledger (2)', metaGrid('_plan_ledger (2)', { ...otherMeta, sheet: '区大数据中心' })],
    ]);
    const readings = readProgressSheets(two, { file: 'both.xlsx' });
    expect(readings.map((r) => r.identity?.department)).toEqual(['区科委', '区大数据中心']);
    expect(readings[1]?.findings).toEqual([]);
    expect(readings[1]?.entries.every((e) => e.sheet === '区大数据中心')).toBe(true);
    expect(readings[0]?.findings.map((f) => f.code)).toContain('entry-not-a-number');
  });

  test('last period’s figures given at fill time travel with the sheet and are checked against', async () => {
    const { generateProgressSheet } = await import('../src/sheets/template/fill.js');
    const { parsePeriod } = await import('../src/core/period.js');
    const { defaultTemplate } = await import('./helpers/sheets.js');
    const targetId = seed.targets.find((t) => t.basis !== 'plain' && meta.rows.some((r) => r.targetId === t.id))?.id as string;
    const { bytes: filled, meta: carried } = await generateProgressSheet(defaultTemplate, {
      records: seed, department: '区科委', period: parsePeriod('2021-Q3') as never, generatedAt: '2021-10-01T09:00:00', templateVersion: 't', templateName: 't.xlsx',
      previous: new Map([[targetId, 1000], ['not-this-sheet', 5]]),
    });
    expect(carried.previous).toEqual({ [targetId]: 1000 });
    const row = carried.rows.find((r) => r.targetId === targetId);
    const lower = await edit(filled, (sheet) => {
      sheet.getCell(`K${row?.row}`).value = 10;
    });
    const codes = readProgressSheets(openWorkbook(lower), { file: 'q3.xlsx' })[0]?.findings.map((f) => f.code);
    expect(codes).toContain('entry-decreased');
  });
});
