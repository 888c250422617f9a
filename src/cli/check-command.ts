import { join } from 'node:path';
import type { Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import { flattenFinding, type Report } from '../core/report.js';
import { toCsv } from '../io/csv.js';
import { writeFileAtomic, writeFilesAtomic } from '../io/file.js';
import { nativeInflate } from '../io/inflate.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { readSheetFiles } from '../io/sheet-file.js';
import { tablesToXlsx } from '../io/xlsx.js';
import { checkSheets } from '../sheets/check.js';
import { reportTables } from '../sheets/table.js';
import type { Io } from './main.js';

export type ReportFormat = 'text' | 'json' | 'csv' | 'xlsx';
const FORMATS: readonly ReportFormat[] = ['text', 'json', 'csv', 'xlsx'];

export interface CheckCommand {
  readonly files: readonly string[];
  readonly previous: readonly string[];
  readonly plan: string | undefined;
  readonly format: string | undefined;
  readonly out: string | undefined;
  readonly locale: Locale;
}

/** plan-ledger check: exit 0 when no error finding, 1 when there are, 2 for unusable input. */
export async function checkCommand(cmd: CheckCommand, io: Io): Promise<number> {
  const format = (cmd.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new PlanLedgerError('usage', { detail: `--format ${cmd.format}: ${FORMATS.join(' | ')}` });
  if (cmd.files.length === 0) throw new PlanLedgerError('usage', { detail: 'check needs at least one FILE' });
  if (format === 'xlsx' && cmd.out === undefined) throw new PlanLedgerError('usage', { detail: '--format xlsx needs --out FILE.xlsx' });
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, cmd.locale);
  // Folders stand for the .xlsx files in them, as for consolidate.
  const files = await readSheetFiles(cmd.files);
  const previous = await readSheetFiles(cmd.previous);
  const report = await checkSheets(files, records, { locale: cmd.locale, previous, inflate: nativeInflate });

  const tables = reportTables(report);
  if (format === 'xlsx') {
    await writeFileAtomic(cmd.out as string, await tablesToXlsx(tables, cmd.locale));
  } else if (format === 'csv' && cmd.out !== undefined) {
    await writeFilesAtomic(tables.map((t) => [join(cmd.out as string, `${t.name}.csv`), toCsv(t, cmd.locale)] as const));
  } else {
    const text =
      format === 'json'
        ? `${JSON.stringify({ ...report, findings: report.findings.map(flattenFinding) }, null, 2)}\n`
        : format === 'csv'
          ? toCsv(tables[1] as (typeof tables)[number], cmd.locale)
          : textReport(report, cmd.locale);
    if (cmd.out === undefined) io.out(text);
    else await writeFileAtomic(cmd.out, text);
  }
  if (cmd.out !== undefined && format !== 'text') io.out(`${summaryLine(report, cmd.locale)}\n`);
  return report.valid ? 0 : 1;
}

function summaryLine(r: Report, locale: Locale): string {
  const s = r.stats;
  return locale === 'en'
    ? `${s.files} files, ${s.rows} rows read: ${s.entries} entries, ${s.errors} errors, ${s.warnings} warnings`
    : `检查 ${s.files} 个文件,读取 ${s.rows} 行:${s.entries} 条填报,${s.errors} 个错误,${s.warnings} 个警告`;
}

function textReport(r: Report, locale: Locale): string {
  const lines = [summaryLine(r, locale)];
  const byFile = new Map<string, string[]>();
  for (const f of r.findings) {
    const key = f.location.file ?? '';
    const list = byFile.get(key) ?? [];
    list.push(`  ${(f.location.cell ?? (f.location.row ? `#${f.location.row}` : '')).padEnd(6)} ${f.severity.padEnd(7)} ${f.code.padEnd(28)} ${f.message}`);
    byFile.set(key, list);
  }
  for (const [file, list] of byFile) lines.push(file, ...list);
  lines.push(r.valid ? (locale === 'en' ? 'Result: no errors.' : '结论:未发现错误。') : locale === 'en' ? 'Result: errors found (exit code 1).' : '结论:存在错误(退出码 1)。');
  return `${lines.join('\n')}\n`;
}
