import { z } from 'zod';
import { pushTo } from './_group.js';
import { completionRate, isCeiling, isMet } from './attainment.js';
import type { Locale } from './code.js';
import type { LedgerRow } from './ledger.js';
import { expectedShare, type Period } from './period.js';

/** 达标 / 进度正常 / 进度滞后 / 未达标 / 未填报 / 数据存疑. */
export const VERDICTS = ['met', 'on-track', 'behind', 'missed', 'no-data', 'disputed'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];

export const VERDICT_LABELS: Readonly<Record<Locale, Readonly<Record<Verdict, string>>>> = {
  'zh-CN': { met: '达标', 'on-track': '进度正常', behind: '进度滞后', missed: '未达标', 'no-data': '未填报', disputed: '数据存疑' },
  en: { met: 'met', 'on-track': 'on track', behind: 'behind', missed: 'missed', 'no-data': 'no data', disputed: 'disputed' },
};
export const LIGHT_LABELS: Readonly<Record<Locale, Readonly<Record<Light, string>>>> = {
  'zh-CN': { green: '绿', yellow: '黄', red: '红', grey: '灰' },
  en: { green: 'green', yellow: 'yellow', red: 'red', grey: 'grey' },
};

/** Thresholds and colours as data: a rules file may change any of them. */
export const RulesSchema = z.object({
  /** Points behind 序时进度 from which a figure is yellow, and red. */
  behind: z.object({ yellowFrom: z.number().min(0), redFrom: z.number().min(0) }).refine((b) => b.redFrom >= b.yellowFrom, 'redFrom must not be below yellowFrom'),
  /** Light of each verdict other than behind, whose light depends on the gap. */
  lights: z.object({ met: z.enum(LIGHTS), 'on-track': z.enum(LIGHTS), missed: z.enum(LIGHTS), 'no-data': z.enum(LIGHTS), disputed: z.enum(LIGHTS) }),
  /** Qualitative tasks (no figure): time-elapsed share from which 未启动 is red rather than yellow. */
  notStartedRedFrom: z.number().min(0).max(1),
});
export type Rules = z.infer<typeof RulesSchema>;

/** The common 序时进度 rule: green on schedule, yellow 10–30 points behind, red beyond 30 or missed. */
export const DEFAULT_RULES: Rules = {
  behind: { yellowFrom: 10, redFrom: 30 },
  lights: { met: 'green', 'on-track': 'green', missed: 'red', 'no-data': 'grey', disputed: 'grey' },
  notStartedRedFrom: 0.5,
};

export interface Judgement {
  readonly id: string;
  readonly verdict: Verdict;
  readonly light: Light;
  /** Why, in the user's language: the figure, the target, 序时进度 and the gap. */
  readonly reason: string;
  readonly completion: number | null;
  readonly expected: number;
  /** Points behind 序时进度 (negative when ahead). */
  readonly gap: number | null;
}

