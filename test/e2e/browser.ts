// Shared by the browser tests: build the pages once, serve dist/web on 127.0.0.1, and start Chromium.
import { spawnSync } from "child_process";
import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import type { BrowserContext, BrowserContextOptions } from "playwright-core";
import { findBrowser } from "../../scripts/ensure-browser";

export const ROOT = path.resolve(__dirname, "..", "..");
/** RAG_WEB_DIR serves an existing build instead (for example one made with --output-path); it is not rebuilt. */
export const WEB = process.env.RAG_WEB_DIR ? path.resolve(process.env.RAG_WEB_DIR) : path.join(ROOT, "dist", "web");
export const OUT = path.join(ROOT, "test-output");
const PAGE = path.join(WEB, "preview.html");
const LOCK = path.join(ROOT, "dist", ".web-build.lock");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // British formats where the browser has them (Debian's chromium ships only en-US, so its date field stays mm/dd/yyyy).
  "--lang=en-GB",
];
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const fresh = () => fs.existsSync(PAGE) && fs.statSync(PAGE).mtimeMs >= newestMtime(path.join(ROOT, "src"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the pages when preview.html is missing or older than the sources, so a test never runs a stale
 * bundle. Test files run in parallel: a lock directory lets one build while the others wait for it.
 */
export async function ensureBuilt(): Promise<void> {
  if (process.env.RAG_WEB_DIR) {
    if (!fs.existsSync(PAGE)) throw new Error(`RAG_WEB_DIR=${WEB} has no preview.html.`);
    return;
  }
  if (fresh()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // Another test file is building; a lock older than a build can take was left by a killed run.
      const held = fs.statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Waited 5 minutes for another build of dist/web (${LOCK}).`);
      await sleep(1000);
    }
  }
  try {
    if (fresh()) return;
    const build = spawnSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
    if (build.status !== 0 || !fs.existsSync(PAGE)) {
      throw new Error(`webpack could not build dist/web/preview.html (exit ${build.status}):\n${(build.stdout + build.stderr).slice(-3000)}`);
    }
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** A static file server for the built pages, on 127.0.0.1 and a free port. */
export function serve(root: string = WEB): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(root, pathname === "/" ? "preview.html" : pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile; Playwright takes the profile directory here, not as --user-data-dir. */
export async function launch(options: BrowserContextOptions): Promise<Browser> {
  // Chrome, Edge or Chromium, found as `npm test` found it (scripts/ensure-browser.js; CHROME_PATH may name one).
  const browser = findBrowser();
  if (!browser.path) throw new Error(browser.message);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rag-preview-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: browser.path, headless: true, args: ARGS, ...options });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
