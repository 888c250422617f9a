import type ExcelJS from 'exceljs';
import type { Condition, FigureRule } from '../../core/progress-sheet.js';

const COLORS = {
  met: { font: 'FF006100', fill: 'FFC6EFCE' },
  onTrack: { font: 'FF9C5700', fill: 'FFFFEB9C' },
  behind: { font: 'FF9C0006', fill: 'FFFFC7CE' },
};

/** Met (green), behind time-elapsed progress (red), on track (amber), as conditional formats on the figure's cell. */
export function addTrafficLights(sheet: ExcelJS.Worksheet, address: string, rule: FigureRule): void {
  const a = address.replace(/^([A-Z]+)(\d+)$/, '$$$1$2');
  const format = (when: Condition, color: { font: string; fill: string }, priority: number): ExcelJS.ConditionalFormattingRule => ({
    type: 'expression',
    priority,
    formulae: [`AND(ISNUMBER(${a}),${a}${when.operator}${when.bound})`],
    style: { font: { color: { argb: color.font } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: color.fill } } },
  });
  const rules = [format(rule.met, COLORS.met, 1), format(rule.behind, COLORS.behind, 2)];
  if (rule.onTrack) rules.push(format(rule.onTrack, COLORS.onTrack, 3));
  sheet.addConditionalFormatting({ ref: address, rules });
}
