// helper-137: a tracker reaching Excel's last column (XFD). Our status column (and the checks column beside
// it) would be past the sheet's edge: the plans wrote there (XFE, XFF), the file host dropped those cells
// with no word, and the record named cells past XFD, so the next build dropped the sheet's whole entry
// and with it the backups of the officer's rating cells it had coloured.
import { colourTrackers, offSheetStatusProblems, statusPlaces } from "../../src/engine/trackers/colour";
import { applyEdits, startLive } from "../../src/engine/live";
import { rateWorkbook } from "../../src/engine/rate/workbook";
import { PRESETS } from "../../src/engine/scheme/presets";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const XFD = 16383;
const header = ["Ref", "Indicator", "Target", "Actual", "Polarity", "RAG"];

/** The tracker with its last column at `last` (zero-based): the grid starts at its first column. */
function tracker(last: number, rag: string[]): SheetGrid {
  const rows: CellValue[][] = [header, ["HE 1", "Rent collected", 97, 98.2, "Higher is better", rag[0]], ["HE 2", "Days to re-let", 30, 41, "Lower is better", rag[1]]];
  return { name: "KPIs", values: rows, origin: { row: 0, col: last - header.length + 1 } };
}

function planned(grid: SheetGrid) {
  const result = rateWorkbook([grid], { scheme: PRESETS.rag, reportDate: "2024-03-31" });
  const [plan] = colourTrackers(PRESETS.rag, [grid], result.tables, result.rated);
  const cols = [...plan.blocks.flatMap((b) => b.values[0].map((_, j) => b.col + j)), ...plan.styles.flatMap((g) => g.ranges.map((r) => r.right)), ...plan.columnWidths.map((w) => w.col)];
  return { plan, last: Math.max(...cols), problems: offSheetStatusProblems([grid], result.tables, result.rated) };
}

describe("a tracker reaching Excel's last column", () => {
  test("ending at XFD: no status is planned past XFD, the ratings are still coloured, and the run says why", () => {
    const { plan, last, problems } = planned(tracker(XFD, ["Green", "Red"]));
    expect(last).toBeLessThanOrEqual(XFD);
    expect(plan.styles.some((g) => g.ranges.some((r) => r.left === XFD))).toBe(true);
    expect(problems.map((p) => [p.cell, /statuses cannot be written/.test(p.message)])).toEqual([["XFD1", true]]);
  });

  test("ending at XFC with a rating the rules disagree with: the status goes in XFD, the check nowhere, and the run says so", () => {
    const { plan, last, problems } = planned(tracker(XFD - 1, ["Red", "Red"]));
    expect(last).toBe(XFD);
    expect(plan.blocks.some((b) => b.col === XFD)).toBe(true);
    expect(problems.map((p) => [p.cell, /checks .* cannot be written/.test(p.message)])).toEqual([["XFD1", true]]);
  });

  test("ending well left of XFD: no warning", () => {
    expect(planned(tracker(10, ["Red", "Red"])).problems).toEqual([]);
  });
});

// The add-in's live colours (engine/live) write a re-rated row's cells as rowWrites lays them out, not
// through colourTrackers: past XFD there too, an edit's plan named a cell Excel has not (XFE), and the write failed.
describe("a live edit on a tracker reaching Excel's last column", () => {
  test("writes nothing past XFD", () => {
    const grid = tracker(XFD, ["Green", "Red"]);
    const { session } = startLive([grid], { preset: "rag", reportDate: "2024-03-31", today: "2024-04-15" });
    const update = applyEdits(session, [{ sheet: "KPIs", row: 1, col: XFD - 2, value: 99 }]);
    expect(update.kind).toBe("records");
    const plans = update.kind === "records" ? update.plans : [];
    const cols = plans.flatMap((p) => [...p.blocks.flatMap((b) => b.values[0].map((_, j) => b.col + j)), ...p.styles.flatMap((g) => g.ranges.map((r) => r.right))]);
    expect(cols.length).toBeGreaterThan(0);
    expect(Math.max(...cols)).toBeLessThanOrEqual(XFD);
  });
});

// The add-in reads a range over each status place (drawings over it, conditional formats: excel/drawings.ts,
// excel/conditional-fills.ts): a place past XFD made Excel refuse the request, and the file host's warnings named XFE.
describe("status places of a tracker reaching Excel's last column", () => {
  test("none lies past XFD", () => {
    for (const [last, rag] of [[XFD, ["Green", "Red"]], [XFD - 1, ["Red", "Red"]]] as const) {
      const grid = tracker(last, [...rag]);
      const result = rateWorkbook([grid], { scheme: PRESETS.rag, reportDate: "2024-03-31" });
      for (const p of statusPlaces([grid], result.tables, result.rated)) expect(p.last).toBeLessThanOrEqual(XFD);
    }
  });
});
