import type { z } from 'zod';
import type { Code } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';

/** The JSON in a file's text, or the error to show under `code` (json-invalid, policy-invalid, rules-invalid). */
export function parseJsonFile(text: string, file: string, code: Code): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new PlanLedgerError(code, { file, detail: (cause as Error).message }, { cause });
  }
}

/** Data checked by a schema, or the error to show under `code`, naming the first field that does not fit. */
export function checkedJson<T>(schema: z.ZodType<T>, data: unknown, file: string, code: Code): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new PlanLedgerError(code, { file, detail: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'schema mismatch' });
}
