import { lastQuoted, MASK_QUOTE } from './_mask.js';
import type { Quantity } from './quantity.js';

/** Whether a figure counts new items (新增), a running total (累计) or neither. */
export type Basis = 'new' | 'cumulative' | 'plain';

/** A running figure (新增 or 累计 to date) grows through its target's span and must never fall. */
export const isRunning = (basis: Basis | null | undefined): boolean => basis === 'new' || basis === 'cumulative';

const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const CLAUSE_DELIMITERS = codes(',;:。!?\n、()[]【】');
const SENTENCE_DELIMITERS = codes('。;!?\n');
const FULL_STOP = 0x3002;
const MAX_PHRASE = 40;
const MAX_METRIC = 24;

/** Verbs after which the counted thing is named: 建设5G综合杆基站176个. */
const VERBS_BEFORE = words(
  '建设 新建 建成 改造 完成 申报 申请 推进 实现 开展 提升 提高 打造 汇聚 租用 发表 授权 使用 新增 累计 接入 落实 计划 力争 形成 覆盖 引进 培育 举办 组织 部署 上线 搭建 发布 签约 培训 招引 集聚 吸引 建立 安排 筹集 带动 投入 设立 拨付 争取 吸纳',
);
/** Verbs that end a noun phrase that follows the number: 40个主题事项实现…. */
const VERBS_AFTER = words('实现 参与 参加 进行 已 接入 落地 建设 完成 覆盖 上线 得到 均 投入 开展 进入 提供 达到 通过 获得 纳入 具备');
/** Verbs that make what precedes 的 a relative clause: 具有自主核心技术的数字赋能企业. */
const RELATIVE_VERBS = words('具有 纳入 参与 参加 承担 入选 获得 拥有 符合 达到 完成 实现 开展');
const LEADING_FILLERS = words(
  '其中 共计 合计 总计 共 全区 区内 我区 本区 全市 累计 新增 新建 目前 当前 现已 现 已经 已 为 的 和 及 并 了 年度内 年内 年底 年末',
);
const TRAILING_FILLERS = words(
  '控制在 保持在 降至 降低到 降低至 提高到 提高至 提升到 提升至 增加到 增长到 达到 达 为 至 共计 共 总计 合计 平均 压减 减少 提升 提高 增长 增加 下降 累计 完成 实现 了 已经 已 到 突破 的 和 及 与 等 建设 分别',
);
const GENERIC = new Set(words('计划指标 指标 目标 任务 目标任务 工作任务 计划任务 工作 计划'));
const CLASSIFIER_NOUNS = new Set(words('大类 类 种 款 门'));
const TIME_PREFIX = /^(?:到|至|截至|截止|于)?\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|内|初|前|上半年|下半年)?/;

function words(list: string): string[] {
  return list.split(' ').sort((a, b) => b.length - a.length);
}

export interface MetricContext {
  readonly text: string;
  readonly mask: Uint8Array;
  /** Earliest offset a clause may reach back to: the block start or the previous figure's end. */
  readonly floor: number;
  /** Offset where the next figure starts, or the block end. */
  readonly ceiling: number;
}

/** What the figure counts, read from the words around it. */
export function metricOf(q: Quantity, ctx: MetricContext, sentenceStart: number): string {
  const clauseStart = clauseStartOf(ctx, q.start);
  const after = afterPhrase(ctx, q.end);
  if (after.length > 0 && !GENERIC.has(after)) return after;
  const rawBefore = ctx.text.slice(clauseStart, q.start).trim();
  const before = rawBefore.endsWith('等') ? '' : cleanBefore(rawBefore);
  if (before.length > 0 && !GENERIC.has(before)) return before;
  const quoted = lastQuoted(ctx.text, ctx.mask, sentenceStart, q.start);
  if (quoted !== undefined) return quoted.slice(0, MAX_METRIC);
  if (CLASSIFIER_NOUNS.has(q.unit)) return q.unit;
  return before || after;
}

/** 新增 → new, 累计/总数 → cumulative, read from the figure's clause. */
export function basisOf(q: Quantity, ctx: MetricContext): Basis {
  const clause = ctx.text.slice(clauseStartOf(ctx, q.start), clauseEndOf(ctx, q.end));
  if (/累计|总数|总量|存量|共累计/.test(clause)) return 'cumulative';
  if (/新增|新建|新开|新上|新引进|新培育|新认定|增加/.test(clause)) return 'new';
  return 'plain';
}

