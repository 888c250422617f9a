import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { LedgerSchema } from '../src/core/ledger.js';
import { parseCsv } from '../src/report/csv.js';
import { bin } from './helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'plan-ledger-cli-ledger-'));
const filled = join(work, 'filled');

beforeAll(() => {
  const r = bin(['demo-fill', '--period', '2021-Q2', '--out', filled, '--mistakes', '0.2', '--seed', '5']);
  expect(r.code).toBe(0);
});

describe('plan-ledger consolidate, audit and demo', () => {
  test('consolidate --json: the ledger on stdout, the accounting line and the plan the sheets carry on stderr, exit 1 with error findings', () => {
    const r = bin(['consolidate', filled, '--json']);
    expect(r.code).toBe(1);
    const ledger = LedgerSchema.parse(JSON.parse(r.stdout));
    expect(ledger.accounting.rowsRead).toBe(ledger.accounting.rowsMerged + ledger.accounting.rowsRejected);
    expect(r.stderr).toMatch(/^16 个文件,采用 16 份推进情况表,跳过 0 个;读取 \d+ 行 = 汇入 \d+ 行 \+ 因问题未汇入 \d+ 行;\d+ 条问题\n核对依据:推进情况表所附的计划《杨浦区[^\n]+》\(杨府〔2021〕13号\)\n$/);
  });

  test('PLAN_LEDGER_WORKERS=2 reads in worker threads and gives the same ledger', () => {
    const here = bin(['consolidate', filled, '--json']);
    const workers = bin(['consolidate', filled, '--json'], { env: { PLAN_LEDGER_WORKERS: '2' } });
    expect(workers.code).toBe(here.code);
    expect(workers.stdout).toBe(here.stdout);
  });

  test('--previous: last period’s sheets or ledger; running figures below them are the findings check gives, in this thread or in workers', () => {
    // Another run of the same sheets stands for last period: about half its running figures are higher.
    const last = join(work, 'last');
    expect(bin(['demo-fill', '--period', '2021-Q2', '--out', last, '--mistakes', '0', '--seed', '6']).code).toBe(0);
    const lastLedger = join(work, 'last-ledger.xlsx');
    expect(bin(['consolidate', last, '--out', lastLedger]).code).toBe(0);
    const decreased = (stdout: string) =>
      (JSON.parse(stdout) as { findings: { code: string; location: { file?: string; cell?: string } }[] }).findings.filter((f) => f.code === 'entry-decreased').map((f) => `${f.location.file}!${f.location.cell}`).sort();
    const checked = (JSON.parse(bin(['check', filled, '--previous', last, '--format', 'json']).stdout) as { findings: { code: string; file: string; cell?: string }[] }).findings
      .filter((f) => f.code === 'entry-decreased')
      .map((f) => `${f.file}!${f.cell}`)
      .sort();
    expect(checked.length).toBeGreaterThan(0);
    expect(decreased(bin(['consolidate', filled, '--previous', last, '--json']).stdout)).toEqual(checked);
    expect(decreased(bin(['consolidate', filled, '--json', '--previous', lastLedger]).stdout)).toEqual(checked);
    expect(decreased(bin(['consolidate', filled, '--previous', last, '--json'], { env: { PLAN_LEDGER_WORKERS: '2' } }).stdout)).toEqual(checked);
    expect(decreased(bin(['consolidate', filled, '--json']).stdout)).toEqual([]);
    // A file of which nothing could be read is said, and the run goes on.
    const broken = join(work, 'broken-last.xlsx');
    writeFileSync(broken, 'not a workbook');
    const r = bin(['consolidate', filled, '--previous', broken, '--json']);
    expect(r.code).toBe(1);
    const notRead = (JSON.parse(r.stdout) as { findings: { code: string; message: string }[] }).findings.filter((f) => f.code === 'previous-not-read');
    expect(notRead.map((f) => f.message)).toEqual([`上期报表 ${broken} 未能读取(不是 xlsx 文件),累计数是否比上期少没有按它检查`]);
  });

  test('a policy file (CSV) and a rules file (JSON) are read; audit writes XLSX, CSV and HTML', () => {
    const policy = join(work, 'policy.csv');
    writeFileSync(policy, 'targetId,policy\nt2.5.12-1,sum\n');
    const ledger = join(work, 'ledger.xlsx');
    expect([0, 1]).toContain(bin(['consolidate', filled, '--policy', policy, '--out', ledger]).code);
    const rules = join(work, 'rules.json');
    writeFileSync(rules, JSON.stringify({ behind: { yellowFrom: 5 } }));
    const out = join(work, 'audit');
    const r = bin(['audit', ledger, '--rules', rules, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`审计报告:${join(out, 'report.html')}`);
    for (const f of ['audit.xlsx', 'summary-departments.csv', 'summary-sections.csv', 'details.csv', 'findings.csv', 'report.html']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toMatch(/<(link|script) [^>]*(src|href)=/);
  });

  test.each([
    { notes: 'unknown target in a policy', file: 'bad-policy.json', content: '{"t9.9.9-1": "sum"}', args: (f: string) => ['consolidate', filled, '--policy', f, '--out', join(work, 'x.xlsx')], code: 'policy-invalid' },
    { notes: 'unknown policy', file: 'bad-policy2.json', content: '{"t2.5.12-1": "average"}', args: (f: string) => ['consolidate', filled, '--policy', f, '--out', join(work, 'x.xlsx')], code: 'policy-invalid' },
    { notes: 'policy JSON that does not parse', file: 'bad-policy3.json', content: '{"t2.5.12-1": ', args: (f: string) => ['consolidate', filled, '--policy', f, '--out', join(work, 'x.xlsx')], code: 'policy-invalid' },
    { notes: 'rules that are not an object', file: 'null-rules.json', content: 'null', args: (f: string) => ['audit', filled, '--rules', f, '--out', join(work, 'y')], code: 'rules-invalid' },
    { notes: 'rules JSON that does not parse', file: 'broken-rules.json', content: '{"behind": ', args: (f: string) => ['audit', filled, '--rules', f, '--out', join(work, 'y')], code: 'rules-invalid' },
    { notes: 'a group with no members', file: 'bad-groups.json', content: '{"各街道": []}', args: (f: string) => ['consolidate', filled, '--groups', f, '--out', join(work, 'x.xlsx')], code: 'groups-invalid' },
    { notes: 'a groups file that does not parse', file: 'broken-groups.json', content: '{"各街道": ', args: (f: string) => ['audit', filled, '--groups', f, '--out', join(work, 'y')], code: 'groups-invalid' },
    { notes: 'rules out of order', file: 'bad-rules.json', content: '{"behind": {"yellowFrom": 40, "redFrom": 20}}', args: (f: string) => ['audit', filled, '--rules', f, '--out', join(work, 'y')], code: 'rules-invalid' },
  ])('$notes: exit 2 with $code, nothing written', ({ file, content, args, code }) => {
    const path = join(work, file);
    writeFileSync(path, content);
    const r = bin(args(path));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^plan-ledger: \\[${code}\\] [^\\n]+\\n$`));
    expect(existsSync(join(work, 'x.xlsx'))).toBe(false);
    expect(existsSync(join(work, 'y'))).toBe(false);
  });

  /** A ledger workbook whose hidden ledger is changed, as an older or a later version would have written it. */
  async function rewrittenLedger(name: string, change: (ledger: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
    const ledger = join(work, name);
    expect(bin(['consolidate', filled, '--out', ledger]).code).toBe(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(ledger);
    const hidden = workbook.worksheets.find((s) => s.state === 'veryHidden') as ExcelJS.Worksheet;
    let json = '';
    for (let row = 2; row <= hidden.rowCount; row++) json += String(hidden.getCell(`A${row}`).value ?? '');
    hidden.getCell('A2').value = JSON.stringify(change(JSON.parse(json) as Record<string, unknown>));
    for (let row = 3; row <= hidden.rowCount; row++) hidden.getCell(`A${row}`).value = null;
    await workbook.xlsx.writeFile(ledger);
    return ledger;
  }

  test('a ledger of format 1 (findings worded when written) is audited, its findings as they were written', async () => {
    const ledger = await rewrittenLedger('format-1.xlsx', (l) => ({
      ...l,
      formatVersion: 1,
      findings: (l['findings'] as Record<string, unknown>[]).map(({ params: _, ...f }) => ({ ...f, message: `旧句子 ${String(f['code'])}` })),
    }));
    const out = join(work, 'format-1-audit');
    expect(bin(['audit', ledger, '--out', out]).code).toBe(0);
    const [header = [], ...rows] = parseCsv(readFileSync(join(out, 'findings.csv'), 'utf8'));
    const [message, code] = [header.indexOf('说明'), header.indexOf('问题代码')];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[message])).toEqual(rows.map((r) => `旧句子 ${r[code]}`));
  });

  test('a ledger sheet that does not fit (a later format) is refused with one line saying to consolidate again', async () => {
    const ledger = await rewrittenLedger('format-3.xlsx', (l) => ({ ...l, formatVersion: 3 }));
    const out = join(work, 'format-3-audit');
    const r = bin(['audit', ledger, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`plan-ledger: [ledger-invalid] ${ledger} 中的台账已损坏或由更新的版本生成,请重新运行 plan-ledger consolidate\n`);
    expect(existsSync(out)).toBe(false);
  });

  test('demo (npm start) runs the whole job and says where everything is', () => {
    const out = join(work, 'demo');
    const r = bin(['demo', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(6);
    expect(r.stdout).toContain(join(out, 'audit', 'report.html'));
    // The offline page (the suite builds it, as npm start does), copied beside the outputs.
    expect(r.stdout).toContain(join(out, 'plan-ledger.html'));
    expect(readFileSync(join(out, 'plan-ledger.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(existsSync(join(out, 'audit', 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'sheets', '2021-Q1-区科委.xlsx'))).toBe(true);
  });
});
