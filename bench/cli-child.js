// Fallback when GNU time is missing: runs the CLI in this process and reports its peak RSS and CPU time on exit.
"use strict";
const path = require("path");
process.on("exit", () => {
  const u = process.resourceUsage();
  process.stderr.write(`maxRSS ${u.maxRSS}\ncpuMs ${(u.userCPUTime + u.systemCPUTime) / 1000}\n`);
});
require(path.join(__dirname, "..", "dist", "cli", "main.js"))
  .main(process.argv.slice(2))
  .then((code) => (process.exitCode = code));
