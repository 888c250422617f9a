// Draws the add-in's icons into src/addin/assets/icon-{16,32,64,80}.png (npx tsx scripts/icons.ts); --check only compares their pixels.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';

const SIZES = [16, 32, 64, 80] as const;
const DIR = new URL('../src/addin/assets/', import.meta.url);
/** Samples per pixel along each axis, for antialiased edges. */
const SUPERSAMPLE = 8;

type Rgb = readonly [number, number, number];
const TOP: Rgb = [0x2b, 0x7b, 0xe4];
const BOTTOM: Rgb = [0x17, 0x5c, 0xc2];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** Signed distance (negative inside) from a point to a rectangle with rounded corners. */
function roundedRect(x: number, y: number, [x0, y0, x1, y1]: readonly number[], r: number): number {
  const cx = (x0! + x1!) / 2;
  const cy = (y0! + y1!) / 2;
  const qx = Math.abs(x - cx) - ((x1! - x0!) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1! - y0!) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance from a point to a stroke of width w along the polyline through points. */
function stroke(x: number, y: number, points: readonly (readonly [number, number])[], w: number): number {
  let d = Infinity;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    d = Math.min(d, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
  }
  return d - w / 2;
}

interface Shape {
  readonly inside: (x: number, y: number) => boolean;
  readonly color: (y: number) => Rgb;
}

/**
 * A checklist on a blue tile, laid out in whole pixels so that 16 px stays crisp: three rows of a mark and a line,
 * the first two marks ticked, the last a box still to fill in (at 16 px, square bullets: a tick needs more pixels).
 */
function layout(size: number): Shape[] {
  const m = Math.round(size / 16);
  const tile = [m, m, size - m, size - m];
  const bar = Math.max(2, Math.round(size * 0.1));
  const pitch = Math.round(size * 0.22);
  const top = Math.round((size - 2 * pitch - bar) / 2);
  const markX = Math.round(size * 0.2);
  const lineX = Math.round(size * 0.46);
  const lineEnd = size - markX;
  const shapes: Shape[] = [
    {
      inside: (x, y) => roundedRect(x, y, tile, size * 0.19) <= 0,
      color: (y) => TOP.map((c, i) => Math.round(c + ((BOTTOM[i]! - c) * (y - m)) / (size - 2 * m))) as unknown as Rgb,
    },
  ];
  const white = (inside: Shape['inside']): Shape => ({ inside, color: () => WHITE });
  for (let row = 0; row < 3; row++) {
    const y0 = top + row * pitch;
    const cy = y0 + bar / 2;
    shapes.push(white((x, y) => roundedRect(x, y, [lineX, y0, lineEnd, y0 + bar], bar * 0.3) <= 0));
    if (size < 32) {
      shapes.push(white((x, y) => x >= markX && x < markX + bar && y >= y0 && y < y0 + bar));
      continue;
    }
    const box = Math.round(bar * 1.6);
    const [bx0, by0] = [markX, y0 + Math.round((bar - box) / 2)];
    if (row < 2) {
      const w = bar * 0.75;
      const tick: [number, number][] = [
        [bx0 + w / 2, cy],
        [bx0 + box * 0.4, by0 + box - w / 2],
        [bx0 + box, by0 - box * 0.15],
      ];
      shapes.push(white((x, y) => stroke(x, y, tick, w) <= 0));
    } else {
      const w = Math.max(1, Math.round(bar * 0.4));
      shapes.push(white((x, y) => Math.abs(roundedRect(x, y, [bx0 + w / 2, by0 + w / 2, bx0 + box - w / 2, by0 + box - w / 2], w / 2)) <= w / 2));
    }
  }
  return shapes;
}

/** The icon as RGBA pixels (straight alpha), rows top to bottom. */
export function drawIcon(size: number): Uint8Array {
  const shapes = layout(size);
  const pixels = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const shape of shapes) {
        let hits = 0;
        for (let sy = 0; sy < SUPERSAMPLE; sy++) {
          for (let sx = 0; sx < SUPERSAMPLE; sx++) if (shape.inside(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE)) hits++;
        }
        if (hits === 0) continue;
        const cover = hits / n;
        const [cr, cg, cb] = shape.color(py + 0.5);
        const out = cover + a * (1 - cover);
        [r, g, b] = [cr * cover + r * a * (1 - cover), cg * cover + g * a * (1 - cover), cb * cover + b * a * (1 - cover)].map((c) => c / out) as [number, number, number];
        a = out;
      }
      pixels.set([r, g, b, a * 255].map(Math.round), (py * size + px) * 4);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG of RGBA pixels: 8 bits per channel, each row unfiltered (https://www.w3.org/TR/png/). */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filtering, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

/** The RGBA pixels of an 8-bit RGBA PNG, any row filter; undefined for anything else. */
export function decodePng(png: Uint8Array): { width: number; height: number; pixels: Uint8Array } | undefined {
  const buf = Buffer.from(png);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) return undefined;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      if (body[8] !== 8 || body[9] !== 6 || body[12] !== 0) return undefined;
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
    } else if (type === 'IDAT') data.push(body);
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? pixels[y * stride + i - 4]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0;
      const corner = i >= 4 && y > 0 ? pixels[(y - 1) * stride + i - 4]! : 0;
      const p = left + up - corner;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
      const predictor = [0, left, up, (left + up) >> 1, pa <= pb && pa <= pc ? left : pb <= pc ? up : corner][filter ?? -1];
      if (predictor === undefined) return undefined;
      pixels[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + predictor) & 0xff;
    }
  }
  return { width, height, pixels };
}

const check = process.argv.includes('--check');
const stale: string[] = [];
mkdirSync(DIR, { recursive: true });
for (const size of SIZES) {
  const file = new URL(`icon-${size}.png`, DIR);
  const pixels = drawIcon(size);
  if (!check) {
    writeFileSync(file, encodePng(pixels, size, size));
    console.log(`wrote ${file.pathname}`);
    continue;
  }
  let committed: ReturnType<typeof decodePng>;
  try {
    committed = decodePng(readFileSync(file));
  } catch {
    committed = undefined;
  }
  if (!committed || committed.width !== size || committed.height !== size || !Buffer.from(committed.pixels).equals(Buffer.from(pixels))) stale.push(file.pathname);
}
if (stale.length > 0) {
  console.error(`stale icons (run npx tsx scripts/icons.ts): ${stale.join(', ')}`);
  process.exitCode = 1;
}
