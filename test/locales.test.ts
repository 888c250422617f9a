import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Reason } from '../src/core/audit.js';
import { CODE_LIST, type Code, type CorruptReason, type DataProblem, type FileReason, type ParamsOf, type TemplateLoss, type UsageProblem } from '../src/core/code.js';
import { LOCALES, say, wording } from '../src/core/locales/index.js';
import type { Wording } from '../src/core/locales/wording.js';
import { parsePeriod, type Period } from '../src/core/period.js';
import { ROOT } from './helpers/cli.js';

// Every variant of the parameters that change a sentence; the type checks below fail when a variant is added and not tried here.
const USAGE = [
  { problem: 'unknown-command', command: 'frobnicate' },
  { problem: 'unknown-option', option: '--bogus' },
  { problem: 'option-needs-value', option: '--out' },
  { problem: 'option-takes-no-value', option: '--json' },
  { problem: 'option-one-of', option: '--format', value: 'pdf', choices: ['text', 'json', 'csv', 'xlsx'] },
  { problem: 'option-share', option: '--mistakes', value: '2' },
  { problem: 'option-integer', option: '--seed', value: '1.5' },
  { problem: 'option-required', command: 'template', option: '--period' },
  { problem: 'option-required', command: 'template', option: '--out' },
  { problem: 'output-required', command: 'consolidate' },
  { problem: 'xlsx-needs-out' },
  { problem: 'department-or-all' },
  { problem: 'files-required', command: 'check' },
  { problem: 'one-file', command: 'parse', count: 2 },
  { problem: 'no-file-taken', command: 'template' },
  { problem: 'out-is-input', command: 'reissue', file: '2021-Q2-区科委.xlsx' },
  { problem: 'no-period-found' },
  { problem: 'no-sheets-found', command: 'check', paths: ['收回/'] },
  { problem: 'no-sheet-read', files: [{ file: '收回/a.xls', code: 'file-other-format' }, { file: 'b.xlsx', code: 'file-corrupt' }] },
] as const satisfies readonly UsageProblem[];

const DATA = [
  { reason: 'syntax' },
  { reason: 'syntax', position: 17 },
  { reason: 'not-an-object' },
  { reason: 'type', field: 'behind.yellowFrom', expected: 'number' },
  { reason: 'one-of', field: 'lights.met', choices: ['green', 'yellow', 'red', 'grey'] },
  { reason: 'too-small', field: 'notStartedRedFrom', limit: 0 },
  { reason: 'too-large', field: 'notStartedRedFrom', limit: 1 },
  { reason: 'red-below-yellow', field: 'behind.redFrom' },
  { reason: 'invalid', field: '' },
] as const satisfies readonly DataProblem[];

const CORRUPT = [
  { reason: 'zip-truncated' },
  { reason: 'zip-directory' },
  { reason: 'no-sheets' },
  { reason: 'zip-entry', part: 'xl/worksheets/sheet1.xml' },
  { reason: 'part-damaged', part: 'xl/workbook.xml' },
  { reason: 'zip-method', part: 'xl/worksheets/sheet1.xml', method: 12 },
  { reason: 'inflate', part: 'xl/worksheets/sheet1.xml', detail: 'invalid block type' },
  { reason: 'unreadable', detail: 'Invalid code point 1114112' },
] as const satisfies readonly CorruptReason[];

const LOSSES = [
  { what: 'drawing-in-row', part: 'xl/drawings/drawing1.xml', row: 5 },
  { what: 'comment-in-row', cell: 'K5' },
  { what: 'validation-replaced', cell: 'K5' },
  { what: 'series-across-row', part: 'xl/charts/chart1.xml', range: "'推进情况'!$B$5:$O$5" },
  { what: 'part-kept', part: 'xl/slicers/slicer1.xml' },
  { what: 'macros-removed', part: 'xl/vbaProject.bin' },
  { what: 'merge-across-row', range: 'A4:A5' },
] as const satisfies readonly TemplateLoss[];

