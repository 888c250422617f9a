import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { parsePeriod } from '../src/core/period.js';
import { departmentsFor } from '../src/core/worklist.js';
import { checkSheets } from '../src/sheets/check.js';
import { generateProgressSheet, TemplateCache } from '../src/sheets/template/fill.js';
import { DEFAULT_TEMPLATE } from '../src/io/sheet-file.js';
import { nativeDeflate, nodeZlib } from '../src/io/zlib.js';
import { writeZip } from '../src/sheets/xlsx/zip-writer.js';
import { printTable } from './measure.js';

const CHECK_GOAL_MS = 50;
/** The goals: within 2× the re-zip floor, at least 3× faster than exceljs, the filler's bundle under 30 KB gzipped. */
const FLOOR_GOAL = 2;
const EXCELJS_GOAL = 3;
const BUNDLE_GOAL_KB = 30;

/** Every department's sheet for the seed, and checking one filled sheet, beside exceljs doing only its part. */
export async function sheetsBench(): Promise<void> {
  const records = parsePlan(readFileSync(SEED_PLAN, 'utf8'));
  const period = parsePeriod('2021-Q2');
  if (!period) throw new Error('period');
  const template = new Uint8Array(readFileSync(DEFAULT_TEMPLATE));
  const departments = departmentsFor(records, period).map((d) => d.name);
  const options = (department: string) => ({ records, department, period, generatedAt: '2021-04-01T09:00:00', templateVersion: 'bench', templateName: 'template' });

  // As the CLI fills (Node's zlib), and as a browser fills (fflate).
  // Each run from a fresh cache, as each run of the CLI: the template's parts are inflated once per run.
  const generateAll = async () => {
    const cache = new TemplateCache();
    for (const d of departments) await generateProgressSheet(template, { ...options(d), ...nodeZlib, cache });
  };
  const generateAllJs = async () => {
    const cache = new TemplateCache();
    for (const d of departments) await generateProgressSheet(template, { ...options(d), cache });
  };
  // Peer: exceljs loading the template and writing it back, once per department, with no filling.
  const exceljsRoundTrip = async () => {
    for (let i = 0; i < departments.length; i++) {
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(template as unknown as ArrayBuffer);
      await w.xlsx.writeBuffer();
    }
  };
  // The floor: a ready template's parts zipped again, once per department, with the filler's zlib and level (every part deflated).
  const parts = unzipSync(template);
  const rezipNative = async () => {
    for (let i = 0; i < departments.length; i++) writeZip(Object.entries(parts).map(([name, data]) => ({ name, data })), nativeDeflate, nodeZlib.crc32);
  };
  const rezipFflate = async () => {
    for (let i = 0; i < departments.length; i++) zipSync(parts);
  };

  const { bytes } = await generateProgressSheet(template, options('区科委'));
  const filled = await fill(bytes);
  const checkOne = () => checkSheets([{ file: 'filled.xlsx', bytes: filled }], records);
  // Peer: exceljs merely loading the same file.
  const exceljsLoad = async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(filled as unknown as ArrayBuffer);
  };

  const rounds = { fill: [] as number[], fillJs: [] as number[], exceljs: [] as number[], floor: [] as number[], floorJs: [] as number[] };
  // Interleaved rounds, so that a slower spell of the machine falls on every contender alike.
  for (const fn of [generateAll, generateAllJs, exceljsRoundTrip, rezipNative, rezipFflate]) for (let i = 0; i < 3; i++) await fn();
  for (let round = 0; round < 9; round++) {
    rounds.fill.push(await time(generateAll));
    rounds.fillJs.push(await time(generateAllJs));
    rounds.exceljs.push(await time(exceljsRoundTrip));
    rounds.floor.push(await time(rezipNative));
    rounds.floorJs.push(await time(rezipFflate));
  }
  const [fillMs, fillJsMs, exceljsMs, floorMs, floorJsMs] = [rounds.fill, rounds.fillJs, rounds.exceljs, rounds.floor, rounds.floorJs].map(median) as [number, number, number, number, number];
  const checkMs = await medianAsync(checkOne, 40);
  const peerCheckMs = await medianAsync(exceljsLoad, 40);
  const n = departments.length;
  printTable(
    `fill: the seed's ${n} department sheets for 2021-Q2 from templates/progress-report.xlsx (median of 9 interleaved rounds, ms for all ${n})`,
    ['job', 'ms', 'ms per sheet', '÷ floor (zlib)', 'exceljs ÷ this'],
    [
      ['plan-ledger fill (Node zlib, as the CLI)', fillMs, fillMs / n, fillMs / floorMs, exceljsMs / fillMs],
      ['plan-ledger fill (fflate, as a browser)', fillJsMs, fillJsMs / n, fillJsMs / floorMs, exceljsMs / fillJsMs],
      ['exceljs load + write, no filling', exceljsMs, exceljsMs / n, exceljsMs / floorMs, 1],
      ['floor: re-zip the template (Node zlib)', floorMs, floorMs / n, 1, exceljsMs / floorMs],
      ['floor: re-zip the template (fflate zipSync)', floorJsMs, floorJsMs / n, floorJsMs / floorMs, exceljsMs / floorJsMs],
    ],
  );
  const spread = rounds.fill.map((f, i) => f / (rounds.floor[i] as number)).sort((a, b) => a - b);
  const bundle = await fillerBundle();
  const goals = [
    [`fill within ${FLOOR_GOAL}× the re-zip floor`, `${(fillMs / floorMs).toFixed(2)}× (per round ${spread[0]?.toFixed(2)}–${spread.at(-1)?.toFixed(2)})`, fillMs / floorMs <= FLOOR_GOAL ? 'met' : 'NOT met'],
    [`fill at least ${EXCELJS_GOAL}× faster than exceljs`, `${(exceljsMs / fillMs).toFixed(1)}×`, exceljsMs / fillMs >= EXCELJS_GOAL ? 'met' : 'NOT met'],
    [`filler bundle under ${BUNDLE_GOAL_KB} KB gzipped`, `${(bundle.gzip / 1024).toFixed(1)} KB (${(bundle.bytes / 1024).toFixed(1)} KB minified)`, bundle.gzip < BUNDLE_GOAL_KB * 1024 ? 'met' : 'NOT met'],
    [`check one filled sheet under ${CHECK_GOAL_MS} ms`, `${checkMs.toFixed(2)} ms (exceljs load ${peerCheckMs.toFixed(2)} ms)`, checkMs < CHECK_GOAL_MS ? 'met' : 'NOT met'],
  ];
  printTable('fill and check: goals', ['goal', 'measured', ''], goals);
}

/** The filler as a browser bundle would carry it (esbuild, minified), raw and gzipped. */
async function fillerBundle(): Promise<{ bytes: number; gzip: number }> {
  const entry = new URL('../src/sheets/template/fill.ts', import.meta.url).pathname;
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: code.length, gzip: gzipSync(code).length };
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function fill(bytes: Uint8Array): Promise<Uint8Array> {
  const w = new ExcelJS.Workbook();
  await w.xlsx.load(bytes as unknown as ArrayBuffer);
  const s = w.getWorksheet('推进情况');
  if (!s) throw new Error('sheet');
  for (let row = 5; row <= 20; row++) {
    s.getCell(`K${row}`).value = row * 10;
    s.getCell(`M${row}`).value = '推进中';
    s.getCell(`N${row}`).value = '按计划推进';
  }
  return new Uint8Array(await w.xlsx.writeBuffer());
}

async function medianAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}
