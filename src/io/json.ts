import type * as z from 'zod';
import type { DataProblem } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';

/** The codes of files of data whose problems are a DataProblem. */
type DataCode = 'json-invalid' | 'policy-invalid' | 'rules-invalid' | 'groups-invalid';

/** The JSON in a file's text, or the error to show under `code`, saying where the syntax breaks. */
export function parseJson(text: string, file: string, code: DataCode): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const position = /position (\d+)/.exec((cause as Error).message)?.[1];
    throw new PlanLedgerError(code, { file, reason: 'syntax', ...(position === undefined ? {} : { position: Number(position) }) }, { cause });
  }
}

/** Data checked by a schema, or the error to show under `code`, naming the first field that does not fit and why. */
export function checkedJson<T>(schema: z.ZodType<T>, data: unknown, file: string, code: DataCode): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new PlanLedgerError(code, { file, ...dataProblem(parsed.error.issues[0]) });
}

/** What a schema issue means for the user, as data: which field, and what it should be. */
function dataProblem(issue: z.core.$ZodIssue | undefined): DataProblem {
  const field = issue?.path.map(String).join('.') ?? '';
  switch (issue?.code) {
    case 'invalid_type':
      return field === '' && issue.expected === 'object' ? { reason: 'not-an-object' } : { reason: 'type', field, expected: issue.expected };
    case 'invalid_value':
      return { reason: 'one-of', field, choices: issue.values.map(String) };
    case 'too_small':
      return { reason: 'too-small', field, limit: Number(issue.minimum) };
    case 'too_big':
      return { reason: 'too-large', field, limit: Number(issue.maximum) };
    case 'custom':
      return issue.message === 'red-below-yellow' ? { reason: 'red-below-yellow', field } : { reason: 'invalid', field };
    default:
      return { reason: 'invalid', field };
  }
}
