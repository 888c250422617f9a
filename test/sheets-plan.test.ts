// Sheets know their plan: check, consolidate and audit judge returned sheets against the plan the sheets carry,
// --plan only to judge against another version, the bundled seed only when nothing else is given.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { LedgerSchema, parsePlan } from '../src/index.js';
import { planFor } from '../src/io/plan-file.js';
import { PLAN_SHEET } from '../src/sheets/metadata.js';
import { plansOfSheets } from '../src/sheets/sheets-plan.js';
import { cli } from './helpers/cli.js';
import { makeSheet } from './helpers/sheets.js';

const DISTRICT = new URL('./fixtures/district-2022.txt', import.meta.url).pathname;
const district = parsePlan(readFileSync(DISTRICT, 'utf8'), { file: DISTRICT });
// The same plan revised: one figure changed (200 → 220 stations), which makes it another version.
const revised = parsePlan(readFileSync(DISTRICT, 'utf8').replace('新建5G基站200个', '新建5G基站220个'), { file: DISTRICT });

/** A sheet as workbooks made before sheets carried the whole plan: the plan sheet gone from the package. */
function withoutPlanSheet(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const workbook = strFromU8(parts['xl/workbook.xml'] as Uint8Array);
  const element = new RegExp(`<sheet [^>]*name="${PLAN_SHEET}"[^>]*/>`).exec(workbook)?.[0];
  if (!element) throw new Error('no plan sheet');
  parts['xl/workbook.xml'] = strToU8(workbook.replace(element, ''));
  return zipSync(parts);
}

describe('the plan a workbook carries', () => {
  test('every sheet carries the whole plan, and the versions of several are told apart, most sheets first', async () => {
    const sources = [
      ...(await Promise.all(['区科委', '区建管委', '区发展改革委'].map(async (d) => ({ file: `${d}.xlsx`, bytes: await makeSheet(district, d, '2022-Q2') })))),
      { file: '区科委-新.xlsx', bytes: await makeSheet(revised, '区科委', '2022-Q2') },
      { file: 'notes.xlsx', bytes: new Uint8Array([1, 2, 3]) },
    ];
    const versions = await plansOfSheets(sources);
    expect(versions.map((v) => [v.planId, v.files, v.partial])).toEqual([
      [district.document.id, ['区科委.xlsx', '区建管委.xlsx', '区发展改革委.xlsx'], false],
      [revised.document.id, ['区科委-新.xlsx'], false],
    ]);
    const [first] = versions;
    expect(first?.records.tasks.map((t) => t.id)).toEqual(district.tasks.map((t) => t.id));
    expect(first?.records.targets).toEqual(district.targets);
    expect(first?.records.departments).toEqual(district.departments);
  });

  test('sheets made before the plan sheet give what their slices hold together, and say it is partial', async () => {
    const sources = await Promise.all(['区科委', '区建管委'].map(async (d) => ({ file: `${d}.xlsx`, bytes: withoutPlanSheet(await makeSheet(district, d, '2022-Q2')) })));
    const [version] = await plansOfSheets(sources);
    expect(version?.partial).toBe(true);
    const carried = new Set(district.tasks.filter((t) => t.departments.some((d) => d.name === '区科委' || d.name === '区建管委')).map((t) => t.id));
    expect(version?.records.tasks.map((t) => t.id)).toEqual(district.tasks.filter((t) => carried.has(t.id)).map((t) => t.id));
  });

  test.each([
    { notes: '--plan wins', plan: DISTRICT, sheets: [district], from: 'option', finding: [] },
    { notes: 'the sheets’ own plan', plan: undefined, sheets: [district, district], from: 'sheets', finding: [] },
    { notes: 'two versions: the one most sheets carry, and a finding naming the other', plan: undefined, sheets: [district, district, revised], from: 'sheets', finding: ['sheets-plan-versions'] },
  ] as const)('$notes', async ({ plan, sheets, from, finding }) => {
    const sources = await Promise.all(sheets.map(async (records, i) => ({ file: `s${i}.xlsx`, bytes: await makeSheet(records, '区科委', '2022-Q2') })));
    const resolved = await planFor(plan, sources);
    expect([resolved.from, resolved.records.document.id, resolved.findings.map((f) => f.code)]).toEqual([from, district.document.id, finding]);
  });

  test('a folder with no progress sheet in it falls back to the bundled seed', async () => {
    const resolved = await planFor(undefined, [{ file: 'x.xlsx', bytes: new Uint8Array([80, 75, 3, 4]) }]);
    expect([resolved.from, resolved.records.document.docNumber]).toEqual(['seed', '杨府〔2021〕13号']);
  });
});

describe('end to end: sheets of a plan that is not the seed, with no --plan', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-ledger-sheets-plan-'));
    const r = await cli('demo-fill', '--plan', DISTRICT, '--period', '2022-Q2', '--mistakes', '0', '--out', join(dir, 'filled'));
    expect(r.code).toBe(0);
  });

  test('check judges them against the plan they carry and says so', async () => {
    const r = await cli('check', join(dir, 'filled'));
    expect(r.stdout).toContain(`核对依据:推进情况表所附的计划《${district.document.title}》`);
    expect(r.stdout).not.toContain('template-unknown-plan');
    expect(r.code).toBe(0);
  });

  test('consolidate merges every sheet into a ledger of that plan', async () => {
    const r = await cli('consolidate', join(dir, 'filled'), '--json');
    const ledger = LedgerSchema.parse(JSON.parse(r.stdout));
    const files = readdirSync(join(dir, 'filled')).length;
    expect([ledger.planId, ledger.accounting.sheetsAccepted, ledger.accounting.filesSkipped]).toEqual([district.document.id, files, 0]);
    expect(ledger.findings.map((f) => f.code)).not.toContain('template-unknown-plan');
  });

  test('audit writes its report for that plan', async () => {
    const out = join(dir, 'audit');
    const r = await cli('audit', join(dir, 'filled'), '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(district.document.title);
  });

  test('a sheet of a revised plan among them is named, with the version each file belongs to, never dropped in silence', async () => {
    const mixed = join(dir, 'mixed');
    const r0 = await cli('demo-fill', '--plan', DISTRICT, '--period', '2022-Q2', '--mistakes', '0', '--out', mixed);
    expect(r0.code).toBe(0);
    writeFileSync(join(mixed, 'zz-区科委-修订.xlsx'), await makeSheet(revised, '区科委', '2022-Q2'));
    const r = await cli('consolidate', mixed, '--json');
    const ledger = LedgerSchema.parse(JSON.parse(r.stdout));
    expect(ledger.planId).toBe(district.document.id);
    const versions = ledger.findings.find((f) => f.code === 'sheets-plan-versions');
    expect(versions?.params).toMatchObject({ planId: revised.document.id, files: 1, examples: ['zz-区科委-修订.xlsx'], usedPlanId: district.document.id });
    expect(ledger.findings.filter((f) => f.code === 'consolidate-other-plan').map((f) => f.location.file)).toEqual([join(mixed, 'zz-区科委-修订.xlsx')]);
    expect(ledger.accounting).toMatchObject({ sheetsAccepted: 3, filesSkipped: 1 });
  });
});
