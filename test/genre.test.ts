import { describe, expect, test } from 'vitest';
import { applyGroups, parsePlan, type PlanRecords } from '../src/index.js';

/** A reduced view of targets for table assertions. */
const view = (r: PlanRecords) => r.targets.map((t) => [t.raw, t.value, t.unit, t.comparator]);
const task = (body: string, heading = '1.测试任务。') => `某区2022年工作要点\n一、重点任务\n${heading}${body}(推进单位:区科委)\n`;

describe('headings of the genre', () => {
  // Full-width punctuation, NBSP, ideographic spaces and CRLF throughout.
  const text = [
    '某区2022年工作要点',
    '一、主要目标',
    '到2024年，全区新建5G基站不少于1200个，公共充电桩总数达到5000个。',
    '二、重点任务',
    '（一）\u3000建设数字基础设施',
    '1、推进千兆光网建设。新增千兆宽带用户1.2万户，建成数据中心机架约3000个。（牵头单位：区科委；责任单位：区建管委、各街道）',
    '（1）上半年完成100个小区改造。',
    '（2）年底前建成智慧路灯两百盏。',
    '2．加强智慧医疗。\u00a0全区二级以上医院全部接入，新增互联网医院3家。',
    '（区卫健委牵头，区医保局配合）',
    '（二）强化保障',
    '3.落实资金。安排专项资金5000万元，带动社会投资1.5亿元。(责任单位:区财政局)',
  ].join('\r\n');
  const r = parsePlan(text);

  test('document kind and year come from the title', () => {
    expect(r.document).toMatchObject({ title: '某区2022年工作要点', kind: 'plan', year: 2022 });
  });

  test('sections and tasks with their paths; (1) items belong to their task', () => {
    expect(r.sections.map((s) => [s.id, s.path, s.title])).toEqual([
      ['s1', [1], '主要目标'],
      ['s2', [2], '重点任务'],
      ['s2.1', [2, 1], '建设数字基础设施'],
      ['s2.2', [2, 2], '强化保障'],
    ]);
    expect(r.tasks.map((t) => [t.id, t.sectionId, t.title])).toEqual([
      ['s1-goals', 's1', '主要目标'],
      ['t2.1.1', 's2.1', '推进千兆光网建设'],
      ['t2.1.2', 's2.1', '加强智慧医疗'],
      ['t2.2.3', 's2.2', '落实资金'],
    ]);
    expect(r.tasks[1]?.text).toContain('(2)年底前建成智慧路灯两百盏');
  });

  test('roles: 牵头/责任, 牵头/配合 in both clause forms', () => {
    expect(r.tasks.map((t) => t.departments)).toEqual([
      [{ name: '区政府办公室', role: 'lead' }],
      [
        { name: '区科委', role: 'lead' },
        { name: '区建管委', role: 'responsible' },
        { name: '各街道', role: 'responsible', group: true },
      ],
      [
        { name: '区卫健委', role: 'lead' },
        { name: '区医保局', role: 'support' },
      ],
      [{ name: '区财政局', role: 'responsible' }],
    ]);
    // 各街道 is a group: on the task, with no sheet of its own.
    expect(r.departments.map((d) => d.name)).toEqual(['区政府办公室', '区科委', '区建管委', '区卫健委', '区医保局', '区财政局']);
  });

  test('headline goals in a section’s own paragraphs are a task of their own, reported by the coordinating department', () => {
    expect(r.targets.filter((t) => t.taskId === 's1-goals').map((t) => [t.sectionId, t.metric, t.value, t.comparator, t.basis, t.deadline])).toEqual([
      ['s1', '5G基站', 1200, '>=', 'new', '2024-12-31'],
      ['s1', '公共充电桩总数', 5000, '>=', 'cumulative', '2024-12-31'],
    ]);
    expect(r.tasks[0]).toMatchObject({ id: 's1-goals', headline: true, departments: [{ name: '区政府办公室', role: 'lead' }] });
  });

  test('task targets with metric, basis and deadline', () => {
    expect(r.targets.filter((t) => t.taskId !== null && t.taskId !== 's1-goals').map((t) => [t.taskId, t.metric, t.value, t.unit, t.comparator, t.basis, t.deadline])).toEqual([
      ['t2.1.1', '千兆宽带用户', 12000, '户', '=', 'new', '2022-12-31'],
      ['t2.1.1', '数据中心机架', 3000, '个', '~', 'plain', '2022-12-31'],
      ['t2.1.1', '小区改造', 100, '个', '=', 'plain', '2022-06-30'],
      ['t2.1.1', '智慧路灯', 200, '盏', '=', 'plain', '2022-12-31'],
      ['t2.1.2', '互联网医院', 3, '家', '=', 'new', '2022-12-31'],
      ['t2.2.3', '专项资金', 50_000_000, '元', '=', 'plain', '2022-12-31'],
      ['t2.2.3', '社会投资', 150_000_000, '元', '=', 'plain', '2022-12-31'],
    ]);
  });
});

