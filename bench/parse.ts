import { readFileSync } from 'node:fs';
import { parsePlan } from '../src/index.js';
import { SEED_PLAN } from '../src/node.js';
import { median, printTable } from './measure.js';

const GOAL_MB_PER_S = 5;
const LINEARITY_LIMIT = 1.2;

/** Parse throughput on the seed repeated 1×, 10×, 100×, beside the raw floor: one regex pass over the same text. */
export function parseBench(): void {
  const seed = readFileSync(SEED_PLAN, 'utf8');
  const sizes = [1, 10, 100].map((copies) => {
    const text = Array.from({ length: copies }, () => seed).join('\n');
    return { copies, text, bytes: Buffer.byteLength(text, 'utf8'), ms: [] as number[], floor: [] as number[] };
  });
  // Rounds interleave the sizes, so that drift on a busy machine falls on all of them alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const size of sizes) {
      size.ms.push(median(() => parsePlan(size.text), BUDGET_MS / ROUNDS, 3));
      size.floor.push(median(() => size.text.match(/[\d零一二两三四五六七八九十百千万亿]+/g)?.length, BUDGET_MS / ROUNDS / 4, 3));
    }
  }
  const perByteAt1 = (middle(sizes[0]?.ms ?? []) * 1e6) / (sizes[0]?.bytes ?? 1);
  const rows = sizes.map(({ copies, text, bytes, ms: all, floor }) => {
    const ms = middle(all);
    const floorMs = middle(floor);
    const perByte = (ms * 1e6) / bytes;
    return [`${copies}×`, (bytes / 1e6).toFixed(2), parsePlan(text).tasks.length, ms, bytes / 1e6 / (ms / 1e3), perByte, perByte / perByteAt1, floorMs, ms / floorMs];
  });
  printTable(
    `parse: seed plan repeated (median of ${ROUNDS} interleaved rounds; floor = one regex scan for numerals over the same text)`,
    ['copies', 'MB', 'tasks', 'ms', 'MB/s', 'ns/byte', 'per-byte vs 1×', 'floor ms', '× floor'],
    rows,
  );
  const slowest = Math.min(...rows.map((r) => r[4] as number));
  const worstRatio = Math.max(...rows.map((r) => r[6] as number));
  console.log(
    `goal: ≥ ${GOAL_MB_PER_S} MB/s → ${slowest >= GOAL_MB_PER_S ? 'met' : 'NOT met'} (slowest ${slowest.toFixed(1)} MB/s); ` +
      `linear within ${LINEARITY_LIMIT}× → ${worstRatio <= LINEARITY_LIMIT ? 'met' : 'NOT met'} (worst ${worstRatio.toFixed(2)}×)`,
  );
}

const ROUNDS = 7;
const BUDGET_MS = 10_000;

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
