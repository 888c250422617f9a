// The browsers the offline page is tested in, behind one small driver: Debian's Chromium through playwright-core,
// Debian's Firefox ESR through puppeteer-core over WebDriver BiDi. Neither library downloads a browser.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium as playwrightChromium, type Page as PlaywrightPage } from 'playwright-core';
import puppeteer, { type Page as PuppeteerPage } from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_ARGS, chromium, FIREFOX, firefox, type Tool } from './tools.js';

/** A page as the tests drive it, whatever the browser. */
export interface PageDriver {
  /** Every URL the page asked for. */
  readonly requests: string[];
  /** Uncaught errors, console errors and Content-Security-Policy violations. */
  readonly errors: string[];
  goto(url: string): Promise<void>;
  /** Files picked in a file input, as the user picks them. */
  pick(selector: string, files: readonly string[]): Promise<void>;
  /** A whole folder picked in a folder input (webkitdirectory); only where the driver can (playwright). */
  readonly pickFolder?: (selector: string, folder: string) => Promise<void>;
  /** Files dropped on the page, as dragged from the desktop (a DataTransfer of File objects, made in the page). */
  drop(files: readonly string[]): Promise<void>;
  click(selector: string): Promise<void>;
  /** Clicks something that reloads the page, and waits for the new one. */
  clickAndReload(selector: string): Promise<void>;
  /** A text field typed into (its input event fired). */
  type(selector: string, value: string): Promise<void>;
  text(selector: string): Promise<string>;
  /** An attribute of every element the selector matches. */
  attributes(selector: string, name: string): Promise<(string | null)[]>;
  count(selector: string): Promise<number>;
  waitFor(selector: string): Promise<void>;
  waitForText(selector: string, pattern: RegExp): Promise<void>;
  /** Clicks a download button and saves what it downloads to `to`; returns the file name the page gave it. */
  download(selector: string, to: string): Promise<string>;
  screenshot(path: string): Promise<void>;
  /** Runs a script in the page (an expression's source) and gives back its value. */
  evaluate(expression: string): Promise<unknown>;
  /** The page printed to an A4 PDF, with its print styles. */
  pdf(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserDriver {
  readonly name: string;
  readonly tool: Tool;
  launch(): Promise<{ newPage(viewport: { width: number; height: number }): Promise<PageDriver>; close(): Promise<void> }>;
}

/** Listens for Content-Security-Policy violations from the first script on; the tests read them at the end. */
const WATCH_CSP = `window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`;

/** Files to drop, as names and base64 bytes for the page to make File objects of. */
const dropped = (files: readonly string[]) => files.map((f) => ({ name: basename(f), base64: readFileSync(f).toString('base64') }));

/** In the page: a drop event on the body carrying the files. */
const DROP = (files: { name: string; base64: string }[]): void => {
  const data = new DataTransfer();
  for (const f of files) data.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
  document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
};

async function cspViolations(evaluate: (code: string) => Promise<unknown>): Promise<string[]> {
  return ((await evaluate('window.__cspViolations ?? []')) as string[]).map((v) => `CSP: ${v}`);
}

/** What a user does on a page, without watching it: the task pane's tests drive their own pages so. */
export type PageActions = Omit<PageDriver, 'requests' | 'errors' | 'close'>;

/** A playwright page (Chromium) as a PageDriver. */
export function playwrightDriver(page: PlaywrightPage): PageDriver {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  void page.addInitScript(WATCH_CSP);
  return {
    requests,
    errors,
    ...playwrightActions(page),
    close: async () => {
      errors.push(...(await cspViolations((code) => page.evaluate(code))));
      await page.close();
    },
  };
}

/** A playwright page's actions (Chromium). */
export function playwrightActions(page: PlaywrightPage): PageActions {
  return {
    goto: async (url) => void (await page.goto(url)),
    pick: (selector, files) => page.setInputFiles(selector, [...files]),
    pickFolder: (selector, folder) => page.setInputFiles(selector, folder),
    drop: (files) => page.evaluate(DROP, dropped(files)),
    click: (selector) => page.click(selector),
    clickAndReload: async (selector) => void (await Promise.all([page.waitForEvent('load'), page.click(selector)])),
    type: async (selector, value) => {
      await page.fill(selector, value);
      await page.dispatchEvent(selector, 'input');
    },
    text: async (selector) => (await page.textContent(selector)) ?? '',
    attributes: (selector, name) => page.$$eval(selector, (items, n) => items.map((i) => i.getAttribute(n)), name),
    count: async (selector) => (await page.$$(selector)).length,
    waitFor: async (selector) => void (await page.waitForSelector(selector)),
    waitForText: async (selector, pattern) =>
      void (await page.waitForFunction(([s, source, flags]) => new RegExp(source as string, flags).test(document.querySelector(s as string)?.textContent ?? ''), [selector, pattern.source, pattern.flags])),
    download: async (selector, to) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      await file.saveAs(to);
      return file.suggestedFilename();
    },
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    pdf: async (path) => void (await page.pdf({ path, preferCSSPageSize: true })),
    evaluate: (expression) => page.evaluate(expression),
  };
}

export const CHROMIUM_DRIVER: BrowserDriver = {
  name: 'Chromium',
  tool: chromium,
  async launch() {
    const browser = await playwrightChromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return {
      newPage: async (viewport) => playwrightDriver(await browser.newPage({ viewport, acceptDownloads: true })),
      close: () => browser.close(),
    };
  },
};

/** Firefox saves downloads into one folder, under the page's name; each download is waited for there and moved out. */
function firefoxDriver(page: PuppeteerPage, downloads: string): PageDriver {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  page.on('pageerror', (e) => void errors.push(String(e)));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  void page.evaluateOnNewDocument(WATCH_CSP);
  const waitForText = (selector: string, pattern: RegExp) =>
    page.waitForFunction((s: string, source: string, flags: string) => new RegExp(source, flags).test(document.querySelector(s)?.textContent ?? ''), {}, selector, pattern.source, pattern.flags);
  return {
    requests,
    errors,
    goto: async (url) => void (await page.goto(url)),
    pick: async (selector, files) => {
      const input = await page.$(selector);
      if (!input) throw new Error(`no ${selector}`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(...files);
    },
    drop: async (files) => void (await page.evaluate(DROP, dropped(files))),
    click: (selector) => page.click(selector),
    clickAndReload: async (selector) => void (await Promise.all([page.waitForNavigation(), page.click(selector)])),
    type: async (selector, value) => {
      await page.$eval(selector, (e, v) => {
        (e as HTMLInputElement).value = v;
        e.dispatchEvent(new Event('input', { bubbles: true }));
      }, value);
    },
    text: (selector) => page.$eval(selector, (e) => e.textContent ?? ''),
    attributes: (selector, name) => page.$$eval(selector, (items, n) => items.map((i) => i.getAttribute(n)), name),
    count: async (selector) => (await page.$$(selector)).length,
    waitFor: async (selector) => void (await page.waitForSelector(selector)),
    waitForText: async (selector, pattern) => void (await waitForText(selector, pattern)),
    download: async (selector, to) => {
      for (const f of readdirSync(downloads)) rmSync(join(downloads, f), { force: true, recursive: true });
      await page.click(selector);
      const name = await settled(downloads);
      renameSync(join(downloads, name), to);
      return name;
    },
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    pdf: async (path) => void (await page.pdf({ path, preferCSSPageSize: true })),
    evaluate: (expression) => page.evaluate(expression),
    close: async () => {
      errors.push(...(await cspViolations((code) => page.evaluate(code))));
      await page.close();
    },
  };
}

/** The one file Firefox finished saving into `folder` (no .part beside it, its size steady). */
async function settled(folder: string, timeoutMs = 30_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    const names = readdirSync(folder);
    const done = names.filter((n) => !n.endsWith('.part'));
    if (done.length === 1 && !names.some((n) => n.endsWith('.part'))) {
      const name = done[0] as string;
      const seen = `${name}:${statSync(join(folder, name)).size}`;
      if (seen === last && statSync(join(folder, name)).size > 0) return name;
      last = seen;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download in ${folder} after ${timeoutMs} ms: ${readdirSync(folder).join(', ')}`);
}

export const FIREFOX_DRIVER: BrowserDriver = {
  name: 'Firefox',
  tool: firefox,
  async launch() {
    const downloads = mkdtempSync(join(tmpdir(), 'plan-ledger-firefox-downloads-'));
    mkdirSync(downloads, { recursive: true });
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: {
        // Downloads saved without asking, into the folder; nothing of Mozilla's services reached for.
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.open_pdf_attachments_inline': false,
        'browser.helperApps.neverAsk.saveToDisk': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip,text/html,text/csv',
        'browser.download.start_downloads_in_tmp_dir': false,
      },
    });
    return {
      // Each page in a context of its own, as playwright gives: no storage (the language chosen, say) from the one before.
      newPage: async (viewport) => {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setViewport(viewport);
        const driver = firefoxDriver(page, downloads);
        return { ...driver, close: async () => (await driver.close(), await context.close()) };
      },
      close: async () => {
        await browser.close();
        rmSync(downloads, { recursive: true, force: true });
      },
    };
  },
};

export const BROWSERS: readonly BrowserDriver[] = [CHROMIUM_DRIVER, FIREFOX_DRIVER];
