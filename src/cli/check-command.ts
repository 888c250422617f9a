import { join } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import { message } from '../core/locales/index.js';
import { withFindings, type Report } from '../core/report.js';
import { writeFileAtomic, writeFilesAtomic } from '../io/file.js';
import { nativeInflate } from '../io/zlib.js';
import { planFor } from '../io/plan-file.js';
import { readPreviousFiles, readSheetFiles } from '../io/sheet-file.js';
import { toCsv } from '../report/csv.js';
import { flatFinding, reportTables } from '../report/tables.js';
import { tablesToXlsx } from '../report/xlsx.js';
import { checkSheets } from '../sheets/check.js';
import { writeFeedbackOption } from './feedback-option.js';
import type { Context } from './io.js';
import { oneOf } from './options.js';

const FORMATS = ['text', 'json', 'csv', 'xlsx'] as const;

export interface CheckCommand {
  readonly files: readonly string[];
  readonly previous: readonly string[];
  readonly plan: string | undefined;
  readonly format: string | undefined;
  readonly out: string | undefined;
  /** A folder for the annotated copies of the sheets with problems. */
  readonly feedback?: string | undefined;
}

/** plan-ledger check: exit 0 when no error finding, 1 when there are, 2 for unusable input. */
export async function checkCommand(cmd: CheckCommand, context: Context): Promise<number> {
  const { io, w } = context;
  const format = oneOf(cmd.format ?? 'text', '--format', FORMATS);
  if (cmd.files.length === 0) throw new PlanLedgerError('usage', { problem: 'files-required', command: 'check' });
  if (format === 'xlsx' && cmd.out === undefined) throw new PlanLedgerError('usage', { problem: 'xlsx-needs-out' });
  // Folders stand for the spreadsheet files in them, as for consolidate; files that are not .xlsx each get a finding.
  const files = await readSheetFiles(cmd.files);
  const plan = await planFor(cmd.plan, files, context.plan);
  const { records } = plan;
  const planLine = w.cli.planUsed({ from: plan.from, title: records.document.title, docNumber: records.document.docNumber, partial: plan.partial });
  const previous = await readPreviousFiles(cmd.previous, records, 'check');
  const report = withFindings(await checkSheets(files, records, { previous: previous.figures, inflate: nativeInflate }), [...plan.findings, ...previous.findings]);

  const tables = reportTables(report, w);
  if (format === 'xlsx') {
    await writeFileAtomic(cmd.out as string, await tablesToXlsx(tables));
  } else if (format === 'csv' && cmd.out !== undefined) {
    await writeFilesAtomic(tables.map((t) => [join(cmd.out as string, `${t.name}.csv`), toCsv(t)] as const));
  } else {
    const text =
      format === 'json'
        ? `${JSON.stringify({ ...report, findings: report.findings.map((f) => flatFinding(f, w)) }, null, 2)}\n`
        : format === 'csv'
          ? toCsv(tables[1] as (typeof tables)[number])
          : textReport(report, context, planLine);
    if (cmd.out === undefined) io.out(text);
    else await writeFileAtomic(cmd.out, text);
  }
  if (cmd.out !== undefined && format !== 'text') io.out(`${w.cli.checkSummary(report.stats)}\n${planLine}\n`);
  // Which plan, on the report a person reads; beside the data otherwise.
  else if (format !== 'text') io.err(`${planLine}\n`);
  await writeFeedbackOption(cmd.feedback, files, report.findings, context, format !== 'text' && cmd.out === undefined ? io.err : io.out);
  return report.valid ? 0 : 1;
}

/** Findings grouped by file, a line each: cell, severity, code, sentence. */
function textReport(r: Report, { w }: Context, planLine: string): string {
  const lines = [w.cli.checkSummary(r.stats), planLine];
  const severityWidth = Math.max(...Object.values(w.severity).map((s) => s.length));
  const byFile = new Map<string, string[]>();
  for (const f of r.findings) {
    const key = f.location.file ?? '';
    const list = byFile.get(key) ?? [];
    list.push(`  ${(f.location.cell ?? (f.location.row ? `#${f.location.row}` : '')).padEnd(6)} ${w.severity[f.severity].padEnd(severityWidth)} ${f.code.padEnd(28)} ${message(f, w)}`);
    byFile.set(key, list);
  }
  for (const [file, list] of byFile) lines.push(file, ...list);
  lines.push(w.cli.checkResult(r.valid));
  return `${lines.join('\n')}\n`;
}
