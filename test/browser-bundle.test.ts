import { mkdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from './helpers/cli.js';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** exceljs (about 945 KB minified) is most of it: it still writes ledgers, audits, plan tables and the default template from nothing. */
// 403 KB at a33c421, when plan revisions (reissue, planChanges) and history joined the public API; exceljs is 923 of 1336 KB minified.
const GZIP_BUDGET = 420 * 1024;

interface Bundle {
  readonly bytes: number;
  readonly gzip: number;
  /** Node built-ins the entry reaches, with the module that imports each. */
  readonly builtins: readonly string[];
  readonly inputs: Metafile['outputs'][string]['inputs'];
}

/** Bundles an entry as a browser build would, noting (not failing on) every Node built-in it reaches. */
async function bundle(entry: string): Promise<Bundle> {
  const builtins: string[] = [];
  const spy: Plugin = {
    name: 'node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!BUILTINS.has(args.path)) return undefined;
        builtins.push(`${args.path} ← ${args.importer.replace(`${ROOT}/`, '')}`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({ entryPoints: [join(ROOT, entry)], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, outfile: 'bundle.js', plugins: [spy], logLevel: 'silent' });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  return { bytes: code.length, gzip: gzipSync(code).length, builtins, inputs: output?.inputs ?? {} };
}

describe('the browser entry (src/index.ts) bundles for the browser', () => {
  let b: Bundle;
  beforeAll(async () => {
    b = await bundle('src/index.ts');
    const sizes: Record<string, number> = {};
    for (const [path, { bytesInOutput }] of Object.entries(b.inputs)) {
      const group = path.startsWith('node_modules/') ? (path.split('/')[1] ?? path) : path.split('/').slice(0, 2).join('/');
      sizes[group] = (sizes[group] ?? 0) + bytesInOutput;
    }
    const summary = { bytes: b.bytes, gzip: b.gzip, bytesByPackage: Object.fromEntries(Object.entries(sizes).sort((x, y) => y[1] - x[1])) };
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    writeFileSync(join(ROOT, 'test-output', 'browser-bundle.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.info(`browser bundle of src/index.ts: ${(b.bytes / 1024).toFixed(0)} KB minified, ${(b.gzip / 1024).toFixed(0)} KB gzipped (${Object.entries(summary.bytesByPackage).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`).join(', ')})`);
  }, 60_000);

  test('no Node built-in is reachable', () => {
    expect(b.builtins).toEqual([]);
  });

  test('zod is tree-shaken: no locale of zod’s but the default', () => {
    const zodLocales = Object.entries(b.inputs).filter(([path, { bytesInOutput }]) => path.includes('zod/v4/locales/') && bytesInOutput > 0);
    expect(zodLocales.map(([path]) => path)).toEqual(['node_modules/zod/v4/locales/en.js']);
  });

  test(`stays within ${GZIP_BUDGET / 1024} KB gzipped`, () => {
    expect(b.gzip).toBeLessThan(GZIP_BUDGET);
  });

  test('the Node entry is where files, zlib and workers are', async () => {
    const node = await bundle('src/node.ts');
    expect(new Set(node.builtins.map((b) => b.split(' ')[0]?.replace(/^node:/, '')))).toEqual(new Set(['fs', 'fs/promises', 'path', 'url', 'crypto', 'os', 'worker_threads', 'zlib']));
  });
});

/** The issue's goal for the filler a task pane or an offline page loads: the words it writes (zh-CN) included. */
const FILLER_GZIP_BUDGET = 30 * 1024;

describe('the template filler (src/sheets/template/fill.ts) bundles alone, small', () => {
  let b: Bundle;
  beforeAll(async () => {
    b = await bundle('src/sheets/template/fill.ts');
    console.info(`browser bundle of the template filler: ${(b.bytes / 1024).toFixed(1)} KB minified, ${(b.gzip / 1024).toFixed(1)} KB gzipped`);
  }, 60_000);

  test('without exceljs, zod or a Node built-in', () => {
    const packages = new Set(Object.keys(b.inputs).filter((p) => p.startsWith('node_modules/')).map((p) => p.split('/')[1]));
    expect([...packages]).toEqual(['fflate']);
    expect(b.builtins).toEqual([]);
  });

  test(`stays within ${FILLER_GZIP_BUDGET / 1024} KB gzipped`, () => {
    expect(b.gzip).toBeLessThan(FILLER_GZIP_BUDGET);
  });
});
