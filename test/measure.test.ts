// Targets judged by what they measure (measure.ts): counts pro-rated by time elapsed, in whole units; rates, shares
// and indices at their value; ceilings from below; growth rates as rates. Over short texts in the genre's style.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { buildDocx } from './helpers/docx.js';
import { check, edit, makeSheet } from './helpers/sheets.js';
import { planFromBytes } from '../src/io/plan-source.js';
import { auditTables, ledgerTables } from '../src/report/tables.js';
import { wording } from '../src/core/locales/index.js';
import { auditLedger, consolidate, openWorkbook, readMetas, sheetReader, DEFAULT_RULES, judge, parseRules, type SheetSource, parsePeriod, parsePlan, expectedValue, type Audit, type LedgerRow, type Measure } from '../src/index.js';

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

  /** Each department's sheet for the period, its figures typed by exceljs, consolidated and audited. */
  async function auditAt(period: string): Promise<Audit> {
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
    return auditLedger(await consolidate(inputs, records, sheetReader(records), { period: at }));
  }

  /** metric → [verdict, light]. */
  async function audited(period: string): Promise<Record<string, [string, string]>> {
    const audit = await auditAt(period);
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

  test('the ledger and the audit show money in 亿元 as the sheets did, and the audit’s reasons quote it so', async () => {
    const audit = await auditAt('2022-Q2');
    const w = wording('zh-CN');
    const rowOf = (table: { rows: readonly (readonly unknown[])[] } | undefined) => table?.rows.find((r) => r.includes('数据中心项目投资'));
    const details = auditTables(audit, w).find((t) => t.name === 'details');
    const ledger = ledgerTables(audit.ledger, w).find((t) => t.name === 'ledger');
    expect(rowOf(details)).toEqual(expect.arrayContaining([1.2, '亿元', '按序时进度', 0.7, '完成 0.7亿元/1.2亿元(58.3%),序时进度 50%']));
    expect(rowOf(ledger)).toEqual(expect.arrayContaining([1.2, '亿元', 0.7]));
    expect(audit.ledger.rows.find((r) => r.metric === '数据中心项目投资')).toMatchObject({ value: 120_000_000, figure: 70_000_000, stated: { unit: '亿元', factor: 1e8 } });
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

describe('milestones: tasks with no figure, due by their deadline', () => {
  const records = parsePlan(
    [
      '某区2021年重点工作计划',
      '一、重点任务',
      '1.出台数字化转型实施方案。研究制定全区实施方案,报区政府审定。',
      '牵头单位:区发改委',
      '完成时限:2021年6月底前',
      '2.建设城市运行管理平台。年底前建成区级平台并上线运行。(牵头单位:区大数据中心)',
      '3.开展智慧社区试点。9月底前完成试点方案,11月底前启动建设。(牵头单位:区民政局)',
      '4.推进公共数据开放。持续推进公共数据开放共享。(牵头单位:区大数据中心)',
      '5.建设区级数据中心。到2022年,建成区级数据中心。(牵头单位:区科委)',
      '6.建设公共充电桩。新增公共充电桩400个,年底前完成。(牵头单位:区建管委)',
      '二、重点项目',
      '序号\t工作任务\t牵头单位\t完成时限',
      '7\t出台公共数据安全管理办法\t区网信办\t2021年9月30日',
    ].join('\n'),
  );

  test('each task with no figure is a milestone, due by its 完成时限 line or column, else by when its words say, else at its year’s end', () => {
    expect(records.tasks.map((t) => [t.id, t.measure ?? null, t.deadline ?? null])).toEqual([
      ['t1.1', 'milestone', '2021-06-30'], // 完成时限:2021年6月底前
      ['t1.2', 'milestone', '2021-12-31'], // 年底前建成
      ['t1.3', 'milestone', '2021-11-30'], // the later of 9月底前 and 11月底前
      ['t1.4', 'milestone', null], // 持续推进: the year's end
      ['t1.5', 'milestone', '2022-12-31'], // 到2022年
      ['t1.6', null, null], // a figure: its target has the deadline
      ['t2.7', 'milestone', '2021-09-30'], // the table's 完成时限 column
    ]);
    expect(records.targets.map((t) => [t.taskId, t.deadline])).toEqual([['t1.6', '2021-12-31']]);
  });

  /** A ledger row for one task, reported with a status and evidence. */
  function taskRow(id: string, status: LedgerRow['status'], evidence = ''): LedgerRow {
    const task = records.tasks.find((t) => t.id === id);
    if (!task) throw new Error(id);
    return {
      id, kind: 'task', targetId: null, taskId: id, sectionId: task.sectionId, path: task.path.join('.'), taskTitle: task.title, metric: '', value: null, unit: '', comparator: null,
      basis: null, measure: 'milestone', year: task.year, deadline: task.deadline ?? '2021-12-31', policy: 'same', departments: task.departments.map(({ name, role }) => ({ name, role })),
      reports: [], figure: null, status, evidence, disputed: false,
    };
  }

  test.each([
    { id: 't1.1', status: 'in-progress', at: '2021-Q1', verdict: 'on-track', light: 'green', notes: 'before its deadline' },
    { id: 't1.1', status: 'in-progress', at: '2021-Q2', verdict: 'missed', light: 'red', notes: 'due 2021-06-30 and not done' },
    { id: 't1.1', status: 'done', evidence: '区政府常务会议纪要〔2021〕12号', at: '2021-Q2', verdict: 'met', light: 'green' },
    { id: 't1.1', status: 'done', at: '2021-Q2', verdict: 'disputed', light: 'grey', notes: 'done with no evidence' },
    { id: 't1.2', status: 'not-started', at: '2021-Q1', verdict: 'behind', light: 'yellow', notes: 'a quarter of the way to its deadline' },
    { id: 't1.2', status: 'not-started', at: '2021-Q2', verdict: 'behind', light: 'red', notes: 'half the way: notStartedRedFrom' },
    { id: 't2.7', status: 'not-started', at: '2021-Q2', verdict: 'behind', light: 'red', notes: 'two thirds of the way to 2021-09-30' },
    { id: 't1.2', status: 'behind', at: '2021', verdict: 'missed', light: 'red' },
    { id: 't1.5', status: 'in-progress', at: '2021', verdict: 'on-track', light: 'green', notes: 'due in 2022' },
    { id: 't1.5', status: null, at: '2021-Q2', verdict: 'no-data', light: 'grey' },
  ] as const)('$id $status at $at: $verdict, $light', ({ id, status, at, verdict, light, ...rest }) => {
    const period = parsePeriod(at);
    if (!period) throw new Error(at);
    const evidence = 'evidence' in rest ? rest.evidence : '';
    expect(judge(taskRow(id, status, evidence), period, DEFAULT_RULES)).toMatchObject({ verdict, light });
  });

  test('a milestone due in a later year is on that year’s sheets too', async () => {
    const { worklist } = await import('../src/core/worklist.js');
    const y2022 = parsePeriod('2022');
    if (!y2022) throw new Error('2022');
    expect(worklist(records, '区科委', y2022).map((i) => i.task.id)).toEqual(['t1.5']);
    expect(worklist(records, '区发改委', y2022)).toEqual([]);
  });

  test('end to end: the sheet shows the deadline, check says a task past it is overdue, and the ledger and audit judge it as a milestone', async () => {
    const blank = await makeSheet(records, '区发改委', '2021-Q2');
    const [meta] = readMetas(openWorkbook(blank));
    const row = meta?.rows.find((r) => r.taskId === 't1.1');
    if (!meta || !row) throw new Error('no row for t1.1');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(blank as unknown as ArrayBuffer);
    const shown = workbook.worksheets.find((s) => s.state === 'visible')?.getCell(`${meta.columns['target.deadline']}${row.row}`).value;
    expect(shown).toBe('2021-06-30');

    const filled = await edit(blank, (sheet) => {
      sheet.getCell(`${meta.columns['entry.status']}${row.row}`).value = '推进中';
      sheet.getCell(`${meta.columns['entry.note']}${row.row}`).value = '方案已形成初稿,正在征求意见';
    });
    const statusCell = `${meta.columns['entry.status']}${row.row}`;
    const report = await check({ '区发改委.xlsx': filled }, records);
    expect(report.findings.map((f) => [f.code, f.location.cell, f.params])).toEqual([['entry-overdue', statusCell, { cell: statusCell, deadline: '2021-06-30', status: 'in-progress' }]]);

    const q2 = parsePeriod('2021-Q2');
    if (!q2) throw new Error('period');
    const audit = auditLedger(await consolidate([{ file: '区发改委.xlsx', bytes: filled }], records, sheetReader(records), { period: q2 }));
    const i = audit.ledger.rows.findIndex((r) => r.taskId === 't1.1');
    expect(audit.ledger.rows[i]).toMatchObject({ kind: 'task', measure: 'milestone', deadline: '2021-06-30', status: 'in-progress' });
    expect(audit.judgements[i]).toMatchObject({ verdict: 'missed', light: 'red', reason: { kind: 'in-progress-due', deadline: '2021-06-30' } });
  });
});
