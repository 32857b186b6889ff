// Runs `rag-scorecard build …` from the TypeScript sources in a child process, as the CLI does, for
// inputs that may hang or exhaust memory (a test process cannot stop a synchronous loop in itself).
// Usage: node --max-old-space-size=N test/xlsx/helpers/build-child.js <build args…>
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

let ts; // loaded only when a module is not in the cache
const options = () => ({ module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX });
// Transpiled modules are kept by content hash: each isolated build would otherwise spend seconds on it.
const CACHE = path.join(__dirname, "..", "..", "..", "node_modules", ".cache", "rag-build-child");
fs.mkdirSync(CACHE, { recursive: true });
require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const cached = path.join(CACHE, `${crypto.createHash("sha1").update(filename).update(source).digest("hex")}.js`);
  let js;
  try {
    js = fs.readFileSync(cached, "utf8");
  } catch {
    ts = ts ?? require("typescript");
    js = ts.transpileModule(source, { compilerOptions: options(), fileName: filename }).outputText;
    fs.writeFileSync(cached, js);
  }
  module._compile(js, filename);
};
const { main } = require(path.join(__dirname, "..", "..", "..", "src", "cli", "main.ts"));
main(["build", ...process.argv.slice(2)]).then((code) => (process.exitCode = code));
