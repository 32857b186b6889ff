// The Scorecard History sheet in the Office.js host, on the strict fake: Build summary and Apply colours
// record each period; the next period sees last period's statuses; the same period twice records once;
// a renamed history is still read; and a 5,000-row history costs no extra sync (its values ride in the
// read request every command already makes).
import { applyColoursCommand, buildSummaryCommand } from "../../src/excel";
import { createFakeExcel, type FakeExcel, type FakeWorkbookInit } from "../../src/fake-excel";
import { HISTORY_SHEET, type HistoryEntry } from "../../src/engine/history/types";
import { HISTORY_TAB_COLOUR, layoutHistorySheet } from "../../src/engine/history/layout";
import { readHistory } from "../../src/engine/history/read";
import { OWNER_MARK, STATE_SHEET, stateRecordText } from "../../src/engine/sheets/ownership";
import type { CellValue } from "../../src/engine/vocab/types";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

const LIMIT = 5 * 1024 * 1024;

function historyIn(fake: FakeExcel, sheet = HISTORY_SHEET): HistoryEntry[] {
  const view = fake.sheet(sheet);
  return view ? readHistory({ name: sheet, values: view.values as CellValue[][] }).entries : [];
}

const periodsOf = (entries: HistoryEntry[]) => [...new Set(entries.map((e) => e.period))];

describe("periods through the add-in's commands", () => {
  test("Build summary for Q3, then Apply colours for Q4: Q4 sees each record's Q3 status; one history sheet, visible and ours", async () => {
    const fake = createFakeExcel(generatedTracker(12));
    const q3 = await buildSummaryCommand(fake.run, { ...SETTINGS, period: "Q3 2021/22" }, TODAY);
    const q4 = await applyColoursCommand(fake.run, { ...SETTINGS, period: "Q4 2021/22" }, TODAY);
    const view = fake.sheet(HISTORY_SHEET)!;
    const entries = historyIn(fake);
    expect({
      previousPeriod: q4.run.history.previousPeriod,
      previous: q4.run.result.rated.map((r) => q4.run.history.previous(r)),
      periods: periodsOf(entries),
      rows: entries.length,
      visible: view.visibility,
      mark: view.names.find((n) => n.name === OWNER_MARK)?.formula,
      frozen: view.frozen,
      historySheets: fake.sheetNames().filter((n) => /history/i.test(n)),
      trackers: [...new Set(q4.run.result.rated.map((r) => r.record.sheet))],
    }).toEqual({
      previousPeriod: "Q3 2021/22",
      previous: q3.run.result.rated.map((r) => ({ period: "Q3 2021/22", status: r.rating.status, level: r.rating.level })),
      periods: ["Q3 2021/22", "Q4 2021/22"],
      rows: q3.run.result.rated.length + q4.run.result.rated.length,
      visible: "Visible",
      mark: `="${HISTORY_SHEET}"`,
      frozen: { rows: 1, cols: 0 },
      historySheets: [HISTORY_SHEET],
      trackers: ["Indicators", "Activities"],
    });
  });

  test("the same period twice records it once, and three periods keep their order", async () => {
    const fake = createFakeExcel(generatedTracker(12));
    for (const period of ["Q2 2021/22", "Q3 2021/22", "Q3 2021/22", "Q4 2021/22"]) await buildSummaryCommand(fake.run, { ...SETTINGS, period }, TODAY);
    const entries = historyIn(fake);
    const perPeriod = periodsOf(entries).map((p) => [p, entries.filter((e) => e.period === p).length]);
    const records = entries.filter((e) => e.period === "Q4 2021/22").length;
    expect(perPeriod).toEqual([
      ["Q2 2021/22", records],
      ["Q3 2021/22", records],
      ["Q4 2021/22", records],
    ]);
  });

  test("after the first run the history is written in place: a re-run with fewer records leaves no stale rows below", async () => {
    const fake = createFakeExcel(generatedTracker(12));
    await buildSummaryCommand(fake.run, { ...SETTINGS, period: "Q3 2021/22" }, TODAY);
    await buildSummaryCommand(fake.run, { ...SETTINGS, period: "Q4 2021/22" }, TODAY);
    const before = fake.sheet(HISTORY_SHEET)!.values.length;
    fake.user.deleteRows("Indicators", 5, 3);
    const again = await buildSummaryCommand(fake.run, { ...SETTINGS, period: "Q4 2021/22" }, TODAY);
    const view = fake.sheet(HISTORY_SHEET)!;
    const entries = historyIn(fake);
    const filled = view.values.filter((r) => r.some((v) => v !== "" && v !== null)).length;
    expect({
      q4: entries.filter((e) => e.period === "Q4 2021/22").length,
      q3: entries.filter((e) => e.period === "Q3 2021/22").length,
      filledRows: filled,
      shrunk: before - filled,
      sameSheet: view.position === fake.sheet(HISTORY_SHEET)!.position && view.names.some((n) => n.name === OWNER_MARK),
    }).toEqual({ q4: again.run.result.rated.length, q3: again.run.result.rated.length + 3, filledRows: 1 + entries.length, shrunk: 3, sameSheet: true });
  });

  test("a history sheet a person renamed is read (Q3 statuses seen in Q4) and never rated as a tracker", async () => {
    const fake = createFakeExcel(generatedTracker(12));
    const q3 = await buildSummaryCommand(fake.run, { ...SETTINGS, period: "Q3 2021/22" }, TODAY);
    fake.user.renameSheet(HISTORY_SHEET, "Past statuses");
    const q4 = await buildSummaryCommand(fake.run, { ...SETTINGS, period: "Q4 2021/22" }, TODAY);
    expect({
      previous: q4.run.result.rated.filter((r) => q4.run.history.previous(r)?.period === "Q3 2021/22").length,
      trackers: [...new Set(q4.run.result.rated.map((r) => r.record.sheet))],
      carriedOn: periodsOf(historyIn(fake)),
    }).toEqual({ previous: q3.run.result.rated.length, trackers: ["Indicators", "Activities"], carriedOn: ["Q3 2021/22", "Q4 2021/22"] });
  });
});

