import type { Ledger, Submission } from './ledger.js';
import { parsePeriod } from './period.js';

/** A department that has not reported this period, and whom to call: who filled in its last sheet. */
export interface Chase {
  readonly department: string;
  readonly period: string;
  /** Its last submission in the ledger's trail (an earlier period), or undefined when it never reported. */
  readonly last: Submission | undefined;
}

/** The 催报 list: every department the plan expects this period that sent no sheet, with its last contact. */
export function chaseList(ledger: Ledger): Chase[] {
  const trail = ledger.submissions ?? [];
  return ledger.findings.flatMap((f) => {
    if (f.code !== 'consolidate-missing') return [];
    const { department, period } = f.params as { department: string; period: string };
    const last = trail.filter((s) => s.department === department && s.period !== period).sort(newestFirst)[0];
    return [{ department, period, last }];
  });
}

function newestFirst(a: Submission, b: Submission): number {
  const end = (s: Submission): string => parsePeriod(s.period)?.end ?? '';
  return end(b).localeCompare(end(a)) || b.generatedAt.localeCompare(a.generatedAt);
}
