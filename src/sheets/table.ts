import type { Locale } from '../core/code.js';
import { STATUS_LABELS } from '../core/entry.js';
import type { Finding, PlanRecords } from '../core/record.js';
import type { Ledger, LedgerRow } from '../core/ledger.js';
import { LIGHT_LABELS, VERDICT_LABELS, type Judgement, type RollUp } from '../core/audit.js';
import type { Audit } from './audit.js';
import { flattenFinding, type Report } from '../core/report.js';

export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  readonly header: Readonly<Record<Locale, string>>;
  /** Width in characters for spreadsheets. */
  readonly width: number;
  /** How a spreadsheet shows it: a percentage, a percentage with a data bar, or a traffic-light fill. */
  readonly style?: 'percent' | 'bar' | 'light';
}

/** One flat table of the records: what becomes a CSV file and an XLSX sheet. */
export interface Table {
  readonly name: string;
  readonly title: Readonly<Record<Locale, string>>;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

type Spec<T> = ReadonlyArray<readonly [key: string, zh: string, en: string, width: number, get: (row: T) => Cell, style?: Column['style']]>;

export function table<T>(name: string, zh: string, en: string, items: readonly T[], spec: Spec<T>): Table {
  return {
    name,
    title: { 'zh-CN': zh, en },
    columns: spec.map(([key, zhHeader, enHeader, width, , style]) => ({ key, header: { 'zh-CN': zhHeader, en: enHeader }, width, ...(style ? { style } : {}) })),
    rows: items.map((item) => spec.map(([, , , , get]) => get(item))),
  };
}

const joinPath = (path: readonly number[]): string => path.join('.');

/** The records as flat tables: document, sections, tasks, task departments, targets, departments, findings. */
export function recordTables(records: PlanRecords): Table[] {
  const { document: d } = records;
  const documentRows: [string, Cell][] = [
    ['id', d.id],
    ['title', d.title],
    ['docNumber', d.docNumber],
    ['issuer', d.issuer],
    ['signedOn', d.signedOn],
    ['publishedOn', d.publishedOn],
    ['adoptedOn', d.adoptedOn],
    ['kind', d.kind],
    ['year', d.year],
    ['contentHash', d.contentHash],
    ['sourceFile', records.source.file],
    ['sourceEncoding', records.source.encoding],
  ];
  const assignments = records.tasks.flatMap((task) =>
    task.departments.map((a, i) => ({ taskId: task.id, path: task.path, order: i + 1, ...a })),
  );
  return [
    table('document', '文件信息', 'Document', documentRows, [
      ['field', '字段', 'Field', 14, ([field]) => field],
      ['value', '内容', 'Value', 60, ([, value]) => value],
    ]),
    table('sections', '章节', 'Sections', records.sections, [
      ['id', '编号', 'ID', 10, (s) => s.id],
      ['path', '层级序号', 'Path', 10, (s) => joinPath(s.path)],
      ['parentId', '上级编号', 'Parent ID', 10, (s) => s.parentId],
      ['title', '标题', 'Title', 50, (s) => s.title],
      ['kind', '类型', 'Kind', 10, (s) => s.kind],
      ['year', '年度', 'Year', 8, (s) => s.year],
      ['spanStart', '起始位置', 'Span start', 10, (s) => s.span.start],
      ['spanEnd', '结束位置', 'Span end', 10, (s) => s.span.end],
    ]),
    table('tasks', '任务', 'Tasks', records.tasks, [
      ['id', '编号', 'ID', 12, (t) => t.id],
      ['path', '层级序号', 'Path', 10, (t) => joinPath(t.path)],
      ['sectionId', '所属章节', 'Section ID', 10, (t) => t.sectionId],
      ['title', '任务名称', 'Title', 40, (t) => t.title],
      ['kind', '类型', 'Kind', 10, (t) => t.kind],
      ['year', '年度', 'Year', 8, (t) => t.year],
      ['departments', '推进单位', 'Departments', 40, (t) => t.departments.map((a) => a.name).join('、')],
      ['text', '任务内容', 'Text', 80, (t) => t.text],
      ['spanStart', '起始位置', 'Span start', 10, (t) => t.span.start],
      ['spanEnd', '结束位置', 'Span end', 10, (t) => t.span.end],
    ]),
    table('task-departments', '任务责任单位', 'Task departments', assignments, [
      ['taskId', '任务编号', 'Task ID', 12, (a) => a.taskId],
      ['path', '层级序号', 'Path', 10, (a) => joinPath(a.path)],
      ['order', '顺序', 'Order', 6, (a) => a.order],
      ['department', '单位', 'Department', 24, (a) => a.name],
      ['role', '角色', 'Role', 12, (a) => a.role],
    ]),
    table('targets', '指标', 'Targets', records.targets, [
      ['id', '编号', 'ID', 14, (t) => t.id],
      ['taskId', '任务编号', 'Task ID', 12, (t) => t.taskId],
      ['sectionId', '章节编号', 'Section ID', 10, (t) => t.sectionId],
      ['metric', '指标', 'Metric', 30, (t) => t.metric],
      ['value', '数值', 'Value', 14, (t) => t.value],
      ['unit', '单位', 'Unit', 8, (t) => t.unit],
      ['comparator', '比较', 'Comparator', 8, (t) => t.comparator],
      ['basis', '口径', 'Basis', 10, (t) => t.basis],
      ['kind', '性质', 'Kind', 8, (t) => t.kind],
      ['year', '年度', 'Year', 8, (t) => t.year],
      ['deadline', '期限', 'Deadline', 12, (t) => t.deadline],
      ['raw', '原文', 'Raw', 14, (t) => t.raw],
      ['sentence', '出处语句', 'Sentence', 80, (t) => t.sentence],
      ['spanStart', '起始位置', 'Span start', 10, (t) => t.span.start],
      ['spanEnd', '结束位置', 'Span end', 10, (t) => t.span.end],
    ]),
    table('departments', '责任单位', 'Departments', records.departments, [
      ['id', '编号', 'ID', 24, (d) => d.id],
      ['name', '单位', 'Name', 24, (d) => d.name],
      ['taskCount', '任务数', 'Tasks', 8, (d) => d.taskIds.length],
      ['taskIds', '任务编号', 'Task IDs', 60, (d) => d.taskIds.join(' ')],
    ]),
    table('findings', '问题', 'Findings', records.findings, [
      ['code', '代码', 'Code', 24, (f) => f.code],
      ['severity', '级别', 'Severity', 10, (f) => f.severity],
      ['message', '说明', 'Message', 60, (f) => f.message],
      ['line', '行号', 'Line', 8, (f) => f.location.line ?? null],
      ['taskId', '任务编号', 'Task ID', 12, (f) => f.taskId ?? null],
      ['targetId', '指标编号', 'Target ID', 14, (f) => f.targetId ?? null],
    ]),
  ];
}

/** A check report as tables: the entries read and the findings (问题清单). */
export function reportTables(report: Report): Table[] {
  return [
    table('entries', '填报数据', 'Entries', report.entries, [
      ['department', '单位', 'Department', 20, (e) => e.department],
      ['period', '期间', 'Period', 10, (e) => e.period],
      ['taskId', '任务编号', 'Task ID', 12, (e) => e.taskId],
      ['targetId', '指标编号', 'Target ID', 14, (e) => e.targetId],
      ['actual', '完成值', 'Figure', 12, (e) => e.actual],
      ['status', '状态', 'Status', 10, (e) => (e.status === null ? null : STATUS_LABELS[e.status])],
      ['note', '进展说明', 'Note', 40, (e) => e.note],
      ['evidence', '佐证材料', 'Evidence', 30, (e) => e.evidence],
      ['file', '文件', 'File', 30, (e) => e.file],
      ['sheet', '工作表', 'Sheet', 12, (e) => e.sheet],
      ['cell', '单元格', 'Cell', 8, (e) => e.cell],
    ]),
    findingsTable(report.findings),
  ];
}

const joinNames = (names: readonly string[]): string => names.join('、');

/** The consolidated ledger (台账) as tables: a row per target or task, each department's report, findings, accounting. */
export function ledgerTables(ledger: Ledger, locale: Locale = 'zh-CN'): Table[] {
  const status = (s: LedgerRow['status']) => (s === null ? null : STATUS_LABELS[s]);
  const reports = ledger.rows.flatMap((row) => row.reports.map((r) => ({ row, r })));
  const a = ledger.accounting;
  const accounting: [string, string, number][] = [
    ['files', '文件数', a.files],
    ['sheetsAccepted', '采用的推进情况表', a.sheetsAccepted],
    ['filesSkipped', '跳过的文件', a.filesSkipped],
    ['rowsRead', '读取行数', a.rowsRead],
    ['rowsMerged', '汇入台账行数', a.rowsMerged],
    ['rowsRejected', '因问题未汇入行数', a.rowsRejected],
  ];
  return [
    table('ledger', '台账', 'Ledger', ledger.rows, [
      ['id', '编号', 'ID', 12, (r) => r.id],
      ['path', '任务编号', 'Task', 8, (r) => r.path],
      ['taskTitle', '任务名称', 'Task title', 30, (r) => r.taskTitle],
      ['metric', '指标', 'Metric', 24, (r) => r.metric],
      ['value', '目标值', 'Target', 10, (r) => r.value],
      ['unit', '单位', 'Unit', 6, (r) => r.unit],
      ['deadline', '完成时限', 'Deadline', 11, (r) => r.deadline],
      ['policy', '汇总方式', 'Policy', 8, (r) => r.policy],
      ['figure', '完成值', 'Figure', 10, (r) => r.figure],
      ['status', '状态', 'Status', 8, (r) => status(r.status)],
      ['reported', '已报单位', 'Reported by', 24, (r) => joinNames(r.reports.map((x) => x.department))],
      ['departments', '责任单位', 'Departments', 30, (r) => joinNames(r.departments.map((d) => d.name))],
      ['disputed', '存疑', 'Disputed', 6, (r) => (r.disputed ? (locale === 'en' ? 'yes' : '是') : '')],
      ['evidence', '佐证材料', 'Evidence', 30, (r) => r.evidence],
    ]),
    table('reports', '填报明细', 'Reports', reports, [
      ['id', '编号', 'ID', 12, ({ row }) => row.id],
      ['metric', '指标', 'Metric', 24, ({ row }) => row.metric || row.taskTitle],
      ['department', '单位', 'Department', 20, ({ r }) => r.department],
      ['role', '角色', 'Role', 10, ({ r }) => r.role],
      ['actual', '完成值', 'Figure', 10, ({ r }) => r.actual],
      ['status', '状态', 'Status', 8, ({ r }) => status(r.status)],
      ['note', '进展说明', 'Note', 36, ({ r }) => r.note],
      ['evidence', '佐证材料', 'Evidence', 30, ({ r }) => r.evidence],
      ['file', '来源文件', 'File', 36, ({ r }) => r.file],
      ['cell', '单元格', 'Cell', 8, ({ r }) => r.cell],
    ]),
    findingsTable(ledger.findings),
    table('accounting', '核算', 'Accounting', accounting, [
      ['item', '项目', 'Item', 24, ([key, zh]) => (locale === 'en' ? key : zh)],
      ['count', '数量', 'Count', 10, ([, , n]) => n],
    ]),
  ];
}

/** An audit as tables: roll-ups per department and per section, every row's verdict, and the findings. */
export function auditTables(audit: Audit): Table[] {
  const { ledger, judgements, locale } = audit;
  const verdicts = VERDICT_LABELS[locale];
  const lights = LIGHT_LABELS[locale];
  const rollUpTable = (name: string, zh: string, en: string, rows: readonly RollUp[]) =>
    table(name, zh, en, rows, [
      ['name', zh.includes('单位') ? '单位' : '章节', en.includes('department') ? 'Department' : 'Section', 30, (r) => r.label],
      ['total', '指标与任务', 'Rows', 10, (r) => r.total],
      ['green', lights.green, lights.green, 6, (r) => r.counts.green],
      ['yellow', lights.yellow, lights.yellow, 6, (r) => r.counts.yellow],
      ['red', lights.red, lights.red, 6, (r) => r.counts.red],
      ['grey', lights.grey, lights.grey, 6, (r) => r.counts.grey],
      ['greenShare', '绿灯占比', 'Green share', 14, (r) => r.greenShare, 'bar'],
    ]);
  const detail = ledger.rows.map((row, i) => ({ row, j: judgements[i] as Judgement }));
  return [
    rollUpTable('summary-departments', '汇总(按单位)', 'Summary by department', audit.byDepartment),
    rollUpTable('summary-sections', '汇总(按章节)', 'Summary by section', audit.bySection),
    table('details', '明细', 'Details', detail, [
      ['id', '编号', 'ID', 12, ({ row }) => row.id],
      ['path', '任务编号', 'Task', 8, ({ row }) => row.path],
      ['taskTitle', '任务名称', 'Task title', 28, ({ row }) => row.taskTitle],
      ['metric', '指标', 'Metric', 22, ({ row }) => row.metric],
      ['value', '目标值', 'Target', 10, ({ row }) => row.value],
      ['unit', '单位', 'Unit', 6, ({ row }) => row.unit],
      ['figure', '完成值', 'Figure', 10, ({ row }) => row.figure],
      ['completion', '完成率', 'Completion', 9, ({ j }) => j.completion, 'percent'],
      ['expected', '序时进度', 'Time elapsed', 9, ({ j }) => j.expected, 'percent'],
      ['verdict', '结论', 'Verdict', 9, ({ j }) => verdicts[j.verdict]],
      ['light', '亮灯', 'Light', 6, ({ j }) => lights[j.light], 'light'],
      ['reason', '依据', 'Reason', 50, ({ j }) => j.reason],
      ['departments', '责任单位', 'Departments', 30, ({ row }) => joinNames(row.departments.map((d) => d.name))],
      ['evidence', '佐证材料', 'Evidence', 30, ({ row }) => row.evidence],
      ['sources', '来源', 'Sources', 40, ({ row }) => row.reports.map((r) => `${r.department}:${r.file ?? ''} ${r.cell}`).join(';')],
    ]),
    findingsTable(ledger.findings),
  ];
}

function findingsTable(findings: readonly Finding[]): Table {
  return table('findings', '问题清单', 'Findings', findings.map(flattenFinding), [
    ['code', '代码', 'Code', 26, (f) => f['code'] ?? null],
    ['severity', '级别', 'Severity', 9, (f) => f['severity'] ?? null],
    ['message', '说明', 'Message', 60, (f) => f['message'] ?? null],
    ['file', '文件', 'File', 30, (f) => f['file'] ?? null],
    ['sheet', '工作表', 'Sheet', 12, (f) => f['sheet'] ?? null],
    ['cell', '单元格', 'Cell', 8, (f) => f['cell'] ?? null],
    ['row', '行号', 'Row', 6, (f) => f['row'] ?? null],
    ['taskId', '任务编号', 'Task ID', 12, (f) => f['taskId'] ?? null],
    ['targetId', '指标编号', 'Target ID', 14, (f) => f['targetId'] ?? null],
    ['value', '数值', 'Value', 12, (f) => f['value'] ?? null],
  ]);
}