const FILE_REASONS = ['not-a-file', 'is-a-directory', 'not-a-directory', 'permission-denied', 'read-only', 'disk-full', 'busy', 'system'] as const satisfies readonly FileReason[];

// Compile-time: every variant is tried.
type Missing<All, Tried> = [Exclude<All, Tried>] extends [never] ? true : Exclude<All, Tried>;
const covered: [
  Missing<UsageProblem['problem'], (typeof USAGE)[number]['problem']>,
  Missing<DataProblem['reason'], (typeof DATA)[number]['reason']>,
  Missing<CorruptReason['reason'], (typeof CORRUPT)[number]['reason']>,
  Missing<FileReason, (typeof FILE_REASONS)[number]>,
  Missing<TemplateLoss['what'], (typeof LOSSES)[number]['what']>,
] = [true, true, true, true, true];

const file = '区科委-推进情况表.xlsx';
const SAMPLES: { readonly [C in Code]: readonly ParamsOf<C>[] } = {
  usage: USAGE,
  'file-not-found': [{ file }],
  'file-unreadable': FILE_REASONS.map((reason) => ({ file, reason, errno: 'EIO' })),
  'file-empty': [{ file }],
  'file-too-large': [{ file, limitMB: 64 }],
  'file-binary': [{ file }],
  'file-unsupported-type': [{ file }],
  'text-encoding-unknown': [{ file }],
  'docx-corrupt': [
    { file, reason: 'not-a-zip' },
    { file, reason: 'truncated' },
    { file, reason: 'no-document' },
    { file, reason: 'too-large' },
    { file, reason: 'unzip', detail: 'unknown compression type 12' },
  ],
  'json-invalid': DATA.map((d) => ({ file, ...d })),
  'plan-no-tasks': [{ file }],
  'output-unwritable': FILE_REASONS.map((reason) => ({ file, reason, errno: 'EIO' })),
  'task-no-departments': [{ task: '2.5.12' }],
  'target-unassigned': [{ targetId: 't2.5.12-1', raw: '400个' }],
  'department-group': [{ name: '各街道', tasks: 3 }],
  'heading-number-repeated': [{ number: '2.5.12', id: 't2.5.12_2' }],
  'heading-number-skipped': [{ previous: 3, number: 5 }],
  'target-metric-missing': [{ raw: '超过1500个' }],
  'period-invalid': [{ period: '2021-Q5' }],
  'department-unknown': [
    { department: '区外事办', period: '2021-Q2', known: ['区科委', '区大数据中心'] },
    { department: '区外事办', period: '2021-Q2', known: [] },
  ],
  'template-missing-placeholder': [{ file, placeholder: '{{entry.evidence}}' }],
  'template-invalid': [
    { file, reason: 'unreadable', detail: 'Corrupted zip' },
    { file, reason: 'too-large', limitMB: 256 },
    { file, reason: 'generated-sheet' },
    { file, reason: 'row-placeholders-on-rows', rows: [5, 9] },
  ],
  'template-not-carried': LOSSES.map((loss) => ({ file, ...loss })),
  'file-not-xlsx': [{ file }],
  'file-other-format': (['xls', 'et', 'ods', 'numbers', 'csv'] as const).map((format) => ({ file, format })),
  'file-corrupt': CORRUPT.map((c) => ({ file, ...c })),
  'template-not-a-progress-sheet': [{ file }],
  'template-unknown-plan': [{ file, planId: 'plan-bef93af30e1d', planTitle: '某区计划', expected: 'plan-1a2b3c4d5e6f' }],
  'template-plan-cell-changed': [{ cell: 'F15', value: '999', expected: '400' }],
  'template-row-deleted': [{ id: 't2.5.12-1', metric: '公共充电桩' }],
  'template-row-added': [{ row: 7 }],
  'entry-not-a-number': [{ cell: 'K5', value: '约三百' }],
  'entry-negative': [{ cell: 'K5', value: -5 }],
  'entry-not-integer': [{ cell: 'K5', value: 3.5, unit: '家' }],
  'entry-percent-out-of-range': [{ cell: 'K6', value: 120 }],
  'entry-unit-converted': [{ cell: 'K5', text: '1.5万', value: 15000, unit: '户' }],
  'entry-status-inconsistent': [
    { cell: 'M5', status: 'done', value: 150, met: false, target: 200 },
    { cell: 'M5', status: 'not-started', value: 200, met: true, target: 200 },
    { cell: 'M5', status: 'done', value: null, met: false, target: 200 },
  ],
  'entry-evidence-missing': [{ cell: 'O9' }],
  'entry-outlier': [{ cell: 'K8', value: 5000, target: 100, factor: 10 }],
  'entry-decreased': [{ cell: 'K7', value: 2700, previous: 2800 }],
  'entry-behind-schedule': [{ cell: 'K5', value: 50, expected: 100 }],
  'entry-below-target': [{ cell: 'K6', value: 39.3, target: 95, unit: '%' }],
  'entry-figure-in-task-row': [{ cell: 'K9', value: '3个' }],
  'entry-overdue': [{ cell: 'L9', deadline: '2021-06-30', status: 'in-progress' }],
  'consolidate-conflict': [{ metric: '公共充电桩', a: '区科委', aValue: 250, aFile: '科委.xlsx', aCell: 'K15', b: '区建设管理委', bValue: 260, bFile: '建管委.xlsx', bCell: 'K6' }],
  'consolidate-missing': [{ department: '区教育局', period: '2021-Q2' }],
  'sheets-plan-versions': [{ title: '某区2021年重点工作计划', planId: 'plan-0f9e8d7c6b5a', generatedAt: '2021-04-01T09:00:00', files: 2, examples: ['区科委.xlsx', '区民政局.xlsx'], usedTitle: '某区2021年重点工作计划', usedPlanId: 'plan-1a2b3c4d5e6f', usedFiles: 15 }],
  'consolidate-duplicate': [{ department: '区教育局', period: '2021-Q2', kept: '新.xlsx', dropped: '旧.xlsx' }],
  'consolidate-wrong-period': [{ file, found: '2021-Q1', expected: '2021-Q2' }],
  'previous-not-read': [{ file, because: 'file-corrupt' }, { file, because: 'template-unknown-plan' }],
  'consolidate-other-plan': [{ file, planTitle: '某区计划' }],
  'reissue-no-plan': [{ file }],
  'history-figure-fell': [
    { metric: '公共充电桩', department: '区科委', from: '2021-Q2', fromValue: 250, to: '2021-Q3', toValue: 200, unit: '个' },
    { metric: '投资', department: null, from: '2021-03', fromValue: 1.2, to: '2022', toValue: 1.1, unit: '亿元' },
  ],
  'policy-invalid': [
    ...DATA.map((d) => ({ file, ...d })),
    { file, reason: 'csv-columns' },
    { file, reason: 'unknown-target', target: 't9.9.9-1' },
    { file, reason: 'unknown-target', target: '' },
    { file, reason: 'unknown-policy', target: 't2.5.12-1', policy: 'average' },
  ],
  'rules-invalid': DATA.map((d) => ({ file, ...d })),
  'groups-invalid': DATA.map((d) => ({ file, ...d })),
  'ledger-invalid': [
    { file, reason: 'damaged' },
    { file, reason: 'not-a-ledger' },
    { file: '', reason: 'no-period', period: '2021-Q5' },
  ],
};

