import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import XLSX from 'xlsx';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { parsePeriod } from '../src/core/period.js';
import { consolidate } from '../src/core/consolidate.js';
import { nativeInflate } from '../src/io/zlib.js';
import { sheetReader } from '../src/sheets/read.js';
import { ZipArchive } from '../src/sheets/xlsx/zip.js';
import { demoSheets } from '../src/sheets/demo.js';
import { DEFAULT_TEMPLATE } from '../src/io/sheet-file.js';
import { listSheetFiles } from '../src/io/sheet-file.js';
import { printTable } from './measure.js';

const SIZES = [100, 500, 2000];
const WARM_UPS = 5;

/**
 * Consolidating N filled sheets, beside what the peers take merely to read the same files in the same run:
 * exceljs loading each workbook, SheetJS reading it, and the floor (unzip the sheet parts and scan their XML).
 */
export async function consolidateBench(): Promise<void> {
  const records = parsePlan(readFileSync(SEED_PLAN, 'utf8'));
  const period = parsePeriod('2021-Q2');
  if (!period) throw new Error('period');
  const template = new Uint8Array(readFileSync(DEFAULT_TEMPLATE));
  const sheets = await demoSheets(records, period, { template, mistakes: 0.1, seed: 7, generatedAt: '2021-06-20T10:00:00' });
  const root = mkdtempSync(join(tmpdir(), 'plan-ledger-bench-'));
  const results: Result[] = [];
  try {
    for (const n of SIZES) {
      const dir = join(root, String(n));
      mkdirSync(dir);
      for (let i = 0; i < n; i++) {
        const s = sheets[i % sheets.length];
        if (s) writeFileSync(join(dir, `${String(i).padStart(5, '0')}-${s.department}.xlsx`), s.bytes);
      }
      const files = readdirSync(dir).map((f) => join(dir, f));
      // The same files in two halves, for two processes side by side.
      const halves = [`${dir}-a`, `${dir}-b`];
      halves.forEach((half, h) => {
        mkdirSync(half);
        files.forEach((f, i) => i % 2 === h && copyFileSync(f, join(half, basename(f))));
      });
      const contenders: Record<Contender, () => Promise<unknown>> = {
        single: async () => consolidate(await listSheetFiles([dir]), records, sheetReader(records, { inflate: nativeInflate }), { period }),
        exceljs: async () => {
          for (const f of files) await new ExcelJS.Workbook().xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
        },
        sheetjs: async () => {
          for (const f of files) XLSX.read(readFileSync(f), { type: 'buffer' });
        },
        floor: async () => {
          for (const f of files) scanFloor(new Uint8Array(readFileSync(f)));
        },
      };
      // Warm every contender up (steady state is measured here; the fresh-process table below shows a cold start),
      // then interleave the rounds so that the machine's drift touches all alike.
      if (results.length === 0) for (let w = 0; w < WARM_UPS; w++) for (const run of Object.values(contenders)) await run();
      const rounds = 5;
      const times: Record<Contender, number[]> = { single: [], exceljs: [], sheetjs: [], floor: [] };
      const ratios: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const order = CONTENDERS.map((_, i) => CONTENDERS[(i + r) % CONTENDERS.length] as Contender);
        const round: Partial<Record<Contender, number>> = {};
        for (const c of order) round[c] = await time(contenders[c]);
        for (const c of CONTENDERS) times[c].push(round[c] ?? NaN);
        ratios.push((round.single ?? NaN) / (round.floor ?? NaN));
      }
      // A fresh process per run, as the CLI runs: reading here against two worker threads, both from a cold start,
      // and two processes side by side, each reading half (what the second core gives when nothing is shared).
      const cold: Record<'here' | 'workers', Child[]> = { here: [], workers: [] };
      const pairs: number[] = [];
      for (let r = 0; r < rounds; r++) {
        for (const mode of r % 2 ? (['workers', 'here'] as const) : (['here', 'workers'] as const)) cold[mode].push(await child(dir, mode));
        pairs.push(Math.max(...(await Promise.all(halves.map((half) => child(half, 'here')))).map((c) => c.ms)));
      }
      const m = (c: Contender) => middle(times[c]);
      const mc = (mode: 'here' | 'workers', key: keyof Child) => middle(cold[mode].map((c) => c[key]));
      results.push({
        n,
        rounds,
        single: m('single'),
        exceljs: m('exceljs'),
        sheetjs: m('sheetjs'),
        floor: m('floor'),
        ratios,
        rss: mc('here', 'maxRssMB'),
        coldHere: mc('here', 'ms'),
        coldHereCpu: mc('here', 'cpuMs'),
        coldWorkers: mc('workers', 'ms'),
        coldWorkersCpu: mc('workers', 'cpuMs'),
        coldPair: middle(pairs),
      });
      for (const d of [dir, ...halves]) rmSync(d, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  printTable(
    'consolidate: N filled sheets of the seed (wall time ms, median of interleaved rounds in one warm process; the peers read the same files)',
    ['N', 'rounds', 'plan-ledger', 'ms/sheet', 'exceljs load', 'SheetJS read', 'floor', 'pl ÷ floor', 'per round', 'exceljs ÷ pl', 'SheetJS ÷ pl'],
    results.map((r) => [
      r.n,
      r.rounds,
      r.single,
      r.single / r.n,
      r.exceljs,
      r.sheetjs,
      r.floor,
      r.single / r.floor,
      `${Math.min(...r.ratios).toFixed(2)}–${Math.max(...r.ratios).toFixed(2)}`,
      r.exceljs / r.single,
      r.sheetjs / r.single,
    ]),
  );
  printTable(
    'consolidate in a fresh process per run, as the CLI (ms from start, loading modules included; medians): the main thread against 2 worker threads',
    ['N', 'main thread', 'CPU ms', 'cores busy', '2 workers', 'CPU ms', 'worker gain', '2 processes, half each', 'gain', 'peak RSS MB'],
    results.map((r) => [r.n, r.coldHere, r.coldHereCpu, r.coldHereCpu / r.coldHere, r.coldWorkers, r.coldWorkersCpu, r.coldHere / r.coldWorkers, r.coldPair, r.coldHere / r.coldPair, r.rss]),
  );
  const last = results[results.length - 1];
  if (!last) return;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `goals at N=${last.n}: within 3× floor → ${verdict(last.single / last.floor <= 3)} (${(last.single / last.floor).toFixed(2)}×); ` +
      `≥5× faster than exceljs load → ${verdict(last.exceljs / last.single >= 5)} (${(last.exceljs / last.single).toFixed(1)}×); ` +
      `≥3× faster than SheetJS → ${verdict(last.sheetjs / last.single >= 3)} (${(last.sheetjs / last.single).toFixed(1)}×); ` +
      `2 workers ≥1.4× → ${verdict(last.coldHere / last.coldWorkers >= 1.4)} (${(last.coldHere / last.coldWorkers).toFixed(2)}×); ` +
      `peak memory from N=${results[0]?.n} to ${last.n}: ${results[0]?.rss.toFixed(0)} → ${last.rss.toFixed(0)} MB`,
  );
}

interface Child {
  ms: number;
  cpuMs: number;
  maxRssMB: number;
}

async function child(dir: string, mode: 'here' | 'workers'): Promise<Child> {
  const script = new URL('./consolidate-child.ts', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, dir, mode], { encoding: 'utf8' });
  return JSON.parse(stdout) as Child;
}

const run = promisify(execFile);

const CONTENDERS = ['single', 'exceljs', 'sheetjs', 'floor'] as const;
type Contender = (typeof CONTENDERS)[number];

const middle = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

interface Result {
  n: number;
  rounds: number;
  ratios: number[];
  single: number;
  coldHere: number;
  coldHereCpu: number;
  coldWorkers: number;
  coldWorkersCpu: number;
  coldPair: number;
  exceljs: number;
  sheetjs: number;
  floor: number;
  rss: number;
}

/** The bare floor: inflate the shared strings and the worksheets (native zlib, as plan-ledger does), and find every cell tag. */
function scanFloor(bytes: Uint8Array): number {
  const zip = ZipArchive.open(bytes);
  if (!(zip instanceof ZipArchive)) throw new Error(zip.code);
  let cells = 0;
  const decoder = new TextDecoder();
  for (const name of zip.names.filter((n) => n === 'xl/sharedStrings.xml' || n.startsWith('xl/worksheets/'))) {
    const xml = decoder.decode(zip.read(name, nativeInflate));
    for (let i = xml.indexOf('<c '); i >= 0; i = xml.indexOf('<c ', i + 3)) cells++;
  }
  return cells;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
