import { describe, expect, test } from 'vitest';
import { parsePlan, type PlanRecords } from '../src/index.js';
import { planFromBytes } from '../src/io/plan-source.js';
import { buildDocx, type DocxBlock, type DocxCell } from './helpers/docx.js';

/** Tasks as [id, section, title, departments with roles]. */
const tasksOf = (r: PlanRecords) => r.tasks.map((t) => [t.id, t.sectionId, t.title, t.departments.map((d) => `${d.name}:${d.role}`).join(' ')]);
const targetsOf = (r: PlanRecords) => r.targets.map((t) => [t.taskId, t.metric, t.value, t.unit, t.comparator, t.kind, t.deadline, t.measure]);
const docx = (blocks: readonly DocxBlock[], options?: Parameters<typeof buildDocx>[1]) => planFromBytes(buildDocx(blocks, options), 'plan.docx');
const table = (...rows: DocxCell[][]): DocxBlock => ({ rows });

describe('task tables (任务分工表) become tasks row by row', () => {
  test('a table in a plain text plan (cells parted by tabs, as Word copies them), under each part', () => {
    const r = parsePlan(
      [
        '某区2022年数字化转型工作要点',
        '一、数字基础设施',
        '序号\t工作任务\t工作目标\t牵头单位\t责任单位\t完成时限',
        '1\t推进5G网络建设\t新建5G基站500个\t区科委\t区建管委、各街道\t2022年12月31日',
        '2\t建设数据中心\t新增机架1000个,PUE控制在1.3以下\t区发改委\t区科委\t2022年6月底',
        '二、数字政府',
        '序号\t工作任务\t工作目标\t牵头单位\t责任单位\t完成时限',
        '1\t深化一网通办\t全程网办率达到95%\t区政务服务中心\t\t年底前',
      ].join('\n'),
    );
    expect(r.sections.map((s) => [s.id, s.title])).toEqual([
      ['s1', '数字基础设施'],
      ['s2', '数字政府'],
    ]);
    expect(tasksOf(r)).toEqual([
      ['t1.1', 's1', '推进5G网络建设', '区科委:lead 区建管委:responsible 各街道:responsible'],
      ['t1.2', 's1', '建设数据中心', '区发改委:lead 区科委:responsible'],
      ['t2.1', 's2', '深化一网通办', '区政务服务中心:lead'],
    ]);
    expect(targetsOf(r)).toEqual([
      ['t1.1', '5G基站', 500, '个', '=', 'target', '2022-12-31', 'quantity'],
      ['t1.2', '机架', 1000, '个', '=', 'target', '2022-06-30', 'quantity'],
      ['t1.2', 'PUE', 1.3, '', '<=', 'target', '2022-06-30', 'ceiling'],
      ['t2.1', '全程网办率', 95, '%', '>=', 'target', '2022-12-31', 'level'],
    ]);
    // 各街道 is a group: kept on the task, said once, on no sheet of its own.
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([['department-group', { name: '各街道', tasks: 1 }]]);
    // A source an auditor can find: the row's figure and its cell's words.
    expect(r.targets[0]?.sentence).toContain('新建5G基站500个');
  });

  test.each([
    {
      layout: 'columns in another order, with synonyms (主要任务 · 目标任务 · 责任部门 · 配合单位 · 完成时间)',
      rows: [
        ['完成时间', '主要任务', '责任部门', '目标任务', '配合单位', '序号'],
        ['2022年9月', '建设智慧停车场', '区交通委', '新增智慧停车泊位2000个', '区公安分局、区城管局', '1'],
      ],
      expected: [['t1.1', 's1', '建设智慧停车场', '区交通委:responsible 区公安分局:support 区城管局:support']],
      deadline: '2022-09-30',
    },
    {
      layout: '牵头责任单位 / 协同责任单位, a leader column, names on lines of their own in a cell',
      rows: [
        ['序号', '重点工作', '责任领导', '牵头责任单位', '协同责任单位', '时间节点'],
        ['1', '建设智慧停车场,新增智慧停车泊位2000个', '张三', '区交通委', '区公安分局\n区城管局', '前三季度'],
      ],
      expected: [['t1.1', 's1', '建设智慧停车场', '区交通委:lead 区公安分局:support 区城管局:support']],
      deadline: '2022-09-30',
    },
    {
      layout: 'one 责任单位 column naming the lead in the cell (区交通委(牵头)), and 一季度',
      rows: [
        ['序号', '工作任务', '具体目标', '责任单位', '完成时限'],
        ['一', '建设智慧停车场', '新增智慧停车泊位2000个', '区交通委(牵头)、区公安分局', '一季度'],
      ],
      expected: [['t1.1', 's1', '建设智慧停车场', '区交通委:lead 区公安分局:responsible']],
      deadline: '2022-03-31',
    },
    {
      layout: '长期坚持 in the deadline column: the year’s end',
      rows: [
        ['序号', '工作任务', '工作目标', '牵头单位', '完成时限'],
        ['1', '建设智慧停车场', '新增智慧停车泊位2000个', '区交通委', '长期坚持'],
      ],
      expected: [['t1.1', 's1', '建设智慧停车场', '区交通委:lead']],
      deadline: '2022-12-31',
    },
  ])('$layout', ({ rows, expected, deadline }) => {
    const r = docx([{ text: '某区2022年智慧交通工作计划' }, { text: '一、重点任务' }, table(...rows)]);
    expect(tasksOf(r)).toEqual(expected);
    expect(r.targets.map((t) => [t.metric, t.value, t.unit, t.deadline])).toEqual([['智慧停车泊位', 2000, '个', deadline]]);
    expect(r.tasks[0]?.leaders ?? []).toEqual(rows[0]?.includes('责任领导') ? ['张三'] : []);
  });

  test('merged cells: a lead unit merged down the rows it leads, parts as rows across the table', () => {
    const r = docx([
      { text: '某区2022年新型基础设施建设工作计划' },
      table(
        ['序号', '工作任务', '工作目标', '牵头单位', '完成时限'],
        [{ text: '一、信息基础设施', span: 5 }],
        ['1', '推进5G网络建设', '新建5G基站500个', { text: '区科委', merge: 'restart' }, '年底前'],
        ['2', '推进千兆光网', '新增千兆用户1万户', { text: '', merge: 'continue' }, '年底前'],
        [{ text: '二、融合基础设施', span: 5 }],
        [{ text: '智慧交通', span: 5 }],
        ['3', '建设充电桩', '新增公共充电桩400个', '区发改委', '2022年10月底'],
      ),
    ]);
    expect(r.sections.map((s) => [s.id, s.title])).toEqual([
      ['s1', '信息基础设施'],
      ['s2', '融合基础设施'],
    ]);
    expect(tasksOf(r)).toEqual([
      ['t1.1', 's1', '推进5G网络建设', '区科委:lead'],
      ['t1.2', 's1', '推进千兆光网', '区科委:lead'],
      ['t2.3', 's2', '建设充电桩', '区发改委:lead'],
    ]);
    expect(r.targets.map((t) => [t.taskId, t.value, t.unit, t.deadline])).toEqual([
      ['t1.1', 500, '个', '2022-12-31'],
      ['t1.2', 10000, '户', '2022-12-31'],
      ['t2.3', 400, '个', '2022-10-31'],
    ]);
  });

  test('a progress table (年度目标 / 完成情况 / 责任部门): the year’s target and the result, on one task', () => {
    const r = docx([
      { text: '某区2022年上半年重点工作计划执行情况' },
      table(['序号', '工作任务', '年度目标', '完成情况', '责任部门'], ['1', '深化一网通办', '全程网办率达到95%', '已达到80%', '区政务服务中心'], ['2', '建设充电桩', '新增公共充电桩400个', '已建成150个', '区发改委']),
    ]);
    expect(r.document.kind).toBe('progress');
    expect(tasksOf(r)).toEqual([
      ['t1', null, '深化一网通办', '区政务服务中心:responsible'],
      ['t2', null, '建设充电桩', '区发改委:responsible'],
    ]);
    expect(r.targets.map((t) => [t.taskId, t.metric, t.value, t.unit, t.kind])).toEqual([
      ['t1', '全程网办率', 95, '%', 'target'],
      ['t1', '全程网办率', 80, '%', 'actual'],
      ['t2', '公共充电桩', 400, '个', 'target'],
      ['t2', '公共充电桩', 150, '个', 'actual'],
    ]);
  });

  test('paragraph text and tables in one document both count, in document order', () => {
    const r = docx([
      { text: '某区2022年数字化转型工作要点' },
      { text: '2022年主要目标:数字经济核心产业增加值增长10%。' },
      { text: '一、数字经济' },
      { text: '1.培育数字企业。新增数字经济企业50家。(牵头单位:区商务委)' },
      { text: '2.建设产业园区。园区入驻率不低于85%。(牵头单位:区科委)' },
      { text: '二、数字政府' },
      { text: '附表:数字政府重点任务分工' },
      table(['序号', '工作任务', '工作目标', '牵头单位'], ['3', '深化一网通办', '全程网办率达到95%', '区政务服务中心']),
      { text: '三、保障措施' },
      { text: '4.加强资金保障。安排专项资金1.2亿元。(责任单位:区财政局)' },
    ]);
    expect(tasksOf(r)).toEqual([
      ['s0-goals', null, '2022年主要目标', '区政府办公室:lead'],
      ['t1.1', 's1', '培育数字企业', '区商务委:lead'],
      ['t1.2', 's1', '建设产业园区', '区科委:lead'],
      ['t2.3', 's2', '深化一网通办', '区政务服务中心:lead'],
      ['t3.4', 's3', '加强资金保障', '区财政局:responsible'],
    ]);
    expect(r.targets.map((t) => [t.taskId, t.value, t.unit, t.measure])).toEqual([
      ['s0-goals', 10, '%', 'growth'],
      ['t1.1', 50, '家', 'quantity'],
      ['t1.2', 85, '%', 'level'],
      ['t2.3', 95, '%', 'level'],
      ['t3.4', 120_000_000, '元', 'quantity'],
    ]);
    expect(r.findings).toEqual([]);
  });

  test('a table that is not a task table (a list of figures with no one answering for them) is left as text', () => {
    const r = parsePlan(['某区2022年工作要点', '一、重点任务', '1.推进建设。新建基站10个。(推进单位:区科委)', '指标\t2021年\t2022年', '基站\t100\t110'].join('\n'));
    expect(tasksOf(r)).toEqual([['t1.1', 's1', '推进建设', '区科委:responsible']]);
  });

  test('a row naming no department is said', () => {
    const r = parsePlan(['某区2022年工作要点', '一、重点任务', '序号\t工作任务\t牵头单位\t完成时限', '1\t新建基站10个\t\t年底前'].join('\n'));
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ['task-no-departments', { task: '1.1' }],
      ['target-unassigned', { targetId: 't1.1-1', raw: '10个' }],
    ]);
  });
});