const measured = { figure: 96, value: 176, unit: '个' };
const REASONS = [
  { kind: 'disputed' },
  { kind: 'no-figure' },
  { kind: 'no-status' },
  { kind: 'done-without-evidence' },
  { kind: 'in-progress', deadline: '2021-09-30' },
  { kind: 'reported-behind', deadline: '' },
  { kind: 'not-started', deadline: '2021-12-31' },
  { kind: 'done', evidence: '验收报告' },
  { kind: 'in-progress-due', deadline: '2021-06-30' },
  { kind: 'behind-due', deadline: '2021-06-30' },
  { kind: 'not-started-due', deadline: '2021-06-30' },
  { kind: 'within-ceiling', ...measured },
  { kind: 'above-ceiling', ...measured },
  { kind: 'met', ...measured },
  { kind: 'missed', deadline: '2021-06-30', ...measured },
  { kind: 'on-track', completion: 0.545, share: 0.5, ...measured },
  { kind: 'behind', completion: 0.25, share: 0.5, gap: 25, ...measured },
  { kind: 'below-target', figure: 39.3, value: 95, unit: '%', gap: 58.6 },
  { kind: 'above-ceiling-early', figure: 28, value: 25, unit: '吨', gap: 12 },
] as const satisfies readonly Reason[];
const reasonsCovered: Missing<Reason['kind'], (typeof REASONS)[number]['kind']> = true;

