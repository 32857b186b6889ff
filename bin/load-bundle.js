// Loads the command line's single file (dist/cli/rag-scorecard.js) as `require` would, but with V8's code
// cache when `npm run build:cli` left one beside it (scripts/cli-code-cache.js): the functions a build
// runs come compiled, not parsed again. That is about 30 ms of a 0.5 s build of a 1,000-row tracker.
// V8 checks the cache against its own version and flags, but of the source only its length, and of the
// cache's own bytes nothing: the cache names the CRC-32 and size of the file it was made from, the Node
// that made it, and its own CRC-32 and size, and is used only when all of them hold.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { createRequire } = require("module");
const { crc32 } = require("zlib");
const v8 = require("v8");

/**
 * V8's tiering tuned for a build of a second or two. By default V8 sends a function to its optimising
 * compiler after little work (an interrupt budget of 66 KB of bytecode run), and a cold build kept the
 * machine's second core busy compiling functions it then barely used: at 10,000 rows 0.8 s of CPU
 * beside a 1.7 s build. A budget four and a half times larger, and less inlining, optimise fewer
 * functions, later: 1.35 s at 10,000 rows (1.68 s), 0.39 s at 1,000 (0.48 s). From about 50,000 rows
 * V8's own settings win, and a build of a large input puts them back (src/cli/v8-tuning.ts).
 * RAG_SCORECARD_V8 replaces the list (empty: V8's own settings), for measuring.
 */
const V8_TUNING = ["--interrupt-budget=300000", "--max-inlined-bytecode-size-cumulative=200"];
/** The V8 the tuning was measured on (Node 20's 11.3); elsewhere a flag may be gone or mean another thing. */
const MEASURED_V8 = /^11\./;
/** Set once tuneV8 has run: true when it tuned, so that src/cli/v8-tuning.ts may put V8's settings back. */
const TUNED = Symbol.for("rag-scorecard.v8-tuned");
/** What a V8 flag looks like ("--name" or "--name=value"); anything else in RAG_SCORECARD_V8 is left out. */
const FLAG = /^--(?!help$)[a-z0-9_-]+(=[\w.+-]+)?$/i;

/** The flags tuneV8 sets. */
function v8Flags() {
  const setting = process.env.RAG_SCORECARD_V8;
  if (setting === undefined) return MEASURED_V8.test(process.versions.v8) ? V8_TUNING : [];
  return setting.split(/\s+/).filter((flag) => FLAG.test(flag));
}

/**
 * Sets V8_TUNING, before any of the command line's code is compiled, once. The code cache is made under
 * the same flags (V8 refuses a cache made under others).
 */
function tuneV8() {
  if (globalThis[TUNED] !== undefined) return;
  const setting = process.env.RAG_SCORECARD_V8;
  const ignored = setting === undefined ? [] : setting.split(/\s+/).filter((flag) => flag && !FLAG.test(flag));
  if (ignored.length) console.error(`rag-scorecard: RAG_SCORECARD_V8: left out ${ignored.map((f) => `"${f}"`).join(", ")} (V8 flags are written --name or --name=value)`);
  const flags = v8Flags();
  for (const flag of flags) v8.setFlagsFromString(flag);
  globalThis[TUNED] = setting === undefined && flags.length > 0;
}

/** The cache beside the single file. */
const cachePath = (bundle) => bundle.replace(/\.js$/, ".cache");

/** The line that starts a cache file: what it was made from and by, and its own CRC-32 and size. */
function cacheHeader(source, data) {
  const made = { bundle: { crc32: crc32(source), size: source.length }, node: process.version, arch: process.arch, v8: v8Flags().join(" ") };
  return `${JSON.stringify({ ...made, cache: { crc32: crc32(data), size: data.length } })}\n`;
}

/**
 * The cache's bytes when it was made from `source` by this Node, and is whole; else undefined. Its own
 * CRC-32 is checked too: V8 takes damaged bytes on trust, and ran them to a crash or wrong statuses.
 */
function cachedDataFor(bundle, source) {
  let file;
  try {
    file = fs.readFileSync(cachePath(bundle));
  } catch {
    return undefined;
  }
  const end = file.indexOf(10);
  if (end < 0 || end > 1024) return undefined;
  let header;
  try {
    header = JSON.parse(file.subarray(0, end).toString("utf8"));
  } catch {
    return undefined;
  }
  const data = file.subarray(end + 1);
  const ok =
    header && header.bundle && header.cache &&
    header.bundle.crc32 === crc32(source) && header.bundle.size === source.length &&
    header.node === process.version && header.arch === process.arch && header.v8 === v8Flags().join(" ") &&
    header.cache.size === data.length && header.cache.crc32 === crc32(data);
  return ok ? data : undefined;
}

/**
 * The single file compiled and run as a CommonJS module (same wrapper, file name and folder as
 * `require`). `cached` tells whether V8 took the cache.
 */
function loadBundle(bundle, options = {}) {
  tuneV8();
  const source = fs.readFileSync(bundle);
  const cachedData = options.useCache === false ? undefined : cachedDataFor(bundle, source);
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.toString("utf8")}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, source, cached: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { loadBundle, cacheHeader, cachePath, tuneV8 };
