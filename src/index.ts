// Browser-safe public API: the domain (src/core) and records ↔ tables (src/sheets). File I/O is in plan-ledger/node.
export { parsePlan, type ParseOptions } from './core/parse.js';
export {
  SCHEMA_VERSION,
  PlanRecordsSchema,
  DocumentSchema,
  SectionSchema,
  TaskSchema,
  TargetSchema,
  DepartmentSchema,
  FindingSchema,
  type PlanRecords,
  type PlanDocument,
  type Section,
  type Task,
  type Target,
  type Department,
  type Finding,
  type Source,
  type Span,
  type PartKind,
} from './core/record.js';
export { type Role, type Assignment, ROLES } from './core/department.js';
export { type Comparator, COMPARATORS } from './core/quantity.js';
export { type Basis } from './core/metric.js';
export { parseChineseNumeral, formatChineseNumeral } from './core/numeral.js';
export { resolveUnit, unitCategory, isCountUnit, type UnitCategory } from './core/unit.js';
export { normalize } from './core/text.js';
export { CODES, CODE_LIST, render, codeTable, LOCALES, type Code, type Locale, type Severity } from './core/code.js';
export { PlanLedgerError } from './core/error.js';
export { recordTables, type Table, type Column, type Cell } from './sheets/table.js';
export { parsePeriod, periodName, expectedShare, type Period } from './core/period.js';
export { worklist, departmentsFor, baselineFor, type WorkItem } from './core/worklist.js';
export { isMet, expectedValue, completionRate, isCeiling } from './core/attainment.js';
export { readFigure, readStatus, STATUSES, STATUS_LABELS, type Status, type RawCell, type ReadFigure } from './core/entry.js';
export { EntrySchema, ReportSchema, flattenFinding, type Entry, type Report } from './core/report.js';
export { PLACEHOLDERS, PLACEHOLDER_LIST, REQUIRED_PLACEHOLDERS, placeholderTable, type Placeholder } from './sheets/placeholder.js';
export { buildDefaultTemplate, DEFAULT_TEMPLATE_VERSION } from './sheets/default-template.js';
export { fillProgressSheet, generateProgressSheet, type FillOptions } from './sheets/fill.js';
export { readProgressSheet, MAX_UNZIPPED_BYTES, type SheetReading, type ReadOptions } from './sheets/read.js';
export { checkSheets, MAX_SHEET_FILE_BYTES, type SheetFile, type CheckOptions } from './sheets/check.js';
export { readMeta, SheetMetaSchema, META_SHEET, type SheetMeta } from './sheets/metadata.js';
export { reportTables } from './sheets/table.js';
