import { join } from 'node:path';
import type { Audit } from '../core/audit.js';
import type { Wording } from '../core/locales/wording.js';
import { toCsv } from '../report/csv.js';
import { departmentFeedback, feedbackForm } from '../report/feedback-form.js';
import { renderHtml } from '../report/html.js';
import { auditTables, ledgerHeading } from '../report/tables.js';
import { tablesToXlsx } from '../report/xlsx.js';
import { writeFilesAtomic } from './file.js';
import { printedAt } from './ledger.js';

/** What an audit wrote: the report's path, and the folder of the departments' 反馈单 with how many are in it. */
export interface AuditWritten {
  readonly html: string;
  readonly forms: { readonly dir: string; readonly count: number };
}

/** Writes audit.xlsx, a CSV per table, report.html and the departments' 反馈单 into `out`, worded for the reader; returns the report's path. */
export async function writeAudit(audit: Audit, out: string, w: Wording, now: Date): Promise<string> {
  return (await writeAuditFiles(audit, out, w, now)).html;
}

/** writeAudit, saying also where the 反馈单 are: one per department with something to correct or explain. */
export async function writeAuditFiles(audit: Audit, out: string, w: Wording, now: Date): Promise<AuditWritten> {
  const tables = auditTables(audit, w);
  const html = join(out, 'report.html');
  const at = printedAt(now);
  const dir = join(out, w.feedback.form.folder);
  const forms = await Promise.all(departmentFeedback(audit).map(async (d) => [join(dir, w.feedback.form.fileName(safeName(d.department))), await feedbackForm(d, audit, w, at.slice(0, 10))] as const));
  await writeFilesAtomic([
    [join(out, 'audit.xlsx'), await tablesToXlsx(tables, ledgerHeading(audit.ledger, w, at))],
    ...tables.map((t) => [join(out, `${t.name}.csv`), toCsv(t)] as const),
    [html, renderHtml(audit, at, w)],
    ...forms,
  ]);
  return { html, forms: { dir, count: forms.length } };
}

/** A department's name as a file name on every system: the characters Windows refuses replaced. */
// eslint-disable-next-line no-control-regex -- control characters are among them
const safeName = (name: string): string => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/[. ]+$/, '') || '_';
