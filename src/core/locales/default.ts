import type { Locale, SheetWording } from './wording.js';
import { zhCNSheet } from './zh-CN-sheet.js';

/** The language users read unless they ask for another. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The default language's words for sheets, for code that must not carry every language (the filler in a browser bundle). */
export const DEFAULT_SHEET_WORDING: SheetWording = zhCNSheet;
