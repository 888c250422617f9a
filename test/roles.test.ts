import { describe, expect, test } from 'vitest';
import { accountable, auditLedger } from '../src/core/audit.js';
import { consolidate } from '../src/core/consolidate.js';
import type { Role } from '../src/core/department.js';
import { renderHtml } from '../src/report/html.js';
import { wording } from '../src/core/locales/index.js';
import { district } from './helpers/sheets.js';

const row = (...departments: [string, Role][]) => ({ departments: departments.map(([name, role]) => ({ name, role })) });

describe('who answers for a light', () => {
  test.each([
    { row: row(['区科委', 'lead'], ['区大数据中心', 'support']), expected: ['区科委'], notes: 'the lead, not the supporting unit' },
    { row: row(['区科委', 'responsible'], ['区商务委', 'responsible'], ['区财政局', 'support']), expected: ['区科委', '区商务委'], notes: 'every responsible unit where no lead is named' },
    { row: row(['区科委', 'lead'], ['区商务委', 'responsible']), expected: ['区科委'] },
    { row: row(['区科委', 'support'], ['区商务委', 'support']), expected: ['区科委', '区商务委'], notes: 'all support: each answers' },
  ])('$expected ($notes)', ({ row: r, expected }) => {
    expect(accountable(r)).toEqual(expected);
  });
});

describe('roll-ups per department separate what it leads from what it supports', async () => {
  // Nothing reported: every row is grey; a department's own rows and its supporting rows are counted apart.
  const ledger = await consolidate([], district, async () => [], { period: { label: '2022-Q2', kind: 'quarter', year: 2022, firstMonth: 4, lastMonth: 6, start: '2022-04-01', end: '2022-06-30' } });
  const audit = auditLedger(ledger);
  test('each row is counted once as its accountable units’ own, and as supported for the rest', () => {
    for (const r of audit.byDepartment) {
      const own = ledger.rows.filter((x) => accountable(x).includes(r.key)).length;
      const supported = ledger.rows.filter((x) => x.departments.some((d) => d.name === r.key) && !accountable(x).includes(r.key)).length;
      expect([r.total, r.supporting?.total]).toEqual([own, supported]);
    }
    // The plan names leads (牵头) and supporting units (配合).
    expect(audit.byDepartment.some((r) => (r.supporting?.total ?? 0) > 0)).toBe(true);
  });

  test('report.html lists who has not reported and the 红灯事项 at the top', () => {
    const html = renderHtml(audit, '2021-07-05 10:00', wording());
    expect(html.indexOf('id="chase"')).toBeLessThan(html.indexOf('id="by-department"'));
    expect(html).toContain('id="red-items"');
    expect(html).toMatch(/待催报 \d+ 个单位/);
  });
});