/** Words a Chinese sentence may hold in Latin letters: the command, its options, file types, formats, and values a user types. */
const ALLOWED =
  /plan-ledger(?: (?:parse|template|check|demo-fill|consolidate|audit|reissue|demo|codes))?|--[a-z][\w-]*|PLAN_LEDGER_\w+|npm (?:start|run build:page)|plan\.xlsx|\.(?:txt|docx|json|xlsx|xls|et|ods|numbers|csv|pdf|html)\b|word\/document\.xml|\b(?:UTF|GB18030|GBK|JSON|CSV|XLSX|HTML|BOM|Excel|Word|MB|WPS|LibreOffice|OpenDocument|Apple|Numbers|xlsx|targetId|policy|same|sum|lead|zh-CN|en|text|json|csv|parse|check|consolidate|template|demo-fill|audit)\b|\{\{[\w.]+\}\}/g;

/** The Latin words left in a zh-CN text once the parameters' own values and the allowed words are taken out. */
function englishIn(text: string, values: readonly unknown[] = []): string[] {
  let rest = text;
  for (const v of values.flat().filter((x) => typeof x === 'string' && x !== '').sort((a, b) => String(b).length - String(a).length)) rest = rest.split(String(v)).join(' ');
  return rest.replace(ALLOWED, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}

const LEFTOVER = /\{\w+\}|undefined|NaN|\[object Object\]/;

describe('every code is worded in both languages', () => {
  test('the sample table covers every code and every variant', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...CODE_LIST].sort());
    expect([covered, reasonsCovered]).toEqual([[true, true, true, true, true], true]);
  });

  test.each(CODE_LIST.flatMap((code) => LOCALES.map((locale) => ({ code, locale }))))('$code in $locale: no placeholder left', ({ code, locale }) => {
    const w = wording(locale);
    expect(w.codes[code].title.length).toBeGreaterThan(0);
    for (const params of SAMPLES[code]) {
      const text = say(code, params as never, w);
      expect(text.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(text, JSON.stringify(params)).not.toMatch(LEFTOVER);
      if (locale === 'zh-CN') expect(englishIn(text, Object.values(params)), text).toEqual([]);
    }
  });

  test.each(LOCALES)('every verdict reason in %s', (locale) => {
    const w = wording(locale);
    for (const r of REASONS) {
      const text = w.reason(r);
      expect(text, r.kind).not.toMatch(LEFTOVER);
      if (locale === 'zh-CN') expect(englishIn(text, Object.values(r)), text).toEqual([]);
    }
  });
});

