import type { Assignment } from './department.js';
import type { Finding } from './finding.js';
import type { EntryValues } from './entry.js';
import type { PlanDocument, PlanRecords, Target, Task } from './record.js';
import { normalize } from './text.js';
import { taskDeadline } from './worklist.js';

/** How a task of the old plan was found in the new one: the same text (numbering moved), the same number, or the same title. */
export type TaskMatch = 'text' | 'path' | 'title';
/** How a target was found: the same sentence and metric (wherever it moved), or the same metric in its matched task. */
export type TargetMatch = 'sentence' | 'metric';
/** What differs between a target (or a task with no target) and its match. */
export type Difference = 'value' | 'deadline' | 'departments' | 'renumbered';

/** Why an entry of a returned sheet has no place in the revised plan's sheet. */
export type DropReason =
  /** Its target is not in the revised plan. */
  | 'target-removed'
  /** Its task (a row reported by status) is not in the revised plan. */
  | 'task-removed'
  /** Its task now has targets of its own, reported row by row instead of by the task's status. */
  | 'task-now-has-targets'
  /** The revised plan no longer names the department on the task. */
  | 'department-removed'
  /** The target or task is there, but not due in the sheet's period any more. */
  | 'not-in-period'
  /** A row the department added by hand: it stands for nothing in either plan. */
  | 'row-added'
  /** A newer sheet of the same department and period was given: that one's entries are carried. */
  | 'superseded';

/** A line of the change report: a change of the plan, or what became of an entry. */
export type ChangeKind = PlanChange['kind'] | 'carried' | 'dropped';

/** Where an entry stood or stands: the row's target or task, its task's number and title, its metric. */
export interface EntryPlace {
  readonly id: string;
  readonly taskId: string;
  readonly path: string;
  readonly taskTitle: string;
  /** The target's metric; '' for a task reported by status. */
  readonly metric: string;
}

/** One entry of a returned sheet (a row with something typed in it), and what became of it in the reissued sheets. */
export interface EntryCarry {
  readonly department: string;
  readonly period: string;
  /** The returned file, its sheet, and the entry's row and figure cell there. */
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly cell: string;
  /** Undefined for a row added by hand. */
  readonly from: EntryPlace | undefined;
  /** What was typed, as carried into the new sheet. */
  readonly values: EntryValues;
  /** Where it went: the reissued file, its row and cell. Undefined when it was dropped. */
  readonly to?: EntryPlace & { readonly file: string; readonly row: number; readonly cell: string };
  readonly reason?: DropReason;
  /** The figure was typed in a unit the revision changed (万户 → 户, say), and is carried converted. */
  readonly converted?: { readonly from: string; readonly to: string };
}

/** What a change report says: the plan's changes (one per plan version the sheets came from), every entry's fate, the files not used, and the sheets made. */
export interface ChangeReport {
  readonly changes: readonly PlanChanges[];
  readonly entries: readonly EntryCarry[];
  readonly findings: readonly Finding[];
  readonly sheets: readonly { readonly fileName: string }[];
}

export interface TaskPair {
  readonly from: Task;
  readonly to: Task;
  readonly by: TaskMatch;
}

export interface TargetPair {
  readonly from: Target;
  readonly to: Target;
  readonly by: TargetMatch;
}

/** One line of a change report: a target or task added, removed, or changed (what changed said). */
export type PlanChange =
  | { readonly kind: 'target-added'; readonly to: Target; readonly task: Task }
  | { readonly kind: 'target-removed'; readonly from: Target; readonly task: Task }
  | { readonly kind: 'target-changed'; readonly from: Target; readonly to: Target; readonly fromTask: Task; readonly toTask: Task; readonly differences: readonly Difference[] }
  | { readonly kind: 'task-added'; readonly to: Task }
  | { readonly kind: 'task-removed'; readonly from: Task }
  | { readonly kind: 'task-changed'; readonly from: Task; readonly to: Task; readonly differences: readonly Difference[] };

