/** Why a character is not scanned for indicators. */
export const MASK_NONE = 0;
export const MASK_QUOTE = 1;
export const MASK_OTHER = 2;
/** A task table's lines: read cell by cell as tasks, not as the text of the part they stand in. */
export const MASK_TABLE = 3;

/** Opening quote → its closing quote, by UTF-16 code. */
const PAIRS = new Map<number, number>(
  [
    ['“', '”'],
    ['‘', '’'],
    ['「', '」'],
    ['『', '』'],
    ['《', '》'],
    ['〈', '〉'],
    ['"', '"'],
  ].map(([open, close]) => [(open as string).charCodeAt(0), (close as string).charCodeAt(0)]),
);
const NEWLINE = 0x0a;

/**
 * Marks quoted and titled spans (“两张网”, 《行动方案》): names, not indicators.
 * A quote must close within its line; an unclosed one masks nothing.
 */
export function quoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let i = 0;
  while (i < text.length) {
    const open = text.charCodeAt(i);
    const close = PAIRS.get(open);
    if (close === undefined) {
      i++;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === NEWLINE) break;
      if (c === close) depth--;
      else if (c === open && open !== close) depth++;
      if (depth === 0) break;
    }
    if (depth === 0) {
      mask.fill(MASK_QUOTE, i, j + 1);
      i = j + 1;
    } else {
      i++;
    }
  }
  return mask;
}

/** Masks every match of a global pattern, e.g. document numbers 〔2021〕13号. */
export function maskPattern(mask: Uint8Array, text: string, pattern: RegExp): void {
  for (const m of text.matchAll(pattern)) mask.fill(MASK_OTHER, m.index, m.index + m[0].length);
}

/** The last quoted span that ends in [from, to), without its quote marks. */
export function lastQuoted(text: string, mask: Uint8Array, from: number, to: number): string | undefined {
  let end = to - 1;
  while (end >= from && mask[end] !== MASK_QUOTE) end--;
  if (end < from) return undefined;
  let start = end;
  while (start > from && mask[start - 1] === MASK_QUOTE) start--;
  const inner = text.slice(start + 1, end);
  return inner.length > 0 ? inner : undefined;
}
