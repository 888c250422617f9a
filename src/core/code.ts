import type { Status } from './entry.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** fatal: the run stops with exit code 2; finding: reported with the results. */
export type CodeKind = 'fatal' | 'finding';

/** Why a file could not be read or written, as the system said it. */
export type FileReason = 'not-a-file' | 'is-a-directory' | 'not-a-directory' | 'permission-denied' | 'read-only' | 'disk-full' | 'busy' | 'system';

/** Why a file of data (JSON, CSV) does not fit what it must hold. */
export type DataProblem =
  | { readonly reason: 'syntax'; readonly position?: number }
  | { readonly reason: 'not-an-object' }
  | { readonly reason: 'type'; readonly field: string; readonly expected: string }
  | { readonly reason: 'one-of'; readonly field: string; readonly choices: readonly string[] }
  | { readonly reason: 'too-small' | 'too-large'; readonly field: string; readonly limit: number }
  | { readonly reason: 'red-below-yellow'; readonly field: string }
  | { readonly reason: 'invalid'; readonly field: string };

/** What is wrong with a command line. */
export type UsageProblem =
  | { readonly problem: 'unknown-command'; readonly command: string }
  | { readonly problem: 'unknown-option'; readonly option: string }
  | { readonly problem: 'option-needs-value' | 'option-takes-no-value'; readonly option: string }
  | { readonly problem: 'option-one-of'; readonly option: string; readonly value: string; readonly choices: readonly string[] }
  | { readonly problem: 'option-share' | 'option-integer'; readonly option: string; readonly value: string }
  | { readonly problem: 'option-required'; readonly command: string; readonly option: string }
  | { readonly problem: 'output-required'; readonly command: string }
  | { readonly problem: 'xlsx-needs-out' }
  | { readonly problem: 'department-or-all' }
  | { readonly problem: 'files-required'; readonly command: string }
  | { readonly problem: 'one-file'; readonly command: string; readonly count: number }
  | { readonly problem: 'no-file-taken'; readonly command: string }
  /** What a command would write is one of its inputs (reissue's sheets over the returned ones). */
  | { readonly problem: 'out-is-input'; readonly command: string; readonly file: string }
  | { readonly problem: 'no-period-found' }
  | { readonly problem: 'no-sheets-found'; readonly command: string; readonly paths: readonly string[] }
  /** Files were there but none was a progress sheet: each with the code of its finding. */
  | { readonly problem: 'no-sheet-read'; readonly files: readonly { readonly file: string; readonly code: Code }[] };

/** Why an .xlsx (or the zip inside a .docx) cannot be read. */
export type CorruptReason =
  | { readonly reason: 'zip-truncated' | 'zip-directory' | 'no-sheets' }
  | { readonly reason: 'zip-entry' | 'part-damaged'; readonly part: string }
  | { readonly reason: 'zip-method'; readonly part: string; readonly method: number }
  | { readonly reason: 'inflate'; readonly part: string; readonly detail: string }
  | { readonly reason: 'unreadable'; readonly detail: string };

/** Spreadsheet files that are not .xlsx, as WPS, old Excel, LibreOffice and Numbers save them, and text. */
export type SheetFormat = 'xls' | 'et' | 'ods' | 'numbers' | 'csv';

/** What a template holds that filling could not carry as it was. */
export type TemplateLoss =
  | { readonly what: 'drawing-in-row'; readonly part: string; readonly row: number }
  | { readonly what: 'comment-in-row'; readonly cell: string }
  | { readonly what: 'validation-replaced'; readonly cell: string }
  | { readonly what: 'series-across-row'; readonly part: string; readonly range: string }
  | { readonly what: 'part-kept'; readonly part: string }
  | { readonly what: 'macros-removed'; readonly part: string }
  | { readonly what: 'merge-across-row'; readonly range: string };

type File = { readonly file: string };

