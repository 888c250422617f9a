// The offline page (plan-ledger.html): the task pane's tabs on a file host instead of Office.js, for WPS, LibreOffice
// and old Office, opened from disk with nothing to install and no request anywhere. Everything is in the one file.
import { DEFAULT_LOCALE, localeOf, wording, type Locale } from '../core/locales/index.js';
import { otherLocale, paneWording } from '../core/locales/panes.js';
import { auditorView } from './auditor.js';
import { coordinatorView } from './coordinator.js';
import type { PaneEnv } from './department.js';
import { download, fill, h } from './dom.js';
import { pageDepartmentView } from './page-department.js';

/** The default template, put into the page by its build (webpack's DefinePlugin) as base64. */
declare const PLAN_LEDGER_DEFAULT_TEMPLATE: string;

const LOCALE_KEY = 'plan-ledger.locale';

function chosenLocale(): Locale {
  try {
    return localeOf(localStorage.getItem(LOCALE_KEY) ?? undefined) ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

const byId = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  const status = byId('status');
  status.textContent = text;
  status.className = kind;
}

type Tab = 'department' | 'coordinator' | 'auditor';

function start(): void {
  const locale = chosenLocale();
  const p = paneWording(locale);
  const save = (bytes: Uint8Array | string, file: string, type: string): boolean => {
    download(bytes, file, type);
    return true;
  };
  const defaultTemplate = async (): Promise<Uint8Array> => Uint8Array.from(atob(PLAN_LEDGER_DEFAULT_TEMPLATE), (c) => c.charCodeAt(0));
  const env: PaneEnv = { w: wording(locale), p, features: new Set(), say, save, canDownload: true, workbook: false, defaultTemplate };
  document.documentElement.lang = locale;
  document.documentElement.dataset['started'] = 'true';
  document.title = p.title;
  byId('title').textContent = p.title;
  const language = byId('language');
  language.textContent = p.otherLanguage;
  language.addEventListener('click', () => {
    try {
      localStorage.setItem(LOCALE_KEY, otherLocale(locale));
    } catch {
      // storage refused: the page reloads in the default language
    }
    location.reload();
  });
  const views = new Map<Tab, () => HTMLElement>([
    ['department', () => pageDepartmentView(env)],
    ['coordinator', () => coordinatorView(env)],
    ['auditor', () => auditorView(env)],
  ]);
  const made = new Map<Tab, HTMLElement>();
  const buttons = new Map([...views.keys()].map((tab) => [tab, h('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-selected': 'false', onclick: () => show(tab) }, p.tabs[tab])]));
  fill(byId('tabs'), ...buttons.values());
  const show = (tab: Tab): void => {
    for (const [t, b] of buttons) b.setAttribute('aria-selected', String(t === tab));
    let view = made.get(tab);
    if (!view) made.set(tab, (view = (views.get(tab) as () => HTMLElement)()));
    fill(byId('views'), view);
  };
  show('department');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
