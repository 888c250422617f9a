// Scores a parse against a gold file: the share of its figures found, figures taken that it does not hold, non-figures
// taken, and tasks whose departments (names and roles) are right. Used by bench/generality.ts and test/generality.test.ts.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { normalize } from '../../src/core/text.js';
import { planFromBytes } from '../../src/io/plan-source.js';
import type { PlanRecords, Target } from '../../src/index.js';

export interface Gold {
  readonly tasks: readonly { readonly title: string; readonly departments: readonly { readonly name: string; readonly role: string }[] }[];
  readonly figures: readonly { readonly raw: string; readonly value: number; readonly unit: string }[];
  readonly nonFigures: readonly string[];
}

export interface Score {
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

export function score(file: string, gold: Gold): Score {
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
  const key = (title: string): string => normalize(title).replace(/\s+/g, '');
  const common = (a: string, b: string): number => {
    let n = 0;
    while (n < a.length && n < b.length && a[n] === b[n]) n++;
    return n;
  };
  const tasks = records.tasks.filter((t) => !t.headline);
  for (const g of gold.tasks) {
    // The task whose title (or text) shares the longest start with the gold's, of at least four characters.
    const want = key(g.title);
    const ranked = tasks.map((t) => ({ t, n: Math.max(common(key(t.title), want), common(key(t.text), want)) })).sort((a, b) => b.n - a.n);
    const found = ranked[0] && ranked[0].n >= Math.min(4, want.length) ? ranked[0].t : undefined;
    if (!found) {
      s.misses.push(`task not found: ${g.title}`);
      continue;
    }
    s.tasksFound++;
    const wanted = g.departments.map((d) => `${normalize(d.name)}:${d.role}`).sort().join(' ');
    const got = found.departments.map((d) => `${d.name}:${d.role}`).sort().join(' ');
    if (wanted === got) s.departmentsRight++;
    else s.misses.push(`departments of ${g.title}: ${got || '(none)'} for ${wanted}`);
  }
  return s;
}

