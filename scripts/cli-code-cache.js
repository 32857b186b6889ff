#!/usr/bin/env node
// The last step of `npm run build:cli`: V8's code cache for the command line's single file, made after
// building the samples (each twice, as next quarter's build reads the first's output), so the functions
// a build runs are in it. bin/load-bundle.js uses it only for the file it was made from.
// An optimisation only: anything that goes wrong here is one line of warning, no cache, and exit 0.
//   node scripts/cli-code-cache.js [dist folder]
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { loadBundle, cacheHeader, cachePath } = require("../bin/load-bundle");
const { SAMPLES } = require("../samples/catalogue.js");

const root = path.join(__dirname, "..");
const bundle = path.join(path.resolve(root, process.argv[2] || "dist"), "cli", "rag-scorecard.js");

async function warmUp(cli, dir) {
  for (const s of SAMPLES) {
    const first = path.join(dir, `${path.basename(s.file, ".xlsx")}.xlsx`);
    const next = path.join(dir, `${path.basename(s.file, ".xlsx")}.next.xlsx`);
    const options = ["--preset", s.preset, "--period", s.period, "--report-date", s.reportDate];
    for (const [input, output] of [[path.join(root, "samples", s.file), first], [first, next]]) {
      const code = await cli.main(["build", input, "-o", output, "--json", `${output}.json`, ...options]);
      if (code !== 0) throw new Error(`building ${s.file} exited ${code}`);
    }
  }
}

const temp = `${cachePath(bundle)}.${process.pid}.tmp`;
/** Set once the new cache is in place: a failure tidying up after that keeps it. */
let made = false;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rag-scorecard-cache-"));
  const log = console.log;
  console.log = () => undefined; // the builds' headlines
  try {
    const loaded = loadBundle(bundle, { useCache: false });
    // The warm-up's builds keep the flags the cache is made under, whatever a sample's size
    // (src/cli/v8-tuning.ts would put V8's own back for a large input).
    globalThis[Symbol.for("rag-scorecard.v8-tuned")] = false;
    await warmUp(loaded.exports, dir);
    const data = loaded.script.createCachedData();
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(cacheHeader(loaded.source, data)), data]));
    fs.renameSync(temp, cachePath(bundle));
    made = true;
  } finally {
    fs.rmSync(temp, { force: true });
    console.log = log;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  if (made) return;
  try {
    fs.rmSync(cachePath(bundle), { force: true });
  } catch {
    // nothing to remove
  }
  console.warn(`cli-code-cache: no code cache made (the command line works without it): ${String(e && e.message).split("\n")[0]}`);
});
