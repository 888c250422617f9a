import type { Locale } from '../core/code.js';
import { STATUS_LABELS } from '../core/entry.js';
import type { PlanRecords } from '../core/record.js';
import { flattenFinding, type Report } from '../core/report.js';

export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  readonly header: Readonly<Record<Locale, string>>;
  /** Width in characters for spreadsheets. */
  readonly width: number;
}

/** One flat table of the records: what becomes a CSV file and an XLSX sheet. */
export interface Table {
  readonly name: string;
  readonly title: Readonly<Record<Locale, string>>;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

type Spec<T> = ReadonlyArray<readonly [key: string, zh: string, en: string, width: number, get: (row: T) => Cell]>;

function table<T>(name: string, zh: string, en: string, items: readonly T[], spec: Spec<T>): Table {
  return {
    name,
    title: { 'zh-CN': zh, en },
    columns: spec.map(([key, zhHeader, enHeader, width]) => ({ key, header: { 'zh-CN': zhHeader, en: enHeader }, width })),
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
    table('findings', '问题清单', 'Findings', report.findings.map(flattenFinding), [
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
    ]),
  ];
}
