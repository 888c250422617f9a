import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { check, makeSheet, pairs, seed } from './helpers/sheets.js';
import { libreOffice, PDFTOPPM, run, SOFFICE, SYSTEM_PYTHON } from './helpers/tools.js';

const TYPE_SCRIPT = fileURLToPath(new URL('./helpers/lo_type.py', import.meta.url));
/** Pictures and files kept for people to look at (not committed). */
const OUTPUT = fileURLToPath(new URL('../test-output/libreoffice/', import.meta.url));
const OFFICE_TIMEOUT = 180_000;

function attributes(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] as string, m[2] as string]));
}

test('LibreOffice is installed (Debian libreoffice-calc-nogui, python3-uno, poppler-utils)', (ctx) => {
  if (!libreOffice.run) ctx.skip(libreOffice.reason);
  expect(libreOffice.available, `${SOFFICE}, ${PDFTOPPM} and ${SYSTEM_PYTHON} with uno are needed; .ci/run installs them`).toBe(true);
});

// In CI these run whether or not LibreOffice is there, and fail when it is missing; elsewhere they are skipped without it.
describe.runIf(libreOffice.run)('LibreOffice as a second spreadsheet application', () => {
  test(
    'entries typed through LibreOffice and saved as .xlsx read back exactly; validations, protection and formats survive',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'plan-ledger-lo-'));
      const generated = join(work, '2021-Q2-区科委.xlsx');
      const saved = join(work, 'saved-by-libreoffice.xlsx');
      writeFileSync(generated, await makeSheet(seed, '区科委', '2021-Q2'));
      // Rows: 6 5G综合杆基站 176个, 7 宽带 4.4万户 (typed in 万户, as the plan writes it), 15 公共充电桩 400个, 5 a qualitative task.
      const cells = {
        K6: 100,
        M6: '推进中',
        N6: '已建成 100 个,“双千兆”同步推进',
        K7: 4.4,
        M7: '已完成',
        O7: '市实事项目验收单',
        K15: 180,
        M15: '推进中',
        M5: '已完成',
        O5: '规划文本(送审稿)',
      };
      const edits = join(work, 'edits.json');
      writeFileSync(edits, JSON.stringify({ sheet: '推进情况', cells }));
      run(SYSTEM_PYTHON, [TYPE_SCRIPT, generated, saved, edits], OFFICE_TIMEOUT);

      const bytes = new Uint8Array(readFileSync(saved));
      const report = await check({ 'saved-by-libreoffice.xlsx': bytes }, seed);
      const typed = report.entries.filter((e) => e.actual !== null || e.status !== null);
      expect(typed.map((e) => [e.row, e.actual, e.status, e.note, e.evidence])).toEqual([
        [5, null, 'done', '', '规划文本(送审稿)'],
        [6, 100, 'in-progress', '已建成 100 个,“双千兆”同步推进', ''],
        [7, 44000, 'done', '', '市实事项目验收单'],
        [15, 180, 'in-progress', '', ''],
      ]);
      expect(report.entries).toHaveLength(16);
      expect(pairs(report)).toEqual([['K15', 'entry-behind-schedule']]);

      const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] as Uint8Array);
      // Attribute order differs between writers, so each element is read as a set of attributes.
      const elements = (tag: string) => [...xml.matchAll(new RegExp(`<${tag} ([^>]*)>`, 'g'))].map((m) => attributes(m[1] as string));
      const validations = elements('dataValidation');
      const covers = (v: Record<string, string>, cell: string) => (v['sqref'] ?? '').split(' ').includes(cell);
      expect(elements('sheetProtection').map((p) => p['sheet'])).toEqual([expect.stringMatching(/^(1|true)$/)]);
      expect(validations.filter((v) => covers(v, 'K15')).map((v) => v['type'])).toEqual(['whole']);
      expect(validations.filter((v) => covers(v, 'M15')).map((v) => v['type'])).toEqual(['list']);
      expect(elements('conditionalFormatting').map((c) => c['sqref'])).toContain('K15');
      // LibreOffice computed the 完成率 formula: 180 / 400.
      expect(/<c r="L15"[^>]*><f[^>]*>[^<]*<\/f><v>([^<]*)<\/v>/.exec(xml)?.[1]).toBe('0.45');
    },
    OFFICE_TIMEOUT,
  );

  test(
    'a generated sheet converts to PDF; page 1 is kept as a PNG for people to look at',
    async () => {
      mkdirSync(OUTPUT, { recursive: true });
      const sheet = join(OUTPUT, '2021-Q2-区科委.xlsx');
      writeFileSync(sheet, await makeSheet(seed, '区科委', '2021-Q2'));
      const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
      run(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', OUTPUT, sheet], OFFICE_TIMEOUT);
      const pdf = join(OUTPUT, '2021-Q2-区科委.pdf');
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      run(PDFTOPPM, ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(OUTPUT, 'page-1')]);
      const png = join(OUTPUT, 'page-1.png');
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
      expect(statSync(png).size).toBeGreaterThan(10_000);
    },
    OFFICE_TIMEOUT,
  );
});
