#!/usr/bin/env node
// Loads the built ribbon function file (the page the manifest's FunctionFile names, from dist/web) under
// a stub of desktop Excel's loader (scripts/stub-office-loader.js): clicks are dispatched only once the
// page has called Office.onReady() or set Office.initialize. Fails unless that happens at load and every
// manifest FunctionName is associated. The project's copy of ../shared/tools/check-function-file.js.
// Usage: node scripts/check-function-file.js [manifest.xml] [web folder]
"use strict";

const fs = require("fs");
const path = require("path");
const { checkFunctionFile } = require("./stub-office-loader");

const ROOT = path.resolve(__dirname, "..");
const manifestPath = path.resolve(process.argv[2] || path.join(ROOT, "manifest.xml"));
const webDir = path.resolve(process.argv[3] || path.join(ROOT, "dist", "web"));

checkFunctionFile({ webDir, manifestXml: fs.readFileSync(manifestPath, "utf8") })
  .then((result) => {
    console.log(
      result.ok
        ? `function file ${result.page}: onReady at load, ${result.associated.length} functions associated (${result.wanted.join(", ")})`
        : `function file ${result.page}: ${result.problems.join("; ")}`,
    );
    process.exit(result.ok ? 0 : 1);
  })
  .catch((err) => {
    console.log(String(err.message || err));
    process.exit(1);
  });
