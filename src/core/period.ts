/** A reporting period: 2021, 2021-H1, 2021-Q2 or 2021-06. */
export interface Period {
  readonly label: string;
  readonly kind: 'year' | 'half' | 'quarter' | 'month';
  readonly year: number;
  /** First and last month of the period, 1–12. */
  readonly firstMonth: number;
  readonly lastMonth: number;
  /** ISO dates. */
  readonly start: string;
  readonly end: string;
}

const PATTERN = /^(\d{4})(?:-(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2])))?$/i;

/** The period a label names, or undefined when it names none. */
export function parsePeriod(label: string): Period | undefined {
  const m = PATTERN.exec(label.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  let kind: Period['kind'] = 'year';
  let firstMonth = 1;
  let lastMonth = 12;
  if (m[2]) {
    kind = 'half';
    firstMonth = m[2].toUpperCase() === 'H1' ? 1 : 7;
    lastMonth = firstMonth + 5;
  } else if (m[3]) {
    kind = 'quarter';
    lastMonth = Number(m[3].slice(1)) * 3;
    firstMonth = lastMonth - 2;
  } else if (m[4]) {
    kind = 'month';
    firstMonth = lastMonth = Number(m[4]);
  }
  const canonical = kind === 'year' ? `${year}` : `${year}-${(m[2] ?? m[3] ?? m[4] ?? '').toUpperCase()}`;
  return { label: canonical, kind, year, firstMonth, lastMonth, start: isoDate(year, firstMonth, 1), end: isoDate(year, lastMonth, lastDay(year, lastMonth)) };
}

/**
 * Time-elapsed progress (序时进度) at the period's end, as a share 0–1 of the way from the start of
 * the target's year to its deadline, in whole months: Q2 of a year-end target is 0.5; of a 上半年 target, 1.
 */
export function expectedShare(period: Period, targetYear: number | null, deadline: string | null): number {
  const fromYear = targetYear ?? period.year;
  const elapsed = (period.year - fromYear) * 12 + period.lastMonth;
  const due = deadline === null ? 12 : (Number(deadline.slice(0, 4)) - fromYear) * 12 + Number(deadline.slice(5, 7));
  if (due <= 0) return 1;
  return Math.min(1, Math.max(0, elapsed / due));
}

/** Periods in time order, by their end; of two that end together (2021-Q4, 2021), the shorter first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.end.localeCompare(b.end) || b.start.localeCompare(a.start);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const isoDate = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
