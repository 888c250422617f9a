import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { ReportSchema } from '../src/core/report.js';
import { openWorkbook, parseCsv, readMetas } from '../src/index.js';
import { strToU8 } from 'fflate';
import { bin } from './helpers/cli.js';
import { zip } from './helpers/zip.js';
import { edit } from './helpers/sheets.js';

const work = mkdtempSync(join(tmpdir(), 'plan-ledger-cli-sheets-'));
const sheets = join(work, 'sheets');
const kw = join(sheets, '2021-Q2-区科委.xlsx');

beforeAll(() => {
  const r = bin(['template', '--all', '--period', '2021-Q2', '--out', sheets]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('plan-ledger template', () => {
  test('--all writes one sheet per department carrying tasks in the period', () => {
    expect(readdirSync(sheets).sort()).toHaveLength(16);
    expect(readdirSync(sheets)).toContain('2021-Q2-区科委.xlsx');
    expect(readdirSync(sheets)).toContain('2021-Q2-区政府办公室.xlsx');
  });

  test('--groups: a group the plan names (各街道) reports through the members its file lists, each with a sheet', () => {
    const groups = join(work, 'groups.json');
    writeFileSync(groups, JSON.stringify({ 各街道: ['殷行街道', '五角场街道'] }));
    const out = join(work, 'grouped');
    const r = bin(['template', '--all', '--period', '2021-Q2', '--groups', groups, '--out', out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(18);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['2021-Q2-殷行街道.xlsx', '2021-Q2-五角场街道.xlsx']));
    expect(readdirSync(out)).not.toContain('2021-Q2-各街道.xlsx');
  });

  test('--department writes one', () => {
    const out = join(work, 'one');
    const r = bin(['template', '--department', '区教育局', '--period', '2021-H1', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已为 2021-H1 生成 1 份推进情况表');
    expect(readdirSync(out)).toEqual(['2021-H1-区教育局.xlsx']);
  });

  test('--previous: last period’s figures (from its sheets or its ledger) travel in each department’s new sheet', async () => {
    const filled = await edit(new Uint8Array(readFileSync(kw)), (sheet) => {
      sheet.getCell('K6').value = 96;
    });
    const q2 = join(work, 'q2-filled.xlsx');
    writeFileSync(q2, filled);
    const demo = join(work, 'demo-previous');
    expect(bin(['demo', '--out', demo]).code).toBe(0);
    for (const [name, previous, expected] of [
      ['from-sheet', q2, { 't2.2.2-1': 96 }],
      ['from-ledger', join(demo, 'ledger.xlsx'), { 't2.2.2-1': 96, 't2.5.12-1': 172 }],
    ] as const) {
      const out = join(work, name);
      const r = bin(['template', '--department', '区科委', '--period', '2021-Q3', '--previous', previous, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const meta = readMetas(openWorkbook(new Uint8Array(readFileSync(join(out, '2021-Q3-区科委.xlsx')))))[0];
      expect(meta?.previous).toMatchObject(expected);
    }
  });

  test.each([
    { args: ['template', '--department', '区外事办', '--period', '2021-Q2', '--out', 'x'], code: 'department-unknown' },
    { args: ['template', '--all', '--period', '2021-Q5', '--out', 'x'], code: 'period-invalid' },
    { args: ['template', '--all', '--out', 'x'], code: 'usage' },
    { args: ['template', '--all', '--department', '区科委', '--period', '2021', '--out', 'x'], code: 'usage' },
    { args: ['template', '--all', '--period', '2021', '--out', 'x', '--template', 'missing.xlsx'], code: 'file-not-found' },
  ])('$code: exit 2, one line, nothing written', ({ args, code }) => {
    const r = bin(args, { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^plan-ledger: \\[${code}\\] [^\\n]+\\n$`));
    expect(existsSync(join(work, 'x'))).toBe(false);
  });

  test('a template without a required placeholder is refused, naming it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表');
    ['{{task.title}}', '{{entry.actual}}', '{{entry.status}}'].forEach((v, i) => (sheet.getRow(2).getCell(i + 1).value = v));
    const template = join(work, 'no-evidence.xlsx');
    writeFileSync(template, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const r = bin(['template', '--all', '--period', '2021', '--template', template, '--out', join(work, 'y')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-ledger: [template-missing-placeholder] 模板 ${template} 缺少必需的占位符 {{entry.evidence}}\n`);
  });
});

describe('an unusable template is one line, exit code 2, nothing written, the template untouched', () => {
  const huge = () =>
    zip({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook><sheets/></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(300 << 20),
    });
  test.each([
    { notes: 'a text file named .xlsx', bytes: () => strToU8('填报说明'), expected: '无法打开' },
    { notes: 'a truncated template', bytes: () => readFileSync(kw).subarray(0, 3000), expected: '无法打开' },
    { notes: 'a generated sheet, not a template', bytes: () => readFileSync(kw), expected: '这是已生成的推进情况表,不是模板' },
    { notes: 'a zip bomb: 300 MB of one part, refused before it is inflated', bytes: huge, expected: '解压后超过 256 MB' },
  ])('$notes', ({ bytes, expected }) => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-template-'));
    const template = join(dir, 'template.xlsx');
    writeFileSync(template, bytes());
    const before = readFileSync(template);
    const r = bin(['template', '--all', '--period', '2021-Q2', '--template', template, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-ledger: \[template-invalid\] [^\n]+\n$/);
    expect(r.stderr).toContain(expected);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(readFileSync(template).equals(before)).toBe(true);
  });
});

describe('plan-ledger check', () => {
  test('a blank sheet: exit 0, no findings', () => {
    const r = bin(['check', kw]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('检查 1 个文件,读取 16 行:16 条填报,0 个错误,0 个警告');
  });

  test('a folder stands for its .xlsx files', () => {
    const r = bin(['check', sheets]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^检查 16 个文件,读取 59 行:59 条填报,0 个错误,0 个警告/);
  });

  test('errors: exit 1; json, csv and xlsx carry the same findings', async () => {
    const filled = join(work, 'filled.xlsx');
    writeFileSync(filled, await edit(new Uint8Array(readFileSync(kw)), (s) => {
      s.getCell('K15').value = 'abc';
      s.getCell('K6').value = '1.2万';
    }));
    const text = bin(['check', filled]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('entry-not-a-number');

    const json = bin(['check', filled, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: { cell: string; code: string }[] };
    expect(ReportSchema.shape.stats.parse((report as unknown as { stats: unknown }).stats)).toMatchObject({ files: 1, rows: 16, entries: 16, errors: 1, warnings: 2 });
    expect(report.findings.map((f) => [f.cell, f.code])).toEqual([
      ['K6', 'entry-unit-converted'],
      ['K6', 'entry-outlier'],
      ['K15', 'entry-not-a-number'],
    ]);

    const csv = bin(['check', filled, '--format', 'csv']);
    const rows = parseCsv(csv.stdout);
    // A reader's columns first, the problem's name before its sentence; the code for machines is the last.
    const header = rows[0] ?? [];
    expect(header.slice(0, 3)).toEqual(['级别', '问题', '说明']);
    expect(header.at(-1)).toBe('问题代码');
    const [cell, code] = [header.indexOf('单元格'), header.indexOf('问题代码')];
    expect(rows.slice(1).map((r) => [r[cell], r[code]])).toEqual(report.findings.map((f) => [f.cell, f.code]));

    const out = join(work, 'report.xlsx');
    const xlsx = bin(['check', filled, '--format', 'xlsx', '--out', out]);
    expect(xlsx.code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['填报数据', '问题清单']);
    expect(workbook.getWorksheet('问题清单')?.rowCount).toBe(4);
  });

  test('--previous: files after it are last period’s', async () => {
    const q1 = join(work, 'q1.xlsx');
    const q2 = join(work, 'q2.xlsx');
    const blankQ1 = bin(['template', '--department', '区科委', '--period', '2021-Q1', '--out', join(work, 'q1')]);
    expect(blankQ1.code).toBe(0);
    // 新增400个公共充电桩 is reported as a running figure within the year.
    writeFileSync(q1, await edit(new Uint8Array(readFileSync(join(work, 'q1', '2021-Q1-区科委.xlsx'))), (s) => (s.getCell('K15').value = 250)));
    writeFileSync(q2, await edit(new Uint8Array(readFileSync(kw)), (s) => (s.getCell('K15').value = 240)));
    const r = bin(['check', q2, '--previous', q1, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { cell: string; code: string }[] }).findings.map((f) => [f.cell, f.code])).toEqual([['K15', 'entry-decreased']]);
  });

  test.each([
    { args: ['check'], code: 'usage' },
    { args: ['check', 'missing.xlsx'], code: 'file-not-found' },
    { args: ['check', 'a.xlsx', '--format', 'pdf'], code: 'usage' },
  ])('$args.0 $args.1: exit 2 with $code', ({ args, code }) => {
    const r = bin(args, { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^plan-ledger: \\[${code}\\] `));
  });
});
