import { render, type Code, type Locale, type Params } from './code.js';

/** A problem that stops the run: unusable input or wrong usage. Front ends show one line and exit 2. */
export class PlanLedgerError extends Error {
  override readonly name = 'PlanLedgerError';

  constructor(
    readonly code: Code,
    readonly params: Params = {},
    options?: { cause?: unknown },
  ) {
    super(render(code, params, 'en'), options);
  }

  /** The one line a user reads: `[code] message`. */
  describe(locale: Locale = 'zh-CN'): string {
    return `[${this.code}] ${render(this.code, this.params, locale)}`;
  }
}
