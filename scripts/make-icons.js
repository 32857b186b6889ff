#!/usr/bin/env node
// Draws the add-in icons (a traffic light: three dots on a dark rounded
// square) and writes them as PNGs into assets/. Pure Node: zlib for the
// deflate stream, our own CRC32, so it needs no image package.
// Run: node scripts/make-icons.js   (the PNGs are committed; rerun only to change them)
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

const BACKGROUND = [0x24, 0x2a, 0x33]; // dark slate
const DOTS = [
  [0xd1, 0x34, 0x38], // red
  [0xff, 0xb9, 0x00], // amber
  [0x10, 0x7c, 0x10], // green
];
const SUBSAMPLES = 4; // 4x4 samples per pixel gives smooth edges at 16 px

// CRC32 (PNG chunk checksum), table-driven.
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes RGBA pixels (width*height*4 bytes) as a PNG file. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  // Each scanline starts with filter byte 0 (none).
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    const rowStart = y * (width * 4 + 1);
    raw[rowStart] = 0;
    rgba.copy(raw, rowStart + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function insideRoundedSquare(x, y, size, radius) {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Returns the colour (or null for transparent) at a point in icon units. */
function colourAt(x, y, size) {
  if (!insideRoundedSquare(x, y, size, size * 0.2)) return null;
  const dotRadius = size * 0.125;
  const cx = size / 2;
  for (let i = 0; i < DOTS.length; i++) {
    const cy = size * (0.22 + i * 0.28);
    if ((x - cx) ** 2 + (y - cy) ** 2 <= dotRadius ** 2) return DOTS[i];
  }
  return BACKGROUND;
}

function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const colour = colourAt(px + (sx + 0.5) / SUBSAMPLES, py + (sy + 0.5) / SUBSAMPLES, size);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        // Colour averaged over covered samples; coverage becomes alpha.
        rgba[at] = Math.round(r / covered);
        rgba[at + 1] = Math.round(g / covered);
        rgba[at + 2] = Math.round(b / covered);
        rgba[at + 3] = Math.round((255 * covered) / samples);
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, drawIcon };
