import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A program from Debian that some tests drive; .ci/run installs it. */
export interface Tool {
  readonly name: string;
  readonly available: boolean;
  /** Whether its tests run: when it is here, and always in CI (where they fail without it). */
  readonly run: boolean;
  /** The one line a skipped test says: what to install. */
  readonly reason: string;
}

const inCi = process.env['CI'] === 'true';

function tool(name: string, available: boolean, packages: string): Tool {
  return { name, available, run: available || inCi, reason: `${name} is missing: apt-get install ${packages}` };
}

/** Debian's LibreOffice, python3-uno and poppler. */
export const SOFFICE = '/usr/bin/soffice';
export const PDFTOPPM = '/usr/bin/pdftoppm';
export const SYSTEM_PYTHON = '/usr/bin/python3';
const hasUno = (): boolean => existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;
export const libreOffice = tool('LibreOffice', existsSync(SOFFICE) && existsSync(PDFTOPPM) && hasUno(), 'libreoffice-calc-nogui python3-uno poppler-utils fonts-noto-cjk');

/** Debian's Chromium, which playwright-core drives (it never downloads a browser). */
export const CHROMIUM = '/usr/bin/chromium';
export const chromium = tool('Chromium', existsSync(CHROMIUM), 'chromium fonts-noto-cjk');

/** Debian's poppler: PDF pages as text and as pictures. */
export const PDFTOTEXT = '/usr/bin/pdftotext';
export const poppler = tool('poppler', existsSync(PDFTOTEXT) && existsSync(PDFTOPPM), 'poppler-utils');

/** Debian's Firefox ESR, which puppeteer-core drives over WebDriver BiDi (the offline page is tested in it too). */
export const FIREFOX = '/usr/bin/firefox-esr';
export const firefox = tool('Firefox', existsSync(FIREFOX), 'firefox-esr fonts-noto-cjk');

/** Flags for a root, offline, headless machine: no sandbox, no background network, a fresh profile. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's xmllint, for XML that must be well-formed (and the add-in manifest against its schemas). */
export const XMLLINT = '/usr/bin/xmllint';
export const xmllint = tool('xmllint', existsSync(XMLLINT), 'libxml2-utils');

/** Debian's openpyxl (with Pillow), a third writer of workbooks: templates as offices that script Excel in Python make them. */
const hasOpenpyxl = (): boolean => existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', 'import openpyxl, PIL'], { stdio: 'ignore' }).status === 0;
export const openpyxl = tool('openpyxl', hasOpenpyxl(), 'python3-openpyxl python3-pil');

export const TOOLS: readonly Tool[] = [libreOffice, chromium, firefox, poppler, xmllint, openpyxl];

/** Runs a program and returns what it printed; throws with its output when it fails. */
export function run(command: string, args: readonly string[], timeoutMs = 120_000): string {
  return execFileSync(command, args, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
}
