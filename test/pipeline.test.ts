import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { auditLedger, type Audit } from '../src/core/audit.js';
import { consolidate } from '../src/core/consolidate.js';
import { message, wording } from '../src/core/locales/index.js';
import { parsePeriod } from '../src/core/period.js';
import { renderHtml } from '../src/report/html.js';
import { sheetReader, type SheetSource } from '../src/sheets/read.js';
import { CHROMIUM, CHROMIUM_ARGS, chromium as chromiumTool, libreOffice, run, SYSTEM_PYTHON } from './helpers/tools.js';
import { entryCells as cellsOf, district, edit, makeSheet, seed } from './helpers/sheets.js';

const TYPE_SCRIPT = fileURLToPath(new URL('./helpers/lo_type.py', import.meta.url));
const OUTPUT = fileURLToPath(new URL('../test-output/pipeline/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'plan-ledger-pipeline-'));
const q2 = parsePeriod('2021-Q2');

/** Types cells through LibreOffice itself and returns the .xlsx it saved. */
function typeWithLibreOffice(name: string, bytes: Uint8Array, cells: Record<string, string | number>): Uint8Array {
  const source = join(work, `${name}.xlsx`);
  const target = join(work, `${name}-lo.xlsx`);
  const edits = join(work, `${name}.json`);
  writeFileSync(source, bytes);
  writeFileSync(edits, JSON.stringify({ sheet: '推进情况', cells }));
  run(SYSTEM_PYTHON, [TYPE_SCRIPT, source, target, edits], 180_000);
  return new Uint8Array(readFileSync(target));
}

const read = sheetReader(seed);

test('LibreOffice and Chromium are installed for the end-to-end run', (ctx) => {
  if (!libreOffice.run) ctx.skip(libreOffice.reason);
  if (!chromiumTool.run) ctx.skip(chromiumTool.reason);
  expect(libreOffice.available, 'LibreOffice types two of the departments; .ci/run installs it').toBe(true);
  expect(chromiumTool.available, `${CHROMIUM} shows the report; .ci/run installs it`).toBe(true);
});

// LibreOffice types two departments' entries; without it (outside CI) the whole run is skipped, with the reason above.
describe.runIf(libreOffice.run)('end to end: seed → sheets → entries (exceljs and LibreOffice) → consolidate → audit', () => {
  let audit: Audit;
  let inputs: SheetSource[];

  beforeAll(async () => {
    // 区科委 types with exceljs.
    const kw = await makeSheet(seed, '区科委', '2021-Q2');
    const at = await cellsOf(kw);
    const kwFilled = await edit(kw, (s) => {
      const put = (address: string, value: ExcelJS.CellValue) => (s.getCell(address).value = value);
      put(at('t2.1.1').status, '已完成');
      put(at('t2.1.1').evidence, '《杨浦区数字新基建规划》送审稿');
      put(at('t2.2.2-1').actual, 180); // 176 个: met
      put(at('t2.2.2-2').actual, 3); // 4.4万户, typed in 万户 as the plan writes it, at 50%: 68% complete, on track
      put(at('t2.3.5-1').actual, 1); // 4 个 at 50%: 25% complete, 25 points behind: yellow
      put(at('t2.3.6').status, '已完成'); // qualitative, done without evidence
      put(at('t2.4.11-1').actual, 0); // 3 个 at 50%: 50 points behind: red
      put(at('t2.5.12-1').actual, 250); // 400 个; 区建设管理委 says 260: conflict
    });
    // 区建设管理委 and 区发展改革委 type through LibreOffice.
    const jw = await makeSheet(seed, '区建设管理委', '2021-Q2');
    const jwAt = await cellsOf(jw);
    const jwFilled = typeWithLibreOffice('jw', jw, { [jwAt('t2.5.12-1').actual]: 260, [jwAt('t2.4.11-1').actual]: 0, [jwAt('t2.4.11-1').status]: '滞后' });
    const fg = await makeSheet(seed, '区发展改革委', '2021-Q2');
    const fgAt = await cellsOf(fg);
    const fgFilled = typeWithLibreOffice('fg', fg, { [fgAt('t2.3.5-1').actual]: 1, [fgAt('t2.1.1').status]: '已完成', [fgAt('t2.1.1').evidence]: '规划编制合同' });
    inputs = [
      { file: '2021-Q2-区科委.xlsx', bytes: kwFilled },
      { file: '2021-Q2-区建设管理委.xlsx', bytes: jwFilled },
      { file: '2021-Q2-区发展改革委.xlsx', bytes: fgFilled },
    ];
    const ledger = await consolidate(inputs, seed, read, q2 ? { period: q2 } : {});
    audit = auditLedger(ledger);
  }, 400_000);

  test.each([
    { id: 't2.2.2-1', verdict: 'met', light: 'green', notes: '180 of 176' },
    { id: 't2.2.2-2', verdict: 'on-track', light: 'green', notes: '68% complete at 50% elapsed' },
    { id: 't2.3.5-1', verdict: 'behind', light: 'yellow', notes: '25 points behind; two departments agree on 1' },
    { id: 't2.4.11-1', verdict: 'behind', light: 'red', notes: '50 points behind' },
    { id: 't2.5.12-1', verdict: 'disputed', light: 'grey', notes: '250 from 区科委, 260 from 区建设管理委 (LibreOffice)' },
    { id: 't2.5.12-2', verdict: 'no-data', light: 'grey', notes: 'nobody reported it' },
    { id: 't2.1.1', verdict: 'met', light: 'green', notes: 'qualitative, 已完成 with evidence from two departments' },
    { id: 't2.3.6', verdict: 'disputed', light: 'grey', notes: 'qualitative, 已完成 without evidence' },
  ])('$id: $verdict ($light): $notes', ({ id, verdict, light }) => {
    const i = audit.ledger.rows.findIndex((r) => r.id === id);
    expect(audit.judgements[i]).toMatchObject({ verdict, light });
  });

  test('the conflict names both files and cells; the sum of rows holds', () => {
    const conflicts = audit.ledger.findings.filter((f) => f.code === 'consolidate-conflict');
    expect(conflicts).toHaveLength(1);
    const sentence = conflicts[0] && message(conflicts[0]);
    expect(sentence).toContain('区科委 填 250(2021-Q2-区科委.xlsx K15)');
    expect(sentence).toContain('区建设管理委 填 260(2021-Q2-区建设管理委.xlsx K6)');
    const a = audit.ledger.accounting;
    expect(a.rowsRead).toBe(a.rowsMerged + a.rowsRejected);
    expect([a.files, a.sheetsAccepted, a.rowsRead]).toEqual([3, 3, 16 + 4 + 9]);
    expect(audit.ledger.findings.filter((f) => f.code === 'consolidate-missing')).toHaveLength(13);
  });

  describe.runIf(chromiumTool.run)('the HTML report in headless Chromium', () => {
    test('charts render, sorting works, nothing outside the page is loaded; a screenshot is kept', async () => {
      mkdirSync(OUTPUT, { recursive: true });
      const page = join(OUTPUT, 'report.html');
      writeFileSync(page, renderHtml(audit, '2021-07-05 09:00', wording()));
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const requests: string[] = [];
        tab.on('request', (r) => requests.push(r.url()));
        await tab.goto(pathToFileURL(page).href);
        expect(requests).toEqual([pathToFileURL(page).href]);

        const bars = await tab.$$eval('#chart-department rect.bar', (rects) => rects.map((r) => (r as SVGGraphicsElement).getBBox().width));
        expect(bars.length).toBeGreaterThan(3);
        expect(bars.every((w) => w > 0)).toBe(true);
        expect(await tab.$$eval('#chart-section g.group', (g) => g.length)).toBeGreaterThan(0);

        // Sort by 完成率 (completion), then the other way.
        const completion = () => tab.$$eval('#detail-table tbody tr', (rows) => rows.map((r) => Number((r as HTMLTableRowElement).cells[5]?.getAttribute('data-sort'))));
        await tab.click('#detail-table th:nth-child(6)');
        const ascending = await completion();
        expect(ascending).toEqual([...ascending].sort((x, y) => x - y));
        await tab.click('#detail-table th:nth-child(6)');
        const descending = await completion();
        expect(descending).toEqual([...ascending].reverse());

        // Filter to red rows.
        await tab.selectOption('#light-filter', 'red');
        const visible = await tab.$$eval('#detail-table tbody tr:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-light')));
        expect(visible.length).toBeGreaterThan(0);
        expect(new Set(visible)).toEqual(new Set(['red']));
        await tab.selectOption('#light-filter', '');

        const shot = join(OUTPUT, 'report.png');
        await tab.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(20_000);
      } finally {
        await browser.close();
      }
    }, 120_000);
  });
});

