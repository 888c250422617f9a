// Opens the built task pane in a Playwright page with the fake Excel as its office.js; nothing else reaches the network.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { BookState, FakeExcelControl, FakeOptions, ProtectionOptions } from './excel.js';
import { CONTENT_TYPES } from '../../scripts/content-types.js';
import { stateFromXlsx, xlsxFromState } from './state.js';

export type { BookState } from './excel.js';

/** Where the pane loads Office.js from (its manifest and HTML), answered with the fake. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';


let bundle: Promise<string> | undefined;

/** The fake as an IIFE for the browser, built once per process. */
export function fakeOfficeJs(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return bundle;
}

export interface PaneOptions {
  state: BookState;
  /** The directory with taskpane.html. */
  dist: string;
  /** Default https://localhost:3000/. */
  baseUrl?: string;
  /** Default { ExcelApi: '1.14' }. */
  requirements?: { ExcelApi: string } & Record<string, string>;
  /** Default 'zh-CN'. */
  displayLanguage?: string;
  /** Default 'PC'. */
  platform?: 'PC' | 'OfficeOnline' | 'Mac';
}

/** The control object of the page, each call a page.evaluate on globalThis.__fakeExcel. */
export interface PaneControl {
  type(sheet: string, address: string, text: string): Promise<void>;
  paste(sheet: string, topLeft: string, rows: (string | number)[][]): Promise<void>;
  fillDown(sheet: string, range: string): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  activate(sheet: string): Promise<void>;
  protect(sheet: string, options?: Partial<ProtectionOptions>, password?: string): Promise<void>;
  unprotect(sheet: string, password?: string): Promise<void>;
  cells(sheet: string): Promise<ReturnType<FakeExcelControl['cells']>>;
  sheets(): Promise<ReturnType<FakeExcelControl['sheets']>>;
  syncCount(): Promise<number>;
  resetSyncCount(): Promise<void>;
  requests(): Promise<FakeExcelControl['requests']>;
  state(): Promise<BookState>;
  selection(): Promise<{ sheet: string; address: string }>;
  /** Waits until the pane's event handlers and the syncs they started are done. */
  settle(timeoutMs?: number): Promise<void>;
  handlerErrors(): Promise<string[]>;
  /** The workbook as Excel would save it now, written with exceljs. */
  saveAs(): Promise<Uint8Array>;
}

export interface Pane {
  page: Page;
  /** Every request the page made that is neither the pane's own files nor Office.js: aborted. */
  blocked: string[];
  control: PaneControl;
}

/** Calls a member of the page's control (a method, or the value of a property). */
function call<T>(page: Page, member: keyof FakeExcelControl, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ({ member, args }) => {
      const control = (globalThis as unknown as { __fakeExcel: Record<string, unknown> }).__fakeExcel;
      const m = control[member];
      return typeof m === 'function' ? (m as (...a: unknown[]) => unknown).apply(control, args) : m;
    },
    { member, args },
  ) as Promise<T>;
}

/**
 * Serves `dist` at baseUrl, answers Office.js with the fake (the CDN URL and any …/office-js/office.js under baseUrl),
 * aborts everything else, and opens taskpane.html over `state`. Call it once per page (it exposes two functions).
 *
 *   const { page, control, blocked } = await openPane(await browser.newPage(), { state: await stateFromXlsx(bytes), dist: 'dist/addin' });
 *   await control.settle();
 *   await control.type('推进情况', 'K5', '两千');
 *   await control.settle();                       // the pane's onChanged handler and its syncs are done
 *   expect((await control.cells('推进情况')).K5?.fill).toBe('#FFC7CE');
 *   expect(await control.syncCount()).toBeLessThanOrEqual(3);
 *   expect(blocked).toEqual([]);
 */
export async function openPane(page: Page, opts: PaneOptions): Promise<Pane> {
  const baseUrl = opts.baseUrl ?? 'https://localhost:3000/';
  const base = new URL(baseUrl);
  const root = resolve(opts.dist);
  const script = await fakeOfficeJs();
  const options: FakeOptions = {
    requirements: opts.requirements ?? { ExcelApi: '1.14' },
    displayLanguage: opts.displayLanguage ?? 'zh-CN',
    platform: opts.platform ?? 'PC',
  };
  const blocked: string[] = [];

  await page.exposeFunction('__fakeExcelParse', async (base64: string) => (await stateFromXlsx(new Uint8Array(Buffer.from(base64, 'base64')))).sheets);
  await page.exposeFunction('__fakeExcelSerialize', async (state: BookState) => Array.from(await xlsxFromState(state)));
  await page.addInitScript(
    ({ state, options }) => {
      const g = globalThis as Record<string, unknown>;
      g.__fakeExcelState = state;
      g.__fakeExcelOptions = options;
    },
    { state: opts.state, options },
  );
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const href = `${url.origin}${url.pathname}`;
    const underBase = url.origin === base.origin && url.pathname.startsWith(base.pathname);
    if (href === OFFICE_JS_CDN || (underBase && url.pathname.endsWith('/office-js/office.js'))) {
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script });
      return;
    }
    if (underBase) {
      const relative = decodeURIComponent(url.pathname.slice(base.pathname.length)) || 'taskpane.html';
      const file = resolve(join(root, relative));
      if ((file === root || file.startsWith(root + sep)) && (await stat(file).catch(() => undefined))?.isFile() === true) {
        await route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body: await readFile(file) });
      } else {
        await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: `not in ${opts.dist}: ${relative}` });
      }
      return;
    }
    blocked.push(route.request().url());
    await route.abort('blockedbyclient');
  });
  await page.goto(`${baseUrl}taskpane.html`);

  const control: PaneControl = {
    type: (sheet, address, text) => call(page, 'type', sheet, address, text),
    paste: (sheet, topLeft, rows) => call(page, 'paste', sheet, topLeft, rows),
    fillDown: (sheet, range) => call(page, 'fillDown', sheet, range),
    select: (sheet, address) => call(page, 'select', sheet, address),
    activate: (sheet) => call(page, 'activate', sheet),
    protect: (sheet, options, password) => call(page, 'protect', sheet, options, password),
    unprotect: (sheet, password) => call(page, 'unprotect', sheet, password),
    cells: (sheet) => call(page, 'cells', sheet),
    sheets: () => call(page, 'sheets'),
    syncCount: () => call(page, 'syncCount'),
    resetSyncCount: () => call(page, 'resetSyncCount'),
    requests: () => call(page, 'requests'),
    state: () => call(page, 'state'),
    selection: () => call(page, 'selection'),
    settle: (timeoutMs) => call(page, 'settle', timeoutMs),
    handlerErrors: () => call(page, 'handlerErrors'),
    saveAs: async () => xlsxFromState(await call<BookState>(page, 'state')),
  };
  return { page, blocked, control };
}
