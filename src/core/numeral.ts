const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Value of a Chinese numeral such as 三, 十二, 两千零五, 一亿零五百万; undefined if the string is not one. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0; // parts closed by 亿
  let wan = 0; // the part closed by 万
  let section = 0; // below 万
  let digit: number | undefined;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0 && d !== 0) return undefined; // 三四, 二〇二一: not a count
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small;
      digit = undefined;
      continue;
    }
    if (ch === '万') {
      wan = (section + (digit ?? 0) || 1) * 1e4;
      section = 0;
    } else if (ch === '亿') {
      total = (total + wan + section + (digit ?? 0) || 1) * 1e8;
      wan = 0;
      section = 0;
    } else {
      return undefined;
    }
    digit = undefined;
  }
  return total + wan + section + (digit ?? 0);
}

/** Chinese numeral for a non-negative safe integer, e.g. 2021 → 二千零二十一. */
export function formatChineseNumeral(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a non-negative integer: ${value}`);
  if (value === 0) return '零';
  const names = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const groupNames = ['', '万', '亿', '万亿'];
  const groups: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 1e4)) groups.push(v % 1e4);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] ?? 0;
    if (group === 0) {
      pendingZero = out.length > 0;
      continue;
    }
    if (out.length > 0 && (pendingZero || group < 1000)) out += '零';
    pendingZero = false;
    let groupText = '';
    let zero = false;
    for (const [unitValue, unitName] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const d = Math.floor(group / unitValue) % 10;
      if (d === 0) {
        zero = groupText.length > 0;
        continue;
      }
      if (zero) groupText += '零';
      zero = false;
      groupText += (names[d] ?? '') + unitName;
    }
    out += groupText + (groupNames[g] ?? '');
  }
  return out;
}

/** Value of an Arabic number as written in plans: 1,500 / 4.4 / １５００ (already normalized). */
export function parseArabic(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/**
 * Multiplies by a power of ten without binary noise: 4.4 × 1e4 is 44000, not 44000.00000000001.
 */
export function scale(value: number, factor: number): number {
  if (factor === 1) return value;
  const digits = Math.log10(factor);
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + digits}`);
}
