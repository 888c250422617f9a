// The department's tab of the offline page: the filled sheet picked or dropped, checked by the same rules as the
// add-in and `check`, findings by row with each row's target and what to do, and a list to print.
import type { SheetReading } from '../core/consolidate.js';
import type { Finding } from '../core/finding.js';
import { message } from '../core/locales/index.js';
import { parsePeriod } from '../core/period.js';
import { localIso } from '../core/time.js';
import { readMetas, type SheetMeta } from '../sheets/metadata.js';
import { readProgressFileSheets } from '../sheets/read.js';
import { openWorkbook } from '../sheets/xlsx/reader.js';
import type { PaneEnv } from './department.js';
import { chosenOf, filePicker, fill, h, readChosen, readPicked, type PickedFile } from './dom.js';
import { explainRow } from './explain.js';
import { errorText } from './host.js';

export function pageDepartmentView(env: PaneEnv): HTMLElement {
  const { p, w } = env;
  const d = p.department;
  const input = h('input', { type: 'file', id: 'sheet-file', accept: '.xlsx,.xlsm,.xltx,.xls,.et,.ods,.numbers,.csv' });
  const out = h('div', { class: 'findings', id: 'findings', role: 'list' });
  // Nothing to print before a sheet is checked.
  const print = h('button', { type: 'button', id: 'print', disabled: true, onclick: () => window.print() }, p.page.print);

  const check = async (files: readonly PickedFile[]) => {
    try {
      const at = localIso(new Date()).slice(0, 16).replace('T', ' ');
      fill(out, ...files.flatMap((f) => report(f.file, f.bytes, at)));
      print.disabled = files.length === 0;
    } catch (error) {
      env.say(p.failed(errorText(error)), 'error');
    }
  };

  /** One file's readings, each sheet with its findings by row; the row's target beside them. */
  const report = (file: string, bytes: Uint8Array, at: string): Node[] => {
    const readings = readProgressFileSheets({ file, bytes }, {});
    let metas: SheetMeta[] = [];
    try {
      metas = readMetas(openWorkbook(bytes));
    } catch {
      // the file's own finding says why
    }
    return readings.flatMap((reading, i) => sheetReport(file, reading, metas[i], at));
  };

  const sheetReport = (file: string, reading: SheetReading, meta: SheetMeta | undefined, at: string): Node[] => {
    const identity = reading.identity;
    const period = identity && parsePeriod(identity.period);
    const head = h(
      'div',
      { class: 'sheet-head' },
      h('h3', {}, identity ? d.sheetLine(identity.department, period ? w.periodName(period) : identity.period, meta?.sheet ?? '') : file),
      // On paper, which plan, which file and when: the list is handed on and filed.
      h('p', { class: 'print-only' }, p.page.printHead(meta?.planTitle ?? '', file, at)),
    );
    if (reading.findings.length === 0) return [head, h('p', { class: 'ok' }, d.allGood)];
    const byRow = new Map<number, Finding[]>();
    for (const f of reading.findings) byRow.set(f.location.row ?? 0, [...(byRow.get(f.location.row ?? 0) ?? []), f]);
    const errors = reading.findings.filter((f) => f.severity === 'error').length;
    const groups = [...byRow].sort((a, b) => a[0] - b[0]).map(([row, findings]) => {
      const task = meta?.plan?.tasks.find((t) => t.id === findings[0]?.taskId);
      const metaRow = meta?.rows.find((r) => r.taskId === findings[0]?.taskId && (findings[0]?.targetId === undefined || r.targetId === findings[0]?.targetId));
      return h(
        'div',
        { class: 'row-group', role: 'listitem', 'data-row': row },
        h('h4', {}, row === 0 ? d.sheetWide : d.row(row, task?.path.join('.') ?? '', task?.title ?? '')),
        ...findings.map((f) =>
          h('div', { class: `finding ${f.severity}`, 'data-code': f.code, 'data-cell': f.location.cell ?? '' }, h('span', { class: 'what' }, message(f, w)), d.fix[f.code] ? h('span', { class: 'todo' }, d.fix[f.code]) : null),
        ),
        meta && metaRow ? h('details', { class: 'explain', open: true }, h('summary', {}, p.explain.sentence), ...explainRow(meta, metaRow.taskId, metaRow.targetId, row, env)) : null,
      );
    });
    return [head, h('p', { class: 'counts' }, d.counts(errors, reading.findings.length - errors)), ...groups];
  };

  input.addEventListener('change', () => void readPicked(input).then(check));
  const view = h('section', { class: 'view', id: 'department' }, h('p', { class: 'intro' }, p.page.intro), h('div', { class: 'field' }, filePicker(input, p.page.pick, p.noFile)), h('div', { class: 'actions' }, print), out);
  // A sheet dropped anywhere on the page is checked as one picked, while this tab is shown.
  document.addEventListener('dragover', (e) => view.isConnected && e.preventDefault());
  document.addEventListener('drop', (e) => {
    if (!view.isConnected) return;
    e.preventDefault();
    void readChosen(chosenOf(e.dataTransfer?.files ?? null)).then(check);
  });
  return view;
}
