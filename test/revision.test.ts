// Plan revisions: what a revised plan keeps of the old one's tasks and targets, and what changed.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePlan } from '../src/index.js';
import { planChanges, type PlanChange } from '../src/core/revision.js';
import { seed } from './helpers/sheets.js';

const REVISED = new URL('./fixtures/yangpu-2021-13-revised.txt', import.meta.url);
// The seed revised: 5G综合杆基站 176 → 180, 出租车充电示范站 removed, 类脑芯片应用示范场景 5个 added to task 7, tasks 14 and 15 swapped.
const revised = parsePlan(readFileSync(REVISED, 'utf8'));

/** A change as [kind, old id, new id, what changed]. */
const view = (c: PlanChange): [string, string, string, string] => [
  c.kind,
  'from' in c ? c.from.id : '',
  'to' in c ? c.to.id : '',
  'differences' in c ? c.differences.join(',') : '',
];

describe('planChanges', () => {
  test('the seed and its revision: every change, in the revised plan’s order, the removed last', () => {
    expect(planChanges(seed, revised).changes.map(view)).toEqual([
      ['target-changed', 't2.2.2-1', 't2.2.2-1', 'value'],
      ['target-added', '', 't2.3.7-1', ''],
      ['target-removed', 't2.5.12-2', '', ''],
      ['task-changed', 't2.5.15', 't2.5.14', 'renumbered'],
      ['target-changed', 't2.5.15-1', 't2.5.14-1', 'renumbered'],
      ['task-changed', 't2.5.14', 't2.5.15', 'renumbered'],
    ]);
  });

  test.each([
    { description: 'a task whose figure changed is found by its number', from: 't2.2.2', to: 't2.2.2', by: 'path' },
    { description: 'a renumbered task is found by its text', from: 't2.5.15', to: 't2.5.14', by: 'text', notes: 'by number it would be task 14, another task' },
    { description: 'an unchanged task', from: 't2.4.11', to: 't2.4.11', by: 'text' },
  ])('$description', ({ from, to, by }) => {
    const pair = planChanges(seed, revised).tasks.find((p) => p.from.id === from);
    expect([pair?.to.id, pair?.by]).toEqual([to, by]);
  });

  test.each([
    { description: 'the changed figure, by its metric within its task', from: 't2.2.2-1', to: 't2.2.2-1', by: 'metric' },
    { description: 'a target of a renumbered task, by its sentence', from: 't2.5.15-1', to: 't2.5.14-1', by: 'sentence' },
    { description: 'a target whose sentence lost a neighbour, by its metric', from: 't2.5.12-1', to: 't2.5.12-1', by: 'metric' },
  ])('$description', ({ from, to, by }) => {
    const pair = planChanges(seed, revised).targets.find((p) => p.from.id === from);
    expect([pair?.to.id, pair?.by]).toEqual([to, by]);
  });

  test('a plan against itself: everything matched, nothing changed', () => {
    const same = planChanges(seed, seed);
    expect(same.changes).toEqual([]);
    expect(same.targetIds.size).toBe(seed.targets.filter((t) => t.kind === 'target').length);
  });

  test.each([
    {
      description: 'a deadline moved and a department added',
      edit: (text: string) => inPlan(inPlan(text, '计划2021年内新增400个公共充电桩', '计划2021年9月底前新增400个公共充电桩'), '(推进单位:区科委、区建设管理委)', '(推进单位:区科委、区建设管理委、区发展改革委)'),
      expected: [
        ['target-changed', 't2.5.12-1', 't2.5.12-1', 'deadline,departments'],
        ['target-changed', 't2.5.12-2', 't2.5.12-2', 'deadline,departments'],
      ],
      notes: 'the sentence’s 9月底前 is the deadline of both its figures',
    },
    {
      description: 'a task with no figure given another department',
      edit: (text: string) => inPlan(text, '(推进单位:区商务委、区住房保障房屋管理局、区规划资源局)', '(推进单位:区商务委、区住房保障房屋管理局、区规划资源局、区大数据中心)'),
      expected: [['task-changed', 't2.5.14', 't2.5.14', 'departments']],
    },
    {
      description: 'a task with a figure given another department',
      edit: (text: string) => inPlan(text, '(推进单位:区卫生健康委)', '(推进单位:区卫生健康委、区大数据中心)'),
      expected: [['target-changed', 't2.5.15-1', 't2.5.15-1', 'departments']],
      notes: 'said with the task’s target, not again with the task',
    },
  ])('$description', ({ edit, expected }) => {
    const text = readFileSync(new URL('../seeds/yangpu-2021-13.txt', import.meta.url), 'utf8');
    expect(planChanges(seed, parsePlan(edit(text))).changes.map(view)).toEqual(expected);
  });
});

/** The text with its last `from` (the 2021 plan's, after the 2020 progress part's) replaced. */
function inPlan(text: string, from: string, to: string): string {
  const at = text.lastIndexOf(from);
  if (at < 0) throw new Error(from);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
