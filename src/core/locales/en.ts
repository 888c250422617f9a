import type { CorruptReason, DataProblem, FileReason, SheetFormat, UsageProblem } from '../code.js';
import { enSheet } from './en-sheet.js';
import { baseName, periodLabel, shortList } from './lists.js';
import type { Wording } from './wording.js';
import { enHistory } from './en-history.js';
import { enFeedback } from './en-feedback.js';
import { enRevision } from './en-revision.js';
import { enFix } from './en-fix.js';

const { percent } = enSheet;

const list = (items: readonly string[]): string => items.join(', ');
const choices = (items: readonly string[]): string => items.join(' | ');

/** Each other spreadsheet format, and how to make an .xlsx of it. */
const FORMAT_EN: Readonly<Record<SheetFormat, { readonly name: string; readonly fix: string }>> = {
  xls: { name: 'an Excel 97-2003 workbook (.xls)', fix: 'open it in Excel or WPS and Save As “Excel Workbook (*.xlsx)”' },
  et: { name: 'a WPS Spreadsheets file (.et)', fix: 'open it in WPS and Save As “Excel Workbook (*.xlsx)”' },
  ods: { name: 'an OpenDocument spreadsheet (.ods, LibreOffice’s own format)', fix: 'open it in LibreOffice and Save As “Excel 2007-365 (.xlsx)”' },
  numbers: { name: 'an Apple Numbers file (.numbers)', fix: 'open it in Numbers and use File → Export To → Excel' },
  csv: { name: 'a CSV text file', fix: 'fill in the progress sheet as sent (.xlsx) instead of saving it as CSV' },
};

function usage(p: UsageProblem): string {
  switch (p.problem) {
    case 'unknown-command':
      return `unknown command ${p.command}`;
    case 'unknown-option':
      return `unknown option ${p.option}`;
    case 'option-needs-value':
      return `option ${p.option} needs a value`;
    case 'option-takes-no-value':
      return `option ${p.option} takes no value`;
    case 'option-one-of':
      return `${p.option} ${p.value}: ${choices(p.choices)}`;
    case 'option-share':
      return `${p.option} ${p.value}: a share from 0 to 1`;
    case 'option-integer':
      return `${p.option} ${p.value}: a whole number`;
    case 'option-required':
      return p.option === '--period' ? `${p.command} needs --period (2021, 2021-H1, 2021-Q2 or 2021-06)` : `${p.command} needs ${p.option} DIR`;
    case 'output-required':
      return `${p.command} needs --out ledger.xlsx (or --json)`;
    case 'xlsx-needs-out':
      return '--format xlsx needs --out FILE.xlsx';
    case 'department-or-all':
      return 'give either --department NAME or --all';
    case 'files-required':
      return `${p.command} needs the progress sheets: FILE or DIR`;
    case 'one-file':
      return `${p.command} takes one file, got ${p.count}`;
    case 'no-file-taken':
      return `${p.command} takes no file; name the plan with --plan`;
    case 'out-is-input':
      return `${p.command} does not overwrite the returned sheets: ${p.file} in the --out folder is one of its inputs; choose another folder`;
    case 'no-period-found':
      return 'no progress sheet names a period; give --period';
    case 'no-sheet-read':
      return `no progress sheet was read: none of the ${p.files.length} files could be (${shortList(p.files.map((f) => `${baseName(f.file)}: ${en.codes[f.code].title}`), '; ', (n) => `and ${n} more`)}); fix each (plan-ledger check lists them) and run again`;
    case 'no-sheets-found':
      return `no spreadsheet file (.xlsx, .xls, .et, .ods…) in ${p.paths.join(', ')}: ${p.command} has no progress sheet to read`;
  }
}

function fileReason(reason: FileReason, errno: string | undefined): string {
  switch (reason) {
    case 'not-a-file':
      return 'not a regular file';
    case 'is-a-directory':
      return 'it is a folder';
    case 'not-a-directory':
      return 'a part of the path is not a folder';
    case 'permission-denied':
      return 'permission denied';
    case 'read-only':
      return 'read-only file system';
    case 'disk-full':
      return 'the disk is full';
    case 'busy':
      return 'the file is in use';
    case 'system':
      return `system error ${errno ?? ''}`.trim();
  }
}

function corrupt(p: CorruptReason): string {
  switch (p.reason) {
    case 'zip-truncated':
      return 'the zip archive is truncated (no central directory)';
    case 'zip-directory':
      return 'the zip central directory is damaged';
    case 'no-sheets':
      return 'the workbook lists no sheets';
    case 'zip-entry':
      return `damaged zip entry ${p.part}`;
    case 'part-damaged':
      return `${p.part} is missing or damaged`;
    case 'zip-method':
      return `${p.part} uses an unsupported compression method (${p.method})`;
    case 'inflate':
      return `${p.part} cannot be inflated (${p.detail})`;
    case 'unreadable':
      return `its contents cannot be read (${p.detail})`;
  }
}

