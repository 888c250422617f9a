import type { Code, ParamsOf } from './code.js';

/** A problem that stops the run: unusable input or wrong usage. Front ends word it (locales/), show one line and exit 2. */
export class PlanLedgerError<C extends Code = Code> extends Error {
  override readonly name = 'PlanLedgerError';

  constructor(
    readonly code: C,
    readonly params: ParamsOf<C>,
    options?: { cause?: unknown },
  ) {
    // The message is for stack traces and logs only; users read the worded one.
    super(`[${code}] ${JSON.stringify(params)}`, options);
  }
}
