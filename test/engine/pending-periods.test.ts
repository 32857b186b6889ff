// A tracker laid out for the whole year: targets set for every quarter, actuals in as far as the quarter
// reported. Q4's empty columns are not rated in a Q3 report, nor give the period (RULES §4: the column
// for the reporting period); a Q4 report rates Q4's column, filled or not.
import { applyEdits, startLive } from "../../src/engine/live";
import { runScorecard, type ScorecardOptions } from "../../src/engine/scorecard";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const HEADER = ["Ref", "Measure", "Polarity", "Q1 Target", "Q1 Actual", "Q2 Target", "Q2 Actual", "Q3 Target", "Q3 Actual", "Q4 Target", "Q4 Actual"];
const Q4_ACTUAL = 10;

/** Q3's actuals against Q3's targets (5% tolerance): 90 against 95 is red, 31 against 30 amber, 93 against 90 green. */
function tracker(q4: (number | null)[] = [null, null, null], q3: (number | null)[] = [90, 31, 93]): SheetGrid {
  const rows: CellValue[][] = [
    ["Housing indicators 2010/11"],
    HEADER,
    ["H1", "Rent collected (%)", "Higher is better", 95, 96, 95, 94, 95, q3[0], 95, q4[0]],
    ["H2", "Days to re-let", "Lower is better", 30, 28, 30, 29, 30, q3[1], 30, q4[1]],
    ["H3", "Complaints answered in time (%)", "Higher is better", 90, 91, 90, 92, 90, q3[2], 90, q4[2]],
  ];
  return { name: "KPIs", values: rows };
}

const OPTIONS: ScorecardOptions = { preset: "rag", today: "2011-01-15" };
const run = (grid: SheetGrid, period?: string) => runScorecard([grid], { ...OPTIONS, ...(period ? { period } : {}) });
const statuses = (r: ReturnType<typeof run>) => r.result.rated.map((x) => x.rating.status);
const actualCells = (r: ReturnType<typeof run>) => r.result.rated.map((x) => x.record.actual?.cell);
const laterWarnings = (r: ReturnType<typeof run>) => r.result.problems.filter((p) => /later than the report/.test(p.message));

