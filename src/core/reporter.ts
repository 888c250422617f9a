import type { RawCell } from './entry.js';

/** Who filled a sheet in, as its signature block says: name, telephone and the date written; '' where left blank. */
export interface Reporter {
  readonly name: string;
  readonly phone: string;
  /** ISO date (2021-07-05) where the cell holds a date in any usual form; else the text as written. */
  readonly date: string;
}

// Excel's serial day numbers of 2000-01-01 and 2099-12-31 (1900 date system): numbers outside are not dates.
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73415;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date cell as an ISO date: a date serial (Excel stores 2021/7/5 as 44382), or 2021年7月5日, 2021-7-5, 2021/7/5, 2021.7.5. */
export function reportDate(cell: RawCell): string {
  if (cell.kind === 'empty') return '';
  if (cell.kind === 'number') {
    if (cell.value < SERIAL_2000 || cell.value >= SERIAL_2100) return String(cell.value);
    const d = new Date(SERIAL_EPOCH_MS + Math.floor(cell.value) * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  const text = cell.value.trim();
  const m = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return text;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : text;
}
