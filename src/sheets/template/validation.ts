import { STATUSES } from '../../core/entry.js';
import type { SheetWording } from '../../core/locales/wording.js';
import type { FigureRule } from '../../core/progress-sheet.js';
import { escapeAttribute, escapeText } from '../xlsx/xml.js';

const FIGURE_BOUNDS: Readonly<Record<FigureRule['kind'], { type: string; operator: string; formulae: readonly string[] }>> = {
  percent: { type: 'decimal', operator: 'between', formulae: ['0', '100'] },
  whole: { type: 'whole', operator: 'greaterThanOrEqual', formulae: ['0'] },
  decimal: { type: 'decimal', operator: 'greaterThanOrEqual', formulae: ['0'] },
};

/** A <dataValidation> on one cell. Excel allows 32 characters of title and 255 of message. */
function validation(cell: string, attributes: Readonly<Record<string, string>>, formulae: readonly string[]): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  return `<dataValidation${attrs} sqref="${cell}">${formulae.map((f, i) => `<formula${i + 1}>${escapeText(f)}</formula${i + 1}>`).join('')}</dataValidation>`;
}

/**
 * The figure cell's validation: a warning, not a stop, so that people can still type 1.5万 or 400个 (read back with
 * entry-unit-converted). One per cell, each naming its row in the prompt.
 */
export function figureValidation(cell: string, rule: FigureRule, item: number, w: SheetWording): string {
  const text = w.sheet.figure[rule.kind];
  const { type, operator, formulae } = FIGURE_BOUNDS[rule.kind];
  return validation(
    cell,
    {
      type,
      operator,
      allowBlank: '1',
      showInputMessage: '1',
      showErrorMessage: '1',
      errorStyle: 'warning',
      promptTitle: w.sheet.figurePromptTitle(item),
      prompt: text.prompt(rule.unit),
      errorTitle: w.sheet.figureErrorTitle,
      error: text.error(rule.unit),
    },
    formulae,
  );
}

/** The status cell's list of the four statuses, in the sheet's language. */
export function statusValidation(cell: string, item: number, w: SheetWording): string {
  return validation(
    cell,
    {
      type: 'list',
      allowBlank: '1',
      showInputMessage: '1',
      showErrorMessage: '1',
      errorStyle: 'stop',
      promptTitle: w.sheet.statusPromptTitle(item),
      prompt: w.sheet.statusPrompt,
      errorTitle: w.sheet.statusErrorTitle,
      error: w.sheet.statusError,
    },
    [`"${STATUSES.map((s) => w.status[s]).join(',')}"`],
  );
}