describe('parts announce kind and year', () => {
  test.each([
    { heading: '第一部分 2021年工作回顾', kind: 'progress', year: 2021, targetKind: 'actual' },
    { heading: '一、2021年完成情况', kind: 'progress', year: 2021, targetKind: 'actual' },
    { heading: '一、2020年工作总结', kind: 'progress', year: 2020, targetKind: 'actual' },
    { heading: '一、2023年工作计划', kind: 'plan', year: 2023, targetKind: 'target' },
    { heading: '一、2023年行动方案', kind: 'plan', year: 2023, targetKind: 'target' },
    { heading: '一、2023年实施方案', kind: 'plan', year: 2023, targetKind: 'target' },
  ])('$heading → $kind $year', ({ heading, kind, year, targetKind }) => {
    const r = parsePlan(`某区年度材料\n${heading}\n(一)建设\n1.建设。新建基站10个。(推进单位:区科委)`);
    expect(r.sections[0]).toMatchObject({ kind, year });
    expect(r.tasks[0]).toMatchObject({ kind, year });
    expect(r.targets[0]).toMatchObject({ kind: targetKind, year, deadline: `${year}-12-31` });
  });

  test('a plan part keeps 达到 as at-least; a progress part reads 达 as the figure reached', () => {
    const r = parsePlan('材料\n一、2020年工作进展\n1.进展。上云率达91.36%。(推进单位:甲)\n二、2021年工作计划\n2.计划。上云率达到95%。(推进单位:甲)');
    expect(view(r)).toEqual([
      ['达91.36%', 91.36, '%', '='],
      ['达到95%', 95, '%', '>='],
    ]);
  });
});

