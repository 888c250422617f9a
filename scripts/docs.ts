// Regenerates the parts of README.md made from code (npm run docs); a test fails when they are stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { codeTable } from '../src/core/code.js';

const path = new URL('../README.md', import.meta.url);
const begin = '<!-- codes:begin (npm run docs) -->';
const end = '<!-- codes:end -->';
const readme = readFileSync(path, 'utf8');
const from = readme.indexOf(begin);
const to = readme.indexOf(end);
if (from < 0 || to < from) throw new Error('README.md has no code table markers');
writeFileSync(path, `${readme.slice(0, from + begin.length)}\n${codeTable('zh-CN')}\n${readme.slice(to)}`);
