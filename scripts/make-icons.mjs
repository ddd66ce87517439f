// Outlet's icon, the one source of every size: a soft teal ring around a warm dot, a calm "O".
// The drawing below is the design; each PNG is drawn from it at its own size (4 × 4 samples a pixel,
// so small sizes stay crisp instead of being shrunk from a big one). No image library needed.
//
//   node scripts/make-icons.mjs           writes public/icon/<size>.png (the manifest's, which WXT
//                                         finds there; AMO uses these) and store/icon-128.png
//   node scripts/make-icons.mjs --out DIR writes the same files under DIR (the unit test compares)
//
// Why drawn in code rather than an SVG rasterized by Chromium: the same source then gives the same
// pixels on any machine with Node, without a browser, so tests/unit/icons.test.ts can regenerate
// every file and compare it with what is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** The design, in fractions of the artwork's width, centred. */
export const DESIGN = {
  ring: { inner: 0.3, outer: 0.47, colour: [47, 133, 120] },
  dot: { radius: 0.14, colour: [242, 178, 92] },
};

/** The sizes the manifest lists (16 toolbar, 32 Windows, 48 extensions page, 96 and 128 stores). */
export const MANIFEST_SIZES = [16, 32, 48, 96, 128];

/**
 * Every file the source makes, relative to the project: the manifest's icons and the Chrome Web
 * Store's 128 × 128 listing icon, whose artwork is 96 × 96 with 16 px clear on each side (the store's
 * guideline, so it sits well beside other extensions).
 */
export const ICON_FILES = [
  ...MANIFEST_SIZES.map((size) => ({ file: `public/icon/${size}.png`, size, artwork: size })),
  { file: 'store/icon-128.png', size: 128, artwork: 96 },
];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** The icon as RGBA rows (each led by PNG's filter byte 0): `size` px square, the design `artwork` px wide. */
export function iconPixels(size, artwork = size) {
  const { ring, dot } = DESIGN;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let inRing = 0;
      let inDot = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const px = (x + (sx + 0.5) / 4 - size / 2) / artwork;
          const py = (y + (sy + 0.5) / 4 - size / 2) / artwork;
          const r = Math.hypot(px, py);
          if (r <= ring.outer && r >= ring.inner) inRing++;
          if (r <= dot.radius) inDot++;
        }
      const alpha = Math.min(16, inRing + inDot) / 16;
      const c = inDot > inRing ? dot.colour : ring.colour;
      row.push(c[0], c[1], c[2], Math.round(alpha * 255));
    }
    rows.push(Buffer.from(row));
  }
  return Buffer.concat(rows);
}

/** The icon as a PNG file's bytes. */
export function iconPng(size, artwork = size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // 8 bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(iconPixels(size, artwork), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : root;
  if (at > 0 && !process.argv[at + 1]) {
    console.error('Usage: node scripts/make-icons.mjs [--out DIR]');
    process.exit(2);
  }
  for (const { file, size, artwork } of ICON_FILES) {
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, iconPng(size, artwork));
    console.log(`${path.relative(process.cwd(), target)}  ${size} × ${size}`);
  }
}
