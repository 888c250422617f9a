import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parsePlan, type PlanRecords, type Target, type Task } from '../../src/index.js';
import { checkSheets, type CheckOptions } from '../../src/sheets/check.js';
import { generateProgressSheet } from '../../src/sheets/template/fill.js';
import { parsePeriod } from '../../src/core/period.js';
import { readMeta } from '../../src/sheets/metadata.js';
import { excelBook } from './excel-grid.js';

export const seed = parsePlan(readFileSync(new URL('../../seeds/yangpu-2021-13.txt', import.meta.url), 'utf8'));
export const district = parsePlan(readFileSync(new URL('../fixtures/district-2022.txt', import.meta.url), 'utf8'));
export const defaultTemplate = readFileSync(new URL('../../templates/progress-report.xlsx', import.meta.url));

/** A generated progress sheet, as bytes of a real .xlsx. */
export async function makeSheet(records: PlanRecords, department: string, period: string, template: Uint8Array = defaultTemplate): Promise<Uint8Array> {
  const p = parsePeriod(period);
  if (!p) throw new Error(period);
  const { bytes } = await generateProgressSheet(template, {
    records,
    department,
    period: p,
    generatedAt: '2022-04-01T09:00:00',
    templateVersion: 'test',
    templateName: 'template.xlsx',
  });
  return bytes;
}

/** Opens a workbook, lets a test type into it as a person would with Excel, and saves it again. */
export async function edit(bytes: Uint8Array, change: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((s) => s.state === 'visible');
  if (!sheet) throw new Error('no visible sheet');
  change(sheet, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Checks sheets given as bytes and returns the report. */
export async function check(files: Record<string, Uint8Array>, records: PlanRecords, options: CheckOptions = {}) {
  return checkSheets(
    Object.entries(files).map(([file, bytes]) => ({ file, bytes })),
    records,
    options,
  );
}

/** The reduced view tests assert on: [cell (or #row, or file), code]. */
export function pairs(report: Awaited<ReturnType<typeof check>>): [string, string][] {
  return report.findings.map((f) => [f.location.cell ?? (f.location.row !== undefined ? `#${f.location.row}` : (f.location.file ?? '')), f.code]);
}

/** A plan whose one department (区科委) carries `count` targets: the plan's first 区科委 target in a number, copied into tasks of its own. */
export function longPlan(records: PlanRecords, count: number): PlanRecords {
  const target = records.targets.find((t) => t.kind === 'target' && t.unit !== '%' && records.tasks.find((k) => k.id === t.taskId)?.departments.some((d) => d.name === '区科委')) as Target;
  const task = records.tasks.find((t) => t.id === target.taskId) as Task;
  const tasks: Task[] = [];
  const targets: Target[] = [];
  for (let i = 1; i <= count; i++) {
    tasks.push({ ...task, id: `t9.${i}`, path: [9, i], title: `${task.title}(${i})`, departments: [{ name: '区科委', role: 'responsible' }] });
    targets.push({ ...target, id: `t9.${i}-1`, taskId: `t9.${i}`, metric: `${target.metric}${i}` });
  }
  return { ...records, tasks, targets, departments: [{ id: 'd1', name: '区科委', taskIds: tasks.map((t) => t.id) }] };
}

/** Cell addresses of a generated sheet by row id: the figure, status and evidence cells. */
export async function entryCells(bytes: Uint8Array): Promise<(id: string) => { actual: string; status: string; evidence: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const meta = readMeta(excelBook(workbook));
  if (!meta) throw new Error('no metadata');
  return (id) => {
    const row = meta.rows.find((r) => r.id === id)?.row;
    if (row === undefined) throw new Error(`no row ${id}`);
    return { actual: `${meta.columns['entry.actual']}${row}`, status: `${meta.columns['entry.status']}${row}`, evidence: `${meta.columns['entry.evidence']}${row}` };
  };
}

/** A department's sheet for a period with figures typed in by row id, as a person would with Excel. */
export async function filledSheet(records: PlanRecords, department: string, period: string, figures: Readonly<Record<string, number>>): Promise<Uint8Array> {
  const blank = await makeSheet(records, department, period);
  const at = await entryCells(blank);
  return edit(blank, (s) => {
    for (const [id, value] of Object.entries(figures)) {
      s.getCell(at(id).actual).value = value;
      s.getCell(at(id).status).value = '推进中';
    }
  });
}
