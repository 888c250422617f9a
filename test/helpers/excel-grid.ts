import type ExcelJS from 'exceljs';
import type { RawCell } from '../../src/core/entry.js';
import { rawText, type Grid, type GridBook } from '../../src/sheets/xlsx/grid.js';

const EMPTY: RawCell = { kind: 'empty' };

/** An exceljs workbook seen as a GridBook (the filler and the demo hold exceljs workbooks). */
export function excelBook(workbook: ExcelJS.Workbook): GridBook {
  return {
    sheet(name) {
      const ws = workbook.getWorksheet(name);
      return ws && excelGrid(ws);
    },
  };
}

function excelGrid(ws: ExcelJS.Worksheet): Grid {
  return {
    name: ws.name,
    cell: (address) => excelRaw(ws.getCell(address)),
    maxRow: ws.rowCount,
    rowHasContent(row) {
      let content = false;
      ws.getRow(row).eachCell((cell) => {
        if (rawText(excelRaw(cell)).trim() !== '') content = true;
      });
      return content;
    },
  };
}

function excelRaw(cell: ExcelJS.Cell): RawCell {
  return excelValue(cell.value, /%/.test(cell.numFmt ?? ''));
}

function excelValue(value: ExcelJS.CellValue, percentFormat: boolean): RawCell {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value, percentFormat };
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean' || value instanceof Date) return { kind: 'other', value: String(value) };
  if ('richText' in value) return { kind: 'text', value: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { kind: 'error', value: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { kind: 'other', value: `=${(value as { formula?: string }).formula ?? ''}` };
    if (typeof result === 'object' && result !== null && 'error' in result) return { kind: 'error', value: String((result as { error: unknown }).error) };
    return excelValue(result as ExcelJS.CellValue, percentFormat);
  }
  if ('text' in value) return excelValue((value as { text: ExcelJS.CellValue }).text, percentFormat);
  return { kind: 'other', value: JSON.stringify(value) };
}
