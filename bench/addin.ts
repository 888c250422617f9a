// The task pane's figures: what it loads before any user action (beside exceljs and SheetJS, which a pane might load
// instead), and the script time of re-checking after one pasted block on a 500-row sheet in Chromium (beside the CLI
// checking the same sheet from its file).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { readMetas } from '../src/sheets/metadata.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { generateProgressSheet } from '../src/sheets/template/fill.js';
import { parsePeriod } from '../src/core/period.js';
import { openPane } from '../test/fake-excel/harness.js';
import { stateFromXlsx } from '../test/fake-excel/state.js';
import { longPlan } from '../test/helpers/sheets.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test/helpers/tools.js';
import { median, printTable } from './measure.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist/addin');
const INITIAL_BUDGET_KB = 150;
const OWN_GOAL_KB = 60;
const RECHECK_GOAL_MS = 50;
const ROWS = 500;

const gz = (bytes: Uint8Array | Buffer): number => gzipSync(bytes).length / 1024;


export async function addinBench(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const chunks = readdirSync(join(DIST, 'chunks')).filter((f) => f.endsWith('.js'));
  const exceljsChunk = chunks.find((f) => /exceljs/i.test(readFileSync(join(DIST, 'chunks', f), 'utf8')));
  const pane = readFileSync(join(DIST, 'taskpane.js'));
  const lazy = chunks.filter((f) => f !== exceljsChunk).map((f) => gz(readFileSync(join(DIST, 'chunks', f))));
  // Our own code in it: the same entry bundled by esbuild with the lazy tabs and zod left out.
  const own = await build({ entryPoints: [join(ROOT, 'src/addin/main.ts')], bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', external: ['./coordinator.js', './auditor.js', 'zod'], logLevel: 'silent' });
  printTable('Task pane scripts (gzipped KB): what taskpane.html loads before any user action, and peers', ['script', 'KB gzipped', 'budget'], [
    ['taskpane.js (loaded at start; exceljs not in it)', gz(pane), `≤ ${INITIAL_BUDGET_KB}`],
    ['  of which our own code (esbuild, zod left out)', gz(own.outputFiles[0]?.contents ?? new Uint8Array()), `goal ${OWN_GOAL_KB}`],
    ['coordinator and auditor chunks (loaded when their tab opens)', lazy.reduce((a, b) => a + b, 0), ''],
    ['exceljs chunk (loaded when a ledger is downloaded)', exceljsChunk ? gz(readFileSync(join(DIST, 'chunks', exceljsChunk))) : NaN, ''],
    ['peer: SheetJS xlsx.full.min.js', gz(readFileSync(join(ROOT, 'node_modules/xlsx/dist/xlsx.full.min.js'))), ''],
  ]);

  // A 500-row sheet, a 3-row block pasted into its figures, re-checked by the pane in Chromium against the fake Excel.
  const seed = parsePlan(readFileSync(SEED_PLAN, 'utf8'));
  const records = longPlan(seed, ROWS);
  const template = new Uint8Array(readFileSync(join(ROOT, 'templates/progress-report.xlsx')));
  const { bytes } = await generateProgressSheet(template, { records, department: '区科委', period: parsePeriod('2021-Q2') as never, generatedAt: '2021-04-01T09:00:00', templateVersion: 'bench', templateName: 'template' });
  const meta = readMetas(openWorkbook(bytes))[0];
  if (!meta || !existsSync(CHROMIUM)) {
    console.log(`\n(re-check timing skipped: ${existsSync(CHROMIUM) ? 'no metadata' : `${CHROMIUM} is missing: apt-get install chromium`})`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'plan-ledger-bench-'));
  const file = join(work, 'long.xlsx');
  writeFileSync(file, bytes);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const { control } = await openPane(page, { state: await stateFromXlsx(bytes), dist: DIST });
    await control.settle();
    const column = meta.columns['entry.actual'] ?? 'K';
    const summaryTimes: number[] = [];
    const checkTimes: number[] = [];
    const changeTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      const row = meta.firstRow + 10 + (i % 5) * 50;
      await page.evaluate(() => performance.clearMeasures());
      await control.paste(meta.sheet, `${column}${row}`, [[i + 1], [-(i + 2)], [i + 3]]);
      await control.settle();
      const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => [m.name, m.duration] as const));
      checkTimes.push(...measures.filter(([n]) => n === 'plan-ledger:check').map(([, d]) => d));
      changeTimes.push(...measures.filter(([n]) => n === 'plan-ledger:change').map(([, d]) => d));
      summaryTimes.push(...measures.filter(([n]) => n === 'plan-ledger:summary').map(([, d]) => d));
    }
    const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const cli = median(() => execFileSync(process.execPath, [join(ROOT, 'bin/plan-ledger.js'), 'check', file, '--format', 'json'], { stdio: ['ignore', 'ignore', 'ignore'] }), 3000, 3);
    printTable(`Re-checking after one pasted 3-row block on a ${ROWS}-row sheet (median of 15, ms; goal < ${RECHECK_GOAL_MS} ms of script time)`, ['what', 'ms'], [
      ['pane: all rules over the sheet (plan-ledger:check)', mid(checkTimes)],
      ['pane: event → rows re-read → checked → marks set → list drawn (plan-ledger:change)', mid(changeTimes)],
      ['pane: the department’s lights recomputed after it (plan-ledger:summary)', mid(summaryTimes)],
      ['peer: plan-ledger check on the same sheet saved as a file (a process)', cli],
    ]);
  } finally {
    await browser.close();
  }
}
