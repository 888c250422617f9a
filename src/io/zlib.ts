import * as zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import type { Inflate } from '../sheets/xlsx/zip.js';
import type { Crc32, Deflate } from '../sheets/xlsx/zip-writer.js';

/** Node's native inflate: several times faster than JavaScript for the sheet parts. */
export const nativeInflate: Inflate = (data, size) => new Uint8Array(zlib.inflateRawSync(data, { info: false, maxOutputLength: Math.max(size, 1) }));

/** Node's native raw deflate, for the parts a filled sheet changes (level 3, as the browser's). */
export const nativeDeflate: Deflate = (data) => new Uint8Array(zlib.deflateRawSync(data, { level: 3 }));

/** Node's native CRC-32 (zlib.crc32, from Node 20.15); undefined on older Node, where the JavaScript one serves. */
export const nativeCrc32: Crc32 | undefined = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

/** Node's zlib for filling sheets: spread into FillOptions. */
export const nodeZlib = { inflate: nativeInflate, deflate: nativeDeflate, ...(nativeCrc32 ? { crc32: nativeCrc32 } : {}) };

/** A file's SHA-256 in hex, for the ledger's record of which file each department sent. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
