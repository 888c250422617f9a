import type { Condition, FigureRule } from '../../core/progress-sheet.js';
import type { StyleSheet } from '../xlsx/styles.js';
import { escapeText } from '../xlsx/xml.js';

/** Font and fill (ARGB) of each light, as Excel's own good/neutral/bad styles. */
const COLORS = {
  met: ['FF006100', 'FFC6EFCE'],
  onTrack: ['FF9C5700', 'FFFFEB9C'],
  behind: ['FF9C0006', 'FFFFC7CE'],
} as const;

export type LightStyles = Readonly<Record<keyof typeof COLORS, number>>;

/** The three differential formats the lights use, added to the styles once per sheet. */
export function lightStyles(styles: StyleSheet): LightStyles {
  return { met: styles.dxf(...COLORS.met), onTrack: styles.dxf(...COLORS.onTrack), behind: styles.dxf(...COLORS.behind) };
}

/**
 * Met (green), behind time-elapsed progress (red), on track (amber), as one <conditionalFormatting> on the figure's cell.
 * `priority` is the first free priority of the sheet; the next free one is returned with the XML.
 */
export function trafficLights(cell: string, rule: FigureRule, styles: LightStyles, priority: number): { xml: string; next: number } {
  const a = cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$2');
  let p = priority;
  const format = (when: Condition, dxf: number) =>
    `<cfRule type="expression" dxfId="${dxf}" priority="${p++}"><formula>${escapeText(`AND(ISNUMBER(${a}),${a}${when.operator}${when.bound})`)}</formula></cfRule>`;
  let rules = format(rule.met, styles.met) + format(rule.behind, styles.behind);
  if (rule.onTrack) rules += format(rule.onTrack, styles.onTrack);
  return { xml: `<conditionalFormatting sqref="${cell}">${rules}</conditionalFormatting>`, next: p };
}
