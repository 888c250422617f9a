import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/cli.js';

// The layers, from the pure domain up to the front ends; an import may point down or stay in its folder, never up or sideways.
const LAYERS: Readonly<Record<string, number>> = { core: 0, sheets: 1, report: 1, io: 2, cli: 3, addin: 3 };
/** The public entries stand above every layer. */
const ENTRIES = new Set(['src/index.ts', 'src/node.ts']);

const SRC = join(ROOT, 'src');
const files = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
})(SRC);

/** Every module a file imports or re-exports, type-only ones included, as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
}

const graph = new Map(files.map((f) => [relative(ROOT, f), importsOf(f)]));
const layerOf = (path: string): string => path.split('/')[1] ?? '';

/** Strongly connected components of more than one module, or a module importing itself (Tarjan). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the layers point one way (core ← sheets/report ← io ← cli/addin)', () => {
  test('every import resolves to a module of src/', () => {
    const unresolved = [...graph].flatMap(([from, to]) => to.filter((t) => !graph.has(t)).map((t) => `${from} → ${t}`));
    expect(unresolved).toEqual([]);
  });

  test('no import cycle, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  test('no import points up or sideways', () => {
    const wrong = [...graph].flatMap(([from, to]) => {
      if (ENTRIES.has(from)) return [];
      const own = layerOf(from);
      return to.filter((t) => ENTRIES.has(t) || (layerOf(t) !== own && (LAYERS[layerOf(t)] ?? 99) >= (LAYERS[own] ?? -1))).map((t) => `${from} → ${t}`);
    });
    expect(wrong).toEqual([]);
  });

  test('every file of src/ is in a known layer or is a public entry', () => {
    expect([...graph.keys()].filter((f) => !ENTRIES.has(f) && LAYERS[layerOf(f)] === undefined)).toEqual([]);
  });
});
