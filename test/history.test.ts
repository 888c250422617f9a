import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { consolidate } from '../src/core/consolidate.js';
import { falls, historyOf, withHistory, type History, type TargetHistory } from '../src/core/history.js';
import type { Ledger } from '../src/core/ledger.js';
import { parsePeriod, type Period } from '../src/core/period.js';
import type { PlanRecords } from '../src/core/record.js';
import { parsePlan } from '../src/index.js';
import { ledgerFromXlsx, ledgerToXlsx } from '../src/io/ledger.js';
import { wording } from '../src/core/locales/index.js';
import { sheetReader } from '../src/sheets/read.js';
import { parseCsv } from '../src/report/csv.js';
import { cli } from './helpers/cli.js';
import { filledSheet, seed } from './helpers/sheets.js';
import { CHROMIUM, CHROMIUM_ARGS, chromium as chromiumTool } from './helpers/tools.js';

const SEED_TEXT = readFileSync(new URL('../seeds/yangpu-2021-13.txt', import.meta.url), 'utf8');

/**
 * The seed revised between Q2 and Q3: 176 → 180 5G stations, the 4.4万户 target removed, a task 12 (智慧灯杆) added
 * before the charging task, which becomes 13 (its target t2.5.12-1 becomes t2.5.13-1, and t2.5.12-1 is the new one's).
 */
export function revisedSeed(): PlanRecords {
  const at = SEED_TEXT.indexOf('二、2021年工作计划');
  const plan = SEED_TEXT.slice(at)
    .replace('建设5G综合杆基站176个', '建设5G综合杆基站180个')
    .replace('落实2021年市政府实事项目“为困难家庭免费升级百兆宽带”,完成4.4万户计划指标。', '')
    .replace(/^(1[2-9])\./gm, (_m, n: string) => `${Number(n) + 1}.`)
    .replace('13.扎实推动新能源终端布局落地', '12.推进智慧灯杆建设。新建智慧灯杆50个。(推进单位:区建设管理委)\n\n13.扎实推动新能源终端布局落地');
  return parsePlan(SEED_TEXT.slice(0, at) + plan);
}

const revised = revisedSeed();

/**
 * What 区科委 and 区建设管理委 type each quarter, by the row ids of that quarter's plan. 公共充电桩 (新增, running) falls
 * from Q2 to Q3 at 区科委, and at 区建设管理委 from Q1 to Q3 (it did not report it in Q2; in Q3 the two disagree).
 */
export const QUARTERS: readonly { period: string; records: PlanRecords; entries: Readonly<Record<string, Readonly<Record<string, number>>>> }[] = [
  { period: '2021-Q1', records: seed, entries: { 区科委: { 't2.2.2-1': 30, 't2.2.2-2': 1, 't2.5.12-1': 100 }, 区建设管理委: { 't2.5.12-1': 100 } } },
  { period: '2021-Q2', records: seed, entries: { 区科委: { 't2.2.2-1': 80, 't2.2.2-2': 2, 't2.5.12-1': 250 }, 区建设管理委: {} } },
  { period: '2021-Q3', records: revised, entries: { 区科委: { 't2.2.2-1': 150, 't2.5.13-1': 200 }, 区建设管理委: { 't2.5.13-1': 90, 't2.5.12-1': 10 } } },
];

/** The quarter's sheets of the two departments, filled. */
export async function quarterSheets(q: (typeof QUARTERS)[number]): Promise<{ file: string; bytes: Uint8Array }[]> {
  return Promise.all(Object.entries(q.entries).map(async ([department, figures]) => ({ file: `${q.period}-${department}.xlsx`, bytes: await filledSheet(q.records, department, q.period, figures) })));
}

async function ledgerOf(q: (typeof QUARTERS)[number]): Promise<Ledger> {
  return consolidate(await quarterSheets(q), q.records, sheetReader(q.records), { period: parsePeriod(q.period) as Period });
}

/** The reduced view: a target's figures and 环比 by period. */
const view = (t: TargetHistory | undefined) =>
  t && { ids: t.ids, values: t.points.map((p) => p?.row.value ?? null), figures: t.points.map((p) => p?.row.figure ?? null), changes: t.changes.map((c) => c && [c.absolute, c.share]) };
const byMetric = (h: History, metric: string) => h.targets.find((t) => t.metric === metric);

