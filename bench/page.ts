// The offline page's figures: its size (raw and gzipped), and consolidating 500 returned sheets in it, in Chromium
// from file://, beside the CLI consolidating the same files.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { parsePeriod } from '../src/core/period.js';
import { demoSheets } from '../src/sheets/demo.js';
import { median, printTable } from './measure.js';
import { BROWSERS } from '../test/helpers/browsers.js';
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

  // Exit 1: the demo's sheets carry mistakes on purpose.
  const cliMs = median(() => spawnSync(process.execPath, [join(ROOT, 'bin/plan-ledger.js'), 'consolidate', dir, '--period', '2021-Q2', '--json'], { stdio: 'ignore' }), 3000, 3);
  const rows: [string, number][] = [];
  for (const driver of BROWSERS) {
    if (!driver.tool.available) {
      console.log(`\n(consolidation in ${driver.name} skipped: ${driver.tool.reason})`);
      continue;
    }
    const browser = await driver.launch();
    try {
      const page = await browser.newPage({ width: 1000, height: 800 });
      await page.goto(pathToFileURL(PAGE).href);
      await page.waitFor('#tab-coordinator');
      await page.click('#tab-coordinator');
      await choosePlan(page, SEED_PLAN, '2021-Q2');
      await page.pick('#returned-files', files);
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        await page.evaluate(`document.getElementById('ledger-result').replaceChildren()`);
        const started = Date.now();
        await page.click('#consolidate');
        await page.waitFor('#ledger-result .accounting');
        times.push(Date.now() - started);
      }
      rows.push([`the page in ${driver.name} (file://): click → accounting line shown`, [...times].sort((a, b) => a - b)[1] ?? NaN]);
    } finally {
      await browser.close();
    }
  }
  printTable(`Consolidating ${N} returned sheets (median of 3, ms)`, ['what', 'ms'], [...rows, ['peer: plan-ledger consolidate --json on the same files (a process)', cliMs]]);
}
