// The Scorecard History sheet through `rag-scorecard build`: a sample built for Q2, then its output for
// Q3 and Q4, carries each record's last-period status in --json; the same period built twice records
// it once; a history sheet renamed by a person is still found and kept.
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { JsonReport } from "../../src/cli/report";
import { readPackage } from "../../src/xlsx/read-package";
import { readHistory } from "../../src/engine/history/read";
import { HISTORY_SHEET, type HistoryEntry } from "../../src/engine/history/types";
import { sameSheetName } from "../../src/engine/sheets/ownership";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "rag-history-cli-"));
const SAMPLE = join(root, "samples", "dudley-community-safety.xlsx");

async function build(input: string, output: string, period: string): Promise<JsonReport> {
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  const json = `${output}.json`;
  const code = await main(["build", input, "-o", output, "--json", json, "--preset", "dudley", "--period", period]);
  jest.restoreAllMocks();
  expect(code).toBe(0);
  return JSON.parse(readFileSync(json, "utf8")) as JsonReport;
}

/** The history as the output file holds it, read back as a person's edits would be. */
async function historyOf(path: string, sheet = HISTORY_SHEET): Promise<{ entries: HistoryEntry[]; problems: number; sheets: string[] }> {
  const read = await readPackage(path);
  read.pkg.close();
  const grid = read.grids.find((g) => sameSheetName(g.name, sheet));
  const h = grid ? readHistory(grid) : { entries: [], problems: [] };
  return { entries: h.entries, problems: h.problems.length, sheets: read.sheets.map((s) => s.name) };
}

/** A copy of `input` with one sheet renamed, as Excel would (the workbook part and its defined names). */
async function renameSheet(input: string, from: string, to: string, output: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(input));
  const part = "xl/workbook.xml";
  const xml = await zip.file(part)!.async("string");
  expect(xml).toContain(`name="${from}"`);
  zip.file(part, xml.split(`name="${from}"`).join(`name="${to}"`).split(`'${from}'!`).join(`'${to}'!`));
  writeFileSync(output, await zip.generateAsync({ type: "nodebuffer" }));
}

const at = (r: { sheet: string; row: number }) => `${r.sheet}!${r.row}`;
const recorded = (report: JsonReport) => report.records.filter((r) => r.ref || r.name);

