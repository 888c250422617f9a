import { existsSync } from 'node:fs';

/** Debian's Chromium, which .ci/run installs; playwright-core drives it and never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);
export const runBrowserTests = browserAvailable || process.env['CI'] === 'true';

/** Flags for a root, offline, headless machine: no sandbox, no background network, a fresh profile. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