describe('quantities: numerals, 万/亿 and comparators', () => {
  test.each([
    { input: '新增三个平台', expected: [['三个', 3, '个', '=']] },
    { input: '建成1万个充电桩', expected: [['1万个', 10000, '个', '=']] },
    { input: '完成两千零五户改造', expected: [['两千零五户', 2005, '户', '=']] },
    { input: '新增十二所学校', expected: [['十二所', 12, '所', '=']] },
    { input: '投资4.4亿元', expected: [['4.4亿元', 440_000_000, '元', '=']] },
    { input: '意向金额5000万元', expected: [['5000万元', 50_000_000, '元', '=']] },
    { input: '完成1,500个', expected: [['1,500个', 1500, '个', '=']] },
    { input: '完成１５００个', expected: [['１５００个', 1500, '个', '=']] },
    { input: '培训超过200人次', expected: [['超过200人次', 200, '人次', '>']] },
    { input: '覆盖率达到95%以上', expected: [['达到95%以上', 95, '%', '>=']] },
    { input: 'PM2.5年均浓度控制在35微克/立方米以下', expected: [['控制在35微克/立方米以下', 35, '微克/立方米', '<=']] },
    { input: 'PM2.5年均浓度≤37微克/立方米', expected: [['≤37微克/立方米', 37, '微克/立方米', '<=']] },
    { input: '数据中心PUE值不超过1.3', expected: [['不超过1.3', 1.3, '', '<=']] },
    { input: '粮食总产量达到4.2亿斤,生猪出栏45万头', expected: [['达到4.2亿斤', 420_000_000, '斤', '>='], ['45万头', 450_000, '头', '=']] },
    { input: '服务企业1000家次,接种2000万剂次', expected: [['1000家次', 1000, '家次', '='], ['2000万剂次', 20_000_000, '剂次', '=']] },
    { input: '人均预期寿命达到79.2岁', expected: [['达到79.2岁', 79.2, '岁', '>=']] },
    { input: '新增岗位300余个', expected: [['300余个', 300, '个', '>=']] },
    { input: '引进企业50多家', expected: [['50多家', 50, '家', '>=']] },
    { input: '汇聚20+数字企业', expected: [['20+', 20, '', '>=']] },
    { input: '服务不少于80家企业', expected: [['不少于80家', 80, '家', '>=']] },
    { input: '能耗控制在100吨以内', expected: [['控制在100吨以内', 100, '吨', '<=']] },
    { input: '排放控制在3200吨内', expected: [['控制在3200吨内', 3200, '吨', '<=']] },
    { input: '空置率降至5%', expected: [['降至5%', 5, '%', '<=']] },
    { input: '办理时限10个工作日内', expected: [['10个工作日内', 10, '个工作日', '<=']] },
    { input: '产值突破100亿元', expected: [['突破100亿元', 10_000_000_000, '元', '>']] },
    { input: '劳动生产率28万元/人以上', expected: [['28万元/人以上', 280_000, '元/人', '>=']] },
    { input: '吞吐量达到3万吨/年', expected: [['达到3万吨/年', 30_000, '吨/年', '>=']] },
    { input: '新开工5亿元以上项目8个', expected: [['8个', 8, '个', '=']] },
    { input: '营商环境指数达到90', expected: [['达到90', 90, '', '>=']] },
    { input: '就业率提高3个\n百分点', expected: [['3个\n百分点', 3, '个百分点', '=']] },
    { input: '创新活跃度指数120以上', expected: [['120以上', 120, '', '>=']] },
    { input: '数据中心PUE值不高于1.25', expected: [['不高于1.25', 1.25, '', '<=']] },
    { input: '引进亿元以上企业30家', expected: [['30家', 30, '家', '=']] },
    { input: '单次不超过10个', expected: [['不超过10个', 10, '个', '<=']] },
    { input: '建成绿道约5公里', expected: [['约5公里', 5, '公里', '~']] },
    { input: '建成绿道5公里左右', expected: [['5公里左右', 5, '公里', '~']] },
    { input: '成本下降3个百分点', expected: [['3个百分点', 3, '个百分点', '=']] },
    { input: '占比百分之六十', expected: [['百分之六十', 60, '%', '=']] },
    { input: '占比达到百分之六十以上', expected: [['达到百分之六十以上', 60, '%', '>=']] },
    { input: '控制在百分之五以内', expected: [['控制在百分之五以内', 5, '%', '<=']] },
    { input: '带宽提升至100Gbps', expected: [['100Gbps', 100, 'Gbps', '=']] },
    { input: '新建绿地2.5万平方米', expected: [['2.5万平方米', 25000, '平方米', '=']] },
  ])('$input', ({ input, expected }) => {
    expect(view(parsePlan(task(`${input}。`)))).toEqual(expected);
  });

  test.each([
    { input: '公共区域覆盖率达到95%', metric: '公共区域覆盖率', notes: 'a verb inside the noun (覆盖) does not cut it' },
    { input: '数据中心能耗控制在5000吨以内', metric: '数据中心能耗' },
    { input: '人均用水量降至100吨', metric: '人均用水量' },
  ])('metric of $input is $metric', ({ input, metric }) => {
    expect(parsePlan(task(`${input}。`)).targets.map((t) => t.metric)).toEqual([metric]);
  });
});

