import type { RawCell } from '../../core/entry.js';

/** A worksheet as read-back needs it: cells by A1 address, whatever read the file (the fast reader, exceljs, Office.js). */
export interface Grid {
  readonly name: string;
  /** The cell's stored value; a merged cell reads as its top-left cell. */
  cell(address: string): RawCell;
  /** Last row that has any cell. */
  readonly maxRow: number;
  rowHasContent(row: number): boolean;
}

/** A workbook's sheets by name: the seam every front end plugs into read-back. */
export interface GridBook {
  sheet(name: string): Grid | undefined;
  /** Every sheet's name in the workbook's order, hidden ones included, where the reader can list them. */
  readonly sheetNames?: readonly string[];
}

/** What a cell shows as text: numbers as written, rich text joined, formulas by result. */
export function rawText(raw: RawCell): string {
  return raw.kind === 'empty' ? '' : String(raw.value);
}
