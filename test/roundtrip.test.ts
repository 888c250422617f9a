import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { STATUSES, type RawCell, type Status } from '../src/core/entry.js';
import { wording } from '../src/core/locales/index.js';
import { readMeta } from '../src/sheets/metadata.js';
import { excelBook } from './helpers/excel-grid.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { columnLetter } from '../src/sheets/xlsx/range.js';
import { check, edit, makeSheet, seed } from './helpers/sheets.js';

// Text people type: Chinese, quotes, commas, newlines, leading = + - @, spaces. (XML cannot hold C0 controls; nor can Excel.)
const textChar = fc.constantFrom(...'推进情况已完成滞后“”‘’"\',;:\n\t =+-@#%()（）《》、。0123456789abcXYZ ');
const text = fc.string({ unit: textChar, maxLength: 40 });

interface Typed {
  actual: number | null;
  status: Status | null;
  note: string;
  evidence: string;
}

describe('round trip: plan → template → entries typed with exceljs → check → the same entries', () => {
  let blank: Uint8Array;
  let rows: { row: number; targetId: string | null; unit: string; factor: number }[];
  beforeAll(async () => {
    blank = await makeSheet(seed, '区科委', '2021-Q2');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(blank as unknown as ArrayBuffer);
    const meta = readMeta(excelBook(workbook));
    const targets = new Map(seed.targets.map((t) => [t.id, t]));
    rows = (meta?.rows ?? []).map((r) => {
      const t = r.targetId ? targets.get(r.targetId) : undefined;
      // A figure is typed in the plan's unit (4.4 万户) and kept in the stored one (44000 户).
      return { row: r.row, targetId: r.targetId, unit: t?.unit ?? '', factor: t?.stated?.factor ?? 1 };
    });
  });

  test('for arbitrary valid figures, statuses and text', async () => {
    const entry = fc.record({
      actual: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
      status: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
      note: text,
      evidence: text,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 16, maxLength: 16 }), async (typed: Typed[]) => {
        const filled = await edit(blank, (sheet) => {
          rows.forEach(({ row, targetId }, i) => {
            const e = typed[i] as Typed;
            if (targetId !== null) sheet.getCell(`K${row}`).value = e.actual;
            sheet.getCell(`M${row}`).value = e.status === null ? null : wording().status[e.status];
            sheet.getCell(`N${row}`).value = e.note;
            sheet.getCell(`O${row}`).value = e.evidence;
          });
        });
        const report = await check({ 'filled.xlsx': filled }, seed);
        expect(report.entries).toHaveLength(rows.length);
        expect(report.entries.map((e) => ({ actual: e.actual, status: e.status, note: e.note, evidence: e.evidence }))).toEqual(
          typed.map((e, i) => ({ ...e, actual: rows[i]?.targetId === null || e.actual === null ? null : e.actual * (rows[i]?.factor ?? 1) })),
        );
        // Only the rules speak; nothing about the template or the reading itself.
        expect(report.findings.filter((f) => f.code.startsWith('template-') || f.code.startsWith('file-'))).toEqual([]);

        // The specialised reader sees every cell as exceljs does.
        const fast = openWorkbook(filled).sheet('推进情况');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(filled as unknown as ArrayBuffer);
        const full = excelBook(workbook).sheet('推进情况');
        const addresses = Array.from({ length: 25 * 15 }, (_, i) => `${columnLetter((i % 15) + 1)}${Math.floor(i / 15) + 1}`);
        expect(addresses.map((a) => seen(fast?.cell(a)))).toEqual(addresses.map((a) => seen(full?.cell(a))));
      }),
      { numRuns: 100 },
    );
  });
});

/** A cell as read-back sees it: number cells of the specialised reader look their format up on demand. */
function seen(cell: RawCell | undefined): RawCell | undefined {
  return cell?.kind === 'number' ? { kind: cell.kind, value: cell.value, percentFormat: cell.percentFormat } : cell;
}
