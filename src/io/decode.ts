import { PlanLedgerError } from '../core/error.js';

/** Encodings a plan's text arrives in: what Word, WPS and Notepad save on Chinese Windows and elsewhere. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly bom: boolean;
}

const CONTROL_SHARE_OF_BINARY = 0.01;

/**
 * Decodes text, detecting UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern) and GB18030/GBK.
 * Throws file-binary or text-encoding-unknown for bytes that are not text.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3), file, true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return strict('utf-16le', bytes.subarray(2), file, true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return strict('utf-16be', bytes.subarray(2), file, true);

  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== undefined) return strict(utf16, bytes, file, false);
  if (looksBinary(bytes)) throw new PlanLedgerError('file-binary', { file });
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined) return { text, encoding, bom: false };
  }
  throw new PlanLedgerError('text-encoding-unknown', { file });
}

function strict(encoding: TextEncoding, bytes: Uint8Array, file: string, bom: boolean): DecodedText {
  const text = tryDecode(encoding, bytes);
  if (text === undefined) throw new PlanLedgerError('text-encoding-unknown', { file });
  return { text, encoding, bom };
}

function tryDecode(encoding: TextEncoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a BOM: ASCII (digits, newlines) puts NULs in one half of the byte pairs, and the text
 * decoded that way is made of characters a plan uses. CJK-only stretches have no NULs, so judge by decoding.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (evenNul === oddNul) return undefined;
  const encoding: TextEncoding = oddNul > evenNul ? 'utf-16le' : 'utf-16be';
  const text = tryDecode(encoding, sample.subarray(0, sample.length - 2)); // may end inside a pair
  if (text === undefined) return undefined;
  let plausible = 0;
  for (let i = 0; i < text.length; i++) if (isPlausible(text.charCodeAt(i))) plausible++;
  return plausible >= text.length * PLAUSIBLE_SHARE ? encoding : undefined;
}

const PLAUSIBLE_SHARE = 0.95;

/** Characters Chinese plans are written in: ASCII, Latin-1, general punctuation, CJK, full-width forms. */
function isPlausible(code: number): boolean {
  return (
    code === 0x09 || code === 0x0a || code === 0x0d ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    (code >= 0x2000 && code <= 0x27bf) ||
    (code >= 0x3000 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xffef)
  );
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > sample * CONTROL_SHARE_OF_BINARY;
}
