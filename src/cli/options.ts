import { PlanLedgerError } from '../core/error.js';
import { parsePeriod, type Period } from '../core/period.js';

/** The period a command was given; usage error when it is missing, period-invalid when it names none. */
export function requirePeriod(label: string | undefined, command: string): Period {
  if (label === undefined) throw new PlanLedgerError('usage', { problem: 'option-required', command, option: '--period' });
  return periodOf(label);
}

/** The period given, if any. */
export function optionalPeriod(label: string | undefined): Period | undefined {
  return label === undefined ? undefined : periodOf(label);
}

function periodOf(label: string): Period {
  const period = parsePeriod(label);
  if (!period) throw new PlanLedgerError('period-invalid', { period: label });
  return period;
}

/** The folder or file a command writes to; usage error when it is missing. */
export function requireOut(out: string | undefined, command: string): string {
  if (out === undefined) throw new PlanLedgerError('usage', { problem: 'option-required', command, option: '--out' });
  return out;
}

/** A value of a closed list of choices; usage error naming them otherwise. */
export function oneOf<T extends string>(value: string, option: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new PlanLedgerError('usage', { problem: 'option-one-of', option, value, choices });
  return value as T;
}
