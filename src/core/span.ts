import * as z from 'zod';

/** Offsets [start, end) into the plan's decoded text. */
export const SpanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof SpanSchema>;
