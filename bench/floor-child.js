// The floor a file host cannot beat: unzip the input with yauzl (the zip library the host uses) and
// make one saxes pass over every worksheet part, doing nothing with what it sees. `npm run bench`
// times it as it times the CLI (bench/floor.js); cli_ms ÷ floor_ms says how much more the build does.
//   node bench/floor-child.js <input.xlsx>   → prints one JSON line: parts, bytes, elements, wallMs
"use strict";

const yauzl = require("yauzl");
const { SaxesParser } = require("saxes");

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

function pass(input) {
  return new Promise((resolve, reject) => {
    const seen = { parts: 0, sheets: 0, inflatedBytes: 0, elements: 0 };
    yauzl.open(input, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on("error", reject);
      zip.on("end", () => resolve(seen));
      zip.on("entry", (entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          seen.parts++;
          // Every entry is inflated (that is unzipping); only worksheets are parsed.
          const parser = WORKSHEET.test(entry.fileName) ? new SaxesParser({ position: false }) : undefined;
          if (parser) {
            seen.sheets++;
            parser.on("opentag", () => seen.elements++);
            parser.on("error", reject);
          }
          stream.setEncoding("utf8");
          stream.on("data", (chunk) => {
            seen.inflatedBytes += Buffer.byteLength(chunk);
            if (parser) parser.write(chunk);
          });
          stream.on("error", reject);
          stream.on("end", () => {
            if (parser) parser.close();
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const t = performance.now();
pass(process.argv[2]).then(
  (seen) => {
    const u = process.resourceUsage();
    process.stdout.write(JSON.stringify({ ...seen, wallMs: performance.now() - t, maxRSS: u.maxRSS }) + "\n");
  },
  (e) => {
    console.error(`floor-child: ${e.message}`);
    process.exitCode = 2;
  },
);
