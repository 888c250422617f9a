// Targets judged by what they measure (measure.ts): counts pro-rated by time elapsed, in whole units; rates, shares
// and indices at their value; ceilings from below; growth rates as rates. Over short texts in the genre's style.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { buildDocx } from './helpers/docx.js';
import { check, edit, makeSheet } from './helpers/sheets.js';
import { planFromBytes } from '../src/io/plan-source.js';
import { auditLedger, consolidate, openWorkbook, readMetas, sheetReader, DEFAULT_RULES, judge, parseRules, type SheetSource, parsePeriod, parsePlan, expectedValue, type LedgerRow, type Measure } from '../src/index.js';

const plan = (sentence: string) => parsePlan(`某区2021年重点工作计划\n一、重点任务\n1.推进建设。${sentence}。(牵头单位:区科委)`);

describe('the measure of each target, from how the plan states it', () => {
  test.each<{ input: string; measure: Measure }>([
    { input: '新增400个公共充电桩', measure: 'quantity' },
    { input: '建成5G基站176个', measure: 'quantity' },
    { input: '完成投资1.2亿元', measure: 'quantity' },
    { input: '全程网办率达到95%', measure: 'level' },
    { input: '园区入驻率不低于85%', measure: 'level' },
    { input: '研发投入占比达到百分之六十', measure: 'level' },
    { input: '营商环境指数达到90', measure: 'level' },
    { input: '数据中心PUE低于1.3', measure: 'ceiling' },
    { input: '单位能耗控制在3200吨以内', measure: 'ceiling' },
    { input: '事故率不超过5%', measure: 'ceiling' },
    { input: '规上工业产值增长6.5%', measure: 'growth' },
    { input: '就业率提高2个百分点', measure: 'growth' },
    { input: '办证时限压减75%', measure: 'growth' },
  ])('$input → $measure', ({ input, measure }) => {
    const targets = plan(input).targets;
    expect(targets.map((t) => t.measure)).toEqual([measure]);
  });

  test('records written before measures (a plan’s JSON, a sheet’s metadata) get theirs when read', async () => {
    const { PlanRecordsSchema } = await import('../src/index.js');
    const records = plan('全程网办率达到95%');
    const old = JSON.parse(JSON.stringify(records)) as { targets: Record<string, unknown>[] };
    for (const t of old.targets) delete t['measure'];
    expect(PlanRecordsSchema.parse(old).targets.map((t) => t.measure)).toEqual(['level']);
  });
});

describe('序时目标 by measure', () => {
  const q2 = parsePeriod('2021-Q2');
  test.each([
    { input: '新增400个公共充电桩', expected: 200 },
    { input: '完成1个出租车充电示范站', expected: 0 },
    { input: '建成3个中台', expected: 1 },
    { input: '完成投资1.5亿元', expected: 75_000_000 },
    { input: '全程网办率达到95%', expected: 95 },
    { input: '规上工业产值增长6.5%', expected: 6.5 },
    { input: '单位能耗控制在3200吨以内', expected: undefined },
  ])('$input at 2021-Q2 → $expected', ({ input, expected }) => {
    const [target] = plan(input).targets;
    expect(target && q2 && expectedValue(target, q2)).toBe(expected);
  });
});

/** A ledger row for one target, its figure reported. */
function row(input: string, figure: number): LedgerRow {
  const records = plan(input);
  const t = records.targets[0];
  if (!t) throw new Error(input);
  return {
    id: t.id, kind: 'target', targetId: t.id, taskId: t.taskId ?? '', sectionId: t.sectionId, path: '1', taskTitle: '推进建设', metric: t.metric,
    value: t.value, unit: t.unit, comparator: t.comparator, basis: t.basis, measure: t.measure, year: t.year, deadline: t.deadline, policy: 'same',
    departments: [{ name: '区科委', role: 'lead' }], reports: [], figure, status: 'in-progress', evidence: '', disputed: false,
  };
}

