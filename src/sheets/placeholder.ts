import type { Locale } from '../core/code.js';

/** Where a placeholder may stand: once anywhere (header), or in the one row that is repeated per row. */
export type PlaceholderScope = 'header' | 'row' | 'entry';

interface PlaceholderInfo {
  readonly scope: PlaceholderScope;
  readonly required?: boolean;
  readonly text: Readonly<Record<Locale, string>>;
}

const p = (scope: PlaceholderScope, zh: string, en: string, required = false): PlaceholderInfo => ({ scope, required, text: { 'zh-CN': zh, en } });

/** Every placeholder a progress-sheet template may use; README's table is generated from this. */
export const PLACEHOLDERS = {
  'plan.title': p('header', '计划名称', 'plan title'),
  'plan.docNumber': p('header', '文号', 'document number'),
  'plan.id': p('header', '计划编号', 'plan id'),
  'department.name': p('header', '填报单位', 'department'),
  'period.label': p('header', '填报期间(如 2021年第二季度)', 'period as words (2021年第二季度)'),
  'period.code': p('header', '期间代码(如 2021-Q2)', 'period code (2021-Q2)'),
  'period.share': p('header', '序时进度(如 50%)', 'time-elapsed share (50%)'),
  generatedAt: p('header', '生成时间', 'generation time'),
  'row.id': p('row', '指标或任务编号(可隐藏;用于回读时识别行)', 'target or task id (may be hidden; identifies rows on read-back)'),
  'row.number': p('row', '序号', 'row number'),
  'task.code': p('row', '任务层级序号(如 2.5.12)', 'task path (2.5.12)'),
  'task.title': p('row', '任务名称', 'task title'),
  'target.metric': p('row', '指标', 'metric'),
  'target.value': p('row', '目标值', 'target value'),
  'target.unit': p('row', '单位', 'unit'),
  'target.comparator': p('row', '比较方式(≥、≤、约)', 'comparator (≥, ≤, ~)'),
  'target.deadline': p('row', '完成时限', 'deadline'),
  baseline: p('row', '上年基数', 'last year’s figure'),
  expected: p('row', '序时目标(目标值 × 序时进度)', 'time-elapsed target (value × share)'),
  completion: p('row', '完成率(公式)', 'completion rate (a formula)'),
  'entry.actual': p('entry', '完成值(填报)', 'reported figure (input)', true),
  'entry.status': p('entry', '状态:未启动/推进中/已完成/滞后(填报)', 'status (input)', true),
  'entry.note': p('entry', '进展说明(填报)', 'progress note (input)'),
  'entry.evidence': p('entry', '佐证材料(填报)', 'evidence (input)', true),
} as const satisfies Record<string, PlaceholderInfo>;

export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_LIST = Object.keys(PLACEHOLDERS) as Placeholder[];
export const REQUIRED_PLACEHOLDERS = PLACEHOLDER_LIST.filter((name) => (PLACEHOLDERS[name] as PlaceholderInfo).required);

const TOKEN = /\{\{\s*([\w.]+)\s*\}\}/g;

/** Placeholder names in a text, known or not. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1] as string);
}

export function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

export function isRowPlaceholder(name: string): boolean {
  return isPlaceholder(name) && PLACEHOLDERS[name].scope !== 'header';
}

/** The placeholder a cell holds when it holds exactly one and nothing else. */
export function soloPlaceholder(text: string): string | undefined {
  const m = /^\s*\{\{\s*([\w.]+)\s*\}\}\s*$/.exec(text);
  return m?.[1];
}

/** Replaces every {{name}} whose value is known; leaves unknown ones as they are. */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(TOKEN, (whole, name: string) => values[name] ?? whole);
}

/** A Markdown table of the placeholders, for README. */
export function placeholderTable(locale: Locale = 'zh-CN'): string {
  const scope: Record<PlaceholderScope, string> =
    locale === 'zh-CN' ? { header: '表头', row: '行模板', entry: '行模板(填报格)' } : { header: 'header', row: 'row template', entry: 'row template (input)' };
  const head = locale === 'zh-CN' ? '| 占位符 | 位置 | 必需 | 含义 |' : '| placeholder | where | required | meaning |';
  const rows = PLACEHOLDER_LIST.map((name) => {
    const info: PlaceholderInfo = PLACEHOLDERS[name];
    return `| \`{{${name}}}\` | ${scope[info.scope]} | ${info.required ? '✓' : ''} | ${info.text[locale]} |`;
  });
  return [head, '| --- | --- | --- | --- |', ...rows].join('\n');
}
