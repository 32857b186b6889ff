// The Scorecard History sheet in the engine (issue 14 item 1): identity across periods, the run's period
// replaced never duplicated, last period's status, series for charts, changes since last period, and
// a history run through runScorecard quarter after quarter as both hosts do (the plan read back as a grid).
import { runScorecard, type ScorecardRun } from "../../src/engine/scorecard";
import fc from "fast-check";
import { identityText, recordKey } from "../../src/engine/history/key";
import { readHistory } from "../../src/engine/history/read";
import { HISTORY_TAB_COLOUR } from "../../src/engine/history/layout";
import { historyInPlace } from "../../src/excel/history-write";
import { HISTORY_SHEET } from "../../src/engine/history/types";
import { trendPoints } from "../../src/engine/summary/chart-series";
import type { SheetPlan } from "../../src/engine/vocab/plan";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const HEADER = ["Ref", "Indicator", "Polarity", "Target", "Actual", "Comment"];
type Row = [string, string, string, number, number | string, string];

function tracker(rows: Row[], name = "KPIs"): SheetGrid {
  return { name, values: [HEADER, ...rows] };
}

/** The plan's one block as the host would read the sheet back. */
function gridOf(plan: SheetPlan | undefined, name = HISTORY_SHEET): SheetGrid {
  const values: CellValue[][] = [];
  for (const b of plan?.blocks ?? []) b.values.forEach((r, i) => (values[b.row + i] = r.map((v) => v as CellValue)));
  return { name, values };
}

function run(grids: SheetGrid[], period: string, extra: Partial<Parameters<typeof runScorecard>[1]> = {}): ScorecardRun {
  return runScorecard(grids, { preset: "rag", period, today: "2011-01-15", ...extra });
}

const historyPlan = (r: ScorecardRun) => r.plans.find((p) => p.sheet === HISTORY_SHEET);
const byRef = (r: ScorecardRun, ref: string) => r.result.rated.find((x) => x.record.ref === ref)!;

const Q2: Row[] = [
  ["NI 1", "Crime", "Lower", 100, 90, "Falling"],
  ["NI 2", "Burglary", "Lower", 100, 130, "Up on last year"],
  ["NI 3", "Satisfaction", "Higher", 80, 79, "Near"],
  ["NI 9", "Dropped next quarter", "Higher", 10, 12, ""],
];
const Q3: Row[] = [
  ["NI 1", "Crime", "Lower", 100, 130, "A bad quarter: two new estates"],
  ["NI 2", "Burglary", "Lower", 100, 80, "Operation Lock worked"],
  ["NI 3", "Satisfaction", "Higher", 80, 78.5, "Still near"],
  ["NI 4", "New this quarter", "Higher", 10, 12, ""],
];

describe("identity", () => {
  test("ref first (trimmed, case-folded, spaces collapsed), else the name; the kind always", () => {
    expect([
      recordKey({ kind: "indicator", ref: "  NI  195 ", name: "x" }),
      recordKey({ kind: "indicator", ref: "ni 195", name: "y" }),
      recordKey({ kind: "activity", ref: "NI 195", name: "x" }),
      recordKey({ kind: "activity", ref: "", name: " Open the  Library " }),
      recordKey({ kind: "activity", ref: "", name: "" }),
    ]).toEqual(["indicator|ref:ni 195", "indicator|ref:ni 195", "activity|ref:ni 195", "activity|name:open the library", ""]);
  });

  test("plain ASCII text takes a shortcut that folds it exactly as the full normalisation does", () => {
    const full = (t: string) => t.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
    const pieces = fc.constantFrom("NI", "195", " ", "  ", "\t", "\n", "ﬁ", "Ａ", "é", "e\u0301", "\u00a0", "_", "-", "İ", "ß", "x");
    fc.assert(fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => identityText(parts.join("")) === full(parts.join(""))));
    fc.assert(fc.property(fc.string(), (t) => identityText(t) === full(t)));
    expect(["COMS1011_12.3", "NI 195", "Open the library"].map(identityText)).toEqual(["coms1011_12.3", "ni 195", "open the library"]);
  });
});

