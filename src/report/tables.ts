import { chaseList } from '../core/chase.js';
import { LIGHTS, type Audit, type Judgement, type RollUp } from '../core/audit.js';
import type { Finding } from '../core/finding.js';
import { rowMeasure, type Ledger, type LedgerRow } from '../core/ledger.js';
import { message } from '../core/locales/index.js';
import { baseName } from '../core/locales/lists.js';
import type { DocumentField, TableWording, Wording } from '../core/locales/wording.js';
import type { PlanRecords } from '../core/record.js';
import { parsePeriod } from '../core/period.js';
import type { Report } from '../core/report.js';
import { inStated, statedUnitOf } from '../core/unit.js';
import { taskDeadline } from '../core/worklist.js';
import { historyTables } from './history-tables.js';
import type { Cell, Column, Heading, Table } from './table.js';

export type { Cell, Column, Heading, Table } from './table.js';

/** The heading of a ledger's or an audit's sheets. */
export function ledgerHeading(ledger: Ledger, w: Wording, generatedAt: string): Heading {
  const period = parsePeriod(ledger.period);
  const periodName = period ? w.periodName(period) : ledger.period;
  return {
    title: ledger.planTitle,
    line: (sheet) => w.printout.line({ sheet, docNumber: ledger.docNumber, period: periodName, generatedAt }),
    footer: w.printout.footer,
  };
}

type Spec<T, K extends string> = ReadonlyArray<readonly [key: K, width: number, get: (row: T) => Cell, style?: Column['style']]>;

function table<T, K extends string>(name: string, wording: TableWording<K>, items: readonly T[], spec: Spec<T, K>, legend?: Column['legend']): Table {
  return {
    name,
    title: wording.title,
    columns: spec.map(([key, width, , style]) => ({ key, header: wording.columns[key], width, ...(style ? { style } : {}), ...(style === 'light' && legend ? { legend } : {}) })),
    rows: items.map((item) => spec.map(([, , get]) => get(item))),
  };
}

const ACCOUNTING_ITEMS = ['files', 'sheetsAccepted', 'filesSkipped', 'rowsRead', 'rowsMerged', 'rowsRejected'] as const satisfies readonly (keyof Ledger['accounting'])[];

const joinPath = (path: readonly number[]): string => path.join('.');

