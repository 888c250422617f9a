// The task pane in headless Chromium, against the fake Excel of test/fake-excel: what the pane shows and what it
// does to the workbook's cells, for each of the three users. Screenshots are kept under test-output/addin/.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectedValue, isCeiling } from '../src/core/attainment.js';
import { auditLedger } from '../src/core/audit.js';
import { consolidate } from '../src/core/consolidate.js';
import { wording } from '../src/core/locales/index.js';
import { readProgressFileSheets, sheetReader } from '../src/sheets/read.js';
import { reissue } from '../src/sheets/reissue.js';
import { toCsv } from '../src/report/csv.js';
import { changeReportTable } from '../src/report/revision.js';
import { parsePeriod, type Period } from '../src/core/period.js';
import type { Target } from '../src/core/record.js';
import { ledgerFromXlsx } from '../src/io/ledger.js';
import { readMetas, type SheetMeta } from '../src/sheets/metadata.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { openPane, type Pane } from './fake-excel/harness.js';
import { stateFromXlsx, type BookState } from './fake-excel/state.js';
import { bin, ROOT } from './helpers/cli.js';
import { defaultTemplate, edit, longPlan, makeSheet, seed } from './helpers/sheets.js';
import { buildDocx } from './helpers/docx.js';
import { planFromBytes } from '../src/io/plan-source.js';
import { paneWording } from '../src/core/locales/panes.js';
import { generateProgressSheet } from '../src/sheets/template/fill.js';
import { CHROMIUM, CHROMIUM_ARGS, chromium as chromiumTool } from './helpers/tools.js';
import { playwrightActions } from './helpers/browsers.js';
import { choosePlan } from './helpers/coordinator.js';

const DIST = join(ROOT, 'dist/addin');
const SHOTS = join(ROOT, 'test-output/addin');
const work = mkdtempSync(join(tmpdir(), 'plan-ledger-addin-'));
/** A new workbook, as a coordinator opens one: one empty sheet. */
const EMPTY_BOOK: BookState = { sheets: [{ name: 'Sheet1', cells: {} }] };

/** The figure, status and evidence cells of each row of a generated sheet, by row id. */
function cellsOf(bytes: Uint8Array): { meta: SheetMeta; at: (id: string) => { row: number; actual: string; status: string; note: string; evidence: string } } {
  const meta = readMetas(openWorkbook(bytes))[0] as SheetMeta;
  const at = (id: string) => {
    const row = meta.rows.find((r) => r.id === id);
    if (!row) throw new Error(`no row ${id}`);
    const c = (name: string) => `${meta.columns[name]}${row.row}`;
    return { row: row.row, actual: c('entry.actual'), status: c('entry.status'), note: c('entry.note'), evidence: c('entry.evidence') };
  };
  return { meta, at };
}

/** The pane's findings as [cell, code], as `check --format json` lists them. */
const shown = (page: Page) =>
  page.$$eval('#department button.finding', (buttons) => buttons.map((b) => [b.getAttribute('data-cell') ?? '', b.getAttribute('data-code') ?? ''] as [string, string]));

/** `plan-ledger check --format json` on a file: its findings as [cell, code]. */
function checked(file: string): [string, string][] {
  const run = bin(['check', file, '--format', 'json']);
  const report = JSON.parse(run.stdout) as { findings: { code: string; cell?: string }[] };
  return report.findings.map((f) => [f.cell ?? '', f.code]);
}

const sorted = (pairs: [string, string][]) => [...pairs].sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));

/** The default template with 完成情况 moved beside 完成值 (columns L and M swapped), as a coordinator might lay it out. */
async function sideBySideTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(join(ROOT, 'templates/progress-report.xlsx')) as unknown as ArrayBuffer);
  const ws = workbook.worksheets[0] as ExcelJS.Worksheet;
  for (const row of [4, 5]) {
    const l = ws.getCell(`L${row}`);
    const m = ws.getCell(`M${row}`);
    const [lv, ls, mv, ms] = [l.value, { ...l.style }, m.value, { ...m.style }];
    l.value = mv;
    l.style = ms;
    m.value = lv;
    m.style = ls;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}


