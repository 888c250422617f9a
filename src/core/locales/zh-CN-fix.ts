import type { Code } from '../code.js';

/** What a department does about each problem, in a clerk's words (zh-CN): the task pane, the offline page and the feedback copies say them. */
export const zhCNFix: Partial<Readonly<Record<Code, string>>> = {
  'entry-not-a-number': '完成值只填数字,单位以“单位”列为准,例如 约30 写成 30。',
  'entry-unit-converted': '已按“单位”列换算,请核对换算后的数是否正确。',
  'entry-negative': '完成值不能为负数,请填写实际完成的数量。',
  'entry-not-integer': '这个指标按个数计,请填写整数。',
  'entry-percent-out-of-range': '百分比应在 0 到 100 之间,例如 85% 填 85。',
  'entry-outlier': '数值远大于年度目标,请核对是否多写了零或单位填错。',
  'entry-decreased': '累计数不应比上期少,请核对;确有调整请在备注中说明。',
  'entry-behind-schedule': '低于本期序时进度,请在备注中说明原因和下一步安排。',
  'entry-below-target': '比率、指数一类按目标值考核:请核对数值;确实未达到的,在备注中说明原因和下一步安排。',
  'entry-status-inconsistent': '完成情况与完成值不一致,请核对两者。',
  'entry-evidence-missing': '标为“已完成”的,请在“佐证材料”中写明文件名称或链接。',
  'entry-overdue': '这项任务已到完成时限:已完成的请改为“已完成”并附佐证材料;未完成的请在备注中说明原因和预计完成时间。',
  'entry-figure-in-task-row': '这项任务没有量化目标,完成值一栏不用填;进展和数字请写在“进展说明”中。',
  'sheets-plan-versions': '这些表依据的是计划的另一版本:请按现行计划重新下发推进情况表,或在汇总时用 --plan 指定它们所依据的计划文件。',
  'template-plan-cell-changed': '计划内容不能修改,请撤销对这个单元格的改动(可从下发的原表复制)。',
  'template-row-deleted': '这一行被删除了,请从下发的原表恢复。',
  'template-row-added': '请不要在表中插入行,补充内容写在备注里。',
  'template-unknown-plan': '这张表不是按本次计划下发的,请在牵头部门本次下发的表中填写。',
  'template-not-a-progress-sheet': '请在牵头部门下发的推进情况表中填写,不要另建表格。',
  'consolidate-wrong-period': '请在本期下发的推进情况表中填写本期进展。',
  'consolidate-other-plan': '这张表不是按本次计划下发的,请在牵头部门本次下发的表中填写。',
  'consolidate-duplicate': '同一期报送了多份,只计入较新的一份;请确认以哪一份为准。',
  'consolidate-conflict': '与其他单位填报的同一指标数值不一致,请与对方核对后填写同一个数。',
};
