import { maskPattern, MASK_OTHER, quoteMask } from './_mask.js';
import type { Code, ParamsOf } from './code.js';
import { findDepartmentClauses, mergeAssignments, type Assignment } from './department.js';
import { deadlineOf } from './deadline.js';
import { documentFacts, periodOf, type DocumentFacts, type Period } from './document.js';
import { measureOf } from './measure.js';
import { basisOf, metricOf, sentenceOf, sentenceStartOf, type MetricContext } from './metric.js';
import { headingOf, Outline, taskStyleOf, type Heading, type Placed } from './outline.js';
import { scanQuantities } from './quantity.js';
import { finding as makeFinding, type Finding, type FindingExtra } from './finding.js';
import {
  SCHEMA_VERSION,
  type Department,
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
}

/**
 * Normalizes a plan of the genre into records. Never throws for bad text: what cannot be read
 * is a finding, and a text with no numbered tasks yields no tasks (front ends report plan-no-tasks).
 */
export function parsePlan(text: string, options: ParseOptions = {}): PlanRecords {
  const file = options.file ?? null;
  const normalized = normalize(text);
  const all = paragraphs(normalized);
  const headed = all.map((p) => ({ p, h: headingOf(p) }));
  const headings = headed.flatMap(({ h }) => (h ? [h] : []));
  const taskStyle = taskStyleOf(headings);

  const findings: Finding[] = [];
  let lineOf: ((offset: number) => number) | undefined;
  const finding: Note = (code, params, at, extra = {}) => {
    const line = (lineOf ??= lineFinder(normalized))(at.start);
    findings.push(makeFinding(code, params, { file: file ?? undefined, line, span: { start: at.start, end: at.end } }, extra));
  };

  // 1. Outline: place headings, gather each node's paragraphs.
  const outline = taskStyle === undefined ? undefined : new Outline(taskStyle);
  const front: Paragraph[] = [];
  const nodes: Node[] = [];
  const open: (Node | undefined)[] = [];
  const idUses = new Map<string, number>();
  const lastOrdinal = new Map<string, number>();
  let current: Node | undefined;
  let head: DocumentFacts | undefined;
  let docPeriod: Period | undefined;

  for (const { p, h } of headed) {
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
    const baseId = `${placed.isTask ? 't' : 's'}${placed.path.join('.')}`;
    const uses = (idUses.get(baseId) ?? 0) + 1;
    idUses.set(baseId, uses);
    const id = uses === 1 ? baseId : `${baseId}_${uses}`;
    if (uses > 1) finding('heading-number-repeated', { number: placed.path.join('.'), id }, p);
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

  // 2. Masks: quoted names, document numbers and department clauses are not indicators.
  const mask = quoteMask(normalized);
  maskPattern(mask, normalized, DOC_NUMBER_GLOBAL);

  const sections: Section[] = [];
  const tasks: Task[] = [];
  const targets: Target[] = [];
  for (const node of nodes) {
    const { placed } = node;
    const bodyStart = placed.heading.bodyStart;
    const span = { start: placed.paragraph.start, end: node.end };
    const title = titleOf(normalized, bodyStart, placed.paragraph.end);
    const clauses = findDepartmentClauses(normalized, bodyStart, node.end);
    for (const c of clauses) mask.fill(MASK_OTHER, c.start, c.end);
    const common = { id: node.id, path: [...placed.path], title, kind: node.period.kind, year: node.period.year, span };
    if (placed.isTask) {
      const departments: Assignment[] = [];
      for (const c of clauses) mergeAssignments(departments, c.assignments);
      const leaders = [...new Set(clauses.flatMap((c) => c.leaders))];
      if (departments.length === 0) finding('task-no-departments', { task: placed.path.join('.') }, span, { taskId: node.id });
      tasks.push({ ...common, sectionId: node.sectionId, text: bodyText(normalized, bodyStart, node.end, clauses), departments, ...(leaders.length > 0 ? { leaders } : {}) });
    } else {
      sections.push({ ...common, parentId: node.parentId });
    }
    // A section's heading names its part of the plan (五个方面重点任务) and holds no target; its own paragraphs may.
    targets.push(...targetsOf(text, normalized, mask, node, placed.isTask ? bodyStart : placed.paragraph.end, finding));
  }

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

function documentPeriod(title: string, signedOn: string | null): Period {
  const announced = periodOf(title);
  const signedYear = signedOn === null ? null : Number(signedOn.slice(0, 4));
  if (announced) return announced.year === null ? { ...announced, year: signedYear, lastYear: signedYear } : announced;
  return { kind: 'plan', year: signedYear, lastYear: signedYear };
}

function targetsOf(
  original: string,
  text: string,
  mask: Uint8Array,
  node: Node,
  from: number,
  finding: Note,
): Target[] {
  const { placed, period } = node;
  const found = scanQuantities(text, mask, from, node.end, period.kind);
  const targets: Target[] = [];
  const seen = new Set<string>();
  found.forEach((q, i) => {
    const ctx: MetricContext = {
      text,
      mask,
      floor: Math.max(from, found[i - 1]?.end ?? from),
      ceiling: found[i + 1]?.start ?? node.end,
    };
    const sentenceStart = sentenceStartOf(ctx, q.start);
    const metric = metricOf(q, ctx, sentenceStart);
    const key = `${q.value}|${q.unit}|${metric}`;
    if (metric !== '' && seen.has(key)) return; // the same target restated: 三个中台 … 以三个中台建设为基础
    seen.add(key);
    const id = `${node.id}-${targets.length + 1}`;
    const raw = original.slice(q.start, q.end);
    if (metric === '') finding('target-metric-missing', { raw }, q, { targetId: id });
    // The words before the figure say whether a percentage is a level (达到95%) or a change (增长6.5%).
    const lead = text.slice(Math.max(sentenceStart, q.start - 8), q.numberStart);
    targets.push({
      id,
      taskId: placed.isTask ? node.id : null,
      sectionId: placed.isTask ? node.sectionId : node.id,
      metric,
      value: q.value,
      unit: q.unit,
      comparator: q.comparator,
      basis: basisOf(q, ctx),
      kind: period.kind === 'plan' ? 'target' : 'actual',
      year: period.year,
      deadline: deadlineOf(text, mask, sentenceStart, q.numberStart, period.lastYear),
      raw,
      span: { start: q.start, end: q.end },
      sentence: sentenceOf(ctx, q, original, sentenceStart),
      measure: measureOf({ metric, unit: q.unit, comparator: q.comparator, lead }),
    });
  });
  return targets;
}

/** Numbers go up by one; tasks may also run on across sections (1–14 under (一)…(四)) or restart at 1. */
function checkNumbering(
  placed: Placed,
  h: Heading,
  last: Map<string, number>,
  finding: Note,
): void {
  const siblings = `${h.style}@${placed.path.slice(0, -1).join('.')}`;
  const part = `${h.style}@part${placed.path[0] ?? ''}`;
  const previous = Math.max(last.get(siblings) ?? 0, placed.isTask ? (last.get(part) ?? 0) : 0);
  if (h.ordinal > previous + 1) finding('heading-number-skipped', { previous, number: h.ordinal }, placed.paragraph);
  last.set(siblings, h.ordinal);
  if (placed.isTask) last.set(part, h.ordinal);
}

function titleOf(text: string, from: number, to: number): string {
  const line = text.slice(from, to);
  const stop = line.search(/[。;!?]/);
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

function departmentsOf(tasks: readonly Task[]): Department[] {
  const byName = new Map<string, Department>();
  for (const task of tasks) {
    // A task names each department once (mergeAssignments), so its id is added once.
    for (const { name } of task.departments) {
      const d = byName.get(name) ?? { id: `d-${name}`, name, taskIds: [] };
      d.taskIds.push(task.id);
      byName.set(name, d);
    }
  }
  return [...byName.values()];
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
