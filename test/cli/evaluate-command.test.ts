// `rag-scorecard evaluate`: its help, its usage mistakes and its unreadable files, each one line naming
// the file, with the contract's exit codes (0 done, 1 usage, 2 unreadable input), as `build` does.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { EXIT, main } from "../../src/cli/main";

const dir = mkdtempSync(join(tmpdir(), "rag-evaluate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((s: unknown) => void out.push(String(s)));
  const error = jest.spyOn(console, "error").mockImplementation((s: unknown) => void err.push(String(s)));
  const write = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  try {
    return { code: await main(["evaluate", ...args]), out: out.join("\n"), err };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

test.each([[["--help"]], [["-h"]], [["cases.json", "--help"]]])("evaluate %j prints the usage and exits 0, not read as a file of that name", async (args) => {
  const r = await run(args);
  expect([r.code, r.out.startsWith("Usage:"), r.err]).toEqual([EXIT.done, true, []]);
});

test.each([
  [["--cases"], "rag-scorecard evaluate: unknown option --cases"],
  [["a.json", "b.json"], "rag-scorecard evaluate: one cases file at a time (2 given)"],
])("evaluate %j is a usage mistake (exit 1), said first", async (args, first) => {
  const r = await run(args);
  expect([r.code, r.err[0]]).toEqual([EXIT.usage, first]);
});

test("a cases file that is missing, a folder or not JSON: one line naming it, exit 2", async () => {
  const missing = join(dir, "missing.json");
  const folder = join(dir, "cases");
  mkdirSync(folder);
  const broken = join(dir, "broken.json");
  writeFileSync(broken, "{ indicators: [");
  const seen = [];
  for (const file of [missing, folder, broken]) {
    const r = await run([file]);
    seen.push([r.code, r.err.length, r.err[0]?.replace(/JSON: .*/, "JSON: …")]);
  }
  expect(seen).toEqual([
    [EXIT.unreadable, 1, `rag-scorecard evaluate: ${missing} was not found`],
    [EXIT.unreadable, 1, `rag-scorecard evaluate: ${folder} is a folder, not a cases file`],
    [EXIT.unreadable, 1, `rag-scorecard evaluate: ${broken} is not valid JSON: …`],
  ]);
});

test("a cases file that cannot be opened says so (unless run as root, which can open anything)", async () => {
  const locked = join(dir, "locked.json");
  writeFileSync(locked, '{ "indicators": [] }');
  chmodSync(locked, 0o000);
  const r = await run([locked]);
  if (process.getuid?.() === 0) expect(r.code).toBe(EXIT.done);
  else expect([r.code, r.err]).toEqual([EXIT.unreadable, [`rag-scorecard evaluate: ${locked} cannot be opened (permission denied)`]]);
});

test("a cases file that is a list, or holds no cases, says so (exit 2), rather than printing no results", async () => {
  const list = join(dir, "list.json");
  writeFileSync(list, "[]");
  const none = join(dir, "none.json");
  writeFileSync(none, JSON.stringify({ indicator: [{ id: "typo in the key" }] }));
  const seen = [];
  for (const file of [list, none]) {
    const r = await run([file]);
    seen.push([r.code, r.err, r.out]);
  }
  expect(seen).toEqual([
    [EXIT.unreadable, [`rag-scorecard evaluate: ${list}: the cases file must hold a JSON object with arrays indicators, activities, trends`], ""],
    [EXIT.unreadable, [`rag-scorecard evaluate: ${none}: the cases file holds no indicators, activities or trends`], ""],
  ]);
});

test("a case the rules cannot take is named, exit 2; good cases give their results", async () => {
  const bad = join(dir, "bad-preset.json");
  writeFileSync(bad, JSON.stringify({ indicators: [{ id: "a", preset: "nosuch", actual: 1, target: 2 }] }));
  const good = join(dir, "good.json");
  writeFileSync(good, JSON.stringify({ indicators: [{ id: "g", preset: "rag", polarity: "higher", target: "80%", actual: "85%" }] }));
  const r1 = await run([bad]);
  const r2 = await run([good]);
  expect([r1.code, r1.err]).toEqual([EXIT.unreadable, [`rag-scorecard evaluate: ${bad}: indicators[0]: unknown preset "nosuch" (use rag, dudley, pentana or cannock)`]]);
  expect([r2.code, JSON.parse(r2.out).results.map((x: { id: string; result: string }) => [x.id, x.result])]).toEqual([EXIT.done, [["g", "green"]]]);
});

test("a cases file saved with a byte-order mark (as Windows editors save UTF-8) is read, not refused as not JSON", async () => {
  const bom = join(dir, "bom.json");
  writeFileSync(bom, "\uFEFF" + JSON.stringify({ indicators: [{ id: "b", preset: "rag", polarity: "higher", target: "80%", actual: "85%" }] }));
  const r = await run([bom]);
  expect([r.code, r.err, r.code === EXIT.done && JSON.parse(r.out).results.map((x: { id: string; result: string }) => [x.id, x.result])]).toEqual([EXIT.done, [], [["b", "green"]]]);
});

test("a cases file not in UTF-8 (Windows-1252's ±, UTF-16) is refused in one line naming it, not rated on a garbled target", async () => {
  const ansi = join(dir, "ansi.json");
  // "±5%" saved as Windows-1252: the ± is the byte 0xB1, which UTF-8 reads as U+FFFD and the band is lost.
  writeFileSync(ansi, Buffer.concat([Buffer.from('{"indicators":[{"id":"band","preset":"rag","target":"'), Buffer.from([0xb1]), Buffer.from('5%","actual":"3%"}]}')]));
  const utf16 = join(dir, "utf16.json");
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"indicators":[]}', "utf16le")]));
  const seen = [];
  for (const file of [ansi, utf16]) {
    const r = await run([file]);
    seen.push([r.code, r.err]);
  }
  expect(seen).toEqual([
    [EXIT.unreadable, [`rag-scorecard evaluate: ${ansi} is not UTF-8 text: save it as UTF-8 and try again`]],
    [EXIT.unreadable, [`rag-scorecard evaluate: ${utf16} is not UTF-8 text: save it as UTF-8 and try again`]],
  ]);
});
