import { maskPattern, MASK_OTHER, MASK_TABLE, quoteMask } from './_mask.js';
import type { Code, ParamsOf } from './code.js';
import { findDepartmentClauses, mergeAssignments, namesInCell, type Assignment, type DepartmentClause } from './department.js';
import { byWhenIn, deadlineIn, deadlineOf, taskDeadlineOf } from './deadline.js';
import { documentFacts, periodOf, type DocumentFacts, type Period } from './document.js';
import { measureOf } from './measure.js';
import { basisOf, metricOf, sentenceOf, sentenceStartOf, type MetricContext } from './metric.js';
import { headingOf, Outline, taskStyleOf, type Heading, type HeadingStyle, type Placed } from './outline.js';
import { parseChineseNumeral } from './numeral.js';
import { cellsFor, findTables, type Cell, type TableRow } from './table.js';
import { scanQuantities } from './quantity.js';
import { departmentsOf, isCarried } from './groups.js';
import { finding as makeFinding, type Finding, type FindingExtra } from './finding.js';
import {
  SCHEMA_VERSION,
  type PartKind,
  type PlanRecords,
  type Section,
  type Target,
  type Task,
} from './record.js';
import { contentKey, hash64, normalize, paragraphs, type Paragraph } from './text.js';

export interface ParseOptions {
  /** Shown in findings and kept in source.file. */
  readonly file?: string | null;
  readonly encoding?: string | null;
  /**
   * Who reports on headline goals (主要目标) that name no department: the issuer's general office by default
   * (区政府办公室, 市政府办公厅 …, from the issuer).
   */
  readonly coordinator?: string;
}

/** Records a finding at a span of the text. */
type Note = <C extends Code>(code: C, params: ParamsOf<C>, at: { start: number; end: number }, extra?: FindingExtra) => void;

const DOC_NUMBER_GLOBAL = /[〔[【(]\s*\d{4}\s*[〕\]】)]\s*第?\s*\d+\s*号/g;
const TITLE_MAX = 60;

/** A heading's node while its paragraphs are gathered. */
interface Node {
  readonly placed: Placed;
  readonly id: string;
  readonly period: Period;
  readonly sectionId: string | null;
  readonly parentId: string | null;
  end: number;
  /** The plan's own sentences before its first numbered heading, where headline goals may stand; their title. */
  readonly preamble?: { readonly title: string };
}

/**
 * Normalizes a plan of the genre into records. Never throws for bad text: what cannot be read
 * is a finding, and a text with no numbered tasks yields no tasks (front ends report plan-no-tasks).
 */
