import type { SheetFormat } from '../core/code.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const latin1 = new TextDecoder('latin1');

/**
 * What a file that is not an .xlsx is, when it is a spreadsheet of another kind: by its first bytes (OLE compound file
 * for .xls and .et, a zip whose mimetype names OpenDocument) and, where bytes cannot tell, by its extension. Undefined
 * for anything else (a damaged file, a picture).
 */
export function otherFormat(file: string, bytes: Uint8Array): SheetFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (OLE.every((b, i) => bytes[i] === b)) return extension === 'et' || extension === 'ett' ? 'et' : 'xls';
  const head = latin1.decode(bytes.subarray(0, 128));
  if (head.startsWith('PK') && head.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (extension === 'ods' || extension === 'ots') return 'ods';
  if (extension === 'numbers') return 'numbers';
  if (extension === 'et' || extension === 'ett') return 'et';
  if (extension === 'xls') return 'xls';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  return undefined;
}

/** Extensions of spreadsheet files a folder of returned sheets may hold: OOXML ones are read, the others get a finding. */
export const SPREADSHEET_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.xls', '.et', '.ett', '.ods', '.ots', '.numbers', '.csv']);

/** Whether a file found in a folder of returned sheets is one to read: a spreadsheet, not Office's ~$ lock file, not hidden. */
export function isSheetFileName(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && SPREADSHEET_EXTENSIONS.has(base.slice(dot).toLowerCase()) && !base.startsWith('~$') && !base.startsWith('.');
}
