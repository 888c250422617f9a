import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { parsePeriod } from '../src/core/period.js';
import { departmentsFor } from '../src/core/worklist.js';
import { checkSheets } from '../src/sheets/check.js';
import { generateProgressSheet } from '../src/sheets/template/fill.js';
import { DEFAULT_TEMPLATE } from '../src/io/sheet-file.js';
import { printTable } from './measure.js';

const GENERATE_GOAL_MS = 1000;
const CHECK_GOAL_MS = 50;

/** Every department's sheet for the seed, and checking one filled sheet, beside exceljs doing only its part. */
export async function sheetsBench(): Promise<void> {
  const records = parsePlan(readFileSync(SEED_PLAN, 'utf8'));
  const period = parsePeriod('2021-Q2');
  if (!period) throw new Error('period');
  const template = new Uint8Array(readFileSync(DEFAULT_TEMPLATE));
  const departments = departmentsFor(records, period).map((d) => d.name);
  const options = (department: string) => ({ records, department, period, generatedAt: '2021-04-01T09:00:00', templateVersion: 'bench', templateName: 'template' });

  const generateAll = async () => {
    for (const d of departments) await generateProgressSheet(template, options(d));
  };
  // Peer: exceljs loading the template and writing it back, once per department, with no filling.
  const exceljsRoundTrip = async () => {
    for (let i = 0; i < departments.length; i++) {
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(template as unknown as ArrayBuffer);
      await w.xlsx.writeBuffer();
    }
  };

  const { bytes } = await generateProgressSheet(template, options('区科委'));
  const filled = await fill(bytes);
  const checkOne = () => checkSheets([{ file: 'filled.xlsx', bytes: filled }], records);
  // Peer: exceljs merely loading the same file.
  const exceljsLoad = async () => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(filled as unknown as ArrayBuffer);
  };

  const generateMs = await medianAsync(generateAll, 8);
  const peerGenerateMs = await medianAsync(exceljsRoundTrip, 8);
  const checkMs = await medianAsync(checkOne, 40);
  const peerCheckMs = await medianAsync(exceljsLoad, 40);
  printTable(
    `sheets: seed plan, ${departments.length} departments, 2021-Q2 (median wall time; peer = exceljs alone on the same workbook)`,
    ['job', 'plan-ledger ms', 'peer', 'peer ms', '× peer', 'goal ms', 'goal'],
    [
      [`generate all ${departments.length} sheets`, generateMs, 'exceljs load+write ×17', peerGenerateMs, generateMs / peerGenerateMs, GENERATE_GOAL_MS, generateMs < GENERATE_GOAL_MS ? 'met' : 'NOT met'],
      ['check one filled sheet', checkMs, 'exceljs load', peerCheckMs, checkMs / peerCheckMs, CHECK_GOAL_MS, checkMs < CHECK_GOAL_MS ? 'met' : 'NOT met'],
    ],
  );
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
