// Loads the command line's single file (dist/cli/rag-scorecard.js) as `require` would, but with V8's code
// cache when `npm run build:cli` left one beside it (scripts/cli-code-cache.js): the functions a build
// runs come compiled, not parsed again. That is about 30 ms of a 0.5 s build of a 1,000-row tracker.
// V8 checks the cache against its own version and flags, but of the source only its length: the cache
// names the CRC-32 and size of the file it was made from, and is used only for that file.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { createRequire } = require("module");
const { crc32 } = require("zlib");

/** The cache beside the single file. */
const cachePath = (bundle) => bundle.replace(/\.js$/, ".cache");

/** The line that starts a cache file, for this source. */
function cacheHeader(source) {
  return `${JSON.stringify({ crc32: crc32(source), size: source.length })}\n`;
}

/** The cache's bytes when it was made from `source`; undefined when it is missing, stale or not ours. */
function cachedDataFor(bundle, source) {
  let file;
  try {
    file = fs.readFileSync(cachePath(bundle));
  } catch {
    return undefined;
  }
  const header = Buffer.from(cacheHeader(source));
  return file.length > header.length && file.subarray(0, header.length).equals(header) ? file.subarray(header.length) : undefined;
}

/**
 * The single file compiled and run as a CommonJS module (same wrapper, file name and folder as
 * `require`). `cached` tells whether V8 took the cache.
 */
function loadBundle(bundle, options = {}) {
  const source = fs.readFileSync(bundle);
  const cachedData = options.useCache === false ? undefined : cachedDataFor(bundle, source);
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString("utf8")}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, source, cached: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { loadBundle, cacheHeader, cachePath };
