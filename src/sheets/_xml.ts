const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references: &lt; &#20013; &#x4E2D;. */
export function unescapeEntities(s: string): string {
  if (!s.includes('&')) return s;
  // Named entities by plain replacement (a long JSON cell has thousands of &quot;); &amp; last.
  let out = s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'");
  if (out.includes('&#')) {
    out = out.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_, e: string) => String.fromCodePoint(e.startsWith('x') ? parseInt(e.slice(1), 16) : Number(e)));
  }
  return out.includes('&') ? out.replace(/&(\w+);/g, (whole, e: string) => ENTITIES[e] ?? whole) : out;
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
