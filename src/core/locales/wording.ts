import type { Light, Reason, Rules, Verdict } from '../audit.js';
import type { Code, CodeKind, ParamsOf, Severity } from '../code.js';
import type { Role } from '../department.js';
import type { Status } from '../entry.js';
import type { Accounting, Policy } from '../ledger.js';
import type { Measure } from '../measure.js';
import type { Basis } from '../metric.js';
import type { Period } from '../period.js';
import type { Placeholder, PlaceholderScope, SignPlaceholder } from '../placeholder.js';
import type { Comparator } from '../quantity.js';
import type { PartKind, TargetKind } from '../record.js';
import type { Report } from '../report.js';
import type { ChangeKind, Difference, DropReason } from '../revision.js';

/** Languages users can read plan-ledger in; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

/** A table's name and its columns' headers, by column key. */
export interface TableWording<K extends string> {
  readonly title: string;
  readonly columns: Readonly<Record<K, string>>;
}

export type DocumentField = 'id' | 'title' | 'docNumber' | 'issuer' | 'signedOn' | 'publishedOn' | 'adoptedOn' | 'kind' | 'year' | 'contentHash' | 'sourceFile' | 'sourceEncoding';
export type AccountingItem = keyof Accounting;

/** Every table plan-ledger writes (CSV, XLSX), with its columns. */
export interface TablesWording {
  readonly document: TableWording<'field' | 'value'>;
  readonly sections: TableWording<'id' | 'path' | 'parentId' | 'title' | 'kind' | 'year' | 'spanStart' | 'spanEnd'>;
  readonly tasks: TableWording<'id' | 'path' | 'sectionId' | 'title' | 'kind' | 'year' | 'departments' | 'measure' | 'deadline' | 'text' | 'spanStart' | 'spanEnd'>;
  readonly taskDepartments: TableWording<'taskId' | 'path' | 'order' | 'department' | 'role'>;
  readonly targets: TableWording<
    'id' | 'taskId' | 'sectionId' | 'metric' | 'value' | 'unit' | 'comparator' | 'basis' | 'measure' | 'kind' | 'year' | 'deadline' | 'raw' | 'sentence' | 'spanStart' | 'spanEnd'
  >;
  readonly departments: TableWording<'id' | 'name' | 'taskCount' | 'taskIds'>;
  /** The parser's notes on a plan. */
  readonly planFindings: TableWording<'code' | 'severity' | 'message' | 'line' | 'taskId' | 'targetId'>;
  readonly entries: TableWording<'department' | 'period' | 'taskId' | 'targetId' | 'actual' | 'status' | 'note' | 'evidence' | 'file' | 'sheet' | 'cell'>;
  /** 问题清单 of a check, a ledger or an audit. */
  readonly findings: TableWording<'severity' | 'title' | 'message' | 'fileName' | 'file' | 'sheet' | 'cell' | 'row' | 'taskId' | 'targetId' | 'value' | 'code'>;
  readonly ledger: TableWording<'id' | 'path' | 'taskTitle' | 'metric' | 'value' | 'unit' | 'measure' | 'deadline' | 'policy' | 'figure' | 'status' | 'reported' | 'departments' | 'disputed' | 'evidence'>;
  readonly reports: TableWording<'id' | 'metric' | 'department' | 'role' | 'actual' | 'status' | 'note' | 'evidence' | 'fileName' | 'file' | 'cell'>;
  readonly accounting: TableWording<'item' | 'count'>;
  readonly submissions: TableWording<'period' | 'department' | 'reporter' | 'phone' | 'date' | 'fileName' | 'sha256' | 'generatedAt' | 'file'>;
  readonly chase: TableWording<'department' | 'period' | 'lastPeriod' | 'reporter' | 'phone'>;
  readonly byDepartment: TableWording<'name' | 'total' | 'green' | 'yellow' | 'red' | 'grey' | 'greenShare' | 'supportTotal' | 'supportRed'>;
  readonly bySection: TableWording<'name' | 'total' | 'green' | 'yellow' | 'red' | 'grey' | 'greenShare'>;
  readonly details: TableWording<
    | 'id'
    | 'path'
    | 'taskTitle'
    | 'metric'
    | 'value'
    | 'unit'
    | 'measure'
    | 'deadline'
    | 'figure'
    | 'completion'
    | 'expected'
    | 'verdict'
    | 'light'
    | 'reason'
    | 'departments'
    | 'evidence'
    | 'sources'
    | 'sourcePaths'
  >;
}

