// The Node entry (plan-ledger/node): the browser entry's list, and files, native zlib and worker threads, named here.
export * from './index.js';
export { loadPlan, planFor, SEED_PLAN, type ResolvedPlan } from './io/plan-file.js';
export { exportPlan, PLAN_WORKBOOK } from './io/export.js';
export { writeFileAtomic } from './io/file.js';
export { listSheetFiles, readSheetFiles, readPreviousFiles, sheetFileName, DEFAULT_TEMPLATE } from './io/sheet-file.js';
export { writeDepartmentSheets, type SheetsToWrite, type WrittenSheets } from './io/sheet-writer.js';
export { consolidateFiles, consolidateSources, type ConsolidateFilesOptions } from './io/consolidate-files.js';
export { writeAudit } from './io/audit-file.js';
export { reissueFiles, type ReissueToWrite, type ReissueWritten } from './io/reissue-files.js';
export { readPolicies, readRules } from './io/ledger-file.js';
export { nativeInflate, nativeDeflate, nodeZlib } from './io/zlib.js';
