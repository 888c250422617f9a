import ExcelJS from 'exceljs';
import { PlanLedgerError } from '../../core/error.js';
import { wording, type Wording } from '../../core/locales/index.js';
import type { Period } from '../../core/period.js';
import { PLAN_CELL_PLACEHOLDERS } from '../../core/placeholder.js';
import { progressSheet, type CellValue, type ProgressRow, type ProgressSheet } from '../../core/progress-sheet.js';
import type { PlanRecords } from '../../core/record.js';
import { hash64 } from '../../core/text.js';
import { readMeta, writeMeta, type SheetMeta, type SheetRow } from '../metadata.js';
import { excelBook } from '../xlsx/excel-grid.js';
import { columnLetter } from '../xlsx/range.js';
import { findLayout, type Layout } from './layout.js';
import { addTrafficLights } from './lights.js';
import { substitute } from './placeholder.js';
import { repeatTemplateRow } from './rows.js';
import { figureValidation, statusValidation } from './validation.js';

export interface FillOptions {
  readonly records: PlanRecords;
  readonly department: string;
  readonly period: Period;
  /** ISO date-time recorded in the sheet. */
  readonly generatedAt: string;
  readonly templateVersion: string;
  /** For messages about the template. */
  readonly templateName: string;
  /** The words of the prompts and labels written into the sheet; zh-CN by default. */
  readonly wording?: Wording;
}

const PLAN_CELLS: ReadonlySet<string> = new Set(PLAN_CELL_PLACEHOLDERS);

/** Generates one department's sheet from template bytes: a new workbook each time. Throws PlanLedgerError for unusable templates. */
export async function generateProgressSheet(template: ArrayBuffer | Uint8Array, options: FillOptions): Promise<{ bytes: Uint8Array; meta: SheetMeta }> {
  const w = options.wording ?? wording();
  const sheet = progressSheet(options.records, options.department, options.period, options.generatedAt, w);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(template as ArrayBuffer);
  } catch (cause) {
    throw new PlanLedgerError('template-invalid', { file: options.templateName, reason: 'unreadable', detail: (cause as Error).message }, { cause });
  }
  if (readMeta(excelBook(workbook))) throw new PlanLedgerError('template-invalid', { file: options.templateName, reason: 'generated-sheet' });
  const meta = await fillWorkbook(workbook, sheet, options, w);
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), meta };
}

/** Puts a computed sheet into a template workbook: the header's placeholders, a row per item, protection, metadata. */
async function fillWorkbook(workbook: ExcelJS.Workbook, content: ProgressSheet, options: FillOptions, w: Wording): Promise<SheetMeta> {
  const layout = findLayout(workbook, options.templateName);
  const { sheet, row: first } = layout;
  repeatTemplateRow(sheet, first, content.rows.length);
  fillHeader(sheet, first, content.header);
  const rows = content.rows.map((row, i) => fillRow(layout, first + i, row, i + 1, w));
  const headerRows = first - 1;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRows > 0 ? { printTitlesRow: `1:${headerRows}` } : {}),
  };
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  const meta: SheetMeta = {
    format: 'plan-ledger/progress-sheet',
    formatVersion: 1,
    templateVersion: options.templateVersion,
    planId: options.records.document.id,
    contentHash: options.records.document.contentHash,
    planTitle: options.records.document.title,
    department: options.department,
    period: options.period.label,
    generatedAt: options.generatedAt,
    sheet: sheet.name,
    columns: Object.fromEntries([...layout.columns].map(([name, col]) => [name, columnLetter(col)])),
    firstRow: first,
    rows,
    planDigest: hash64(JSON.stringify(rows.map((r) => r.plan))),
  };
  writeMeta(workbook, meta);
  return meta;
}

function fillHeader(sheet: ExcelJS.Worksheet, templateRow: number, values: Readonly<Record<string, string>>): void {
  sheet.eachRow((row, n) => {
    if (n === templateRow) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.includes('{{')) cell.value = substitute(cell.value, values);
    });
  });
}

/** Puts one row's values into its cells: plan cells locked and recorded, entry cells unlocked with their validations. */
function fillRow(layout: Layout, n: number, row: ProgressRow, item: number, w: Wording): SheetRow {
  const { sheet, columns } = layout;
  const values: Readonly<Record<string, CellValue>> = row.values;
  const plan: Record<string, string> = {};
  for (const [name, col] of columns) {
    const cell = sheet.getRow(n).getCell(col);
    const style = cell.style;
    if (name in values) {
      const value = values[name] ?? null;
      cell.value = value;
      if (PLAN_CELLS.has(name)) plan[columnLetter(col)] = value === null ? '' : String(value);
    }
    cell.style = { ...style, protection: { locked: true } };
  }
  const texts = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
  for (const [col, text] of layout.mixed) {
    const shown = substitute(text, texts);
    sheet.getRow(n).getCell(col).value = shown;
    plan[columnLetter(col)] = shown;
  }

  const cell = (name: string): ExcelJS.Cell | undefined => {
    const col = columns.get(name);
    return col === undefined ? undefined : sheet.getRow(n).getCell(col);
  };
  const actual = cell('entry.actual') as ExcelJS.Cell;
  for (const name of ['entry.status', 'entry.note', 'entry.evidence']) {
    const c = cell(name);
    if (!c) continue;
    c.value = null;
    c.protection = { locked: false };
  }
  const status = cell('entry.status');
  if (status) status.dataValidation = statusValidation(item, w);
  const completion = cell('completion');
  const figure = row.figure;
  if (figure) {
    actual.value = null;
    actual.protection = { locked: false };
    actual.dataValidation = figureValidation(figure, item, w);
    addTrafficLights(sheet, actual.address, figure);
    if (completion) completion.value = figure.completion ? completionFormula(actual.address, cell('target.value')?.address ?? String(row.values['target.value'])) : null;
  } else {
    actual.value = row.actual;
    if (completion) completion.value = null;
  }
  return { row: n, id: row.id, kind: row.kind, taskId: row.taskId, targetId: row.targetId, plan };
}

function completionFormula(actual: string, denominator: string): ExcelJS.CellFormulaValue {
  return { formula: `IF(ISNUMBER(${actual}),${actual}/${denominator},"")`, date1904: false };
}
