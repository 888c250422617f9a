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
