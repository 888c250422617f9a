// The offline page (dist/page/plan-ledger.html, built with the add-in) opened from file:// in Chromium and in Firefox:
// the department's check and the coordinator's consolidation, against what the CLI says of the same files.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { wording } from '../src/core/locales/index.js';
import { ledgerFromXlsx } from '../src/io/ledger.js';
import { readMetas } from '../src/sheets/metadata.js';
import { openWorkbook } from '../src/sheets/xlsx/reader.js';
import { BROWSERS, type PageDriver } from './helpers/browsers.js';
import { bin, ROOT } from './helpers/cli.js';
import { PDFTOPPM, PDFTOTEXT, poppler, run } from './helpers/tools.js';
import { paneWording } from '../src/core/locales/panes.js';
import { choosePlan } from './helpers/coordinator.js';

const PAGE = join(ROOT, 'dist/page/plan-ledger.html');
const work = mkdtempSync(join(tmpdir(), 'plan-ledger-page-'));
const demo = join(work, 'demo');
let demoMade = false;

/** The demo's sheets, made once for every browser. */
function demoSheets(): string {
  if (!demoMade) expect(bin(['demo', '--out', demo]).code).toBe(0);
  demoMade = true;
  return demo;
}

/** Requests that left the disk: the page must make none. */
const offDisk = (requests: readonly string[]) => requests.filter((u) => !/^(file|blob|data):/.test(u));

