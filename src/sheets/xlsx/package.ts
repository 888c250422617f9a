import { damaged, WorkbookError, type Inflate, type StoredPart, type ZipArchive } from './zip.js';
import { compress, writeZip, type Crc32, type Deflate, type ZipEntry } from './zip-writer.js';
import { attribute, attributes, escapeAttribute, findElement } from './xml.js';

/** A relationship of a part: its id, type (the last segment of the type URI) and the part it targets. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's name in the package, or the target as written when it is external. */
  readonly target: string;
  readonly external: boolean;
}

/** What the XML parts of one package may unzip to, together: a template is a few hundred KB, a zip bomb gigabytes. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
/** How many compressed parts a cache keeps at most. */
const MAX_COMPRESSED = 64;
const RELATIONSHIP_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const CONTENT_TYPES = '[Content_Types].xml';
const OVERRIDE = /<Override\b([^<>]*?)\/?>/g;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * An Office Open XML package open for editing: parts are read on request, changed or added as text, and written
 * back with every other part copied as it was stored (same compressed bytes, same CRC).
 */
export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();

  /** Throws WorkbookError (file-too-large) when the parts that may be read unzip to more than `maxInflated` together. */
  constructor(
    private readonly zip: ZipArchive,
    private readonly inflate?: Inflate,
    /** Kept by a caller that opens the same template many times: parts' texts by name, CRC and size, and compressed parts by text. */
    private readonly cache?: PackageCache,
    maxInflated = MAX_INFLATED_BYTES,
  ) {
    // Only XML parts are ever inflated; pictures and other binary parts are copied as stored and do not count.
    if (zip.unzippedSizeOf((name) => /\.(xml|rels|vml)$/i.test(name)) > maxInflated) throw new WorkbookError({ code: 'file-too-large', limitMB: Math.round(maxInflated / 1024 / 1024) });
  }

  /** Part names: the archive's, in its order, then the added ones. */
  get names(): string[] {
    return [...this.zip.names, ...this.added].filter((name) => !this.removed.has(name));
  }

  /** Names of the parts that were changed or added. */
  get edited(): string[] {
    return [...this.changed];
  }

  has(name: string): boolean {
    return this.texts.has(name) || this.zip.has(name);
  }

  /** A part's text (as edited so far), or undefined when there is none. Throws WorkbookError on a damaged part. */
  text(name: string): string | undefined {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const stored = this.zip.stored(name);
    if (stored === undefined) return undefined;
    const key = `${name}|${stored.crc}|${stored.size}`;
    let text = this.cache?.texts.get(key);
    if (text === undefined) {
      text = decoder.decode(this.zip.read(name, this.inflate));
      this.cache?.texts.set(key, text);
    }
    this.texts.set(name, text);
    return text;
  }

  /** A part that must be there: throws WorkbookError (part-damaged) when it is missing. */
  require(name: string): string {
    const text = this.text(name);
    if (text === undefined) throw damaged({ reason: 'part-damaged', part: name });
    return text;
  }

  /** Replaces a part's text; nothing is marked when it is unchanged. */
  set(name: string, text: string): void {
    if (this.text(name) === text) return;
    if (!this.has(name)) this.added.push(name);
    this.texts.set(name, text);
    this.changed.add(name);
  }

  /** Leaves a part out of the package, with its relationships and its content type override. */
  remove(name: string): void {
    this.removed.add(name);
    if (this.has(relsName(name))) this.removed.add(relsName(name));
    this.editOverride(name, '');
  }

  /** Drops a default content type by extension (.bin of macros), when no part left needs it. */
  removeDefault(extension: string): void {
    if (this.names.some((n) => n.toLowerCase().endsWith(`.${extension}`))) return;
    const types = this.require(CONTENT_TYPES);
    this.set(CONTENT_TYPES, types.replace(/<Default\b([^<>]*?)\/?>/g, (whole, attrs: string) => (attributes(attrs)['Extension']?.toLowerCase() === extension ? '' : whole)));
  }

  /** The content type the package's overrides give a part. */
  contentType(name: string): string | undefined {
    return this.overrides().find((o) => o.name === name)?.type;
  }

  /** Sets the content type of a part that has an override. */
  setContentType(name: string, contentType: string): void {
    this.editOverride(name, `<Override PartName="/${escapeAttribute(name)}" ContentType="${contentType}"/>`);
  }

  /** The content-type overrides: part name (without its leading /) and type. */
  private overrides(): { name: string; type: string | undefined }[] {
    return [...this.require(CONTENT_TYPES).matchAll(OVERRIDE)].flatMap((m) => {
      const attrs = attributes(m[1] as string);
      return attrs['PartName'] ? [{ name: attrs['PartName'].replace(/^\//, ''), type: attrs['ContentType'] }] : [];
    });
  }

  /** Replaces the override of a part with `replacement` ('' to drop it). */
  private editOverride(name: string, replacement: string): void {
    const types = this.require(CONTENT_TYPES);
    this.set(CONTENT_TYPES, types.replace(OVERRIDE, (whole, attrs: string) => (attributes(attrs)['PartName'] === `/${name}` ? replacement : whole)));
  }

  /** Adds a part with its content type. */
  add(name: string, text: string, contentType: string): void {
    this.set(name, text);
    const types = this.require(CONTENT_TYPES);
    const override = `<Override PartName="/${escapeAttribute(name)}" ContentType="${contentType}"/>`;
    this.set(CONTENT_TYPES, types.replace(/<\/Types>\s*$/, `${override}</Types>`));
  }

  /** A name for a new part like `xl/worksheets/sheet{n}.xml` that no part has. */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.has(pattern(n))) return pattern(n);
  }

  /** Part names whose content type is `contentType`, by the package's overrides. */
  partsOfType(contentType: string): string[] {
    return this.overrides().flatMap((o) => (o.type === contentType && this.has(o.name) ? [o.name] : []));
  }

  /** The relationships of a part, from its .rels part. */
  relationships(part: string): Relationship[] {
    const rels = this.text(relsName(part));
    if (rels === undefined) return [];
    const out: Relationship[] = [];
    for (const m of rels.matchAll(/<Relationship\b([^<>]*?)\/?>/g)) {
      const attrs = m[1] as string;
      const id = attribute(attrs, 'Id');
      const target = attribute(attrs, 'Target');
      if (id === undefined || target === undefined) continue;
      const external = attribute(attrs, 'TargetMode') === 'External';
      const type = (attribute(attrs, 'Type') ?? '').replace(/^.*\//, '');
      out.push({ id, type, target: external ? target : resolvePart(part, target), external });
    }
    return out;
  }

  /** Adds a relationship from `part` to `target` (a part name) and returns its id. */
  relate(part: string, type: string, target: string): string {
    const name = relsName(part);
    const rels = this.text(name) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(this.relationships(part).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relation = `<Relationship Id="${id}" Type="${RELATIONSHIP_TYPE}${type}" Target="${escapeAttribute(relativeTarget(part, target))}"/>`;
    const end = findElement(rels, 'Relationships');
    if (!end) throw damaged({ reason: 'part-damaged', part: name });
    this.set(name, end.open === end.close ? `${rels.slice(0, end.start)}<Relationships${end.attributes}>${relation}</Relationships>${rels.slice(end.end)}` : rels.slice(0, end.close) + relation + rels.slice(end.close));
    return id;
  }

  /** Removes a relationship of a part by its id. */
  unrelate(part: string, id: string): void {
    const name = relsName(part);
    const rels = this.text(name);
    if (rels !== undefined) this.set(name, rels.replace(/<Relationship\b[^<>]*?\/?>/g, (whole) => (attribute(whole.slice(13), 'Id') === id ? '' : whole)));
  }

  /** The package as .xlsx bytes: edited parts compressed anew, the others copied as stored. */
  write(deflate?: Deflate, crc32?: Crc32): Uint8Array {
    const entries: ZipEntry[] = this.names.map((name) => {
      if (this.changed.has(name)) {
        const text = this.texts.get(name) as string;
        // Parts that come out the same for every sheet of a run (styles, the workbook, its lists) are compressed once.
        let stored = this.cache?.compressed.get(text);
        if (!stored) {
          stored = compress(encoder.encode(text), deflate, crc32);
          // Bounded: a long session (a task pane) fills sheet after sheet.
          if (this.cache && this.cache.compressed.size >= MAX_COMPRESSED) this.cache.compressed.clear();
          this.cache?.compressed.set(text, stored);
        }
        return { name, stored };
      }
      const stored = this.zip.stored(name);
      if (!stored) throw damaged({ reason: 'zip-entry', part: name });
      return { name, stored };
    });
    return writeZip(entries, deflate, crc32);
  }
}

/** What a run that opens one template many times keeps. */
export interface PackageCache {
  readonly texts: Map<string, string>;
  readonly compressed: Map<string, StoredPart>;
}

/** The .rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, resolved against the folder of the part that holds it. */
export function resolvePart(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : from.slice(0, from.lastIndexOf('/') + 1) + target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** A part name as a target relative to the part that points at it (../comments1.xml from a worksheet), as Excel writes them: some readers (exceljs) take no other form. */
function relativeTarget(from: string, target: string): string {
  const folder = from.split('/').slice(0, -1);
  const parts = target.split('/');
  let common = 0;
  while (common < folder.length && common < parts.length - 1 && folder[common] === parts[common]) common++;
  return [...Array<string>(folder.length - common).fill('..'), ...parts.slice(common)].join('/');
}
