import { message } from '../core/locales/index.js';
import { baseName } from '../core/locales/lists.js';
import type { Wording } from '../core/locales/wording.js';
import type { Target, Task } from '../core/record.js';
import type { ChangeKind, ChangeReport, Difference, EntryCarry, PlanChange } from '../core/revision.js';
import { inStated, statedUnitOf } from '../core/unit.js';
import { taskDeadline } from '../core/worklist.js';
import { escapeHtml } from './html.js';
import type { Cell, Column, Table } from './tables.js';

type Key = keyof Wording['revision']['table']['columns'];
type Line = Partial<Record<Key, Cell>> & { readonly kind: ChangeKind };

const COLUMNS: readonly (readonly [Key, number, Column['style']?])[] = [
  ['kind', 10],
  ['item', 8],
  ['department', 16, 'wrap'],
  ['fromPath', 7],
  ['toPath', 7],
  ['taskTitle', 24, 'wrap'],
  ['metric', 18, 'wrap'],
  ['before', 14, 'wrap'],
  ['after', 14, 'wrap'],
  ['figure', 10, 'wrap'],
  ['reason', 30, 'wrap'],
  ['fileName', 22, 'wrap'],
  ['cell', 7],
  ['newFile', 22, 'wrap'],
  ['newCell', 7],
  ['fromId', 10],
  ['toId', 10],
  ['file', 36, 'hidden'],
];

/** The change report as one table (变更报告): the plan's changes, then every entry not carried over, then every entry carried. */
export function changeReportTable(result: ChangeReport, w: Wording): Table {
  const r = w.revision;
  const lines = changeLines(result, w);
  return {
    name: r.fileBase,
    title: r.table.title,
    columns: COLUMNS.map(([key, width, style]) => ({ key, header: r.table.columns[key], width, ...(style ? { style } : {}) })),
    rows: lines.map((line) => COLUMNS.map(([key]) => (key === 'kind' ? r.kind[line.kind] : (line[key] ?? null)))),
  };
}

/** The report's lines, in its order. */
function changeLines(result: ChangeReport, w: Wording): Line[] {
  const entries = (outcome: 'carried' | 'dropped') => result.entries.filter((e) => (e.to ? 'carried' : 'dropped') === outcome).map((e) => entryLine(e, w));
  return [...result.changes.flatMap((c) => c.changes.flatMap((change) => changeLine(change, w))), ...entries('dropped'), ...entries('carried')];
}

/** A target's figure as its sheet shows it: ≥180个, 4.4万户. */
const figure = (t: Target, w: Wording): string => `${w.comparator[t.comparator]}${inStated(t.value, statedUnitOf(t))}${statedUnitOf(t).unit}`;
const names = (task: Task, w: Wording): string => w.list(task.departments.map((d) => d.name));

/** A change of the plan, one line per thing that changed. */
function changeLine(c: PlanChange, w: Wording): Line[] {
  const r = w.revision;
  switch (c.kind) {
    case 'target-added':
      return [{ kind: c.kind, department: names(c.task, w), toPath: path(c.task), taskTitle: c.task.title, metric: c.to.metric, after: figure(c.to, w), toId: c.to.id }];
    case 'target-removed':
      return [{ kind: c.kind, department: names(c.task, w), fromPath: path(c.task), taskTitle: c.task.title, metric: c.from.metric, before: figure(c.from, w), fromId: c.from.id }];
    case 'task-added':
      return [{ kind: c.kind, department: names(c.to, w), toPath: path(c.to), taskTitle: c.to.title, toId: c.to.id }];
    case 'task-removed':
      return [{ kind: c.kind, department: names(c.from, w), fromPath: path(c.from), taskTitle: c.from.title, fromId: c.from.id }];
    case 'target-changed':
    case 'task-changed': {
      const [fromTask, toTask] = c.kind === 'target-changed' ? [c.fromTask, c.toTask] : [c.from, c.to];
      const shown = (d: Difference, side: 'from' | 'to'): string => {
        const task = side === 'from' ? fromTask : toTask;
        const target = c.kind === 'target-changed' ? c[side] : undefined;
        if (d === 'value') return target ? figure(target, w) : '';
        if (d === 'deadline') return (target ? target.deadline : taskDeadline(task)) ?? '';
        if (d === 'departments') return w.list(task.departments.map((a) => `${a.name}(${w.role[a.role]})`));
        return path(task);
      };
      const common = { kind: c.kind, department: names(toTask, w), fromPath: path(fromTask), toPath: path(toTask), taskTitle: toTask.title, metric: c.kind === 'target-changed' ? c.to.metric : '', fromId: c.from.id, toId: c.to.id };
      return c.differences.map((d) => ({ ...common, item: r.difference[d], before: shown(d, 'from'), after: shown(d, 'to') }));
    }
  }
}