describe.each(BROWSERS)('the offline page from file:// in $name', (browserDriver) => {
  const SHOTS = join(ROOT, 'test-output/page', browserDriver.name.toLowerCase());
  let browser: Awaited<ReturnType<typeof browserDriver.launch>>;

  beforeAll(async () => {
    if (!browserDriver.tool.run) return;
    mkdirSync(SHOTS, { recursive: true });
    demoSheets();
    browser = await browserDriver.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** The page opened from disk, with no error on opening. */
  async function open(): Promise<PageDriver> {
    const page = await browser.newPage({ width: 900, height: 1000 });
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitFor('#tab-department');
    expect(page.errors).toEqual([]);
    return page;
  }

  /** Closes the page: no error, no violation of its Content-Security-Policy, no request off the disk, all along. */
  async function closed(page: PageDriver): Promise<void> {
    await page.close();
    expect(page.errors).toEqual([]);
    expect(offDisk(page.requests)).toEqual([]);
  }

  test.runIf(browserDriver.tool.run)('a department’s filled sheet: the findings `check` gives, by row, with the plan sentence; nothing requested', async () => {
    const page = await open();
    const file = join(demo, 'filled', '2021-Q2-区科委.xlsx');
    await page.pick('#sheet-file', [file]);
    await page.waitFor('#findings .finding, #findings .ok');
    const cells = await page.attributes('#findings .finding', 'data-cell');
    const codes = await page.attributes('#findings .finding', 'data-code');
    const cli = JSON.parse(bin(['check', file, '--format', 'json']).stdout) as { findings: { code: string; cell?: string }[] };
    expect(cells.map((cell, i) => [cell ?? '', codes[i] ?? ''])).toEqual(cli.findings.map((f) => [f.cell ?? '', f.code]));
    expect(await page.count('#findings details.explain blockquote')).toBeGreaterThan(0);
    await page.screenshot(join(SHOTS, 'department.png'));
    // English on request, from the file as from the pane.
    await page.clickAndReload('#language');
    expect(await page.text('#tab-department')).toBe('Check my sheet');
    await page.pick('#sheet-file', [file]);
    await page.waitFor('#findings .finding');
    expect(await page.text('#findings')).toMatch(/is not a number/);
    await closed(page);
  });

  test.runIf(browserDriver.tool.run)('a browser that cannot run the page’s script is told it is too old, at once, instead of 正在打开', async () => {
    // As an old browser sees the page: its script does not parse (the policy still allows it, by its new hash).
    const html = readFileSync(PAGE, 'utf8');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
    const broken = 'class { static { } }';
    const hash = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
    const old = html.replace(hash(scripts[1] as string), hash(broken)).replace(`<script>${scripts[1]}</script>`, () => `<script>${broken}</script>`);
    const file = join(work, `too-old-${browserDriver.name}.html`);
    writeFileSync(file, old);
    const page = await browser.newPage({ width: 900, height: 400 });
    await page.goto(pathToFileURL(file).href);
    await page.waitFor('#too-old:not([hidden])');
    expect(await page.text('#too-old')).toContain('这个浏览器版本过旧');
    expect(await page.count('#loading[hidden]')).toBe(1);
    await page.screenshot(join(SHOTS, 'too-old.png'));
    await page.close();
    // The page itself never says so.
    const fine = await open();
    expect(await fine.count('#too-old:not([hidden])')).toBe(0);
    await closed(fine);
  });

  test.runIf(browserDriver.tool.run && poppler.run)('the department’s list prints on A4: the findings only, under the plan and the file, each row on one page', async () => {
    const page = await open();
    const file = join(demo, 'filled', '2021-Q2-区科委.xlsx');
    expect(await page.attributes('#print', 'disabled')).toEqual(['']);
    await page.pick('#sheet-file', [file]);
    await page.waitFor('#findings .finding');
    expect(await page.attributes('#print', 'disabled')).toEqual([null]);
    const pdf = join(SHOTS, 'department-print.pdf');
    await page.pdf(pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
    expect(pages).toBeGreaterThan(0);
    run(PDFTOPPM, ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, join(SHOTS, 'department-print')]);
    // Firefox's PDFs draw CJK right but map many of its glyphs to other characters in their text layer (工 as the
    // radical ⼯), so what is printed is read from Chromium's; Firefox's first page is kept as a picture.
    if (browserDriver.name === 'Firefox') return closed(page);
    const text = (n: number) => run(PDFTOTEXT, ['-f', String(n), '-l', String(n), pdf, '-']).replace(/\s+/g, '');
    const printed = Array.from({ length: pages }, (_, i) => text(i + 1));
    const all = printed.join('');
    const zh = paneWording('zh-CN');
    // What is for the screen is not on paper: the tabs, the buttons, the picker, the intro.
    for (const screenOnly of [zh.tabs.coordinator, zh.page.print, zh.page.pick, zh.page.intro.slice(0, 12)]) expect(all).not.toContain(screenOnly.replace(/\s+/g, ''));
    expect(all).toContain('《杨浦区新型基础设施建设2020年工作进展和2021年工作计划》');
    expect(all).toContain('2021-Q2-区科委.xlsx');
    // Each finding, with what to do, on the same page as its row's heading.
    const cli = JSON.parse(bin(['check', file, '--format', 'json']).stdout) as { findings: { code: string; message: string; row?: number }[] };
    expect(cli.findings.length).toBeGreaterThan(0);
    for (const f of cli.findings) {
      const on = printed.findIndex((t) => t.includes(f.message.replace(/\s+/g, '')));
      expect(on, f.message).toBeGreaterThanOrEqual(0);
      if (f.row !== undefined) expect(printed[on], f.message).toContain(`第${f.row}行`);
      const fix = zh.department.fix[f.code as keyof typeof zh.department.fix];
      if (fix) expect(printed[on]).toContain(fix.replace(/\s+/g, ''));
    }
    await closed(page);
  });

  test.runIf(browserDriver.tool.run)('the coordinator: 区科委’s 2021-Q2 sheet downloaded from the page is the one `template` writes (generation time aside)', async () => {
    const page = await open();
    await page.click('#tab-coordinator');
    await choosePlan(page, join(ROOT, 'seeds/yangpu-2021-13.txt'), '2021-Q2', ['区科委']);
    const fromPage = join(work, `from-page-${browserDriver.name}.xlsx`);
    expect(await page.download('#fill-download', fromPage)).toBe('2021-Q2-区科委.xlsx');
    const out = join(work, 'from-cli');
    expect(bin(['template', '--department', '区科委', '--period', '2021-Q2', '--out', out]).code).toBe(0);
    // Every part the same, once the generation time (in the header and the metadata) is taken out.
    const parts = (f: string) => Object.fromEntries(Object.entries(unzipSync(new Uint8Array(readFileSync(f)))).map(([name, data]) => [name, strFromU8(data).replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?/g, 'TIME')]));
    expect(parts(fromPage)).toEqual(parts(join(out, '2021-Q2-区科委.xlsx')));
    // A template the coordinator picks fills the same way, and the sheet says it came from it.
    await page.pick('#template-file', [join(ROOT, 'templates/progress-report.xlsx')]);
    const fromOwn = join(work, `from-own-template-${browserDriver.name}.xlsx`);
    await page.download('#fill-download', fromOwn);
    expect(readMetas(openWorkbook(new Uint8Array(readFileSync(fromOwn))))[0]?.templateVersion).toBe('custom:progress-report.xlsx');
    expect(await page.count('#template-notes li')).toBe(0);
    await closed(page);
  });

  test.runIf(browserDriver.tool.run)('the coordinator: a whole folder of returned sheets picked, or files dropped on the tab, read as `consolidate` reads the folder', async () => {
    // A folder as a mail client leaves it: the sheets, a Word note, an open sheet's ~$ lock file, a sub-folder.
    const folder = join(work, `folder-${browserDriver.name}`);
    mkdirSync(join(folder, '补报'), { recursive: true });
    const filled = readdirSync(join(demo, 'filled')).sort();
    for (const f of filled.slice(1)) writeFileSync(join(folder, f), readFileSync(join(demo, 'filled', f)));
    writeFileSync(join(folder, '补报', filled[0] as string), readFileSync(join(demo, 'filled', filled[0] as string)));
    writeFileSync(join(folder, '说明.docx'), 'not a sheet');
    writeFileSync(join(folder, `~$${filled[1]}`), 'lock');
    const cli = JSON.parse(bin(['consolidate', folder, join(folder, '补报'), '--json']).stdout) as { accounting: object };
    const page = await open();
    await page.click('#tab-coordinator');
    await choosePlan(page, join(ROOT, 'seeds/yangpu-2021-13.txt'), '2021-Q2');
    if (page.pickFolder) {
      await page.pickFolder('#returned-folder', folder);
      expect(await page.text('#returned-names')).toMatch(/\(16\)$/);
      await page.click('#consolidate');
      await page.waitFor('#ledger-result .accounting');
      expect(await page.text('#ledger-result .accounting')).toBe(wording().accounting(cli.accounting as never));
    }
    // Dropped on the tab: two sheets, and the Word note, which is left out as from a folder.
    await page.drop([join(demo, 'filled', filled[0] as string), join(demo, 'filled', filled[1] as string), join(folder, '说明.docx')]);
    await page.waitForText('#returned-names', new RegExp(filled[1] as string));
    expect(await page.text('#returned-names')).toBe(`${filled[0]}、${filled[1]}`);
    await page.click('#consolidate');
    await page.waitForText('#status', /已汇总 2 个文件/);
    // The department's tab, not shown, took nothing of it.
    await page.click('#tab-department');
    expect(await page.count('#findings > *')).toBe(0);
    await closed(page);
  });

  test.runIf(browserDriver.tool.run)(
    'the coordinator: the demo’s 16 returned sheets, a corrupt file, an .xls and an .ods consolidated as `consolidate --json` does; the ledger audited by the CLI',
    async () => {
      const returned = join(work, `returned-${browserDriver.name}`);
      mkdirSync(returned, { recursive: true });
      for (const f of readdirSync(join(demo, 'filled'))) writeFileSync(join(returned, f), readFileSync(join(demo, 'filled', f)));
      writeFileSync(join(returned, '2021-Q2-损坏.xlsx'), Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
      writeFileSync(join(returned, '2021-Q2-区教育局.xls'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(100).fill(0)]));
      writeFileSync(join(returned, '2021-Q2-区卫生健康委.ods'), zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') }));
      const files = readdirSync(returned).sort().map((f) => join(returned, f));
      const cli = JSON.parse(bin(['consolidate', returned, '--json']).stdout) as { accounting: object; rows: unknown[]; findings: { code: string; location: { file?: string } }[] };

      const page = await open();
      await page.click('#tab-coordinator');
      // No workbook here: nothing is said or offered of filling one.
      expect(await page.text('#coordinator .intro')).not.toContain('工作簿');
      expect(await page.count('#fill-here, #plan-from-workbook')).toBe(0);
      await choosePlan(page, join(ROOT, 'seeds/yangpu-2021-13.txt'), '2021-Q2');
      await page.pick('#returned-files', files);
      await page.click('#consolidate');
      await page.waitFor('#ledger-result .accounting');
      expect(await page.text('#ledger-result .accounting')).toBe(wording().accounting(cli.accounting as never));
      const codes = await page.attributes('.ledger-findings li', 'data-code');
      expect(codes.sort()).toEqual(cli.findings.map((f) => f.code).sort());
      // Each file that is not a progress sheet is named with its finding.
      const text = await page.text('.ledger-findings');
      for (const name of ['2021-Q2-损坏.xlsx', '2021-Q2-区教育局.xls', '2021-Q2-区卫生健康委.ods']) expect(text).toContain(name);
      await page.screenshot(join(SHOTS, 'coordinator.png'));

      const ledgerFile = join(work, `page-ledger-${browserDriver.name}.xlsx`);
      expect(await page.download('#ledger-download', ledgerFile)).toBe('ledger.xlsx');
      const ledger = ledgerFromXlsx(new Uint8Array(readFileSync(ledgerFile)), ledgerFile);
      // The same rows; files are named as each side knows them (the page has no folders).
      const named = (rows: unknown) => JSON.parse(JSON.stringify(rows).replaceAll(`${returned}/`, ''));
      expect(named(ledger?.rows)).toEqual(named(cli.rows));
      const cliLedger = join(work, `cli-ledger-${browserDriver.name}.xlsx`);
      expect(bin(['consolidate', returned, '--out', cliLedger]).code).toBe(1);
      const lights = (f: string) => /(绿 \d+、黄 \d+、红 \d+、灰 \d+)/.exec(bin(['audit', f, '--out', join(work, `audit-${f.length}-${browserDriver.name}`)]).stdout)?.[1];
      expect(lights(ledgerFile)).toBe(lights(cliLedger));
      // The audit's tables as CSV are those `audit` writes (files named as each side knows them); audit.xlsx holds them too.
      const auditDir = join(work, `cli-audit-${browserDriver.name}`);
      expect(bin(['audit', cliLedger, '--out', auditDir]).code).toBe(0);
      const zipFile = join(work, `tables-${browserDriver.name}.zip`);
      await page.download('#csv-download', zipFile);
      const csvs = unzipSync(new Uint8Array(readFileSync(zipFile)));
      for (const name of readdirSync(auditDir).filter((f) => f.endsWith('.csv'))) {
        expect(Buffer.from(csvs[name] as Uint8Array).toString('utf8'), name).toBe(readFileSync(join(auditDir, name), 'utf8').replaceAll(`${returned}/`, ''));
      }
      expect(await page.download('#audit-download', join(work, `audit-${browserDriver.name}.xlsx`))).toBe('audit.xlsx');

      // Last period's sheets picked too: the running figures below them are the findings `consolidate --previous` gives.
      const last = join(work, `last-${browserDriver.name}`);
      expect(bin(['demo-fill', '--period', '2021-Q2', '--out', last, '--mistakes', '0', '--seed', '6']).code).toBe(0);
      const lastFiles = readdirSync(last).sort().map((f) => join(last, f));
      const withPrevious = JSON.parse(bin(['consolidate', returned, '--json', '--previous', last]).stdout) as { findings: { code: string }[] };
      await page.pick('#previous-files', lastFiles);
      await page.click('#consolidate');
      const decreased = withPrevious.findings.filter((f) => f.code === 'entry-decreased').length;
      expect(decreased).toBeGreaterThan(0);
      await page.waitForText('#ledger-result h3', new RegExp(`${withPrevious.findings.length}`));
      expect((await page.attributes('.ledger-findings li', 'data-code')).sort()).toEqual(withPrevious.findings.map((f) => f.code).sort());

      // One department fewer: it is listed to chase, as consolidate's findings say.
      await page.pick('#returned-files', files.filter((f) => !f.endsWith('2021-Q2-区科委.xlsx')));
      await page.click('#consolidate');
      await page.waitForText('#missing', /区科委/);
      expect(await page.text('#missing')).toBe('区科委');
      await closed(page);
    },
    180_000,
  );
});
