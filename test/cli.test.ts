import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { codeTable, CODE_LIST, parseCsv, PlanRecordsSchema } from '../src/index.js';
import { bin, ROOT } from './helpers/cli.js';

describe('plan-ledger parse on the bundled seed', () => {
  test('--json prints every record as one JSON document', () => {
    const r = bin(['parse', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const records = PlanRecordsSchema.parse(JSON.parse(r.stdout));
    expect([records.sections.length, records.tasks.length, records.departments.length]).toEqual([12, 33, 16]);
    expect(records.tasks.find((t) => t.id === 't2.5.12')).toMatchObject({ path: [2, 5, 12], sectionId: 's2.5' });
    expect(records.targets.find((t) => t.raw === '400个')).toMatchObject({
      taskId: 't2.5.12',
      metric: '公共充电桩',
      value: 400,
      unit: '个',
      comparator: '=',
      basis: 'new',
      kind: 'target',
      year: 2021,
      deadline: '2021-12-31',
    });
  });

  test('--out writes a CSV per table and a workbook, and says where', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-ledger-out-'));
    const r = bin(['parse', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    expect(readdirSync(out).sort()).toEqual(
      ['departments.csv', 'document.csv', 'findings.csv', 'plan.xlsx', 'sections.csv', 'targets.csv', 'task-departments.csv', 'tasks.csv'].sort(),
    );

    const targetsCsv = readFileSync(join(out, 'targets.csv'), 'utf8');
    expect(targetsCsv.startsWith('\ufeff编号,任务编号,')).toBe(true);
    const rows = parseCsv(targetsCsv);
    const json = PlanRecordsSchema.parse(JSON.parse(bin(['parse', '--json']).stdout));
    expect(rows).toHaveLength(json.targets.length + 1);
    expect(rows.slice(1).map((row) => [row[0], row[3], Number(row[4]), row[5], row[6]])).toEqual(
      json.targets.map((t) => [t.id, t.metric, t.value, t.unit, t.comparator]),
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'plan.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['文件信息', '章节', '任务', '任务责任单位', '指标', '责任单位', '问题']);
    const sheet = workbook.getWorksheet('指标');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBeDefined();
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.rowCount).toBe(json.targets.length + 1);
    expect(sheet?.getColumn(4).width).toBe(30); // 指标 (metric)
    // Values are typed: numbers stay numbers; text that looks like a formula stays text.
    expect(sheet?.getRow(2).getCell(5).value).toBe(json.targets[0]?.value);
    expect(sheet?.getRow(2).getCell(7).value).toBe('=');
    expect(sheet?.getRow(2).getCell(7).formula).toBeUndefined();
  });

  test('without options it prints a summary', () => {
    const r = bin(['parse']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('《杨浦区新型基础设施建设2020年工作进展和2021年工作计划》(杨府〔2021〕13号):12 个章节、33 项任务、71 个指标、16 个责任单位、1 条提示\n');
  });
});

describe('help and codes', () => {
  test('--help documents every command, in zh-CN and en', () => {
    const zh = bin(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('plan-ledger parse [文件] [--json] [--out 目录]');
    const en = bin(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('plan-ledger parse [file] [--json] [--out DIR]');
  });

  test('codes lists every code', () => {
    const r = bin(['codes']);
    for (const code of CODE_LIST) expect(r.stdout).toContain(`\`${code}\``);
  });

  test('the README’s code table is the generated one (npm run docs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(codeTable());
  });
});
