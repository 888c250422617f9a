import * as z from 'zod';
import { CODE_LIST, CODES, SEVERITIES, type Code, type ParamsOf, type Severity } from './code.js';
import { SpanSchema } from './span.js';

/** Where a finding points, as a user sees it: file, sheet, A1 cell, 1-based row or line. */
export const LocationSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  row: z.number().int().optional(),
  field: z.string().optional(),
  line: z.number().int().optional(),
  span: SpanSchema.optional(),
});
export type Location = z.infer<typeof LocationSchema>;

const ParamValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);

interface FindingBase {
  readonly severity: Severity;
  readonly location: Location;
  readonly taskId?: string | undefined;
  readonly targetId?: string | undefined;
  /** The value the finding is about, as read. */
  readonly value?: unknown;
  /** The sentence of a finding read from a file of the first format, which kept no parameters: shown as it was written. */
  readonly legacyMessage?: string | undefined;
}

/** A problem as data: its code, the parameters its wording needs, and where it is. Worded only at the edge (locales/). */
export type Finding = { [C in Code]: FindingBase & { readonly code: C; readonly params: ParamsOf<C> } }[Code];

/**
 * Findings as stored in JSON (parse --json, ledgers). A finding of the first format (a sentence, no parameters) keeps its
 * sentence; a message beside parameters is the JSON output's and is dropped. Parameters are taken as their code's, unchecked:
 * a hand-edited file whose parameters do not fit is worded with the code's title (locales/).
 */
export const FindingSchema = z
  .object({
    code: z.enum(CODE_LIST as [Code, ...Code[]]),
    severity: z.enum(SEVERITIES as [Severity, ...Severity[]]),
    params: z.record(z.string(), ParamValueSchema).optional(),
    message: z.string().optional(),
    location: LocationSchema,
    taskId: z.string().optional(),
    targetId: z.string().optional(),
    value: z.unknown().optional(),
  })
  .transform(({ params, message, ...rest }) => ({ ...rest, params: params ?? {}, ...(params === undefined && message !== undefined ? { legacyMessage: message } : {}) })) as unknown as z.ZodType<Finding>;

/** What a finding is about besides its place. */
export type FindingExtra = Pick<FindingBase, 'taskId' | 'targetId' | 'value'>;

/** A finding for a code with its parameters, at a place; undefined places and extras are left out. */
export function finding<C extends Code>(code: C, params: ParamsOf<C>, location: Location = {}, extra: FindingExtra = {}): Finding {
  const where: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(location)) if (value !== undefined) where[key] = value;
  const more: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) more[key] = value;
  return { code, severity: CODES[code].severity, params, location: where, ...more } as Finding;
}

/**
 * The findings that concern one file: those located in it, and each disagreement that names it as the other side,
 * placed at its cell there.
 */
export function findingsOfFile(findings: readonly Finding[], file: string): Finding[] {
  return findings.flatMap((f): Finding[] => {
    if (f.location.file === file) return [f];
    if (f.code === 'consolidate-conflict' && f.params.aFile === file) return [{ ...f, location: { file, cell: f.params.aCell } }];
    return [];
  });
}
