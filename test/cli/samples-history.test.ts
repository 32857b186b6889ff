// The bundled samples through `rag-scorecard build --json`: Derby's indicators gain a long-term trend
// (2009/10 against the 2008/09 baseline) and Dudley's Children's Services indicators their comparator
// status. Hand-checked values; every other field is as before (test/cli/build.test.ts).
import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/main";
import type { JsonReport } from "../../src/cli/report";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rag-history-"));

async function report(file: string, preset: string, reportDate: string): Promise<JsonReport> {
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  const json = join(dir, `${file}.json`);
  const code = await main(["build", join(root, "samples", file), "-o", join(dir, file), "--preset", preset, "--report-date", reportDate, "--json", json]);
  jest.restoreAllMocks();
  expect(code).toBe(0);
  return JSON.parse(readFileSync(json, "utf8")) as JsonReport;
}

test("derby: long term against the 2008/09 baseline beside the quarter-on-quarter short term", async () => {
  const { records } = await report("derby-csp.xlsx", "rag", "2010-03-31");
  const byRow = new Map(records.map((r) => [r.row, r]));
  expect([17, 32, 29, 7].map((row) => [byRow.get(row)?.ref, byRow.get(row)?.trend, byRow.get(row)?.trendLongTerm])).toEqual([
    ["NI 49", "static", "improving"], // 208.7 → 199.8, lower is better
    ["NI 46", "static", "worsening"], // 96.5% → 95.3%, target > 95%
    ["NI 44a", "notrend", "notrend"], // band target +/-5%
    ["NI 39", "worsening", "worsening"], // 2,020 → 2,475, lower is better
  ]);
});

test("dudley: Children's Services actuals against the All England and Met council averages", async () => {
  const { records, problems } = await report("dudley-community-safety.xlsx", "dudley", "2010-12-31");
  const nI059 = records.find((r) => r.sheet === "Children's Services" && r.row === 20);
  expect(nI059?.comparisons).toEqual([
    { label: "All England Average 2008/09", value: 0.7279, result: "negative" },
    { label: "Met Council Average 2008/09", value: 0.7303, result: "negative" },
  ]);
  expect(records.filter((r) => r.comparisons.length > 0).map((r) => r.ref)).toEqual(["NI 059", "NI 062", "NI 066", "NI 067", "NI 045", "NI 087", "NI 117"]);
  expect(problems.filter((p) => p.message.includes("comparator"))).toEqual([]);
});
