import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlan, type Target } from '../src/index.js';

interface GoldQuantity {
  value: number;
  unit: string[];
  comparator?: string;
  metricHint: string;
}
interface GoldTask {
  path: number[];
  departments: string[];
  quantities: GoldQuantity[];
  optional: [number, string][];
  forbidden: [number, string][];
}
interface Gold {
  document: Record<string, string>;
  parts: { ordinal: number; kind: string; year: number; sections: number; tasks: number }[];
  tasks: GoldTask[];
}

const gold = JSON.parse(readFileSync(new URL('./fixtures/seed-gold.json', import.meta.url), 'utf8')) as Gold;
const seed = readFileSync(new URL('../seeds/yangpu-2021-13.txt', import.meta.url), 'utf8');
const records = parsePlan(seed);

const fits = (q: GoldQuantity, t: Target): boolean =>
  t.value === q.value && q.unit.includes(t.unit) && t.comparator === (q.comparator ?? '=') && t.metric.includes(q.metricHint);

/** A matching that gives every gold quantity its own target (augmenting paths; the sets are small). */
function matchAll(quantities: GoldQuantity[], targets: Target[]): (Target | undefined)[] {
  const owner = new Map<Target, number>();
  const tryAssign = (qi: number, seen: Set<Target>): boolean => {
    for (const t of targets) {
      if (seen.has(t) || !fits(quantities[qi] as GoldQuantity, t)) continue;
      seen.add(t);
      const other = owner.get(t);
      if (other === undefined || tryAssign(other, seen)) {
        owner.set(t, qi);
        return true;
      }
    }
    return false;
  };
  quantities.forEach((_, qi) => tryAssign(qi, new Set()));
  const result: (Target | undefined)[] = quantities.map(() => undefined);
  for (const [t, qi] of owner) result[qi] = t;
  return result;
}

describe('seed plan against shared/acceptance/seed-gold.json', () => {
  test('document facts', () => {
    expect(records.document).toMatchObject(gold.document);
  });

  test.each(gold.parts)('part $ordinal is $kind $year with $sections sections and $tasks tasks', (part) => {
    const section = records.sections.find((s) => s.path.length === 1 && s.path[0] === part.ordinal);
    expect(section).toMatchObject({ kind: part.kind, year: part.year });
    expect(records.sections.filter((s) => s.path.length === 2 && s.path[0] === part.ordinal)).toHaveLength(part.sections);
    expect(records.tasks.filter((t) => t.path[0] === part.ordinal)).toHaveLength(part.tasks);
  });

  test('no other tasks than the gold ones', () => {
    expect(records.tasks.map((t) => t.path.join('.'))).toEqual(gold.tasks.map((t) => t.path.join('.')));
  });

  test.each(gold.tasks.map((t) => ({ ...t, name: t.path.join('.') })))('task $name', (g) => {
    const task = records.tasks.find((t) => t.path.join('.') === g.name);
    expect(task, `task ${g.name}`).toBeDefined();
    if (!task) return;
    expect(task.departments.map((d) => d.name)).toEqual(g.departments);
    const targets = records.targets.filter((t) => t.taskId === task.id);
    const matched = matchAll(g.quantities, targets);
    const missing = g.quantities.filter((_, i) => matched[i] === undefined);
    expect(missing, `unmatched in ${g.name}; extracted: ${targets.map((t) => `${t.raw}→[${t.metric}]`).join(' ')}`).toEqual([]);
    const forbidden = targets.filter((t) => g.forbidden.some(([v, u]) => t.value === v && (u === '*' || t.unit === u)));
    expect(forbidden.map((t) => t.raw)).toEqual([]);
  });

  test('no year, document number or ordinal anywhere becomes an indicator', () => {
    const offenders = records.targets.filter(
      (t) => (t.value >= 1900 && t.value <= 2100 && /年|^\d{4}$/.test(t.raw)) || /号|第|届|次/.test(t.raw) || t.value === 131,
    );
    expect(offenders.map((t) => t.raw)).toEqual([]);
  });

  test('every target points back at the words it was read from', () => {
    for (const t of records.targets) {
      expect(seed.slice(t.span.start, t.span.end)).toBe(t.raw);
      expect(t.sentence).toContain(t.raw);
    }
  });
});