/** The cells the default template labels, by the placeholder below each header. */
export type TemplateColumn = Exclude<Placeholder, 'plan.title' | 'plan.docNumber' | 'plan.id' | 'department.name' | 'period.label' | 'period.code' | 'period.share' | 'generatedAt' | 'units.note' | 'target.comparator' | SignPlaceholder>;

/**
 * Every word a user reads, in one language: finding messages, labels, reasons, sheet prompts, table headers,
 * report headings and CLI lines. Front ends pick one (zh-CN by default) and word data with it.
 */
export interface Wording {
  readonly locale: Locale;
  readonly codes: { readonly [C in Code]: { readonly title: string; readonly message: (p: ParamsOf<C>) => string } };
  readonly codeKind: Readonly<Record<CodeKind, string>>;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly role: Readonly<Record<Role, string>>;
  readonly status: Readonly<Record<Status, string>>;
  readonly policy: Readonly<Record<Policy, string>>;
  readonly verdict: Readonly<Record<Verdict, string>>;
  readonly light: Readonly<Record<Light, string>>;
  readonly partKind: Readonly<Record<PartKind, string>>;
  readonly targetKind: Readonly<Record<TargetKind, string>>;
  readonly basis: Readonly<Record<Basis, string>>;
  /** How a target (or a task with no figure) is judged: 按序时进度, 按目标值, 不超过, 按完成时限. */
  readonly measure: Readonly<Record<Measure, string>>;
  /** How a sheet shows a comparator: ≥, ≤, 约; nothing for a plain figure. */
  readonly comparator: Readonly<Record<Comparator, string>>;
  /** A department that never sent a sheet, in the 催报 list's last-reported column. */
  readonly never: string;
  readonly yes: string;
  readonly reason: (r: Reason) => string;
  /** 2021年第二季度 / 2021 Q2. */
  readonly periodName: (p: Period) => string;
  /** A share 0–1 as a percentage with one decimal: 0.545 → 54.5%. */
  readonly percent: (share: number) => string;
  /** Names joined as a list: 区科委、区建管委. */
  readonly list: (items: readonly string[]) => string;
  /** The accounting sentence, written in one place: 读取 N 行 = 汇入 … + 未汇入 …. */
  readonly accounting: (a: Pick<Accounting, 'rowsRead' | 'rowsMerged' | 'rowsRejected'>) => string;
  readonly documentField: Readonly<Record<DocumentField, string>>;
  readonly accountingItem: Readonly<Record<AccountingItem, string>>;
  readonly tables: TablesWording;
  /** Prompts and messages written into progress sheets. */
  readonly sheet: {
    readonly qualitativeMetric: string;
    readonly figurePromptTitle: (item: number) => string;
    readonly figureErrorTitle: string;
    readonly figure: Readonly<Record<'percent' | 'whole' | 'decimal', { readonly prompt: (unit: string) => string; readonly error: (unit: string) => string }>>;
    readonly statusPromptTitle: (item: number) => string;
    readonly statusPrompt: string;
    readonly statusErrorTitle: string;
    readonly statusError: string;
    /** The header's line on units the plan writes as multiples (1亿元=100,000,000元); '' when the sheet has none. */
    readonly unitsNote: (units: readonly { readonly stated: string; readonly factor: number; readonly unit: string }[]) => string;
  };
  /** The texts of the default template (templates/progress-report.xlsx). */
  readonly template: {
    readonly sheetName: string;
    readonly subtitle: string;
    readonly departmentLine: string;
    readonly shareLine: string;
    readonly documentLine: string;
    readonly headers: Readonly<Record<TemplateColumn, string>>;
    readonly reporter: string;
    readonly phone: string;
    readonly date: string;
    readonly note: string;
  };
  readonly placeholders: Readonly<Record<Placeholder, string>>;
  readonly placeholderScope: Readonly<Record<PlaceholderScope, string>>;
  /** Headers of the generated README tables. */
  readonly placeholderTableHead: readonly [string, string, string, string];
  readonly codeTableHead: readonly [string, string, string, string];
  /** What printed tables (ledger.xlsx, audit.xlsx) say on every page. */
  readonly printout: {
    /** The line under the plan's title: the sheet's name, 文号, period and when it was made. */
    readonly line: (p: { readonly sheet: string; readonly docNumber: string | null; readonly period: string; readonly generatedAt: string }) => string;
    /** The page footer, in a spreadsheet's header codes (&P the page, &N the pages). */
    readonly footer: string;
  };
  /** The HTML audit report. */
  readonly report: {
    readonly title: string;
    readonly generated: string;
    readonly overview: string;
    readonly byDepartment: string;
    readonly bySection: string;
    /** The 红灯事项 list for leaders: each red row with the units that answer for it. */
    readonly redItems: string;
    readonly redColumns: readonly [string, string, string, string, string];
    readonly details: string;
    readonly findings: string;
    readonly filter: string;
    readonly all: string;
    readonly rows: string;
    readonly none: string;
    readonly columns: readonly [string, string, string, string, string, string, string, string, string, string, string];
    readonly findingColumns: readonly [string, string, string, string, string];
    readonly footer: string;
    /** The charts' legend: its heading, and what a row behind schedule is, by its light. */
    readonly legend: string;
    readonly behindBy: Readonly<Record<'yellow' | 'red', string>>;
    /** The rules' thresholds in a sentence. */
    readonly thresholds: (rules: Rules) => string;
  };
  /** What a department does about each problem; the task pane's department.fix is the same table. */
  readonly fix: Partial<Readonly<Record<Code, string>>>;
  readonly feedback: FeedbackWording;
  readonly revision: RevisionWording;
  readonly history: HistoryWording;
  /** What the command line prints. */
  readonly cli: {
    readonly help: string;
    readonly planSummary: (s: { title: string; sections: number; tasks: number; targets: number; departments: number; findings: number }) => string;
    readonly writtenTo: (dir: string) => string;
    readonly sheetsWritten: (count: number, period: string, dir: string) => string;
    /** A line about the template a sheet was filled from: what it could not carry. */
    readonly templateNote: (severity: string, message: string) => string;
    readonly checkSummary: (stats: Report['stats']) => string;
    readonly checkResult: (valid: boolean) => string;
    /** Which plan the sheets are judged against, and where it came from. */
    readonly planUsed: (p: { readonly from: 'option' | 'sheets' | 'seed'; readonly title: string; readonly docNumber: string | null; readonly partial: boolean }) => string;
    readonly reading: string;
    /** A bug: the one line printed instead of a stack trace. */
    readonly internalError: (detail: string) => string;
    readonly consolidated: (a: Accounting, findings: number) => string;
    readonly ledgerWritten: (path: string) => string;
    /** The 催报 list: departments that sent nothing this period, each with whom to call. */
    readonly chase: (list: readonly { readonly department: string; readonly reporter: string; readonly phone: string; readonly lastPeriod: string | null }[]) => string;
    /** Annotated copies written for the files with problems, and the files that could not be opened to annotate. */
    readonly feedbackWritten: (count: number, dir: string) => string;
    readonly feedbackSkipped: (files: readonly string[]) => string;
    readonly formsWritten: (count: number, dir: string) => string;
    readonly audited: (rows: number, counts: Readonly<Record<Light, number>>) => string;
    readonly reportWritten: (path: string) => string;
    readonly samplesWritten: (count: number, dir: string) => string;
    readonly demo: {
      readonly records: (dir: string, files: number) => string;
      readonly blank: (period: string, dir: string, count: number) => string;
      readonly filled: (period: string, dir: string, count: number) => string;
      readonly ledger: (path: string, a: Accounting, findings: number) => string;
      /** The report, and the folder of the departments' 反馈单 with how many are in it. */
      readonly audit: (path: string, forms: { readonly count: number; readonly dir: string }) => string;
      /** The offline page copied beside the outputs, or how to build it. */
      readonly page: (path: string) => string;
      readonly pageMissing: string;
    };
  };
  /** What the sample sheets of demo-fill say. */
  readonly demo: Readonly<Record<'done' | 'behind' | 'inProgress', string>> & { readonly evidence: (department: string, row: string) => string; readonly reporter: (department: string) => string };
}

