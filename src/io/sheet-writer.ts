import { join } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import type { Finding } from '../core/finding.js';
import type { Wording } from '../core/locales/wording.js';
import type { Period } from '../core/period.js';
import { localIso } from '../core/time.js';
import type { PlanRecords } from '../core/record.js';
import { departmentsFor } from '../core/worklist.js';
import { DEFAULT_TEMPLATE_VERSION } from '../sheets/template/default.js';
import type { PreviousFigures } from '../sheets/read.js';
import { generateProgressSheet, TemplateCache } from '../sheets/template/fill.js';
import { readFileBytes, writeFileAtomic } from './file.js';
import { nodeZlib } from './zlib.js';
import { DEFAULT_TEMPLATE, sheetFileName } from './sheet-file.js';

export interface SheetsToWrite {
  /** A template file; the bundled default when undefined. */
  readonly template: string | undefined;
  /** One department; every department of the period when undefined. */
  readonly department: string | undefined;
  readonly out: string;
  readonly wording: Wording;
  /** The generation time recorded in the sheets (local time); now when undefined. */
  readonly now?: Date | undefined;
  /** Last period's figures (readPreviousFiles), carried in each department's sheet. */
  readonly previous?: PreviousFigures;
}

/** Sheets written: their paths, and what of the template could not be carried as it was (once, not per sheet). */
export interface WrittenSheets {
  readonly files: string[];
  readonly findings: readonly Finding[];
}

/** Writes progress sheets for a period into a folder. Throws department-unknown before writing anything. */
export async function writeDepartmentSheets(records: PlanRecords, period: Period, options: SheetsToWrite): Promise<WrittenSheets> {
  const known = departmentsFor(records, period).map((d) => d.name);
  const departments = options.department === undefined ? known : [options.department];
  for (const department of departments) {
    if (!known.includes(department)) throw new PlanLedgerError('department-unknown', { department, period: period.label, known });
  }
  const templatePath = options.template ?? DEFAULT_TEMPLATE;
  const template = readFileBytes(templatePath);
  const generatedAt = localIso(options.now ?? new Date());
  const written: string[] = [];
  const cache = new TemplateCache();
  const findings = new Map<string, Finding>();
  for (const department of departments) {
    const prefix = `${department}|`;
    const previous = new Map([...(options.previous ?? [])].flatMap(([key, value]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), value] as const] : [])));
    const sheet = await generateProgressSheet(template, {
      records,
      department,
      previous,
      period,
      generatedAt,
      templateVersion: options.template === undefined ? DEFAULT_TEMPLATE_VERSION : `custom:${templatePath}`,
      templateName: templatePath,
      wording: options.wording,
      ...nodeZlib,
      cache,
    });
    const path = join(options.out, sheetFileName(period.label, department));
    await writeFileAtomic(path, sheet.bytes);
    written.push(path);
    for (const f of sheet.findings) findings.set(JSON.stringify(f.params), f);
  }
  return { files: written, findings: [...findings.values()] };
}