/** How a plan's revision relates to it: which tasks and targets carry over, and the change report's lines in the new plan's order. */
export interface PlanChanges {
  readonly from: PlanDocument;
  readonly to: PlanDocument;
  readonly tasks: readonly TaskPair[];
  readonly targets: readonly TargetPair[];
  readonly changes: readonly PlanChange[];
  /** Old target id → new target id, old task id → new task id. */
  readonly targetIds: ReadonlyMap<string, string>;
  readonly taskIds: ReadonlyMap<string, string>;
}

/** What sheets carry: plan tasks, and the targets of the plan part (not last year's actuals). */
const planTasks = (records: PlanRecords): Task[] => records.tasks.filter((t) => t.kind === 'plan');
const planTargets = (records: PlanRecords, tasks: ReadonlyMap<string, Task>): Target[] => records.targets.filter((t) => t.kind === 'target' && t.taskId !== null && tasks.has(t.taskId));

/** Text compared without spacing or punctuation width: a reflowed paragraph is the same text. */
const key = (text: string): string => normalize(text).replace(/\s+/g, '');

/**
 * Matches a plan's tasks and targets to those of its revision and lists what changed. A task is matched by its text
 * (so a renumbered task is found), else by its number, else by its title; a target by its sentence and metric, else by
 * its metric within its matched task. Only what progress sheets carry is compared: plan tasks and their targets.
 */
export function planChanges(before: PlanRecords, after: PlanRecords): PlanChanges {
  const oldTasks = planTasks(before);
  const newTasks = planTasks(after);
  const taskPairs = pairTasks(oldTasks, newTasks);
  const taskIds = new Map(taskPairs.map((p) => [p.from.id, p.to.id]));
  const oldById = new Map(oldTasks.map((t) => [t.id, t]));
  const newById = new Map(newTasks.map((t) => [t.id, t]));
  const targetPairs = pairTargets(planTargets(before, oldById), planTargets(after, newById), taskIds);
  const targetIds = new Map(targetPairs.map((p) => [p.from.id, p.to.id]));

  const changes: { order: number; change: PlanChange }[] = [];
  const at = (task: Task, n = 0) => task.span.start + n / 1000;
  const pairedTaskTo = new Set(taskPairs.map((p) => p.to.id));
  for (const task of newTasks) if (!pairedTaskTo.has(task.id)) changes.push({ order: at(task), change: { kind: 'task-added', to: task } });
  for (const task of oldTasks) if (!taskIds.has(task.id)) changes.push({ order: -1, change: { kind: 'task-removed', from: task } });
  const hasTargets = new Set(planTargets(after, newById).map((t) => t.taskId));
  for (const pair of taskPairs) {
    const differences: Difference[] = [];
    if (pair.from.path.join('.') !== pair.to.path.join('.')) differences.push('renumbered');
    // A task's deadline and departments are its targets' when it has any: said with each target.
    if (!hasTargets.has(pair.to.id)) {
      if (taskDeadline(pair.from) !== taskDeadline(pair.to)) differences.push('deadline');
      if (!sameDepartments(pair.from.departments, pair.to.departments)) differences.push('departments');
    }
    if (differences.length > 0) changes.push({ order: at(pair.to), change: { kind: 'task-changed', from: pair.from, to: pair.to, differences } });
  }
  const pairedTo = new Set(targetPairs.map((p) => p.to.id));
  for (const target of planTargets(after, newById)) {
    const task = newById.get(target.taskId ?? '') as Task;
    if (!pairedTo.has(target.id)) changes.push({ order: at(task, 1 + target.span.start - task.span.start), change: { kind: 'target-added', to: target, task } });
  }
  for (const target of planTargets(before, oldById)) {
    if (targetIds.has(target.id)) continue;
    const task = oldById.get(target.taskId ?? '') as Task;
    // Where its task still is, in the new plan's order; else with the removed tasks, at the end.
    const now = newById.get(taskIds.get(task.id) ?? '');
    changes.push({ order: now ? at(now, 999) : -1, change: { kind: 'target-removed', from: target, task } });
  }
  for (const pair of targetPairs) {
    const fromTask = oldById.get(pair.from.taskId ?? '') as Task;
    const toTask = newById.get(pair.to.taskId ?? '') as Task;
    const differences = targetDifferences(pair.from, pair.to, fromTask, toTask);
    if (differences.length > 0) changes.push({ order: at(toTask, 1 + pair.to.span.start - toTask.span.start), change: { kind: 'target-changed', from: pair.from, to: pair.to, fromTask, toTask, differences } });
  }
  // The new plan's order; what it no longer has comes last, in the old plan's order.
  const sorted = changes.map((c, i) => ({ ...c, order: c.order < 0 ? Number.MAX_SAFE_INTEGER : c.order, i })).sort((a, b) => a.order - b.order || a.i - b.i);
  return { from: before.document, to: after.document, tasks: taskPairs, targets: targetPairs, changes: sorted.map((c) => c.change), targetIds, taskIds };
}

