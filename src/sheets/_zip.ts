/** Checks an .xlsx's zip structure before any library inflates it: type, truncation, and unzipped size. */
export type ZipProblem =
  | { readonly code: 'file-not-xlsx' }
  | { readonly code: 'file-corrupt'; readonly detail: string }
  | { readonly code: 'file-too-large'; readonly limit: string };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const MAX_COMMENT = 0xffff;

/** What is wrong with these bytes as an .xlsx, or undefined when they may be read. */
export function inspectXlsx(bytes: Uint8Array, maxUnzipped: number): ZipProblem | undefined {
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
  const entries = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (offset + size > end) return { code: 'file-corrupt', detail: 'the zip central directory points outside the file' };
  let total = 0;
  let workbook = false;
  const decoder = new TextDecoder();
  for (let i = 0, at = offset; i < entries; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) return { code: 'file-corrupt', detail: 'the zip central directory is damaged' };
    const unzipped = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    total += unzipped === 0xffffffff ? Number.POSITIVE_INFINITY : unzipped; // ZIP64: larger than 4 GB
    if (name === 'xl/workbook.xml') workbook = true;
    at += 46 + nameLength + extra + comment;
  }
  if (total > maxUnzipped) return { code: 'file-too-large', limit: `${Math.round(maxUnzipped / 1024 / 1024)} MB` };
  if (!workbook) return { code: 'file-not-xlsx' };
  return undefined;
}