export function parsePlan(text: string, options: ParseOptions = {}): PlanRecords {
  const file = options.file ?? null;
  const normalized = normalize(text);
  const all = paragraphs(normalized);
  const tables = findTables(normalized, all, (p) => headingOf(p) !== undefined);
  const headed = all.map((p) => ({ p, h: tables.rows.has(p) ? undefined : headingOf(p) }));
  const taskStyle = taskStyleBeside(normalized, headed, tables.rows);

  const findings: Finding[] = [];
  let lineOf: ((offset: number) => number) | undefined;
  const finding: Note = (code, params, at, extra = {}) => {
    const line = (lineOf ??= lineFinder(normalized))(at.start);
    findings.push(makeFinding(code, params, { file: file ?? undefined, line, span: { start: at.start, end: at.end } }, extra));
  };

  // 1. Outline: place headings, gather each node's paragraphs; a task table's rows are tasks of the part they stand in.
  const outline = taskStyle === undefined && tables.rows.size === 0 ? undefined : new Outline(taskStyle);
  const front: Paragraph[] = [];
  const nodes: Node[] = [];
  const open: (Node | undefined)[] = [];
  const idUses = new Map<string, number>();
  const lastOrdinal = new Map<string, number>();
  let current: Node | undefined;
  let head: DocumentFacts | undefined;
  let docPeriod: Period | undefined;
  const rowTasks: RowTask[] = [];
  const rowCount = new Map<string, number>();
  /** t2.5.12 from its path; a number used twice gets _2 and a finding. */
  const uniqueId = (prefix: 't' | 's', path: readonly number[], at: Paragraph): string => {
    const base = `${prefix}${path.join('.')}`;
    const uses = (idUses.get(base) ?? 0) + 1;
    idUses.set(base, uses);
    const id = uses === 1 ? base : `${base}_${uses}`;
    if (uses > 1) finding('heading-number-repeated', { number: path.join('.'), id }, at);
    return id;
  };

  for (const { p, h } of headed) {
    const row = tables.rows.get(p);
    if (row) {
      head ??= documentFacts(normalized, front, all);
      docPeriod ??= documentPeriod(head.title, head.signedOn);
      const section = [...open].reverse().find((n) => n !== undefined && !n.placed.isTask);
      const parentPath = section?.placed.path ?? [];
      const key = parentPath.join('.');
      const ordinal = rowOrdinal(normalized, row) ?? (rowCount.get(key) ?? 0) + 1;
      rowCount.set(key, ordinal);
      lastOrdinal.set(TASKS, ordinal);
      const path = [...parentPath, ordinal];
      rowTasks.push({ row, id: uniqueId('t', path, p), path, sectionId: section?.id ?? null, period: section?.period ?? docPeriod });
      if (current) current.end = p.end;
      continue;
    }
    const placed = h && outline ? outline.place(h, p) : undefined;
    if (!placed) {
      if (current) current.end = p.end;
      else front.push(p);
      continue;
    }
    head ??= documentFacts(normalized, front, all);
    docPeriod ??= documentPeriod(head.title, head.signedOn);
    open.length = placed.depth;
    const parent = open[placed.depth - 1];
    const sectionParent = [...open].reverse().find((n) => n !== undefined && !n.placed.isTask);
    checkNumbering(placed, h as Heading, lastOrdinal, finding);
    const id = uniqueId(placed.isTask ? 't' : 's', placed.path, p);
    const title = titleOf(normalized, (h as Heading).bodyStart, p.end);
    const announced = placed.depth === 0 || /主要目标/.test(title) ? periodOf(title) : undefined;
    const inherited = parent?.period ?? docPeriod;
    const period: Period = announced
      ? { ...announced, year: announced.year ?? inherited.year, lastYear: announced.lastYear ?? inherited.lastYear }
      : inherited;
    current = { placed, id, period, sectionId: sectionParent?.id ?? null, parentId: parent?.id ?? null, end: p.end };
    nodes.push(current);
    open[placed.depth] = current;
  }
  head ??= documentFacts(normalized, front, all);
  docPeriod ??= documentPeriod(head.title, head.signedOn);
  // A node's department clauses, searched once though asked for twice.
  const clauseCache = new Map<number, DepartmentClause[]>();
  const clausesOf = (n: Node): DepartmentClause[] => {
    const start = n.placed.heading.bodyStart;
    let found = clauseCache.get(start);
    if (!found) clauseCache.set(start, (found = findDepartmentClauses(normalized, start, n.end)));
    return found;
  };
  // A part with nothing under it that names its departments is a task: tasks at (1) in one part, at 1. in another.
  const parents = new Set([...nodes.map((n) => n.parentId), ...rowTasks.map((r) => r.sectionId)]);
  nodes.forEach((n, i) => {
    if (n.placed.isTask || parents.has(n.id) || clausesOf(n).length === 0) return;
    nodes[i] = { ...n, placed: { ...n.placed, isTask: true }, id: `t${n.id.slice(1)}` };
  });

  // 2. Masks: quoted names, document numbers and department clauses are not indicators.
  const mask = quoteMask(normalized);
  maskPattern(mask, normalized, DOC_NUMBER_GLOBAL);
  const tableLines = tables.lines.map((p) => ({ start: p.start, end: p.end }));

  const sections: Section[] = [];
  const tasks: Task[] = [];
  const targets: Target[] = [];
  const coordinator = options.coordinator ?? coordinatorOf(head.issuer ?? head.title);
  const preamble = nodes.length > 0 || rowTasks.length > 0 ? preambleNode(front, head.title, docPeriod) : undefined;
  // A table's rows are read cell by cell, before their lines are masked from the parts they stand in.
  const tableTasks = rowTasks.map((r) => rowTask(text, normalized, mask, r, finding));
  for (const l of tableLines) mask.fill(MASK_TABLE, l.start, l.end);
  for (const { task, targets: own } of tableTasks) {
    tasks.push(task);
    targets.push(...own);
  }
  for (const node of preamble ? [preamble, ...nodes] : nodes) {
    const { placed } = node;
    const bodyStart = placed.heading.bodyStart;
    const span = { start: placed.paragraph.start, end: node.end };
    const title = node.preamble?.title ?? titleOf(normalized, bodyStart, placed.paragraph.end);
    const clauses = (node.preamble ? findDepartmentClauses(normalized, bodyStart, node.end) : clausesOf(node)).filter((c) => mask[c.start] !== MASK_TABLE);
    for (const c of clauses) mask.fill(MASK_OTHER, c.start, c.end);
    const common = { id: node.id, path: [...placed.path], title, kind: node.period.kind, year: node.period.year, span };
    // A section's heading names its part of the plan (五个方面重点任务) and holds no target; its own paragraphs may, and
    // so may what follows the heading's first sentence on its line ((三)加强资金保障。设立专项资金3000万元).
    const from = placed.isTask || node.preamble ? bodyStart : afterTitle(normalized, bodyStart, placed.paragraph.end);
    const own = nodeTargets(text, normalized, mask, node, from, finding);
    if (placed.isTask) {
      const departments: Assignment[] = [];
      for (const c of clauses) mergeAssignments(departments, c.assignments);
      const leaders = [...new Set(clauses.flatMap((c) => c.leaders))];
      if (departments.length === 0) finding('task-no-departments', { task: placed.path.join('.') }, span, { taskId: node.id });
      const task: Task = { ...common, sectionId: node.sectionId, text: bodyText(normalized, bodyStart, node.end, clauses), departments, ...(leaders.length > 0 ? { leaders } : {}) };
      tasks.push(withDeadline(task, own.length > 0, taskDeadlineOf(normalized, bodyStart, node.end, node.period.lastYear), () => byWhenIn(normalized, mask, bodyStart, node.end, node.period.year)));
    } else if (!node.preamble) {
      sections.push({ ...common, parentId: node.parentId });
    }
    // Before the first heading only goals count: a notice's sentences may report figures that no part claims.
    const found = node.preamble ? own.filter((t) => t.kind === 'target') : own;
    if (!placed.isTask && found.some((t) => t.kind === 'target')) {
      // Headline goals (主要目标) in a section's own paragraphs: tracked as a task of their own, reported by the
      // departments the paragraphs name, else by the coordinating department.
      const cut = [...clauses, ...tableLines.filter((l) => l.start >= from && l.end <= node.end)].sort((a, b) => a.start - b.start);
      const goals = headlineGoals(node, title, span, clauses, bodyText(normalized, from, node.end, cut), coordinator);
      tasks.push(goals);
      targets.push(...found.map((t) => (t.kind === 'target' ? { ...t, taskId: goals.id } : t)));
    } else targets.push(...found);
  }
  tasks.sort((a, b) => a.span.start - b.span.start);
  targets.sort((a, b) => a.span.start - b.span.start);
  // A group (各街道) gets no sheet of its own: said once, with how many tasks name it.
  const groups = new Map<string, Task[]>();
  for (const task of tasks) {
    for (const d of task.departments) {
      if (!d.group) continue;
      const named = groups.get(d.name);
      if (named) named.push(task);
      else groups.set(d.name, [task]);
    }
  }
  for (const [name, named] of groups) finding('department-group', { name, tasks: named.length }, (named[0] as Task).span, { taskId: (named[0] as Task).id });
  // A target no department carries is on no sheet: said, never silently absent.
  const carried = new Set(tasks.filter(isCarried).map((t) => t.id));
  for (const t of targets) if (t.kind === 'target' && (t.taskId === null || !carried.has(t.taskId))) finding('target-unassigned', { targetId: t.id, raw: t.raw }, t.span, { targetId: t.id });

  const contentHash = hash64(contentKey(text));
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id: `plan-${contentHash.slice(0, 12)}`,
      ...head,
      kind: docPeriod.kind,
      year: docPeriod.year,
      contentHash,
    },
    sections,
    tasks,
    targets,
    departments: departmentsOf(tasks),
    findings,
    source: { file, encoding: options.encoding ?? null, text },
  };
}

