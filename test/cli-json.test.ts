import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CODE_LIST, FindingSchema, message, wording, type Finding } from '../src/index.js';
import { bin } from './helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'plan-ledger-cli-json-'));
const filled = join(work, 'filled');

// A plan with a task without departments, a skipped number and a figure whose metric cannot be told.
const PLAN = `某区2022年工作计划
一、重点任务
1.建设数字底座。新增5G基站200个。(推进单位:区科委)
3.完善工作机制。
4.推进试点。完成15个。(推进单位:区科委)
`;

beforeAll(() => {
  expect(bin(['demo-fill', '--period', '2021-Q2', '--out', filled, '--mistakes', '0.3', '--seed', '2']).code).toBe(0);
});

/** A JSON finding as every JSON output writes it: its code, its parameters, and its sentence in the language asked for. */
function expectWorded(findings: readonly Record<string, unknown>[], locale: 'zh-CN' | 'en'): void {
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings) {
    expect(CODE_LIST).toContain(f['code']);
    expect(f['params']).toBeTypeOf('object');
    expect(f['message']).toBeTypeOf('string');
    const data = FindingSchema.parse({ location: {}, ...f }) as Finding;
    expect(f['message']).toBe(message(data, wording(locale)));
  }
}

describe('every finding in JSON outputs carries code, params and message', () => {
  test.each(['zh-CN', 'en'] as const)('parse --json (%s)', (locale) => {
    const plan = join(work, 'plan.txt');
    writeFileSync(plan, PLAN);
    const r = bin(['parse', plan, '--json', '--lang', locale]);
    expect(r.code).toBe(0);
    const records = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(records.findings.map((f) => f['code']).sort()).toEqual(['heading-number-skipped', 'target-metric-missing', 'task-no-departments']);
    expectWorded(records.findings, locale);
  });

  test.each(['zh-CN', 'en'] as const)('check --format json (%s)', (locale) => {
    const r = bin(['check', filled, '--format', 'json', '--lang', locale]);
    expect(r.code).toBe(1);
    expectWorded((JSON.parse(r.stdout) as { findings: Record<string, unknown>[] }).findings, locale);
  });

  test.each(['zh-CN', 'en'] as const)('consolidate --json (%s)', (locale) => {
    const r = bin(['consolidate', filled, '--json', '--lang', locale]);
    expect(r.code).toBe(1);
    expectWorded((JSON.parse(r.stdout) as { findings: Record<string, unknown>[] }).findings, locale);
  });
});
