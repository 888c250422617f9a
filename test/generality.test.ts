// Generality over plans of the genre written apart from the parser, each with a gold file of its tasks, departments,
// figures and non-figures (test/fixtures/genre): the issue's bar, held as a regression. `npx tsx bench/generality.ts
// FOLDER --verbose` scores any such folder and lists every miss.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { score, type Gold } from './helpers/generality.js';

const FOLDER = new URL('./fixtures/genre/', import.meta.url).pathname;
const scores = readdirSync(FOLDER)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => score(join(FOLDER, name), JSON.parse(readFileSync(join(FOLDER, name.replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold));
const total = (f: (s: (typeof scores)[number]) => number): number => scores.reduce((a, s) => a + f(s), 0);

describe(`generality over ${scores.length} plans of the genre`, () => {
  test('at least 95% of the figures are found, each with its value in base units', () => {
    expect(total((s) => s.found) / total((s) => s.figures)).toBeGreaterThanOrEqual(0.95);
  });
  test('at most 5% of the figures taken are not figures', () => {
    expect(total((s) => s.false) / total((s) => s.taken)).toBeLessThanOrEqual(0.05);
  });
  test('every task is found, and departments are right on at least 95% of them', () => {
    expect(total((s) => s.tasksFound)).toBe(total((s) => s.tasks));
    expect(total((s) => s.departmentsRight) / total((s) => s.tasks)).toBeGreaterThanOrEqual(0.95);
  });
  test('no plan falls far below the bar', () => {
    for (const s of scores) expect([s.plan, s.found / s.figures >= 0.9, s.departmentsRight / s.tasks >= 0.9]).toEqual([s.plan, true, true]);
  });
});