/** The ledger across periods (历史台账): its tables, its trend lines, and what the CLI says of it. */
export interface HistoryWording {
  /** One row per target, a column per period. */
  readonly targets: TableWording<'id' | 'ids' | 'path' | 'taskTitle' | 'metric' | 'value' | 'unit' | 'basis'>;
  /** One row per target and department. */
  readonly departments: TableWording<'id' | 'metric' | 'unit' | 'department'>;
  /** A period's figure column, its 环比 and its 环比 as a percentage, by the period's name. */
  readonly figure: (period: string) => string;
  readonly change: (period: string) => string;
  readonly changeShare: (period: string) => string;
  /** The files the history command writes. */
  readonly book: string;
  readonly page: string;
  /** The report's section and the history page: heading, the periods it spans, the charts' legend. */
  readonly heading: string;
  readonly span: (first: string, last: string, count: number) => string;
  readonly legend: { readonly figure: string; readonly target: string; readonly fell: string };
  readonly written: (p: { readonly targets: number; readonly periods: number; readonly findings: number }) => string;
  readonly files: (dir: string) => string;
}

/** Verdicts that ask something of a department: what is not on schedule. */
export type AskedVerdict = Exclude<Verdict, 'met' | 'on-track'>;

/** The annotated copy of a returned sheet (退回修改) and each department's 反馈单 of an audit. */
export interface FeedbackWording {
  /** The copy's file name, from the returned file's name without its extension. */
  readonly fileName: (base: string) => string;
  /** Who the notes are by. */
  readonly author: string;
  /** How serious a problem is, in a clerk's words: 须改正, 请留意. */
  readonly severity: Readonly<Record<Severity, string>>;
  /** Before the fix in a note. */
  readonly how: string;
  /** The fix of a problem that has none of its own. */
  readonly defaultFix: string;
  readonly sheetName: string;
  readonly title: string;
  readonly intro: (file: string, counts: Readonly<Record<Severity, number>>) => string;
  /** 序号, 单元格, 级别, 问题, 怎么改. */
  readonly columns: readonly [string, string, string, string, string];
  /** Where a problem of the whole file or sheet is. */
  readonly wholeSheet: string;
  readonly row: (row: number) => string;
  /** A cell on another sheet than the marked one. */
  readonly sheetCell: (sheet: string, cell: string) => string;
  /** Each department's 反馈单 in an audit. */
  readonly form: {
    readonly folder: string;
    readonly fileName: (department: string) => string;
    readonly sheetName: string;
    readonly title: (department: string) => string;
    readonly subtitle: (plan: string, period: string, date: string) => string;
    readonly problems: string;
    /** 序号, 单元格, 文件, 级别, 问题, 怎么改. */
    readonly problemColumns: readonly [string, string, string, string, string, string];
    readonly items: string;
    /** 序号, 编号, 指标或任务, 目标, 完成值, 结论, 原因, 请你单位. */
    readonly itemColumns: readonly [string, string, string, string, string, string, string, string];
    /** What is asked of the department for a row of each verdict. */
    readonly ask: Readonly<Record<AskedVerdict, string>>;
    readonly none: string;
    readonly closing: string;
  };
}

