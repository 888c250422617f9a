/** Why a character is not scanned for indicators. */
export const MASK_NONE = 0;
export const MASK_QUOTE = 1;
export const MASK_OTHER = 2;

const PAIRS: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '《': '》',
  '〈': '〉',
  '"': '"',
};

/**
 * Marks quoted and titled spans (“两张网”, 《行动方案》): names, not indicators.
 * A quote must close within its line; an unclosed one masks nothing.
 */
export function quoteMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let i = 0;
  while (i < text.length) {
    const close = PAIRS[text[i] as string];
    if (close === undefined) {
      i++;
      continue;
    }
    const open = text[i] as string;
    let depth = 1;
    let j = i + 1;
    for (; j < text.length && text[j] !== '\n'; j++) {
      const c = text[j];
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