/** The parameters of every code: the compiler rejects a finding whose parameters do not fit its code. */
export interface CodeParams {
  usage: UsageProblem;
  'file-not-found': File;
  'file-unreadable': File & { readonly reason: FileReason; readonly errno?: string };
  'file-empty': File;
  'file-too-large': File & { readonly limitMB: number };
  'file-binary': File;
  'file-unsupported-type': File;
  'text-encoding-unknown': File;
  'docx-corrupt': File & ({ readonly reason: 'not-a-zip' | 'truncated' | 'no-document' | 'too-large' } | { readonly reason: 'unzip'; readonly detail: string });
  'json-invalid': File & DataProblem;
  'plan-no-tasks': File;
  'output-unwritable': File & { readonly reason: FileReason; readonly errno?: string };
  'task-no-departments': { readonly task: string };
  /** A target on no department's sheet: its task names none. */
  'target-unassigned': { readonly targetId: string; readonly raw: string };
  /** A group the plan names (各街道): no sheet of its own unless a groups file lists its members. */
  'department-group': { readonly name: string; readonly tasks: number };
  'heading-number-repeated': { readonly number: string; readonly id: string };
  'heading-number-skipped': { readonly previous: number; readonly number: number };
  'target-metric-missing': { readonly raw: string };
  'period-invalid': { readonly period: string };
  'department-unknown': { readonly department: string; readonly period: string; readonly known: readonly string[] };
  'template-missing-placeholder': File & { readonly placeholder: string };
  'template-invalid': File &
    (
      | { readonly reason: 'unreadable'; readonly detail: string }
      | { readonly reason: 'too-large'; readonly limitMB: number }
      | { readonly reason: 'generated-sheet' }
      | { readonly reason: 'row-placeholders-on-rows'; readonly rows: readonly number[] }
    );
  'template-not-carried': File & TemplateLoss;
  'file-not-xlsx': File;
  'file-other-format': File & { readonly format: SheetFormat };
  'file-corrupt': File & CorruptReason;
  'template-not-a-progress-sheet': File;
  'template-unknown-plan': File & { readonly planId: string; readonly planTitle: string; readonly expected: string };
  'template-plan-cell-changed': { readonly cell: string; readonly value: string; readonly expected: string };
  'template-row-deleted': { readonly id: string; readonly metric: string };
  'template-row-added': { readonly row: number };
  'entry-not-a-number': { readonly cell: string; readonly value: string };
  'entry-negative': { readonly cell: string; readonly value: number };
  'entry-not-integer': { readonly cell: string; readonly value: number; readonly unit: string };
  'entry-percent-out-of-range': { readonly cell: string; readonly value: number };
  'entry-unit-converted': { readonly cell: string; readonly text: string; readonly value: number; readonly unit: string };
  /** value null: 已完成 with no figure. */
  'entry-status-inconsistent': { readonly cell: string; readonly status: Status; readonly value: number | null; readonly met: boolean; readonly target: number };
  'entry-evidence-missing': { readonly cell: string };
  'entry-outlier': { readonly cell: string; readonly value: number; readonly target: number; readonly factor: number };
  'entry-decreased': { readonly cell: string; readonly value: number; readonly previous: number };
  'entry-behind-schedule': { readonly cell: string; readonly value: number; readonly expected: number };
  /** A level or a growth rate below its target, which is judged at its value whenever it is reported. */
  'entry-below-target': { readonly cell: string; readonly value: number; readonly target: number; readonly unit: string };
  /** Something typed in the figure cell of a task that has no figure: not counted, kept in the note. */
  'entry-figure-in-task-row': { readonly cell: string; readonly value: string };
  /** A task with no figure (a milestone) past its deadline and not reported done. */
  'entry-overdue': { readonly cell: string; readonly deadline: string; readonly status: Status };
  'consolidate-conflict': {
    readonly metric: string;
    readonly a: string;
    readonly aValue: number;
    readonly aFile: string;
    readonly aCell: string;
    readonly b: string;
    readonly bValue: number;
    readonly bFile: string;
    readonly bCell: string;
  };
  'consolidate-missing': { readonly department: string; readonly period: string };
  /** Returned sheets made from another version of the plan than most: that version, some of its files, and the one judged against. */
  'sheets-plan-versions': {
    readonly title: string;
    readonly planId: string;
    readonly generatedAt: string;
    readonly files: number;
    readonly examples: readonly string[];
    readonly usedTitle: string;
    readonly usedPlanId: string;
    readonly usedFiles: number;
  };
  'consolidate-duplicate': { readonly department: string; readonly period: string; readonly kept: string; readonly dropped: string };
  'consolidate-wrong-period': File & { readonly found: string; readonly expected: string };
  /** A file given as last period's that gave no figures; `because` is what reading it found. */
  'previous-not-read': File & { readonly because: Code };
  'consolidate-other-plan': File & { readonly planTitle: string };
  /** A returned sheet made before sheets carried their plan: its entries cannot be matched to a revision's targets. */
  'reissue-no-plan': File;
  /**
   * A running figure (新增, 累计) lower in a later period than in an earlier one, not only the one before: the periods
   * (labels such as 2021-Q2), the figures in the plan's unit, and the department whose figures these are (null: the row's figure).
   */
  'history-figure-fell': {
    readonly metric: string;
    readonly department: string | null;
    readonly from: string;
    readonly fromValue: number;
    readonly to: string;
    readonly toValue: number;
    readonly unit: string;
  };
  'policy-invalid': File & (DataProblem | { readonly reason: 'csv-columns' } | { readonly reason: 'unknown-target'; readonly target: string } | { readonly reason: 'unknown-policy'; readonly target: string; readonly policy: string });
  'rules-invalid': File & DataProblem;
  'groups-invalid': File & DataProblem;
  'ledger-invalid': File & ({ readonly reason: 'damaged' | 'not-a-ledger' } | { readonly reason: 'no-period'; readonly period: string });
}