describe("two and three periods through runScorecard", () => {
  const r2 = run([tracker(Q2)], "Q2 2010/11");
  const r3 = run([tracker(Q3), gridOf(historyPlan(r2))], "Q3 2010/11");

  test("the first run records every record for Q2, as a visible, owned, create plan with a frozen header", () => {
    const plan = historyPlan(r2)!;
    const read = readHistory(gridOf(plan));
    expect({
      action: plan.action,
      freeze: plan.freeze,
      tab: plan.tabColor,
      header: plan.blocks[0].values[0],
      periods: read.entries.map((e) => e.period),
      refs: read.entries.map((e) => e.ref),
      statuses: read.entries.map((e) => e.status),
      figures: read.entries.map((e) => [e.actual, e.target]),
      problems: read.problems,
      previousPeriod: r2.history.previousPeriod,
    }).toEqual({
      action: "create",
      freeze: { rows: 1, cols: 0 },
      tab: HISTORY_TAB_COLOUR,
      header: ["Period", "Sheet", "Ref", "Name", "Kind", "Status", "Level", "Source", "Actual", "Target", "Unit", "Figures for", "Hidden row", "Recorded on"],
      periods: ["Q2 2010/11", "Q2 2010/11", "Q2 2010/11", "Q2 2010/11"],
      refs: ["NI 1", "NI 2", "NI 3", "NI 9"],
      statuses: r2.result.rated.map((x) => x.rating.status),
      figures: [
        [90, 100],
        [130, 100],
        [79, 80],
        [12, 10],
      ],
      problems: [],
      previousPeriod: undefined,
    });
  });

  test("the Q3 run knows each record's Q2 status; the history sheet is not read as a tracker", () => {
    expect({
      sheets: [...new Set(r3.result.rated.map((x) => x.record.sheet))],
      previousPeriod: r3.history.previousPeriod,
      previous: r3.result.rated.map((x) => [x.record.ref, r3.history.previous(x)]),
    }).toEqual({
      sheets: ["KPIs"],
      previousPeriod: "Q2 2010/11",
      previous: r3.result.rated.map((x) => {
        const was = r2.result.rated.find((y) => y.record.ref === x.record.ref);
        return [x.record.ref, was ? { period: "Q2 2010/11", status: was.rating.status, level: was.rating.level } : undefined];
      }),
    });
    expect(r3.history.previous(byRef(r3, "NI 4"))).toBeUndefined();
  });

  test("changes since Q2: better and worse by level order, new and gone, with this period's commentary", () => {
    const c = r3.history.changes;
    const levels = (ref: string) => [r2.result.rated.find((x) => x.record.ref === ref)!.rating.level, byRef(r3, ref).rating.level];
    // The figures were chosen so: NI 1 met then missed, NI 2 missed then met.
    expect([levels("NI 1"), levels("NI 2")]).toEqual([
      ["good", "bad"],
      ["bad", "good"],
    ]);
    expect({
      since: c.since,
      better: c.better.map((x) => [x.ref, x.previous?.status, x.current?.status, x.commentary]),
      worse: c.worse.map((x) => [x.ref, x.previous?.status, x.current?.status, x.commentary]),
      added: c.added.map((x) => x.ref),
      gone: c.gone.map((x) => [x.ref, x.name, x.previous?.period]),
    }).toEqual({
      since: "Q2 2010/11",
      better: [["NI 2", "red", "green", "Operation Lock worked"]],
      worse: [["NI 1", "green", "red", "A bad quarter: two new estates"]],
      added: ["NI 4"],
      gone: [["NI 9", "Dropped next quarter", "Q2 2010/11"]],
    });
  });

  test("a third period: series oldest to newest for charts, counts per period, previous is Q3", () => {
    const Q4: Row[] = Q3.map((r) => [r[0], r[1], r[2], r[3], typeof r[4] === "number" ? r[4] + 1 : r[4], ""] as Row);
    const r4 = run([tracker(Q4), gridOf(historyPlan(r3))], "Q4 2010/11");
    const nI1 = byRef(r4, "NI 1");
    expect({
      periods: r4.history.periods,
      previous: r4.history.previous(nI1)?.period,
      series: r4.history.series(nI1).map((e) => [e.period, e.actual]),
      newSeries: r4.history.series(byRef(r4, "NI 4")).map((e) => e.period),
      q2Counts: r4.history.counts("Q2 2010/11").indicator,
    }).toEqual({
      periods: ["Q2 2010/11", "Q3 2010/11", "Q4 2010/11"],
      previous: "Q3 2010/11",
      series: [
        ["Q2 2010/11", 90],
        ["Q3 2010/11", 130],
        ["Q4 2010/11", 131],
      ],
      newSeries: ["Q3 2010/11", "Q4 2010/11"],
      q2Counts: r2.result.counts.indicator,
    });
    expect(readHistory(gridOf(historyPlan(r4))).entries.length).toBe(Q2.length + Q3.length + Q4.length);
  });
});