function pairTasks(oldTasks: readonly Task[], newTasks: readonly Task[]): TaskPair[] {
  const pairs: TaskPair[] = [];
  const left = new Set(oldTasks);
  const right = new Set(newTasks);
  const pass = (by: TaskMatch, keyOf: (t: Task) => string, unique: boolean): void => {
    const candidates = new Map<string, Task[]>();
    for (const t of right) candidates.set(keyOf(t), [...(candidates.get(keyOf(t)) ?? []), t]);
    const olds = new Map<string, number>();
    for (const t of left) olds.set(keyOf(t), (olds.get(keyOf(t)) ?? 0) + 1);
    for (const from of [...left]) {
      const found = candidates.get(keyOf(from)) ?? [];
      const to = found.find((t) => right.has(t));
      if (!to || (unique && (found.length > 1 || (olds.get(keyOf(from)) ?? 0) > 1))) continue;
      pairs.push({ from, to, by });
      left.delete(from);
      right.delete(to);
    }
  };
  pass('text', (t) => key(t.text), true);
  pass('path', (t) => t.path.join('.'), false);
  pass('title', (t) => key(t.title), true);
  return pairs.sort((a, b) => a.to.span.start - b.to.span.start);
}

function pairTargets(oldTargets: readonly Target[], newTargets: readonly Target[], taskIds: ReadonlyMap<string, string>): TargetPair[] {
  const pairs: TargetPair[] = [];
  const right = new Set(newTargets);
  const bySentence = (t: Target): string => `${key(t.sentence)}|${t.metric}`;
  const count = (items: readonly Target[]) => {
    const n = new Map<string, number>();
    for (const t of items) n.set(bySentence(t), (n.get(bySentence(t)) ?? 0) + 1);
    return n;
  };
  const oldCounts = count(oldTargets);
  const newCounts = count(newTargets);
  const unpaired: Target[] = [];
  for (const from of oldTargets) {
    const k = bySentence(from);
    const to = oldCounts.get(k) === 1 && newCounts.get(k) === 1 ? newTargets.find((t) => bySentence(t) === k) : undefined;
    if (to && right.has(to)) {
      pairs.push({ from, to, by: 'sentence' });
      right.delete(to);
    } else unpaired.push(from);
  }
  for (const from of unpaired) {
    const task = taskIds.get(from.taskId ?? '');
    const to = task === undefined ? undefined : [...right].find((t) => t.taskId === task && t.metric === from.metric);
    if (!to) continue;
    pairs.push({ from, to, by: 'metric' });
    right.delete(to);
  }
  return pairs;
}

function targetDifferences(from: Target, to: Target, fromTask: Task, toTask: Task): Difference[] {
  const differences: Difference[] = [];
  const stated = (t: Target) => `${t.stated?.unit ?? ''}×${t.stated?.factor ?? 1}`;
  if (from.value !== to.value || from.unit !== to.unit || from.comparator !== to.comparator || stated(from) !== stated(to)) differences.push('value');
  if (from.deadline !== to.deadline) differences.push('deadline');
  if (!sameDepartments(fromTask.departments, toTask.departments)) differences.push('departments');
  if (fromTask.path.join('.') !== toTask.path.join('.')) differences.push('renumbered');
  return differences;
}

const sameDepartments = (a: readonly Assignment[], b: readonly Assignment[]): boolean => {
  const names = (list: readonly Assignment[]) => list.map((d) => `${d.name}:${d.role}`).sort().join('|');
  return names(a) === names(b);
};