function entryLine(e: EntryCarry, w: Wording): Line {
  const r = w.revision;
  const status = e.values.status === undefined ? '' : e.values.status;
  return {
    kind: e.to ? 'carried' : 'dropped',
    department: e.department,
    fromPath: e.from?.path ?? null,
    toPath: e.to?.path ?? null,
    taskTitle: e.to?.taskTitle ?? e.from?.taskTitle ?? null,
    metric: e.to?.metric ?? e.from?.metric ?? null,
    figure: e.values.actual ?? (status || null),
    reason: e.reason ? r.reason[e.reason] : e.converted ? r.converted(e.converted.from, e.converted.to) : null,
    fileName: baseName(e.file),
    cell: e.from ? e.cell : `${e.row}`,
    newFile: e.to?.file ?? null,
    newCell: e.to?.cell ?? null,
    fromId: e.from?.id ?? null,
    toId: e.to?.id ?? null,
    file: e.file,
  };
}

const path = (task: Task): string => task.path.join('.');

/** The change report as one self-contained HTML page: the versions, the summary, then the plan's changes, the entries not carried over, those carried. */
export function renderChangeReport(result: ChangeReport, generatedAt: string, w: Wording): string {
  const r = w.revision;
  const table = changeReportTable(result, w);
  const kinds = new Map(COLUMNS.map(([key], i) => [key, i]));
  const shownColumns = COLUMNS.filter(([, , style]) => style !== 'hidden').map(([key]) => kinds.get(key) as number);
  const section = (id: string, heading: string, rows: readonly (readonly Cell[])[]): string => {
    const body = rows.length
      ? `<table><thead><tr>${shownColumns.map((i) => `<th>${escapeHtml(table.columns[i]?.header)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((row) => `<tr>${shownColumns.map((i) => `<td>${escapeHtml(row[i])}</td>`).join('')}</tr>`)
          .join('\n')}</tbody></table>`
      : `<p>${escapeHtml(r.none)}</p>`;
    return `<section id="${id}"><h2>${escapeHtml(heading)} (${rows.length})</h2>${body}</section>`;
  };
  const kindAt = kinds.get('kind') as number;
  const of = (...k: ChangeKind[]) => table.rows.filter((row) => k.some((kind) => row[kindAt] === r.kind[kind]));
  const carried = of('carried');
  const dropped = of('dropped');
  const changes = table.rows.length - carried.length - dropped.length;
  const versions = result.changes.map((c) => `<p class="meta">${escapeHtml(r.versions(c.from, c.to))}</p>`).join('');
  const findings = result.findings.length ? `<section id="findings"><h2>${escapeHtml(r.findings)}</h2><ul>${result.findings.map((f) => `<li>${escapeHtml(message(f, w))}</li>`).join('')}</ul></section>` : '';
  return `<!doctype html>
<html lang="${w.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;font-size:14px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}.meta{color:#666;margin:0 0 6px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}th{background:#ddebf7;white-space:nowrap}
#dropped td:first-child{color:#9c0006;font-weight:bold}
@media print{body{margin:0;font-size:11px}h2{break-after:avoid}tr{break-inside:avoid}@page{size:A4 landscape;margin:12mm}}
</style>
</head>
<body>
<header><h1>${escapeHtml(r.title)}</h1>${versions}<p class="meta">${escapeHtml(generatedAt)}</p>
<p id="summary">${escapeHtml(r.summary({ sheets: result.sheets.length, carried: carried.length, dropped: dropped.length, changes }))}</p></header>
${section('changes', r.changes, table.rows.slice(0, changes))}
${section('dropped', r.dropped, dropped)}
${section('carried', r.carried, carried)}
${findings}
</body>
</html>
`;
}
