import { PlanLedgerError } from '../../core/error.js';
import { REQUIRED_PLACEHOLDERS } from '../../core/placeholder.js';
import type { SharedStrings } from '../xlsx/strings.js';
import { cellText, type WorksheetXml } from '../xlsx/worksheet.js';
import { isRowPlaceholder, placeholdersIn, soloPlaceholder } from './placeholder.js';

/** A worksheet of the template, by name, with its part. */
export interface TemplateSheet {
  readonly name: string;
  readonly part: string;
  readonly xml: WorksheetXml;
}

/** Where a template's row placeholders stand: its sheet, the one row that is repeated, and each placeholder's column. */
export interface Layout {
  readonly sheet: TemplateSheet;
  readonly row: number;
  /** Placeholder → column number, for cells that hold exactly one placeholder. */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns whose template cell mixes text and placeholders. */
  readonly mixed: ReadonlyMap<number, string>;
}

/** The template's layout; throws template-invalid or template-missing-placeholder for a template that cannot be filled. */
export function findLayout(sheets: Iterable<TemplateSheet>, strings: SharedStrings, file: string): Layout {
  for (const sheet of sheets) {
    const rows = sheet.xml.rows.filter((row) => row.cells.some((cell) => placeholdersIn(cellText(cell, strings) ?? '').some(isRowPlaceholder)));
    if (rows.length === 0) continue;
    if (rows.length > 1) throw new PlanLedgerError('template-invalid', { file, reason: 'row-placeholders-on-rows', rows: rows.map((r) => r.row) });
    const row = rows[0] as (typeof rows)[number];
    const columns = new Map<string, number>();
    const mixed = new Map<number, string>();
    for (const cell of row.cells) {
      const text = cellText(cell, strings);
      if (text === undefined) continue;
      const solo = soloPlaceholder(text);
      if (solo !== undefined) columns.set(solo, cell.column);
      else if (placeholdersIn(text).length > 0) mixed.set(cell.column, text);
    }
    for (const required of REQUIRED_PLACEHOLDERS) {
      if (!columns.has(required)) throw new PlanLedgerError('template-missing-placeholder', { file, placeholder: `{{${required}}}` });
    }
    return { sheet, row: row.row, columns, mixed };
  }
  throw new PlanLedgerError('template-missing-placeholder', { file, placeholder: `{{${REQUIRED_PLACEHOLDERS[0]}}}` });
}
