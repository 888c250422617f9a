import type ExcelJS from 'exceljs';
import { PlanLedgerError } from '../../core/error.js';
import { REQUIRED_PLACEHOLDERS } from '../../core/placeholder.js';
import { isRowPlaceholder, placeholdersIn, soloPlaceholder } from './placeholder.js';

/** Where a template's row placeholders stand: its sheet, the one row that is repeated, and each placeholder's column. */
export interface Layout {
  readonly sheet: ExcelJS.Worksheet;
  readonly row: number;
  /** Placeholder → column number, for cells that hold exactly one placeholder. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns whose template cell mixes text and placeholders. */
  readonly mixed: ReadonlyMap<number, string>;
}

/** The template's layout; throws template-invalid or template-missing-placeholder for a template that cannot be filled. */
export function findLayout(workbook: ExcelJS.Workbook, file: string): Layout {
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
    if (rows.length > 1) throw new PlanLedgerError('template-invalid', { file, reason: 'row-placeholders-on-rows', rows });
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
