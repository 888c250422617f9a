// What users print: the department sheet, ledger.xlsx and audit.xlsx through LibreOffice, report.html through
// Chromium, from the demo run `npm start` makes. The PDFs and the screenshot stay in test-output/print/ to look at.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { wording } from '../src/core/locales/index.js';
import { parsePeriod, type Period } from '../src/core/period.js';
import { CHROMIUM_DRIVER } from './helpers/browsers.js';
import { bin } from './helpers/cli.js';
import { seed } from './helpers/sheets.js';
import { chromium, libreOffice, PDFTOTEXT, poppler, run, SYSTEM_PYTHON } from './helpers/tools.js';

const OUTPUT = fileURLToPath(new URL('../test-output/print/', import.meta.url));
const PRINT_SCRIPT = fileURLToPath(new URL('./helpers/lo_print.py', import.meta.url));
const OFFICE_TIMEOUT = 240_000;

/** A cell LibreOffice cannot show whole: what its text needs and what its cell has (1/100 mm). */
interface Cut {
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
  readonly need: { readonly width: number; readonly height: number };
  readonly have: { readonly width: number; readonly height: number };
}
type Measured = Record<string, { readonly cells: number; readonly cut: readonly Cut[] }>;

const w = wording();
const title = seed.document.title;
const docNumber = seed.document.docNumber as string;
const period = w.periodName(parsePeriod('2021-Q2') as Period);

const OUTPUTS = [
  { description: 'a department sheet (区科委, 16 rows)', file: '2021-Q2-区科委.xlsx', from: ['filled', '2021-Q2-区科委.xlsx'], pages: 1 },
  { description: 'ledger.xlsx', file: 'ledger.xlsx', from: ['ledger.xlsx'], pages: 10, notes: '台账 (3 pages), 填报明细, 问题清单, 催报, 报送记录 (2 pages: a SHA-256 wraps), 核算' },
  { description: 'audit.xlsx', file: 'audit.xlsx', from: ['audit', 'audit.xlsx'], pages: 5, notes: '汇总 by department and by section, 明细 (2 pages), 问题清单' },
];

/** Each page's text, as poppler reads the PDF, with every space and line break taken out (wrapped cells break lines). */
function pageTexts(pdf: string): string[] {
  const pages = run(PDFTOTEXT, [pdf, '-']).split('\f');
  return pages.slice(0, -1).map((p) => p.replace(/\s+/g, ''));
}

/** Words of the code a zh-CN reader must not meet: finding codes (entry-not-a-number) and the values behind worded ones. */
const INTERNAL = /\b[a-z]+(?:-[a-z]+)+\b|\b(?:same|sum|lead|responsible|support|green|yellow|red|grey|met|missed|disputed|done|milestone|quantity|ceiling|growth|level|target|task)\b/g;

const work = mkdtempSync(join(tmpdir(), 'plan-ledger-print-'));
beforeAll(() => {
  expect(bin(['demo', '--out', work]).code).toBe(0);
}, OFFICE_TIMEOUT);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test.each(OUTPUTS)('$description: no internal word in a cell a user sees', async ({ from }) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(work, ...from));
  const found: string[] = [];
  for (const sheet of workbook.worksheets.filter((s) => s.state === 'visible')) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (sheet.getColumn(cell.col).hidden || typeof cell.value !== 'string') return;
        for (const m of cell.value.matchAll(INTERNAL)) found.push(`${sheet.name}!${cell.address} ${m[0]}`);
      }),
    );
  }
  expect(found).toEqual([]);
});

describe.runIf(libreOffice.run && poppler.run)('printed outputs (LibreOffice, poppler)', () => {
  let measured: Measured = {};

  beforeAll(() => {
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    for (const o of OUTPUTS) copyFileSync(join(work, ...o.from), join(OUTPUT, o.file));
    // One LibreOffice for all three: each printed to PDF, then every cell measured.
    measured = JSON.parse(run(SYSTEM_PYTHON, [PRINT_SCRIPT, OUTPUT, ...OUTPUTS.map((o) => join(OUTPUT, o.file))], OFFICE_TIMEOUT)) as Measured;
  }, OFFICE_TIMEOUT);

  test.each(OUTPUTS)('$description: every printed page carries the plan, its 文号 and the period', ({ file, pages }) => {
    const texts = pageTexts(join(OUTPUT, file.replace(/\.xlsx$/, '.pdf')));
    expect(texts).toHaveLength(pages);
    const missing = texts.flatMap((text, i) => [title, docNumber, period].filter((s) => !text.includes(s.replace(/\s+/g, ''))).map((s) => `page ${i + 1}: ${s}`));
    expect(missing).toEqual([]);
  });

  test.each(OUTPUTS)('$description: no cell’s text is cut, as LibreOffice lays it out', ({ file }) => {
    const result = measured[file];
    expect(result?.cells).toBeGreaterThan(20);
    expect(result?.cut.map((c) => `${c.sheet}!${c.cell} ${c.text}`)).toEqual([]);
  });
});

describe.runIf(chromium.run)('report.html in Chromium', () => {
  test('the charts have a legend and the thresholds, no label is cut, no internal word shows; a screenshot is kept', async () => {
    const browser = await CHROMIUM_DRIVER.launch();
    try {
      const page = await browser.newPage({ width: 1280, height: 900 });
      await page.goto(pathToFileURL(join(work, 'audit', 'report.html')).href);
      // Every text of every chart inside its viewBox.
      const outside = await page.evaluate(`[...document.querySelectorAll('svg.chart')].flatMap((svg) => {
        const box = svg.viewBox.baseVal;
        return [...svg.querySelectorAll('text')].filter((t) => {
          const b = t.getBBox();
          return b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 || b.y + b.height > box.y + box.height + 0.5;
        }).map((t) => t.textContent);
      })`);
      expect(outside).toEqual([]);
      expect(await page.count('svg.chart g.group')).toBeGreaterThan(10);
      expect(await page.attributes('#legend .key', 'data-light')).toEqual(['green', 'yellow', 'red', 'grey']);
      expect(await page.text('#thresholds')).toContain('10 个百分点起为黄、30 个百分点起为红');
      expect(String(await page.evaluate('document.body.innerText')).replaceAll('plan-ledger', '').match(INTERNAL)).toBeNull();
      mkdirSync(OUTPUT, { recursive: true });
      await page.screenshot(join(OUTPUT, 'report.png'));
      await page.close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
