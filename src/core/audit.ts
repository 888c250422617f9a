import * as z from 'zod';
import { completionRate, expectedValue, isCeiling, isMet } from './attainment.js';
import { historyOf, type History } from './history.js';
import { isPaced } from './measure.js';
import { PlanLedgerError } from './error.js';
import { rowMeasure, type Ledger, type LedgerRow } from './ledger.js';
import { expectedShare, parsePeriod, type Period } from './period.js';
import { inStated, statedUnitOf } from './unit.js';

/** 达标 / 进度正常 / 进度滞后 / 未达标 / 未填报 / 数据存疑. */
export const VERDICTS = ['met', 'on-track', 'behind', 'missed', 'no-data', 'disputed'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const LIGHTS = ['green', 'yellow', 'red', 'grey'] as const;
export type Light = (typeof LIGHTS)[number];

/** Points from which a figure is yellow, and red. */
const ThresholdsSchema = z.object({ yellowFrom: z.number().min(0), redFrom: z.number().min(0) }).refine((b) => b.redFrom >= b.yellowFrom, { message: 'red-below-yellow', path: ['redFrom'] });

/** Thresholds and colours as data: a rules file may change any of them. */
export const RulesSchema = z.object({
  /** A quantity's points behind 序时进度 (completion against the share of the year elapsed) from which it is yellow, and red. */
  behind: ThresholdsSchema,
  /**
   * The same per measure, where it differs (measure.ts): a level's or a growth rate's points short of the target
   * itself (it is never pro-rated), a ceiling's points above its bound before the deadline. Unset: `behind`.
   */
  measures: z.object({ level: ThresholdsSchema.optional(), growth: ThresholdsSchema.optional(), ceiling: ThresholdsSchema.optional() }),
  /** Light of each verdict other than behind, whose light depends on the gap. */
  lights: z.object({ met: z.enum(LIGHTS), 'on-track': z.enum(LIGHTS), missed: z.enum(LIGHTS), 'no-data': z.enum(LIGHTS), disputed: z.enum(LIGHTS) }),
  /** Qualitative tasks (no figure): time-elapsed share from which 未启动 is red rather than yellow. */
  notStartedRedFrom: z.number().min(0).max(1),
});
export type Rules = z.infer<typeof RulesSchema>;

/** The common 序时进度 rule: green on schedule, yellow 10–30 points behind, red beyond 30 or missed. */
export const DEFAULT_RULES: Rules = {
  behind: { yellowFrom: 10, redFrom: 30 },
  // A rate 5 points of its target short is worth a look, 15 short is red; any figure above a ceiling is yellow, 10% above red.
  measures: { level: { yellowFrom: 5, redFrom: 15 }, growth: { yellowFrom: 10, redFrom: 30 }, ceiling: { yellowFrom: 0, redFrom: 10 } },
  lights: { met: 'green', 'on-track': 'green', missed: 'red', 'no-data': 'grey', disputed: 'grey' },
  notStartedRedFrom: 0.5,
};

/** A figure against its target, as a reason quotes them. */
interface Measured {
  readonly figure: number;
  readonly value: number;
  readonly unit: string;
}

/** Why a row got its verdict, as data: the figure, the target, 序时进度 and the gap. Worded in locales/. */
export type Reason =
  | { readonly kind: 'disputed' | 'no-figure' | 'no-status' | 'done-without-evidence' }
  /** A deliverable before its deadline ('' when it has none). */
  | { readonly kind: 'in-progress' | 'reported-behind' | 'not-started'; readonly deadline: string }
  | { readonly kind: 'done'; readonly evidence: string }
  | { readonly kind: 'in-progress-due' | 'behind-due' | 'not-started-due'; readonly deadline: string }
  | (Measured & { readonly kind: 'within-ceiling' | 'above-ceiling' | 'met' })
  | (Measured & { readonly kind: 'missed'; readonly deadline: string })
  | (Measured & { readonly kind: 'on-track'; readonly completion: number; readonly share: number })
  | (Measured & { readonly kind: 'behind'; readonly completion: number; readonly share: number; readonly gap: number })
  | (Measured & { readonly kind: 'below-target' | 'above-ceiling-early'; readonly gap: number });

export interface Judgement {
  readonly id: string;
  readonly verdict: Verdict;
  readonly light: Light;
  readonly reason: Reason;
  readonly completion: number | null;
  readonly expected: number;
  /** Points behind 序时进度 (negative when ahead). */
  readonly gap: number | null;
}

/** A verdict for one ledger row in a period. */
export function judge(row: LedgerRow, period: Period, rules: Rules): Judgement {
  const share = expectedShare(period, row.year, row.deadline);
  const due = row.deadline !== null && period.end >= row.deadline;
  const done = (verdict: Verdict, reason: Reason, extra: Partial<Judgement> = {}): Judgement => ({
    id: row.id,
    verdict,
    light: verdict === 'behind' ? 'yellow' : rules.lights[verdict],
    reason,
    completion: null,
    expected: share,
    gap: null,
    ...extra,
  });

  if (row.disputed) return done('disputed', { kind: 'disputed' });
  if (row.kind === 'task' || row.value === null || row.comparator === null) return judgeQualitative(row, share, due, rules, done);
  if (row.figure === null) return done('no-data', { kind: 'no-figure' });

  const target = { value: row.value, comparator: row.comparator };
  // Quoted in the unit the plan states (1.2亿元), not the stored one.
  const unit = statedUnitOf(row);
  const measured: Measured = { figure: inStated(row.figure, unit), value: inStated(row.value, unit), unit: unit.unit };
  const measure = rowMeasure(row);
  const lightOf = (gap: number, m: 'level' | 'growth' | 'ceiling' | 'quantity'): Light => {
    const t = (m === 'quantity' ? undefined : rules.measures[m]) ?? rules.behind;
    return gap > t.redFrom ? 'red' : gap >= t.yellowFrom ? 'yellow' : 'green';
  };
  if (isCeiling(target) || measure === 'ceiling') {
    if (isMet(target, row.figure)) return done(due ? 'met' : 'on-track', { kind: 'within-ceiling', ...measured });
    if (due || row.value <= 0) return done('missed', { kind: 'above-ceiling', ...measured });
    // Above the bound before the deadline: behind, by how far above it (a level may still come down).
    const gap = Math.round((row.figure / row.value - 1) * 1000) / 10;
    return { ...done('behind', { kind: 'above-ceiling-early', ...measured, gap }, { gap }), light: lightOf(gap, 'ceiling') };
  }
  const completion = completionRate(target, row.figure) ?? null;
  if (isMet(target, row.figure)) return done('met', { kind: 'met', ...measured }, { completion });
  if (due) return done('missed', { kind: 'missed', deadline: row.deadline ?? '', ...measured }, { completion });
  if (!isPaced(measure)) {
    // A rate, a share, an index or a growth rate is judged at its value whenever it is reported: never pro-rated.
    const gap = completion === null ? 100 : Math.round((1 - completion) * 1000) / 10;
    const m = measure === 'growth' ? 'growth' : 'level';
    return { ...done('behind', { kind: 'below-target', ...measured, gap }, { completion, gap, expected: 1 }), light: lightOf(gap, m) };
  }
  // The pace in whole units for a count, as the sheet's 序时目标 shows it: one station due by year end is not half due at Q2.
  const paced = expectedValue({ ...target, unit: row.unit, year: row.year, deadline: row.deadline, measure }, period);
  const pace = paced === undefined || row.value === 0 ? share : paced / row.value;
  const gap = completion === null ? null : Math.round((pace - completion) * 1000) / 10;
  const context = { ...measured, completion: completion ?? 0, share: pace };
  if (gap === null || gap <= 0) return done('on-track', { kind: 'on-track', ...context }, { completion, gap });
  return { ...done('behind', { kind: 'behind', ...context, gap }, { completion, gap }), light: lightOf(gap, 'quantity') };
}

function judgeQualitative(row: LedgerRow, share: number, due: boolean, rules: Rules, done: (verdict: Verdict, reason: Reason) => Judgement): Judgement {
  const deadline = row.deadline ?? '';
  switch (row.status) {
    case 'done':
      return row.evidence.trim() === '' ? done('disputed', { kind: 'done-without-evidence' }) : done('met', { kind: 'done', evidence: row.evidence });
    case 'in-progress':
      return due ? done('missed', { kind: 'in-progress-due', deadline }) : done('on-track', { kind: 'in-progress', deadline });
    case 'behind':
      return due ? done('missed', { kind: 'behind-due', deadline }) : { ...done('behind', { kind: 'reported-behind', deadline }), light: 'yellow' };
    case 'not-started':
      if (due) return done('missed', { kind: 'not-started-due', deadline });
      // Not started when most of the time to the deadline is gone is red: the share runs to the task's own deadline.
      return { ...done('behind', { kind: 'not-started', deadline }), light: share >= rules.notStartedRedFrom ? 'red' : 'yellow' };
    default:
      return done('no-data', { kind: 'no-status' });
  }
}

/** How many of each light. */
export function countLights(lights: Iterable<Light>): Record<Light, number> {
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  for (const light of lights) counts[light]++;
  return counts;
}

/**
 * Who answers for a row's light: its lead (牵头), or every responsible unit (责任) where no lead is named, or every
 * unit where all only support; a supporting unit (配合) is never charged with a lead's light.
 */
export function accountable(row: Pick<LedgerRow, 'departments'>): string[] {
  for (const role of ['lead', 'responsible'] as const) {
    const named = row.departments.filter((d) => d.role === role).map((d) => d.name);
    if (named.length > 0) return named;
  }
  return row.departments.map((d) => d.name);
}

/** Counts of each light for a group of rows, and the share green. */
export interface RollUp {
  /** A department's name, or a section's id. */
  readonly key: string;
  /** What a reader sees: the department, or the section's title. */
  readonly label: string;
  readonly total: number;
  readonly counts: Readonly<Record<Light, number>>;
  readonly greenShare: number;
  /** Per department: the rows it only supports (配合), counted apart from those it answers for. */
  readonly supporting?: { readonly total: number; readonly counts: Readonly<Record<Light, number>> };
}

/** Roll-ups per department (every department carrying the row) or per section. */
export function rollUp(rows: readonly LedgerRow[], judgements: ReadonlyMap<string, Judgement>, by: 'department' | 'section', sectionTitles: ReadonlyMap<string, string>): RollUp[] {
  const groups = new Map<string, { own: LedgerRow[]; supported: LedgerRow[] }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { own: [], supported: [] }));
    return g;
  };
  for (const row of rows) {
    if (by === 'section') {
      group(row.sectionId ?? '—').own.push(row);
      continue;
    }
    const answering = new Set(accountable(row));
    for (const d of row.departments) (answering.has(d.name) ? group(d.name).own : group(d.name).supported).push(row);
  }
  const lightsOf = (members: readonly LedgerRow[]) => countLights(members.map((r) => judgements.get(r.id)?.light ?? 'grey'));
  return [...groups].map(([key, { own, supported }]) => {
    const counts = lightsOf(own);
    const supporting = by === 'department' ? { supporting: { total: supported.length, counts: lightsOf(supported) } } : {};
    return { key, label: by === 'section' ? (sectionTitles.get(key) ?? key) : key, total: own.length, counts, greenShare: own.length ? counts.green / own.length : 0, ...supporting };
  });
}