/** A verdict for one ledger row in a period. */
export function judge(row: LedgerRow, period: Period, rules: Rules, locale: Locale = 'zh-CN'): Judgement {
  const zh = locale !== 'en';
  const share = expectedShare(period, row.year, row.deadline);
  const due = row.deadline !== null && period.end >= row.deadline;
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const done = (verdict: Verdict, reason: string, extra: Partial<Judgement> = {}): Judgement => ({
    id: row.id,
    verdict,
    light: verdict === 'behind' ? 'yellow' : rules.lights[verdict],
    reason,
    completion: null,
    expected: share,
    gap: null,
    ...extra,
  });

  if (row.disputed) return done('disputed', zh ? '各单位数据不一致或填报有误,需核实' : 'departments disagree or an entry is in error');
  if (row.kind === 'task' || row.value === null || row.comparator === null) return judgeQualitative(row, share, due, rules, zh, done);
  if (row.figure === null) return done('no-data', zh ? '未填报完成值' : 'no figure reported');

  const target = { value: row.value, comparator: row.comparator };
  const figure = `${row.figure}${row.unit}`;
  const goal = `${row.value}${row.unit}`;
  if (isCeiling(target)) {
    const within = isMet(target, row.figure);
    if (within) return done(due ? 'met' : 'on-track', zh ? `${figure},控制在 ${goal} 以内` : `${figure}, within ${goal}`);
    return done('missed', zh ? `${figure},超过上限 ${goal}` : `${figure}, above the ceiling ${goal}`);
  }
  const completion = completionRate(target, row.figure) ?? null;
  if (isMet(target, row.figure)) return done('met', zh ? `完成 ${figure},目标 ${goal}` : `${figure} of ${goal}`, { completion });
  if (due) return done('missed', zh ? `期限 ${row.deadline} 已到,完成 ${figure},未达目标 ${goal}` : `due ${row.deadline}: ${figure} of ${goal}`, { completion });
  const gap = completion === null ? null : Math.round((share - completion) * 1000) / 10;
  const context = zh ? `完成 ${figure}/${goal}(${pct(completion ?? 0)}),序时进度 ${pct(share)}` : `${figure} of ${goal} (${pct(completion ?? 0)}), time elapsed ${pct(share)}`;
  if (gap === null || gap <= 0) return done('on-track', context, { completion, gap });
  const light: Light = gap > rules.behind.redFrom ? 'red' : gap >= rules.behind.yellowFrom ? 'yellow' : 'green';
  return { ...done('behind', zh ? `${context},落后 ${gap} 个百分点` : `${context}, ${gap} points behind`, { completion, gap }), light };
}

function judgeQualitative(
  row: LedgerRow,
  share: number,
  due: boolean,
  rules: Rules,
  zh: boolean,
  done: (verdict: Verdict, reason: string, extra?: Partial<Judgement>) => Judgement,
): Judgement {
  switch (row.status) {
    case 'done':
      return row.evidence.trim() === ''
        ? done('disputed', zh ? '标为已完成,但无佐证材料' : 'marked done with no evidence')
        : done('met', zh ? `已完成,佐证:${row.evidence}` : `done; evidence: ${row.evidence}`);
    case 'in-progress':
      return due ? done('missed', zh ? `期限 ${row.deadline} 已到,仍在推进` : `due ${row.deadline}, still in progress`) : done('on-track', zh ? '推进中' : 'in progress');
    case 'behind':
      return due ? done('missed', zh ? `期限 ${row.deadline} 已到,进度滞后` : `due ${row.deadline}, behind`) : { ...done('behind', zh ? '填报为滞后' : 'reported behind'), light: 'yellow' };
    case 'not-started':
      if (due) return done('missed', zh ? `期限 ${row.deadline} 已到,尚未启动` : `due ${row.deadline}, not started`);
      return { ...done('behind', zh ? '尚未启动' : 'not started'), light: share >= rules.notStartedRedFrom ? 'red' : 'yellow' };
    default:
      return done('no-data', zh ? '未填报状态' : 'no status reported');
  }
}

/** How many of each light. */
export function countLights(lights: Iterable<Light>): Record<Light, number> {
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  for (const light of lights) counts[light]++;
  return counts;
}

/** Counts of each light for a group of rows, and the share green. */
export interface RollUp {
  readonly key: string;
  readonly label: string;
  readonly total: number;
  readonly counts: Readonly<Record<Light, number>>;
  readonly greenShare: number;
}

/** Roll-ups per department (every department carrying the row) or per section. */
export function rollUp(rows: readonly LedgerRow[], judgements: ReadonlyMap<string, Judgement>, by: 'department' | 'section', sectionTitles: ReadonlyMap<string, string>): RollUp[] {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const keys = by === 'department' ? row.departments.map((d) => d.name) : [row.sectionId ?? '—'];
    for (const key of keys) pushTo(groups, key, row);
  }
  return [...groups].map(([key, members]) => {
    const counts = countLights(members.map((r) => judgements.get(r.id)?.light ?? 'grey'));
    return { key, label: by === 'section' ? (sectionTitles.get(key) ?? key) : key, total: members.length, counts, greenShare: members.length ? counts.green / members.length : 0 };
  });
}
