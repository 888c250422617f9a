// The offline page (dist/page/plan-ledger.html, built with the add-in) opened from file:// in Chromium: the
// department's check and the coordinator's consolidation, against what the CLI says of the same files.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { wording } from '../src/core/locales/index.js';
import { ledgerFromXlsx } from '../src/io/ledger.js';
import { readMetas } from '../src/sheets/metadata.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { bin, ROOT } from './helpers/cli.js';
import { CHROMIUM, CHROMIUM_ARGS, chromium as chromiumTool } from './helpers/tools.js';
import { choosePlan } from './helpers/coordinator.js';

const PAGE = join(ROOT, 'dist/page/plan-ledger.html');
const SHOTS = join(ROOT, 'test-output/page');
const work = mkdtempSync(join(tmpdir(), 'plan-ledger-page-'));

describe.runIf(chromiumTool.run)('the offline page from file:// in Chromium', () => {
  let browser: Browser;
  let demo: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    demo = join(work, 'demo');
    expect(bin(['demo', '--out', demo]).code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The page opened from disk; `requests` lists every URL it asked for. */
  async function open(): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 900, height: 1000 }, acceptDownloads: true });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('#tab-department');
    expect(errors).toEqual([]);
    return { page, requests };
  }

  test('a department’s filled sheet: the findings `check` gives, by row, with the plan sentence; nothing requested', async () => {
    const { page, requests } = await open();
    const file = join(demo, 'filled', '2021-Q2-区科委.xlsx');
    await page.setInputFiles('#sheet-file', file);
    await page.waitForSelector('#findings .finding, #findings .ok');
    const shown = await page.$$eval('#findings .finding', (items) => items.map((i) => [i.getAttribute('data-cell') ?? '', i.getAttribute('data-code') ?? ''] as [string, string]));
    const cli = JSON.parse(bin(['check', file, '--format', 'json']).stdout) as { findings: { code: string; cell?: string }[] };
    expect(shown).toEqual(cli.findings.map((f) => [f.cell ?? '', f.code]));
    expect(await page.$$eval('#findings details.explain blockquote', (q) => q.length)).toBeGreaterThan(0);
    expect(requests).toEqual([pathToFileURL(PAGE).href]);
    await page.screenshot({ path: join(SHOTS, 'department.png'), fullPage: true });
    // English on request, from the file as from the pane.
    await Promise.all([page.waitForEvent('load'), page.click('#language')]);
    expect(await page.textContent('#tab-department')).toBe('Check my sheet');
    await page.setInputFiles('#sheet-file', file);
    await page.waitForSelector('#findings .finding');
    expect(await page.textContent('#findings')).toMatch(/is not a number/);
    await page.close();
  });

  test('the coordinator: 区科委’s 2021-Q2 sheet downloaded from the page is the one `template` writes (generation time aside)', async () => {
    const { page } = await open();
    await page.click('#tab-coordinator');
    await choosePlan(page, join(ROOT, 'seeds/yangpu-2021-13.txt'), '2021-Q2', ['区科委']);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#fill-download')]);
    expect(file.suggestedFilename()).toBe('2021-Q2-区科委.xlsx');
    const fromPage = join(work, 'from-page.xlsx');
    await file.saveAs(fromPage);
    const out = join(work, 'from-cli');
    expect(bin(['template', '--department', '区科委', '--period', '2021-Q2', '--out', out]).code).toBe(0);
    // Every part the same, once the generation time (in the header and the metadata) is taken out.
    const parts = (f: string) => Object.fromEntries(Object.entries(unzipSync(new Uint8Array(readFileSync(f)))).map(([name, data]) => [name, strFromU8(data).replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?/g, 'TIME')]));
    expect(parts(fromPage)).toEqual(parts(join(out, '2021-Q2-区科委.xlsx')));
    // A template the coordinator picks fills the same way, and the sheet says it came from it.
    await page.setInputFiles('#template-file', join(ROOT, 'templates/progress-report.xlsx'));
    const [own] = await Promise.all([page.waitForEvent('download'), page.click('#fill-download')]);
    const fromOwn = join(work, 'from-own-template.xlsx');
    await own.saveAs(fromOwn);
    expect(readMetas(openWorkbook(new Uint8Array(readFileSync(fromOwn))))[0]?.templateVersion).toBe('custom:progress-report.xlsx');
    expect(await page.$$('#template-notes li')).toEqual([]);
    await page.close();
  });

  test('the coordinator: the demo’s 17 returned sheets, a corrupt file, an .xls and an .ods consolidated as `consolidate --json` does; the ledger audited by the CLI', async () => {
    const returned = join(work, 'returned');
    mkdirSync(returned, { recursive: true });
    for (const f of readdirSync(join(demo, 'filled'))) writeFileSync(join(returned, f), readFileSync(join(demo, 'filled', f)));
    writeFileSync(join(returned, '2021-Q2-损坏.xlsx'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    writeFileSync(join(returned, '2021-Q2-区教育局.xls'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]));
    writeFileSync(join(returned, '2021-Q2-区卫生健康委.ods'), zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') }));
    const files = readdirSync(returned).sort().map((f) => join(returned, f));
    const cli = JSON.parse(bin(['consolidate', returned, '--json']).stdout) as { accounting: object; rows: unknown[]; findings: { code: string; location: { file?: string } }[] };

    const { page, requests } = await open();
    await page.click('#tab-coordinator');
    // No workbook here: nothing is said or offered of filling one.
    expect(await page.textContent('#coordinator .intro')).not.toContain('工作簿');
    expect(await page.$$('#fill-here, #plan-from-workbook')).toEqual([]);
    await choosePlan(page, join(ROOT, 'seeds/yangpu-2021-13.txt'), '2021-Q2');
    await page.setInputFiles('#returned-files', files);
    await page.click('#consolidate');
    await page.waitForSelector('#ledger-result .accounting');
    expect(await page.textContent('#ledger-result .accounting')).toBe(wording().accounting(cli.accounting as never));
    const codes = await page.$$eval('.ledger-findings li', (items) => items.map((li) => li.getAttribute('data-code')));
    expect(codes.sort()).toEqual(cli.findings.map((f) => f.code).sort());
    // Each file that is not a progress sheet is named with its finding.
    const text = await page.textContent('.ledger-findings');
    for (const name of ['2021-Q2-损坏.xlsx', '2021-Q2-区教育局.xls', '2021-Q2-区卫生健康委.ods']) expect(text).toContain(name);
    await page.screenshot({ path: join(SHOTS, 'coordinator.png'), fullPage: true });

    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#ledger-download')]);
    const ledgerFile = join(work, 'page-ledger.xlsx');
    await saved.saveAs(ledgerFile);
    const ledger = ledgerFromXlsx(new Uint8Array(readFileSync(ledgerFile)), ledgerFile);
    // The same rows; files are named as each side knows them (the page has no folders).
    const named = (rows: unknown) => JSON.parse(JSON.stringify(rows).replaceAll(`${returned}/`, ''));
    expect(named(ledger?.rows)).toEqual(named(cli.rows));
    const cliLedger = join(work, 'cli-ledger.xlsx');
    expect(bin(['consolidate', returned, '--out', cliLedger]).code).toBe(1);
    const lights = (f: string) => /(绿 \d+、黄 \d+、红 \d+、灰 \d+)/.exec(bin(['audit', f, '--out', join(work, `audit-${f.length}`)]).stdout)?.[1];
    expect(lights(ledgerFile)).toBe(lights(cliLedger));
    // The audit's tables as CSV are those `audit` writes (files named as each side knows them); audit.xlsx holds them too.
    const auditDir = join(work, 'cli-audit');
    expect(bin(['audit', cliLedger, '--out', auditDir]).code).toBe(0);
    const [csvZip] = await Promise.all([page.waitForEvent('download'), page.click('#csv-download')]);
    const zipFile = join(work, 'tables.zip');
    await csvZip.saveAs(zipFile);
    const csvs = unzipSync(new Uint8Array(readFileSync(zipFile)));
    for (const name of readdirSync(auditDir).filter((f) => f.endsWith('.csv'))) {
      expect(Buffer.from(csvs[name] as Uint8Array).toString('utf8'), name).toBe(readFileSync(join(auditDir, name), 'utf8').replaceAll(`${returned}/`, ''));
    }
    const [auditXlsx] = await Promise.all([page.waitForEvent('download'), page.click('#audit-download')]);
    expect(auditXlsx.suggestedFilename()).toBe('audit.xlsx');
    expect(requests.every((u) => u.startsWith('file:') || u.startsWith('blob:'))).toBe(true);

    // One department fewer: it is listed to chase, as consolidate's findings say.
    await page.setInputFiles('#returned-files', files.filter((f) => !f.endsWith('2021-Q2-区科委.xlsx')));
    await page.click('#consolidate');
    await page.waitForFunction(() => /区科委/.test(document.getElementById('missing')?.textContent ?? ''));
    expect(await page.textContent('#missing')).toBe('区科委');
    await page.close();
  }, 120_000);
});
