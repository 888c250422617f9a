// Generality on plans the parser was not written against: for each NAME.txt (or .docx) with a NAME.gold.json beside it,
// the share of the gold's figures found, the share of figures taken that the gold does not hold, the share of tasks whose
// departments (names and roles) are right, and every non-figure (a year, rank, ordinal, heading count) taken as a figure.
//   npx tsx bench/generality.ts FOLDER…
// A gold file: { "tasks": [{ "title", "departments": [{ "name", "role" }] }], "figures": [{ "raw", "value", "unit" }], "nonFigures": [raw…] }
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { planFromBytes } from '../src/io/plan-source.js';
import { normalize } from '../src/core/text.js';
import type { PlanRecords, Target } from '../src/index.js';

interface Gold {
  readonly tasks: readonly { readonly title: string; readonly departments: readonly { readonly name: string; readonly role: string }[] }[];
  readonly figures: readonly { readonly raw: string; readonly value: number; readonly unit: string }[];
  readonly nonFigures: readonly string[];
}

interface Score {
  plan: string;
  figures: number;
  found: number;
  unitWrong: number;
  taken: number;
  false: number;
  nonFigures: number;
  nonFiguresTaken: string[];
  tasks: number;
  tasksFound: number;
  departmentsRight: number;
  misses: string[];
}

/** Where raw stands next from `from`, as a figure of its own: 5万个 is not the tail of 3.5万个, nor 8个 of 18个. */
function occurrence(text: string, raw: string, from: number): number {
  for (let at = text.indexOf(raw, from); at >= 0; at = text.indexOf(raw, at + 1)) {
    if (!(/^[\d.]/.test(raw) && /[\d.]/.test(text[at - 1] ?? ''))) return at;
  }
  return -1;
}

function score(file: string, gold: Gold): Score {
  const records: PlanRecords = planFromBytes(new Uint8Array(readFileSync(file)), file);
  const text = records.source.text;
  const overlaps = (t: Target, at: number, length: number): boolean => t.span.start < at + length && t.span.end > at;
  const used = new Set<Target>();
  const s: Score = { plan: basename(file), figures: gold.figures.length, found: 0, unitWrong: 0, taken: records.targets.length, false: 0, nonFigures: gold.nonFigures.length, nonFiguresTaken: [], tasks: gold.tasks.length, tasksFound: 0, departmentsRight: 0, misses: [] };
  const cursor = new Map<string, number>();
  for (const g of gold.figures) {
    const at = occurrence(text, g.raw, cursor.get(g.raw) ?? 0);
    if (at < 0) {
      s.misses.push(`gold figure not in text: ${g.raw}`);
      continue;
    }
    cursor.set(g.raw, at + g.raw.length);
    const hit = records.targets.find((t) => !used.has(t) && overlaps(t, at, g.raw.length) && Math.abs(t.value - g.value) <= 1e-6 * Math.max(1, Math.abs(g.value)));
    if (!hit) {
      s.misses.push(`missed ${g.raw} (${g.value}${g.unit}) in “${text.slice(Math.max(0, at - 12), at + g.raw.length + 6).replace(/\s+/g, ' ')}”`);
      continue;
    }
    used.add(hit);
    s.found++;
    if (hit.unit !== g.unit) {
      s.unitWrong++;
      s.misses.push(`unit of ${g.raw}: ${hit.unit} for ${g.unit}`);
    }
  }
  for (const t of records.targets) {
    if (used.has(t)) continue;
    s.false++;
    s.misses.push(`false figure ${t.raw} (${t.value}${t.unit}) in “${t.sentence.slice(0, 50)}”`);
  }
  for (const phrase of gold.nonFigures) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const taken = records.targets.find((t) => !used.has(t) && overlaps(t, at, phrase.length));
      if (taken) s.nonFiguresTaken.push(`${phrase} → ${taken.raw}`);
    }
  }
  const key = (title: string): string => normalize(title).replace(/\s+/g, '').slice(0, 6);
  const tasks = records.tasks.filter((t) => !t.headline);
  for (const g of gold.tasks) {
    const found = tasks.find((t) => key(t.title).startsWith(key(g.title).slice(0, 4)) || key(t.text).startsWith(key(g.title).slice(0, 4)));
    if (!found) {
      s.misses.push(`task not found: ${g.title}`);
      continue;
    }
    s.tasksFound++;
    const want = g.departments.map((d) => `${d.name}:${d.role}`).sort().join(' ');
    const got = found.departments.map((d) => `${d.name}:${d.role}`).sort().join(' ');
    if (want === got) s.departmentsRight++;
    else s.misses.push(`departments of ${g.title}: ${got || '(none)'} for ${want}`);
  }
  return s;
}

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