describe("two and three periods", () => {
  const q2 = join(dir, "q2.xlsx");
  const q3 = join(dir, "q3.xlsx");
  const q4 = join(dir, "q4.xlsx");
  let r2: JsonReport;
  let r3: JsonReport;
  let r4: JsonReport;

  beforeAll(async () => {
    r2 = await build(SAMPLE, q2, "Q2 2010/11");
    r3 = await build(q2, q3, "Q3 2010/11");
    r4 = await build(q3, q4, "Q4 2010/11");
  });

  test("the first build records Q2 and no record has a previous period", async () => {
    const h = await historyOf(q2);
    expect({
      previous: r2.records.filter((r) => r.previous).length,
      periods: [...new Set(h.entries.map((e) => e.period))],
      rows: h.entries.length,
      problems: h.problems,
      historyNotATracker: r2.records.some((r) => sameSheetName(r.sheet, HISTORY_SHEET)),
    }).toEqual({ previous: 0, periods: ["Q2 2010/11"], rows: recorded(r2).length, problems: 0, historyNotATracker: false });
  });

  test("the Q3 build shows each record's Q2 status, level and period in RULES §10's written form", () => {
    const q2ByCell = new Map(r2.records.map((r) => [at(r), r]));
    const expected = recorded(r3).map((r) => {
      const was = q2ByCell.get(at(r));
      return [at(r), was ? { period: "Q2 2010/11", status: was.status, level: was.level } : undefined];
    });
    expect(recorded(r3).map((r) => [at(r), r.previous])).toEqual(expected);
    expect(r3.records.filter((r) => r.previous).length).toBeGreaterThan(10);
  });

  test("the Q4 build compares with Q3, and the history holds three periods, one row per record each", async () => {
    const q3ByCell = new Map(r3.records.map((r) => [at(r), r]));
    expect(recorded(r4).map((r) => r.previous)).toEqual(recorded(r4).map((r) => ({ period: "Q3 2010/11", status: q3ByCell.get(at(r))?.status, level: q3ByCell.get(at(r))?.level })));
    const h = await historyOf(q4);
    const perPeriod = (p: string) => h.entries.filter((e) => e.period === p).length;
    expect([perPeriod("Q2 2010/11"), perPeriod("Q3 2010/11"), perPeriod("Q4 2010/11")]).toEqual([recorded(r2).length, recorded(r3).length, recorded(r4).length]);
    expect(h.entries.map((e) => e.period)).toEqual([...h.entries].sort((a, b) => a.periodOrder - b.periodOrder).map((e) => e.period));
    // One history sheet, however many builds.
    expect(h.sheets.filter((s) => /history/i.test(s))).toEqual([HISTORY_SHEET]);
  });

  test("building Q3 again on the Q3 output replaces Q3's rows: no duplicates, Q2 kept, previous still Q2", async () => {
    const again = join(dir, "q3-again.xlsx");
    const report = await build(q3, again, "Q3 2010/11");
    const before = await historyOf(q3);
    const after = await historyOf(again);
    const rowKey = (e: HistoryEntry) => `${e.period}|${e.key}|${e.sheet}`;
    expect({
      rows: after.entries.length,
      distinct: new Set(after.entries.map(rowKey)).size,
      same: after.entries.map(rowKey),
      previous: report.records.map((r) => r.previous?.period),
    }).toEqual({ rows: before.entries.length, distinct: before.entries.length, same: before.entries.map(rowKey), previous: r3.records.map((r) => r.previous?.period) });
  });

  test("a tracker sheet renamed between periods keeps its records' history (matched by ref, not by sheet)", async () => {
    const renamed = join(dir, "tracker-renamed.xlsx");
    await renameSheet(q3, "Community Safety", "Safer Communities", renamed);
    const out = join(dir, "tracker-renamed-q4.xlsx");
    const report = await build(renamed, out, "Q4 2010/11");
    const moved = report.records.filter((r) => r.sheet === "Safer Communities");
    const q3ByRow = new Map(r3.records.filter((r) => r.sheet === "Community Safety").map((r) => [r.row, r]));
    expect(moved.length).toBeGreaterThan(5);
    expect(moved.map((r) => r.previous)).toEqual(moved.map((r) => ({ period: "Q3 2010/11", status: q3ByRow.get(r.row)?.status, level: q3ByRow.get(r.row)?.level })));
  });

  test("a history sheet a person renamed is read and carried on: the renamed one is left as they made it, the history goes on in Scorecard History", async () => {
    const renamed = join(dir, "history-renamed.xlsx");
    await renameSheet(q3, HISTORY_SHEET, "Past statuses", renamed);
    const out = join(dir, "history-renamed-q4.xlsx");
    const report = await build(renamed, out, "Q4 2010/11");
    const kept = await historyOf(out, "Past statuses");
    const current = await historyOf(out);
    expect({
      previous: report.records.filter((r) => r.previous?.period === "Q3 2010/11").length,
      keptPeriods: [...new Set(kept.entries.map((e) => e.period))],
      periods: [...new Set(current.entries.map((e) => e.period))],
      sheets: current.sheets.filter((s) => /history|past/i.test(s)),
      trackerSheets: [...new Set(report.records.map((r) => r.sheet))].sort(),
    }).toEqual({
      previous: recorded(r4).length,
      keptPeriods: ["Q2 2010/11", "Q3 2010/11"],
      periods: ["Q2 2010/11", "Q3 2010/11", "Q4 2010/11"],
      sheets: ["Past statuses", HISTORY_SHEET],
      trackerSheets: [...new Set(r4.records.map((r) => r.sheet))].sort(),
    });
  });
});

test("a period found in the workbook's headers is recorded in its written form", async () => {
  const input = join(root, "samples", "derby-csp.xlsx");
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  const out = join(dir, "derby.xlsx");
  const json = `${out}.json`;
  expect(await main(["build", input, "-o", out, "--json", json, "--preset", "rag"])).toBe(0);
  jest.restoreAllMocks();
  const report = JSON.parse(readFileSync(json, "utf8")) as JsonReport;
  const h = await historyOf(out);
  expect({ period: report.period, recorded: [...new Set(h.entries.map((e) => e.period))] }).toEqual({ period: "Q4 2009/10", recorded: ["Q4 2009/10"] });
});
