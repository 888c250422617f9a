import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TOOLS } from './helpers/tools.js';

/** Builds dist/ once so that tests run the real bin, as `npx plan-ledger` does after install; says which tools' tests are skipped. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const tool of TOOLS) if (!tool.run) console.warn(`skipping the ${tool.name} tests: ${tool.reason} (CI=true runs them and fails without it)`);
}
