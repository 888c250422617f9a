import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TOOLS } from './helpers/tools.js';

/** Builds dist/ once so that tests run the real bin, as `npx plan-ledger` does after install, and the add-in; says which tools' tests are skipped. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // The add-in, as `npm run build:addin` builds it.
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/webpack-cli/bin/cli.js', import.meta.url)), '--mode', 'production'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PLAN_LEDGER_BASE_URL: '', PLAN_LEDGER_OFFICE_JS: '' },
  });
  for (const tool of TOOLS) if (!tool.run) console.warn(`skipping the ${tool.name} tests: ${tool.reason} (CI=true runs them and fails without it)`);
}
