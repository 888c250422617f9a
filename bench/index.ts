// npm run bench: figures for the closing notes, each beside a peer measured in the same run.
// Each part runs in a process of its own, so that none inherits the heap and garbage of the one before.
import { execFileSync } from 'node:child_process';
import { addinBench } from './addin.js';
import { consolidateBench } from './consolidate.js';
import { pageBench } from './page.js';
import { parseBench } from './parse.js';
import { sheetsBench } from './sheets.js';

const PARTS: Record<string, () => unknown> = { parse: parseBench, sheets: sheetsBench, consolidate: consolidateBench, addin: addinBench, page: pageBench };

const part = process.argv[2];
if (part === undefined) {
  for (const name of Object.keys(PARTS)) execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, name], { stdio: 'inherit' });
} else {
  await PARTS[part]?.();
}
