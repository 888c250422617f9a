// The offline page's figures: its size (raw and gzipped), and consolidating 500 returned sheets in it, in Chromium
// from file://, beside the CLI consolidating the same files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { parsePeriod } from '../src/core/period.js';
import { demoSheets } from '../src/sheets/demo.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/tools.js';
import { median, printTable } from './measure.js';
import { playwrightActions } from '../test/helpers/browsers.js';
import { choosePlan } from '../test/helpers/coordinator.js';

const ROOT = new URL('..', import.meta.url).pathname;
const PAGE = join(ROOT, 'dist/page/plan-ledger.html');
const N = 500;

export async function pageBench(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--config-name', 'page'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const html = readFileSync(PAGE);
  printTable('The offline page (dist/page/plan-ledger.html): everything in one file', ['', 'KB'], [
    ['raw', html.length / 1024],
    ['gzipped (as sent by email or IM, zipped)', gzipSync(html).length / 1024],
  ]);
  if (!existsSync(CHROMIUM)) return console.log(`\n(consolidation in the page skipped: ${CHROMIUM} is missing: apt-get install chromium)`);

  const records = parsePlan(readFileSync(SEED_PLAN, 'utf8'));
  const period = parsePeriod('2021-Q2');
  if (!period) throw new Error('period');
  const sheets = await demoSheets(records, period, { template: new Uint8Array(readFileSync(join(ROOT, 'templates/progress-report.xlsx'))), mistakes: 0.1, seed: 7, generatedAt: '2021-06-20T10:00:00' });
  const dir = join(mkdtempSync(join(tmpdir(), 'plan-ledger-page-bench-')), String(N));
  mkdirSync(dir);
  for (let i = 0; i < N; i++) {
    const s = sheets[i % sheets.length];
    if (s) writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${s.department}.xlsx`), s.bytes);
  }
  const files = readdirSync(dir).map((f) => join(dir, f));

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(PAGE).href);
    await page.click('#tab-coordinator');
    await choosePlan(playwrightActions(page), SEED_PLAN, '2021-Q2');
    await page.setInputFiles('#returned-files', files);
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      await page.evaluate(() => document.getElementById('ledger-result')?.replaceChildren());
      const started = Date.now();
      await page.click('#consolidate');
      await page.waitForSelector('#ledger-result .accounting', { timeout: 120_000 });
      times.push(Date.now() - started);
    }
    const pageMs = [...times].sort((a, b) => a - b)[1] ?? NaN;
    // Exit 1: the demo's sheets carry mistakes on purpose.
    const cliMs = median(() => spawnSync(process.execPath, [join(ROOT, 'bin/plan-ledger.js'), 'consolidate', dir, '--period', '2021-Q2', '--json'], { stdio: 'ignore' }), 3000, 3);
    printTable(`Consolidating ${N} returned sheets (median of 3, ms)`, ['what', 'ms'], [
      ['the page in Chromium (file://): click → accounting line shown', pageMs],
      ['peer: plan-ledger consolidate --json on the same files (a process)', cliMs],
    ]);
  } finally {
    await browser.close();
  }
}