describe('Word numbering the text does not hold', () => {
  const STYLES = [
    // 标题 1 and 标题 2 number themselves by list 1's levels 0 and 1; 任务 is linked to level 2 by the level's w:pStyle.
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="TaskItem"><w:name w:val="任务"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
  ].join('');
  const level = (ilvl: number, fmt: string, text: string, extra = '') =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
  // List 2: tasks numbered 1. on their own, restarting never (w:lvlRestart 0) but where a list instance says so.
  const NUMBERING = [
    `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.', '<w:pStyle w:val="TaskItem"/>')}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="2">${level(0, 'chineseCounting', '%1、')}${level(1, 'decimal', '%2.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>`,
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>',
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
  ].join('');
  const build = (blocks: DocxBlock[]) => docx(blocks, { styles: STYLES, numbering: NUMBERING });

  test('headings numbered by their paragraph style (标题 1 → 一、, 标题 2 → (一), a linked style → 1.)', () => {
    const r = build([
      { text: '某区2022年工作要点' },
      { text: '重点任务', style: 'Heading1' },
      { text: '数字基础设施', style: 'Heading2' },
      { text: '推进建设。新建基站10个。(推进单位:区科委)', style: 'TaskItem' },
      { text: '推进光网。新增千兆用户1万户。(推进单位:区科委)', style: 'TaskItem' },
      { text: '数字政府', style: 'Heading2' },
      { text: '深化一网通办。全程网办率达到95%。(推进单位:区政务服务中心)', style: 'TaskItem' },
    ]);
    expect(r.sections.map((s) => [s.id, s.title])).toEqual([
      ['s1', '重点任务'],
      ['s1.1', '数字基础设施'],
      ['s1.2', '数字政府'],
    ]);
    // The task list runs on across parts, as Word numbers it.
    expect(r.tasks.map((t) => [t.id, t.title])).toEqual([
      ['t1.1.1', '推进建设'],
      ['t1.1.2', '推进光网'],
      ['t1.2.3', '深化一网通办'],
    ]);
  });

  test('w:lvlRestart 0: the task numbers run on under each new part; a list instance’s w:startOverride restarts them', () => {
    const r = build([
      { text: '某区2022年工作要点' },
      { text: '数字基础设施', level: 0, list: 3 },
      { text: '推进建设。新建基站10个。(推进单位:区科委)', level: 1, list: 3 },
      { text: '数字政府', level: 0, list: 3 },
      { text: '深化一网通办。全程网办率达到95%。(推进单位:区政务服务中心)', level: 1, list: 3 },
      { text: '保障措施', level: 0, list: 3 },
      { text: '落实资金。安排专项资金5000万元。(推进单位:区财政局)', style: 'TaskItem' },
      { text: '加强宣传。开展宣传活动4次。(推进单位:区委宣传部)', style: 'TaskItem' },
      { text: '督查考核', level: 0, list: 3 },
      { text: '加强督查。开展督查4次。(推进单位:区政府办公室)', level: 0, list: 4 },
    ]);
    expect(r.tasks.map((t) => [t.id, t.title])).toEqual([
      ['t1.1', '推进建设'],
      ['t2.2', '深化一网通办'],
      ['t3.1', '落实资金'],
      ['t3.2', '加强宣传'],
      ['t4.1', '加强督查'],
    ]);
    expect(r.findings).toEqual([]);
  });
});
