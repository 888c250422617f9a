// How text fills a spreadsheet's cells when printed: widths in digit widths (a column's unit), heights in points.
// Measured against Excel and WPS (Calibri or 等线 11 with a Chinese fallback) and LibreOffice (Noto Sans CJK):
// a Chinese character takes about two digits' width, a line of it about 15.7pt in LibreOffice.

const LINE_HEIGHT = 15.75;
const ROW_PADDING = 2;
/** What a cell keeps of its column's width for its margins, in digit widths. */
const CELL_MARGIN = 1.5;

/** East Asian wide characters: CJK ideographs and punctuation, kana, hangul, full-width forms; curly quotes, full width in Chinese fonts. */
const WIDE = /[\u1100-\u115f\u2018-\u201f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The width text takes on one line, in digit widths: a Chinese character or full-width sign two, a digit one, anything else a little over one. */
export function textWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDE.test(c) ? 2 : c >= '0' && c <= '9' ? 1 : 1.1;
  return width;
}

/** The width a column needs to show text on one line, margins included. */
export function widthFor(text: string): number {
  return Math.ceil(textWidth(text) + CELL_MARGIN);
}

/** Lines text wraps to in a column `width` digit widths wide (each of its own lines at least one). */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - CELL_MARGIN);
  return text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil(textWidth(line) / room)), 0);
}

/** A row's height, in points, that shows `lines` lines of 11pt text. */
export function rowHeight(lines: number, fontSize = 11): number {
  return Math.ceil((Math.max(1, lines) * LINE_HEIGHT * fontSize) / 11 + ROW_PADDING);
}