describe('what is not an indicator', () => {
  test.each([
    { input: '推动第三批培育校、第47届展会、第131次常务会议', notes: 'ordinals' },
    { input: '建设5G和4G网络,支持IPv6、IPv4和SRV6', notes: 'names with digits' },
    { input: '研发北斗2代,承担02专项,打造12345热线,发展O2O和V2X,发布2.0版', notes: 'names with digits' },
    { input: '建设“两张网”,推进“三区联动”,做实“两个免于提交”', notes: 'quoted' },
    { input: '落实《2021年行动计划》和杨府〔2021〕13号,2021年4月8日通过', notes: 'titles, document numbers, dates' },
    { input: '实现千兆接入和万兆扩展,建设一体化平台,提供一站式服务,推进一件事改革', notes: 'set phrases' },
    { input: '按照统一部署,逐一落实,进一步完善唯一标识', notes: 'a numeral inside a word: 统一部署 is no 一部' },
    { input: '完成二次供水改造,一次性办结,推进一带一路', notes: '二次 and 一次 are not counts' },
    { input: '在2020年至2022年间推进3D建模', notes: 'year ranges and 3D' },
    { input: '排名保持全国前20位,力争进入前十名,位列全市第5位', notes: 'ranks' },
    { input: '发布2021年指数,2022年指数2月发布', notes: 'years next to an index' },
    { input: '重点抓好以下四个方面工作', notes: 'the plan’s parts in a sentence (四个方面)' },
    { input: '新增10G-PON端口,推广零部件和零上门服务', notes: 'names (10G-PON) and 零' },
    { input: '160千瓦及以下小微企业低压接入全覆盖,二级及以上医院全部接入', notes: 'category bounds (及以下, 及以上)' },
    { input: '各部门于每季度末前5个工作日报送进展', notes: 'a time before (前5个工作日)' },
  ])('$notes: $input', ({ input }) => {
    expect(view(parsePlan(task(`${input}。`)))).toEqual([]);
  });

  test('a word ending in a set phrase’s first character is no set phrase: 系统一套 is a count', () => {
    expect(parsePlan(task('建设智慧停车诱导系统一套。')).targets.map((t) => [t.raw, t.metric])).toEqual([['一套', '智慧停车诱导系统']]);
  });
});

describe('numbering forms, and counts in headings', () => {
  test.each([
    { heading: '1﹒推进建设。', notes: '1﹒ (U+FE52)' },
    { heading: '1、推进建设。', notes: '1、' },
    { heading: '1.推进建设。', notes: '1.' },
    { heading: '第一条 推进建设。', notes: '第一条' },
  ])('$notes numbers a task', ({ heading }) => {
    const r = parsePlan(`某区2022年工作要点\n一、重点任务\n${heading}新建基站10个。(推进单位:区科委)\n`);
    expect(r.tasks.map((t) => [t.path.join('.'), t.title, t.departments.map((d) => d.name)])).toEqual([['1.1', '推进建设', ['区科委']]]);
    expect(r.targets.map((t) => [t.value, t.unit])).toEqual([[10, '个']]);
  });

  test('the items that name their departments are the tasks: ① under (一), not (一)', () => {
    const r = parsePlan('某区2022年工作要点\n一、重点任务\n(一)数字基础设施\n①推进基站。新建基站10个。【责任单位:区科委】\n②推进光网。新增千兆用户1万户。【责任单位:区经委】\n(二)数字政府\n①深化一网通办。全程网办率达到95%。【责任单位:区政务服务中心】\n');
    expect(r.tasks.map((t) => [t.id, t.sectionId, t.title])).toEqual([
      ['t1.1.1', 's1.1', '推进基站'],
      ['t1.1.2', 's1.1', '推进光网'],
      ['t1.2.1', 's1.2', '深化一网通办'],
    ]);
  });

  test('tasks at 1. in one part and at (1) in another: an item with nothing under it that names its departments is a task', () => {
    const r = parsePlan('某区2022年工作要点\n一、工程建设\n1.推进河道治理\n(1)完成堤防加固18.5公里。(牵头单位:县水务局)\n(2)新建泵站3座。(牵头单位:县水务局)\n二、安全管理\n2.开展安全培训。全年培训800人次。(牵头单位:县应急局)\n');
    expect(r.tasks.map((t) => [t.id, t.title, t.departments.map((d) => d.name)])).toEqual([
      ['t1.1.1', '完成堤防加固18.5公里', ['县水务局']],
      ['t1.1.2', '新建泵站3座', ['县水务局']],
      ['t2.2', '开展安全培训', ['县应急局']],
    ]);
    expect(r.targets.map((t) => [t.taskId, t.raw])).toEqual([
      ['t1.1.1', '18.5公里'],
      ['t1.1.2', '3座'],
      ['t2.2', '800人次'],
    ]);
  });

  test('a section heading’s count (五个方面重点任务) is not a target; a task heading’s figure is', () => {
    const r = parsePlan('某区2022年工作要点\n一、五个方面重点任务\n1.新建基站10个。(推进单位:区科委)\n');
    expect(r.targets.map((t) => t.raw)).toEqual(['10个']);
  });
});