/** The records as flat tables: document, sections, tasks, task departments, targets, departments, findings. */
export function recordTables(records: PlanRecords, w: Wording): Table[] {
  const { document: d } = records;
  const documentRows: [DocumentField, Cell][] = [
    ['id', d.id],
    ['title', d.title],
    ['docNumber', d.docNumber],
    ['issuer', d.issuer],
    ['signedOn', d.signedOn],
    ['publishedOn', d.publishedOn],
    ['adoptedOn', d.adoptedOn],
    ['kind', w.partKind[d.kind]],
    ['year', d.year],
    ['contentHash', d.contentHash],
    ['sourceFile', records.source.file],
    ['sourceEncoding', records.source.encoding],
  ];
  const assignments = records.tasks.flatMap((task) => task.departments.map((a, i) => ({ taskId: task.id, path: task.path, order: i + 1, ...a })));
  const t = w.tables;
  return [
    table('document', t.document, documentRows, [
      ['field', 14, ([field]) => w.documentField[field]],
      ['value', 60, ([, value]) => value],
    ]),
    table('sections', t.sections, records.sections, [
      ['id', 10, (s) => s.id],
      ['path', 10, (s) => joinPath(s.path)],
      ['parentId', 10, (s) => s.parentId],
      ['title', 50, (s) => s.title],
      ['kind', 10, (s) => w.partKind[s.kind]],
      ['year', 8, (s) => s.year],
      ['spanStart', 10, (s) => s.span.start],
      ['spanEnd', 10, (s) => s.span.end],
    ]),
    table('tasks', t.tasks, records.tasks, [
      ['id', 12, (x) => x.id],
      ['path', 10, (x) => joinPath(x.path)],
      ['sectionId', 10, (x) => x.sectionId],
      ['title', 40, (x) => x.title],
      ['kind', 10, (x) => w.partKind[x.kind]],
      ['year', 8, (x) => x.year],
      ['departments', 40, (x) => w.list(x.departments.map((a) => a.name))],
      ['measure', 16, (x) => (x.measure ? w.measure[x.measure] : null)],
      // A milestone is due by its year's end when the plan names no 完成时限; other tasks' targets have their own.
      ['deadline', 12, (x) => (x.measure ? taskDeadline(x) : (x.deadline ?? null))],
      ['text', 80, (x) => x.text],
      ['spanStart', 10, (x) => x.span.start],
      ['spanEnd', 10, (x) => x.span.end],
    ]),
    table('task-departments', t.taskDepartments, assignments, [
      ['taskId', 12, (a) => a.taskId],
      ['path', 10, (a) => joinPath(a.path)],
      ['order', 6, (a) => a.order],
      ['department', 24, (a) => a.name],
      ['role', 12, (a) => w.role[a.role]],
    ]),
    table('targets', t.targets, records.targets, [
      ['id', 14, (x) => x.id],
      ['taskId', 12, (x) => x.taskId],
      ['sectionId', 10, (x) => x.sectionId],
      ['metric', 30, (x) => x.metric],
      ['value', 14, (x) => x.value],
      ['unit', 8, (x) => x.unit],
      ['comparator', 8, (x) => x.comparator],
      ['basis', 10, (x) => w.basis[x.basis]],
      ['measure', 16, (x) => w.measure[x.measure]],
      ['kind', 8, (x) => w.targetKind[x.kind]],
      ['year', 8, (x) => x.year],
      ['deadline', 12, (x) => x.deadline],
      ['raw', 14, (x) => x.raw],
      ['sentence', 80, (x) => x.sentence],
      ['spanStart', 10, (x) => x.span.start],
      ['spanEnd', 10, (x) => x.span.end],
    ]),
    table('departments', t.departments, records.departments, [
      ['id', 24, (x) => x.id],
      ['name', 24, (x) => x.name],
      ['taskCount', 8, (x) => x.taskIds.length],
      ['taskIds', 60, (x) => x.taskIds.join(' ')],
    ]),
    table('findings', t.planFindings, records.findings, [
      ['code', 24, (f) => f.code],
      ['severity', 10, (f) => w.severity[f.severity]],
      ['message', 60, (f) => message(f, w)],
      ['line', 8, (f) => f.location.line ?? null],
      ['taskId', 12, (f) => f.taskId ?? null],
      ['targetId', 14, (f) => f.targetId ?? null],
    ]),
  ];
}

/** A check report as tables: the entries read and the findings (问题清单). */
export function reportTables(report: Report, w: Wording): Table[] {
  return [
    table('entries', w.tables.entries, report.entries, [
      ['department', 20, (e) => e.department],
      ['period', 10, (e) => e.period],
      ['taskId', 12, (e) => e.taskId],
      ['targetId', 14, (e) => e.targetId],
      ['actual', 12, (e) => e.actual],
      ['status', 10, (e) => (e.status === null ? null : w.status[e.status])],
      ['note', 40, (e) => e.note],
      ['evidence', 30, (e) => e.evidence],
      ['file', 30, (e) => e.file],
      ['sheet', 12, (e) => e.sheet],
      ['cell', 8, (e) => e.cell],
    ]),
    findingsTable(report.findings, w),
  ];
}

/** A ledger row's figure in the unit the plan states it in (1.2 亿元), as the sheets showed it to departments. */
export function shown(row: LedgerRow, value: number | null): number | null {
  return value === null ? null : inStated(value, statedUnitOf(row));
}

/** The figure that counts for a row; for departments that disagree, each one's figure, so that none is hidden behind the first. */
export function figureOf(row: LedgerRow, w: Wording, unit = ''): number | string | null {
  const figures = row.reports.filter((r) => r.actual !== null);
  if (!row.disputed || new Set(figures.map((r) => r.actual)).size < 2) return shown(row, row.figure);
  return w.list(figures.map((r) => `${r.department} ${shown(row, r.actual)}${unit}`));
}

