import { CODE_LIST, CODES, type Code, type ParamsOf } from '../code.js';
import type { PlanLedgerError } from '../error.js';
import type { Finding } from '../finding.js';
import { PLACEHOLDER_LIST, PLACEHOLDERS } from '../placeholder.js';
import { DEFAULT_LOCALE } from './default.js';
import { en } from './en.js';
import type { Locale, Wording } from './wording.js';
import { zhCN } from './zh-CN.js';

export type { Locale, Wording } from './wording.js';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export { DEFAULT_LOCALE } from './default.js';

const WORDINGS: Readonly<Record<Locale, Wording>> = { 'zh-CN': zhCN, en };

/** The words of a language: zh-CN unless another is asked for. */
export function wording(locale: Locale = DEFAULT_LOCALE): Wording {
  return WORDINGS[locale];
}

/** The locale a user's setting names (zh, zh-CN, en, EN), or undefined when it names none. */
export function localeOf(value: string | undefined): Locale | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^zh/i.test(value)) return 'zh-CN';
  return LOCALES.find((l) => l.toLowerCase() === value.toLowerCase());
}

/** The sentence for a code and its parameters. */
export function say<C extends Code>(code: C, params: ParamsOf<C>, w: Wording = zhCN): string {
  return w.codes[code].message(params);
}

/**
 * A finding's sentence, in the reader's language. A finding of the first format keeps the sentence it was written with;
 * one whose parameters do not fit its code (a hand-edited file) is said by the code's title and its parameters.
 */
export function message(f: Finding, w: Wording = zhCN): string {
  if (f.legacyMessage !== undefined) return f.legacyMessage;
  try {
    return say(f.code, f.params as never, w);
  } catch {
    return `${w.codes[f.code].title}:${JSON.stringify(f.params)}`;
  }
}

/** A finding with its sentence, for JSON outputs: code, params and message. */
export function withMessage<F extends Finding>(f: F, w: Wording = zhCN): F & { readonly message: string } {
  return { ...f, message: message(f, w) };
}

/** The one line a user reads for an error that stops the run: `[code] message`. */
export function describeError(error: PlanLedgerError, w: Wording = zhCN): string {
  return `[${error.code}] ${say(error.code, error.params as never, w)}`;
}

const markdown = (head: readonly string[], rows: readonly string[]): string => [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- |').join('')}`, ...rows].join('\n');

/** A Markdown table of every code, for README and `plan-ledger codes`. */
export function codeTable(w: Wording = zhCN): string {
  return markdown(
    w.codeTableHead,
    CODE_LIST.map((code) => `| \`${code}\` | ${w.codeKind[CODES[code].kind]} | ${w.severity[CODES[code].severity]} | ${w.codes[code].title} |`),
  );
}

/** A Markdown table of the template placeholders, for README. */
export function placeholderTable(w: Wording = zhCN): string {
  return markdown(
    w.placeholderTableHead,
    PLACEHOLDER_LIST.map((name) => `| \`{{${name}}}\` | ${w.placeholderScope[PLACEHOLDERS[name].scope]} | ${PLACEHOLDERS[name].required ? '✓' : ''} | ${w.placeholders[name]} |`),
  );
}
