import { inflateSync } from 'fflate';

/** Checks an .xlsx's zip structure before any library inflates it: type, truncation, and unzipped size. */
export type ZipProblem =
  | { readonly code: 'file-not-xlsx' }
  | { readonly code: 'file-corrupt'; readonly detail: string }
  | { readonly code: 'file-too-large'; readonly limit: string };

/** Inflates raw deflate data to `size` bytes; fflate here, Node's native zlib where the front end has it. */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;
export const inflateJs: Inflate = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const MAX_COMMENT = 0xffff;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly packed: number;
  readonly size: number;
  readonly offset: number;
}

/** The archive's entries from its central directory, or why it has none. */
function centralDirectory(bytes: Uint8Array): Entry[] | ZipProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30 || view.getUint32(0, true) !== LOCAL_HEADER) return { code: 'file-not-xlsx' };
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) return { code: 'file-corrupt', detail: 'the zip archive is truncated (no central directory)' };
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (offset + size > end) return { code: 'file-corrupt', detail: 'the zip central directory points outside the file' };
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return { code: 'file-corrupt', detail: 'the zip central directory is damaged' };
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      packed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** What is wrong with these bytes as an .xlsx, or undefined when they may be read. */
export function inspectXlsx(bytes: Uint8Array, maxUnzipped: number): ZipProblem | undefined {
  const entries = centralDirectory(bytes);
  if (!Array.isArray(entries)) return entries;
  // ZIP64 (sizes of 0xFFFFFFFF) means larger than 4 GB: too large by definition.
  const total = entries.reduce((sum, e) => sum + (e.size === 0xffffffff ? Number.POSITIVE_INFINITY : e.size), 0);
  if (total > maxUnzipped) return { code: 'file-too-large', limit: `${Math.round(maxUnzipped / 1024 / 1024)} MB` };
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return { code: 'file-not-xlsx' };
  return undefined;
}

/** The entries a filter wants, inflated; the rest stay packed. Throws on a damaged archive. */
export function unzipParts(bytes: Uint8Array, want: (name: string) => boolean, inflate: Inflate = inflateJs): Record<string, Uint8Array> {
  const entries = centralDirectory(bytes);
  if (!Array.isArray(entries)) throw new Error(entries.code === 'file-corrupt' ? entries.detail : 'not a zip archive');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Record<string, Uint8Array> = {};
  for (const e of entries) {
    if (!want(e.name)) continue;
    if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL_HEADER) throw new Error(`damaged zip entry ${e.name}`);
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (start + e.packed > bytes.length) throw new Error(`truncated zip entry ${e.name}`);
    const data = bytes.subarray(start, start + e.packed);
    if (e.method === 0) parts[e.name] = data;
    else if (e.method === 8) parts[e.name] = inflate(data, e.size);
    else throw new Error(`zip entry ${e.name} uses compression method ${e.method}`);
  }
  return parts;
}