describe('verdicts and lights by measure, at Q2 and at year end', () => {
  test.each([
    { input: '全程网办率达到95%', figure: 39.3, at: '2021-Q2', verdict: 'behind', light: 'red' },
    { input: '全程网办率达到95%', figure: 39.3, at: '2021', verdict: 'missed', light: 'red' },
    { input: '全程网办率达到95%', figure: 92, at: '2021-Q2', verdict: 'behind', light: 'green' },
    { input: '全程网办率达到95%', figure: 96, at: '2021-Q2', verdict: 'met', light: 'green' },
    { input: '园区入驻率不低于85%', figure: 80, at: '2021-Q2', verdict: 'behind', light: 'yellow' },
    { input: '单位能耗控制在25吨以内', figure: 20, at: '2021-Q2', verdict: 'on-track', light: 'green' },
    { input: '单位能耗控制在25吨以内', figure: 20, at: '2021', verdict: 'met', light: 'green' },
    { input: '单位能耗控制在25吨以内', figure: 26, at: '2021-Q2', verdict: 'behind', light: 'yellow' },
    { input: '单位能耗控制在25吨以内', figure: 30, at: '2021-Q2', verdict: 'behind', light: 'red' },
    { input: '单位能耗控制在25吨以内', figure: 26, at: '2021', verdict: 'missed', light: 'red' },
    { input: '规上工业产值增长6.5%', figure: 6.8, at: '2021-Q2', verdict: 'met', light: 'green' },
    { input: '规上工业产值增长6.5%', figure: 4, at: '2021-Q2', verdict: 'behind', light: 'red' },
    { input: '新增400个公共充电桩', figure: 200, at: '2021-Q2', verdict: 'on-track', light: 'green' },
    { input: '新增400个公共充电桩', figure: 100, at: '2021-Q2', verdict: 'behind', light: 'yellow' },
    { input: '完成1个出租车充电示范站', figure: 0, at: '2021-Q2', verdict: 'on-track', light: 'green' },
    { input: '完成1个出租车充电示范站', figure: 0, at: '2021', verdict: 'missed', light: 'red' },
  ])('$input, $figure at $at: $verdict, $light', ({ input, figure, at, verdict, light }) => {
    const period = parsePeriod(at);
    if (!period) throw new Error(at);
    expect(judge(row(input, figure), period, DEFAULT_RULES)).toMatchObject({ verdict, light });
  });

  test('a rules file changes a measure’s thresholds: a rate 3 points short is yellow when level.yellowFrom is 2', () => {
    const period = parsePeriod('2021-Q2');
    if (!period) throw new Error('period');
    const rules = { ...DEFAULT_RULES, measures: { ...DEFAULT_RULES.measures, level: { yellowFrom: 2, redFrom: 10 } } };
    expect(judge(row('全程网办率达到95%', 92.2), period, rules)).toMatchObject({ verdict: 'behind', light: 'yellow' });
  });

  test('a ledger written before measures is judged by the measure its row implies', () => {
    const period = parsePeriod('2021-Q2');
    if (!period) throw new Error('period');
    const { measure: _, ...old } = row('全程网办率达到95%', 39.3);
    expect(judge(old, period, DEFAULT_RULES)).toMatchObject({ verdict: 'behind', light: 'red' });
  });
});

describe('the default rules file', () => {
  test('templates/rules.json is the default rules, per measure, as a rules file to copy and change', () => {
    const file = new URL('../templates/rules.json', import.meta.url);
    expect(parseRules(readFileSync(file, 'utf8'), file.pathname)).toEqual(DEFAULT_RULES);
    expect(Object.keys(DEFAULT_RULES.measures).sort()).toEqual(['ceiling', 'growth', 'level']);
  });
});

