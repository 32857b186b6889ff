// The built web pages (dist/web) for tests that load them. `npm test` builds first; run alone, a test
// builds when the pages are missing or older than the sources, so it never checks a stale bundle.
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const WEB = path.join(ROOT, "dist", "web");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** RAG_USE_BUILT=1 takes dist/web as it is (while someone else's half-finished source breaks the build). */
export function ensureBuilt(page = "commands.html"): void {
  const file = path.join(WEB, page);
  if (process.env.RAG_USE_BUILT === "1" && fs.existsSync(file)) return;
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), fs.statSync(path.join(ROOT, "webpack.config.js")).mtimeMs);
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs >= sources) return;
  const build = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });
  if (build.status !== 0 || !fs.existsSync(file)) {
    throw new Error(`webpack could not build dist/web/${page} (exit ${build.status}):\n${(build.stdout + build.stderr).slice(-3000)}`);
  }
}