/** A ledger judged: a verdict and light per row, and roll-ups per department and per section. */
export interface Audit {
  readonly ledger: Ledger;
  readonly judgements: readonly Judgement[];
  readonly byDepartment: readonly RollUp[];
  readonly bySection: readonly RollUp[];
  /** Each light over all rows. */
  readonly totals: Readonly<Record<Light, number>>;
  readonly rules: Rules;
  /** The ledger's periods so far, where it carries earlier ones. */
  readonly history?: History;
}

/** Judges every row of a ledger under the rules (the common 序时进度 rule by default). */
export function auditLedger(ledger: Ledger, rules: Rules = DEFAULT_RULES): Audit {
  const period = parsePeriod(ledger.period);
  if (!period) throw new PlanLedgerError('ledger-invalid', { file: '', reason: 'no-period', period: ledger.period });
  const judgements = ledger.rows.map((row) => judge(row, period, rules));
  const byId = new Map(judgements.map((j) => [j.id, j]));
  const titles = new Map(ledger.sections.map((s) => [s.id, s.title]));
  return {
    ledger,
    judgements,
    byDepartment: rollUp(ledger.rows, byId, 'department', titles),
    bySection: rollUp(ledger.rows, byId, 'section', titles),
    totals: countLights(judgements.map((j) => j.light)),
    rules,
    ...(ledger.history?.length ? { history: historyOf([ledger]) } : {}),
  };
}