describe('end to end: a Word plan with a rate, a ceiling, a growth target, headline goals before the first heading, money in 亿元 and a task table', () => {
  const records = planFromBytes(
    buildDocx([
      { text: '杨浦区2022年数字化转型工作要点' },
      { text: '2022年全区主要预期目标:全程网办率达到95%,单位能耗控制在25吨以内,规上工业产值增长6.5%,新建5G基站1000个。' },
      { text: '一、重点任务' },
      { text: '1.推进充电设施建设。新增400个公共充电桩,完成1个出租车充电示范站。(牵头单位:区建管委)' },
      { text: '二、重大项目' },
      {
        rows: [
          ['序号', '工作任务', '工作目标', '牵头单位', '配合单位', '完成时限'],
          ['2', '推进数据中心项目', '完成数据中心项目投资1.2亿元', '区发改委', '区科委', '2022年12月31日'],
        ],
      },
    ]),
    'plan.docx',
  );
  // Typed as each sheet shows its target: 投资 in 亿元, as the plan writes it.
  const figures: Record<string, number> = { 全程网办率: 39.3, 单位能耗: 20, 规上工业产值: 6.8, '5G基站': 300, 公共充电桩: 150, 出租车充电示范站: 0, 数据中心项目投资: 0.7 };
  const departments = ['区政府办公室', '区建管委', '区发改委'];

  /** Each department's sheet for the period, its figures typed by exceljs, consolidated and audited: metric → [verdict, light]. */
  async function audited(period: string): Promise<Record<string, [string, string]>> {
    const inputs: SheetSource[] = [];
    for (const department of departments) {
      const blank = await makeSheet(records, department, period);
      const [meta] = readMetas(openWorkbook(blank));
      if (!meta) throw new Error(department);
      const filled = await edit(blank, (sheet) => {
        for (const row of meta.rows) {
          const target = records.targets.find((t) => t.id === row.targetId);
          if (target) sheet.getCell(`${meta.columns['entry.actual']}${row.row}`).value = figures[target.metric] ?? null;
        }
      });
      inputs.push({ file: `${department}.xlsx`, bytes: filled });
    }
    const at = parsePeriod(period);
    if (!at) throw new Error(period);
    const audit = auditLedger(await consolidate(inputs, records, sheetReader(records), { period: at }));
    return Object.fromEntries(audit.judgements.map((j, i) => [audit.ledger.rows[i]?.metric ?? '', [j.verdict, j.light]]));
  }

  test('the task table’s row is a task of its own, its money kept in 元 and stated in 亿元', () => {
    expect(records.tasks.map((t) => [t.id, t.title, t.departments.map((d) => `${d.name}:${d.role}`)])).toEqual([
      ['s0-goals', '2022年全区主要预期目标', ['区政府办公室:lead']],
      ['t1.1', '推进充电设施建设', ['区建管委:lead']],
      ['t2.2', '推进数据中心项目', ['区发改委:lead', '区科委:support']],
    ]);
    expect(records.targets.at(-1)).toMatchObject({ metric: '数据中心项目投资', value: 120_000_000, unit: '元', stated: { unit: '亿元', factor: 1e8 }, measure: 'quantity' });
  });

  test('the sheet shows and takes money in 亿元, and says so in its header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await makeSheet(records, '区发改委', '2022-Q2')) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((s) => s.state === 'visible');
    const [meta] = readMetas(openWorkbook(await makeSheet(records, '区发改委', '2022-Q2')));
    const row = meta?.rows.find((r) => r.targetId !== null)?.row ?? 0;
    const cell = (name: string) => sheet?.getCell(`${meta?.columns[name]}${row}`).value;
    expect([cell('target.value'), cell('target.unit'), cell('expected')]).toEqual([1.2, '亿元', 0.6]);
    const header = [1, 2, 3].flatMap((r) => (sheet?.getRow(r).values as unknown[]).filter((v) => typeof v === 'string'));
    expect(header.join(' ')).toContain('按计划原文单位填报:1亿元=100,000,000元');
  });

  test('the headline goals are on the coordinating department’s sheet, and each target is judged by its measure at Q2 and at year end', async () => {
    expect(records.tasks[0]).toMatchObject({ headline: true, departments: [{ name: '区政府办公室', role: 'lead' }] });
    expect(await audited('2022-Q2')).toEqual({
      全程网办率: ['behind', 'red'], // 39.3% against 95% is not 47.5% of the way: it is judged at 95%
      单位能耗: ['on-track', 'green'], // within the ceiling of 25
      规上工业产值: ['met', 'green'], // 6.8% growth against 6.5%
      '5G基站': ['behind', 'yellow'], // 300 of 1000 against 500 due by mid-year
      公共充电桩: ['behind', 'yellow'],
      出租车充电示范站: ['on-track', 'green'], // one station due by year end: none due at Q2
      数据中心项目投资: ['on-track', 'green'], // 0.7亿元 typed, 70000000 元 against 60000000 元 due by mid-year
    });
    expect(await audited('2022')).toEqual({
      全程网办率: ['missed', 'red'],
      单位能耗: ['met', 'green'],
      规上工业产值: ['met', 'green'],
      '5G基站': ['missed', 'red'],
      公共充电桩: ['missed', 'red'],
      出租车充电示范站: ['missed', 'red'],
      数据中心项目投资: ['missed', 'red'],
    });
  });

  test('a figure typed with its own units is read in the sheet’s (7000万元 in a cell of 亿元), and said so', async () => {
    const blank = await makeSheet(records, '区发改委', '2022-Q2');
    const [meta] = readMetas(openWorkbook(blank));
    const row = meta?.rows.find((r) => r.targetId !== null)?.row ?? 0;
    const filled = await edit(blank, (sheet) => {
      sheet.getCell(`${meta?.columns['entry.actual']}${row}`).value = '7000万元';
    });
    const report = await check({ 'filled.xlsx': filled }, records);
    expect(report.entries.find((e) => e.targetId !== null)?.actual).toBe(70_000_000);
    expect(report.findings.map((f) => [f.code, f.params])).toContainEqual(['entry-unit-converted', expect.objectContaining({ value: 0.7, unit: '亿元' })]);
  });
});