/** A workbook as an earlier run left it: the tracker, our record, and a history of `rows` rows (250 records a quarter). */
function withHistory(trackerRows: number, rows: number): FakeWorkbookInit {
  const init = generatedTracker(trackerRows);
  const entries: HistoryEntry[] = [];
  for (let i = 0; i < rows; i++) {
    const q = Math.floor(i / 250);
    const year = 2016 + Math.floor(q / 4);
    const quarter = (q % 4) + 1;
    const ref = `HE ${(i % 250) + 1}`;
    const status = ["green", "amber", "red"][i % 3];
    entries.push({
      period: `Q${quarter} ${year}/${String((year + 1) % 100).padStart(2, "0")}`,
      periodOrder: year * 5 + quarter,
      kind: "indicator",
      key: `indicator|ref:${ref.toLowerCase()}`,
      ref,
      name: "Average days to re-let council homes",
      sheet: "Indicators",
      status,
      level: (["good", "near", "bad"] as const)[i % 3],
      source: "rules",
      actual: 40 + (i % 30),
      target: 50,
      recordedOn: "2021-04-30",
    });
  }
  const plan = layoutHistorySheet(entries, [], undefined, TODAY);
  const values = plan.blocks[0].values as CellValue[][];
  const mark = (plan: string) => [{ name: OWNER_MARK, formula: `="${plan}"`, visible: false }];
  return {
    ...init,
    sheets: [
      ...init.sheets,
      { name: HISTORY_SHEET, values, tabColor: HISTORY_TAB_COLOUR, names: mark(HISTORY_SHEET) },
      { name: STATE_SHEET, values: [[stateRecordText([{ sheet: HISTORY_SHEET, plan: HISTORY_SHEET }])]], visibility: "VeryHidden", names: mark(STATE_SHEET) },
    ],
  };
}

describe("sync budget with a 5,000-row history", () => {
  // Each command on the same tracker with no history, and with a 5,000-row history: the same syncs,
  // every request and response within Excel on the web's 5 MB. The measured counts are printed in the report.
  test.each([
    { command: "apply" as const, trackerRows: 10 },
    { command: "summary" as const, trackerRows: 10 },
    { command: "apply" as const, trackerRows: 2000 },
    { command: "summary" as const, trackerRows: 2000 },
  ])("$command on $trackerRows tracker rows: syncs unchanged", async ({ command, trackerRows }) => {
    const run = (fake: FakeExcel) => (command === "apply" ? applyColoursCommand : buildSummaryCommand)(fake.run, SETTINGS, TODAY);
    const bare = createFakeExcel(withHistory(trackerRows, 0));
    const without = await run(bare);
    const big = createFakeExcel(withHistory(trackerRows, 5000));
    const withIt = await run(big);
    const s = big.stats.summary();
    const entries = historyIn(big);
    expect({
      syncs: withIt.syncs,
      reported: s.syncs,
      request: s.maxRequestBytes < LIMIT,
      response: s.maxResponseBytes < LIMIT,
      previousPeriod: withIt.run.history.previousPeriod,
      rows: entries.length,
    }).toEqual({
      syncs: without.syncs,
      reported: without.syncs,
      request: true,
      response: true,
      previousPeriod: "Q4 2020/21",
      rows: 5000 + withIt.run.result.rated.length,
    });
  });
});
