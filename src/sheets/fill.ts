import ExcelJS from 'exceljs';
import { expectedValue, isCeiling, metCondition } from '../core/attainment.js';
import type { Locale } from '../core/code.js';
import { STATUS_LABELS, STATUSES } from '../core/entry.js';
import { PlanLedgerError } from '../core/error.js';
import { expectedShare, periodName, type Period } from '../core/period.js';
import type { PlanRecords, Target } from '../core/record.js';
import { hash64 } from '../core/text.js';
import { isCountUnit } from '../core/unit.js';
import { worklist, type WorkItem } from '../core/worklist.js';
import { columnLetter, formatBox, parseBox, stretchBox, stretchRef } from './_range.js';
import { readMeta, writeMeta, type SheetMeta, type SheetRow } from './metadata.js';
import { isRowPlaceholder, placeholdersIn, REQUIRED_PLACEHOLDERS, soloPlaceholder, substitute, type Placeholder } from './placeholder.js';

export interface FillOptions {
  readonly records: PlanRecords;
  readonly department: string;
  readonly period: Period;
  /** ISO date-time recorded in the sheet. */
  readonly generatedAt: string;
  readonly templateVersion: string;
  /** For messages about the template. */
  readonly templateName: string;
  readonly locale?: Locale;
}

/** Placeholders whose cells show the plan; they are locked and checked on read-back. */
const PLAN_CELLS: readonly Placeholder[] = [
  'row.id', 'row.number', 'task.code', 'task.title', 'target.metric', 'target.value', 'target.unit', 'target.comparator', 'target.deadline', 'baseline', 'expected',
];
const COMPARATOR_LABELS: Readonly<Record<string, string>> = { '=': '', '>': '>', '>=': '≥', '<': '<', '<=': '≤', '~': '约' };
const COLORS = {
  met: { font: 'FF006100', fill: 'FFC6EFCE' },
  onTrack: { font: 'FF9C5700', fill: 'FFFFEB9C' },
  behind: { font: 'FF9C0006', fill: 'FFFFC7CE' },
};

/** Worksheet state exceljs keeps at runtime but leaves out of its type declarations. */
interface SheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}
const internals = (sheet: ExcelJS.Worksheet): SheetInternals => sheet as unknown as SheetInternals;

interface Layout {
  readonly sheet: ExcelJS.Worksheet;
  readonly row: number;
  /** Placeholder → column number, for cells that hold exactly one placeholder. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns whose template cell mixes text and placeholders. */
  readonly mixed: ReadonlyMap<number, string>;
}

/** Fills a template workbook in place with one department's rows for a period; throws for unusable templates. */
export async function fillProgressSheet(workbook: ExcelJS.Workbook, options: FillOptions): Promise<SheetMeta> {
  const layout = findLayout(workbook, options.templateName);
  const items = worklist(options.records, options.department, options.period);
  if (items.length === 0) {
    throw new PlanLedgerError('department-unknown', { department: options.department, period: options.period.label, known: '—' });
  }
  const { sheet, row: first } = layout;
  repeatTemplateRow(sheet, first, items.length);
  fillHeader(sheet, first, headerValues(options));
  const rows = items.map((item, i) => fillRow(layout, first + i, item, i, options));
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

/** Generates one department's sheet from template bytes: a new workbook each time. */
export async function generateProgressSheet(template: ArrayBuffer | Uint8Array, options: FillOptions): Promise<{ bytes: Uint8Array; meta: SheetMeta }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(template as ArrayBuffer);
  } catch (cause) {
    throw new PlanLedgerError('template-invalid', { file: options.templateName, detail: (cause as Error).message }, { cause });
  }
  if (readMeta(workbook)) throw new PlanLedgerError('template-invalid', { file: options.templateName, detail: 'it is a generated sheet, not a template' });
  const meta = await fillProgressSheet(workbook, options);
  return { bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), meta };
}

function findLayout(workbook: ExcelJS.Workbook, file: string): Layout {
  for (const sheet of workbook.worksheets) {
    const rows: number[] = [];
    sheet.eachRow((row, number) => {
      let found = false;
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && placeholdersIn(cell.value).some(isRowPlaceholder)) found = true;
      });
      if (found) rows.push(number);
    });
    if (rows.length === 0) continue;
    if (rows.length > 1) throw new PlanLedgerError('template-invalid', { file, detail: `row placeholders stand on rows ${rows.join(', ')}; use one row` });
    const row = rows[0] as number;
    const columns = new Map<string, number>();
    const mixed = new Map<number, string>();
    sheet.getRow(row).eachCell((cell, col) => {
      if (typeof cell.value !== 'string') return;
      const solo = soloPlaceholder(cell.value);
      if (solo !== undefined) columns.set(solo, col);
      else if (placeholdersIn(cell.value).length > 0) mixed.set(col, cell.value);
    });
    for (const required of REQUIRED_PLACEHOLDERS) {
      if (!columns.has(required)) throw new PlanLedgerError('template-missing-placeholder', { file, placeholder: `{{${required}}}` });
    }
    return { sheet, row, columns, mixed };
  }
  throw new PlanLedgerError('template-missing-placeholder', { file, placeholder: `{{${REQUIRED_PLACEHOLDERS[0]}}}` });
}