describe('deadlines', () => {
  test.each([
    { input: '到2024年新增10个站点', expected: '2024-12-31' },
    { input: '上半年完成5个站点', expected: '2022-06-30' },
    { input: '年底前建成3个站点', expected: '2022-12-31' },
    { input: '2022年6月底前完成4个站点', expected: '2022-06-30' },
    { input: '2023年3月15日前完成4个站点', expected: '2023-03-15' },
    { input: '三季度完成6个站点', expected: '2022-09-30' },
    { input: '首季完成6个站点', expected: '2022-03-31' },
    { input: '一季度完成6个站点', expected: '2022-03-31' },
    { input: '前三季度完成6个站点', expected: '2022-09-30' },
    { input: '9月底前完成6个站点', expected: '2022-09-30', notes: 'a month of the part’s year' },
    { input: '6月30日前完成6个站点', expected: '2022-06-30' },
    { input: '新建6个站点,2022年10月底前完成', expected: '2022-10-31', notes: 'by when, after the figure' },
    { input: '新建6个站点。\n完成时限:2022年9月30日', expected: '2022-09-30', notes: 'the task’s 完成时限 line' },
    { input: '新建6个站点。完成时限:年底前', expected: '2022-12-31' },
    { input: '新建6个站点。完成时限:长期坚持', expected: '2022-12-31', notes: 'ongoing: the year’s end' },
    { input: '上半年新建6个站点。完成时限:2022年9月30日', expected: '2022-06-30', notes: 'the figure’s own time first' },
    { input: '完成7个站点', expected: '2022-12-31', notes: 'the part’s year end' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parsePlan(task(`${input}。`)).targets.map((t) => t.deadline)).toEqual([expected]);
  });

  test('a multi-year plan defaults to the last year of its range', () => {
    const r = parsePlan('某区数字化转型行动方案(2021—2023年)\n一、重点任务\n1.建设。建成基站10个。(推进单位:区科委)');
    expect(r.targets[0]).toMatchObject({ year: 2021, deadline: '2023-12-31' });
  });
});

describe('identifiers', () => {
  const plain = '某区2022年工作要点\n一、重点任务\n(一)建设\n1.建设。新建基站10个,新增充电桩20个。(推进单位:区科委、区建管委)\n2.保障。(推进单位:区财政局)';
  const reworded = plain.replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/:/g, '：').replace(/\n/g, '\r\n\u3000\u00a0');

  test('ids and content hash do not change with whitespace or punctuation width', () => {
    const a = parsePlan(plain);
    const b = parsePlan(reworded);
    const ids = (r: PlanRecords) => [r.document.id, ...r.sections.map((s) => s.id), ...r.tasks.map((t) => t.id), ...r.targets.map((t) => t.id), ...r.departments.map((d) => d.id)];
    expect(ids(b)).toEqual(ids(a));
    expect(b.document.contentHash).toBe(a.document.contentHash);
    expect(ids(a)).toEqual(['plan-' + a.document.contentHash.slice(0, 12), 's1', 's1.1', 't1.1.1', 't1.1.2', 't1.1.1-1', 't1.1.1-2', 'd-区科委', 'd-区建管委', 'd-区财政局']);
  });

  test('a repeated number gets a distinct id and a finding', () => {
    const r = parsePlan('要点\n一、任务\n1.甲。(推进单位:甲)\n1.乙。(推进单位:乙)\n3.丙。(推进单位:丙)');
    expect(r.tasks.map((t) => t.id)).toEqual(['t1.1', 't1.1_2', 't1.3']);
    expect(r.findings.map((f) => [f.code, f.location.line])).toEqual([
      ['heading-number-repeated', 4],
      ['heading-number-skipped', 5],
    ]);
  });

  test('a task without departments is a finding, not an error, and so is each target it leaves on no sheet', () => {
    const r = parsePlan('要点\n一、任务\n1.甲。新建基站3个。');
    expect(r.findings.map((f) => [f.code, f.severity, f.taskId ?? f.targetId])).toEqual([
      ['task-no-departments', 'warning', 't1.1'],
      ['target-unassigned', 'warning', 't1.1-1'],
    ]);
  });

  test('headline goals before the first numbered heading are tracked, by the coordinating department the issuer implies or one given', () => {
    const text = '上海市2022年数字化工作要点\n2022年全市主要预期目标:全程网办率达到95%,新建5G基站1000个。\n一、重点任务\n1.推进建设。新建基站10个。(牵头单位:市经信委)\n';
    const r = parsePlan(text);
    expect(r.tasks.map((t) => [t.id, t.title, t.departments.map((d) => d.name)])).toEqual([
      ['s0-goals', '2022年全市主要预期目标', ['市政府办公厅']],
      ['t1.1', '推进建设', ['市经信委']],
    ]);
    expect(r.targets.map((t) => [t.taskId, t.raw, t.measure])).toEqual([
      ['s0-goals', '达到95%', 'level'],
      ['s0-goals', '1000个', 'quantity'],
      ['t1.1', '10个', 'quantity'],
    ]);
    expect(parsePlan(text, { coordinator: '市发展改革委' }).tasks[0]?.departments).toEqual([{ name: '市发展改革委', role: 'lead' }]);
  });
});

