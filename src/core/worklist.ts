import type { Period } from './period.js';
import { targetsByTask } from './lookup.js';
import type { Department, PlanRecords, Target, Task } from './record.js';

/** A row a department reports on: a target, or a task that has none (a status row). */
export type WorkItem =
  | { readonly kind: 'target'; readonly task: Task; readonly target: Target; readonly baseline: Target | undefined }
  | { readonly kind: 'task'; readonly task: Task };

/** By when a task is due: its own 完成时限, else its year's end. */
export function taskDeadline(task: Pick<Task, 'deadline' | 'year'>): string | null {
  return task.deadline ?? (task.year === null ? null : `${task.year}-12-31`);
}

/** Whether a plan task is due in a period: its part's year up to its last deadline. */
function inPeriod(task: Task, targets: readonly Target[], period: Period): boolean {
  if (task.kind !== 'plan' || task.year === null || task.year > period.year) return false;
  const deadlines = [task.deadline, ...targets.map((t) => t.deadline)];
  const lastYear = Math.max(task.year, ...deadlines.map((d) => Number((d ?? `${task.year}`).slice(0, 4))));
  return period.year <= lastYear;
}

/** Departments that have at least one plan task in the period, in plan order. */
export function departmentsFor(records: PlanRecords, period: Period): Department[] {
  const due = new Set(worklistTasks(records, period).map((t) => t.id));
  return records.departments.filter((d) => d.taskIds.some((id) => due.has(id)));
}

function worklistTasks(records: PlanRecords, period: Period): Task[] {
  const byTask = targetsByTask(records);
  return records.tasks.filter((task) => inPeriod(task, byTask.get(task.id) ?? [], period));
}

/** The rows a department's progress sheet lists for a period: one per target, one per task without a target. */
export function worklist(records: PlanRecords, department: string, period: Period): WorkItem[] {
  const byTask = targetsByTask(records);
  const items: WorkItem[] = [];
  for (const task of worklistTasks(records, period)) {
    if (!task.departments.some((d) => d.name === department)) continue;
    const targets = byTask.get(task.id) ?? [];
    if (targets.length === 0) items.push({ kind: 'task', task });
    for (const target of targets) items.push({ kind: 'target', task, target, baseline: baselineFor(records, target) });
  }
  return items;
}

/** A metric this short (基站) names too many things to match another by containment. */
const MIN_MATCH = 4;

/**
 * Last year's figure for the same thing (上年基数), from the plan's progress part: same unit, and the
 * metrics equal or one contains the other of at least four characters (公共充电桩). None when unsure.
 */
export function baselineFor(records: PlanRecords, target: Target): Target | undefined {
  if (target.year === null) return undefined;
  const candidates = records.targets.filter(
    (a) =>
      a.kind === 'actual' &&
      a.year !== null &&
      a.year < (target.year as number) &&
      a.unit === target.unit &&
      (a.metric === target.metric ||
        (Math.min(a.metric.length, target.metric.length) >= MIN_MATCH && (a.metric.includes(target.metric) || target.metric.includes(a.metric)))),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}