describe('history across periods, through a plan revision', () => {
  let ledgers: Ledger[];
  beforeAll(async () => {
    ledgers = [];
    for (const q of QUARTERS) ledgers.push(await ledgerOf(q));
  }, 60_000);

  test.each([
    { metric: '公共充电桩', notes: 'renumbered in Q3 (t2.5.12-1 → t2.5.13-1), matched by its sentence; t2.5.12-1 is then another target', expected: { ids: ['t2.5.12-1', 't2.5.13-1'], values: [400, 400, 400], figures: [100, 250, 200], changes: [null, [150, 1.5], [-50, -0.2]] } },
    { metric: '5G综合杆基站', notes: 'its target changed 176 → 180, matched by id and metric', expected: { ids: ['t2.2.2-1'], values: [176, 176, 180], figures: [30, 80, 150], changes: [null, [50, 50 / 30], [70, 70 / 80]] } },
    { metric: '为困难家庭免费升级百兆宽带', notes: 'removed in Q3; typed in 万户, stored in 户', expected: { ids: ['t2.2.2-2'], values: [44000, 44000, null], figures: [10000, 20000, null], changes: [null, [10000, 1], null] } },
    { metric: '智慧灯杆', notes: 'added in Q3', expected: { ids: ['t2.5.12-1'], values: [null, null, 50], figures: [null, null, 10], changes: [null, null, null] } },
  ])('$metric: $notes', ({ metric, expected }) => {
    const history = historyOf(ledgers);
    expect(history.periods).toEqual(['2021-Q1', '2021-Q2', '2021-Q3']);
    expect(view(byMetric(history, metric))).toEqual(expected);
  });

  test('a running figure that falls between any two periods is found, per department, naming both periods and figures', () => {
    const found = historyOf(ledgers).findings.map((f) => (f.code === 'history-figure-fell' ? [f.targetId, f.params.department, f.params.from, f.params.fromValue, f.params.to, f.params.toValue, f.location.file] : [f.code]));
    expect(found.sort()).toEqual([
      ['t2.5.13-1', '区建设管理委', '2021-Q1', 100, '2021-Q3', 90, '2021-Q3-区建设管理委.xlsx'],
      ['t2.5.13-1', '区科委', '2021-Q2', 250, '2021-Q3', 200, '2021-Q3-区科委.xlsx'],
    ]);
  });

  test('chained: each ledger carries the earlier periods, so the last one alone gives the whole history, also read back from ledger.xlsx', async () => {
    const [q1, q2, q3] = ledgers as [Ledger, Ledger, Ledger];
    const chained = withHistory(q3, [withHistory(q2, [q1])]);
    expect(chained.history?.map((h) => h.period)).toEqual(['2021-Q1', '2021-Q2']);
    const read = ledgerFromXlsx(await ledgerToXlsx(chained, wording()), 'q3.xlsx');
    expect(historyOf([read as Ledger])).toEqual(historyOf(ledgers));
    // The order ledgers are given in does not matter, nor a period given twice.
    expect(historyOf([q3, q1, q2, q1])).toEqual(historyOf(ledgers));
  });
});

describe('falls', () => {
  const r = (...values: (number | null)[]) => values.map((value) => (value === null ? null : { value, year: 2021 }));
  test.each([
    { readings: r(1, 2, 3), expected: [], notes: 'rising' },
    { readings: r(5, 3), expected: [[0, 1]], notes: 'consecutive' },
    { readings: r(5, null, 3), expected: [[0, 2]], notes: 'across a period without a figure' },
    { readings: r(5, 3, 4), expected: [[0, 1]], notes: 'still below after a fall, but rising: one fall' },
    { readings: r(5, 3, 2), expected: [[0, 1], [0, 2]], notes: 'falling again' },
    { readings: r(2, 5, 4), expected: [[1, 2]], notes: 'from the highest earlier figure' },
    { readings: [{ value: 9, year: 2021 }, { value: 1, year: 2022 }], expected: [], notes: 'another target year: not comparable' },
  ])('$notes', ({ readings, expected }) => {
    expect(falls(readings).map(({ from, to }) => [from, to])).toEqual(expected);
  });
});