describe('document facts', () => {
  test('a notice with its plan: 文号, issuer, signature, adoption', () => {
    const r = parsePlan(
      [
        '关于印发《某区2023年数字化工作计划》的通知 2023-03-09',
        '某府办〔2023〕7号',
        '各街道:',
        '《某区2023年数字化工作计划》已经2023年2月20日区政府第15次常务会议审议通过,现印发给你们。',
        '某区人民政府办公室',
        '2023年3月1日',
        '一、重点任务',
        '1.建设。(推进单位:区科委)',
      ].join('\n'),
    );
    expect(r.document).toMatchObject({
      title: '某区2023年数字化工作计划',
      docNumber: '某府办〔2023〕7号',
      issuer: '某区人民政府办公室',
      signedOn: '2023-03-01',
      publishedOn: '2023-03-09',
      adoptedOn: '2023-02-20',
      kind: 'plan',
      year: 2023,
    });
  });
});

describe('departments in every common form, each with its role', () => {
  const plan = (item: string) => parsePlan(`某区2022年工作要点\n一、重点任务\n${item}\n2.做好保障。(推进单位:区财政局)\n`);
  test.each([
    { form: '(推进单位:…)', item: '1.推进建设。新建基站10个。(推进单位:区科委、区建管委)', expected: ['区科委:responsible', '区建管委:responsible'] },
    { form: '(牵头单位:…;责任单位:…)', item: '1.推进建设。新建基站10个。(牵头单位:区科委;责任单位:区建管委)', expected: ['区科委:lead', '区建管委:responsible'] },
    { form: 'lines after the item', item: '1.推进建设。新建基站10个。\n牵头单位:区科委\n责任单位:区建管委、区发改委', expected: ['区科委:lead', '区建管委:responsible', '区发改委:responsible'] },
    { form: '牵头责任单位 / 协同责任单位', item: '1.推进建设。新建基站10个。(牵头责任单位:区科委;协同责任单位:区建管委)', expected: ['区科委:lead', '区建管委:support'] },
    { form: 'a leader named first', item: '1.推进建设。新建基站10个。(责任领导:张三;牵头单位:区科委;责任单位:区建管委)', expected: ['区科委:lead', '区建管委:responsible'] },
    { form: 'a clause followed by more text', item: '1.推进建设。新建基站10个(牵头单位:区科委),年底前完成验收。', expected: ['区科委:lead'] },
    { form: 'a sentence closing the item', item: '1.推进建设。新建基站10个。责任单位:区科委、区建管委。', expected: ['区科委:responsible', '区建管委:responsible'] },
    { form: '(…牵头,…配合)', item: '1.推进建设。新建基站10个。(区科委牵头,区建管委配合)', expected: ['区科委:lead', '区建管委:support'] },
    { form: '(牵头部门:…;配合部门:…)', item: '1.推进建设。新建基站10个。(牵头部门:区科委;配合部门:区建管委)', expected: ['区科委:lead', '区建管委:support'] },
    { form: '【责任单位:…】', item: '1.推进建设。新建基站10个。【责任单位:区科委】', expected: ['区科委:responsible'] },
    { form: 'a role marked after a name', item: '1.推进建设。新建基站10个。\n责任单位:区科委(牵头)、区建管委', expected: ['区科委:lead', '区建管委:responsible'] },
    { form: 'a deadline in the clause', item: '1.推进建设。新建基站10个。(牵头单位:区科委;责任单位:区建管委;完成时限:2022年底前)', expected: ['区科委:lead', '区建管委:responsible'] },
    { form: '由…牵头,…配合 inside the sentence', item: '1.推进建设。新建基站10个,由区科委牵头,区建管委、区发改委配合,确保年底前完成。', expected: ['区科委:lead', '区建管委:support', '区发改委:support'] },
    { form: '…牵头,…配合 closing the item', item: '1.推进建设。新建基站10个。区科委牵头,区建管委配合。', expected: ['区科委:lead', '区建管委:support'] },
    { form: '…(牵头)、…按职责分工负责', item: '1.推进建设。新建基站10个。区科委(牵头)、区建管委按职责分工负责。', expected: ['区科委:lead', '区建管委:responsible'] },
  ])('$form', ({ item, expected }) => {
    const r = plan(item);
    expect(r.tasks.map((t) => t.departments.map((d) => `${d.name}:${d.role}`))).toEqual([expected, ['区财政局:responsible']]);
    expect(r.findings.filter((f) => f.code === 'task-no-departments')).toEqual([]);
    // The clause is not the task's text, and its words are no figure.
    expect(r.tasks[0]?.text).not.toMatch(/单位|部门|领导/);
    expect(r.targets.map((t) => t.raw)).toEqual(['10个']);
  });

  test('a leader is kept as the task’s leader, not a department', () => {
    const r = plan('1.推进建设。新建基站10个。(责任领导:张三;牵头单位:区科委)');
    expect(r.tasks[0]?.leaders).toEqual(['张三']);
    expect(r.departments.map((d) => d.name)).not.toContain('张三');
  });
});

