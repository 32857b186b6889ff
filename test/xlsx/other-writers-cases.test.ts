// Files other writers make that the build misread (helper-119; scripts/make-fixtures.py made them). Every
// part of them is also checked by corpus.test.ts, which picks up every file in test/fixtures/made.
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runBuild } from "./helpers/run-build";
import { readParts } from "./helpers/zip-parts";

const MADE = join(__dirname, "..", "fixtures", "made");
const dir = mkdtempSync(join(tmpdir(), "rag-other-writers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  records: { sheet: string; ref: string; status: string; hidden?: boolean }[];
  counts: { indicator: Record<string, number> };
  problems: { sheet: string; cell: string; message: string }[];
}

async function build(file: string): Promise<{ report: Report; out: string }> {
  const json = join(dir, `${file}.json`);
  const out = join(dir, file);
  const run = await runBuild([join(MADE, file), "-o", out, "--json", json, "--preset", "rag", "--period", "Q3 2010/11", "--report-date", "2010-12-31"]);
  expect({ code: run.code, threw: run.threw }).toEqual({ code: 0, threw: undefined });
  return { report: JSON.parse(readFileSync(json, "utf8")) as Report, out };
}

test("part names with %-escapes (KPI%20sheet.xml, shared%20strings.xml, KPI%20chart.xml) are found through their relationships, and kept", async () => {
  const { report, out } = await build("handmade-percent-part-names.xlsx");
  expect(Object.fromEntries(report.records.map((r) => [r.ref, r.status]))).toEqual({ "HE 1": "green", "HE 2": "red", "HE 3": "amber", "HE 4": "green" });
  // The chart over where the statuses go is seen through its escaped drawing name.
  expect(report.problems.filter((p) => p.message.includes("under a chart"))).toHaveLength(1);
  const input = await readParts(join(MADE, "handmade-percent-part-names.xlsx"));
  const output = await readParts(out);
  for (const name of input.keys()) expect(output.has(name)).toBe(true);
  // No second copy of a part under its name decoded.
  expect([...output.keys()].filter((n) => n.includes(" "))).toEqual([]);
});

test("a hidden draft copy is not counted nor listed; a very hidden sheet is not read", async () => {
  const { report } = await build("openpyxl-hidden-draft.xlsx");
  expect(report.records.map((r) => [r.sheet, r.ref, r.hidden ?? false, r.status])).toEqual([
    ["KPIs", "HE 1", false, "green"],
    ["KPIs", "HE 2", false, "red"],
    ["KPIs", "HE 3", false, "amber"],
    ["KPIs", "HE 4", false, "green"],
    ["KPIs draft", "HE 1", true, "red"],
    ["KPIs draft", "HE 2", true, "amber"],
    ["KPIs draft", "HE 3", true, "red"],
    ["KPIs draft", "HE 4", true, "green"],
  ]);
  expect(report.counts.indicator).toMatchObject({ green: 2, amber: 1, red: 1 });
});
