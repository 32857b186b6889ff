#!/usr/bin/env node
// Thin launcher. `npm install` (prepare) and `npm run build:cli` build the CLI into dist/cli twice over:
// compiled modules (tsc) and the same as one file (webpack.cli.config.js), which loads a tenth of a second
// faster. The one file is used when it is at least as new as the modules (a bare `tsc` leaves it behind)
// and loads (with V8's code cache where the build made one: load-bundle.js); a file cut short (a full disk,
// a build stopped half-way) falls back to the modules.
const path = require("path");
const fs = require("fs");
const dir = path.join(__dirname, "..", "dist", "cli");
const modules = path.join(dir, "main.js");
const bundle = path.join(dir, "rag-scorecard.js");
const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
};
const compiled = mtime(modules);
if (compiled < 0) {
  console.error("rag-scorecard: not built yet. Run `npm install` (or `npm run build`) in the project root.");
  process.exit(1);
}
const { loadBundle, tuneV8 } = require("./load-bundle");
// Before any of the command line is compiled, whichever copy runs.
tuneV8();
let cli;
if (mtime(bundle) >= compiled) {
  try {
    cli = loadBundle(bundle).exports;
  } catch {
    cli = undefined;
  }
}
(cli && typeof cli.runCommandLine === "function" ? cli : require(modules)).runCommandLine(process.argv.slice(2));
