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

/** name="value" (or name='value') pairs of an element's attribute text. */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1] as string] = (m[2] ?? m[3]) as string;
  return out;
}

/**
 * Rewrites the value of attribute `name` in every start tag of `element` (any element when undefined), in either quote;
 * `change` gets and gives the value as written (escaped).
 */
export function mapAttribute(xml: string, element: string | undefined, name: string, change: (value: string) => string): string {
  const start = new RegExp(`<${element ?? '[\\w:]+'}\\b`, 'g');
  const pair = new RegExp(`(\\s${name}\\s*=\\s*)(?:"([^"]*)"|'([^']*)')`);
  let out = '';
  let last = 0;
  // Tag by tag, each to its first >: hostile text (a tag never closed) costs linear time.
  for (let m = start.exec(xml); m; m = start.exec(xml)) {
    const end = xml.indexOf('>', m.index);
    if (end < 0) break;
    const tag = xml.slice(m.index, end);
    // Written back in double quotes: a double quote inside a single-quoted value becomes &quot;.
    const changed = tag.replace(pair, (_, open: string, double: string | undefined, single: string | undefined) => `${open}"${change(double ?? (single ?? '').replaceAll('"', '&quot;'))}"`);
    out += xml.slice(last, m.index) + changed;
    last = end;
    start.lastIndex = end;
  }
  return last === 0 ? xml : out + xml.slice(last);
}

/** Text as XML character data: & < > escaped (quotes need no escape there). */
export function escapeText(s: string): string {
  return /[&<>]/.test(s) ? s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;') : s;
}

/** Text as a double-quoted attribute value. */
export function escapeAttribute(s: string): string {
  return /[&<>"\n\r\t]/.test(s) ? escapeText(s).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;') : s;
}

/** An element found in XML text: where it starts, where its start tag and content end, and where it ends. */
export interface Element {
  readonly start: number;
  /** Just after the start tag's >. */
  readonly open: number;
  /** Where the end tag starts (equal to `open` for an empty-element tag). */
  readonly close: number;
  /** Just after the element. */
  readonly end: number;
  /** The start tag's attribute text. */
  readonly attributes: string;
}

/** The first element named `name` (with its prefix, if any) at or after `from`, nested ones counted; undefined when there is none. */
export function findElement(xml: string, name: string, from = 0, to = xml.length): Element | undefined {
  const open = `<${name}`;
  for (let at = xml.indexOf(open, from); at >= 0 && at < to; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    if (!(next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)) continue;
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd < 0) return undefined;
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
    const attributes = xml.slice(at + open.length, selfClosing ? tagEnd - 1 : tagEnd);
    if (selfClosing) return { start: at, open: tagEnd + 1, close: tagEnd + 1, end: tagEnd + 1, attributes };
    const close = closingTag(xml, name, tagEnd + 1);
    if (close < 0) return undefined;
    return { start: at, open: tagEnd + 1, close, end: close + name.length + 3, attributes };
  }
  return undefined;
}

/** Every element named `name` directly or deeper inside xml[from, to), in order, not nested in one another. */
export function findElements(xml: string, name: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  for (let e = findElement(xml, name, from, to); e && e.end <= to; e = findElement(xml, name, e.end, to)) out.push(e);
  return out;
}

/** Where the end tag that closes an element `name` opened before `from` starts, counting elements of the same name inside it. */
function closingTag(xml: string, name: string, from: number): number {
  const open = `<${name}`;
  const end = `</${name}>`;
  let depth = 1;
  let at = from;
  for (;;) {
    const close = xml.indexOf(end, at);
    if (close < 0) return -1;
    for (let inner = xml.indexOf(open, at); inner >= 0 && inner < close; inner = xml.indexOf(open, inner + 1)) {
      const next = xml.charCodeAt(inner + open.length);
      if (!(next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d)) continue;
      const tagEnd = xml.indexOf('>', inner);
      if (xml.charCodeAt(tagEnd - 1) !== 0x2f) depth++;
    }
    if (--depth === 0) return close;
    at = close + end.length;
  }
}

const attributePatterns = new Map<string, RegExp>();

/** An element's start-tag attribute text with one attribute set (added when absent), or removed for undefined. */
export function withAttribute(attributeText: string, name: string, value: string | undefined): string {
  if (value === undefined && !attributeText.includes(name)) return attributeText;
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`(\\s)${name.replace('.', '\\.')}\\s*=\\s*("[^"]*"|'[^']*')`)));
  const m = pattern.exec(attributeText);
  if (value === undefined) return m ? attributeText.slice(0, m.index) + attributeText.slice(m.index + m[0].length) : attributeText;
  const pair = `${name}="${escapeAttribute(value)}"`;
  if (m) return `${attributeText.slice(0, m.index)}${m[1]}${pair}${attributeText.slice(m.index + m[0].length)}`;
  return `${attributeText.replace(/\s+$/, '')} ${pair}`;
}

/** One attribute's value (unescaped) from an element's attribute text. */
export function attribute(attributeText: string, name: string): string | undefined {
  // name="…" after white space, as every writer puts it; the general parser for anything else.
  const at = attributeText.indexOf(`${name}="`);
  if (at > 0 && attributeText.charCodeAt(at - 1) <= 0x20) {
    const from = at + name.length + 2;
    return unescapeEntities(attributeText.slice(from, attributeText.indexOf('"', from)));
  }
  if (!attributeText.includes(name)) return undefined;
  const value = attributes(attributeText)[name];
  return value === undefined ? undefined : unescapeEntities(value);
}

/**
 * Rewrites every element whose start tag `open` matches (a global pattern; its first group is the element's prefix and name,
 * as the end tag repeats them), in one pass: each element ends at the first end tag of its name, and an element that is never
 * closed ends the rewriting, so that hostile XML costs linear time (a lazy regular expression rescans to the end for each).
 */
export function replaceElements(xml: string, open: RegExp, replace: (element: string, start: RegExpExecArray, inner: string) => string): string {
  let out = '';
  let last = 0;
  open.lastIndex = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const end = `</${m[1]}>`;
    const close = xml.indexOf(end, m.index + m[0].length);
    if (close < 0) break;
    const stop = close + end.length;
    out += xml.slice(last, m.index) + replace(xml.slice(m.index, stop), m, xml.slice(m.index + m[0].length, close));
    last = stop;
    open.lastIndex = stop;
  }
  return last === 0 ? xml : out + xml.slice(last);
}
