// Files that are not .xlsx are never skipped in silence: WPS's .et, old Excel's .xls, LibreOffice's .ods, Numbers and
// CSV each get a finding that says what the file is and how to make an .xlsx of it; .xlsm and .xltx are read; a run
// that reads no progress sheet never ends as if all were well.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { otherFormat } from '../src/sheets/format.js';
import { bin } from './helpers/cli.js';
import { makeSheet, seed } from './helpers/sheets.js';
import { libreOffice, run, SOFFICE } from './helpers/tools.js';

const work = mkdtempSync(join(tmpdir(), 'plan-ledger-formats-'));
const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
const ODS = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') });

/** Each kind of file as a clerk's office may save it, with the format the finding must name. */
const FILES: ReadonlyArray<readonly [string, Uint8Array, string]> = [
  ['2021-Q2-区科委.xls', OLE, 'xls'],
  ['2021-Q2-区建管委.et', OLE, 'et'],
  ['2021-Q2-区商务委.ods', ODS, 'ods'],
  ['2021-Q2-区教育局.numbers', zipSync({ 'Index/Document.iwa': new Uint8Array(8) }), 'numbers'],
  ['2021-Q2-区财政局.csv', strToU8('编号,完成值\nt2.2.2-1,96\n'), 'csv'],
  // A workbook saved as .xls but named .xlsx, as a renamed file often is: its bytes say what it is.
  ['2021-Q2-区应急局.xlsx', OLE, 'xls'],
];

interface Json {
  findings: { code: string; file?: string; params: { format?: string } }[];
  entries: { department: string }[];
}

describe('files that are not .xlsx', () => {
  const folder = join(work, 'returned');
  beforeAll(() => {
    mkdirSync(folder, { recursive: true });
    for (const [name, bytes] of FILES) writeFileSync(join(folder, name), bytes);
  });

  test.each(FILES.map(([name, bytes, format]) => ({ name, bytes, format })))('$name is told as $format by its bytes and name', ({ name, bytes, format }) => {
    expect(otherFormat(name, bytes)).toBe(format);
  });

  test('check on a folder holding only them: each file has its finding, saying how to fix it, and the exit code is 1', () => {
    const r = bin(['check', folder, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Json;
    expect(report.entries).toEqual([]);
    expect(report.findings.map((f) => [f.file?.split('/').pop(), f.code, f.params.format]).sort()).toEqual(FILES.map(([name, , format]) => [name, 'file-other-format', format]).sort());
    const text = bin(['check', folder]);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('未发现错误');
    expect(text.stdout).toContain('另存为');
  });

  test('consolidate on it stops with one line naming every file and its problem (exit 2), and writes nothing', () => {
    const out = join(work, 'ledger.xlsx');
    const r = bin(['consolidate', folder, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-ledger: \[usage\] 没有读到任何推进情况表:6 个文件都未能读取[^\n]*\n$/);
    for (const [name] of FILES) expect(r.stderr).toContain(name);
    expect(readdirSync(work)).not.toContain('ledger.xlsx');
  });

  test('consolidate with --period writes the ledger of nothing, every file a finding, and exits 1', () => {
    const r = bin(['consolidate', folder, '--period', '2021-Q2', '--json']);
    expect(r.code).toBe(1);
    const ledger = JSON.parse(r.stdout) as Json & { accounting: { files: number; sheetsAccepted: number } };
    expect(ledger.accounting).toMatchObject({ files: FILES.length, sheetsAccepted: 0 });
    expect(ledger.findings.filter((f) => f.code === 'file-other-format')).toHaveLength(FILES.length);
  });

  test('an empty folder: one line, exit 2, for check and consolidate', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    for (const args of [['check', empty], ['consolidate', empty, '--out', join(work, 'x.xlsx')]]) {
      const r = bin(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^plan-ledger: \[usage\] [^\n]*中没有表格文件[^\n]*\n$/);
    }
  });

  test('.xlsm and .xltx are OOXML and are read; beside them an .xls is named, not dropped', async () => {
    const mixed = join(work, 'mixed');
    mkdirSync(mixed, { recursive: true });
    writeFileSync(join(mixed, '2021-Q2-区科委.xlsm'), await makeSheet(seed, '区科委', '2021-Q2'));
    writeFileSync(join(mixed, '2021-Q2-区大数据中心.xltx'), await makeSheet(seed, '区大数据中心', '2021-Q2'));
    writeFileSync(join(mixed, '2021-Q2-区建管委.xls'), OLE);
    const report = JSON.parse(bin(['check', mixed, '--format', 'json']).stdout) as Json;
    expect(new Set(report.entries.map((e) => e.department))).toEqual(new Set(['区科委', '区大数据中心']));
    expect(report.findings.map((f) => [f.file?.split('/').pop(), f.code])).toEqual([['2021-Q2-区建管委.xls', 'file-other-format']]);
  });
});

// Real files, as LibreOffice saves a progress sheet in Excel 97-2003 and OpenDocument formats.
describe.runIf(libreOffice.run)('a progress sheet saved by LibreOffice as .xls and .ods', () => {
  test('each gets its finding from check', async () => {
    const dir = join(work, 'lo');
    mkdirSync(dir, { recursive: true });
    const source = join(dir, '2021-Q2-区科委.xlsx');
    writeFileSync(source, await makeSheet(seed, '区科委', '2021-Q2'));
    const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
    for (const filter of ['xls', 'ods']) run(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', filter, '--outdir', dir, source], 180_000);
    // The .et a WPS user sends is the same compound file as .xls.
    copyFileSync(join(dir, '2021-Q2-区科委.xls'), join(dir, '2021-Q2-区科委.et'));
    renameSync(source, join(work, 'source.xlsx'));
    const report = JSON.parse(bin(['check', dir, '--format', 'json']).stdout) as Json;
    expect(report.findings.map((f) => [f.file?.split('/').pop(), f.params.format]).sort()).toEqual([
      ['2021-Q2-区科委.et', 'et'],
      ['2021-Q2-区科委.ods', 'ods'],
      ['2021-Q2-区科委.xls', 'xls'],
    ]);
    expect(readFileSync(join(dir, '2021-Q2-区科委.ods')).subarray(0, 2).toString()).toBe('PK');
  }, 240_000);
});