describe.runIf(chromiumTool.run)('the task pane in Chromium, against a fake Excel', () => {
  let browser: Browser;
  let sheet: Uint8Array;
  let file: string;
  let layout: ReturnType<typeof cellsOf>;
  const targetRows: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const blank = await makeSheet(seed, '区科委', '2021-Q2');
    layout = cellsOf(blank);
    for (const r of layout.meta.rows) if (r.targetId !== null) targetRows.push(r.id);
    const [good, text, negative, behind] = targetRows.map((id) => layout.at(id));
    const task = layout.meta.rows.find((r) => r.targetId === null);
    // A mix of good and bad entries, typed with exceljs as a department's clerk would save them.
    sheet = await edit(blank, (s) => {
      if (!good || !text || !negative || !behind || !task) throw new Error('the seed sheet has fewer rows than the test needs');
      s.getCell(good.actual).value = 200;
      s.getCell(good.status).value = '推进中';
      s.getCell(text.actual).value = '约30';
      s.getCell(negative.actual).value = -3;
      s.getCell(behind.actual).value = 1;
      s.getCell(behind.status).value = '推进中';
      const t = layout.at(task.id);
      s.getCell(t.status).value = '已完成';
    });
    file = join(work, '2021-Q2-区科委.xlsx');
    writeFileSync(file, sheet);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The pane over a workbook, settled; `requested` lists every URL the page asked for, in order. */
  async function open(state: BookState, options: Partial<Parameters<typeof openPane>[1]> = {}): Promise<Pane & { requested: string[] }> {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    const pane = await openPane(page, { state, dist: DIST, ...options });
    await pane.control.settle();
    return { ...pane, requested };
  }

  test('opening a department’s sheet shows what `check` finds: the same codes on the same cells, marked', async () => {
    const pane = await open(await stateFromXlsx(sheet));
    const { page, control } = pane;
    const expected = checked(file);
    expect(expected.length).toBeGreaterThan(2);
    expect(sorted(await shown(page))).toEqual(sorted(expected));
    // Entry cells with an error are marked; plan cells never are.
    const cells = await control.cells(layout.meta.sheet);
    const text = layout.at(targetRows[1] as string);
    expect(cells[text.actual]?.fill).toBe('#FFC7CE');
    const metric = `${layout.meta.columns['target.metric']}${text.row}`;
    expect(cells[metric]?.fill ?? null).not.toBe('#FFC7CE');
    // The pane is in Chinese; nothing was asked of anything but Office.js.
    expect(await page.textContent('#department')).toContain('第');
    expect(pane.blocked).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'department-open.png'), fullPage: true });
    // Colours off (for a clerk who needs Excel's undo): the marks go, the list stays; on again, they come back.
    await page.uncheck('#marks');
    await control.settle();
    expect((await control.cells(layout.meta.sheet))[text.actual]?.fill).toBe('#FFF2CC');
    expect(sorted(await shown(page))).toEqual(sorted(expected));
    await page.check('#marks');
    await control.settle();
    expect((await control.cells(layout.meta.sheet))[text.actual]?.fill).toBe('#FFC7CE');
    await page.close();
  });

  test('typing text into a figure, pasting a block, editing a plan cell: each gives its finding and mark; fixing clears it', async () => {
    const { page, control } = await open(await stateFromXlsx(sheet));
    const name = layout.meta.sheet;
    const good = layout.at(targetRows[0] as string);
    const codesAt = async (cell: string) => (await shown(page)).filter(([c]) => c === cell).map(([, code]) => code);

    // Typed: text in a figure cell.
    await control.type(name, good.actual, '待统计');
    await control.settle();
    expect(await codesAt(good.actual)).toEqual(['entry-not-a-number']);
    expect((await control.cells(name))[good.actual]?.fill).toBe('#FFC7CE');
    await control.type(name, good.actual, '200');
    await control.settle();
    expect(await codesAt(good.actual)).toEqual([]);
    expect((await control.cells(name))[good.actual]?.fill).toBe('#FFF2CC');

    // Pasted, on a coordinator's template whose 完成情况 stands beside 完成值: a 3×2 block of figures and statuses,
    // with a negative number and a figure behind 序时进度.
    const side = await makeSheet(seed, '区科委', '2021-Q2', await sideBySideTemplate());
    const sideLayout = cellsOf(side);
    // Three target rows in a row, the middle one with a 序时目标 above 1 (so that 1 is behind it).
    const rows = sideLayout.meta.rows;
    const period = parsePeriod('2021-Q2') as Period;
    const isTarget = (i: number) => rows[i]?.targetId != null;
    const middle = rows.findIndex((r, i) => {
      const t = seed.targets.find((x) => x.id === r.targetId);
      return isTarget(i - 1) && isTarget(i + 1) && t !== undefined && !isCeiling(t) && (expectedValue(t, period) ?? 0) > 1;
    });
    expect(middle).toBeGreaterThan(0);
    const [a, b, c] = [-1, 0, 1].map((k) => sideLayout.at((rows[middle + k] as { id: string }).id));
    if (!a || !b || !c) throw new Error('rows');
    expect(b.status).toBe(`${String.fromCharCode(b.actual.charCodeAt(0) + 1)}${b.row}`);
    const sidePane = await open(await stateFromXlsx(side));
    const codesBeside = async (cell: string) => (await shown(sidePane.page)).filter(([x]) => x === cell).map(([, code]) => code);
    await sidePane.control.resetSyncCount();
    await sidePane.control.paste(sideLayout.meta.sheet, a.actual, [
      [1, '推进中'],
      [1, '推进中'],
      [-5, '推进中'],
    ]);
    await sidePane.control.settle();
    expect(await sidePane.control.syncCount()).toBeLessThanOrEqual(3);
    expect(await codesBeside(b.actual)).toContain('entry-behind-schedule');
    expect(await codesBeside(c.actual)).toContain('entry-negative');
    const marked = await sidePane.control.cells(sideLayout.meta.sheet);
    expect([marked[b.actual]?.fill, marked[c.actual]?.fill]).toEqual(['#FFEB9C', '#FFC7CE']);
    await sidePane.page.screenshot({ path: join(SHOTS, 'department-paste.png'), fullPage: true });
    await sidePane.control.paste(sideLayout.meta.sheet, c.actual, [[0]]);
    await sidePane.control.settle();
    expect(await codesBeside(c.actual)).not.toContain('entry-negative');
    expect((await sidePane.control.cells(sideLayout.meta.sheet))[c.actual]?.fill).not.toBe('#FFC7CE');
    await sidePane.page.close();

    // A plan cell, once the sheet is unprotected: its finding, and no mark (plan cells are locked).
    const metric = `${layout.meta.columns['target.metric']}${good.row}`;
    await control.unprotect(name);
    await control.type(name, metric, '随便改的');
    await control.settle();
    expect(await codesAt(metric)).toEqual(['template-plan-cell-changed']);
    expect((await control.cells(name))[metric]?.fill ?? null).not.toBe('#FFC7CE');
    expect(await page.textContent('.banner')).toContain('保护已取消');
    const original = layout.meta.rows.find((r) => r.row === good.row)?.plan[layout.meta.columns['target.metric'] as string] as string;
    await control.type(name, metric, original);
    await control.settle();
    expect(await codesAt(metric)).toEqual([]);
    await page.close();
  });

  test('a mark left by an earlier session is cleared to its column’s own fill once the figure is right', async () => {
    const state = await stateFromXlsx(sheet);
    const good = layout.at(targetRows[0] as string);
    const cells = state.sheets.find((x) => x.name === layout.meta.sheet)?.cells ?? {};
    cells[good.actual] = { ...cells[good.actual], fill: '#FFC7CE' };
    const { page, control } = await open(state);
    expect((await control.cells(layout.meta.sheet))[good.actual]?.fill).toBe('#FFF2CC');
    await page.close();
  });

  test('clicking a finding selects its cell; selecting a row shows its plan sentence', async () => {
    const { page, control } = await open(await stateFromXlsx(sheet));
    const text = layout.at(targetRows[1] as string);
    await control.resetSyncCount();
    await page.click(`#department button.finding[data-cell="${text.actual}"]`);
    await control.settle();
    expect((await control.selection()).address).toContain(text.actual);
    expect(await control.syncCount()).toBeLessThanOrEqual(3);
    const target = seed.targets.find((t) => t.id === targetRows[0]) as Target;
    await control.select(layout.meta.sheet, layout.at(target.id).actual);
    await control.settle();
    expect(await page.textContent('.explain blockquote.sentence')).toBe(target.sentence);
    expect(await page.textContent('.explain')).toContain('序时目标');
    await page.screenshot({ path: join(SHOTS, 'department-explain.png'), fullPage: true });
    await page.close();
  });

  test('a row carried with last period’s figure shows it beside the 序时目标', async () => {
    const target = seed.targets.find((t) => t.id === 't2.2.2-1') as Target;
    const { bytes } = await generateProgressSheet(defaultTemplate, {
      records: seed, department: '区科委', period: parsePeriod('2021-Q3') as Period, generatedAt: '2021-10-01T09:00:00', templateVersion: 'test', templateName: 'template.xlsx',
      previous: new Map([[target.id, 96]]),
    });
    const { at, meta } = cellsOf(bytes);
    const { page, control } = await open(await stateFromXlsx(bytes));
    await control.select(meta.sheet, at(target.id).actual);
    await control.settle();
    const items = Object.fromEntries(await page.$$eval('.explain dt', (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])));
    expect(items['上期填报']).toBe('96个');
    expect(items['2021年第三季度序时目标']).toBe(`${(expectedValue(target, parsePeriod('2021-Q3') as Period) as number)}个`);
    await page.close();
  });

  test('提交 is refused while errors remain; a clean sheet is saved as the coordinator names it (or, on the web, said how)', async () => {
    const { page } = await open(await stateFromXlsx(sheet));
    await page.click('#submit');
    await page.waitForFunction(() => /还有 \d+ 处需要改正/.test(document.getElementById('status')?.textContent ?? ''));
    await page.close();

    const clean = await makeSheet(seed, '区科委', '2021-Q2');
    const desktop = await open(await stateFromXlsx(clean));
    const [saved] = await Promise.all([desktop.page.waitForEvent('download'), desktop.page.click('#submit')]);
    expect(saved.suggestedFilename()).toBe('2021-Q2-区科委.xlsx');
    const path = join(work, 'submitted.xlsx');
    await saved.saveAs(path);
    expect(checked(path)).toEqual([]);
    await desktop.page.close();

    const web = await open(await stateFromXlsx(clean), { platform: 'OfficeOnline' });
    await web.page.click('#submit');
    await web.page.waitForFunction(() => /另存为/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await web.page.textContent('#status')).toContain('2021-Q2-区科委.xlsx');
    await web.page.close();
  });

  test.each([16, 500])('at most 3 syncs per action on a %i-row sheet, and no request over 5 MB', async (rows) => {
    const records = rows === 16 ? seed : longPlan(seed, rows);
    const { at, meta } = cellsOf(await makeSheet(records, '区科委', '2021-Q2'));
    const ids = meta.rows.filter((r) => r.targetId !== null).map((r) => r.id);
    expect(meta.rows.length).toBe(rows);
    const { page, control } = await open(await stateFromXlsx(await makeSheet(records, '区科委', '2021-Q2')));
    // Three target rows in a row: a paste and a fill over them touch entry cells only.
    const start = ids.findIndex((id, i) => at(ids[i + 2] ?? id).row === at(id).row + 2);
    const first = at(ids[start] as string);
    for (const action of [
      () => control.type(meta.sheet, first.actual, 'abc'),
      () => control.paste(meta.sheet, first.actual, [[1], [-2], [3]]),
      () => control.fillDown(meta.sheet, `${first.actual}:${first.actual.replace(/\d+$/, '')}${first.row + 2}`),
      () => page.click('#recheck'),
    ]) {
      await control.resetSyncCount();
      await action();
      await control.settle();
      expect(await control.syncCount()).toBeLessThanOrEqual(3);
    }
    const requests = await control.requests();
    expect(Math.max(...requests.map((r) => Math.max(r.request, r.response)))).toBeLessThan(5 * 1024 * 1024);
    await page.close();
  });

  test('coordinator: 区科委 and 区大数据中心 2021-Q2 filled into an empty workbook are protected, their metadata very hidden, and `check` reads both cleanly', async () => {
    const { page, control } = await open(EMPTY_BOOK);
    await page.click('#tab-coordinator');
    await page.waitForSelector('#plan-file');
    const planFile = join(work, 'plan.json');
    writeFileSync(planFile, JSON.stringify(seed));
    await choosePlan(playwrightActions(page), planFile, '2021-Q2', ['区科委', '区大数据中心']);
    await control.resetSyncCount();
    await page.click('#fill-here');
    await page.waitForFunction(() => /已在本工作簿中生成 2 张/.test(document.getElementById('status')?.textContent ?? ''));
    await control.settle();
    // Three syncs a department: the names, the insertion, then names, metadata and protection put right.
    expect(await control.syncCount()).toBeLessThanOrEqual(2 * 4);
    const sheets = await control.sheets();
    for (const name of ['区科委 2021-Q2', '区大数据中心 2021-Q2']) expect(sheets.find((s) => s.name === name)?.protected, name).toBe(true);
    const metaSheets = sheets.filter((s) => s.name.startsWith('_plan_ledger'));
    expect(metaSheets.map((s) => [s.name, s.visibility])).toEqual([
      ['_plan_ledger', 'VeryHidden'],
      ['_plan_ledger_plan', 'VeryHidden'],
      ['_plan_ledger_2', 'VeryHidden'],
    ]);
    await page.screenshot({ path: join(SHOTS, 'coordinator-fill.png'), fullPage: true });
    // The department's tab finds both sheets.
    await page.click('#tab-department');
    await page.click('#recheck');
    await control.settle();
    expect(await page.$$eval('.sheet-line span', (s) => s.map((x) => x.textContent))).toEqual(['区科委 · 2021年第二季度 · 工作表“区科委 2021-Q2”', '区大数据中心 · 2021年第二季度 · 工作表“区大数据中心 2021-Q2”']);
    // The workbook as Excel would save it, read back by the CLI: both sheets, no template or file finding.
    const saved = join(work, 'coordinator.xlsx');
    writeFileSync(saved, await control.saveAs());
    const run = bin(['check', saved, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { entries: { department: string }[]; findings: { code: string }[] };
    expect(new Set(report.entries.map((e) => e.department))).toEqual(new Set(['区科委', '区大数据中心']));
    expect(report.findings.map((f) => f.code).filter((c) => c.startsWith('template-') || c.startsWith('file-'))).toEqual([]);
    // And consolidated, as two departments' sheets.
    const ledgerFile = join(work, 'two-departments-ledger.xlsx');
    expect(bin(['consolidate', saved, '--out', ledgerFile]).code).toBe(0);
    expect(ledgerFromXlsx(new Uint8Array(readFileSync(ledgerFile)), ledgerFile)?.accounting).toMatchObject({ files: 1, sheetsAccepted: 2 });
    await page.close();
  });

  test('coordinator: sheets downloaded as files; returned sheets consolidated in the pane, exceljs loaded only for the ledger', async () => {
    const { page, requested } = await open(EMPTY_BOOK);
    const chunks = () => requested.filter((u) => u.includes('/chunks/'));
    // The department's pane loads no chunk; the coordinator's tab loads its own.
    expect(chunks()).toEqual([]);
    await page.click('#tab-coordinator');
    await page.waitForSelector('#plan-file');
    const atCoordinator = chunks().length;
    expect(atCoordinator).toBeGreaterThan(0);
    const planFile = join(work, 'plan-download.json');
    writeFileSync(planFile, JSON.stringify(seed));
    await choosePlan(playwrightActions(page), planFile, '2021-Q2', ['区科委']);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#fill-download')]);
    expect(file.suggestedFilename()).toBe('2021-Q2-区科委.xlsx');
    const downloaded = join(work, 'downloaded.xlsx');
    await file.saveAs(downloaded);
    expect(checked(downloaded)).toEqual([]);

    // The demo's 16 filled sheets, returned and consolidated here: the accounting line as the library says it.
    const out = join(work, 'demo-returned');
    expect(bin(['demo', '--out', out]).code).toBe(0);
    const returned = readdirSync(join(out, 'filled')).map((f) => join(out, 'filled', f));
    await page.setInputFiles('#returned-files', returned);
    await page.click('#consolidate');
    await page.waitForSelector('#ledger-result .accounting');
    const ledger = await consolidate(returned.map((f) => ({ file: basename(f), bytes: new Uint8Array(readFileSync(f)) })), seed, sheetReader(seed));
    expect(await page.textContent('#ledger-result .accounting')).toBe(wording().accounting(ledger.accounting));
    // exceljs, in a chunk of its own, comes only with the ledger's download.
    const exceljs = readdirSync(join(DIST, 'chunks')).find((f) => f.endsWith('.js') && /exceljs/i.test(readFileSync(join(DIST, 'chunks', f), 'utf8')));
    expect(exceljs).toBeDefined();
    const hasExceljs = () => chunks().some((u) => u.endsWith(`/chunks/${exceljs}`));
    expect(hasExceljs()).toBe(false);
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#ledger-download')]);
    expect(saved.suggestedFilename()).toBe('ledger.xlsx');
    expect(hasExceljs()).toBe(true);
    const ledgerFile = join(work, 'pane-ledger.xlsx');
    await saved.saveAs(ledgerFile);
    expect(ledgerFromXlsx(new Uint8Array(readFileSync(ledgerFile)), ledgerFile)?.accounting).toEqual(ledger.accounting);
    await page.screenshot({ path: join(SHOTS, 'coordinator-consolidate.png'), fullPage: true });
    await page.close();
  });

  test('coordinator: 按新计划重发 makes the revised plan’s sheets from the returned ones, and the change report, as the library does', async () => {
    const returnedDir = join(work, 'reissue-returned');
    expect(bin(['demo-fill', '--period', '2021-Q2', '--out', returnedDir, '--mistakes', '0.15']).code).toBe(0);
    const returned = readdirSync(returnedDir).map((f) => join(returnedDir, f));
    const revisedFile = join(ROOT, 'test/fixtures/yangpu-2021-13-revised.txt');
    const { page } = await open(EMPTY_BOOK);
    await page.click('#tab-coordinator');
    await choosePlan(playwrightActions(page), revisedFile, '2021-Q2');
    await page.setInputFiles('#returned-files', returned);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#reissue')]);
    const zipFile = join(work, 'reissued.zip');
    await download.saveAs(zipFile);
    const parts = unzipSync(new Uint8Array(readFileSync(zipFile)));

    const revised = planFromBytes(new Uint8Array(readFileSync(revisedFile)), revisedFile);
    const sources = returned.map((f) => ({ file: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
    const expected = await reissue(sources, revised, { template: defaultTemplate, templateName: 'progress-report.xlsx', templateVersion: 'test', generatedAt: '2021-07-10T09:00:00' });
    expect(Object.keys(parts).sort()).toEqual([...expected.sheets.map((s) => s.fileName), '变更报告/变更报告.csv', '变更报告/变更报告.html', '变更报告/变更报告.xlsx'].sort());
    // Byte for byte, the BOM included.
    expect(Buffer.from(parts['变更报告/变更报告.csv'] as Uint8Array).toString('utf8')).toBe(toCsv(changeReportTable(expected, wording())));
    // Each sheet read back gives the entries the library carries, cell by cell.
    for (const s of expected.sheets) {
      const [mine] = readProgressFileSheets({ file: s.fileName, bytes: parts[s.fileName] as Uint8Array }, {});
      const [theirs] = readProgressFileSheets({ file: s.fileName, bytes: s.bytes }, {});
      expect(mine?.entries, s.fileName).toEqual(theirs?.entries);
    }
    const dropped = expected.entries.filter((e) => !e.to).length;
    expect(await page.textContent('#reissue-summary')).toBe(wording().revision.done(expected.sheets.length, expected.entries.length - dropped, dropped));
    expect(await page.$$eval('#reissue-dropped li', (items) => items.length)).toBe(dropped);
    await page.screenshot({ path: join(SHOTS, 'coordinator-reissue.png'), fullPage: true });
    await page.close();
  });

  test.each(['txt', 'docx', 'json'])('coordinator: the plan loads from a .%s file as the CLI reads it', async (kind) => {
    const text = readFileSync(join(ROOT, 'seeds/yangpu-2021-13.txt'), 'utf8');
    const file = join(work, `plan.${kind}`);
    writeFileSync(file, kind === 'txt' ? text : kind === 'docx' ? buildDocx(text.split('\n').map((line) => ({ text: line }))) : JSON.stringify(seed));
    const records = planFromBytes(new Uint8Array(readFileSync(file)), file);
    const { page } = await open(EMPTY_BOOK);
    await page.click('#tab-coordinator');
    await page.setInputFiles('#plan-file', file);
    await page.waitForFunction(() => /已载入/.test(document.querySelector('.plan-line')?.textContent ?? ''));
    expect(await page.textContent('.plan-line')).toBe(paneWording().coordinator.planLoaded(records.document.title, records.tasks.length, records.targets.length, records.departments.length));
    await page.close();
  });

  test('coordinator: the plan the open workbook’s sheets carry is enough to fill the next period', async () => {
    const { page } = await open(await stateFromXlsx(sheet));
    await page.click('#tab-coordinator');
    await page.click('#plan-from-workbook');
    await page.waitForFunction(() => /已载入/.test(document.querySelector('.plan-line')?.textContent ?? ''));
    const tasks = new Set(layout.meta.rows.map((r) => r.taskId)).size;
    expect(await page.textContent('.plan-line')).toContain(`${tasks} 项任务`);
    await page.fill('#period', '2021-Q3');
    await page.dispatchEvent('#period', 'input');
    expect(await page.$$eval('#departments input[data-department]', (boxes) => boxes.map((b) => b.getAttribute('data-department')))).toContain('区科委');
    await page.close();
  });

  test('auditor: the demo ledger’s lights in the pane are those `audit` gives', async () => {
    const out = join(work, 'demo');
    expect(bin(['demo', '--out', out]).code).toBe(0);
    const ledgerFile = join(out, 'ledger.xlsx');
    const audit = auditLedger(ledgerFromXlsx(new Uint8Array(readFileSync(ledgerFile)), ledgerFile) as never);
    const run = bin(['audit', ledgerFile, '--out', join(work, 'audit')]);
    expect(run.code).toBe(0);
    // audit prints the totals: 绿 12、黄 3、红 4、灰 4.
    const totals = Object.fromEntries([...run.stdout.matchAll(/(绿|黄|红|灰) (\d+)/g)].map((m) => [({ 绿: 'green', 黄: 'yellow', 红: 'red', 灰: 'grey' } as Record<string, string>)[m[1] as string], Number(m[2])]));
    expect(totals).toEqual(audit.totals);
    const { page } = await open(EMPTY_BOOK);
    await page.click('#tab-auditor');
    await page.waitForSelector('#ledger-file');
    await page.setInputFiles('#ledger-file', ledgerFile);
    await page.waitForSelector('#audit-totals');
    const lights = Object.fromEntries(await page.$$eval('#audit-totals li', (items) => items.map((li) => [li.getAttribute('data-light'), Number(li.getAttribute('data-count'))])));
    expect(lights).toEqual(totals);
    await page.selectOption('#light-filter', 'red');
    const visible = await page.$$eval('#ledger-rows tbody tr', (rows) => rows.map((r) => r.getAttribute('data-light')));
    expect(new Set(visible)).toEqual(new Set(['red']));
    await page.click('#ledger-rows tbody tr');
    expect((await page.textContent('#row-detail blockquote'))?.length).toBeGreaterThan(4);
    await page.screenshot({ path: join(SHOTS, 'auditor.png'), fullPage: true });
    await page.close();
  });

  test('the open workbook, when it is a ledger, is read by the auditor’s tab', async () => {
    const out = join(work, 'demo-open');
    expect(bin(['demo', '--out', out]).code).toBe(0);
    const ledgerFile = join(out, 'ledger.xlsx');
    const bytes = new Uint8Array(readFileSync(ledgerFile));
    const audit = auditLedger(ledgerFromXlsx(bytes, ledgerFile) as never);
    const { page } = await open(await stateFromXlsx(bytes));
    // Not a progress sheet: the department's tab says so, plainly.
    expect(await page.textContent('#department')).toContain('没有计划台账下发的推进情况表');
    await page.click('#tab-auditor');
    await page.click('#ledger-from-workbook');
    await page.waitForSelector('#audit-totals');
    const lights = Object.fromEntries(await page.$$eval('#audit-totals li', (items) => items.map((li) => [li.getAttribute('data-light'), Number(li.getAttribute('data-count'))])));
    expect(lights).toEqual(audit.totals);
    await page.close();
  });

  test('a change no event reported is caught when the sheet is activated again, and by 重新检查', async () => {
    // Without ExcelApi 1.9 the pane hears no change at all, as when Excel misses one (a dropdown pick on the web).
    const state = await stateFromXlsx(sheet);
    state.sheets.push({ name: 'Sheet2', cells: {} });
    const { page, control } = await open(state, { requirements: { ExcelApi: '1.8' } });
    const good = layout.at(targetRows[0] as string);
    const at = async () => (await shown(page)).filter(([c]) => c === good.actual).map(([, code]) => code);
    await control.type(layout.meta.sheet, good.actual, '待统计');
    await control.settle();
    expect(await at()).toEqual([]);
    await control.activate('Sheet2');
    await control.activate(layout.meta.sheet);
    await control.settle();
    expect(await at()).toEqual(['entry-not-a-number']);
    await control.type(layout.meta.sheet, good.actual, '200');
    await control.settle();
    await page.click('#recheck');
    await control.settle();
    expect(await at()).toEqual([]);
    await page.close();
  });

  test('English on request: the switch reloads the pane in English, and findings are worded in English', async () => {
    const { page, control } = await open(await stateFromXlsx(sheet));
    await Promise.all([page.waitForEvent('load'), page.click('#language')]);
    await control.settle();
    await page.waitForSelector('#department button.finding');
    expect(await page.textContent('#tab-department')).toBe('Check my sheet');
    const text = await page.textContent('#department');
    expect(text).toMatch(/is not a number/);
    expect(text).not.toMatch(/[\u4e00-\u9fff]{4,}的完成值/);
    await page.screenshot({ path: join(SHOTS, 'department-en.png'), fullPage: true });
    await page.close();
  });

  test('where Excel is too old, the pane says what is unavailable instead of failing', async () => {
    const { page } = await open(await stateFromXlsx(sheet), { requirements: { ExcelApi: '1.8' } });
    const notices = await page.$$eval('#notices .notice', (items) => items.map((n) => [n.getAttribute('data-requires'), n.textContent ?? ''] as const));
    expect(notices.map(([set]) => set).sort()).toEqual(['ExcelApi 1.13', 'ExcelApi 1.14', 'ExcelApi 1.9']);
    // Said as a clerk reads it: what is unavailable and what to do, with no API names.
    expect(notices.map(([, text]) => text).join('')).not.toMatch(/ExcelApi|\b1\.\d+\b/);
    expect(notices.map(([, text]) => text).join('')).toContain('重新检查');
    // The checks still ran on opening.
    expect((await shown(page)).length).toBeGreaterThan(0);
    await page.click('#tab-coordinator');
    await page.waitForSelector('#fill-here');
    expect(await page.isDisabled('#fill-here')).toBe(true);
    await page.close();
  });
});

