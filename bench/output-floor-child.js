// What writing the build's output costs at the least: the parts the build wrote (those of the output
// whose name or CRC-32 is not the input's), held inflated in memory before the clock starts, deflated
// at the build's level as independent 1 MiB pieces on zlib's thread pool (as src/xlsx/patch does,
// the fastest way we have) and written to a file. Not a zip (no headers) and no XML made: only the
// bytes. Set beside floor_ms it says how much of cli_ms the output's sheer size accounts for.
//   node bench/output-floor-child.js <input.xlsx> <built.xlsx>  → one JSON line: parts, bytes, wallMs
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const yauzl = require("yauzl");
const { promisify } = require("util");
const { constants, deflateRaw } = require("zlib");

const deflate = promisify(deflateRaw);
const PIECE = 1024 * 1024;
const LEVEL = 1; // src/xlsx/patch/zip-writer.ts COMPRESSION_LEVEL
const IN_FLIGHT = 3;

/** name → crc32 of every entry, and (when `keep` says so) its inflated bytes. */
function entries(file, keep) {
  return new Promise((resolve, reject) => {
    const out = new Map();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on("error", reject);
      zip.on("end", () => resolve(out));
      zip.on("entry", (e) => {
        if (!keep(e)) {
          out.set(e.fileName, { crc32: e.crc32 });
          return zip.readEntry();
        }
        zip.openReadStream(e, (er, stream) => {
          if (er) return reject(er);
          const chunks = [];
          stream.on("data", (c) => chunks.push(c));
          stream.on("error", reject);
          stream.on("end", () => {
            out.set(e.fileName, { crc32: e.crc32, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

async function main(input, built) {
  const before = await entries(input, () => false);
  const written = [...(await entries(built, (e) => before.get(e.fileName)?.crc32 !== e.crc32)).values()].filter((e) => e.bytes);
  const target = path.join(os.tmpdir(), `output-floor-${process.pid}.bin`);
  const fd = fs.openSync(target, "w");
  const t = performance.now();
  let bytes = 0;
  try {
    for (const { bytes: part } of written) {
      bytes += part.length;
      const pending = [];
      for (let at = 0; at < part.length || at === 0; at += PIECE) {
        const last = at + PIECE >= part.length;
        pending.push(deflate(part.subarray(at, at + PIECE), { level: LEVEL, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
        while (pending.length >= IN_FLIGHT) fs.writeSync(fd, await pending.shift());
        if (last) break;
      }
      while (pending.length) fs.writeSync(fd, await pending.shift());
    }
  } finally {
    fs.closeSync(fd);
  }
  const wallMs = performance.now() - t;
  fs.rmSync(target, { force: true });
  return { parts: written.length, bytes, wallMs };
}

main(process.argv[2], process.argv[3]).then(
  (r) => process.stdout.write(JSON.stringify({ ...r, maxRSS: process.resourceUsage().maxRSS }) + "\n"),
  (e) => {
    console.error(`output-floor-child: ${e.message}`);
    process.exitCode = 2;
  },
);
