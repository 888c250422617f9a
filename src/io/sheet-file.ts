import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Wording } from '../core/locales/wording.js';
import { PlanLedgerError } from '../core/error.js';
import type { Period } from '../core/period.js';
import type { PlanRecords } from '../core/record.js';
import { departmentsFor } from '../core/worklist.js';
import type { SheetFile } from '../sheets/check.js';
import { MAX_SHEET_FILE_BYTES, type SheetSource } from '../sheets/read.js';
import { DEFAULT_TEMPLATE_VERSION } from '../sheets/template/default.js';
import { generateProgressSheet } from '../sheets/template/fill.js';
import { fileError, readFileBytes, regularFile, writeFileAtomic } from './file.js';

/** The bundled default template. */
export const DEFAULT_TEMPLATE = fileURLToPath(new URL('../../templates/progress-report.xlsx', import.meta.url));

/**
 * Sheet files to read: each .xlsx named, and every .xlsx in each folder named (Office's ~$ lock files left out).
 * Only sizes and times now; each file's bytes are read when its turn comes, so memory stays flat in N.
 */
export async function listSheetFiles(paths: readonly string[]): Promise<SheetSource[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (cause) {
      throw fileError(path, cause);
    }
    if (!isDirectory) {
      files.push(path);
      continue;
    }
    for (const name of (await readdir(path)).sort()) {
      if (extname(name).toLowerCase() === '.xlsx' && !name.startsWith('~$') && !name.startsWith('.')) files.push(join(path, name));
    }
  }
  return files.map((file) => ({ file, ...regularFile(file), load: () => readFileBytes(file) }));
}

/** Reads sheets to check. Missing files stop the run (a typo); oversized ones come back empty for a finding. */
export async function readSheetFiles(paths: readonly string[]): Promise<SheetFile[]> {
  return (await listSheetFiles(paths)).map(({ file, size = 0 }) => ({
    file,
    size,
    // An oversized file is not read at all; the check reports it as file-too-large.
    bytes: size > MAX_SHEET_FILE_BYTES ? new Uint8Array(0) : readFileBytes(file),
  }));
}

/** A file name for a department's sheet: 2021-Q2-区科委.xlsx. */
export function sheetFileName(period: string, department: string): string {
  return `${period}-${department.replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`;
}

export interface SheetsToWrite {
  /** A template file; the bundled default when undefined. */
  readonly template: string | undefined;
  /** One department; every department of the period when undefined. */
  readonly department: string | undefined;
  readonly out: string;
  readonly wording: Wording;
  /** The generation time recorded in the sheets (local time); now when undefined. */
  readonly now?: Date | undefined;
}

/** Writes progress sheets for a period into a folder and returns their paths. Throws department-unknown before writing anything. */
export async function writeDepartmentSheets(records: PlanRecords, period: Period, options: SheetsToWrite): Promise<string[]> {
  const known = departmentsFor(records, period).map((d) => d.name);
  const departments = options.department === undefined ? known : [options.department];
  for (const department of departments) {
    if (!known.includes(department)) throw new PlanLedgerError('department-unknown', { department, period: period.label, known });
  }
  const templatePath = options.template ?? DEFAULT_TEMPLATE;
  const template = readFileBytes(templatePath);
  const generatedAt = localIso(options.now ?? new Date());
  const written: string[] = [];
  for (const department of departments) {
    const { bytes } = await generateProgressSheet(template, {
      records,
      department,
      period,
      generatedAt,
      templateVersion: options.template === undefined ? DEFAULT_TEMPLATE_VERSION : `custom:${templatePath}`,
      templateName: templatePath,
      wording: options.wording,
    });
    const path = join(options.out, sheetFileName(period.label, department));
    await writeFileAtomic(path, bytes);
    written.push(path);
  }
  return written;
}

function localIso(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
