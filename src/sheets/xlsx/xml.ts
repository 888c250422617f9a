const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references: &lt; &#20013; &#x4E2D;. */
export function unescapeEntities(s: string): string {
  if (!s.includes('&')) return s;
  // Named entities by plain replacement (a long JSON cell has thousands of &quot;); &amp; last.
  let out = s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'");
  if (out.includes('&#')) {
    out = out.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_, e: string) => character(e.startsWith('x') ? parseInt(e.slice(1), 16) : Number(e)));
  }
  return out.includes('&') ? out.replace(/&(\w+);/g, (whole, e: string) => ENTITIES[e] ?? whole) : out;
}

/** The character a reference names; U+FFFD for one that names none (&#x110000;), as XML parsers that recover do. */
const character = (code: number): string => (code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd');

const AMPERSAND = 0x26;
const QUOT = [0x71, 0x75, 0x6f, 0x74, 0x3b]; // quot;

/**
 * The bytes of an XML part with every &quot; turned into the quote it stands for, before decoding:
 * text never needs it escaped, exceljs escapes every quote, and a sheet's metadata JSON has a thousand
 * of them, which a byte loop removes several times faster than string replacement after decoding.
 * Only for parts whose attribute values hold no quotes (shared strings).
 */
export function decodeQuotes(bytes: Uint8Array): Uint8Array {
  let i = bytes.indexOf(AMPERSAND);
  if (i < 0) return bytes;
  const result = new Uint8Array(bytes.length);
  result.set(bytes.subarray(0, i));
  let o = i;
  for (; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c === AMPERSAND && bytes[i + 1] === QUOT[0] && bytes[i + 2] === QUOT[1] && bytes[i + 3] === QUOT[2] && bytes[i + 4] === QUOT[3] && bytes[i + 5] === QUOT[4]) {
      result[o++] = 0x22;
      i += 5;
    } else {
      result[o++] = c;
    }
  }
  return result.subarray(0, o);
}

/** Spreadsheet text: entities, then Excel's _xHHHH_ escapes for characters XML cannot hold. */
export function unescapeCellText(s: string): string {
  const text = unescapeEntities(s);
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** name="value" pairs of an element's attribute text. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1] as string] = m[2] as string;
  return out;
}
