import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import type { Ledger } from '../core/ledger.js';
import type { Period } from '../core/period.js';
import { toCsv } from '../io/csv.js';
import { writeFileAtomic, writeFilesAtomic } from '../io/file.js';
import { ledgerInWorkbook, ledgerToXlsx, readPolicies, readRules } from '../io/ledger-file.js';
import { listSheetFiles } from '../io/sheet-file.js';
import { nativeInflate } from '../io/inflate.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { BATCH, ReadPool } from '../io/read-pool.js';
import { tablesToXlsx } from '../io/xlsx.js';
import { auditLedger, type Audit } from '../sheets/audit.js';
import { consolidate, localReader } from '../sheets/consolidate.js';
import { renderHtml } from '../sheets/html-report.js';
import { auditTables } from '../sheets/table.js';
import type { Io } from './main.js';
import { requirePeriod } from './template-command.js';

export interface LedgerCommand {
  readonly inputs: readonly string[];
  readonly plan: string | undefined;
  readonly period: string | undefined;
  readonly policy: string | undefined;
  readonly rules?: string | undefined;
  readonly out: string | undefined;
  readonly json: boolean;
  readonly locale: Locale;
  /** Whether stderr is a terminal (a progress bar then). */
  readonly tty: boolean;
}

const optionalPeriod = (label: string | undefined): Period | undefined => (label === undefined ? undefined : requirePeriod(label));

/** Reads sheets (files or folders) and consolidates them; shared by consolidate and audit. */
async function buildLedger(cmd: LedgerCommand, io: Io): Promise<Ledger> {
  if (cmd.inputs.length === 0) throw new PlanLedgerError('usage', { detail: 'give the progress sheets: DIR or FILE…' });
  const period = optionalPeriod(cmd.period);
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, cmd.locale);
  const policies = cmd.policy === undefined ? undefined : await readPolicies(cmd.policy, records);
  const inputs = await listSheetFiles(cmd.inputs);
  const label = cmd.locale === 'en' ? 'reading' : '读取';
  // Files are read here unless PLAN_LEDGER_WORKERS asks for worker threads: on the 2-core machine this was
  // measured on, reading here was as fast or faster up to 2000 files (see the bench and README).
  const workers = Math.min(Number(process.env['PLAN_LEDGER_WORKERS'] ?? 0) || 0, availableParallelism());
  const pool = inputs.length > 1 && workers > 1 ? new ReadPool(records, cmd.locale, workers) : undefined;
  try {
    return await consolidate(inputs, records, {
      ...(period ? { period } : {}),
      ...(policies ? { policies } : {}),
      reader: pool ? pool.reader : localReader(records, cmd.locale, nativeInflate),
      ...(pool ? { concurrency: pool.size * BATCH * 2 } : {}),
      locale: cmd.locale,
      ...(cmd.tty && !cmd.json ? { onProgress: (done: number, total: number) => io.err(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`) } : {}),
    });
  } finally {
    await pool?.close();
  }
}

function accountingLine(ledger: Ledger, locale: Locale): string {
  const a = ledger.accounting;
  return locale === 'en'
    ? `${a.files} files, ${a.sheetsAccepted} sheets accepted, ${a.filesSkipped} skipped; ${a.rowsRead} rows read = ${a.rowsMerged} merged + ${a.rowsRejected} rejected with a finding; ${ledger.findings.length} findings`
    : `${a.files} 个文件,采用 ${a.sheetsAccepted} 份推进情况表,跳过 ${a.filesSkipped} 个;读取 ${a.rowsRead} 行 = 汇入 ${a.rowsMerged} 行 + 因问题未汇入 ${a.rowsRejected} 行;${ledger.findings.length} 条问题`;
}

/** plan-ledger consolidate: one ledger (台账) from every department's sheet. Exit 1 when a finding is an error. */
export async function consolidateCommand(cmd: LedgerCommand, io: Io): Promise<number> {
  if (cmd.out === undefined && !cmd.json) throw new PlanLedgerError('usage', { detail: 'consolidate needs --out ledger.xlsx (or --json)' });
  const ledger = await buildLedger(cmd, io);
  if (cmd.out !== undefined) await writeFileAtomic(cmd.out, await ledgerToXlsx(ledger, cmd.locale));
  if (cmd.json) io.out(`${JSON.stringify(ledger, null, 2)}\n`);
  const say = cmd.json ? io.err : io.out;
  say(`${accountingLine(ledger, cmd.locale)}\n`);
  if (cmd.out !== undefined) say(`${cmd.locale === 'en' ? 'Ledger written to' : '台账已写出到'} ${resolve(cmd.out)}\n`);
  return ledger.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Writes audit.xlsx, a CSV per table and report.html into `out`; returns the report's path. */
export async function writeAudit(audit: Audit, out: string, locale: Locale, now: Date): Promise<string> {
  const tables = auditTables(audit);
  const html = join(out, 'report.html');
  await writeFilesAtomic([
    [join(out, 'audit.xlsx'), await tablesToXlsx(tables, locale)],
    ...tables.map((t) => [join(out, `${t.name}.csv`), toCsv(t, locale)] as const),
    [html, renderHtml(audit, now.toISOString().slice(0, 16).replace('T', ' '))],
  ]);
  return html;
}

/** plan-ledger audit: verdicts and lights for every target, as XLSX, CSV and one HTML page. */
export async function auditCommand(cmd: LedgerCommand, io: Io, now: Date = new Date()): Promise<number> {
  if (cmd.out === undefined) throw new PlanLedgerError('usage', { detail: 'audit needs --out DIR' });
  const rules = await readRules(cmd.rules);
  const first = cmd.inputs.length === 1 && cmd.inputs[0]?.toLowerCase().endsWith('.xlsx') ? (await listSheetFiles(cmd.inputs))[0] : undefined;
  const stored = first?.load ? ledgerInWorkbook(await first.load()) : undefined;
  const ledger = stored ?? (await buildLedger(cmd, io));
  const audit = auditLedger(ledger, rules, cmd.locale);
  const html = await writeAudit(audit, cmd.out, cmd.locale, now);
  const counts = audit.totals;
  io.out(
    cmd.locale === 'en'
      ? `${audit.judgements.length} targets and tasks: ${counts.green} green, ${counts.yellow} yellow, ${counts.red} red, ${counts.grey} grey\nReport: ${resolve(html)}\n`
      : `${audit.judgements.length} 项指标与任务:绿 ${counts.green}、黄 ${counts.yellow}、红 ${counts.red}、灰 ${counts.grey}\n审计报告:${resolve(html)}\n`,
  );
  return 0;
}