/**
 * Headline goals before the first numbered heading (2022年主要预期目标:…): the plan's own sentences there (not its
 * title, number or salutation), as a node of no section, titled by their lead-in or else by the plan's title.
 */
function preambleNode(front: readonly Paragraph[], planTitle: string, period: Period): Node | undefined {
  const sentences = front.filter((p) => /[。;]/.test(p.text) && !p.text.includes(planTitle));
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  if (!first || !last) return undefined;
  const title = /^(.{2,24}?(?:目标|指标))[::]/.exec(first.text)?.[1] ?? planTitle;
  // No heading, so no number: its sheet rows show no task number.
  const placed: Placed = { heading: { style: 'part', ordinal: 0, bodyStart: first.start }, paragraph: first, depth: 0, path: [], isTask: false };
  return { placed, id: 's0', period, sectionId: null, parentId: null, end: last.end, preamble: { title } };
}

/**
 * A task with its own deadline (完成时限) when the plan names one; a plan task with no figure is a milestone, due by
 * that deadline, else by the latest time its words say by when (年底前建成), else at its year's end.
 */
function withDeadline(task: Task, hasFigures: boolean, stated: string | null, byWhen: () => string | null): Task {
  const milestone = task.kind === 'plan' && !hasFigures;
  const deadline = stated ?? (milestone ? byWhen() : null);
  return { ...task, ...(deadline !== null ? { deadline } : {}), ...(milestone ? { measure: 'milestone' as const } : {}) };
}