/** The change report of a plan revision (变更报告) and what reissuing says. */
export interface RevisionWording {
  /** The report's file name without its extension: 变更报告. */
  readonly fileBase: string;
  readonly title: string;
  /** The line under the title: from which version of the plan to which. */
  readonly versions: (from: { readonly title: string; readonly id: string }, to: { readonly title: string; readonly id: string }) => string;
  readonly kind: Readonly<Record<ChangeKind, string>>;
  /** What changed of a target or task: 目标值, 完成时限, 责任单位, 序号. */
  readonly difference: Readonly<Record<Difference, string>>;
  readonly reason: Readonly<Record<DropReason, string>>;
  /** A figure carried converted because the revision writes its target in another unit. */
  readonly converted: (from: string, to: string) => string;
  readonly table: TableWording<
    'kind' | 'item' | 'department' | 'fromPath' | 'toPath' | 'taskTitle' | 'metric' | 'before' | 'after' | 'figure' | 'reason' | 'fileName' | 'cell' | 'newFile' | 'newCell' | 'fromId' | 'toId' | 'file'
  >;
  /** The HTML report's sections. */
  readonly changes: string;
  readonly dropped: string;
  readonly carried: string;
  readonly findings: string;
  readonly none: string;
  readonly summary: (s: { readonly sheets: number; readonly carried: number; readonly dropped: number; readonly changes: number }) => string;
  /** The task pane's button, and what it says when done. */
  readonly button: string;
  readonly done: (sheets: number, carried: number, dropped: number) => string;
  readonly zipName: (period: string) => string;
  readonly cli: {
    readonly sheets: (count: number, dir: string) => string;
    readonly report: (paths: readonly string[]) => string;
  };
}

/** The words a progress sheet is written in: what filling one needs of a language, and no more. */
export type SheetWording = Pick<Wording, 'locale' | 'status' | 'comparator' | 'periodName' | 'percent' | 'sheet'>;
