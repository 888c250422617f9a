import type ExcelJS from 'exceljs';
import type { RawCell } from '../core/entry.js';

/** A cell as plan-ledger's rules see it, whatever the spreadsheet application stored. */
export function rawCell(cell: ExcelJS.Cell): RawCell {
  return rawValue(cell.value, /%/.test(cell.numFmt ?? ''));
}

function rawValue(value: ExcelJS.CellValue, percentFormat: boolean): RawCell {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value, percentFormat };
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean' || value instanceof Date) return { kind: 'other', value: String(value) };
  if ('richText' in value) return { kind: 'text', value: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { kind: 'error', value: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { kind: 'other', value: `=${(value as { formula?: string }).formula ?? ''}` };
    if (typeof result === 'object' && result !== null && 'error' in result) return { kind: 'error', value: String((result as { error: unknown }).error) };
    return rawValue(result as ExcelJS.CellValue, percentFormat);
  }
  if ('text' in value) return rawValue((value as { text: ExcelJS.CellValue }).text, percentFormat);
  return { kind: 'other', value: JSON.stringify(value) };
}

/** What a cell shows as text: numbers as written in the plan, rich text joined, formulas by result. */
export function cellText(cell: ExcelJS.Cell): string {
  const raw = rawCell(cell);
  return raw.kind === 'empty' ? '' : String(raw.value);
}
