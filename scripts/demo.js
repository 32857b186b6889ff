#!/usr/bin/env node
// `npm run demo`: builds every bundled sample tracker into out/ and prints where the files are and the headline counts.
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..");
const { main } = require(path.join(root, "dist", "cli", "main.js"));
const { SAMPLES } = require(path.join(root, "samples", "catalogue.js"));

async function run() {
  const outDir = path.join(root, "out");
  fs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const sample of SAMPLES) {
    const input = path.join(root, "samples", sample.file);
    const base = path.basename(sample.file, ".xlsx");
    const output = path.join(outDir, `${base}.scorecard.xlsx`);
    const json = path.join(outDir, `${base}.statuses.json`);
    console.log(`\n== ${sample.title} (${sample.file})`);
    const args = ["build", input, "-o", output, "--json", json, "--preset", sample.preset, "--period", sample.period, "--report-date", sample.reportDate];
    const code = await main(args);
    if (code !== 0) {
      failed++;
      console.log(`   build exited ${code}`);
    } else {
      console.log(`   statuses: ${path.relative(root, json)}`);
    }
  }
  console.log(`\nDone: ${SAMPLES.length - failed} of ${SAMPLES.length} samples built into ${path.relative(process.cwd(), outDir) || "."}/`);
  console.log("Open the .scorecard.xlsx files in Excel or LibreOffice: see the Summary and Scorecard Rules sheets and the coloured trackers.");
  process.exitCode = failed ? 1 : 0;
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
