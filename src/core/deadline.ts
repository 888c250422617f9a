import { MASK_NONE } from './_mask.js';

const QUARTER_END: Readonly<Record<string, string>> = { 一: '03-31', 二: '06-30', 三: '09-30', 四: '12-31' };
const PART_END: Readonly<Record<string, string>> = {
  上半年: '06-30', 下半年: '12-31', 年底: '12-31', 年末: '12-31', 年内: '12-31', 全年: '12-31', 底: '12-31', 末: '12-31', 内: '12-31', 首季: '03-31',
};

// 到2024年 · 2021年6月底前 · 2021年上半年 · 年底 · 三季度 · 9月底前 · 6月30日
const TIME = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(上半年|下半年|年底|年末|年内|底|末|内|前|第?[一二三四]季度)?|(上半年|下半年|年底|年末|年内|全年|首季)|(?:第|前)?([一二三四])季度|(?<![\d年.])(\d{1,2})月(?:(\d{1,2})日|(?=底|末|前))/g;
/** A time after the figure that says by when: 新建5个站点,2022年10月底前完成. */
const BY_WHEN = /^(?:前|底前|末前|以前|之前)|^\s*(?:完成|建成|实现|落地)/;

/**
 * ISO date a figure is due: the last time expression before it in its sentence, else one after it in the same clause
 * that says by when (…,10月底前完成), else `otherwise` (the task's 完成时限), else the year's end.
 */
export function deadlineOf(text: string, mask: Uint8Array, sentenceStart: number, at: number, year: number | null, after?: { readonly from: number; readonly otherwise?: string | null }): string | null {
  let found: string | null = null;
  // Search only the sentence's words, so the cost is the sentence's, not the rest of the text's.
  for (const m of text.slice(sentenceStart, at).matchAll(TIME)) {
    if (mask[sentenceStart + m.index] !== MASK_NONE) continue;
    const date = dateOf(m, year);
    if (date !== null) found = date;
  }
  if (found === null && after !== undefined) {
    const rest = /^[^。;\n]{0,60}/.exec(text.slice(after.from))?.[0] ?? '';
    for (const m of rest.matchAll(TIME)) {
      const tail = rest.slice(m.index + m[0].length);
      if (mask[after.from + m.index] === MASK_NONE && (BY_WHEN.test(tail) || /[前底末]$/.test(m[0]))) {
        found = dateOf(m, year);
        break;
      }
    }
  }
  return found ?? after?.otherwise ?? (year === null ? null : `${year}-12-31`);
}

/** The task's own deadline, from a 完成时限 line or clause (完成时限:2022年9月30日, 时间节点:年底前); null when it names none. */
export function taskDeadlineOf(text: string, from: number, to: number, year: number | null): string | null {
  const line = /(?:完成时限|完成时间|时间节点|时限要求)\s*[::]\s*([^\n。;]{1,40})/.exec(text.slice(from, to));
  return line ? deadlineIn(line[1] as string, year) : null;
}

/**
 * By when a task with no figure is due, from its own words: the latest time in them that says by when (2021年6月底前
 * 出台方案, 年底前建成, 三季度完成, 到2025年), not before its year. Null when none does (持续推进).
 */
export function byWhenIn(text: string, mask: Uint8Array, from: number, to: number, year: number | null): string | null {
  let latest: string | null = null;
  const words = text.slice(from, to);
  for (const m of words.matchAll(TIME)) {
    if (mask[from + m.index] !== MASK_NONE) continue;
    const tail = words.slice(m.index + m[0].length);
    const reached = /[到至]$/.test(words.slice(Math.max(0, m.index - 1), m.index)); // 到2025年,基本建成
    if (!reached && !/[前底末内]$/.test(m[0]) && !BY_WHEN.test(tail)) continue;
    const date = dateOf(m, year);
    if (date !== null && (year === null || date >= `${year}-01-01`) && (latest === null || date > latest)) latest = date;
  }
  return latest;
}

/** The first time a deadline's words name (2021年12月31日, 年底前, 前三季度); null for none (长期坚持, 持续推进). */
export function deadlineIn(words: string, year: number | null): string | null {
  for (const m of words.matchAll(TIME)) {
    const date = dateOf(m, year);
    if (date !== null) return date;
  }
  return null;
}

function dateOf(m: RegExpExecArray, defaultYear: number | null): string | null {
  const [, y, month, day, part, bareYearPart, bareQuarter, bareMonth, bareDay] = m;
  if (y !== undefined) {
    const year = Number(y);
    return month !== undefined ? monthDate(year, month, day) : `${year}-${partEnd(part)}`;
  }
  if (defaultYear === null) return null;
  if (bareMonth !== undefined) return monthDate(defaultYear, bareMonth, bareDay);
  if (bareYearPart !== undefined) return `${defaultYear}-${partEnd(bareYearPart)}`;
  return `${defaultYear}-${QUARTER_END[bareQuarter ?? '四']}`;
}

/** A day of a month (6月30日), else the month's last day (6月底); null for no such month. */
function monthDate(year: number, month: string, day: string | undefined): string | null {
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  const last = lastDay(year, mm);
  return `${year}-${pad(mm)}-${pad(Math.min(day !== undefined ? Number(day) : last, last))}`;
}

function partEnd(part: string | undefined): string {
  if (part === undefined || part === '前') return '12-31';
  const quarter = /([一二三四])季度/.exec(part);
  if (quarter) return QUARTER_END[quarter[1] as string] ?? '12-31';
  return PART_END[part] ?? '12-31';
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');
