// bin/rag-scorecard.js runs the command line's single-file build (webpack.cli.config.js) when it is at least as
// new as the compiled modules, else the modules; both give the same workbook and report, and so does the single
// file loaded with V8's code cache (bin/load-bundle.js). Built here into
// a folder of its own, from the sources as they are, so the test never depends on an earlier build.
import { spawnSync } from "child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "fs";
import { join } from "path";

const { SAMPLES } = require("../../samples/catalogue.js") as { SAMPLES: { file: string; preset: string; period: string; reportDate: string }[] };

const root = join(__dirname, "..", "..");
// Inside the project (test-output/ is ignored by git), so both builds find its node_modules.
mkdirSync(join(root, "test-output"), { recursive: true });
const dir = mkdtempSync(join(root, "test-output", "launcher-"));
const cli = join(dir, "dist", "cli");
const bin = join(dir, "bin", "rag-scorecard.js");

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { status: number | null; out: string } {
  // npx is npx.cmd on Windows, found through the shell.
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: 300_000, shell: process.platform === "win32", env });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** What `npm run build:cli` does, into `dir`. */
function buildCli(): void {
  const tsc = run("npx", ["tsc", "-p", "tsconfig.cli.json", "--outDir", join(dir, "dist")]);
  if (tsc.status !== 0) throw new Error(`tsc failed:\n${tsc.out.slice(-2000)}`);
  const pack = run("npx", ["webpack", "--config", "webpack.cli.config.js", "--env", `dist=${join(dir, "dist")}`]);
  if (pack.status !== 0) throw new Error(`webpack failed:\n${pack.out.slice(-2000)}`);
  const cache = run("node", [join(root, "scripts", "cli-code-cache.js"), join(dir, "dist")]);
  if (cache.status !== 0 || cache.out.trim()) throw new Error(`the code cache failed:\n${cache.out.slice(-2000)}`);
}

/** Whether bin/load-bundle.js loads the single file with V8's code cache (in a process of its own). */
function loadsCached(env: NodeJS.ProcessEnv = process.env): boolean {
  const r = run("node", ["-e", `process.stdout.write(String(require(${JSON.stringify(join(root, "bin", "load-bundle.js"))}).loadBundle(${JSON.stringify(join(cli, "rag-scorecard.js"))}).cached))`], env);
  if (r.status !== 0) throw new Error(r.out);
  return r.out === "true";
}

