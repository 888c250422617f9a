// A result table as every writer takes it (CSV, XLSX, the HTML report): columns worded for the reader, and rows of cells.
import type { Light } from '../core/audit.js';

export type Cell = string | number | null;

export interface Column {
  readonly key: string;
  readonly header: string;
  /** Width in characters for spreadsheets. */
  readonly width: number;
  /**
   * How a spreadsheet shows it: a figure with thousands separators, a percentage, a percentage with a data bar, a
   * traffic-light fill, text wrapped in its width, or hidden (what machines read, such as full paths and codes).
   * Other columns are as wide as their longest cell.
   */
  readonly style?: 'number' | 'percent' | 'bar' | 'light' | 'wrap' | 'hidden';
  /** For a light column: which light each shown word stands for. */
  readonly legend?: Readonly<Record<string, Light>>;
}

/** What every printed page of a sheet says above its table (a spreadsheet's only; CSV files have none). */
export interface Heading {
  /** The plan's title. */
  readonly title: string;
  /** The line under it, for a sheet of the given title: 文号, period, when it was made. */
  readonly line: (sheet: string) => string;
  /** The page footer, in a spreadsheet's header codes (&P the page). */
  readonly footer: string;
}

/** One flat table, worded for its reader: what becomes a CSV file and an XLSX sheet. */
export interface Table {
  /** The file name a CSV takes: findings.csv. */
  readonly name: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
}

