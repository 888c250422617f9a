import ExcelJS from 'exceljs';
import type { Audit, Judgement } from '../core/audit.js';
import { findingsOfFile, type Finding } from '../core/finding.js';
import type { LedgerRow } from '../core/ledger.js';
import { message } from '../core/locales/index.js';
import type { AskedVerdict, Wording } from '../core/locales/wording.js';
import { parsePeriod } from '../core/period.js';
import { statedUnitOf } from '../core/unit.js';
import { shown } from './tables.js';

/** What a department is told after an audit: the problems of the sheets it sent, and its items not on schedule. */
export interface DepartmentFeedback {
  readonly department: string;
  readonly problems: readonly Finding[];
  readonly items: readonly { readonly row: LedgerRow; readonly judgement: Judgement & { readonly verdict: AskedVerdict } }[];
}

const ASKED = new Set<string>(['behind', 'missed', 'no-data', 'disputed']);

/** Each department that has something to correct or to explain, in the order the plan names them; the others have no form. */
export function departmentFeedback(audit: Audit): DepartmentFeedback[] {
  const { ledger, judgements } = audit;
  const names = [...new Set(ledger.rows.flatMap((r) => [...r.departments.map((d) => d.name), ...r.reports.map((x) => x.department)]))];
  return names.flatMap((department) => {
    const files = new Set(ledger.rows.flatMap((r) => r.reports.flatMap((x) => (x.department === department && x.file !== null ? [x.file] : []))));
    const missing = ledger.findings.filter((f) => f.code === 'consolidate-missing' && f.params.department === department);
    const problems = [...missing, ...[...files].flatMap((file) => findingsOfFile(ledger.findings, file))];
    const items = ledger.rows.flatMap((row, i) => {
      const judgement = judgements[i] as Judgement;
      const carries = row.departments.some((d) => d.name === department) || row.reports.some((x) => x.department === department);
      return carries && ASKED.has(judgement.verdict) ? [{ row, judgement: judgement as DepartmentFeedback['items'][number]['judgement'] }] : [];
    });
    return problems.length + items.length === 0 ? [] : [{ department, problems, items }];
  });
}

/** Column widths of the form: 序号, 编号 or 单元格, 指标或任务 or 文件, 目标 or 级别, 完成值, 结论, 原因, 请你单位 or 怎么改. */
const WIDTHS = [6, 12, 28, 12, 11, 10, 34, 30];
const BORDER: Partial<ExcelJS.Borders> = Object.fromEntries(['top', 'left', 'bottom', 'right'].map((side) => [side, { style: 'thin', color: { argb: 'FF7F7F7F' } }]));
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const SEVERITY_FILLS: Readonly<Record<string, string>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };
const LIGHT_FILLS: Readonly<Record<string, string>> = { red: 'FFFFC7CE', yellow: 'FFFFEB9C', grey: 'FFE7E6E6' };

/** One department's 反馈单 as an .xlsx: its problems, its items with their reasons and what is asked; one A4 page across. */
export async function feedbackForm(feedback: DepartmentFeedback, audit: Audit, w: Wording, date: string): Promise<Uint8Array> {
  const f = w.feedback.form;
  const { ledger } = audit;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-ledger';
  const sheet = workbook.addWorksheet(f.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const line = (text: string, font: Partial<ExcelJS.Font>, height?: number): void => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, WIDTHS.length);
    row.getCell(1).font = font;
    row.getCell(1).alignment = { vertical: 'middle', wrapText: true, ...(font.size && font.size > 12 ? { horizontal: 'center' } : {}) };
    if (height !== undefined) row.height = height;
  };
  /** A table row; `spans` merges a value over the columns after it (problems' 问题 over three). */
  const tableRow = (values: readonly (string | number | null)[], spans: readonly number[], header: boolean, fills: Readonly<Record<number, string>> = {}): void => {
    const cells: (string | number | null)[] = [];
    values.forEach((v, i) => cells.push(v, ...Array<null>((spans[i] ?? 1) - 1).fill(null)));
    const row = sheet.addRow(cells);
    let column = 1;
    values.forEach((_, i) => {
      const span = spans[i] ?? 1;
      if (span > 1) sheet.mergeCells(row.number, column, row.number, column + span - 1);
      column += span;
    });
    for (let c = 1; c <= WIDTHS.length; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = header ? { horizontal: 'center', vertical: 'middle', wrapText: true } : { vertical: 'top', wrapText: true };
      if (header) cell.fill = HEADER_FILL;
      const argb = fills[c];
      if (argb) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
    }
    if (header) row.font = { bold: true };
    // Merged cells are not fitted to their text: the row is as tall as its longest text needs.
    let at = 0;
    const widths = values.map((_, i) => {
      const span = spans[i] ?? 1;
      const width = WIDTHS.slice(at, at + span).reduce((a, b) => a + b, 0);
      at += span;
      return width;
    });
    row.height = Math.max(...values.map((v, i) => lines(String(v ?? ''), widths[i] as number))) * 15 + 3;
  };

  const period = parsePeriod(ledger.period);
  line(f.title(feedback.department), { bold: true, size: 16 }, 28);
  line(f.subtitle(ledger.planTitle, period ? w.periodName(period) : ledger.period, date), { size: 10, color: { argb: 'FF595959' } });
  sheet.addRow([]);
  line(f.problems, { bold: true, size: 12 });
  tableRow(f.problemColumns, [1, 1, 1, 1, 3, 1], true);
  feedback.problems.forEach((p, i) => {
    const file = p.location.file ?? '';
    tableRow([i + 1, p.location.cell ?? '', file.split(/[\\/]/).pop() ?? file, w.feedback.severity[p.severity], message(p, w), w.fix[p.code] ?? w.feedback.defaultFix], [1, 1, 1, 1, 3, 1], false, {
      4: SEVERITY_FILLS[p.severity] ?? '',
    });
  });
  if (feedback.problems.length === 0) line(f.none, {});
  sheet.addRow([]);
  line(f.items, { bold: true, size: 12 });
  tableRow(f.itemColumns, [], true);
  feedback.items.forEach(({ row, judgement }, i) => {
    const unit = statedUnitOf(row).unit;
    const target = row.value === null ? (row.deadline ?? '') : `${row.comparator ? w.comparator[row.comparator] : ''}${shown(row, row.value)}${unit}`;
    const figure = row.figure !== null ? `${shown(row, row.figure)}${unit}` : row.status !== null ? w.status[row.status] : '';
    const title = row.metric ? `${row.taskTitle}:${row.metric}` : row.taskTitle;
    tableRow([i + 1, row.id, title, target, figure, w.verdict[judgement.verdict], w.reason(judgement.reason), f.ask[judgement.verdict]], [], false, { 6: LIGHT_FILLS[judgement.light] ?? '' });
  });
  if (feedback.items.length === 0) line(f.none, {});
  sheet.addRow([]);
  line(f.closing, {}, 32);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** How many lines a text takes in a column `width` characters wide: a Chinese character is two. */
function lines(text: string, width: number): number {
  return text.split('\n').reduce((sum, part) => {
    let units = 0;
    for (const ch of part) units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
    return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}
