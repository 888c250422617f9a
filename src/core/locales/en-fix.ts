import type { Code } from '../code.js';

/** What a department does about each problem (en): the task pane, the offline page and the feedback copies say them. */
export const enFix: Partial<Readonly<Record<Code, string>>> = {
  'entry-not-a-number': 'Enter a number only, in the unit of the Unit column: write 约30 as 30.',
  'entry-unit-converted': 'Converted to the Unit column; check the converted figure.',
  'entry-negative': 'A figure cannot be negative.',
  'entry-not-integer': 'This target counts things: enter a whole number.',
  'entry-percent-out-of-range': 'A percentage is between 0 and 100: enter 85 for 85%.',
  'entry-outlier': 'Far above the year’s target: check for an extra zero or a wrong unit.',
  'entry-decreased': 'A running total should not fall: check it, or explain in the note.',
  'entry-behind-schedule': 'Behind this period’s pace: explain why and what comes next in the note.',
  'entry-below-target': 'Rates and indices are judged at the target itself: check the figure; if it is right, explain why and what comes next in the note.',
  'entry-status-inconsistent': 'The status and the figure disagree: check both.',
  'entry-evidence-missing': 'For “done”, name the document or link in Evidence.',
  'entry-overdue': 'This task is past its deadline: if it is done, mark it done with evidence; if not, say why in the note and by when it will be.',
  'entry-figure-in-task-row': 'This task has no figure: leave the figure cell as it is, and write progress and numbers in the note.',
  'sheets-plan-versions': 'These sheets were made from another version of the plan: send out sheets of the current plan, or name their plan with --plan when consolidating.',
  'template-plan-cell-changed': 'Plan cells are not to be changed: undo the change (copy it from the sheet as sent).',
  'template-row-deleted': 'This row was deleted: restore it from the sheet as sent.',
  'template-row-added': 'Do not insert rows; put additions in the note.',
  'template-unknown-plan': 'This sheet was not sent for this plan: fill in the sheet the coordinator sent this time.',
  'template-not-a-progress-sheet': 'Fill in the progress sheet the coordinator sent rather than a sheet of your own.',
  'consolidate-wrong-period': 'Report this period’s progress in this period’s sheet.',
  'consolidate-other-plan': 'This sheet was not sent for this plan: fill in the sheet the coordinator sent this time.',
  'consolidate-duplicate': 'Several sheets were sent for one period and only the newer counts: say which one stands.',
  'consolidate-conflict': 'Another department reports a different figure for the same target: agree on one figure with them.',
};
