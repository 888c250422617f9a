import { describe, expect, test } from 'vitest';
import { auditLedger } from '../src/core/audit.js';
import { LedgerSchema, type Ledger } from '../src/core/ledger.js';
import { wording } from '../src/core/locales/index.js';
import { escapeHtml, renderHtml } from '../src/report/html.js';

const hostile = '<script>alert("x")</script>&"\'';

const ledger: Ledger = LedgerSchema.parse({
  format: 'plan-ledger/ledger',
  formatVersion: 2,
  planId: 'plan-1',
  planTitle: `计划${hostile}`,
  docNumber: null,
  period: '2021-Q2',
  sections: [{ id: 's1', title: `章节${hostile}` }],
  rows: [
    {
      id: 't1.1-1', kind: 'target', targetId: 't1.1-1', taskId: 't1.1', sectionId: 's1', path: '1.1', taskTitle: `任务${hostile}`, metric: `指标${hostile}`,
      value: 10, unit: '个', comparator: '=', basis: 'new', year: 2021, deadline: '2021-12-31', policy: 'same',
      departments: [{ name: `单位${hostile}`, role: 'responsible' }],
      reports: [{ department: `单位${hostile}`, role: 'responsible', actual: 3, status: 'in-progress', note: hostile, evidence: hostile, file: `${hostile}.xlsx`, cell: 'K5' }],
      figure: 3, status: 'in-progress', evidence: hostile, disputed: false,
    },
  ],
  findings: [{ code: 'entry-outlier', severity: 'warning', params: { cell: hostile, value: 50, target: 3, factor: 10 }, location: { file: hostile, cell: 'K5' } }],
  accounting: { files: 1, sheetsAccepted: 1, filesSkipped: 0, rowsRead: 1, rowsMerged: 1, rowsRejected: 0 },
});

describe('the HTML report', () => {
  const html = renderHtml(auditLedger(ledger), '2021-07-05 09:00', wording());

  test('escapes every text that comes from plans and sheets', () => {
    // The only script element is the report's own.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('alert("x")');
    expect(html).toContain(escapeHtml(hostile));
  });

  test('is self-contained: no external stylesheet, script, image or font', () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/url\(|@import/);
  });

  test('is in Chinese by default', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('按单位');
  });
});
