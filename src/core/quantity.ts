import { MASK_NONE } from './_mask.js';
import { CHINESE_NUMERAL_CHARS, parseArabic, parseChineseNumeral, scale } from './numeral.js';
import { isCountUnit, resolveUnit, UNIT_SPELLINGS, type StatedUnit } from './unit.js';

/** How a stated figure compares with the value: 超过 >, 不少于 >=, 约 ~, 以内 <=, none =. */
export type Comparator = '=' | '>' | '>=' | '<' | '<=' | '~';
export const COMPARATORS: readonly Comparator[] = ['=', '>', '>=', '<', '<=', '~'];

/** A number with its unit and comparator, as found in text. */
export interface Quantity {
  readonly value: number;
  readonly unit: string;
  readonly comparator: Comparator;
  /** Offsets of the whole phrase, comparator words included (超过1500个). */
  readonly start: number;
  readonly end: number;
  /** Offset where the number itself starts. */
  readonly numberStart: number;
  /** The unit as written where it is a multiple of the stored one: 1.2亿元 is 120000000 元, stated in 亿元 (10⁸). */
  readonly stated?: StatedUnit;
}

/** Whether the text states plans (达到 means at least) or reports results (达 means exactly). */
export type Mood = 'plan' | 'progress';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// 1,500 · 4.4 · 两千零五 · then 万/亿 after Arabic digits, 余/多/+, the unit, 以上/左右/以内.
const SCANNER = new RegExp(
  String.raw`百分之([\d.]+|[${CHINESE_NUMERAL_CHARS}]+)(及以上|及以下|以上|左右|以内|以下|内)?` +
    String.raw`|(\d+(?:,\d{3})*(?:\.\d+)?|[${CHINESE_NUMERAL_CHARS}]+)(千万|百万|万|亿)?(余|多|\+)? ?` +
    `(${UNIT_SPELLINGS.map(escape).join('|')})?(及以上|及以下|以上|左右|以内|以下|内)?`,
  'g',
);

const PREFIX_COMPARATORS: ReadonlyArray<readonly [string, Comparator | 'reach']> = [
  ['不少于', '>='], ['不低于', '>='], ['至少', '>='], ['不超过', '<='], ['不高于', '<='], ['不多于', '<='],
  ['控制在', '<='], ['降至', '<='], ['降到', '<='], ['压减至', '<='], ['压减到', '<='],
  ['超过', '>'], ['突破', '>'], ['大于', '>'], ['高于', '>'], ['多于', '>'], ['逾', '>'],
  ['低于', '<'], ['少于', '<'], ['小于', '<'], ['大约', '~'], ['约', '~'], ['近', '~'],
  ['达到', 'reach'], ['达', 'reach'], ['≤', '<='], ['≥', '>='], ['<=', '<='], ['>=', '>='],
];
const SUFFIX_COMPARATORS: Readonly<Record<string, Comparator>> = {
  余: '>=', 多: '>=', '+': '>=', 以上: '>=', 及以上: '>=', 左右: '~', 以内: '<=', 以下: '<=', 及以下: '<=', 内: '<=',
};
const MAGNITUDES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 百万: 1e6, 千万: 1e7 };

/** Words where a Chinese count is part of a set phrase, not an indicator. */
const SET_PHRASES = ['一件事', '一张网', '一张图', '一张蓝图', '一条龙', '一门式', '一站式', '一部分', '一带一路', '一批次', '统一', '唯一', '同一', '单一', '逐一', '进一步'];
/** Words whose last character begins a set phrase: 系统 before 一套, 传统 before 一批. */
const WORD_BEFORE = /^(?:系统|传统)$/;
const ORDINAL_BEFORE = new Set(['第', '之', '每', '其', '周']);
const LETTER = /[A-Za-z]/;
/** What a compound unit may be per: 万元/人, 元/平方公里, 万吨/年. */
const PER = /^\/(人|户|家|亩|年|月|天|日|小时|吨|千瓦时|公里|平方公里|平方米|公顷|标准箱)/;
const SUFFIX = /^(及以上|及以下|以上|左右|以内|以下)/;
/** Words after which a bare number is an index's or a score's value, with the comparator between them. */
const INDEXED = /(指数|PUE|系数|得分|评分|分值)值?(达到|不低于|不高于|不超过|不大于|低于|小于|高于|保持在|控制在|提高到|提升至|提升到|降至|达|为|在|≤)?$/;
const CJK = /[\u3400-\u9fff]/;

