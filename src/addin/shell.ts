// What the task pane and the offline page share around their tabs: the language, the status line, the page's frame.
import { DEFAULT_LOCALE, localeOf, type Locale } from '../core/locales/index.js';
import { otherLocale, paneWording } from '../core/locales/panes.js';
import type { PaneWording } from '../core/locales/pane.js';

const LOCALE_KEY = 'plan-ledger.locale';

/** zh-CN unless the user picked English here before. */
export function chosenLocale(): Locale {
  try {
    return localeOf(localStorage.getItem(LOCALE_KEY) ?? undefined) ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

/** Shows a line to the user in the status line: what happened, or what went wrong. */
export function say(text: string, kind: 'info' | 'error' = 'info'): void {
  const status = byId('status');
  status.textContent = text;
  status.className = kind;
}

/** The page in the chosen language: its title, and the switch that reloads it in the other one. */
export function frame(locale: Locale): PaneWording {
  const p = paneWording(locale);
  document.documentElement.lang = locale;
  // compat.js looks for this: the script started, the web view is new enough.
  document.documentElement.dataset['started'] = 'true';
  byId('loading').hidden = true;
  document.title = p.title;
  byId('title').textContent = p.title;
  const language = byId('language');
  language.textContent = p.otherLanguage;
  language.addEventListener('click', () => {
    try {
      localStorage.setItem(LOCALE_KEY, otherLocale(locale));
    } catch {
      // storage refused (a locked-down profile): the page reloads in the default language
    }
    location.reload();
  });
  return p;
}
