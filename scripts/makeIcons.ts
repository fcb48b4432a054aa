/*
 * Draws the Teams app icons without any image package: `npx tsx scripts/makeIcons.ts` rewrites
 * appPackage/color.png (192x192, full colour) and appPackage/outline.png (32x32, white on transparent).
 * The mark is a round table with five seats: a panel of agencies.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** How much of the pixel at (px, py) the mark covers, 0..1, by 4x4 supersampling; sizes are fractions of the icon. */
function coverage(px: number, py: number, size: number, mark: { ring: number; ringWidth: number; seat: number; seatDistance: number }): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = (px + (sx + 0.5) / 4) / size - 0.5;
      const y = (py + (sy + 0.5) / 4) / size - 0.5;
      const r = Math.hypot(x, y);
      let inside = Math.abs(r - mark.ring) <= mark.ringWidth / 2;
      for (let i = 0; i < 5 && !inside; i++) {
        const a = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
        inside = Math.hypot(x - mark.seatDistance * Math.cos(a), y - mark.seatDistance * Math.sin(a)) <= mark.seat;
      }
      if (inside) hits++;
    }
  }
  return hits / 16;
}

function draw(size: number, mark: Parameters<typeof coverage>[3], background?: [number, number, number]): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, mark);
      const o = (y * size + x) * 4;
      if (background) {
        // White mark blended over an opaque background.
        for (let k = 0; k < 3; k++) rgba[o + k] = Math.round(background[k]! * (1 - c) + 255 * c);
        rgba[o + 3] = 255;
      } else {
        // Outline icon: white only, shape carried by alpha.
        rgba.set([255, 255, 255, Math.round(255 * c)], o);
      }
    }
  }
  return encodePng(size, size, rgba);
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'appPackage');
  // Colour icon: the mark stays inside the central 120x120 safe area that Teams recommends.
  fs.writeFileSync(path.join(dir, 'color.png'), draw(192, { ring: 0.15, ringWidth: 0.05, seat: 0.05, seatDistance: 0.26 }, [0x1f, 0x5f, 0x8b]));
  fs.writeFileSync(path.join(dir, 'outline.png'), draw(32, { ring: 0.22, ringWidth: 0.09, seat: 0.08, seatDistance: 0.39 }));
  console.info('Wrote appPackage/color.png and appPackage/outline.png');
}