describe('chained runs of the CLI: consolidate --previous, audit, history', () => {
  const work = mkdtempSync(join(tmpdir(), 'plan-ledger-history-'));
  const ledgerFile = (q: number) => join(work, `ledger-Q${q}.xlsx`);
  beforeAll(async () => {
    for (const [k, q] of QUARTERS.entries()) {
      const dir = join(work, q.period);
      mkdirSync(dir, { recursive: true });
      for (const sheet of await quarterSheets(q)) writeFileSync(join(dir, sheet.file), sheet.bytes);
      const previous = k === 0 ? [] : ['--previous', ledgerFile(k)];
      const r = await cli('consolidate', dir, ...previous, '--out', ledgerFile(k + 1));
      expect(r.stderr).toBe('');
    }
  }, 120_000);

  test('each ledger carries the periods before it, and prints a 历史 sheet', async () => {
    const q3 = ledgerFromXlsx(readFileSync(ledgerFile(3)), 'q3') as Ledger;
    expect(q3.history?.map((h) => h.period)).toEqual(['2021-Q1', '2021-Q2']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(ledgerFile(3)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['台账', '填报明细', '问题清单', '催报', '报送记录', '核算', '历史', '历史(分单位)']);
    const q1 = new ExcelJS.Workbook();
    await q1.xlsx.load(readFileSync(ledgerFile(1)) as unknown as ArrayBuffer);
    expect(q1.worksheets.map((w) => w.name)).not.toContain('历史');
  });

  test.each([
    { notes: 'three ledgers not chained', inputs: () => [ledgerFile(1), ledgerFile(2), ledgerFile(3)] },
    { notes: 'the chained Q3 ledger alone', inputs: () => [ledgerFile(3)] },
  ])('history: $notes → 历史台账.xlsx, CSV and 各期趋势.html, each path printed', async ({ inputs }) => {
    const out = join(work, `history-${inputs().length}`);
    const r = await cli('history', ...inputs(), '--out', out);
    expect(r.code).toBe(0);
    const files = ['历史台账.xlsx', 'history.csv', 'history-departments.csv', 'findings.csv', '各期趋势.html'].map((f) => join(out, f));
    for (const f of files) {
      expect(existsSync(f), f).toBe(true);
      expect(r.stdout).toContain(f);
    }
    expect(r.stdout.split('\n')[0]).toBe('12 个指标、3 期;2 个累计数比前期少');
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'history.csv'), 'utf8').replace(/^\ufeff/, ''));
    const row = (metric: string) => Object.fromEntries((header ?? []).map((h, i) => [h, rows.find((x) => x[4] === metric)?.[i]]));
    // In Q3 the two departments disagree on 公共充电桩: its row's figure is one of theirs, each one's is in history-departments.
    expect(row('公共充电桩')).toMatchObject({ 编号: 't2.5.13-1', 曾用编号: 't2.5.12-1', 目标值: '400', 口径: '新增', '2021年第一季度': '100', '2021年第二季度': '250', '2021年第二季度环比': '150', '2021年第二季度环比(%)': '1.5' });
    expect(row('5G综合杆基站')).toMatchObject({ 目标值: '176→180', '2021年第一季度': '30', '2021年第三季度': '150', '2021年第三季度环比': '70', '2021年第三季度环比(%)': '0.875' });
    const departments = parseCsv(readFileSync(join(out, 'history-departments.csv'), 'utf8').replace(/^\ufeff/, ''));
    // 编号, 指标, 单位, 填报单位, then Q1, Q2 with its 环比 and %, Q3 with its.
    expect(departments.filter((d) => d[1] === '公共充电桩').map((d) => [d[3], d[4], d[5], d[8]]).sort()).toEqual([
      ['区建设管理委', '100', '', '90'],
      ['区科委', '100', '250', '200'],
    ]);
    expect(readFileSync(join(out, 'findings.csv'), 'utf8')).toContain('公共充电桩(区科委):2021年第三季度 的累计完成值 200个 低于 2021年第二季度 的 250个');
  });

  test('a file that is no ledger stops history with ledger-invalid', async () => {
    const sheet = join(work, '2021-Q1', '2021-Q1-区科委.xlsx');
    const r = await cli('history', sheet, '--out', join(work, 'no'));
    expect([r.code, r.stderr]).toEqual([2, `plan-ledger: [ledger-invalid] ${sheet} 不是 plan-ledger consolidate 写出的台账\n`]);
  });

  test('audit of the chained ledger: a history sheet in audit.xlsx, history CSVs, the falls among the problems, and trend lines in report.html', async () => {
    const out = join(work, 'audit');
    expect((await cli('audit', ledgerFile(3), '--out', out)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(out, 'audit.xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['历史', '历史(分单位)', '问题清单']));
    expect(existsSync(join(out, 'history.csv'))).toBe(true);
    expect(readFileSync(join(out, 'findings.csv'), 'utf8').match(/累计数比前期少/g)).toHaveLength(2);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="history"><h2>各期趋势</h2>');
    expect(html.match(/<figure class="trend"/g)?.length).toBe(4);
  });

  describe.runIf(chromiumTool.run)('the trend section in headless Chromium', () => {
    test('a line per target with its points, the target dashed, the fall in red, the legend; every label inside its chart', async () => {
      const page = join(work, 'audit', 'report.html');
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await tab.goto(pathToFileURL(page).href);
        const charts = await tab.$$eval('#history figure.trend', (figures) =>
          figures.map((f) => {
            const svg = f.querySelector('svg') as SVGSVGElement;
            const box = svg.viewBox.baseVal;
            const outside = Array.from(svg.querySelectorAll('text')).filter((t) => {
              const b = (t as SVGGraphicsElement).getBBox();
              return b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height;
            });
            return { target: f.getAttribute('data-target'), points: svg.querySelectorAll('circle.point').length, fell: svg.querySelectorAll('circle.fell').length, dashed: svg.querySelector('path.target') !== null, outside: outside.map((t) => t.textContent) };
          }),
        );
        expect(charts.find((c) => c.target === 't2.5.13-1')).toEqual({ target: 't2.5.13-1', points: 3, fell: 1, dashed: true, outside: [] });
        expect(charts.flatMap((c) => c.outside)).toEqual([]);
        expect(await tab.$$eval('#trend-legend .key', (keys) => keys.map((k) => k.textContent))).toEqual(['完成值', '目标值', '累计数比前期少']);
        mkdirSync(OUTPUT, { recursive: true });
        await tab.locator('#history').screenshot({ path: join(OUTPUT, 'trends.png') });
      } finally {
        await browser.close();
      }
    });
  });
});

const OUTPUT = join(new URL('../test-output/history/', import.meta.url).pathname);