/** Turns the template row into `count` rows, moving everything below and copying styles, validations and formats. */
function repeatTemplateRow(sheet: ExcelJS.Worksheet, row: number, count: number): void {
  if (count === 1) return;
  const merges = [...(sheet.model.merges ?? [])];
  for (const m of merges) sheet.unMergeCells(m);
  const { dataValidations, conditionalFormattings } = internals(sheet);
  const validations = { ...dataValidations.model };
  const formats = conditionalFormattings.map((cf) => ({ ...cf }));
  const heights = new Map<number, number>();
  sheet.eachRow({ includeEmpty: true }, (r, n) => {
    if (n >= row && r.height) heights.set(n, r.height);
  });

  sheet.spliceRows(row + 1, 0, ...Array.from({ length: count - 1 }, () => []));
  const template = sheet.getRow(row);
  for (let n = row + 1; n < row + count; n++) {
    const target = sheet.getRow(n);
    template.eachCell({ includeEmpty: true }, (cell, col) => {
      const copy = target.getCell(col);
      copy.style = structuredClone(cell.style);
      copy.value = moveFormula(cell.value, row, n);
    });
    if (template.height) target.height = template.height;
  }
  for (const [n, height] of heights) if (n > row) sheet.getRow(n + count - 1).height = height;

  for (const m of merges) {
    const box = parseBox(m);
    if (!box) continue;
    if (box.top === row && box.bottom === row) {
      for (let n = row; n < row + count; n++) sheet.mergeCells(formatBox({ ...box, top: n, bottom: n }));
    } else {
      sheet.mergeCells(formatBox(stretchBox(box, row, count)));
    }
  }
  const moved: Record<string, ExcelJS.DataValidation> = {};
  for (const [ref, dv] of Object.entries(validations)) moved[stretchRef(ref, row, count)] = dv;
  dataValidations.model = moved;
  conditionalFormattings.length = 0;
  for (const cf of formats) conditionalFormattings.push({ ...cf, ref: stretchRef(cf.ref, row, count) });
}

/** A template-row value for row `to`: constants as they are, formulas with references to the template row moved. */
function moveFormula(value: ExcelJS.CellValue, from: number, to: number): ExcelJS.CellValue {
  if (value === null || typeof value !== 'object' || !('formula' in value)) return value;
  const formula = value.formula.replace(/(\$?[A-Z]{1,3})(\d+)(?![\d(])/g, (ref, col: string, r: string) => (Number(r) === from ? `${col}${to}` : ref));
  return { formula, date1904: false };
}

function headerValues(options: FillOptions): Record<string, string> {
  const { document } = options.records;
  const locale = options.locale ?? 'zh-CN';
  const share = expectedShare(options.period, options.period.year, `${options.period.year}-12-31`);
  return {
    'plan.title': document.title,
    'plan.docNumber': document.docNumber ?? '',
    'plan.id': document.id,
    'department.name': options.department,
    'period.label': periodName(options.period, locale),
    'period.code': options.period.label,
    'period.share': `${Math.round(share * 1000) / 10}%`,
    generatedAt: options.generatedAt.replace('T', ' ').slice(0, 16),
  };
}

function fillHeader(sheet: ExcelJS.Worksheet, templateRow: number, values: Record<string, string>): void {
  sheet.eachRow((row, n) => {
    if (n === templateRow) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.includes('{{')) cell.value = substitute(cell.value, values);
    });
  });
}