/**
 * Every quantitative indicator in text[from, to), skipping masked spans, years, dates,
 * ordinals (第三批), names (5G, IPv6, O2O, 02专项) and set phrases (一张网).
 */
export function scanQuantities(text: string, mask: Uint8Array, from: number, to: number, mood: Mood): Quantity[] {
  const found: Quantity[] = [];
  const scanner = new RegExp(SCANNER.source, 'g');
  scanner.lastIndex = from;
  for (let m = scanner.exec(text); m !== null && m.index < to; m = scanner.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].length === 0 || end > to || !unmasked(mask, m.index, end)) {
      if (m[0].length === 0) scanner.lastIndex++;
      continue;
    }
    const quantity = m[1] !== undefined ? percentWords(text, m, end, mood) : figure(text, m, end, mood);
    if (quantity !== undefined) {
      found.push(quantity);
      scanner.lastIndex = quantity.end;
    } else scanner.lastIndex = m.index + Math.max(1, (m[3] ?? '').length); // rescan what followed the number
  }
  return found.filter((q, i) => !isCategoryThreshold(text, q, found[i + 1]) && !isCategoryBound(text, q));
}

/**
 * A bound that names a category of things, not a target: 160千瓦及以下小微企业, 二级及以上医院, 10万元以上的村 (占比达到60%).
 * 及以上/及以下 straight before a noun, or 以上的/以下的.
 */
function isCategoryBound(text: string, q: Quantity): boolean {
  const raw = text.slice(q.start, q.end);
  const after = text[q.end] ?? '';
  return (/(及以上|及以下)$/.test(raw) && CJK.test(after) && !/[的,。;]/.test(after)) || (/(以上|以下)$/.test(raw) && after === '的' && CJK.test(text[q.end + 1] ?? ''));
}

/**
 * A figure that names a category rather than a target: in 新开工5亿元以上项目8个 the target is 8个, and 5亿元以上 says
 * which projects count. So when an at-least figure is followed, within the clause and by words alone, by a count.
 */
function isCategoryThreshold(text: string, q: Quantity, next: Quantity | undefined): boolean {
  const raw = text.slice(q.start, q.end);
  // 5亿元以上项目8个 · 3岁以下婴幼儿托位数达到4.5个
  if (next === undefined || !((q.comparator === '>=' && /以上$/.test(raw)) || (q.comparator === '<=' && /以下$/.test(raw)))) return false;
  const between = text.slice(q.end, next.numberStart);
  return between.length > 0 && between.length <= 8 && /^[\u3400-\u9fff]+$/.test(between) && isCountUnit(next.unit) && next.unit !== '';
}

function unmasked(mask: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mask[i] !== MASK_NONE) return false;
  return true;
}

function percentWords(text: string, m: RegExpExecArray, end: number, mood: Mood): Quantity | undefined {
  const digits = m[1] as string;
  const value = /\d/.test(digits) ? parseArabic(digits) : parseChineseNumeral(digits);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return { value, unit: '%', ...withComparator(text, m.index, m[2], mood), end, numberStart: m.index };
}

