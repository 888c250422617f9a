// The 问题 sheet of a feedback copy: every problem in a row, A4 portrait, the headers repeated on each printed page.
import type { Severity } from '../core/code.js';
import { textRun } from './xlsx/strings.js';
import type { StyleSheet } from './xlsx/styles.js';

/** A row of the list: how serious, where, what is wrong and what to do. */
export interface Problem {
  readonly severity: Severity;
  readonly where: string;
  readonly problem: string;
  readonly fix: string;
}

export interface ProblemSheetWords {
  readonly title: string;
  readonly intro: string;
  readonly columns: readonly [string, string, string, string, string];
  readonly severity: Readonly<Record<Severity, string>>;
}

/** Fills (ARGB) of the level cells, as the marked cells have them. */
export type SeverityFills = Readonly<Record<Severity, string>>;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
/** 序号, 单元格, 级别, 问题, 怎么改: about 100 characters wide, one A4 page across in portrait. */
const WIDTHS = [6, 12, 9, 46, 46];
const BORDER =
  '<border><left style="thin"><color rgb="FF7F7F7F"/></left><right style="thin"><color rgb="FF7F7F7F"/></right><top style="thin"><color rgb="FF7F7F7F"/></top><bottom style="thin"><color rgb="FF7F7F7F"/></bottom><diagonal/></border>';

/** The sheet's XML; its cell formats are added to `styles`. */
export function problemSheet(problems: readonly Problem[], words: ProblemSheetWords, styles: StyleSheet, fills: SeverityFills): string {
  const s = sheetStyles(styles, fills);
  const text = (ref: string, style: number, value: string): string => `<c r="${ref}" s="${style}" t="inlineStr"><is>${textRun(value)}</is></c>`;
  const rows = [
    `<row r="1" ht="24" customHeight="1">${text('A1', s.title, words.title)}</row>`,
    // Merged cells are not fitted to their text by Excel or LibreOffice: the introduction's height is given.
    `<row r="2" ht="48" customHeight="1">${text('A2', s.intro, words.intro)}</row>`,
    `<row r="3">${words.columns.map((header, i) => text(`${'ABCDE'[i]}3`, s.header, header)).join('')}</row>`,
    ...problems.map((p, i) => {
      const r = i + 4;
      return `<row r="${r}"><c r="A${r}" s="${s.number}"><v>${i + 1}</v></c>${text(`B${r}`, s.body, p.where)}${text(`C${r}`, s.severity[p.severity], words.severity[p.severity])}${text(`D${r}`, s.body, p.problem)}${text(`E${r}`, s.body, p.fix)}</row>`;
    }),
  ];
  const last = Math.max(3, problems.length + 3);
  const cols = WIDTHS.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:E${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData>` +
    '<mergeCells count="2"><mergeCell ref="A1:E1"/><mergeCell ref="A2:E2"/></mergeCells>' +
    '<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/></worksheet>'
  );
}

function sheetStyles(styles: StyleSheet, fills: SeverityFills) {
  const border = styles.add('borders', BORDER);
  const bold = styles.add('fonts', '<font><b/><sz val="11"/></font>');
  const big = styles.add('fonts', '<font><b/><sz val="14"/></font>');
  const wrap = '<alignment vertical="top" wrapText="1"/>';
  const xf = (font: number, fill: number, borderId: number, alignment: string): number =>
    styles.xf(`<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="${borderId}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${alignment}</xf>`);
  return {
    title: xf(big, 0, 0, '<alignment horizontal="center" vertical="center"/>'),
    intro: xf(0, 0, 0, wrap),
    header: xf(bold, styles.solidFill('FFDDEBF7'), border, '<alignment horizontal="center" vertical="center" wrapText="1"/>'),
    number: xf(0, 0, border, '<alignment horizontal="center" vertical="top"/>'),
    body: xf(0, 0, border, wrap),
    severity: { error: xf(0, styles.solidFill(fills.error), border, wrap), warning: xf(0, styles.solidFill(fills.warning), border, wrap), info: xf(0, styles.solidFill(fills.info), border, wrap) },
  };
}
