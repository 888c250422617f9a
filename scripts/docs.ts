// Regenerates the parts of README.md made from code (npm run docs); a test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { codeTable, placeholderTable, wording } from '../src/core/locales/index.js';

const path = new URL('../README.md', import.meta.url);
let readme = readFileSync(path, 'utf8');
for (const [name, table] of [
  ['codes', codeTable(wording('zh-CN'))],
  ['placeholders', placeholderTable(wording('zh-CN'))],
] as const) {
  const begin = `<!-- ${name}:begin (npm run docs) -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${name} markers`);
  readme = `${readme.slice(0, from + begin.length)}\n${table}\n${readme.slice(to)}`;
}
writeFileSync(path, readme);
