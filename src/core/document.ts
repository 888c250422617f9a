import type { PartKind } from './record.js';
import type { Paragraph } from './text.js';

export interface DocumentFacts {
  readonly title: string;
  readonly docNumber: string | null;
  readonly issuer: string | null;
  readonly signedOn: string | null;
  readonly publishedOn: string | null;
  readonly adoptedOn: string | null;
}

/** Kind and years a heading or title announces: 2020年工作进展 → progress 2020. */
export interface Period {
  readonly kind: PartKind;
  readonly year: number | null;
  /** The year whose end is the default deadline: 2022 for (2020—2022年). */
  readonly lastYear: number | null;
}

const PROGRESS_WORDS = '工作进展|进展情况|工作回顾|完成情况|工作总结|执行情况|总结|回顾';
const PLAN_WORDS = '工作计划|工作要点|行动方案|实施方案|主要目标|工作安排|行动计划|实施意见|计划|方案|要点|规划|目标';
const KIND = new RegExp(`(${PROGRESS_WORDS})|(${PLAN_WORDS})`, 'g');
const YEAR_RANGE = /(\d{4})\s*[-—–~至到]+\s*(\d{4})\s*年/;
const YEAR = /(\d{4})\s*年/g;

const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}[〔[【(]\s*\d{4}\s*[〕\]】)]\s*第?\s*\d+\s*号/;
const CN_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})/;
const ISSUER = /(人民政府|政府办公室|办公室|办公厅|委员会|领导小组|政府|局|委|中心|集团|公司)$/;
const ADOPTED = /(\d{4})年(\d{1,2})月(\d{1,2})日[^。]{0,40}?会[^。]{0,20}?通过/;
const NOTICE_TITLE = /关于印发[《“](.+?)[》”]的通知/;
const GENRE = /计划|方案|要点|总结|规划|进展|意见|报告|安排|任务/;
const TITLE_MAX = 60;

/** Reads title, 文号, issuer and dates from the paragraphs before the first heading (and the end). */
export function documentFacts(text: string, front: readonly Paragraph[], all: readonly Paragraph[]): DocumentFacts {
  const head = text.slice(0, 6000);
  const signature = findSignature(front) ?? findSignature(all.slice(-6));
  const adopted = ADOPTED.exec(head);
  return {
    title: findTitle(front) ?? all[0]?.text.slice(0, TITLE_MAX) ?? '',
    docNumber: DOC_NUMBER.exec(head)?.[0].replace(/\s+/g, '') ?? null,
    issuer: signature?.issuer ?? null,
    signedOn: signature?.date ?? null,
    publishedOn: findPublished(front.slice(0, 4)),
    adoptedOn: adopted ? isoDate(adopted[1], adopted[2], adopted[3]) : null,
  };
}

function findTitle(front: readonly Paragraph[]): string | undefined {
  for (const p of front) {
    const m = NOTICE_TITLE.exec(p.text);
    if (m) return m[1];
  }
  // The last run of short, unpunctuated lines that names the genre: 杨浦区…建设 / 2021年工作计划.
  let best: string | undefined;
  let run: string[] = [];
  const flush = (): void => {
    const joined = run.join('');
    if (run.length > 0 && GENRE.test(joined)) best = joined;
    run = [];
  };
  for (const p of front) {
    const t = p.text;
    const titleLike = t.length <= 40 && !/[。,;:!?、]/.test(t) && !CN_DATE.test(t) && !DOC_NUMBER.test(t) && !ISSUER.test(t);
    if (titleLike) run.push(t);
    else flush();
  }
  flush();
  return best;
}

function findSignature(paragraphs: readonly Paragraph[]): { issuer: string; date: string } | undefined {
  for (let i = 1; i < paragraphs.length; i++) {
    const date = CN_DATE.exec(paragraphs[i]?.text ?? '');
    const issuer = paragraphs[i - 1]?.text ?? '';
    if (date && issuer.length <= 30 && ISSUER.test(issuer)) {
      const iso = isoDate(date[1], date[2], date[3]);
      if (iso) return { issuer, date: iso };
    }
  }
  return undefined;
}

function findPublished(paragraphs: readonly Paragraph[]): string | null {
  for (const p of paragraphs) {
    const m = ISO_DATE.exec(p.text);
    if (m) return isoDate(m[1], m[2], m[3]);
  }
  return null;
}

/** Kind and year a title announces, or undefined when it names neither plan nor progress. */
export function periodOf(title: string): Period | undefined {
  let kind: PartKind | undefined;
  let kindAt = -1;
  for (const m of title.matchAll(KIND)) {
    kind = m[1] !== undefined ? 'progress' : 'plan';
    kindAt = m.index;
  }
  if (kind === undefined) return undefined;
  const range = YEAR_RANGE.exec(title);
  if (range) return { kind, year: Number(range[1]), lastYear: Number(range[2]) };
  let year: number | null = null;
  for (const m of title.matchAll(YEAR)) {
    if (m.index > kindAt && year !== null) break;
    year = Number(m[1]);
  }
  return { kind, year, lastYear: year };
}

function isoDate(y: string | undefined, m: string | undefined, d: string | undefined): string | null {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1900)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
