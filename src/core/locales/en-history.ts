import type { HistoryWording } from './wording.js';

/** The ledger across periods in English. */
export const enHistory: HistoryWording = {
  targets: { title: 'History', columns: { id: 'ID', ids: 'Earlier IDs', path: 'Task', taskTitle: 'Task title', metric: 'Metric', value: 'Target', unit: 'Unit', basis: 'Basis' } },
  departments: { title: 'History by department', columns: { id: 'ID', metric: 'Metric', unit: 'Unit', department: 'Department' } },
  figure: (period) => period,
  change: (period) => `${period} change`,
  changeShare: (period) => `${period} change (%)`,
  book: 'history.xlsx',
  page: 'trends.html',
  heading: 'Trends by period',
  span: (first, last, count) => `${first} to ${last}, ${count} periods; one line chart per target, change from the period before`,
  legend: { figure: 'Reported', target: 'Target', fell: 'Running figure fell' },
  written: (p) => `${p.targets} targets over ${p.periods} periods; ${p.findings} running figures fell`,
  files: (dir) => `History ledger, CSV and trend charts written to ${dir}`,
};
