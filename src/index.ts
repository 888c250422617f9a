// The browser-safe public API: the domain, reading and filling sheets, result tables and reports, and the
// file formats that need no Node API. Files, zlib and workers are in plan-ledger/node.

// Plans → records
export { parsePlan, type ParseOptions } from './core/parse.js';
export { applyGroups, GroupsSchema, type Groups } from './core/groups.js';
export {
  SCHEMA_VERSION,
  PlanRecordsSchema,
  DocumentSchema,
  SectionSchema,
  TaskSchema,
  TargetSchema,
  MeasureSchema,
  DepartmentSchema,
  type PlanRecords,
  type PlanDocument,
  type Section,
  type Task,
  type Target,
  type Department,
  type Source,
  type PartKind,
  type TargetKind,
} from './core/record.js';
export { type Span } from './core/span.js';
export { type Role, type Assignment, ROLES } from './core/department.js';
export { type Comparator, COMPARATORS } from './core/quantity.js';
export { type Basis } from './core/metric.js';
export { parseChineseNumeral, formatChineseNumeral } from './core/numeral.js';
export { resolveUnit, unitCategory, isCountUnit, type UnitCategory } from './core/unit.js';
export { planFromBytes } from './io/plan-source.js';
export { decodeText, type DecodedText, type TextEncoding } from './io/decode.js';
export { docxText } from './io/docx.js';

// Problems as data, worded at the edge
export { CODES, CODE_LIST, SEVERITIES, type Code, type CodeKind, type CodeParams, type ParamsOf, type Severity, type TemplateLoss } from './core/code.js';
export { FindingSchema, findingsOfFile, type Finding, type Location } from './core/finding.js';
export { PlanLedgerError } from './core/error.js';
export { wording, LOCALES, DEFAULT_LOCALE, localeOf, say, message, withMessage, describeError, codeTable, placeholderTable, type Locale, type Wording } from './core/locales/index.js';

// Periods, worklists, targets
export { parsePeriod, expectedShare, type Period } from './core/period.js';
export { worklist, departmentsFor, type WorkItem } from './core/worklist.js';
export { isMet, expectedValue, completionRate, isCeiling } from './core/attainment.js';
export { MEASURES, measureOf, isPaced, type Measure, type Measurable } from './core/measure.js';
export { readFigure, readStatus, STATUSES, type Status, type RawCell, type ReadFigure } from './core/entry.js';

// Progress sheets: filling and reading back
export { PLACEHOLDERS, PLACEHOLDER_LIST, REQUIRED_PLACEHOLDERS, type Placeholder, type PlaceholderScope } from './core/placeholder.js';
export { progressSheet, type ProgressSheet, type ProgressRow, type FigureRule, type Condition, type CellValue } from './core/progress-sheet.js';
export { defaultTemplate, DEFAULT_TEMPLATE_VERSION } from './sheets/template/default.js';
export { generateProgressSheet, TemplateCache, type FillOptions, type FilledSheet, type EntryValues } from './sheets/template/fill.js';
export { openWorkbook, WorkbookCache, type OpenOptions, type XlsxBook } from './sheets/xlsx/reader.js';
export { WorkbookError, type Inflate, type ZipProblem } from './sheets/xlsx/zip.js';
export { type Deflate } from './sheets/xlsx/zip-writer.js';
export { type Grid, type GridBook } from './sheets/xlsx/grid.js';
export { readProgress, readProgressSheets, readProgressSheet, readProgressFile, readProgressFileSheets, sheetReader, figureKey, type PreviousFigures, type ReadOptions, type SheetsReadOptions, type SheetSource } from './sheets/read.js';
export { readMeta, readMetas, carriedRecords, readCarriedPlan, META_FORMAT_VERSION, SheetMetaSchema, type SheetMeta } from './sheets/metadata.js';
export { plansOfSheets, type PlanVersion } from './sheets/sheets-plan.js';
export { checkSheets, type CheckOptions, type SheetFile } from './sheets/check.js';
export { feedbackCopy, FEEDBACK_FILLS, type FeedbackCopy, type FeedbackOptions } from './sheets/feedback.js';

// Plan revisions: what a revision changed, and the returned sheets reissued with their entries carried over
export {
  planChanges,
  type PlanChanges,
  type PlanChange,
  type ChangeKind,
  type ChangeReport,
  type Difference,
  type DropReason,
  type EntryCarry,
  type EntryPlace,
  type TaskPair,
  type TargetPair,
  type TaskMatch,
  type TargetMatch,
} from './core/revision.js';
export { reissue, type Reissue, type ReissuedSheet, type ReissueOptions } from './sheets/reissue.js';
export { EntrySchema, ReportSchema, type Entry, type Report } from './core/report.js';

// Consolidation and audit
export {
  consolidate,
  type ConsolidateOptions,
  type ConsolidationInput,
  type SheetReader,
  type SheetReading,
  type SheetIdentity,
} from './core/consolidate.js';
export { LedgerSchema, POLICIES, withLedgerFindings, type Ledger, type LedgerRow, type LedgerReport, type Accounting, type Policy } from './core/ledger.js';
export {
  auditLedger,
  judge,
  DEFAULT_RULES,
  RulesSchema,
  VERDICTS,
  LIGHTS,
  type Audit,
  type Judgement,
  type Reason,
  type RollUp,
  type Rules,
  type Verdict,
  type Light,
} from './core/audit.js';
export { ledgerToXlsx, ledgerFromXlsx, parsePolicies, parseRules } from './io/ledger.js';
export { readPrevious, type Previous } from './io/previous.js';

// Result tables and reports
export { recordTables, reportTables, ledgerTables, auditTables, flatFinding, type Table, type Column, type Cell } from './report/tables.js';
export { renderHtml } from './report/html.js';
export { changeReportTable, renderChangeReport } from './report/revision.js';
export { departmentFeedback, feedbackForm, type DepartmentFeedback } from './report/feedback-form.js';
export { toCsv, parseCsv } from './report/csv.js';
export { tablesToXlsx } from './report/xlsx.js';
