import { countLights, judge, rollUp, DEFAULT_RULES, type Judgement, type Light, type RollUp, type Rules } from '../core/audit.js';
import type { Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import type { Ledger } from '../core/ledger.js';
import { parsePeriod } from '../core/period.js';

/** A ledger judged: a verdict and light per row, and roll-ups per department and per section. */
export interface Audit {
  readonly ledger: Ledger;
  readonly judgements: readonly Judgement[];
  readonly byDepartment: readonly RollUp[];
  readonly bySection: readonly RollUp[];
  /** Each light over all rows. */
  readonly totals: Readonly<Record<Light, number>>;
  readonly rules: Rules;
  readonly locale: Locale;
}

export function auditLedger(ledger: Ledger, rules: Rules = DEFAULT_RULES, locale: Locale = 'zh-CN'): Audit {
  const period = parsePeriod(ledger.period);
  if (!period) throw new PlanLedgerError('ledger-invalid', { file: ledger.period });
  const judgements = ledger.rows.map((row) => judge(row, period, rules, locale));
  const byId = new Map(judgements.map((j) => [j.id, j]));
  const titles = new Map(ledger.sections.map((s) => [s.id, s.title]));
  return {
    ledger,
    judgements,
    byDepartment: rollUp(ledger.rows, byId, 'department', titles),
    bySection: rollUp(ledger.rows, byId, 'section', titles),
    totals: countLights(judgements.map((j) => j.light)),
    rules,
    locale,
  };
}
