import { join, resolve } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import type { Wording } from '../core/locales/wording.js';
import type { PlanRecords } from '../core/record.js';
import { localIso } from '../core/time.js';
import { toCsv } from '../report/csv.js';
import { changeReportTable, renderChangeReport } from '../report/revision.js';
import { tablesToXlsx } from '../report/xlsx.js';
import type { SheetSource } from '../sheets/read.js';
import { reissue, type Reissue } from '../sheets/reissue.js';
import { DEFAULT_TEMPLATE_VERSION } from '../sheets/template/default.js';
import { readFileBytes, writeFilesAtomic } from './file.js';
import { DEFAULT_TEMPLATE } from './sheet-file.js';
import { nodeZlib } from './zlib.js';

export interface ReissueToWrite {
  /** A template file; the bundled default when undefined. */
  readonly template?: string | undefined;
  readonly out: string;
  readonly wording: Wording;
  /** The generation time recorded in the sheets (local time); now when undefined. */
  readonly now?: Date | undefined;
}

/** What reissueFiles wrote: the reissue itself, the sheets' paths, and the change report's (xlsx, csv, html). */
export interface ReissueWritten {
  readonly result: Reissue;
  readonly sheets: readonly string[];
  readonly report: readonly string[];
}

/**
 * Reissues returned sheets for a revised plan into a folder: a sheet per department and period, and the change report
 * in its folder 变更报告/ as 变更报告.xlsx, .csv and .html (change-report/change-report.* in English). Refuses, before writing anything, to write over a
 * returned sheet.
 */
export async function reissueFiles(sources: readonly SheetSource[], records: PlanRecords, options: ReissueToWrite): Promise<ReissueWritten> {
  const templatePath = options.template ?? DEFAULT_TEMPLATE;
  const generatedAt = localIso(options.now ?? new Date());
  const result = await reissue(sources, records, {
    template: readFileBytes(templatePath),
    templateName: templatePath,
    templateVersion: options.template === undefined ? DEFAULT_TEMPLATE_VERSION : `custom:${templatePath}`,
    generatedAt,
    wording: options.wording,
    ...nodeZlib,
  });
  const w = options.wording;
  const inputs = new Set(sources.map((s) => resolve(s.file)));
  const sheets = result.sheets.map((s) => [join(options.out, s.fileName), s.bytes] as const);
  const clash = sheets.find(([path]) => inputs.has(resolve(path)));
  if (clash) throw new PlanLedgerError('usage', { problem: 'out-is-input', command: 'reissue', file: clash[0] });
  const table = changeReportTable(result, w);
  // A folder of its own: --out holds only the sheets to send, and reads as a folder of sheets (check, consolidate).
  const base = join(options.out, w.revision.fileBase, w.revision.fileBase);
  const heading = { title: w.revision.title, line: () => result.changes.map((c) => w.revision.versions(c.from, c.to)).join(';'), footer: w.printout.footer };
  const report = [
    [`${base}.xlsx`, await tablesToXlsx([table], heading)],
    [`${base}.csv`, toCsv(table)],
    [`${base}.html`, renderChangeReport(result, generatedAt.replace('T', ' ').slice(0, 16), w)],
  ] as const;
  await writeFilesAtomic([...sheets, ...report]);
  return { result, sheets: sheets.map(([path]) => path), report: report.map(([path]) => path) };
}
