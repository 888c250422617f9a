/// <reference types="office-js" />
// The auditor's flow, loaded when its tab is first opened: a ledger's verdicts and lights by department and by
// section, filterable, each row leading to the plan's sentence; the HTML report to download.
import { auditLedger, LIGHTS, type Audit, type Light, type RollUp } from '../core/audit.js';
import { PlanLedgerError } from '../core/error.js';
import { LedgerSchema, type Ledger } from '../core/ledger.js';
import { describeError } from '../core/locales/index.js';
import { renderHtml } from '../report/html.js';
import { sources } from '../report/tables.js';
import { readLedgerSheet } from '../sheets/ledger-book.js';
import { openWorkbook } from '../sheets/xlsx/reader.js';
import type { PaneEnv } from './department.js';
import { errorText } from './host.js';
import { filePicker, fill, h, readPicked } from './dom.js';
import { MirrorBook, queueCells } from './office-book.js';

const LEDGER_SHEET = '_plan_ledger_ledger';

export function auditorView(env: PaneEnv): HTMLElement {
  const { p, w } = env;
  const a = p.auditor;
  const input = h('input', { type: 'file', id: 'ledger-file', accept: '.xlsx,.json' });
  const fromWorkbook = h('button', { type: 'button', id: 'ledger-from-workbook' }, a.fromWorkbook);
  const out = h('div', { class: 'audit', id: 'audit' });
  let filter: Light | 'all' = 'all';

  const open = async (load: () => Promise<Ledger | undefined>) => {
    env.say(p.busy);
    try {
      const ledger = await load();
      if (!ledger) return env.say(a.notALedger, 'error');
      show(auditLedger(ledger));
      env.say('');
    } catch (error) {
      env.say(error instanceof PlanLedgerError ? describeError(error, w) : p.failed(errorText(error)), 'error');
    }
  };

  input.addEventListener('change', () =>
    void open(async () => {
      const [picked] = await readPicked(input);
      if (!picked) return undefined;
      if (picked.file.toLowerCase().endsWith('.json')) {
        const parsed = LedgerSchema.safeParse(JSON.parse(new TextDecoder().decode(picked.bytes)));
        return parsed.success ? parsed.data : undefined;
      }
      const stored = readLedgerSheet(openWorkbook(picked.bytes));
      return stored && 'ledger' in stored ? stored.ledger : undefined;
    }),
  );
  fromWorkbook.addEventListener('click', () =>
    void open(() =>
      Excel.run(async (context) => {
        const used = queueCells(context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET).getUsedRangeOrNullObject(true));
        await context.sync();
        const book = new MirrorBook([LEDGER_SHEET]);
        const block = used();
        if (block) book.mirror(LEDGER_SHEET).put(block);
        const stored = readLedgerSheet(book);
        return stored && 'ledger' in stored ? stored.ledger : undefined;
      }),
    ),
  );

  function show(audit: Audit): void {
    const { ledger } = audit;
    const judgements = new Map(audit.judgements.map((j) => [j.id, j]));
    const detail = h('div', { class: 'row-detail', id: 'row-detail' });
    const rows = h('tbody');
    const select = h(
      'select',
      { id: 'light-filter', onchange: () => ((filter = select.value as Light | 'all'), renderRows()) },
      h('option', { value: 'all' }, a.allLights),
      ...LIGHTS.map((l) => h('option', { value: l }, w.light[l])),
    );
    const renderRows = () =>
      fill(
        rows,
        ...ledger.rows
          .filter((r) => filter === 'all' || judgements.get(r.id)?.light === filter)
          .map((r) => {
            const j = judgements.get(r.id);
            return h(
              'tr',
              { class: 'ledger-row', 'data-id': r.id, 'data-light': j?.light ?? 'grey', onclick: () => explain(r.id) },
              h('td', {}, r.path),
              h('td', {}, r.metric || r.taskTitle),
              h('td', { class: 'num nowrap' }, r.figure === null ? '' : `${r.figure}${r.unit}`),
              h('td', { class: 'nowrap' }, h('span', { class: `light ${j?.light ?? 'grey'}` }, h('span', { class: 'dot' }), j ? w.verdict[j.verdict] : '')),
            );
          }),
      );
    const explain = (id: string) => {
      const r = ledger.rows.find((x) => x.id === id);
      const j = judgements.get(id);
      if (!r) return;
      fill(
        detail,
        h('h3', {}, `${r.path} ${r.taskTitle}`),
        h('blockquote', { class: 'sentence', title: a.source }, r.sentence ?? r.taskTitle),
        j ? h('p', {}, w.reason(j.reason)) : null,
        // Where each figure came from: the department's file (its name, not the coordinator's folders) and cell.
        h('p', { class: 'hint' }, sources(r)),
      );
    };
    renderRows();
    const reportButton = h('button', { type: 'button', id: 'audit-report', onclick: () => env.save(renderHtml(audit, new Date().toISOString().slice(0, 16).replace('T', ' '), w), 'report.html', 'text/html') }, a.reportDownload);
    fill(
      out,
      h('p', { class: 'plan-line' }, a.loaded(ledger.planTitle, ledger.period, ledger.rows.length)),
      h('ul', { class: 'lights', id: 'audit-totals' }, ...LIGHTS.map((l) => h('li', { class: `light ${l}`, 'data-light': l, 'data-count': audit.totals[l] }, h('span', { class: 'dot' }), `${w.light[l]} ${audit.totals[l]}`))),
      h('h3', {}, a.byDepartment),
      rollUpTable(audit.byDepartment, 'by-department'),
      h('h3', {}, a.bySection),
      rollUpTable(audit.bySection, 'by-section'),
      h('div', { class: 'field' }, h('label', {}, a.filter), select),
      h('table', { id: 'ledger-rows' }, h('thead', {}, h('tr', {}, ...a.columns.map((c) => h('th', {}, c)))), rows),
      detail,
      h('div', { class: 'actions' }, reportButton),
    );
  }

  function rollUpTable(roll: readonly RollUp[], id: string): HTMLElement {
    return h(
      'table',
      { id },
      h('thead', {}, h('tr', {}, h('th', {}, ''), ...LIGHTS.map((l) => h('th', { class: 'num' }, w.light[l])))),
      h('tbody', {}, ...roll.map((r) => h('tr', { 'data-key': r.key }, h('td', {}, r.label), ...LIGHTS.map((l) => h('td', { class: 'num', 'data-light': l }, String(r.counts[l])))))),
    );
  }

  return h('section', { class: 'view', id: 'auditor' }, h('p', { class: 'intro' }, a.intro), h('div', { class: 'field' }, filePicker(input, a.ledgerFile, p.noFile)), env.workbook ? h('div', { class: 'actions' }, fromWorkbook) : null, out);
}