describe('verdicts without LibreOffice', () => {
  test('missed: a target due by the end of the period and not met', async () => {
    const sheet = await makeSheet(seed, '区教育局', '2021');
    const at = await cellsOf(sheet);
    const filled = await edit(sheet, (s) => (s.getCell(at('t2.5.16-1').actual).value = 2));
    const year = parsePeriod('2021');
    const ledger = await consolidate([{ file: 'jy.xlsx', bytes: filled }], seed, read, year ? { period: year } : {});
    const i = ledger.rows.findIndex((r) => r.id === 't2.5.16-1');
    expect(auditLedger(ledger).judgements[i]).toMatchObject({ verdict: 'missed', light: 'red' });
  });
});

describe('bad inputs in the folder never stop the run', () => {
  test('a corrupt file, a workbook that is no progress sheet, a sheet of another plan, two sheets of one department, a wrong period', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell('A1').value = '会议签到表';
    const older = await makeSheet(seed, '区教育局', '2021-Q2');
    const newer = await edit(older, (s) => (s.getCell('K5').value = 0));
    const inputs: SheetSource[] = [
      { file: 'corrupt.xlsx', bytes: older.slice(0, Math.floor(older.length / 2)) },
      { file: 'notes.xlsx', bytes: strToU8('会议纪要,不是工作簿') },
      { file: 'sign-in.xlsx', bytes: new Uint8Array(await plain.xlsx.writeBuffer()) },
      { file: 'other-plan.xlsx', bytes: await makeSheet(district, '区科委', '2022-Q2') },
      { file: 'jy-old.xlsx', bytes: older, modifiedAt: 1000 },
      { file: 'jy-new.xlsx', bytes: newer, modifiedAt: 2000 },
      { file: 'kw-q1.xlsx', bytes: await makeSheet(seed, '区科委', '2021-Q1') },
    ];
    const ledger = await consolidate(inputs, seed, read, q2 ? { period: q2 } : {});
    const codes = ledger.findings.filter((f) => f.code !== 'consolidate-missing').map((f) => [f.location.file, f.code]);
    expect(codes).toEqual([
      ['corrupt.xlsx', 'file-corrupt'],
      ['notes.xlsx', 'file-not-xlsx'],
      ['sign-in.xlsx', 'template-not-a-progress-sheet'],
      ['other-plan.xlsx', 'consolidate-other-plan'],
      ['kw-q1.xlsx', 'consolidate-wrong-period'],
      ['jy-old.xlsx', 'consolidate-duplicate'],
      // The accepted sheet is checked like any other: 1 of 3 at 50% elapsed.
      ['jy-new.xlsx', 'entry-behind-schedule'],
    ]);
    // Both sheets of 区教育局 were generated at the same time, so the newer file wins.
    const duplicate = ledger.findings.find((f) => f.code === 'consolidate-duplicate');
    expect(duplicate && message(duplicate)).toContain('采用 jy-new.xlsx,未采用 jy-old.xlsx');
    const a = ledger.accounting;
    expect(a).toMatchObject({ files: 7, sheetsAccepted: 1, filesSkipped: 4 });
    expect(a.rowsRead).toBe(a.rowsMerged + a.rowsRejected);
    // 区科委 Q1 has 16 rows (wrong period), each 区教育局 sheet 1 (one kept, one a duplicate).
    expect([a.rowsRead, a.rowsMerged, a.rowsRejected]).toEqual([16 + 1 + 1, 1, 16 + 1]);
  });

  test('policies: sum adds contributions, lead takes the lead department’s figure', async () => {
    const kw = await makeSheet(seed, '区科委', '2021-Q2');
    const jw = await makeSheet(seed, '区建设管理委', '2021-Q2');
    const kwAt = await cellsOf(kw);
    const jwAt = await cellsOf(jw);
    const inputs = [
      { file: 'kw.xlsx', bytes: await edit(kw, (s) => (s.getCell(kwAt('t2.5.12-1').actual).value = 150)) },
      { file: 'jw.xlsx', bytes: await edit(jw, (s) => (s.getCell(jwAt('t2.5.12-1').actual).value = 100)) },
    ];
    const figure = async (policy: 'sum' | 'lead') => {
      const ledger = await consolidate(inputs, seed, read, { ...(q2 ? { period: q2 } : {}), policies: new Map([['t2.5.12-1', policy]]) });
      return [ledger.rows.find((r) => r.id === 't2.5.12-1')?.figure, ledger.findings.some((f) => f.code === 'consolidate-conflict')];
    };
    expect(await figure('sum')).toEqual([250, false]);
    // Both carry 推进单位 (responsible); with no lead, the first department's figure counts.
    expect(await figure('lead')).toEqual([150, false]);
  });
});