/** The consolidated ledger (台账) as tables: a row per target or task, each department's report, findings, accounting. */
export function ledgerTables(ledger: Ledger, w: Wording): Table[] {
  const status = (s: LedgerRow['status']) => (s === null ? null : w.status[s]);
  const reports = ledger.rows.flatMap((row) => row.reports.map((r) => ({ row, r })));
  const items = ACCOUNTING_ITEMS.map((key) => [key, ledger.accounting[key]] as const);
  const t = w.tables;
  return [
    table('ledger', t.ledger, ledger.rows, [
      ['id', 12, (r) => r.id],
      ['path', 8, (r) => r.path],
      ['taskTitle', 24, (r) => r.taskTitle, 'wrap'],
      ['metric', 18, (r) => r.metric, 'wrap'],
      ['value', 8, (r) => shown(r, r.value), 'number'],
      ['unit', 5, (r) => statedUnitOf(r).unit],
      ['measure', 12, (r) => w.measure[rowMeasure(r)], 'wrap'],
      ['deadline', 11, (r) => r.deadline],
      ['policy', 9, (r) => w.policy[r.policy], 'wrap'],
      ['figure', 8, (r) => figureOf(r, w), 'number'],
      ['status', 7, (r) => status(r.status)],
      ['reported', 18, (r) => w.list(r.reports.map((x) => x.department)), 'wrap'],
      ['departments', 20, (r) => w.list(r.departments.map((d) => d.name)), 'wrap'],
      ['disputed', 5, (r) => (r.disputed ? w.yes : '')],
      ['evidence', 20, (r) => r.evidence, 'wrap'],
    ]),
    table('reports', t.reports, reports, [
      ['id', 12, ({ row }) => row.id],
      ['metric', 24, ({ row }) => row.metric || row.taskTitle, 'wrap'],
      ['department', 16, ({ r }) => r.department, 'wrap'],
      ['role', 5, ({ r }) => w.role[r.role]],
      ['actual', 8, ({ row, r }) => shown(row, r.actual), 'number'],
      ['status', 7, ({ r }) => status(r.status)],
      ['note', 30, ({ r }) => r.note, 'wrap'],
      ['evidence', 26, ({ r }) => r.evidence, 'wrap'],
      ['fileName', 24, ({ r }) => (r.file === null ? null : baseName(r.file)), 'wrap'],
      ['file', 36, ({ r }) => r.file, 'hidden'],
      ['cell', 6, ({ r }) => r.cell],
    ]),
    findingsTable(ledger.findings, w),
    table('chase', t.chase, chaseList(ledger), [
      ['department', 20, (c) => c.department, 'wrap'],
      ['period', 10, (c) => c.period],
      ['lastPeriod', 10, (c) => c.last?.period ?? w.never],
      ['reporter', 12, (c) => c.last?.reporter?.name ?? null],
      ['phone', 16, (c) => c.last?.reporter?.phone ?? null],
    ]),
    table('submissions', t.submissions, ledger.submissions ?? [], [
      ['period', 10, (s) => s.period],
      ['department', 20, (s) => s.department, 'wrap'],
      ['reporter', 12, (s) => s.reporter?.name ?? null],
      ['phone', 16, (s) => s.reporter?.phone ?? null],
      ['date', 12, (s) => s.reporter?.date ?? null],
      ['fileName', 28, (s) => baseName(s.file), 'wrap'],
      ['sha256', 20, (s) => s.sha256, 'wrap'],
      ['generatedAt', 20, (s) => s.generatedAt],
      ['file', 36, (s) => s.file, 'hidden'],
    ]),
    table('accounting', t.accounting, items, [
      ['item', 24, ([key]) => w.accountingItem[key]],
      ['count', 10, ([, n]) => n, 'number'],
    ]),
  ];
}

