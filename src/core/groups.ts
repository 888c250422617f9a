import * as z from 'zod';
import { mergeAssignments, type Assignment } from './department.js';
import type { Department, PlanRecords, Task } from './record.js';

/** A groups file: each group a plan names (各街道) and the departments it stands for. */
export const GroupsSchema = z.record(z.string().min(1), z.array(z.string().min(1)).min(1));
export type Groups = Readonly<Record<string, readonly string[]>>;

/** The departments that report, each with its tasks, in plan order: groups are not among them, their members are. */
export function departmentsOf(tasks: readonly Task[]): Department[] {
  const byName = new Map<string, Department>();
  for (const task of tasks) {
    // A task names each department once (mergeAssignments), so its id is added once.
    for (const { name, group } of task.departments) {
      if (group) continue;
      const d = byName.get(name) ?? { id: `d-${name}`, name, taskIds: [] };
      d.taskIds.push(task.id);
      byName.set(name, d);
    }
  }
  return [...byName.values()];
}

/** Whether some department (not only a group) reports on a task. */
export const isCarried = (task: Task): boolean => task.departments.some((d) => !d.group);

/**
 * The plan with each group a groups file lists replaced by its members, with the group's role (各街道 → 殷行街道 …):
 * they get sheets, and the group's findings (department-group, and target-unassigned where it alone carried a target)
 * are gone. Groups the file does not list stay as they were.
 */
export function applyGroups(records: PlanRecords, groups: Groups): PlanRecords {
  const listed = (d: Assignment): readonly string[] | undefined => (d.group ? groups[d.name] : undefined);
  const tasks = records.tasks.map((task) => {
    if (!task.departments.some(listed)) return task;
    const departments: Assignment[] = [];
    for (const d of task.departments) {
      const members = listed(d);
      mergeAssignments(departments, members ? members.map((name) => ({ name, role: d.role, of: d.name })) : [d]);
    }
    return { ...task, departments };
  });
  const carried = new Set(tasks.filter(isCarried).map((t) => t.id));
  const taskOf = new Map(records.targets.map((t) => [t.id, t.taskId]));
  const findings = records.findings.filter((f) => {
    if (f.code === 'department-group') return groups[(f.params as { name: string }).name] === undefined;
    if (f.code === 'target-unassigned') return !carried.has(taskOf.get((f.params as { targetId: string }).targetId) ?? '');
    return true;
  });
  return { ...records, tasks, departments: departmentsOf(tasks), findings };
}
