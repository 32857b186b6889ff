// The command line as one file: dist/cli/rag-scorecard.js, bundled from what tsc compiled into dist/
// (npm run build:cli). bin/rag-scorecard.js loads it when it is at least as new as dist/cli/main.js,
// else the compiled modules: resolving and loading 125 files cost a tenth of a second of every run,
// about a seventh of a 1,000-row build. `--env dist=<folder>` bundles another compiled copy (tests).
"use strict";

const path = require("path");

module.exports = (env = {}) => {
  const cli = path.resolve(__dirname, env.dist || "dist", "cli");
  return {
    mode: "production",
    target: "node",
    entry: path.join(cli, "bundle.js"),
    // Written every time, even unchanged: the launcher goes by its date against the modules tsc rewrote.
    output: { path: cli, filename: "rag-scorecard.js", library: { type: "commonjs2" }, compareBeforeEmit: false },
    // Beside dist/cli/main.js, so __dirname (kept as Node's) finds package.json as main.js does.
    node: { __dirname: false, __filename: false },
    // The lazily imported build goes in the same file: one file is the point.
    module: { parser: { javascript: { dynamicImportMode: "eager" } } },
    // Our dependencies stay in node_modules: `npm install` or `npm update` of the zip or XML parser (they
    // read untrusted files) takes effect without rebuilding this file.
    externals: { saxes: "commonjs saxes", yauzl: "commonjs yauzl", yazl: "commonjs yazl" },
    // Readable, and no time spent minifying: the file is parsed lazily either way.
    optimization: { minimize: false },
    devtool: false,
    performance: { hints: false },
  };
};
