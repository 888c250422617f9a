import { damaged } from './zip.js';
import { findElement, findElements, withAttribute } from './xml.js';

/** The lists of a styles part that cell formats point into by index. */
export type StyleList = 'fonts' | 'fills' | 'borders';
const ITEM: Readonly<Record<StyleList, string>> = { fonts: 'font', fills: 'fill', borders: 'border' };

/** A workbook's styles part, read and appended to: cell formats that lock, unlock or fill, their fonts, fills and borders, and differential formats for rules. */
export class StyleSheet {
  private readonly xfs: string[];
  private readonly addedXfs: string[] = [];
  private readonly dxfs: string[] = [];
  private readonly dxfCount: number;
  private readonly variants = new Map<string, number>();
  private readonly counts: Record<StyleList, number>;
  private readonly added: Record<StyleList, string[]> = { fonts: [], fills: [], borders: [] };

  constructor(private readonly xml: string) {
    const cellXfs = findElement(xml, 'cellXfs');
    if (!cellXfs) throw damaged({ reason: 'part-damaged', part: 'xl/styles.xml' });
    this.xfs = findElements(xml, 'xf', cellXfs.open, cellXfs.close).map((e) => xml.slice(e.start, e.end));
    const dxfs = findElement(xml, 'dxfs');
    this.dxfCount = dxfs ? findElements(xml, 'dxf', dxfs.open, dxfs.close).length : 0;
    const count = (list: StyleList): number => {
      const e = findElement(xml, list);
      return e ? findElements(xml, ITEM[list], e.open, e.close).length : 0;
    };
    this.counts = { fonts: count('fonts'), fills: count('fills'), borders: count('borders') };
  }

  /** Adds a font, fill or border (its XML) and returns its index; the same XML twice is added once. */
  add(list: StyleList, xml: string): number {
    const known = this.added[list].indexOf(xml);
    if (known >= 0) return this.counts[list] + known;
    this.added[list].push(xml);
    return this.counts[list] + this.added[list].length - 1;
  }

  /** Adds a cell format (an <xf> element) and returns its index. */
  xf(xml: string): number {
    const known = this.variants.get(xml);
    if (known !== undefined) return known;
    const index = this.xfs.length + this.addedXfs.length;
    this.addedXfs.push(xml);
    this.variants.set(xml, index);
    return index;
  }

  /** A solid fill of a colour (ARGB), added once, and its index. */
  solidFill(argb: string): number {
    return this.add('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`);
  }

  /** The cell format like `xf` but with a solid fill (ARGB): its number format, font, borders, alignment and protection kept. */
  filled(xf: number, argb: string): number {
    const original = this.xfs[xf] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const fill = this.solidFill(argb);
    const open = /^<xf\b([^<>]*?)(\/?)>/.exec(original);
    if (!open) return xf;
    const attrs = withAttribute(withAttribute(open[1] as string, 'fillId', String(fill)), 'applyFill', '1');
    return this.xf(`<xf${attrs}${open[2]}>${original.slice(open[0].length)}`);
  }

  /** The cell format like `xf` but locked or unlocked on a protected sheet; `xf` itself when it already is. */
  protection(xf: number, locked: boolean): number {
    const original = this.xfs[xf] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const isLocked = !/<protection\b[^<>]*\blocked\s*=\s*"(0|false)"/.test(original);
    if (isLocked === locked && xf < this.xfs.length) return xf;
    const key = `${xf}|${locked}`;
    const known = this.variants.get(key);
    if (known !== undefined) return known;
    const index = this.xfs.length + this.addedXfs.length;
    this.addedXfs.push(withProtection(original, locked));
    this.variants.set(key, index);
    return index;
  }

  /** Whether cells of format `xf` wrap their text. */
  wraps(xf: number): boolean {
    return /<alignment\b[^<>]*\bwrapText\s*=\s*"(1|true)"/.test(this.xfs[xf] ?? '');
  }

  /** Adds a differential format (font colour and fill, ARGB) for conditional formatting and returns its id. */
  dxf(font: string, fill: string): number {
    this.dxfs.push(`<dxf><font><color rgb="${font}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${fill}"/></patternFill></fill></dxf>`);
    return this.dxfCount + this.dxfs.length - 1;
  }

  get changed(): boolean {
    return this.addedXfs.length > 0 || this.dxfs.length > 0;
  }

  toString(): string {
    let xml = this.xml;
    for (const list of ['fonts', 'fills', 'borders'] as const) xml = appendTo(xml, list, this.added[list], this.counts[list]);
    xml = appendTo(xml, 'cellXfs', this.addedXfs, this.xfs.length);
    if (this.dxfs.length === 0) return xml;
    if (findElement(xml, 'dxfs')) return appendTo(xml, 'dxfs', this.dxfs, this.dxfCount);
    // No dxfs yet: after cellStyles (or cellXfs), as CT_Stylesheet orders them.
    const before = findElement(xml, 'cellStyles') ?? (findElement(xml, 'cellXfs') as NonNullable<ReturnType<typeof findElement>>);
    xml = `${xml.slice(0, before.end)}<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>${xml.slice(before.end)}`;
    return xml;
  }
}

/** The element `name` with `items` appended inside it and its count attribute set. */
function appendTo(xml: string, name: string, items: readonly string[], existing: number): string {
  if (items.length === 0) return xml;
  const e = findElement(xml, name);
  if (!e) return xml;
  const attrs = withAttribute(e.attributes, 'count', String(existing + items.length));
  const inner = e.open === e.close ? '' : xml.slice(e.open, e.close);
  return `${xml.slice(0, e.start)}<${name}${attrs}>${inner}${items.join('')}</${name}>${xml.slice(e.end)}`;
}

/** A cell format (<xf>) with its protection set: locked is the default, so a locked one has none. */
function withProtection(xf: string, locked: boolean): string {
  const open = /^<xf\b([^<>]*?)(\/?)>/.exec(xf);
  if (!open) return xf;
  const selfClosing = open[2] === '/';
  let inner = selfClosing ? '' : xf.slice(open[0].length, xf.lastIndexOf('</xf>'));
  inner = inner.replace(/<protection\b[^<>]*?(\/>|>[\s\S]*?<\/protection>)/, '');
  const attrs = withAttribute(open[1] as string, 'applyProtection', '1');
  if (!locked) {
    // After alignment, before extLst (CT_Xf).
    const alignment = /<alignment\b[^<>]*?(\/>|>[\s\S]*?<\/alignment>)/.exec(inner);
    const at = alignment ? alignment.index + alignment[0].length : 0;
    inner = `${inner.slice(0, at)}<protection locked="0"/>${inner.slice(at)}`;
  }
  return inner === '' ? `<xf${attrs}/>` : `<xf${attrs}>${inner}</xf>`;
}
