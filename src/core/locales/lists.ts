// Helpers both languages use to word lists of files, and periods.
import { parsePeriod } from '../period.js';
import type { SheetWording } from './wording.js';

/** A file's name without its folders. */
export const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** The first ten items joined, and how many more. */
export const shortList = (items: readonly string[], separator: string, more: (n: number) => string): string =>
  items.length <= 10 ? items.join(separator) : `${items.slice(0, 10).join(separator)}${separator}${more(items.length - 10)}`;

/** A period's label (2021-Q2) in the reader's words (2021年第二季度); a label that names no period as it is. */
export function periodLabel(label: string, w: Pick<SheetWording, 'periodName'>): string {
  const period = parsePeriod(label);
  return period ? w.periodName(period) : label;
}
