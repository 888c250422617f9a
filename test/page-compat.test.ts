// The offline page runs in the browsers of government desktops, older than the ones tests drive: its script may use
// no syntax and no built-in newer than Chromium 86 and Firefox 78 (PAGE_BROWSERS in webpack.config.js), and compat.js, which tells older ones
// (and the IE of 360's 兼容模式) that they are too old, is ES5.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Node } from 'acorn';
import { describe, expect, test } from 'vitest';
import { ROOT } from './helpers/cli.js';

const PAGE = join(ROOT, 'dist/page/plan-ledger.html');

type AstNode = Record<string, unknown>;

/** A built-in looked for before it is used (`Object.hasOwn || …`, `typeof structuredClone`): a polyfill's test, not a use. */
const tested = (node: AstNode, parent: AstNode | undefined): boolean =>
  (parent?.['type'] === 'LogicalExpression' && parent['left'] === node) || (parent?.['type'] === 'UnaryExpression' && parent['operator'] === 'typeof') || parent?.['test'] === node;

/** Syntax and built-ins the oldest browsers lack: what, and which of them lacks it. */
const TOO_NEW: readonly { readonly what: string; readonly lacks: string; readonly found: (node: AstNode, parent: AstNode | undefined) => boolean }[] = [
  { what: 'a private class member (#x)', lacks: 'Firefox 78', found: (n) => n['type'] === 'PrivateIdentifier' },
  { what: 'a static class block', lacks: 'Chromium 86', found: (n) => n['type'] === 'StaticBlock' },
  { what: 'logical assignment (??= ||= &&=)', lacks: 'Firefox 78', found: (n) => n['type'] === 'AssignmentExpression' && ['??=', '||=', '&&='].includes(n['operator'] as string) },
  { what: 'a regular expression with the d or v flag', lacks: 'Chromium 86', found: (n) => typeof (n['regex'] as { flags?: string } | undefined)?.flags === 'string' && /[dv]/.test((n['regex'] as { flags: string }).flags) },
  ...['hasOwn', 'at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'groupBy'].map((name) => ({
    what: `.${name}()`,
    lacks: 'Chromium 86',
    found: (n: AstNode, parent: AstNode | undefined) => n['type'] === 'MemberExpression' && !n['computed'] && (n['property'] as { name?: string }).name === name && !tested(n, parent),
  })),
  { what: 'structuredClone', lacks: 'Chromium 86', found: (n, parent) => n['type'] === 'Identifier' && n['name'] === 'structuredClone' && !tested(n, parent) },
];

/** Every node of a tree, with its parent. */
function* nodes(node: unknown, parent?: AstNode): Generator<[AstNode, AstNode | undefined]> {
  if (Array.isArray(node)) for (const n of node) yield* nodes(n, parent);
  else if (node && typeof node === 'object') {
    const n = node as AstNode;
    if (typeof n['type'] === 'string') yield [n, parent];
    for (const value of Object.values(n)) if (value && typeof value === 'object') yield* nodes(value, typeof n['type'] === 'string' ? n : parent);
  }
}

describe('the offline page in older browsers', () => {
  const html = readFileSync(PAGE, 'utf8');
  const [compat, script] = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);

  test('compat.js, which tells older browsers so, is ES5 and comes first', () => {
    expect(() => parse(compat as string, { ecmaVersion: 5 })).not.toThrow();
    expect(html.indexOf('id="too-old"')).toBeLessThan(html.indexOf('<script>'));
  });

  test('the page’s script uses no syntax and no built-in newer than those browsers', () => {
    const ast: Node = parse(script as string, { ecmaVersion: 2022 });
    const found = new Set<string>();
    for (const [n, parent] of nodes(ast)) for (const t of TOO_NEW) if (t.found(n, parent)) found.add(`${t.what} (not in ${t.lacks})`);
    expect([...found]).toEqual([]);
  });
});
