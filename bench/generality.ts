// Generality on plans the parser was not written against: for each NAME.txt (or .docx) with a NAME.gold.json beside it,
// the share of the gold's figures found, the share of figures taken that the gold does not hold, the share of tasks whose
// departments (names and roles) are right, and every non-figure (a year, rank, ordinal, heading count) taken as a figure.
//   npx tsx bench/generality.ts FOLDER…
// A gold file: { "tasks": [{ "title", "departments": [{ "name", "role" }] }], "figures": [{ "raw", "value", "unit" }], "nonFigures": [raw…] }
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { score, type Gold, type Score } from '../test/helpers/generality.js';

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const verbose = process.argv.includes('--verbose');
const folders = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const scores: Score[] = [];
for (const folder of folders) {
  for (const name of readdirSync(folder).sort()) {
    if (!/\.(txt|docx)$/.test(name)) continue;
    const goldFile = join(folder, name.replace(/\.(txt|docx)$/, '.gold.json'));
    if (!existsSync(goldFile)) continue;
    scores.push(score(join(folder, name), JSON.parse(readFileSync(goldFile, 'utf8')) as Gold));
  }
}
console.log('plan | figures found | false figures | non-figures taken | tasks found | departments right');
for (const s of scores) {
  console.log(`${s.plan} | ${s.found}/${s.figures} ${pct(s.found, s.figures)} | ${s.false}/${s.taken} ${pct(s.false, s.taken)} | ${s.nonFiguresTaken.length} | ${s.tasksFound}/${s.tasks} | ${s.departmentsRight}/${s.tasks} ${pct(s.departmentsRight, s.tasks)}`);
  if (verbose) for (const m of [...s.misses, ...s.nonFiguresTaken.map((n) => `non-figure taken: ${n}`)]) console.log(`    ${m}`);
}
const sum = (f: (s: Score) => number): number => scores.reduce((a, s) => a + f(s), 0);
console.log(
  `all ${scores.length} plans | ${sum((s) => s.found)}/${sum((s) => s.figures)} ${pct(sum((s) => s.found), sum((s) => s.figures))} | ${sum((s) => s.false)}/${sum((s) => s.taken)} ${pct(sum((s) => s.false), sum((s) => s.taken))} | ${sum((s) => s.nonFiguresTaken.length)} | ${sum((s) => s.tasksFound)}/${sum((s) => s.tasks)} | ${sum((s) => s.departmentsRight)}/${sum((s) => s.tasks)} ${pct(sum((s) => s.departmentsRight), sum((s) => s.tasks))}`,
);