describe("a tracker laid out to Q4, reported at Q3", () => {
  test("a Q3 report rates Q3's actuals against Q3's targets, not Q4's empty columns", () => {
    const r = run(tracker(), "Q3 2010/11");
    expect({ statuses: statuses(r), actual: actualCells(r), later: laterWarnings(r) }).toEqual({ statuses: ["red", "amber", "green"], actual: ["I3", "I4", "I5"], later: [] });
  });

  test("with no period given, the period is Q3, from the quarter reported", () => {
    const r = run(tracker());
    expect({ period: r.period?.label, from: r.periodSource.kind, statuses: statuses(r) }).toEqual({ period: "Q3 2010/11", from: "workbook", statuses: ["red", "amber", "green"] });
  });

  test("a Q4 report rates Q4's column: no figures yet, so no data", () => {
    const r = run(tracker(), "Q4 2010/11");
    expect({ statuses: statuses(r), actual: actualCells(r) }).toEqual({ statuses: ["nodata", "nodata", "nodata"], actual: ["K3", "K4", "K5"] });
  });

  test("a table with no figures at all is rated on its latest columns, as before: no data", () => {
    const blank = tracker([null, null, null], [null, null, null]);
    for (const row of blank.values.slice(2)) for (const col of [4, 6]) row[col] = null;
    const r = run(blank);
    expect({ period: r.period?.label, statuses: statuses(r) }).toEqual({ period: "Q4 2010/11", statuses: ["nodata", "nodata", "nodata"] });
  });

  test("once Q4 has a figure, a Q3 report still rates Q3 (RULES §4), and says Q4's figures were left", () => {
    const r = run(tracker([97, null, null]), "Q3 2010/11");
    const skipped = r.result.problems.filter((p) => /after the report's/.test(p.message));
    expect({ actual: actualCells(r), statuses: statuses(r), later: laterWarnings(r).length, skipped: skipped.map((p) => p.cell) }).toEqual({ actual: ["I3", "I4", "I5"], statuses: ["red", "amber", "green"], later: 0, skipped: ["K2"] });
  });

  test("Q4's column of a template's zeros is not rated in a Q3 report (helper-90)", () => {
    const r = run(tracker([0, 0, 0]), "Q3 2010/11");
    expect({ actual: actualCells(r), statuses: statuses(r) }).toEqual({ actual: ["I3", "I4", "I5"], statuses: ["red", "amber", "green"] });
  });

  test("last year's quarters are not after next year's Q1: the latest is rated, and marked as last year's (helper-93)", () => {
    const r = run(tracker([97, 30, 93]), "Q1 2011/12");
    const skipped = r.result.problems.filter((p) => /after the report's/.test(p.message));
    expect({ actual: actualCells(r), skipped: skipped.length, marks: r.stale.map((s) => s.mark) }).toEqual({ actual: ["K3", "K4", "K5"], skipped: 0, marks: ["Q4 2010/11 figure"] });
  });

  test("quarters or months that fall back (a rolling year) are called later than none: 'Q4 | Q1 | Q2 | Q3', 'Jan … Dec' at Q3", () => {
    for (const quarters of [["Q4 Actual", "Q1 Actual", "Q2 Actual", "Q3 Actual"], ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]]) {
      const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "Target", ...quarters], ["H1", "Rent collected (%)", "Higher is better", 95, ...quarters.map((_q, i) => 90 + i)]] };
      expect(run(grid, "Q3 2010/11").result.problems.filter((p) => /after the report's/.test(p.message))).toEqual([]);
    }
  });

  // helper-96: reading January to March as last year's rated an empty December in a Q4 report.
  test("a calendar year's tracker at Q4 (January to March filled) rates March", () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "Target", ...months], ["H1", "Rent collected (%)", "Higher is better", 0.98, 0.97, 0.98, 0.99, ...months.slice(3).map(() => null)]] };
    expect({ actual: actualCells(run(grid, "Q4 2010/11")), statuses: statuses(run(grid, "Q4 2010/11")) }).toEqual({ actual: ["G2"], statuses: ["green"] });
  });

  // The closing note of 6 December: "Q4 | Q1 | Q2 | Q3" at Q3 rated last year's Q4, and "Jan … Dec" at Q3 rated March.
  describe("a rolling year: quarters or months that fall back", () => {
    const rolling = (title: string | undefined, head: string[], figures: (number | null)[]): SheetGrid => ({
      name: "KPIs",
      values: [...(title ? [[title]] : []), ["Ref", "Measure", "Polarity", "Target", ...head], ["H1", "Rent collected (%)", "Higher is better", 95, ...figures]],
    });
    const seriesYears = (r: ReturnType<typeof run>) => r.result.rated[0].record.series.map((s) => `${s.label} ${s.period?.year ?? "-"}`);
    const LAST_FOUR = ["Q4 Actual", "Q1 Actual", "Q2 Actual", "Q3 Actual"];
    const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    test("'Q4 | Q1 | Q2 | Q3' in a Q3 report rates Q3, and the Q4 at the left is last year's in the trend", () => {
      const r = run(rolling("Housing 2010/11", LAST_FOUR, [80, 96, 97, 90]), "Q3 2010/11");
      expect({ actual: actualCells(r), statuses: statuses(r), series: seriesYears(r), problems: r.result.problems.map((p) => p.message), marks: r.stale.length }).toEqual({
        actual: ["H3"],
        statuses: ["red"],
        series: ["Q4 Actual 2009/10", "Q1 Actual 2010/11", "Q2 Actual 2010/11", "Q3 Actual 2010/11"],
        problems: [],
        marks: 0,
      });
    });

    test("with no period set, the rightmost figure gives it: Q3 of the title's year; with Q3 not in yet, Q2", () => {
      const r = run(rolling("Housing 2010/11", LAST_FOUR, [80, 96, 97, 90]));
      expect({ period: r.period?.label, actual: actualCells(r) }).toEqual({ period: "Q3 2010/11", actual: ["H3"] });
      const q2 = run(rolling("Housing 2010/11", LAST_FOUR, [80, 96, 97, null]));
      expect({ period: q2.period?.label, actual: actualCells(q2), statuses: statuses(q2) }).toEqual({ period: "Q2 2010/11", actual: ["G3"], statuses: ["green"] });
    });

    test("'Q3 | Q4 | Q1 | Q2' in a Q2 report rates Q2; 'Q4 | Q1' in a Q1 report rates Q1", () => {
      expect(actualCells(run(rolling(undefined, ["Q3 Actual", "Q4 Actual", "Q1 Actual", "Q2 Actual"], [80, 96, 97, 90]), "Q2 2010/11"))).toEqual(["H2"]);
      expect(actualCells(run(rolling(undefined, ["Q4 Actual", "Q1 Actual"], [80, 96]), "Q1 2010/11"))).toEqual(["F2"]);
    });

    test("a calendar year at Q3 rates December, January to March being last year's", () => {
      const r = run(rolling("Housing 2010", MONTHS, [80, 81, 82, 96, 96, 96, 96, 96, 96, 97, 97, 90]), "Q3 2010/11");
      expect({ actual: actualCells(r), statuses: statuses(r) }).toEqual({ actual: ["P3"], statuses: ["red"] });
    });

    test("a calendar year with January to March filled and no period set is a Q4 return, rated on March, not an empty December", () => {
      const r = run(rolling(undefined, MONTHS, [97, 98, 99, null, null, null, null, null, null, null, null, null]));
      expect({ period: r.period?.label, actual: actualCells(r), statuses: statuses(r) }).toEqual({ period: "Q4", actual: ["G2"], statuses: ["green"] });
    });

    test("next year's Q1 after 'Q1 … Q4', filled and no period set, is Q1 of the year after the title's; in a Q4 report, Q4 is rated", () => {
      const grid = rolling("Housing 2010/11", ["Q1", "Q2", "Q3", "Q4", "Q1"], [80, 96, 97, 90, 91]);
      // Built in July 2011: Q1 2011/12's figure is in.
      const r = runScorecard([grid], { ...OPTIONS, today: "2011-07-20" });
      expect({ period: r.period?.label, actual: actualCells(r), series: seriesYears(r) }).toEqual({ period: "Q1 2011/12", actual: ["I3"], series: ["Q1 2010/11", "Q2 2010/11", "Q3 2010/11", "Q4 2010/11", "Q1 2011/12"] });
      expect(actualCells(runScorecard([grid], { ...OPTIONS, today: "2011-07-20", period: "Q4 2010/11" }))).toEqual(["H3"]);
    });

    test("thirteen months, April to April, with no period set: the last April is rated, as Q1 of the next year", () => {
      const grid = rolling("Calls 2010/11", ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr"], [96, 96, 96, 96, 96, 96, 96, 96, 96, 96, 96, 96, 90]);
      const r = runScorecard([grid], { ...OPTIONS, today: "2011-05-20" });
      expect({ period: r.period?.label, actual: actualCells(r), statuses: statuses(r) }).toEqual({ period: "Q1 2011/12", actual: ["Q3"], statuses: ["red"] });
    });

    // helper-97 on the first version: a year dated by the report's quarter alone.
    test("a rolling table of another year is still called so, by its own year", () => {
      const r = run(rolling("Housing 2008/09", LAST_FOUR, [80, 96, 97, 90]), "Q3 2010/11");
      expect(r.stale.map((s) => s.mark)).toEqual(["Q3 2008/09 figure"]);
    });

    test("a report moved on while the columns were not rolled forward rates the latest figure and marks it", () => {
      const r = run(rolling(undefined, LAST_FOUR, [80, 96, 97, 90]), "Q1 2011/12");
      expect({ actual: actualCells(r), marks: r.stale.map((s) => s.mark) }).toEqual({ actual: ["H2"], marks: ["Q3 2010/11 figure"] });
      const calendar = run(rolling("Calls 2010", MONTHS, [80, 81, 82, 96, 96, 96, 96, 96, 96, 97, 97, 90]), "Q1 2011/12");
      expect({ actual: actualCells(calendar), marks: calendar.stale.map((s) => s.mark) }).toEqual({ actual: ["P3"], marks: ["Q3 2010/11 figure"] });
    });

    test("'Q4 | Q1 | Q2 | Q3' in a Q4 report: Q3 is the latest, marked; the Q4 at the left is last year's", () => {
      const r = run(rolling("Housing 2010/11", LAST_FOUR, [80, 96, 97, 90]), "Q4 2010/11");
      expect({ actual: actualCells(r), marks: r.stale.map((s) => s.mark) }).toEqual({ actual: ["H3"], marks: ["Q3 figure"] });
    });

    test("with a later quarter filled in, a Q2 report rates Q2 and says Q3's figures were not rated", () => {
      const r = run(rolling("Housing 2010/11", LAST_FOUR, [80, 96, 97, 90]), "Q2 2010/11");
      expect({ actual: actualCells(r), skipped: r.result.problems.filter((p) => /after the report's/.test(p.message)).map((p) => p.cell) }).toEqual({ actual: ["G3"], skipped: ["H2"] });
    });

    test("year-to-date quarters beside the quarters' own, and months beside quarter totals, are no rolling year", () => {
      const ytd = run(rolling("Housing 2010/11", ["Q1 YTD", "Q2 YTD", "Q3 YTD", "Q4 YTD", "Q1", "Q2", "Q3", "Q4"], [96, 95, 93.3, null, 96, 94, 90, null]), "Q3 2010/11");
      expect({ actual: actualCells(ytd), problems: ytd.result.problems.map((p) => p.message) }).toEqual({ actual: ["G3"], problems: [] });
      const months = run(rolling("Calls 2010/11", [...MONTHS.slice(3), ...MONTHS.slice(0, 3), "Q1", "Q2", "Q3", "Q4"], [96, 96, 96, 96, 96, 96, 96, 96, 96, null, null, null, 96, 96, 94, null]));
      expect(months.period?.label).toBe("Q3 2010/11");
    });

    test("a calendar year at Q4 with January to March in rates March, real zeros included (helper-98)", () => {
      const titled = run(rolling("Quarter 4 2010/11 (January to March 2011)", MONTHS, [97, 98, 99, null, null, null, null, null, null, null, null, null]));
      expect({ period: titled.period?.label, actual: actualCells(titled), marks: titled.stale.length }).toEqual({ period: "Q4 2010/11", actual: ["G3"], marks: 0 });
      const fires: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "Target", ...MONTHS], ["F1", "Fatal fires", "Lower is better", 0, 0, 0, 0, ...MONTHS.slice(3).map(() => null)]] };
      const zeros = run(fires, "Q4 2010/11");
      expect({ actual: actualCells(zeros), statuses: statuses(zeros), marks: zeros.stale.length }).toEqual({ actual: ["G2"], statuses: ["green"], marks: 0 });
    });

    // helper-98: a figure is for a period ended by the day the pack is built.
    test("no figure is dated in a period not ended yet: next year's Q1 after 'Q1 … Q4' with a 2011/12 target, in July 2011", () => {
      const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "2011/12 Target", "Q1", "Q2", "Q3", "Q4", "Q1"], ["H1", "Rent collected (%)", "Higher is better", 95, 80, 96, 97, 90, 91]] };
      const set = runScorecard([grid], { ...OPTIONS, today: "2011-07-20", period: "Q1 2011/12" });
      expect({ actual: actualCells(set), marks: set.stale.length }).toEqual({ actual: ["I2"], marks: 0 });
      const titled = runScorecard([rolling("Performance 2011/12", ["Q1", "Q2", "Q3", "Q4", "Q1"], [80, 96, 97, 90, 91])], { ...OPTIONS, today: "2011-07-20" });
      expect({ period: titled.period?.label, actual: actualCells(titled) }).toEqual({ period: "Q1 2011/12", actual: ["I3"] });
    });

    test("'Q4 | Q1 | Q2 | Q3' in a Q2 2011/12 report in October 2011 is a year behind: Q3 2010/11, marked", () => {
      const r = runScorecard([rolling(undefined, LAST_FOUR, [80, 96, 97, 90])], { ...OPTIONS, today: "2011-10-20", period: "Q2 2011/12" });
      expect({ actual: actualCells(r), marks: r.stale.map((s) => s.mark) }).toEqual({ actual: ["H2"], marks: ["Q3 2010/11 figure"] });
    });

    test("targets for each quarter of the year beside a rolling year's actuals are this year's: no note of later figures", () => {
      const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "Q1 Target", "Q2 Target", "Q3 Target", "Q4 Target", ...LAST_FOUR], ["H1", "Rent collected (%)", "Higher is better", 90, 92, 94, 99, 80, 96, 97, 90]] };
      const r = run(grid, "Q3 2010/11");
      expect({ actual: actualCells(r), target: r.result.rated[0].record.target?.cell, problems: r.result.problems.map((p) => p.message) }).toEqual({ actual: ["K2"], target: "F2", problems: [] });
    });

    test("quarters dated by calendar year ('Q3 2009 | Q3 2010') take the table's year as before (helper-100)", () => {
      const r = run({ name: "KPIs", values: [["Ref", "Measure", "Polarity", "Target", "Q3 2009", "Q3 2010"], ["H1", "Rent collected (%)", "Higher is better", 95, 90, null]] });
      expect(r.period?.label).toBe("Q3 2010/11");
    });

    test("latest first ('Q3 | Q2 | Q1') is no rolling year: Q3 is rated and gives the period", () => {
      const r = run(rolling("Housing 2010/11", ["Q3 Actual", "Q2 Actual", "Q1 Actual"], [90, 97, 96]));
      expect({ period: r.period?.label, actual: actualCells(r) }).toEqual({ period: "Q3 2010/11", actual: ["E3"] });
    });
  });

  // helper-95: a year laid out with next year's first quarter after it.
  test("'Q1 … Q4 | Q1': the empty Q1 after the year is not rated in its report (helper-95)", () => {
    const grid: SheetGrid = {
      name: "KPIs",
      values: [["Quarter 4 2010/11 (January – March 2011)"], ["Ref", "Measure", "Polarity", "Target", "Q1", "Q2", "Q3", "Q4", "Q1"], ["R1", "Rent collected (%)", "Higher is better", 0.98, 0.97, 0.975, 0.96, 0.99, null]],
    };
    const r = run(grid);
    expect({ period: r.period?.label, actual: actualCells(r), statuses: statuses(r), marks: r.stale.map((s) => s.mark) }).toEqual({ period: "Q4 2010/11", actual: ["H3"], statuses: ["green"], marks: [] });
    const q3 = { ...grid, values: [grid.values[1], ["R1", "Rent collected (%)", "Higher is better", 0.98, 0.97, 0.975, 0.96, null, null]] };
    expect({ actual: actualCells(run(q3, "Q3 2010/11")), statuses: statuses(run(q3, "Q3 2010/11")) }).toEqual({ actual: ["G2"], statuses: ["amber"] });
  });

  test("'Q1 … Q4 | Q1' all filled: no quarter is called later, since which year each is of is not known (helper-95)", () => {
    const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "Target", "Q1", "Q2", "Q3", "Q4", "Q1"], ["K1", "Rent collected (%)", "Higher is better", 0.98, 0.97, 0.975, 0.96, 0.99, 0.95]] };
    expect(run(grid, "Q1 2011/12").result.problems.filter((p) => /after the report's/.test(p.message))).toEqual([]);
  });

  test("a table with only later figures is rated on them and flagged, as before", () => {
    const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "Q4 2010/11 Target", "Q4 2010/11 Actual"], ["H1", "Rent collected (%)", "Higher is better", 95, 96]] };
    const r = run(grid, "Q3 2010/11");
    expect({ actual: actualCells(r), later: laterWarnings(r).length }).toEqual({ actual: ["E2"], later: 1 });
  });
});

