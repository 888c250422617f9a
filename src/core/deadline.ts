import { MASK_NONE } from './_mask.js';

const QUARTER_END: Readonly<Record<string, string>> = { 一: '03-31', 二: '06-30', 三: '09-30', 四: '12-31' };
const PART_END: Readonly<Record<string, string>> = {
  上半年: '06-30', 下半年: '12-31', 年底: '12-31', 年末: '12-31', 年内: '12-31', 全年: '12-31', 底: '12-31', 末: '12-31', 内: '12-31',
};

// 到2024年 · 2021年6月底前 · 2021年上半年 · 年底 · 三季度
const TIME = /(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(上半年|下半年|年底|年末|年内|底|末|内|前|第?[一二三四]季度)?|(上半年|下半年|年底|年末|年内|全年)|(?:第|前)?([一二三四])季度/g;

/** ISO date a figure is due, from the last time expression before it in its sentence; else the year's end. */
export function deadlineOf(text: string, mask: Uint8Array, sentenceStart: number, at: number, year: number | null): string | null {
  let found: string | null = null;
  // Search only the words before the figure, so the cost is the sentence's, not the rest of the text's.
  for (const m of text.slice(sentenceStart, at).matchAll(TIME)) {
    if (mask[sentenceStart + m.index] !== MASK_NONE) continue;
    const date = dateOf(m, year);
    if (date !== null) found = date;
  }
  return found ?? (year === null ? null : `${year}-12-31`);
}

function dateOf(m: RegExpExecArray, defaultYear: number | null): string | null {
  const [, y, month, day, part, bareYearPart, bareQuarter] = m;
  if (y !== undefined) {
    const year = Number(y);
    if (month !== undefined) {
      const mm = Number(month);
      if (mm < 1 || mm > 12) return null;
      const dd = day !== undefined ? Number(day) : lastDay(year, mm);
      return `${year}-${pad(mm)}-${pad(Math.min(dd, lastDay(year, mm)))}`;
    }
    return `${year}-${partEnd(part)}`;
  }
  if (defaultYear === null) return null;
  if (bareYearPart !== undefined) return `${defaultYear}-${partEnd(bareYearPart)}`;
  return `${defaultYear}-${QUARTER_END[bareQuarter ?? '四']}`;
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