/** The task that carries a section's headline goals. */
function headlineGoals(node: Node, title: string, span: { start: number; end: number }, clauses: readonly { assignments: readonly Assignment[] }[], text: string, coordinator: string): Task {
  const departments: Assignment[] = [];
  for (const c of clauses) mergeAssignments(departments, c.assignments);
  return {
    id: `${node.id}-goals`,
    path: [...node.placed.path],
    sectionId: node.preamble ? null : node.id,
    title,
    text,
    kind: node.period.kind,
    year: node.period.year,
    departments: departments.length > 0 ? departments : [{ name: coordinator, role: 'lead' }],
    span,
    headline: true,
  };
}

/** The issuer's general office, which coordinates a plan's headline goals: 区政府办公室, 市政府办公厅, 省政府办公厅. */
export function coordinatorOf(issuer: string | null): string {
  if (issuer !== null && /省/.test(issuer)) return '省政府办公厅';
  if (issuer !== null && /市/.test(issuer) && !/区/.test(issuer)) return '市政府办公厅';
  if (issuer !== null && /县/.test(issuer)) return '县政府办公室';
  return '区政府办公室';
}

function documentPeriod(title: string, signedOn: string | null): Period {
  const announced = periodOf(title);
  const signedYear = signedOn === null ? null : Number(signedOn.slice(0, 4));
  if (announced) return announced.year === null ? { ...announced, year: signedYear, lastYear: signedYear } : announced;
  return { kind: 'plan', year: signedYear, lastYear: signedYear };
}

/** Who a run of targets belongs to: a task, or a section's own paragraphs. */
interface Owner {
  readonly id: string;
  readonly taskId: string | null;
  readonly sectionId: string | null;
  readonly period: Period;
}

/** A stretch of text scanned for figures, and whether they are planned (target) or reported (actual) there. */
interface Range {
  readonly from: number;
  readonly to: number;
  readonly mood: PartKind;
  /** A result cell of a progress table (已完成80%) reports on its row's target: a figure named nothing takes its metric. */
  readonly ofRow?: boolean;
}

function nodeTargets(original: string, text: string, mask: Uint8Array, node: Node, from: number, finding: Note): Target[] {
  const { placed, period } = node;
  const owner: Owner = {
    id: node.id,
    taskId: placed.isTask ? node.id : null,
    sectionId: placed.isTask ? node.sectionId : node.preamble ? null : node.id,
    period,
  };
  const taskDeadline = taskDeadlineOf(text, from, node.end, period.lastYear);
  return targetsOf(original, text, mask, owner, [{ from, to: node.end, mood: period.kind }], taskDeadline, finding);
}

