/** A paragraph of the normalized text, with offsets into the original. */
export interface Paragraph {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;

function isSpaceLike(code: number): boolean {
  return (
    code === 0x00a0 || // no-break space
    code === 0x3000 || // ideographic space
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff ||
    code === 0x0b ||
    code === 0x0c
  );
}

/**
 * Folds full-width ASCII to half-width, ﹒ to ., every space-like character but the tab to a space and CR to LF,
 * one UTF-16 unit for one, so offsets into the result are offsets into the input. Tabs stay: they part a table's cells.
 */
export function normalize(input: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    let mapped: string | undefined;
    if (code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST) mapped = String.fromCharCode(code - FULLWIDTH_OFFSET);
    else if (code === 0x0d) mapped = '\n';
    else if (code === 0xfe52) mapped = '.'; // ﹒ SMALL FULL STOP, as in 1﹒
    else if (isSpaceLike(code)) mapped = ' ';
    if (mapped !== undefined) {
      out += input.slice(runStart, i) + mapped;
      runStart = i + 1;
    }
  }
  return runStart === 0 ? input : out + input.slice(runStart);
}

/** Non-blank lines of normalized text, trimmed of spaces and tabs, with their offsets. */
export function paragraphs(normalized: string): Paragraph[] {
  const result: Paragraph[] = [];
  let lineStart = 0;
  while (lineStart <= normalized.length) {
    let lineEnd = normalized.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = normalized.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && isBlank(normalized.charCodeAt(start))) start++;
    while (end > start && isBlank(normalized.charCodeAt(end - 1))) end--;
    if (end > start) result.push({ text: normalized.slice(start, end), start, end });
    lineStart = lineEnd + 1;
  }
  return result;
}

const isBlank = (code: number): boolean => code === 0x20 || code === 0x09;

/** A key that ignores whitespace and punctuation width, for content hashes. */
export function contentKey(input: string): string {
  return normalize(input).replace(/\s+/g, '');
}

/** A 64-bit hash (two chained 32-bit FNV-1a lanes) as 16 hex digits; sync and browser-safe, not cryptographic. */
export function hash64(input: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c >>> 4) ^ h1, 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
