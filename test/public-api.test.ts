import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/cli.js';

const ENTRIES = ['src/index.ts', 'src/node.ts'];
const program = ts.createProgram(
  ENTRIES.map((e) => join(ROOT, e)),
  { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: ['node'] },
);
const checker = program.getTypeChecker();

/** Each export of an entry with the text of its type, its members' types and its signatures, two levels deep. */
function exportsOf(entry: string): Map<string, string> {
  const source = program.getSourceFile(join(ROOT, entry));
  const module = source && checker.getSymbolAtLocation(source);
  const out = new Map<string, string>();
  if (!module || !source) return out;
  const show = (type: ts.Type, depth: number): string => {
    const text = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType);
    if (depth === 0) return text;
    const members = type.getProperties().map((p) => show(checker.getTypeOfSymbolAtLocation(p, source), depth - 1));
    const signatures = [...type.getCallSignatures(), ...type.getConstructSignatures()].flatMap((s) => [
      ...s.getParameters().map((p) => show(checker.getTypeOfSymbolAtLocation(p, source), depth - 1)),
      show(s.getReturnType(), depth - 1),
    ]);
    return [text, ...members, ...signatures].join('\n');
  };
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const type = target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Interface) && !(target.flags & ts.SymbolFlags.Value) ? checker.getDeclaredTypeOfSymbol(target) : checker.getTypeOfSymbolAtLocation(target, source);
    out.set(symbol.getName(), show(type, 2));
  }
  return out;
}

describe('the public API is a deliberate list', () => {
  const browser = exportsOf('src/index.ts');
  const node = exportsOf('src/node.ts');

  test.each(ENTRIES)('no exceljs type in a public signature of %s', (entry) => {
    const leaks = [...(entry === 'src/index.ts' ? browser : node)].filter(([, text]) => /ExcelJS|exceljs/.test(text)).map(([name]) => name);
    expect(leaks).toEqual([]);
  });

  test('consolidation, audit, report tables and HTML rendering are exported; internals are not', () => {
    for (const name of ['consolidate', 'sheetReader', 'auditLedger', 'recordTables', 'ledgerTables', 'auditTables', 'renderHtml', 'readProgress', 'openWorkbook', 'message', 'wording', 'planFromBytes']) {
      expect(browser.has(name), name).toBe(true);
    }
    for (const name of ['normalize', 'MAX_UNZIPPED_BYTES', 'MAX_SHEET_FILE_BYTES', 'META_SHEET', 'fillProgressSheet', 'buildDefaultTemplate', 'tablesToWorkbook']) {
      expect(browser.has(name) || node.has(name), name).toBe(false);
    }
  });

  test('the Node entry is the browser entry and, named, files, zlib and workers', () => {
    expect([...browser.keys()].filter((name) => !node.has(name))).toEqual([]);
    expect([...node.keys()].filter((name) => !browser.has(name)).sort()).toEqual(
      ['DEFAULT_TEMPLATE', 'PLAN_WORKBOOK', 'SEED_PLAN', 'consolidateFiles', 'consolidateSources', 'exportPlan', 'listSheetFiles', 'loadPlan', 'planFor', 'nativeDeflate', 'nativeInflate', 'nodeZlib', 'readPolicies', 'readRules', 'readPreviousFiles', 'readSheetFiles', 'reissueFiles', 'ReissueToWrite', 'ReissueWritten', 'sheetFileName', 'writeAudit', 'writeDepartmentSheets', 'writeFileAtomic', 'ConsolidateFilesOptions', 'ResolvedPlan', 'SheetsToWrite', 'WrittenSheets'].sort(),
    );
  });
});