beforeAll(() => {
  buildCli();
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(root, "bin", "rag-scorecard.js"), bin);
  copyFileSync(join(root, "bin", "load-bundle.js"), join(dir, "bin", "load-bundle.js"));
  copyFileSync(join(root, "package.json"), join(dir, "package.json"));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = SAMPLES[0];
const buildArgs = (out: string) => ["build", join(root, "samples", sample.file), "-o", out, "--json", `${out}.json`, "--preset", sample.preset, "--period", sample.period, "--report-date", sample.reportDate];
const touch = (file: string, secondsFromNow: number) => utimesSync(file, new Date(), new Date(Date.now() + secondsFromNow * 1000));

describe("the launcher", () => {
  test("the single file gives the same workbook and report as the compiled modules, and its version", () => {
    const one = run("node", [bin, ...buildArgs(join(dir, "one.xlsx"))]);
    const modules = run("node", [join(cli, "main.js"), ...buildArgs(join(dir, "modules.xlsx"))]);
    const version = run("node", [bin, "--version"]);
    const { version: expected } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect({ one: one.status, modules: modules.status, version: version.out.trim() }).toEqual({ one: 0, modules: 0, version: `rag-scorecard ${expected}` });
    expect(readFileSync(join(dir, "one.xlsx")).equals(readFileSync(join(dir, "modules.xlsx")))).toBe(true);
    expect(readFileSync(join(dir, "one.xlsx.json"), "utf8")).toBe(readFileSync(join(dir, "modules.xlsx.json"), "utf8"));
  });

  test("the zip and XML libraries are loaded from node_modules, not copied in: an npm update of them takes effect", () => {
    const text = readFileSync(join(cli, "rag-scorecard.js"), "utf8");
    const { dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies).filter((d) => !text.includes(`require("${d}")`))).toEqual([]);
    // yauzl's own source (its central-directory reader) is not in the file.
    expect(text.includes("readAndAssertNoEof")).toBe(false);
  });

  test("built again with nothing changed, the single file is still the newer (webpack would skip writing an unchanged file)", () => {
    buildCli();
    expect(statSync(join(cli, "rag-scorecard.js")).mtimeMs).toBeGreaterThanOrEqual(statSync(join(cli, "main.js")).mtimeMs);
  }, 300_000);

  test("runs the single file when it is at least as new as the modules, the modules when it is older (a bare tsc since) or does not load", () => {
    const bundle = join(cli, "rag-scorecard.js");
    const kept = readFileSync(bundle);
    const version = (): string => run("node", [bin, "--version"]).out.trim();
    try {
      writeFileSync(bundle, "exports.runCommandLine = () => console.log('the single file ran');\n");
      touch(bundle, 60);
      const fresh = version();
      touch(bundle, -60);
      const stale = version();
      // Cut short (a full disk, a build stopped half-way): not a stack trace, the modules.
      writeFileSync(bundle, "exports.runCommandLine = (");
      touch(bundle, 60);
      const broken = version();
      expect({ fresh, stale: stale.startsWith("rag-scorecard "), broken: broken.startsWith("rag-scorecard ") }).toEqual({ fresh: "the single file ran", stale: true, broken: true });
    } finally {
      writeFileSync(bundle, kept);
      touch(bundle, 60);
    }
  });

  test("V8's code cache is used for the file it was made from, by this Node: not when the file changed (same length), nor when the cache is cut short, has a bit flipped, or was made by another Node", () => {
    const bundle = join(cli, "rag-scorecard.js");
    const cache = join(cli, "rag-scorecard.cache");
    const keptBundle = readFileSync(bundle);
    const keptCache = readFileSync(cache);
    const outcome: Record<string, boolean | number | null> = {};
    try {
      outcome.made = loadsCached();
      const cached = run("node", [bin, ...buildArgs(join(dir, "cached.xlsx"))]);
      rmSync(cache);
      outcome.none = loadsCached();
      const plain = run("node", [bin, ...buildArgs(join(dir, "plain.xlsx"))]);
      outcome.cachedStatus = cached.status;
      outcome.plainStatus = plain.status;
      outcome.sameWorkbook = readFileSync(join(dir, "cached.xlsx")).equals(readFileSync(join(dir, "plain.xlsx")));
      outcome.sameReport = readFileSync(join(dir, "cached.xlsx.json"), "utf8") === readFileSync(join(dir, "plain.xlsx.json"), "utf8");
      // One character of a comment changed: V8 alone would take the cache (it checks only the length).
      writeFileSync(cache, keptCache);
      const text = keptBundle.toString("utf8");
      const at = text.indexOf("// ");
      writeFileSync(bundle, `${text.slice(0, at)}//!${text.slice(at + 3)}`);
      outcome.changed = loadsCached();
      writeFileSync(bundle, keptBundle);
      writeFileSync(cache, keptCache.subarray(0, keptCache.indexOf(10) + 100));
      outcome.cut = loadsCached();
      // One bit flipped in the middle of V8's bytes: V8 itself would run them (to a crash, or to wrong statuses).
      const garbled = Buffer.from(keptCache);
      const body = garbled.indexOf(10) + 1;
      garbled[body + Math.floor((garbled.length - body) / 2)] ^= 0x10;
      writeFileSync(cache, garbled);
      outcome.garbled = loadsCached();
      const garbledRun = run("node", [bin, ...buildArgs(join(dir, "garbled.xlsx"))]);
      outcome.garbledRuns = garbledRun.status;
      outcome.garbledSame = garbledRun.status === 0 && readFileSync(join(dir, "garbled.xlsx")).equals(readFileSync(join(dir, "plain.xlsx")));
      // Made by another Node (a dist folder shared between machines).
      const header = JSON.parse(keptCache.subarray(0, keptCache.indexOf(10)).toString("utf8")) as { node: string };
      writeFileSync(cache, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, node: "v0.0.1" })}\n`), keptCache.subarray(keptCache.indexOf(10) + 1)]));
      outcome.otherNode = loadsCached();
    } finally {
      writeFileSync(bundle, keptBundle);
      writeFileSync(cache, keptCache);
      touch(bundle, 60);
    }
    expect(outcome).toEqual({ made: true, none: false, cachedStatus: 0, plainStatus: 0, sameWorkbook: true, sameReport: true, changed: false, cut: false, garbled: false, garbledRuns: 0, garbledSame: true, otherNode: false });
  });

  test("V8 is tuned for a short build, and the code cache made under the tuning; other V8 flags (RAG_SCORECARD_V8) do not use that cache, and no flags change the workbook or the report", () => {
    const untuned = { ...process.env, RAG_SCORECARD_V8: "" };
    const other = { ...process.env, RAG_SCORECARD_V8: "--interrupt-budget=100000" };
    const header = JSON.parse(readFileSync(join(cli, "rag-scorecard.cache")).subarray(0, readFileSync(join(cli, "rag-scorecard.cache")).indexOf(10)).toString("utf8")) as { v8: string };
    const tuned = run("node", [bin, ...buildArgs(join(dir, "tuned.xlsx"))]);
    const plain = run("node", [bin, ...buildArgs(join(dir, "untuned.xlsx"))], untuned);
    expect({
      made: header.v8,
      tuned: loadsCached(),
      untuned: loadsCached(untuned),
      other: loadsCached(other),
      statuses: [tuned.status, plain.status],
      sameWorkbook: readFileSync(join(dir, "tuned.xlsx")).equals(readFileSync(join(dir, "untuned.xlsx"))),
      sameReport: readFileSync(join(dir, "tuned.xlsx.json"), "utf8") === readFileSync(join(dir, "untuned.xlsx.json"), "utf8"),
    }).toEqual({ made: "--interrupt-budget=300000 --max-inlined-bytecode-size-cumulative=200", tuned: true, untuned: false, other: false, statuses: [0, 0], sameWorkbook: true, sameReport: true });
  });

  test("RAG_SCORECARD_V8 is for measuring: what is not a V8 flag (or asks for V8's help) is left out in one line, and the build goes on", () => {
    const r = spawnSync("node", [bin, ...buildArgs(join(dir, "odd-flags.xlsx"))], { cwd: root, encoding: "utf8", env: { ...process.env, RAG_SCORECARD_V8: "nonsense --help --interrupt-budget=300000" } });
    const said = r.stderr.split("\n").filter((l) => l.includes("RAG_SCORECARD_V8"));
    expect({ status: r.status, said, same: readFileSync(join(dir, "odd-flags.xlsx")).equals(readFileSync(join(dir, "untuned.xlsx"))) }).toEqual({
      status: 0,
      said: ['rag-scorecard: RAG_SCORECARD_V8: left out "nonsense", "--help" (V8 flags are written --name or --name=value)'],
      same: true,
    });
  });

  test("run directly, the single file runs the command as main.js does", () => {
    const bundle = join(cli, "rag-scorecard.js");
    const version = run("node", [bundle, "--version"]);
    const wrong = run("node", [bundle, "bogus"]);
    const modules = run("node", [join(cli, "main.js"), "bogus"]);
    expect({ version: version.out.trim().startsWith("rag-scorecard "), wrong: wrong.status, usage: wrong.out === modules.out }).toEqual({ version: true, wrong: modules.status, usage: true });
    expect(wrong.status).toBe(1);
  });

});