describe('group names (各街道, 各成员单位) are kept as groups', () => {
  const text = [
    '某区2022年工作要点',
    '一、重点任务',
    '1.推进建设。新建基站10个。(牵头单位:区科委;责任单位:各街道、区建管委)',
    '2.开展宣传。开展宣传活动20场。(责任单位:各成员单位)',
    '3.加强协同。召开协调会4次。(责任单位:各县(市、区)、区有关部门)',
  ].join('\n');

  test.each(['各街道', '各镇', '各区政府', '各成员单位', '各县(市、区)', '区有关部门', '其他成员单位', '区政府各委办局'])('%s is a group', (name) => {
    const r = parsePlan(`某区2022年工作要点\n一、重点任务\n1.推进建设。新建基站10个。(责任单位:区科委、${name})\n`);
    expect(r.tasks[0]?.departments).toEqual([
      { name: '区科委', role: 'responsible' },
      { name, role: 'responsible', group: true },
    ]);
    expect(r.departments.map((d) => d.name)).toEqual(['区科委']);
  });

  test('a group gets no sheet, a finding says so once, and a target only a group carries is unassigned', () => {
    const r = parsePlan(text);
    expect(r.departments.map((d) => d.name)).toEqual(['区科委', '区建管委']);
    expect(r.findings.map((f) => [f.code, f.params])).toEqual([
      ['department-group', { name: '各街道', tasks: 1 }],
      ['department-group', { name: '各成员单位', tasks: 1 }],
      ['department-group', { name: '各县(市、区)', tasks: 1 }],
      ['department-group', { name: '区有关部门', tasks: 1 }],
      ['target-unassigned', { targetId: 't1.2-1', raw: '20场' }],
      ['target-unassigned', { targetId: 't1.3-1', raw: '4次' }],
    ]);
  });

  test('a groups file lists the members: they report with the group’s role, and its findings are gone', () => {
    const r = applyGroups(parsePlan(text), { 各街道: ['殷行街道', '五角场街道'], 各成员单位: ['区科委', '区发改委'] });
    expect(r.tasks.map((t) => t.departments.map((d) => `${d.name}:${d.role}${d.of ? `<${d.of}` : ''}${d.group ? '*' : ''}`))).toEqual([
      ['区科委:lead', '殷行街道:responsible<各街道', '五角场街道:responsible<各街道', '区建管委:responsible'],
      ['区科委:responsible<各成员单位', '区发改委:responsible<各成员单位'],
      ['各县(市、区):responsible*', '区有关部门:responsible*'],
    ]);
    expect(r.departments.map((d) => [d.name, d.taskIds])).toEqual([
      ['区科委', ['t1.1', 't1.2']],
      ['殷行街道', ['t1.1']],
      ['五角场街道', ['t1.1']],
      ['区建管委', ['t1.1']],
      ['区发改委', ['t1.2']],
    ]);
    expect(r.findings.map((f) => f.code)).toEqual(['department-group', 'department-group', 'target-unassigned']);
  });
});
