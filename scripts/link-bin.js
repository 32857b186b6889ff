#!/usr/bin/env node
// npm does not link a project's own "bin" into its node_modules/.bin, so `npx rag-scorecard` would not find it
// from the project root. This links it after `npm install` (run by the prepare script).
const fs = require("fs");
const path = require("path");
const root = path.join(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const target = path.join(root, "bin", "rag-scorecard.js");
fs.mkdirSync(binDir, { recursive: true });
const link = path.join(binDir, "rag-scorecard");
try {
  fs.unlinkSync(link);
} catch {
  /* not there yet */
}
fs.symlinkSync(path.relative(binDir, target), link);
fs.chmodSync(target, 0o755);