describe('zh-CN says everything in Chinese', () => {
  const zh = wording('zh-CN');
  const period = parsePeriod('2021-Q2') as Period;
  const accounting = { files: 17, sheetsAccepted: 17, filesSkipped: 0, rowsRead: 60, rowsMerged: 60, rowsRejected: 0 };
  const stats = { files: 1, rows: 16, entries: 16, errors: 1, warnings: 2, infos: 0 };

  /** Every text of a wording: its strings, and its functions called with sample arguments. */
  function texts(w: Wording): string[] {
    const out: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') out.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    const { codes: _, reason: __, ...rest } = w;
    walk(rest);
    const c = w.cli;
    out.push(
      w.periodName(period),
      w.percent(0.545),
      w.list(['区科委', '区大数据中心']),
      w.accounting(accounting),
      c.planSummary({ title: '《计划》', sections: 12, tasks: 33, targets: 71, departments: 17, findings: 0 }),
      c.writtenTo('/输出'),
      c.sheetsWritten(17, '2021-Q2', '/输出'),
      c.checkSummary(stats),
      c.checkResult(true),
      c.checkResult(false),
      c.consolidated(accounting, 16),
      c.ledgerWritten('/输出/台账.xlsx'),
      c.audited(60, { green: 40, yellow: 10, red: 5, grey: 5 }),
      c.reportWritten('/输出/报告'),
      c.samplesWritten(17, '/输出'),
      c.demo.records('/输出', 8),
      c.demo.blank('2021-Q1', '/输出/空白表', 17),
      c.demo.filled('2021-Q2', '/输出/示例', 17),
      c.demo.ledger('/输出/台账.xlsx', accounting, 16),
      c.demo.audit('/输出/报告', { count: 7, dir: '/输出/报告/反馈单' }),
      c.demo.page('/输出/plan-ledger.html'),
      c.demo.pageMissing,
      w.sheet.figurePromptTitle(3),
      w.sheet.statusPromptTitle(3),
      ...(['percent', 'whole', 'decimal'] as const).flatMap((k) => [w.sheet.figure[k].prompt('个'), w.sheet.figure[k].error('个'), w.sheet.figure[k].prompt('')]),
      w.demo.evidence('区科委', '序号'),
      c.feedbackWritten(3, '/输出/退回'),
      c.feedbackSkipped(['收回/a.xls', 'b.xlsx']),
      c.formsWritten(7, '/输出/反馈单'),
      w.feedback.fileName('2021-Q2-区科委'),
      w.feedback.intro('2021-Q2-区科委.xlsx', { error: 2, warning: 3, info: 0 }),
      w.feedback.row(7),
      w.feedback.sheetCell('推进情况', 'K6'),
      w.feedback.form.fileName('区科委'),
      w.feedback.form.title('区科委'),
      w.feedback.form.subtitle('某区计划', '2021年第二季度', '2021-07-05'),
      w.revision.versions({ title: '某区计划', id: '甲' }, { title: '某区计划', id: '乙' }),
      w.revision.converted('万户', '户'),
      w.revision.summary({ sheets: 16, carried: 54, dropped: 3, changes: 6 }),
      w.revision.done(16, 54, 3),
      w.revision.cli.sheets(16, '/输出/重发'),
      w.revision.cli.report(['/输出/重发/变更报告/变更报告.xlsx']),
      ...Object.values(w.revision.kind),
      ...Object.values(w.revision.difference),
      ...Object.values(w.revision.reason),
      ...Object.values(w.revision.table.columns),
    );
    return out;
  }

  test('labels, tables, prompts, the template, report headings, CLI lines and help', () => {
    const english = texts(zh)
      // The help text shows commands and options as they are typed.
      .flatMap((t) => englishIn(t).map((word) => `${word} in “${t.slice(0, 60)}”`));
    expect(english).toEqual([]);
  });

  test('both languages word the same things', () => {
    const shape = (w: Wording): string[] => texts(w).map((t) => typeof t);
    expect(shape(wording('en'))).toEqual(shape(zh));
  });
});

describe('locale-dependent wording lives only in src/core/locales/', () => {
  const SRC = join(ROOT, 'src');
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  })(SRC).filter((f) => !relative(SRC, f).startsWith('core/locales/'));

  /** Choices of words by language: comparisons with a locale, zh/en ternaries, tables keyed by language. */
  const CHOICES = [/[!=]==\s*'(?:en|zh-CN)'/, /'(?:en|zh-CN)'\s*[!=]==/, /\b(?:zh|en|english|chinese)\s*\?/i, /\blocale\s*[!=]==/, /\[\s*locale\s*\]/, /'zh-CN'\s*:/, /Record<\s*Locale\b/];

  test.each(files.map((f) => relative(ROOT, f)))('%s', (path) => {
    const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
    const found = lines.flatMap((line, i) => (CHOICES.some((c) => c.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
    expect(found).toEqual([]);
  });
});