function targetsOf(
  original: string,
  text: string,
  mask: Uint8Array,
  owner: Owner,
  ranges: readonly Range[],
  taskDeadline: string | null,
  finding: Note,
): Target[] {
  const { period } = owner;
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const range of ranges) {
    const found = scanQuantities(text, mask, range.from, range.to, range.mood);
    found.forEach((q, i) => {
      const ctx: MetricContext = {
        text,
        mask,
        floor: Math.max(range.from, found[i - 1]?.end ?? range.from),
        ceiling: found[i + 1]?.start ?? range.to,
      };
      const sentenceStart = sentenceStartOf(ctx, q.start);
      const own = metricOf(q, ctx, sentenceStart);
      const planned = range.ofRow ? targets.filter((t) => t.kind === 'target' && t.unit === q.unit) : [];
      const metric = (planned.find((t) => t.metric === own) ?? planned[0])?.metric ?? own;
      const kind = range.mood === 'plan' ? 'target' : 'actual';
      const key = `${kind}|${q.value}|${q.unit}|${metric}`;
      if (metric !== '' && seen.has(key)) return; // the same target restated: 三个中台 … 以三个中台建设为基础
      seen.add(key);
      const id = `${owner.id}-${targets.length + 1}`;
      const raw = original.slice(q.start, q.end);
      if (metric === '') finding('target-metric-missing', { raw }, q, { targetId: id });
      // The words before the figure say whether a percentage is a level (达到95%) or a change (增长6.5%).
      const lead = text.slice(Math.max(sentenceStart, q.start - 8), q.numberStart);
      targets.push({
        id,
        taskId: owner.taskId,
        sectionId: owner.sectionId,
        metric,
        value: q.value,
        unit: q.unit,
        comparator: q.comparator,
        basis: basisOf(q, ctx),
        kind,
        year: period.year,
        deadline: deadlineOf(text, mask, sentenceStart, q.numberStart, period.lastYear, { from: q.end, otherwise: taskDeadline }),
        raw,
        span: { start: q.start, end: q.end },
        sentence: sentenceOf(ctx, q, original, sentenceStart),
        measure: measureOf({ metric, unit: q.unit, comparator: q.comparator, lead }),
        ...(q.stated ? { stated: q.stated } : {}),
      });
    });
  }
  return targets;
}

/** A task table's row while the plan is read: where it stands and the number it gets. */
interface RowTask {
  readonly row: TableRow;
  readonly id: string;
  readonly path: readonly number[];
  readonly sectionId: string | null;
  readonly period: Period;
}

/**
 * A task table's row as a task: its title and text from the task cell (else the target cell), departments by their
 * columns' roles, the deadline from its column, figures from the task and target cells (planned) and from a progress
 * table's result cells (reported).
 */
function rowTask(original: string, text: string, mask: Uint8Array, r: RowTask, finding: Note): { task: Task; targets: Target[] } {
  const { row, period } = r;
  const words = (c: Cell): string => text.slice(c.start, c.end);
  const taskCells = cellsFor(row, 'task');
  const targetCells = cellsFor(row, 'target');
  const actualCells = cellsFor(row, 'actual');
  const first = taskCells[0] ?? targetCells[0] ?? actualCells[0];
  const departments: Assignment[] = [];
  const leaders: string[] = [];
  row.cells.forEach((c, i) => {
    const column = row.header.columns[i];
    if (c.end <= c.start || (column?.kind !== 'department' && column?.kind !== 'leader')) return;
    const named = namesInCell(words(c), column.role ?? 'responsible');
    if (column.kind === 'leader') leaders.push(...named.assignments.map((a) => a.name), ...named.leaders);
    else {
      mergeAssignments(departments, named.assignments);
      leaders.push(...named.leaders);
    }
  });
  const deadlineCell = cellsFor(row, 'deadline')[0];
  const taskDeadline = deadlineCell ? deadlineIn(words(deadlineCell), period.lastYear) : null;
  const span = { start: row.paragraph.start, end: row.paragraph.end };
  if (departments.length === 0) finding('task-no-departments', { task: r.path.join('.') }, span, { taskId: r.id });
  const unique = [...new Set(leaders)];
  const task: Task = {
    id: r.id,
    path: [...r.path],
    sectionId: r.sectionId,
    title: first ? titleOf(text, first.start, first.end, /[。;!?,]/) : '',
    text: [...taskCells, ...targetCells].map(words).join('\n'),
    kind: period.kind,
    year: period.year,
    departments,
    span,
    ...(unique.length > 0 ? { leaders: unique } : {}),
  };
  const ranges: Range[] = [
    ...taskCells.map((c) => ({ from: c.start, to: c.end, mood: period.kind })),
    ...targetCells.map((c) => ({ from: c.start, to: c.end, mood: 'plan' as const })),
    ...actualCells.map((c) => ({ from: c.start, to: c.end, mood: 'progress' as const, ofRow: true })),
  ];
  const owner: Owner = { id: r.id, taskId: r.id, sectionId: r.sectionId, period };
  const targets = targetsOf(original, text, mask, owner, ranges, taskDeadline, finding);
  const byWhen = (): string | null => [...taskCells, ...targetCells].reduce<string | null>((latest, c) => {
    const date = byWhenIn(text, mask, c.start, c.end, period.year);
    return date !== null && (latest === null || date > latest) ? date : latest;
  }, null);
  return { task: withDeadline(task, targets.length > 0, taskDeadline, byWhen), targets };
}