/** The sentence a figure stands in, as the source wrote it, for people to read beside it. */
export function sentenceOf(ctx: MetricContext, q: Quantity, original: string, start: number): string {
  let end = q.end;
  while (end < ctx.text.length && end - q.end < 200 && !SENTENCE_DELIMITERS.has(ctx.text.charCodeAt(end))) end++;
  if (ctx.text.charCodeAt(end) === FULL_STOP) end++;
  return original.slice(start, end).trim();
}

export function sentenceStartOf(ctx: Pick<MetricContext, 'text' | 'mask'>, at: number): number {
  let i = at - 1;
  while (i >= 0 && at - i < 400) {
    if (SENTENCE_DELIMITERS.has(ctx.text.charCodeAt(i)) && ctx.mask[i] !== MASK_QUOTE) break;
    i--;
  }
  return i + 1;
}

function clauseStartOf(ctx: MetricContext, at: number): number {
  let i = at - 1;
  while (i >= ctx.floor && at - i <= MAX_PHRASE) {
    if (CLAUSE_DELIMITERS.has(ctx.text.charCodeAt(i)) && ctx.mask[i] !== MASK_QUOTE) break;
    i--;
  }
  return Math.max(i + 1, ctx.floor);
}

/** Where the words after a figure stop: a delimiter, a quote, another number. */
function clauseEndOf(ctx: MetricContext, from: number): number {
  let end = from;
  const limit = Math.min(ctx.ceiling, from + MAX_PHRASE);
  while (end < limit) {
    const c = ctx.text.charCodeAt(end);
    if (CLAUSE_DELIMITERS.has(c) || ctx.mask[end] === MASK_QUOTE || isDigitOrSpace(c)) break;
    end++;
  }
  return end;
}

const isDigitOrSpace = (c: number): boolean => (c >= 0x30 && c <= 0x39) || c === 0x20 || c === 0x0a;

function afterPhrase(ctx: MetricContext, from: number): string {
  let phrase = ctx.text.slice(from, clauseEndOf(ctx, from));
  if (phrase.startsWith('的')) phrase = phrase.slice(1);
  phrase = cutAtVerb(phrase);
  const of = phrase.indexOf('的');
  if (of > 0) {
    const head = phrase.slice(0, of);
    phrase = RELATIVE_VERBS.some((v) => head.includes(v)) ? cutAtVerb(phrase.slice(of + 1)) : head;
  }
  return trimWords(phrase, [], TRAILING_FILLERS).slice(0, MAX_METRIC);
}

function cutAtVerb(phrase: string): string {
  let cut = phrase.length;
  for (const verb of VERBS_AFTER) {
    const at = phrase.indexOf(verb, 2);
    if (at >= 2 && at < cut) cut = at;
  }
  return phrase.slice(0, cut);
}

function cleanBefore(phrase: string): string {
  let p = phrase;
  for (let m = TIME_PREFIX.exec(p); m !== null && m[0].length > 0; m = TIME_PREFIX.exec(p)) p = p.slice(m[0].length);
  p = trimWords(p, [], TRAILING_FILLERS);
  let cut = -1;
  for (const verb of VERBS_BEFORE) {
    const at = p.lastIndexOf(verb);
    // Cut after the verb only when a real noun (two characters or more) is left: not 覆盖|率.
    if (at >= 0 && at + verb.length <= p.length - 2 && at + verb.length > cut) cut = at + verb.length;
  }
  if (cut > 0) p = p.slice(cut);
  p = trimWords(p, LEADING_FILLERS, TRAILING_FILLERS);
  return p.length > MAX_METRIC ? p.slice(p.length - MAX_METRIC) : p;
}

function trimWords(phrase: string, leading: readonly string[], trailing: readonly string[]): string {
  let p = phrase.trim();
  for (let changed = true; changed && p.length > 0; ) {
    changed = false;
    for (const w of leading) {
      if (p.startsWith(w)) {
        p = p.slice(w.length).trim();
        changed = true;
      }
    }
    for (const w of trailing) {
      if (p.endsWith(w)) {
        p = p.slice(0, -w.length).trim();
        changed = true;
      }
    }
  }
  return p;
}