describe("re-running and re-arranging", () => {
  const r2 = run([tracker(Q2)], "Q2 2010/11");
  const r3 = run([tracker(Q3), gridOf(historyPlan(r2))], "Q3 2010/11");

  test("the same period run twice replaces its rows: the history is the same, never duplicated", () => {
    const again = run([tracker(Q3), gridOf(historyPlan(r3))], "Q3 2010/11");
    expect(historyPlan(again)!.blocks).toEqual(historyPlan(r3)!.blocks);
    expect(again.history.previousPeriod).toBe("Q2 2010/11");
  });

  test("a re-ordered table and a renamed sheet keep each record's history", () => {
    const shuffled = [Q3[3], Q3[1], Q3[0], Q3[2]];
    const moved = run([tracker(shuffled, "Performance Q3"), gridOf(historyPlan(r2))], "Q3 2010/11");
    const prev = (r: ScorecardRun) => Object.fromEntries(r.result.rated.map((x) => [x.record.ref, r.history.previous(x)?.status ?? null]));
    expect(prev(moved)).toEqual(prev(r3));
    expect(moved.history.changes.worse.map((x) => x.ref)).toEqual(["NI 1"]);
  });

  test("rows sort by period, then sheet, then ref, whatever order the sheet was in", () => {
    const grid = gridOf(historyPlan(r3));
    const [header, ...rows] = grid.values;
    const scrambled: SheetGrid = { name: HISTORY_SHEET, values: [header, ...[...rows].reverse()] };
    const again = run([tracker(Q3), scrambled], "Q3 2010/11");
    expect(historyPlan(again)!.blocks).toEqual(historyPlan(r3)!.blocks);
  });

  test("a building for an earlier period leaves later ones alone and compares with the one before it", () => {
    const r1 = run([tracker(Q2), gridOf(historyPlan(r3))], "Q1 2010/11");
    expect({ periods: r1.history.periods, previous: r1.history.previousPeriod }).toEqual({ periods: ["Q1 2010/11", "Q2 2010/11", "Q3 2010/11"], previous: undefined });
  });

  test("a history sheet renamed by a person is found by the host's record, or by its headers among the sheets ours", () => {
    const renamed = gridOf(historyPlan(r2), "Past statuses");
    const byOption = run([tracker(Q3), renamed], "Q3 2010/11", { historySheet: "Past statuses" });
    const byHeaders = run([tracker(Q3), renamed], "Q3 2010/11", { ownedSheets: ["Past statuses"] });
    expect([byOption, byHeaders].map((r) => [r.history.sheet, r.history.previousPeriod, [...new Set(r.result.rated.map((x) => x.record.sheet))]])).toEqual([
      ["Past statuses", "Q2 2010/11", ["KPIs"]],
      ["Past statuses", "Q2 2010/11", ["KPIs"]],
    ]);
  });

  test("one ref on two rows of a sheet (a tracker may list it twice): each row keeps its own history, in order", () => {
    const twice: Row[] = [
      ["NI 7", "Repeat victims", "Lower", 100, 90, ""],
      ["NI 7", "Repeat victims", "Lower", 100, 130, ""],
    ];
    const first = run([tracker(twice)], "Q2 2010/11");
    const swapped = run([tracker([twice[1], twice[0]]), gridOf(historyPlan(first))], "Q3 2010/11");
    const again = run([tracker(twice), gridOf(historyPlan(swapped))], "Q3 2010/11");
    expect({
      rows: readHistory(gridOf(historyPlan(first))).entries.length,
      previous: swapped.result.rated.map((x) => swapped.history.previous(x)?.status),
      changes: [swapped.history.changes.better.length, swapped.history.changes.worse.length],
      rerun: readHistory(gridOf(historyPlan(again))).entries.map((e) => [e.period, e.actual]),
    }).toEqual({
      rows: 2,
      previous: ["green", "red"],
      changes: [1, 1],
      rerun: [
        ["Q2 2010/11", 90],
        ["Q2 2010/11", 130],
        ["Q3 2010/11", 90],
        ["Q3 2010/11", 130],
      ],
    });
  });

  test("no period: nothing is recorded, no plan, and a warning says so", () => {
    const r = runScorecard([tracker(Q3)], { preset: "rag", today: "2011-01-15" });
    expect({
      plan: historyPlan(r),
      warning: r.result.problems.filter((p) => p.sheet === HISTORY_SHEET).map((p) => [p.severity, p.message]),
    }).toEqual({
      plan: undefined,
      warning: [["warning", "No period is known, so this run's statuses are not recorded in the history: set the period (as Q3 2010/11) to record them."]],
    });
  });
});