function figure(text: string, m: RegExpExecArray, matchEnd: number, mood: Mood): Quantity | undefined {
  let end = matchEnd;
  const [, , , digits = '', magnitude, approx, spelling, after] = m;
  const start = m.index;
  const arabic = /\d/.test(digits);
  const before = text[start - 1] ?? '';
  const next = text[end] ?? '';

  if (before === '第' || /[\d.]/.test(before) || (ORDINAL_BEFORE.has(before) && !arabic)) return undefined;
  if (before === '前' && (spelling === '位' || spelling === '名')) return undefined; // a rank: 前20位, 前十名
  if (before === '前' && spelling !== undefined && /^(?:个工作日|工作日|天|日|小时)$/.test(spelling)) return undefined; // a time before: 季度末前5个工作日
  if (!arabic && /^[零〇]$/.test(digits)) return undefined; // 零部件, 零上门
  if (arabic && (LETTER.test(before) || /^0\d/.test(digits))) return undefined; // IPv6, O2O, 02专项
  if (magnitude !== undefined && !arabic) return undefined;

  let value: number | undefined;
  if (arabic) value = parseArabic(digits);
  else {
    if (/^[百千万亿]+$/.test(digits) || digits === '二') return undefined; // 千兆, 万户, 二次
    value = parseChineseNumeral(digits);
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;

  let unit = '';
  let factor = magnitude === undefined ? 1 : (MAGNITUDES[magnitude] ?? 1);
  let written = magnitude ?? '';
  if (spelling !== undefined) {
    const resolved = resolveUnit(spelling);
    if (resolved === undefined) return undefined;
    if (!arabic && !resolved.info.chineseCountable) return undefined;
    if (LETTER.test(spelling) && (LETTER.test(next) || next === '-')) return undefined; // 3DGIS, 5GHz, 10G-PON
    if (spelling === '个' && /^(?:方面|层面|维度)/.test(text.slice(end, end + 2))) return undefined; // 四个方面: the plan's parts
    if (spelling === 'G' && !digits.includes('.') && value >= 2 && value <= 6 && magnitude === undefined) {
      return undefined; // 4G, 5G: network generations
    }
    if (!arabic && /[式化性]/.test(next)) return undefined; // 一站式, 一体化
    unit = resolved.info.unit;
    factor *= resolved.factor;
    // A unit broken over two lines by the layout: 提高3个⏎百分点.
    if (spelling === '个' && after === undefined) {
      const broken = /^\n[ \t]*百分点/.exec(text.slice(end, end + 8));
      if (broken) {
        unit = '个百分点';
        end += broken[0].length;
      }
    }
    written = `${magnitude ?? ''}${spelling}`;
    // A compound unit (劳动生产率28万元/人以上), and the comparator after it.
    const per = after === undefined ? PER.exec(text.slice(end, end + 6)) : null;
    if (per) {
      unit = `${unit}/${per[1]}`;
      written = `${written}/${per[1]}`;
      end += per[0].length;
      const suffix = SUFFIX.exec(text.slice(end, end + 3));
      if (suffix) {
        end += suffix[0].length;
        return { value: scale(value, factor), unit, ...withComparator(text, start, suffix[1], mood), end, numberStart: start, ...stated(written, factor) };
      }
    }
  } else {
    // A bare number is an indicator as 20+企业 (an explicit "at least" before a noun), or as the value of an index or
    // a score, which has no unit: 营商环境指数达到90, 创新活跃度指数120以上, PUE低于1.3.
    if (!arabic) return undefined;
    const indexed = INDEXED.test(text.slice(Math.max(0, start - 12), start)) && !/[年月日号]/.test(next);
    if (!indexed && (approx === undefined || !CJK.test(next))) return undefined;
  }
  if (!arabic && inSetPhrase(text, start)) return undefined;

  return { value: scale(value, factor), unit, ...withComparator(text, start, after ?? approx, mood), end, numberStart: start, ...stated(written, factor) };
}

/** The unit as written, where it is not the stored one (亿元 for 元 × 10⁸; not 千米, which is 公里 × 1). */
const stated = (unit: string, factor: number): { stated?: StatedUnit } => (factor === 1 || unit === '' ? {} : { stated: { unit, factor } });

/** The comparator from the words before (超过) and after (以上, 余) a number; the phrase starts at the former. */
function withComparator(text: string, numberStart: number, suffix: string | undefined, mood: Mood): { comparator: Comparator; start: number } {
  let comparator: Comparator = '=';
  let start = numberStart;
  const prefix = prefixComparator(text, numberStart);
  if (prefix !== undefined) {
    comparator = prefix.comparator === 'reach' ? (mood === 'plan' ? '>=' : '=') : prefix.comparator;
    start = prefix.start;
  }
  if (suffix !== undefined) comparator = SUFFIX_COMPARATORS[suffix] ?? comparator;
  return { comparator, start };
}

function inSetPhrase(text: string, at: number): boolean {
  return SET_PHRASES.some((phrase) => {
    for (let k = phrase.indexOf(text[at] as string); k >= 0; k = phrase.indexOf(text[at] as string, k + 1)) {
      // 统一部署 is a word, but 系统一套 is a system's count: a phrase is one only where no word ends in its first character.
      if (text.startsWith(phrase, at - k) && !WORD_BEFORE.test(text.slice(Math.max(0, at - k - 1), at - k + 1))) return true;
    }
    return false;
  });
}

function prefixComparator(text: string, numberStart: number): { comparator: Comparator | 'reach'; start: number } | undefined {
  let at = numberStart;
  if (text[at - 1] === ' ') at--;
  for (const [word, comparator] of PREFIX_COMPARATORS) {
    if (text.startsWith(word, at - word.length)) return { comparator, start: at - word.length };
  }
  return undefined;
}
