// The add-in's production build (test/global-setup.ts builds it as `npm run build:addin` does): what taskpane.html
// loads before any user action, its budget, its policy, and the intranet build that serves Office.js itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './helpers/cli.js';

const DIST = join(ROOT, 'dist/addin');
/** The budget for what the pane loads before any user action (goal: 60 KB of our own code). */
const INITIAL_GZIP_BUDGET = 150 * 1024;

/** The scripts a page loads by <script src>, split into this add-in's files and others' URLs. */
function scripts(html: string): { local: string[]; remote: string[] } {
  // The production build minifies the page: attributes may be unquoted.
  const srcs = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => (m[1] ?? m[2]) as string);
  return { local: srcs.filter((s) => !/^https?:/.test(s)), remote: srcs.filter((s) => /^https?:/.test(s)) };
}

describe('the add-in build (dist/addin)', () => {
  const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');

  test('has the pane, its styles, the icons, the manifest and the default template', () => {
    for (const file of ['taskpane.html', 'taskpane.js', 'taskpane.css', 'manifest.xml', 'templates/progress-report.xlsx', ...[16, 32, 64, 80].map((n) => `assets/icon-${n}.png`)]) {
      expect(existsSync(join(DIST, file)), file).toBe(true);
    }
  });

  test(`loads at most ${INITIAL_GZIP_BUDGET / 1024} KB gzipped of scripts before any user action, exceljs not among them`, () => {
    const { local } = scripts(html);
    // compat.js (ES5, a few hundred bytes) says so where the web view is too old for the pane.
    expect(local).toEqual(['compat.js', 'taskpane.js']);
    const code = local.map((f) => readFileSync(join(DIST, f)));
    const gzip = code.reduce((n, c) => n + gzipSync(c).length, 0);
    console.info(`task pane, loaded at start: ${(gzip / 1024).toFixed(1)} KB gzipped (${(code.reduce((n, c) => n + c.length, 0) / 1024).toFixed(0)} KB minified)`);
    expect(gzip).toBeLessThan(INITIAL_GZIP_BUDGET);
    for (const c of code) expect(c.toString('utf8')).not.toMatch(/exceljs/i);
    // exceljs is in a chunk of its own, loaded when a ledger is downloaded.
    const chunks = readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => /exceljs/i.test(readFileSync(join(DIST, 'chunks', f), 'utf8')))).toBe(true);
  });

  test('Office.js comes from Microsoft’s CDN; a Content-Security-Policy allows nothing else', () => {
    expect(scripts(html).remote).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    const origins = new Set([...csp.matchAll(/https:\/\/[^\s;]+/g)].map((m) => m[0]));
    expect(origins).toEqual(new Set(['https://appsforoffice.microsoft.com']));
    // No inline script: every script element is empty and has a src.
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) expect([m[1]?.includes('src='), m[2]]).toEqual([true, '']);
    const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc).not.toContain('unsafe');
  });

  describe('built for an intranet: another base URL, Office.js served with the pane', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-ledger-addin-local-'));
    beforeAll(() => {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, PLAN_LEDGER_BASE_URL: 'https://oa.example.gov.cn/plan-ledger/', PLAN_LEDGER_OFFICE_JS: 'local', PLAN_LEDGER_ADDIN_OUT: out },
      });
    }, 120_000);

    test('every URL of the manifest is under the base URL given', () => {
      const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
      expect(manifest).not.toContain('localhost');
      const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1] as string).filter((u) => !u.includes('microsoft.com'));
      expect(urls.length).toBeGreaterThan(4);
      for (const url of urls) expect(url.startsWith('https://oa.example.gov.cn/plan-ledger/'), url).toBe(true);
    });

    test('the page loads Office.js from beside it, with Excel’s host scripts and the strings of zh-CN and en-US', () => {
      const page = readFileSync(join(out, 'taskpane.html'), 'utf8');
      expect(scripts(page)).toEqual({ local: ['compat.js', 'office-js/office.js', 'taskpane.js'], remote: [] });
      expect(page).not.toContain('appsforoffice.microsoft.com');
      for (const file of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js', 'agaveerrorux/index.html']) {
        expect(existsSync(join(out, 'office-js', file)), file).toBe(true);
      }
    });
  });
});