/** The number in a row's 序号 cell (3, 三, (三), ③), if it has one. */
function rowOrdinal(text: string, row: TableRow): number | undefined {
  const cell = cellsFor(row, 'number')[0];
  if (!cell) return undefined;
  const token = text.slice(cell.start, cell.end).replace(/[()、.\s]/g, '');
  if (/^\d{1,4}$/.test(token)) return Number(token);
  if (/^[\u2460-\u2473]$/.test(token)) return token.charCodeAt(0) - 0x2460 + 1;
  const n = parseChineseNumeral(token);
  return n !== undefined && n >= 1 ? n : undefined;
}

/**
 * The numbering style of tasks: the one whose items name their departments most often (一、(一)① where ① carry the
 * clauses), else the finest the plan uses (taskStyleOf). The headings a task table stands under are its parts, so the
 * style is chosen among the finer ones that first appear after them (none: every heading is a part).
 */
function taskStyleBeside(text: string, headed: readonly { p: Paragraph; h: Heading | undefined }[], rows: ReadonlyMap<Paragraph, TableRow>): HeadingStyle | undefined {
  const order: HeadingStyle[] = [];
  const naming = new Map<HeadingStyle, number>();
  let owner = -1;
  let last: { style: HeadingStyle; start: number } | undefined;
  const close = (end: number): void => {
    if (last && findDepartmentClauses(text, last.start, end).length > 0) naming.set(last.style, (naming.get(last.style) ?? 0) + 1);
  };
  for (const { p, h } of headed) {
    if (h) {
      close(p.start);
      if (!order.includes(h.style)) order.push(h.style);
      last = { style: h.style, start: h.bodyStart };
    }
    if (last !== undefined && rows.has(p)) owner = Math.max(owner, order.indexOf(last.style));
  }
  close(text.length);
  const headings = headed.flatMap(({ h }) => (h && order.indexOf(h.style) > owner ? [h] : []));
  const styles = [...new Set(headings.map((h) => h.style))];
  const most = Math.max(0, ...styles.map((s) => naming.get(s) ?? 0));
  if (most === 0) return taskStyleOf(headings);
  return taskStyleOf(headings.filter((h) => (naming.get(h.style) ?? 0) === most));
}

/** Numbers go up by one; tasks may also run on across sections (1–14 under (一)…(四)), parts and tables, or restart at 1. */
function checkNumbering(
  placed: Placed,
  h: Heading,
  last: Map<string, number>,
  finding: Note,
): void {
  const siblings = `${h.style}@${placed.path.slice(0, -1).join('.')}`;
  const previous = Math.max(last.get(siblings) ?? 0, placed.isTask ? (last.get(TASKS) ?? 0) : 0);
  if (h.ordinal > previous + 1) finding('heading-number-skipped', { previous, number: h.ordinal }, placed.paragraph);
  last.set(siblings, h.ordinal);
  if (placed.isTask) last.set(TASKS, h.ordinal);
}

/** The last task number, whether a heading's or a table row's: task numbers may run on across parts. */
const TASKS = 'tasks';

/** Where a heading line goes on past its title sentence; its end when it does not. */
function afterTitle(text: string, from: number, to: number): number {
  const stop = text.slice(from, to).search(/[。;!?]/);
  return stop < 0 ? to : from + stop + 1;
}

function titleOf(text: string, from: number, to: number, stops = /[。;!?]/): string {
  const line = text.slice(from, to);
  const stop = line.search(stops);
  const first = (stop >= 0 ? line.slice(0, stop) : line).trim();
  return first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX)}…` : first;
}

function bodyText(text: string, from: number, to: number, clauses: readonly { start: number; end: number }[]): string {
  let body = '';
  let at = from;
  for (const c of clauses) {
    body += text.slice(at, c.start);
    at = c.end;
  }
  body += text.slice(at, to);
  return paragraphs(body)
    .map((p) => p.text)
    .join('\n');
}

/** 1-based line of an offset, by binary search over line starts. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
