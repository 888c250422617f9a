import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Inflate } from '../sheets/xlsx/zip.js';
import type { Deflate } from '../sheets/xlsx/zip-writer.js';

/** Node's native inflate: several times faster than JavaScript for the sheet parts. */
export const nativeInflate: Inflate = (data, size) => new Uint8Array(inflateRawSync(data, { info: false, maxOutputLength: Math.max(size, 1) }));

/** Node's native raw deflate, for the parts a filled sheet changes. */
export const nativeDeflate: Deflate = (data) => new Uint8Array(deflateRawSync(data, { level: 6 }));