/** An audit as tables: roll-ups per department and per section, every row's verdict, and the findings. */
export function auditTables(audit: Audit, w: Wording): Table[] {
  const { ledger, judgements } = audit;
  const legend = Object.fromEntries(LIGHTS.map((l) => [w.light[l], l]));
  const rollUpSpec: Spec<RollUp, 'name' | 'total' | 'green' | 'yellow' | 'red' | 'grey' | 'greenShare'> = [
    ['name', 30, (r) => r.label, 'wrap'],
    ['total', 10, (r) => r.total],
    ['green', 6, (r) => r.counts.green],
    ['yellow', 6, (r) => r.counts.yellow],
    ['red', 6, (r) => r.counts.red],
    ['grey', 6, (r) => r.counts.grey],
    ['greenShare', 14, (r) => r.greenShare, 'bar'],
  ];
  // A department's own rows (it leads or answers for them) apart from those it only supports.
  const supportSpec: Spec<RollUp, 'supportTotal' | 'supportRed'> = [
    ['supportTotal', 10, (r) => r.supporting?.total ?? 0],
    ['supportRed', 12, (r) => r.supporting?.counts.red ?? 0],
  ];
  const detail = ledger.rows.map((row, i) => ({ row, j: judgements[i] as Judgement }));
  return [
    table('summary-departments', w.tables.byDepartment, audit.byDepartment, [...rollUpSpec, ...supportSpec]),
    table('summary-sections', w.tables.bySection, audit.bySection, rollUpSpec),
    table(
      'details',
      w.tables.details,
      detail,
      [
        ['id', 12, ({ row }) => row.id],
        ['path', 8, ({ row }) => row.path],
        ['taskTitle', 20, ({ row }) => row.taskTitle, 'wrap'],
        ['metric', 16, ({ row }) => row.metric, 'wrap'],
        ['value', 8, ({ row }) => shown(row, row.value), 'number'],
        ['unit', 5, ({ row }) => statedUnitOf(row).unit],
        ['measure', 12, ({ row }) => w.measure[rowMeasure(row)], 'wrap'],
        ['deadline', 11, ({ row }) => row.deadline],
        ['figure', 8, ({ row }) => figureOf(row, w), 'number'],
        ['completion', 8, ({ j }) => j.completion, 'percent'],
        ['expected', 8, ({ j }) => j.expected, 'percent'],
        ['verdict', 8, ({ j }) => w.verdict[j.verdict], 'wrap'],
        ['light', 5, ({ j }) => w.light[j.light], 'light'],
        ['reason', 28, ({ j }) => w.reason(j.reason), 'wrap'],
        ['departments', 18, ({ row }) => w.list(row.departments.map((d) => d.name)), 'wrap'],
        ['evidence', 18, ({ row }) => row.evidence, 'wrap'],
        ['sources', 26, ({ row }) => sources(row), 'wrap'],
        ['sourcePaths', 40, ({ row }) => sourcePaths(row), 'hidden'],
      ],
      legend,
    ),
    ...(audit.history ? historyTables(audit.history, w) : []),
    findingsTable(auditFindings(audit), w),
  ];
}

/** An audit's findings: its ledger's, and where it has a history, the running figures that fell across periods. */
export function auditFindings(audit: Audit): readonly Finding[] {
  return audit.history ? [...audit.ledger.findings, ...audit.history.findings] : audit.ledger.findings;
}

/** Where a row's figures came from: each department's file (its name, without the coordinator's folders) and cell. */
export function sources(row: LedgerRow): string {
  return row.reports.map((r) => `${r.department}:${baseName(r.file ?? '')} ${r.cell}`).join(';');
}

/** The same with each file's full path, for machines (a hidden column). */
function sourcePaths(row: LedgerRow): string {
  return row.reports.map((r) => `${r.department}:${r.file ?? ''} ${r.cell}`).join(';');
}

/** 问题清单: every finding, its problem's name first and its code, for machines, last. */
export function findingsTable(findings: readonly Finding[], w: Wording): Table {
  // Readers see the problem's name; its code, for machines, is the last column, hidden in a spreadsheet.
  return table('findings', w.tables.findings, findings, [
    ['severity', 5, (f) => w.severity[f.severity]],
    ['title', 16, (f) => w.codes[f.code].title, 'wrap'],
    ['message', 50, (f) => message(f, w), 'wrap'],
    ['fileName', 22, (f) => (f.location.file === undefined ? null : baseName(f.location.file)), 'wrap'],
    ['file', 30, (f) => f.location.file ?? null, 'hidden'],
    ['sheet', 8, (f) => f.location.sheet ?? null, 'wrap'],
    ['cell', 6, (f) => f.location.cell ?? null],
    ['row', 5, (f) => f.location.row ?? null],
    ['taskId', 8, (f) => f.taskId ?? null],
    ['targetId', 10, (f) => f.targetId ?? null],
    ['value', 10, (f) => shownValue(f), 'wrap'],
    ['code', 26, (f) => f.code, 'hidden'],
  ]);
}

/** A finding as one flat JSON row with its sentence: code, severity, message, params, and where. */
export function flatFinding(f: Finding, w: Wording): Record<string, unknown> {
  return {
    code: f.code,
    severity: f.severity,
    message: message(f, w),
    params: f.params,
    file: f.location.file ?? null,
    sheet: f.location.sheet ?? null,
    cell: f.location.cell ?? null,
    row: f.location.row ?? null,
    taskId: f.taskId ?? null,
    targetId: f.targetId ?? null,
    value: shownValue(f),
  };
}

/** The value a finding is about, as a cell shows it. */
const shownValue = (f: Finding): Cell => (f.value === undefined || f.value === null ? null : typeof f.value === 'number' ? f.value : String(f.value));