function fillRow(layout: Layout, n: number, item: WorkItem, index: number, options: FillOptions): SheetRow {
  const { sheet, columns } = layout;
  const locale = options.locale ?? 'zh-CN';
  const target = item.kind === 'target' ? item.target : undefined;
  const expected = target ? expectedValue(target, options.period) : undefined;
  const id = target?.id ?? item.task.id;
  const values: Partial<Record<Placeholder, ExcelJS.CellValue>> = {
    'row.id': id,
    'row.number': index + 1,
    'task.code': item.task.path.join('.'),
    'task.title': item.task.title,
    'target.metric': target?.metric ?? (locale === 'en' ? '(qualitative: report status and progress)' : '(定性任务,填报状态与进展)'),
    'target.value': target?.value ?? null,
    'target.unit': target?.unit ?? '',
    'target.comparator': target ? (COMPARATOR_LABELS[target.comparator] ?? '') : '',
    'target.deadline': target?.deadline ?? '',
    baseline: item.kind === 'target' && item.baseline ? item.baseline.value : null,
    expected: expected === undefined ? null : Math.round(expected * 100) / 100,
  };
  const plan: Record<string, string> = {};
  for (const [name, col] of columns) {
    const cell = sheet.getRow(n).getCell(col);
    const style = cell.style;
    if (name in values) {
      const value = values[name as Placeholder] ?? null;
      cell.value = value;
      if ((PLAN_CELLS as readonly string[]).includes(name)) plan[columnLetter(col)] = value === null ? '' : String(value);
    }
    cell.style = { ...style, protection: { locked: true } };
  }
  for (const [col, text] of layout.mixed) {
    const cell = sheet.getRow(n).getCell(col);
    const shown = substitute(text, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])));
    cell.value = shown;
    plan[columnLetter(col)] = shown;
  }

  const cell = (name: Placeholder): ExcelJS.Cell | undefined => {
    const col = columns.get(name);
    return col === undefined ? undefined : sheet.getRow(n).getCell(col);
  };
  const actual = cell('entry.actual') as ExcelJS.Cell;
  for (const name of ['entry.status', 'entry.note', 'entry.evidence'] as const) {
    const c = cell(name);
    if (!c) continue;
    c.value = null;
    c.protection = { locked: false };
  }
  const status = cell('entry.status');
  // Each validation names its row, so exceljs writes one range per cell; grouped, it can emit overlapping ranges.
  if (status) status.dataValidation = statusValidation(locale, index + 1);
  const completion = cell('completion');
  if (target) {
    actual.value = null;
    actual.protection = { locked: false };
    actual.dataValidation = figureValidation(target, locale, index + 1);
    addTrafficLights(sheet, actual.address, target, expected);
    if (completion) completion.value = completionFormula(actual.address, cell('target.value')?.address, target);
  } else {
    actual.value = '—';
    if (completion) completion.value = null;
  }
  return { row: n, id, kind: item.kind, taskId: item.task.id, targetId: target?.id ?? null, plan };
}

function completionFormula(actual: string, valueCell: string | undefined, target: Target): ExcelJS.CellFormulaValue | null {
  if (isCeiling(target) || target.value === 0) return null;
  const denominator = valueCell ?? String(target.value);
  return { formula: `IF(ISNUMBER(${actual}),${actual}/${denominator},"")`, date1904: false };
}

function figureValidation(target: Target, locale: Locale, item: number): ExcelJS.DataValidation {
  const zh = locale !== 'en';
  const unit = target.unit || (zh ? '(无)' : '(none)');
  const base = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'warning' as const,
    promptTitle: zh ? `完成值(第 ${item} 项)` : `Figure (item ${item})`,
    errorTitle: zh ? '完成值可能有误' : 'Check the figure',
  };
  if (target.unit === '%') {
    return { ...base, type: 'decimal', operator: 'between', formulae: [0, 100], prompt: zh ? '填写 0–100 之间的数值(百分比)' : 'A number from 0 to 100 (percent)', error: zh ? '百分比应在 0–100 之间' : 'A percentage is between 0 and 100' };
  }
  if (isCountUnit(target.unit) && target.unit !== '') {
    return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], prompt: zh ? `填写不小于 0 的整数,单位:${unit}` : `A whole number ≥ 0, in ${unit}`, error: zh ? `应为不小于 0 的整数(单位:${unit})` : `Should be a whole number ≥ 0 (${unit})` };
  }
  return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], prompt: zh ? `填写不小于 0 的数值,单位:${unit}` : `A number ≥ 0, in ${unit}`, error: zh ? `应为不小于 0 的数值(单位:${unit})` : `Should be a number ≥ 0 (${unit})` };
}

function statusValidation(locale: Locale, item: number): ExcelJS.DataValidation {
  const zh = locale !== 'en';
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${STATUSES.map((s) => STATUS_LABELS[s]).join(',')}"`],
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    promptTitle: zh ? `状态(第 ${item} 项)` : `Status (item ${item})`,
    prompt: zh ? '从下拉列表选择:未启动、推进中、已完成、滞后' : 'Pick from the list',
    errorTitle: zh ? '状态无效' : 'Invalid status',
    error: zh ? '请从下拉列表选择状态' : 'Pick a status from the list',
  };
}

/** Met (green), on track (amber), behind time-elapsed progress (red), as conditional formats on the figure. */
function addTrafficLights(sheet: ExcelJS.Worksheet, address: string, target: Target, expected: number | undefined): void {
  const a = address.replace(/^([A-Z]+)(\d+)$/, '$$$1$2');
  const v = target.value;
  const rule = (formula: string, color: { font: string; fill: string }, priority: number): ExcelJS.ConditionalFormattingRule => ({
    type: 'expression',
    priority,
    formulae: [`AND(ISNUMBER(${a}),${formula})`],
    style: { font: { color: { argb: color.font } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: color.fill } } },
  });
  const { operator, bound } = metCondition(target);
  const met = `${a}${operator}${bound}`;
  const rules = isCeiling(target)
    ? [rule(met, COLORS.met, 1), rule(`${a}>${v}`, COLORS.behind, 2)]
    : [rule(met, COLORS.met, 1), rule(`${a}<${round(expected ?? v)}`, COLORS.behind, 2), rule(`${a}>=${round(expected ?? v)}`, COLORS.onTrack, 3)];
  sheet.addConditionalFormatting({ ref: address, rules });
}

const round = (x: number): number => Math.round(x * 100) / 100;
