// The offline page (plan-ledger.html): the task pane's tabs on a file host instead of Office.js, for WPS, LibreOffice
// and old Office, opened from disk with nothing to install and no request anywhere. Everything is in the one file.
import './jitless.js';
import { wording } from '../core/locales/index.js';
import { auditorView } from './auditor.js';
import { coordinatorView } from './coordinator.js';
import type { PaneEnv } from './department.js';
import { download, fill, h } from './dom.js';
import { byId, chosenLocale, frame, say } from './shell.js';
import { pageDepartmentView } from './page-department.js';

/** The default template, put into the page by its build (webpack's DefinePlugin) as base64. */
declare const PLAN_LEDGER_DEFAULT_TEMPLATE: string;

type Tab = 'department' | 'coordinator' | 'auditor';

function start(): void {
  const locale = chosenLocale();
  const p = frame(locale);
  const save = (bytes: Uint8Array | string, file: string, type: string): boolean => {
    download(bytes, file, type);
    return true;
  };
  const defaultTemplate = async (): Promise<Uint8Array> => Uint8Array.from(atob(PLAN_LEDGER_DEFAULT_TEMPLATE), (c) => c.charCodeAt(0));
  const env: PaneEnv = { w: wording(locale), p, features: new Set(), say, save, canDownload: true, workbook: false, defaultTemplate };
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