const field = (name: string): string => (name === '' ? '(root)' : name);

function data(p: DataProblem): string {
  switch (p.reason) {
    case 'syntax':
      return p.position === undefined ? 'JSON syntax error' : `JSON syntax error at character ${p.position + 1}`;
    case 'not-an-object':
      return 'expected an object';
    case 'type':
      return `${field(p.field)}: expected ${p.expected}`;
    case 'one-of':
      return `${field(p.field)}: expected one of ${choices(p.choices)}`;
    case 'too-small':
      return `${field(p.field)}: must not be below ${p.limit}`;
    case 'too-large':
      return `${field(p.field)}: must not be above ${p.limit}`;
    case 'red-below-yellow':
      return `${field(p.field)}: redFrom must not be below yellowFrom`;
    case 'invalid':
      return `${field(p.field)}: invalid`;
  }
}

/** The columns a ledger row and an audit detail share. */
const targetRow = { id: 'ID', path: 'Task', taskTitle: 'Task title', metric: 'Metric', value: 'Target', unit: 'Unit' } as const;

const DOCX_PROBLEMS = { 'not-a-zip': 'not a zip archive', truncated: 'the file is truncated', 'no-document': 'no word/document.xml', 'too-large': 'too large when unzipped' } as const;

const byWhen = (deadline: string): string => (deadline === '' ? '' : `, due ${deadline}`);
const measured = (r: { figure: number; value: number; unit: string }) => ({ figure: `${r.figure}${r.unit}`, goal: `${r.value}${r.unit}` });

