// Every icon file is made from one source, scripts/make-icons.mjs: running it again must give
// what is committed, so an icon edited by hand (or a design change without regenerating) fails here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Width, height and the inflated RGBA rows of a PNG made of one IDAT chunk. */
function readPng(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    chunks.set(bytes.toString('latin1', at + 4, at + 8), bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const header = chunks.get('IHDR') as Buffer;
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    rgba: header[9] === 6 && header[8] === 8,
    pixels: inflateSync(chunks.get('IDAT') as Buffer),
  };
}

const FILES = [
  ['public/icon/16.png', 16],
  ['public/icon/32.png', 32],
  ['public/icon/48.png', 48],
  ['public/icon/96.png', 96],
  ['public/icon/128.png', 128],
  ['store/icon-128.png', 128],
] as const;

let fresh: string;
beforeAll(() => {
  fresh = mkdtempSync(path.join(tmpdir(), 'outlet-icons-'));
  execFileSync(process.execPath, ['scripts/make-icons.mjs', '--out', fresh]);
});
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

describe('icons', () => {
  it.each(FILES)('%s is %i px square, RGBA', (file, size) => {
    expect(existsSync(file), `${file} is missing: run node scripts/make-icons.mjs`).toBe(true);
    const png = readPng(readFileSync(file));
    expect([png.width, png.height]).toEqual([size, size]);
    expect(png.rgba).toBe(true);
  });

  it.each(FILES)('%s is what the source draws (node scripts/make-icons.mjs)', (file) => {
    // The pixels are compared, and the bytes too: zlib gives the same bytes for the same pixels in
    // the Node this project pins; should another zlib ever differ, the pixels still decide.
    const committed = readFileSync(file);
    const made = readFileSync(path.join(fresh, file));
    expect(
      readPng(committed).pixels.equals(readPng(made).pixels),
      `${file} differs from its source: run node scripts/make-icons.mjs`,
    ).toBe(true);
    expect(committed.equals(made)).toBe(true);
  });

  it('the generator makes no file the tests do not know', () => {
    const made = execFileSync('find', [fresh, '-type', 'f'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => path.relative(fresh, f))
      .sort();
    expect(made).toEqual(FILES.map(([file]) => file).sort());
  });

  it("the store's icon keeps 16 px clear on every side around 96 px of artwork", () => {
    const { pixels } = readPng(readFileSync('store/icon-128.png'));
    const alpha = (x: number, y: number) => pixels[y * (128 * 4 + 1) + 1 + x * 4 + 3] ?? -1;
    let clear = true;
    let inkInside = 0;
    for (let y = 0; y < 128; y++)
      for (let x = 0; x < 128; x++) {
        const border = x < 16 || x >= 112 || y < 16 || y >= 112;
        if (border && alpha(x, y) !== 0) clear = false;
        if (!border && alpha(x, y) > 0) inkInside++;
      }
    expect(clear).toBe(true);
    expect(inkInside).toBeGreaterThan(96 * 96 * 0.3);
  });
});