export type Code = keyof CodeParams;
export type ParamsOf<C extends Code> = CodeParams[C];

const fatal = { kind: 'fatal', severity: 'error' } as const;
const error = { kind: 'finding', severity: 'error' } as const;
const warning = { kind: 'finding', severity: 'warning' } as const;
const info = { kind: 'finding', severity: 'info' } as const;

/** Every problem plan-ledger reports, each once, in the order README and help list them; the wording is in locales/. */
export const CODES: { readonly [C in Code]: { readonly kind: CodeKind; readonly severity: Severity } } = {
  usage: fatal,
  'file-not-found': fatal,
  'file-unreadable': fatal,
  'file-empty': fatal,
  'file-too-large': fatal,
  'file-binary': fatal,
  'file-unsupported-type': fatal,
  'text-encoding-unknown': fatal,
  'docx-corrupt': fatal,
  'json-invalid': fatal,
  'plan-no-tasks': fatal,
  'output-unwritable': fatal,
  'task-no-departments': warning,
  'target-unassigned': warning,
  'department-group': warning,
  'heading-number-repeated': warning,
  'heading-number-skipped': info,
  'target-metric-missing': warning,
  'period-invalid': fatal,
  'department-unknown': fatal,
  'template-missing-placeholder': fatal,
  'template-invalid': fatal,
  'template-not-carried': warning,
  'file-not-xlsx': error,
  'file-other-format': error,
  'file-corrupt': error,
  'template-not-a-progress-sheet': error,
  'template-unknown-plan': error,
  'template-plan-cell-changed': error,
  'template-row-deleted': error,
  'template-row-added': warning,
  'entry-not-a-number': error,
  'entry-negative': error,
  'entry-not-integer': error,
  'entry-percent-out-of-range': error,
  'entry-unit-converted': warning,
  'entry-status-inconsistent': warning,
  'entry-evidence-missing': warning,
  'entry-outlier': warning,
  'entry-decreased': error,
  'entry-behind-schedule': warning,
  'entry-below-target': warning,
  'entry-overdue': warning,
  'entry-figure-in-task-row': warning,
  'consolidate-conflict': error,
  'consolidate-missing': warning,
  'sheets-plan-versions': warning,
  'consolidate-duplicate': warning,
  'consolidate-wrong-period': warning,
  'previous-not-read': warning,
  'consolidate-other-plan': warning,
  'reissue-no-plan': error,
  'history-figure-fell': warning,
  'policy-invalid': fatal,
  'rules-invalid': fatal,
  'groups-invalid': fatal,
  'ledger-invalid': fatal,
};

export const CODE_LIST = Object.keys(CODES) as Code[];
