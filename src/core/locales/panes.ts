import { DEFAULT_LOCALE } from './default.js';
import { enPane } from './en-pane.js';
import type { PaneWording } from './pane.js';
import type { Locale } from './wording.js';
import { zhCNPane } from './zh-CN-pane.js';

const PANES: Readonly<Record<Locale, PaneWording>> = { 'zh-CN': zhCNPane, en: enPane };

/** The task pane's and the offline page's words in a language: zh-CN unless another is asked for. */
export function paneWording(locale: Locale = DEFAULT_LOCALE): PaneWording {
  return PANES[locale];
}

/** The language the pane's switch offers: English from Chinese, Chinese from English. */
export function otherLocale(locale: Locale): Locale {
  return locale === DEFAULT_LOCALE ? 'en' : DEFAULT_LOCALE;
}
