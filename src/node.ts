// Node entry (plan-ledger/node): everything in the browser-safe entry, plus reading and writing files.
export * from './index.js';
export { loadPlan, SEED_PLAN } from './io/plan-file.js';
export { decodeText, type DecodedText, type TextEncoding } from './io/decode.js';
export { docxText } from './io/docx.js';
export { toCsv, parseCsv, rowsToCsv, escapeCell, unescapeCell } from './io/csv.js';
export { tablesToXlsx } from './io/xlsx.js';
export { exportPlan, PLAN_WORKBOOK } from './io/export.js';
export { writeFileAtomic } from './io/file.js';
export { readSheetFiles, sheetFileName, DEFAULT_TEMPLATE } from './io/sheet-file.js';
