import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's LibreOffice and poppler, which .ci/run installs. */
export const SOFFICE = '/usr/bin/soffice';
export const PDFTOPPM = '/usr/bin/pdftoppm';
export const SYSTEM_PYTHON = '/usr/bin/python3';

function hasUno(): boolean {
  return existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;
}

/** Whether LibreOffice tests can run here; in CI they always run (and fail when it is missing). */
export const officeAvailable = existsSync(SOFFICE) && existsSync(PDFTOPPM) && hasUno();
export const runOfficeTests = officeAvailable || process.env['CI'] === 'true';

export function run(command: string, args: readonly string[], timeoutMs = 120_000): string {
  return execFileSync(command, args, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
}
