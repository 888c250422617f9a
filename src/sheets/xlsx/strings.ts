import { sharedStrings } from './reader.js';
import { escapeText, findElement, withAttribute } from './xml.js';

/** Control characters XML 1.0 cannot hold, and text that looks like Excel's own _xHHHH_ escape. */
// eslint-disable-next-line no-control-regex -- these are the characters to escape
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/g;

/** Spreadsheet text as XML character data: entities, and Excel's _xHHHH_ escape for what XML cannot hold. */
export function escapeCellText(text: string): string {
  const safe = text.replace(UNSAFE, (s) => (s.length === 1 ? `_x${s.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_` : `_x005F${s}`));
  return escapeText(safe);
}

/** A text run as cells and shared strings write it, keeping leading and trailing spaces. */
export function textRun(text: string): string {
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${space}>${escapeCellText(text)}</t>`;
}

/** A workbook's shared strings, read, and appended to as new texts are written into cells. */
export class SharedStrings {
  private readonly texts: string[];
  private readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  private references = 0;

  constructor(private readonly xml: string | undefined) {
    this.texts = xml === undefined ? [] : sharedStrings(xml);
  }

  /** The text of item `i`; undefined when there is no such item. */
  text(i: number): string | undefined {
    return i < this.texts.length ? this.texts[i] : this.added[i - this.texts.length];
  }

  /** The item index of a text for a new cell: one item per distinct text added. */
  add(text: string): number {
    this.references++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.texts.length + this.added.length;
      this.added.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  /** Whether any item's text passes `test`. */
  some(test: (text: string) => boolean): boolean {
    return this.texts.some(test) || this.added.some(test);
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The part's text with the added items after the template's own. */
  toString(): string {
    const items = this.added.map((t) => `<si>${textRun(t)}</si>`).join('');
    const total = this.texts.length + this.added.length;
    const xml = this.xml ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';
    const sst = findElement(xml, 'sst');
    if (!sst) return xml;
    const count = Number(/\bcount="(\d+)"/.exec(sst.attributes)?.[1] ?? this.texts.length) + this.references;
    let attrs = withAttribute(sst.attributes, 'uniqueCount', String(total));
    attrs = withAttribute(attrs, 'count', String(count));
    const inner = sst.open === sst.close ? '' : xml.slice(sst.open, sst.close);
    return `${xml.slice(0, sst.start)}<sst${attrs}>${inner}${items}</sst>${xml.slice(sst.end)}`;
  }
}