describe("what is not a quarter to come (helper-54's review)", () => {
  test("\"TBC\" or \"-\" in Q4's column stands for a figure not in yet", () => {
    const grid = tracker();
    grid.values[2][Q4_ACTUAL] = "TBC";
    grid.values[3][Q4_ACTUAL] = "-";
    expect(statuses(run(grid, "Q3 2010/11"))).toEqual(["red", "amber", "green"]);
  });

  test("a year's own figure, empty, is still the year's: last year's is not rated against this year's target", () => {
    const grid: SheetGrid = { name: "KPIs", values: [["Ref", "Measure", "Polarity", "2009/10 Actual", "2010/11 Target", "2010/11 Actual"], ["Y1", "Rent collected", "Higher is better", 96, 97, null]] };
    const r = run(grid, "Q3 2010/11");
    expect({ statuses: statuses(r), actual: actualCells(r) }).toEqual({ statuses: ["nodata"], actual: ["F2"] });
  });

  test("a Q3 report rated on Q3's empty year-to-date column does not call the table a Q2 return", () => {
    const grid: SheetGrid = {
      name: "KPIs",
      values: [["Ref", "Measure", "Polarity", "Q2 YTD Target 2010/11", "Q2 YTD Actual 2010/11", "Q3 YTD Target 2010/11", "Q3 YTD Actual 2010/11"], ["Y1", "Rent collected", "Higher is better", 95, 96, 95, null]],
    };
    const r = run(grid, "Q3 2010/11");
    expect({ statuses: statuses(r), stale: r.stale.length, problems: r.result.problems.filter((p) => /is for Q2/.test(p.message)).length }).toEqual({ statuses: ["nodata"], stale: 0, problems: 0 });
  });

  test("the figure is read with its own quarter's commentary, not the empty one of the quarter to come", () => {
    const grid = tracker();
    grid.values[1].push("Q3 Comment", "Q4 Comment");
    grid.values[2].push("Arrears rose after benefit changes", null);
    expect(run(grid, "Q3 2010/11").result.rated[0].record.comment?.text).toBe("Arrears rose after benefit changes");
  });
});

describe("live colours on a tracker laid out to Q4", () => {
  test("the first Q4 figure typed moves every record's rated column: the session reads the workbook again", () => {
    const { session } = startLive([tracker()], OPTIONS);
    expect(applyEdits(session, [{ sheet: "KPIs", row: 2, col: Q4_ACTUAL, value: 97 }]).kind).toBe("rescan");
  });

  test("a Q3 figure typed in an already filled column re-rates only its record", () => {
    const { session } = startLive([tracker()], OPTIONS);
    const u = applyEdits(session, [{ sheet: "KPIs", row: 2, col: 8, value: 96 }]);
    expect(u.kind === "records" ? u.rerated : u.kind).toEqual(["KPIs!3"]);
  });
});
