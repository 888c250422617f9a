import type { Locale, Wording } from './wording.js';
import { zhCN } from './zh-CN.js';

/** The language users read unless they ask for another. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The default language's words, for code that must not carry every language (the filler in a browser bundle). */
export const DEFAULT_WORDING: Wording = zhCN;
