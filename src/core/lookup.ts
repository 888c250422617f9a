import { pushTo } from './_group.js';
import type { PlanRecords, Target, Task } from './record.js';

/** An index of the records, built once per records object (parsed records are not changed): sheets by the thousand look things up in it. */
function indexed<T>(cache: WeakMap<PlanRecords, T>, records: PlanRecords, build: () => T): T {
  let index = cache.get(records);
  if (index === undefined) {
    index = build();
    cache.set(records, index);
  }
  return index;
}

const byId = new WeakMap<PlanRecords, ReadonlyMap<string, Target>>();
const tasks = new WeakMap<PlanRecords, ReadonlyMap<string, Task>>();
const byTask = new WeakMap<PlanRecords, ReadonlyMap<string, readonly Target[]>>();

/** The plan's targets by id. */
export function targetsById(records: PlanRecords): ReadonlyMap<string, Target> {
  return indexed(byId, records, () => new Map(records.targets.map((t) => [t.id, t])));
}

/** The plan's tasks by id. */
export function tasksById(records: PlanRecords): ReadonlyMap<string, Task> {
  return indexed(tasks, records, () => new Map(records.tasks.map((t) => [t.id, t])));
}

/** The plan's targets by the task that carries them, in plan order. */
export function targetsByTask(records: PlanRecords): ReadonlyMap<string, readonly Target[]> {
  return indexed(byTask, records, () => {
    const map = new Map<string, Target[]>();
    for (const t of records.targets) if (t.taskId !== null) pushTo(map, t.taskId, t);
    return map;
  });
}
