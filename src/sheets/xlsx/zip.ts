import { inflateSync } from 'fflate';
import type { CorruptReason } from '../../core/code.js';

/** Why bytes cannot be read as an .xlsx: type, damage, or unzipped size. */
export type ZipProblem = { readonly code: 'file-not-xlsx' } | { readonly code: 'file-corrupt'; readonly corrupt: CorruptReason } | { readonly code: 'file-too-large'; readonly limitMB: number };

/** A workbook that cannot be read, thrown by the reader and turned into a finding by whoever reads a file. */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';

  constructor(readonly problem: ZipProblem) {
    super(problem.code);
  }
}

/** The error for a damaged archive or part. */
export const damaged = (corrupt: CorruptReason): WorkbookError => new WorkbookError({ code: 'file-corrupt', corrupt });

/** Inflates raw deflate data to `size` bytes; fflate here, Node's native zlib where the front end has it. */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;
export const inflateJs: Inflate = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const MAX_COMMENT = 0xffff;

interface Entry {
  readonly method: number;
  readonly packed: number;
  readonly size: number;
  readonly offset: number;
  readonly crc: number;
  readonly flags: number;
  /** MS-DOS time and date, as stored. */
  readonly time: number;
  readonly date: number;
}

/** An entry as stored: its bytes still compressed, and how; enough to copy it into another archive unchanged. */
export interface StoredPart {
  readonly data: Uint8Array;
  readonly method: number;
  readonly size: number;
  readonly crc: number;
  /** General-purpose flags (bit 11: UTF-8 name). */
  readonly flags: number;
  readonly time: number;
  readonly date: number;
}

/** A zip archive read from its central directory; entries are inflated one by one, on request. */
export class ZipArchive {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  /** The archive, or why these bytes are not one. */
  static open(bytes: Uint8Array): ZipArchive | ZipProblem {
    const entries = centralDirectory(bytes);
    return entries instanceof Map ? new ZipArchive(bytes, entries) : entries;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Entry names in the archive's order. */
  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** Whether an entry is encrypted or too large for this reader (ZIP64); such an archive can be read but not copied. */
  get copyable(): boolean {
    for (const e of this.entries.values()) if (e.flags & 1 || e.size === 0xffffffff || e.packed === 0xffffffff) return false;
    return true;
  }

  /** The sum of the entries' unzipped sizes; infinite for ZIP64 (over 4 GB). */
  get unzippedSize(): number {
    return this.unzippedSizeOf(() => true);
  }

  /** The sum of the unzipped sizes of the entries whose names pass `filter`. */
  unzippedSizeOf(filter: (name: string) => boolean): number {
    let total = 0;
    for (const [name, e] of this.entries) if (filter(name)) total += e.size === 0xffffffff ? Number.POSITIVE_INFINITY : e.size;
    return total;
  }

  /** The entry's stored bytes, or undefined when there is none. Throws WorkbookError on a damaged entry. */
  stored(name: string): StoredPart | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    if (e.offset + 30 > this.bytes.length || view.getUint32(e.offset, true) !== LOCAL_HEADER) throw damaged({ reason: 'zip-entry', part: name });
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (start + e.packed > this.bytes.length) throw damaged({ reason: 'zip-entry', part: name });
    return { data: this.bytes.subarray(start, start + e.packed), method: e.method, size: e.size, crc: e.crc, flags: e.flags, time: e.time, date: e.date };
  }

  /** The entry unzipped, or undefined when there is none. Throws WorkbookError on a damaged entry. */
  read(name: string, inflate: Inflate = inflateJs): Uint8Array | undefined {
    const part = this.stored(name);
    if (!part) return undefined;
    if (part.method === 0) return part.data;
    if (part.method !== 8) throw damaged({ reason: 'zip-method', part: name, method: part.method });
    try {
      return inflate(part.data, part.size);
    } catch (cause) {
      throw damaged({ reason: 'inflate', part: name, detail: (cause as Error).message });
    }
  }
}

/** The archive's entries by name from its central directory, or why it has none. */
function centralDirectory(bytes: Uint8Array): Map<string, Entry> | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30 || view.getUint32(0, true) !== LOCAL_HEADER) return { code: 'file-not-xlsx' };
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) return { code: 'file-corrupt', corrupt: { reason: 'zip-truncated' } };
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (offset + size > end) return { code: 'file-corrupt', corrupt: { reason: 'zip-directory' } };
  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder();
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return { code: 'file-corrupt', corrupt: { reason: 'zip-directory' } };
    const nameLength = view.getUint16(at + 28, true);
    entries.set(entryName(bytes, at + 46, nameLength, decoder), {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      packed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** An entry's name: ASCII, as in every spreadsheet, read byte by byte (a decoder call per entry costs more); UTF-8 otherwise. */
function entryName(bytes: Uint8Array, from: number, length: number, decoder: TextDecoder): string {
  let name = '';
  for (let i = from; i < from + length; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) return decoder.decode(bytes.subarray(from, from + length));
    name += String.fromCharCode(b);
  }
  return name;
}

/** The archive of an .xlsx that may be read, checked before anything is inflated; throws WorkbookError with what is wrong. */
export function openXlsx(bytes: Uint8Array, maxUnzipped: number): ZipArchive {
  const zip = ZipArchive.open(bytes);
  if (!(zip instanceof ZipArchive)) throw new WorkbookError(zip);
  if (zip.unzippedSize > maxUnzipped) throw new WorkbookError({ code: 'file-too-large', limitMB: Math.round(maxUnzipped / 1024 / 1024) });
  if (!zip.has('xl/workbook.xml')) throw new WorkbookError({ code: 'file-not-xlsx' });
  return zip;
}
