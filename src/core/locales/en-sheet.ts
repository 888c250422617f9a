import type { SheetWording } from './wording.js';

/** The words a progress sheet is written in (en), apart from the rest as zh-CN-sheet.ts. */
export const enSheet: SheetWording = {
  locale: 'en',
  status: { 'not-started': 'not started', 'in-progress': 'in progress', done: 'done', behind: 'behind' },
  comparator: { '=': '', '>': '>', '>=': '≥', '<': '<', '<=': '≤', '~': '≈' },
  periodName: (p) => {
    if (p.kind === 'year') return `${p.year}`;
    if (p.kind === 'half') return `${p.year} H${p.firstMonth === 1 ? 1 : 2}`;
    if (p.kind === 'quarter') return `${p.year} Q${p.lastMonth / 3}`;
    return `${p.year}-${String(p.firstMonth).padStart(2, '0')}`;
  },
  percent: (share) => `${Math.round(share * 1000) / 10}%`,
  sheet: {
    qualitativeMetric: '(qualitative: report status and progress)',
    figurePromptTitle: (item) => `Figure (item ${item})`,
    figureErrorTitle: 'Check the figure',
    figure: {
      percent: { prompt: () => 'A number from 0 to 100 (percent)', error: () => 'A percentage is between 0 and 100' },
      whole: { prompt: (unit) => `A whole number ≥ 0, in ${unit || '(none)'}`, error: (unit) => `Should be a whole number ≥ 0 (${unit || '(none)'})` },
      decimal: { prompt: (unit) => `A number ≥ 0, in ${unit || '(none)'}`, error: (unit) => `Should be a number ≥ 0 (${unit || '(none)'})` },
    },
    statusPromptTitle: (item) => `Status (item ${item})`,
    statusPrompt: 'Pick from the list',
    statusErrorTitle: 'Invalid status',
    statusError: 'Pick a status from the list',
    unitsNote: (units) => (units.length === 0 ? '' : `In the plan's units: ${units.map((u) => `1 ${u.stated} = ${u.factor.toLocaleString('en-US')} ${u.unit}`).join('; ')}`),
  },
};