export const en: Wording = {
  ...enSheet,
  codes: {
    usage: { title: 'Wrong usage', message: (p) => `${usage(p)}. Run plan-ledger --help for usage` },
    'file-not-found': { title: 'File not found', message: (p) => `cannot find file ${p.file}` },
    'file-unreadable': { title: 'File unreadable', message: (p) => `cannot read ${p.file}: ${fileReason(p.reason, p.errno)}` },
    'file-empty': { title: 'Empty file', message: (p) => `${p.file} is empty` },
    'file-too-large': { title: 'File too large', message: (p) => `${p.file} is larger than ${p.limitMB} MB` },
    'file-binary': { title: 'Binary file', message: (p) => `${p.file} is binary, not a text, Word or JSON plan` },
    'file-unsupported-type': { title: 'Unsupported file type', message: (p) => `${p.file} has an unsupported type; give a .txt, .docx, or a .json written by parse --json` },
    'text-encoding-unknown': { title: 'Unknown text encoding', message: (p) => `${p.file} is not text in UTF-8, UTF-16 or GB18030/GBK` },
    'docx-corrupt': {
      title: 'Corrupt Word file',
      message: (p) => `${p.file} is not a valid .docx file: ${p.reason === 'unzip' ? `cannot unzip it (${p.detail})` : DOCX_PROBLEMS[p.reason]}`,
    },
    'json-invalid': { title: 'JSON is not plan records', message: (p) => `${p.file} is not records written by plan-ledger parse --json: ${data(p)}` },
    'plan-no-tasks': { title: 'No numbered tasks', message: (p) => `found no numbered tasks (paragraphs starting with 1. or (一)) in ${p.file}; it does not look like a work plan` },
    'output-unwritable': { title: 'Cannot write output', message: (p) => `cannot write ${p.file}: ${fileReason(p.reason, p.errno)}` },
    'task-no-departments': { title: 'Task names no department', message: (p) => `task ${p.task} names no department such as (推进单位:…)` },
    'target-unassigned': { title: 'Target on no sheet', message: (p) => `the target “${p.raw}” (${p.targetId}) has no department and is on no progress sheet` },
    'department-group': { title: 'Group of departments', message: (p) => `“${p.name}” names a group of departments (in ${p.tasks} tasks) and gets no progress sheet of its own; list its members in a groups file (--groups) to give each of them one` },
    'heading-number-repeated': { title: 'Repeated number', message: (p) => `number ${p.number} repeats at its level; identified as ${p.id}` },
    'heading-number-skipped': { title: 'Skipped number', message: (p) => `numbering jumps from ${p.previous} to ${p.number}` },
    'target-metric-missing': { title: 'Metric not recognized', message: (p) => `cannot tell from the context what “${p.raw}” counts` },
    'period-invalid': { title: 'Invalid period', message: (p) => `cannot read period ${p.period}; write 2021, 2021-H1, 2021-Q2 or 2021-06` },
    'department-unknown': {
      title: 'Unknown department',
      message: (p) => `department “${p.department}” carries no task in ${p.period}; known: ${p.known.length > 0 ? list(p.known) : '—'}`,
    },
    'template-missing-placeholder': { title: 'Template lacks a placeholder', message: (p) => `template ${p.file} lacks the required placeholder ${p.placeholder}` },
    'template-invalid': {
      title: 'Unusable template',
      message: (p) => {
        const detail =
          p.reason === 'unreadable'
            ? `cannot open it (${p.detail})`
            : p.reason === 'too-large'
              ? `it unzips to more than ${p.limitMB} MB, too large for a sheet template`
              : p.reason === 'generated-sheet'
                ? 'it is a generated sheet, not a template'
                : `row placeholders stand on rows ${list(p.rows.map(String))}; use one row`;
        return `template ${p.file} cannot be used: ${detail}`;
      },
    },
    'template-not-carried': {
      title: 'Template content not carried as it was',
      message: (p) => {
        const what =
          p.what === 'drawing-in-row'
            ? `a picture or chart on the row template (row ${p.row}) is not repeated per row; it stays on the first row`
            : p.what === 'comment-in-row'
              ? `the comment on ${p.cell} in the row template stays on the first row only`
              : p.what === 'validation-replaced'
                ? `the data validation on ${p.cell} was replaced by the sheet's own entry check`
                : p.what === 'series-across-row'
                  ? `the chart series ${p.range} runs along the row template and covers only the first row after filling`
                  : p.what === 'merge-across-row'
                    ? `the merged cells ${p.range} reach over the row template and were split: the row template's rows are no longer merged`
                    : p.what === 'macros-removed'
                    ? `its macros (${p.part}) were removed: a progress sheet is an .xlsx file, which cannot hold macros`
                    : `${p.part} is kept as it was; positions in it that point at moved rows were not updated`;
        return `template ${p.file}: ${what}`;
      },
    },
    'file-not-xlsx': { title: 'Not an xlsx file', message: (p) => `${p.file} is not an Excel workbook (.xlsx)` },
    'file-other-format': { title: 'Wrong file format', message: (p) => `${p.file} is ${FORMAT_EN[p.format].name}, not an Excel workbook (.xlsx), and was not read: ${FORMAT_EN[p.format].fix}, then send it again` },
    'file-corrupt': { title: 'Corrupt file', message: (p) => `${p.file} is corrupt and cannot be read: ${corrupt(p)}` },
    'template-not-a-progress-sheet': { title: 'Not a progress sheet', message: (p) => `${p.file} is not a progress sheet generated by plan-ledger` },
    'template-unknown-plan': {
      title: 'Unknown plan',
      message: (p) => `${p.file} was made from another plan or version (《${p.planTitle}》, ${p.planId}), not the one checked against (${p.expected}), and is left out: name its plan with --plan, or send out sheets of the current plan`,
    },
    'template-plan-cell-changed': { title: 'Plan cell changed', message: (p) => `plan cell ${p.cell} was changed to “${p.value}”; it was “${p.expected}”` },
    'template-row-deleted': { title: 'Row deleted', message: (p) => `the row for ${p.id} (${p.metric}) was deleted` },
    'template-row-added': { title: 'Row added', message: (p) => `row ${p.row} was not generated; its contents are not counted` },
    'entry-not-a-number': { title: 'Not a number', message: (p) => `the figure “${p.value}” in ${p.cell} is not a number` },
    'entry-negative': { title: 'Negative figure', message: (p) => `the figure ${p.value} in ${p.cell} is negative` },
    'entry-not-integer': { title: 'Not a whole number', message: (p) => `the figure ${p.value} in ${p.cell} should be a whole number of ${p.unit}` },
    'entry-percent-out-of-range': { title: 'Percentage out of range', message: (p) => `the percentage ${p.value} in ${p.cell} is not between 0 and 100` },
    'entry-unit-converted': { title: 'Unit converted', message: (p) => `“${p.text}” in ${p.cell} was read as ${p.value} ${p.unit}` },
    'entry-status-inconsistent': {
      title: 'Status contradicts figure',
      message: (p) =>
        p.value === null
          ? `${p.cell} says “${en.status[p.status]}” but no figure is reported (target ${p.target})`
          : `${p.cell} says “${en.status[p.status]}” but the figure is ${p.value} ${p.met ? '≥' : '<'} the target ${p.target}`,
    },
    'entry-evidence-missing': { title: 'Evidence missing', message: (p) => `${p.cell} is marked “${en.status.done}” with no evidence` },
    'entry-outlier': { title: 'Outlier', message: (p) => `the figure ${p.value} in ${p.cell} is more than ${p.factor}× the target ${p.target}; check the unit (万 or 个)` },
    'entry-decreased': { title: 'Cumulative figure decreased', message: (p) => `the running figure ${p.value} in ${p.cell} is below the previous period’s ${p.previous}` },
    'entry-behind-schedule': { title: 'Behind schedule', message: (p) => `the figure ${p.value} in ${p.cell} is below the ${p.expected} time-elapsed progress asks for` },
    'entry-below-target': { title: 'Below target', message: (p) => `${p.value}${p.unit} in ${p.cell} is below the target ${p.target}${p.unit} (judged at its value, not pro-rated)` },
    'entry-figure-in-task-row': { title: 'Figure in a task row', message: (p) => `the task in ${p.cell} has no figure to report: “${p.value}” is not counted and is kept in the note` },
    'entry-overdue': { title: 'Past its deadline', message: (p) => `the task in ${p.cell} was due ${p.deadline} and is reported “${en.status[p.status]}”` },
    'consolidate-conflict': {
      title: 'Departments disagree',
      message: (p) => `${p.metric}: ${p.a} reports ${p.aValue} (${p.aFile} ${p.aCell}), ${p.b} reports ${p.bValue} (${p.bFile} ${p.bCell})`,
    },
    'consolidate-missing': { title: 'Sheet missing', message: (p) => `${p.department} sent no progress sheet for ${p.period}` },
    'sheets-plan-versions': {
      title: 'Sheets of several plan versions',
      message: (p) =>
        `${p.files} sheets (e.g. ${p.examples.join(', ')}) were made from another version of the plan, 《${p.title}》 (${p.planId}, made ${p.generatedAt.slice(0, 10)}); they are left out, as the sheets are judged against the version most were made from, 《${p.usedTitle}》 (${p.usedPlanId}, ${p.usedFiles} sheets); name their plan with --plan if needed`,
    },
    'consolidate-duplicate': { title: 'Duplicate sheet', message: (p) => `${p.department} sent two sheets for ${p.period}: ${p.kept} is used, ${p.dropped} is not` },
    'consolidate-wrong-period': { title: 'Wrong period', message: (p) => `${p.file} is the sheet for ${p.found}; this consolidation is for ${p.expected}; not counted` },
    'previous-not-read': { title: 'Last period’s file not read', message: (p) => `last period’s file ${p.file} could not be read (${en.codes[p.because].title.toLowerCase()}), so running figures were not checked against it` },
    'history-figure-fell': {
      title: 'Running figure fell since an earlier period',
      message: (p) => `${p.metric}${p.department === null ? '' : ` (${p.department})`}: the running figure ${p.toValue}${p.unit} of ${periodLabel(p.to, enSheet)} is below the ${p.fromValue}${p.unit} of ${periodLabel(p.from, enSheet)}`,
    },
    'consolidate-other-plan': { title: 'Sheet of another plan', message: (p) => `${p.file} was made from another plan or version (《${p.planTitle}》); not counted: name its plan with --plan, or send out sheets of the current plan` },
    'reissue-no-plan': { title: 'Sheet carries no plan', message: (p) => `${p.file} was made before sheets carried their plan, so its entries cannot be carried into the revised plan’s sheets: send that department a blank sheet of the revised plan` },
    'policy-invalid': {
      title: 'Invalid policy file',
      message: (p) => {
        const detail =
          p.reason === 'csv-columns'
            ? 'CSV needs the columns targetId and policy (or 指标编号, 汇总方式)'
            : p.reason === 'unknown-target'
              ? `unknown target ${p.target || '(empty)'}`
              : p.reason === 'unknown-policy'
                ? `${p.target}: policy ${p.policy || '(empty)'} is not same | sum | lead`
                : data(p);
        return `policy file ${p.file} is invalid: ${detail}`;
      },
    },
    'rules-invalid': { title: 'Invalid rules file', message: (p) => `rules file ${p.file} is invalid: ${data(p)}` },
    'groups-invalid': { title: 'Invalid groups file', message: (p) => `groups file ${p.file} is invalid (it lists each group with its members: {"各街道": ["殷行街道", …]}): ${data(p)}` },
    'ledger-invalid': {
      title: 'Invalid ledger',
      message: (p) =>
        p.reason === 'no-period'
          ? `the ledger's period “${p.period}” is not a period`
          : p.reason === 'not-a-ledger'
            ? `${p.file} is not a ledger written by plan-ledger consolidate (ledger.xlsx)`
            : `the ledger in ${p.file} is damaged or of a later version; run plan-ledger consolidate again`,
    },
  },
  codeKind: { fatal: 'fatal', finding: 'finding' },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  role: { lead: 'lead', responsible: 'responsible', support: 'support' },
  policy: { same: 'same', sum: 'sum', lead: 'lead' },
  verdict: { met: 'met', 'on-track': 'on track', behind: 'behind', missed: 'missed', 'no-data': 'no data', disputed: 'disputed' },
  light: { green: 'green', yellow: 'yellow', red: 'red', grey: 'grey' },
  partKind: { plan: 'plan', progress: 'progress' },
  targetKind: { target: 'target', actual: 'actual' },
  basis: { new: 'new', cumulative: 'cumulative', plain: 'not stated' },
  measure: { quantity: 'quantity (paced)', level: 'level (at its value)', ceiling: 'ceiling (at most)', growth: 'growth (at its value)', milestone: 'milestone (by its deadline)' },
  never: 'never',
  yes: 'yes',
  reason: (r) => {
    switch (r.kind) {
      case 'disputed':
        return 'departments disagree or an entry is in error';
      case 'no-figure':
        return 'no figure reported';
      case 'no-status':
        return 'no status reported';
      case 'done-without-evidence':
        return 'marked done with no evidence';
      case 'done':
        return `done; evidence: ${r.evidence}`;
      case 'in-progress':
        return `in progress${byWhen(r.deadline)}`;
      case 'in-progress-due':
        return `due ${r.deadline}, still in progress`;
      case 'reported-behind':
        return `reported behind${byWhen(r.deadline)}`;
      case 'behind-due':
        return `due ${r.deadline}, behind`;
      case 'not-started':
        return `not started${byWhen(r.deadline)}`;
      case 'not-started-due':
        return `due ${r.deadline}, not started`;
      case 'within-ceiling':
        return `${measured(r).figure}, within ${measured(r).goal}`;
      case 'above-ceiling':
        return `${measured(r).figure}, above the ceiling ${measured(r).goal}`;
      case 'met':
        return `${measured(r).figure} of ${measured(r).goal}`;
      case 'missed':
        return `due ${r.deadline}: ${measured(r).figure} of ${measured(r).goal}`;
      case 'on-track':
        return `${measured(r).figure} of ${measured(r).goal} (${percent(r.completion)}), time elapsed ${percent(r.share)}`;
      case 'behind':
        return `${measured(r).figure} of ${measured(r).goal} (${percent(r.completion)}), time elapsed ${percent(r.share)}, ${r.gap} points behind`;
      case 'below-target':
        return `${measured(r).figure}, below the target ${measured(r).goal} (judged at its value, not pro-rated), ${r.gap}% short`;
      case 'above-ceiling-early':
        return `${measured(r).figure}, ${r.gap}% above the ceiling ${measured(r).goal}; it must come within it by the deadline`;
    }
  },
  list,
  accounting: (a) => `${a.rowsRead} rows read = ${a.rowsMerged} merged + ${a.rowsRejected} rejected with a finding`,
  documentField: {
    id: 'Plan ID',
    title: 'Title',
    docNumber: 'Document number',
    issuer: 'Issuer',
    signedOn: 'Signed on',
    publishedOn: 'Published on',
    adoptedOn: 'Adopted on',
    kind: 'Kind',
    year: 'Year',
    contentHash: 'Content hash',
    sourceFile: 'Source file',
    sourceEncoding: 'Source encoding',
  },
  accountingItem: {
    files: 'Files',
    sheetsAccepted: 'Sheets accepted',
    filesSkipped: 'Files skipped',
    rowsRead: 'Rows read',
    rowsMerged: 'Rows merged',
    rowsRejected: 'Rows rejected with a finding',
  },
  tables: {
    document: { title: 'Document', columns: { field: 'Field', value: 'Value' } },
    sections: { title: 'Sections', columns: { id: 'ID', path: 'Path', parentId: 'Parent ID', title: 'Title', kind: 'Kind', year: 'Year', spanStart: 'Span start', spanEnd: 'Span end' } },
    tasks: {
      title: 'Tasks',
      columns: { id: 'ID', path: 'Path', sectionId: 'Section ID', title: 'Title', kind: 'Kind', year: 'Year', departments: 'Departments', measure: 'Measure', deadline: 'Deadline', text: 'Text', spanStart: 'Span start', spanEnd: 'Span end' },
    },
    taskDepartments: { title: 'Task departments', columns: { taskId: 'Task ID', path: 'Path', order: 'Order', department: 'Department', role: 'Role' } },
    targets: {
      title: 'Targets',
      columns: {
        id: 'ID',
        taskId: 'Task ID',
        sectionId: 'Section ID',
        metric: 'Metric',
        value: 'Value',
        unit: 'Unit',
        comparator: 'Comparator',
        basis: 'Basis',
        measure: 'Measure',
        kind: 'Kind',
        year: 'Year',
        deadline: 'Deadline',
        raw: 'Raw',
        sentence: 'Sentence',
        spanStart: 'Span start',
        spanEnd: 'Span end',
      },
    },
    departments: { title: 'Departments', columns: { id: 'ID', name: 'Name', taskCount: 'Tasks', taskIds: 'Task IDs' } },
    planFindings: { title: 'Findings', columns: { code: 'Code', severity: 'Severity', message: 'Message', line: 'Line', taskId: 'Task ID', targetId: 'Target ID' } },
    entries: {
      title: 'Entries',
      columns: { department: 'Department', period: 'Period', taskId: 'Task ID', targetId: 'Target ID', actual: 'Figure', status: 'Status', note: 'Note', evidence: 'Evidence', file: 'File', sheet: 'Sheet', cell: 'Cell' },
    },
    findings: {
      title: 'Findings',
      columns: {
        severity: 'Severity',
        title: 'Problem',
        message: 'Message',
        fileName: 'File',
        file: 'File path',
        sheet: 'Sheet',
        cell: 'Cell',
        row: 'Row',
        taskId: 'Task ID',
        targetId: 'Target ID',
        value: 'Value',
        code: 'Code',
      },
    },
    ledger: {
      title: 'Ledger',
      columns: {
        ...targetRow,
        measure: 'Measure',
        deadline: 'Deadline',
        policy: 'Policy',
        figure: 'Figure',
        status: 'Status',
        reported: 'Reported by',
        departments: 'Departments',
        disputed: 'Disputed',
        evidence: 'Evidence',
      },
    },
    reports: {
      title: 'Reports',
      columns: {
        id: 'ID',
        metric: 'Metric',
        department: 'Department',
        role: 'Role',
        actual: 'Figure',
        status: 'Status',
        note: 'Note',
        evidence: 'Evidence',
        fileName: 'File',
        file: 'File path',
        cell: 'Cell',
      },
    },
    accounting: { title: 'Accounting', columns: { item: 'Item', count: 'Count' } },
    submissions: {
      title: 'Submissions',
      columns: { period: 'Period', department: 'Department', reporter: 'Reported by', phone: 'Telephone', date: 'Date', fileName: 'File', sha256: 'File SHA-256', generatedAt: 'Sheet generated', file: 'File path' },
    },
    chase: { title: 'Not reported', columns: { department: 'Department', period: 'Period', lastPeriod: 'Last reported', reporter: 'Last reported by', phone: 'Telephone' } },
    byDepartment: { title: 'Summary by department', columns: { name: 'Department', total: 'Leads or answers for', green: 'green', yellow: 'yellow', red: 'red', grey: 'grey', greenShare: 'Green share', supportTotal: 'Supporting', supportRed: 'of which red' } },
    bySection: { title: 'Summary by section', columns: { name: 'Section', total: 'Rows', green: 'green', yellow: 'yellow', red: 'red', grey: 'grey', greenShare: 'Green share' } },
    details: {
      title: 'Details',
      columns: {
        ...targetRow,
        measure: 'Measure',
        deadline: 'Deadline',
        figure: 'Figure',
        completion: 'Completion',
        expected: 'Time elapsed',
        verdict: 'Verdict',
        light: 'Light',
        reason: 'Reason',
        departments: 'Departments',
        evidence: 'Evidence',
        sources: 'Sources',
        sourcePaths: 'Sources (full paths)',
      },
    },
  },
  template: {
    sheetName: 'Progress',
    subtitle: 'Progress report ({{period.label}})',
    departmentLine: 'Department: {{department.name}}',
    shareLine: 'Time elapsed: {{period.share}}',
    documentLine: 'Document: {{plan.docNumber}}  Generated: {{generatedAt}}  {{units.note}}',
    headers: {
      'row.id': 'ID',
      'row.number': 'No.',
      'task.code': 'Task',
      'task.title': 'Task title',
      'target.metric': 'Metric',
      'target.value': 'Target',
      'target.unit': 'Unit',
      'target.deadline': 'Deadline',
      baseline: 'Last year',
      expected: 'Due by now',
      'entry.actual': 'Figure',
      completion: 'Completion',
      'entry.status': 'Status',
      'entry.note': 'Progress note',
      'entry.evidence': 'Evidence',
    },
    reporter: 'Reported by:',
    phone: 'Telephone:',
    date: 'Date:',
    note: 'Yellow cells are for input; pick the status from the list; enter the figure as a number in the unit of the Unit column.',
  },
  placeholders: {
    'plan.title': 'plan title',
    'plan.docNumber': 'document number',
    'plan.id': 'plan id',
    'department.name': 'department',
    'period.label': 'period as words (2021 Q2)',
    'period.code': 'period code (2021-Q2)',
    'period.share': 'time-elapsed share (50%)',
    generatedAt: 'generation time',
    'units.note': 'unit conversions (targets the plan writes in 亿元, 万户 …: 1 亿元 = 100,000,000 元)',
    'row.id': 'target or task id (may be hidden; identifies rows on read-back)',
    'row.number': 'row number',
    'task.code': 'task path (2.5.12)',
    'task.title': 'task title',
    'target.metric': 'metric',
    'target.value': 'target value',
    'target.unit': 'unit',
    'target.comparator': 'comparator (≥, ≤, ≈)',
    'target.deadline': 'deadline',
    baseline: 'last year’s figure',
    expected: 'time-elapsed target (value × share)',
    completion: 'completion rate (a formula)',
    'entry.actual': 'reported figure (input)',
    'entry.status': 'status (input)',
    'entry.note': 'progress note (input)',
    'entry.evidence': 'evidence (input)',
    'reporter.name': 'who filled the sheet in (input)',
    'reporter.phone': 'their telephone (input)',
    'reporter.date': 'date of the report (input)',
  },
  placeholderScope: { header: 'header', row: 'row template', entry: 'row template (input)', sign: 'signature block (input)' },
  placeholderTableHead: ['placeholder', 'where', 'required', 'meaning'],
  codeTableHead: ['code', 'kind', 'severity', 'meaning'],
  printout: {
    line: (p) => [p.sheet, p.docNumber && `No. ${p.docNumber}`, `Period ${p.period}`, `Generated ${p.generatedAt}`].filter(Boolean).join(' · '),
    footer: 'Page &P of &N',
  },
  report: {
    title: 'Progress audit',
    generated: 'Generated',
    overview: 'Lights overall',
    byDepartment: 'By department',
    bySection: 'By section',
    redItems: 'Red items',
    redColumns: ['Task', 'Task or target', 'Lead (responsible)', 'Supporting', 'Why'],
    details: 'Details',
    findings: 'Findings',
    filter: 'Filter (task, metric, department, reason)',
    all: 'All',
    rows: 'rows',
    none: 'None',
    columns: ['Task', 'Task title', 'Metric', 'Target', 'Figure', 'Completion', 'Time elapsed', 'Verdict', 'Light', 'Reason', 'Departments'],
    findingColumns: ['Severity', 'Problem', 'Message', 'File', 'Cell'],
    legend: 'Legend',
    behindBy: { yellow: 'behind schedule (a little)', red: 'behind schedule (far)' },
    thresholds: (r) => {
      const pair = (t: { yellowFrom: number; redFrom: number }, unit: string) => `yellow from ${t.yellowFrom}${unit}, red from ${t.redFrom}${unit}`;
      return [
        `Thresholds: a quantity behind the time elapsed, ${pair(r.behind, ' points')}`,
        `a rate or index short of its target, ${pair(r.measures.level ?? r.behind, ' points')}`,
        `a growth rate short of its target, ${pair(r.measures.growth ?? r.behind, ' points')}`,
        `a ceiling exceeded, ${pair(r.measures.ceiling ?? r.behind, '%')}`,
        `a milestone not started once ${percent(r.notStartedRedFrom)} of the time has elapsed is red.`,
      ].join('; ');
    },
    footer: 'Generated by plan-ledger from the departments’ progress sheets; every figure in Details leads to its file and cell.',
  },
  fix: enFix,
  feedback: enFeedback,
  revision: enRevision,
  history: enHistory,
  cli: {
    help: `plan-ledger: turn a government work plan into a ledger of tasks and targets

Usage:
  plan-ledger parse [file] [--json] [--out DIR]
      Parse a plan (the bundled 杨府〔2021〕13号 by default).
      The file may be .txt (UTF-8, UTF-16, GB18030/GBK detected), .docx, or .json written by parse --json.
      --json        print all records as one JSON document on stdout
      --out DIR     write a CSV per table (UTF-8 with BOM, formula-safe) and one plan.xlsx
      With neither, print a summary.
  plan-ledger template --department NAME|--all --period 2021-Q2 [--plan FILE] [--template FILE] [--previous SHEETS|LEDGER…] --out DIR
      Progress sheets per department (periods: 2021, 2021-H1, 2021-Q2, 2021-06).
      --previous    last period's filled sheets or ledger: each department's figures travel with its sheet, shown by the add-in and checked for decreases
  plan-ledger check FILE|DIR… [--previous FILE…] [--format text|json|csv|xlsx] [--out PATH] [--feedback DIR]
      Read filled sheets back and check them; exit 1 when there are errors.
      --feedback DIR  an annotated copy of each sheet with problems, to send back (problem cells coloured, with notes; a Problems sheet)
  plan-ledger demo-fill --period 2021-Q2 --out DIR [--mistakes 0.15] [--seed 1]
      Plausible filled sheets with typical mistakes.
  plan-ledger consolidate DIR|FILE… [--period …] [--policy FILE] [--previous FILE…] --out ledger.xlsx [--json] [--feedback DIR]
      Merge every department's sheet into one ledger; with last period's sheets or ledger, running figures must not fall.
  plan-ledger reissue --plan REVISED SHEETS|DIR… [--template FILE] --out DIR
      After a plan is revised: each department's sheet made again from the revised plan, with what it entered carried over
      (matched by task number and metric, or by sentence where the numbering moved), and a change report
      (change-report.xlsx, .csv, .html) of targets added, removed and changed and of every entry carried over or not.
  plan-ledger audit LEDGER.xlsx|DIR… [--rules FILE] [--previous FILE…] --out DIR
      Verdicts and traffic lights as XLSX, CSV and one HTML page, and a feedback form per department (feedback/).
  plan-ledger demo [--plan FILE] [--out DIR]
      The whole job (npm start): records, blank sheets, filled samples, ledger, audit report.
  plan-ledger codes       list every problem code
  plan-ledger --help      show this help
  plan-ledger --version   show the version

Common options:
  --lang zh-CN|en   language (default zh-CN; or set PLAN_LEDGER_LANG)
  --groups FILE     groups file (JSON: {"各街道": ["殷行街道", "五角场街道", …]}): a group the plan names reports through its members
  --coordinator NAME  who reports on headline goals that name no department (default from the issuer: 区政府办公室, 市政府办公厅 …)

Exit codes: 0 success; 1 error findings (check, consolidate); 2 unusable input or wrong usage (one line: [code] message).`,
    planSummary: (s) => `${s.title}: ${s.sections} sections, ${s.tasks} tasks, ${s.targets} targets, ${s.departments} departments, ${s.findings} findings`,
    writtenTo: (dir) => `Written to ${dir}:`,
    sheetsWritten: (count, period, dir) => `${count} sheets for ${period} written to ${dir}:`,
    templateNote: (severity, message) => `${severity}: ${message}`,
    checkSummary: (s) => `${s.files} files, ${s.rows} rows read: ${s.entries} entries, ${s.errors} errors, ${s.warnings} warnings`,
    planUsed: (p) => {
      const plan = `《${p.title}》${p.docNumber ? ` (${p.docNumber})` : ''}`;
      if (p.from === 'option') return `Judged against the plan given with --plan: ${plan}`;
      if (p.from === 'seed') return `Judged against the bundled sample plan ${plan} (the sheets carry no plan; name one with --plan)`;
      return `Judged against the plan the sheets carry: ${plan}${p.partial ? '; these sheets are older and carry only their own departments’ tasks, so departments that did not report are not in the results; name the whole plan with --plan' : ''}`;
    },
    checkResult: (valid) => (valid ? 'Result: no errors.' : 'Result: errors found (exit code 1).'),
    reading: 'reading',
    internalError: (detail) => `plan-ledger failed inside (please send this line to its maintainers): ${detail}`,
    consolidated: (a, findings) => `${a.files} files, ${a.sheetsAccepted} sheets accepted, ${a.filesSkipped} skipped; ${en.accounting(a)}; ${findings} findings`,
    ledgerWritten: (path) => `Ledger written to ${path}`,
    chase: (list) =>
      `${list.length} not reported: ` +
      list.map((c) => (c.lastPeriod === null ? `${c.department} (never reported)` : `${c.department} (${c.lastPeriod}: ${c.reporter || 'no name'}, tel. ${c.phone || 'none'})`)).join('; '),
    feedbackWritten: (count, dir) => `Annotated copies of ${count} files with problems (the files themselves untouched; problem cells coloured, with notes) in ${dir}`,
    feedbackSkipped: (files) => `Could not be opened to annotate: ${shortList(files.map(baseName), ', ', (n) => `and ${n} more`)}`,
    formsWritten: (count, dir) => `Feedback forms for ${count} departments: ${dir}`,
    audited: (rows, c) => `${rows} targets and tasks: ${c.green} green, ${c.yellow} yellow, ${c.red} red, ${c.grey} grey`,
    reportWritten: (path) => `Report: ${path}`,
    samplesWritten: (count, dir) => `${count} filled sample sheets written to ${dir}`,
    demo: {
      records: (dir, files) => `1. Plan records: ${dir} (${files} files, plan.xlsx among them)`,
      blank: (period, dir, count) => `2. Blank ${period} sheets: ${dir} (${count})`,
      filled: (period, dir, count) => `3. Filled ${period} samples (with typical mistakes): ${dir} (${count})`,
      ledger: (path, a, findings) => `4. Ledger: ${path} (${en.accounting(a)}; ${findings} findings)`,
      audit: (path, forms) => `5. Audit report: ${path}${forms.count > 0 ? ` (feedback forms for ${forms.count} departments: ${forms.dir})` : ''}`,
      page: (path) => `6. The offline page (nothing to install; send it to departments on WPS or LibreOffice): ${path}`,
      pageMissing: '6. The offline page is not built: run npm run build:page, then try again',
    },
  },
  demo: {
    done: 'Completed as planned',
    behind: 'Slowed by approvals',
    inProgress: 'On schedule',
    evidence: (department, row) => `${department}-${row}-acceptance.pdf`,
    reporter: (department) => `liaison of ${department}`,
  },
};