describe("a sheet still holding an earlier quarter's figures (helper-124: Dudley's Q2 figures were recorded as Q3's)", () => {
  const sheet = (name: string, title: string, row: Row): SheetGrid => ({ name, values: [[title], [], HEADER, row] });
  const q3 = sheet("Q3 Scorecard", "Quarter 3 (October to December 2010)", ["NI 1", "Crime", "Lower", 100, 130, "Up"]);
  const q2Return = sheet("Returns", "Select Committee – Quarter 2 (July to September 2010) return", ["B1", "Truancy", "Lower", 10, 12, "Rising"]);
  const r3 = run([q3, q2Return], "Q3 2010/11");
  const read3 = readHistory(gridOf(historyPlan(r3)));

  test("the Q3 run records the return's row under Q3, its status as the pack gave it, its figures as Q2's", () => {
    const plan = historyPlan(r3)!;
    const header = plan.blocks[0].values[0];
    const row = plan.blocks[0].values.find((r) => r.includes("B1"))!;
    expect(r3.stale.map((s) => s.sheet)).toEqual(["Returns"]);
    expect(read3.entries.map((e) => [e.ref, e.period, e.status, e.actual, e.figuresFor?.text])).toEqual([
      ["NI 1", "Q3 2010/11", byRef(r3, "NI 1").rating.status, 130, undefined],
      ["B1", "Q3 2010/11", byRef(r3, "B1").rating.status, 12, "Q2 2010/11"],
    ]);
    expect(row[header.indexOf("Figures for")]).toBe("Q2 2010/11");
    expect(r3.result.problems.find((p) => p.sheet === "Returns")?.message).toMatch(/the history records them as Q2 2010\/11's\.$/);
  });

  test("the Q3 pack's chart puts the return's figure at Q2, not Q3", () => {
    const b1 = byRef(r3, "B1");
    expect(trendPoints(b1.record, r3.history.series(b1), "Q3 2010/11").points.map((p) => [p.label, p.value])).toEqual([["Q2 2010/11", 12]]);
  });

  test("next quarter compares with what the Q3 pack said, and charts the Q2 figure at Q2", () => {
    const q4Return = sheet("Returns", "Select Committee – Quarter 4 (January to March 2011) return", ["B1", "Truancy", "Lower", 10, 8, "Falling"]);
    const q4 = sheet("Q3 Scorecard", "Quarter 4 (January to March 2011)", ["NI 1", "Crime", "Lower", 100, 90, "Down"]);
    const r4 = run([q4, q4Return, gridOf(historyPlan(r3))], "Q4 2010/11");
    const b1 = byRef(r4, "B1");
    expect(r4.stale).toEqual([]);
    expect(r4.history.previous(b1)).toEqual({ period: "Q3 2010/11", status: byRef(r3, "B1").rating.status, level: byRef(r3, "B1").rating.level });
    expect(trendPoints(b1.record, r4.history.series(b1), "Q4 2010/11").points.map((p) => [p.label, p.value])).toEqual([
      ["Q2 2010/11", 12],
      ["Q4 2010/11", 8],
    ]);
    // Q3's own row of the other sheet keeps its period; the Q2 figure is written back as it was read.
    const read4 = readHistory(gridOf(historyPlan(r4)));
    expect(read4.entries.filter((e) => e.period === "Q3 2010/11").map((e) => [e.ref, e.figuresFor?.text])).toEqual([
      ["NI 1", undefined],
      ["B1", "Q2 2010/11"],
    ]);
  });

  test("a table of last year's with quarter columns naming no year is charted at last year's quarters, never this year's (helper-127)", () => {
    const housing: SheetGrid = {
      name: "Housing",
      values: [["Housing performance indicators 2009/10"], [], ["Ref", "Indicator", "Polarity", "Target", "Q1 Actual", "Q2 Actual", "Q3 Actual", "Q4 Actual"], ["H1", "Voids", "Lower", 10, 11, 12, 13, 14]],
    };
    const r = run([q3, housing], "Q3 2010/11");
    const h1 = byRef(r, "H1");
    expect(r.stale.map((s) => s.mark)).toEqual(["Q4 2009/10 figure"]);
    expect(trendPoints(h1.record, r.history.series(h1), "Q3 2010/11").points.map((p) => [p.label, p.value])).toEqual([
      ["Q1 2009/10", 11],
      ["Q2 2009/10", 12],
      ["Q3 2009/10", 13],
      ["Q4 2009/10", 14],
    ]);
  });

  test("a Q2 figure reported again in Q3 (revised) is the one charted at Q2, in the Q3 pack and the Q4 pack alike (helper-127)", () => {
    const r2 = run([sheet("Returns", "Select Committee – Quarter 2 (July to September 2010) return", ["B1", "Truancy", "Lower", 10, 12, "Rising"])], "Q2 2010/11");
    const revised = sheet("Returns", "Select Committee – Quarter 2 (July to September 2010) return", ["B1", "Truancy", "Lower", 10, 15, "Revised"]);
    const r3b = run([q3, revised, gridOf(historyPlan(r2))], "Q3 2010/11");
    const q4Return = sheet("Returns", "Select Committee – Quarter 4 (January to March 2011) return", ["B1", "Truancy", "Lower", 11, 8, "Falling"]);
    const r4 = run([q4Return, gridOf(historyPlan(r3b))], "Q4 2010/11");
    const points = (r: ScorecardRun) => {
      const b1 = byRef(r, "B1");
      return trendPoints(b1.record, r.history.series(b1), r.history.period).points.map((p) => [p.label, p.value]);
    };
    expect(points(r3b)).toEqual([["Q2 2010/11", 15]]);
    expect(points(r4)).toEqual([
      ["Q2 2010/11", 15],
      ["Q4 2010/11", 8],
    ]);
  });

  test("a 'Figures for' typed as the row's own period, a later one or words is no earlier period's", () => {
    const header = ["Period", "Ref", "Status", "Level", "Actual", "Figures for"];
    const rows = [
      ["Q3 2010/11", "A", "red", "bad", 1, "Q3 2010/11"],
      ["Q3 2010/11", "B", "red", "bad", 1, "Q4 2010/11"],
      ["Q3 2010/11", "C", "red", "bad", 1, "last quarter"],
      ["Q3 2010/11", "D", "red", "bad", 1, "Quarter 2 2010-11"],
    ];
    const read = readHistory({ name: HISTORY_SHEET, values: [header, ...rows] });
    expect(read.entries.map((e) => [e.ref, e.figuresFor])).toEqual([
      ["A", undefined],
      ["B", undefined],
      ["C", undefined],
      ["D", { text: "Q2 2010/11", order: 2010 * 5 + 2 }],
    ]);
    expect(read.problems).toEqual([]);
  });

  /** The Q3 run's history with a Q2 row of NI 1 above its rows, "Figures for" as a person typed it; `at`: that column. */
  function withQ2Row(figuresFor: CellValue): { grid: SheetGrid; at: number } {
    const grid = gridOf(historyPlan(run([q3], "Q3 2010/11")));
    const header = grid.values[0];
    const row = header.map(() => "" as CellValue);
    const cells: Record<string, CellValue> = { Period: "Q2 2010/11", Sheet: "Q3 Scorecard", Ref: "NI 1", Name: "Crime", Kind: "indicator", Status: "red", Level: "bad", Actual: 120, "Figures for": figuresFor };
    for (const [h, v] of Object.entries(cells)) row[header.indexOf(h)] = v;
    grid.values.splice(1, 0, row);
    return { grid, at: header.indexOf("Figures for") };
  }

  test("words a person typed in 'Figures for' on an earlier period's row are written back as typed (helper-127: they were wiped)", () => {
    const { grid, at } = withQ2Row("see note in the Q2 pack");
    const r3again = run([q3, grid], "Q3 2010/11");
    const written = historyPlan(r3again)!.blocks[0].values.find((r) => r[0] === "Q2 2010/11")!;
    expect(written[at]).toBe("see note in the Q2 pack");
    expect(readHistory(gridOf(historyPlan(r3again))).entries.find((e) => e.period === "Q2 2010/11")?.figuresFor).toBeUndefined();
  });

  test("a date or number typed in 'Figures for' is written back as it was, not as its serial in text, and the in-place write leaves the row alone", () => {
    // 31/03/2011 as the Office.js host reads the history: values only, a date its serial.
    const { grid, at } = withQ2Row(40633);
    const plan = historyPlan(run([q3, grid], "Q3 2010/11"))!;
    const written = plan.blocks[0].values.find((r) => r[0] === "Q2 2010/11")!;
    expect(written[at]).toBe(40633);
    // Run again on the sheet as written: the Q2 row (row 2) matches it and is not rewritten every run.
    const sheetNow = gridOf(plan);
    const again = historyPlan(run([q3, sheetNow], "Q3 2010/11"))!;
    expect(historyInPlace(again, sheetNow)!.blocks[0]?.row ?? Infinity).toBeGreaterThan(1);
  });
});

describe("an activity's due date in the history", () => {
  // "Dec-2021" typed in Excel is stored as 1 December, shown mmm-yy, and rated as due on the 31st, as the same
  // words typed as text are: the history recorded 2021-12-01 beside a status the rules gave for the 31st.
  test("is the date the rules rated: \"Dec-2021\" stored by Excel is recorded as the 31st, as the same text is", () => {
    const grid: SheetGrid = {
      name: "Key Tasks",
      values: [["Status", "Action Title", "Progress", "Due Date", "Comments"], ["In Progress", "COMS1 Produce the plan", 0.25, 44531, "Drafted"], ["In Progress", "COMS2 Review the policy", 0.25, "Dec-2021", "Started"]],
      numberFormats: [[], ["General", "General", "0%", "mmm-yy", "General"], ["General", "General", "0%", "General", "General"]],
    };
    const r = runScorecard([grid], { preset: "pentana", period: "Q3 2021/22", reportDate: "2021-12-15", today: "2021-12-16" });
    const rows = gridOf(historyPlan(r)).values;
    const target = rows[0].indexOf("Target");
    expect(rows.slice(1).map((row) => row[target])).toEqual(["2021-12-31", "2021-12-31"]);
  });
});
