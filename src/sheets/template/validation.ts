import type ExcelJS from 'exceljs';
import { STATUSES } from '../../core/entry.js';
import type { Wording } from '../../core/locales/wording.js';
import type { FigureRule } from '../../core/progress-sheet.js';

const FIGURE_BOUNDS: Readonly<Record<FigureRule['kind'], Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'>>> = {
  percent: { type: 'decimal', operator: 'between', formulae: [0, 100] },
  whole: { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] },
  decimal: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] },
};

/**
 * The figure cell's validation: a warning, not a stop, so that people can still type 1.5万 or 400个 (read back with
 * entry-unit-converted). Each names its row, so exceljs writes one range per cell; grouped, it can emit overlapping ranges.
 */
export function figureValidation(rule: FigureRule, item: number, w: Wording): ExcelJS.DataValidation {
  const text = w.sheet.figure[rule.kind];
  return {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    promptTitle: w.sheet.figurePromptTitle(item),
    errorTitle: w.sheet.figureErrorTitle,
    ...FIGURE_BOUNDS[rule.kind],
    prompt: text.prompt(rule.unit),
    error: text.error(rule.unit),
  };
}

/** The status cell's list of the four statuses, in the sheet's language. */
export function statusValidation(item: number, w: Wording): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${STATUSES.map((s) => w.status[s]).join(',')}"`],
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    promptTitle: w.sheet.statusPromptTitle(item),
    prompt: w.sheet.statusPrompt,
    errorTitle: w.sheet.statusErrorTitle,
    error: w.sheet.statusError,
  };
}
