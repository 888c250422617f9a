import type { FeedbackWording } from './wording.js';

/** The annotated copy of a returned sheet and each department's feedback form (en). */
export const enFeedback: FeedbackWording = {
  fileName: (base) => `${base}-feedback.xlsx`,
  author: 'Plan ledger',
  severity: { error: 'To correct', warning: 'To look at', info: 'For information' },
  how: 'What to do: ',
  defaultFix: 'Check and correct it as the problem says.',
  sheetName: 'Problems',
  title: 'Returned for correction: problems',
  intro: (file, c) =>
    `“${file}” has ${c.error + c.warning + c.info} problems: ${c.error} to correct, ${c.warning} to look at. Cells in red are to correct, in yellow to look at; each cell’s note says what to do. Correct them in this workbook and send it again.`,
  columns: ['No.', 'Cell', 'Level', 'Problem', 'What to do'],
  wholeSheet: 'Whole sheet',
  row: (row) => `Row ${row}`,
  sheetCell: (sheet, cell) => `${sheet} ${cell}`,
  form: {
    folder: 'feedback',
    fileName: (department) => `${department}.xlsx`,
    sheetName: 'Feedback',
    title: (department) => `${department}: progress feedback`,
    subtitle: (plan, period, date) => `${plan ? `${plan} · ` : ''}${period} · ${date}`,
    problems: '1. Problems in the sheets sent (correct them and send again)',
    problemColumns: ['No.', 'Cell', 'File', 'Level', 'Problem', 'What to do'],
    items: '2. Items behind schedule, missed or not reported',
    itemColumns: ['No.', 'ID', 'Target or task', 'Target', 'Figure', 'Verdict', 'Reason', 'Asked of you'],
    ask: {
      behind: 'Say why it is behind and what comes next; speed it up',
      missed: 'Say why it was missed, what is being done and by when it will be',
      'no-data': 'Report its progress',
      disputed: 'Check the figures, correct them and send again',
    },
    none: 'None',
    closing: 'Correct or explain each item above and send it to the coordinator in time; ask the coordinator if anything is unclear.',
  },
};
