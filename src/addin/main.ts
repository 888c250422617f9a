/// <reference types="office-js" />
// The task pane: the department's checks load with it; the coordinator's and the auditor's code load when their tab is opened.
import './jitless.js';
import { wording } from '../core/locales/index.js';
import { paneWording } from '../core/locales/panes.js';
import { DepartmentView, type PaneEnv } from './department.js';
import { errorText } from './host.js';
import { download, fill, h } from './dom.js';
import { byId, chosenLocale, frame, say } from './shell.js';
import { FEATURE_SETS, features } from './features.js';

type Tab = 'department' | 'coordinator' | 'auditor';

async function start(): Promise<void> {
  const locale = chosenLocale();
  const p = frame(locale);
  const canDownload = Office.context.platform !== Office.PlatformType.Mac;
  const save = (bytes: Uint8Array | string, file: string, type: string): boolean => {
    if (!canDownload) {
      say(p.noDownload(file), 'error');
      return false;
    }
    download(bytes, file, type);
    return true;
  };
  const defaultTemplate = async (): Promise<Uint8Array> => {
    const response = await fetch('templates/progress-report.xlsx');
    if (!response.ok) throw new Error(`templates/progress-report.xlsx: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const env: PaneEnv = { w: wording(locale), p, features: features(), say, save, canDownload, workbook: true, defaultTemplate };
  // Features this Excel lacks, said once, with what to do instead.
  const missing = (Object.keys(FEATURE_SETS) as (keyof typeof FEATURE_SETS)[]).filter((f) => !env.features.has(f));
  // Each says what to do instead; the API set it lacks is for IT staff, in an attribute.
  fill(byId('notices'), ...missing.map((f) => h('span', { class: 'notice', 'data-feature': f, 'data-requires': `ExcelApi ${FEATURE_SETS[f]}`, title: `ExcelApi ${FEATURE_SETS[f]}` }, p.features[f])));

  const department = new DepartmentView(env);
  const views = byId('views');
  const loaded = new Map<Tab, HTMLElement>([['department', department.root]]);
  const tabs: Tab[] = ['department', 'coordinator', 'auditor'];
  const buttons = new Map(tabs.map((tab) => [tab, h('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'aria-selected': 'false', onclick: () => void show(tab) }, p.tabs[tab])]));
  fill(byId('tabs'), ...buttons.values());

  async function show(tab: Tab): Promise<void> {
    for (const [t, b] of buttons) b.setAttribute('aria-selected', String(t === tab));
    let view = loaded.get(tab);
    if (!view) {
      say(p.busy);
      try {
        view = tab === 'coordinator' ? (await import('./coordinator.js')).coordinatorView(env) : (await import('./auditor.js')).auditorView(env);
        loaded.set(tab, view);
        say('');
      } catch (error) {
        return say(p.failed(errorText(error)), 'error');
      }
    }
    fill(views, view);
  }

  await show('department');
  await department.open();
}

if (typeof Office === 'undefined') {
  // Office.js did not load: no network to Microsoft's CDN, or the page opened outside Excel.
  document.addEventListener('DOMContentLoaded', () => say(paneWording(chosenLocale()).officeMissing, 'error'));
} else {
  void Office.onReady(() => start().catch((error: unknown) => say(paneWording(chosenLocale()).failed(errorText(error)), 'error')));
}
