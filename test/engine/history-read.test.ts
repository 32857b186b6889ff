// A Scorecard History sheet edited by hand is read leniently: columns found by header in any order,
// figures and dates as typed, statuses by label; a row it cannot read is a problem at its cell, kept at
// the foot of the rewritten sheet for a person to fix, and never a crash.
import { readHistory } from "../../src/engine/history/read";
import { layoutHistorySheet } from "../../src/engine/history/layout";
import { RAG } from "../../src/engine/scheme/presets";
import { runScorecard } from "../../src/engine/scorecard";
import { HISTORY_SHEET } from "../../src/engine/history/types";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const grid = (values: CellValue[][], origin?: { row: number; col: number }): SheetGrid => ({ name: HISTORY_SHEET, values, ...(origin ? { origin } : {}) });

describe("reading by hand-edited rows", () => {
  test("columns in another order, a title row above, extra columns, and figures and dates as typed", () => {
    const read = readHistory(
      grid([
        ["Our RAG history (do not sort away the header)"],
        ["Notes", "Level", "Status", "Reference", "Reporting period", "Figure", "Recorded", "Kind", "Target"],
        ["checked", "bad", "red", "NI 1", "Quarter 2 2010-11", 130, new Date(Date.UTC(2010, 9, 20)), "Indicator", "Less than 100"],
        ["", "good", "Green", "NI 1", "Q1 2010/11", "90", 40360, "", 100],
      ]),
      RAG,
    );
    expect({ entries: read.entries.map((e) => [e.period, e.periodOrder > 0, e.kind, e.ref, e.status, e.level, e.actual, e.target, e.recordedOn]), problems: read.problems }).toEqual({
      entries: [
        ["Q2 2010/11", true, "indicator", "NI 1", "red", "bad", 130, "Less than 100", "2010-10-20"],
        ["Q1 2010/11", true, "indicator", "NI 1", "green", "good", "90", 100, "2010-07-01"],
      ],
      problems: [],
    });
  });

  test("a status typed as its label or alias is read as its key, and a blank level is the status's own", () => {
    const read = readHistory(
      grid([
        ["Period", "Ref", "Status", "Level"],
        ["Q2 2010/11", "NI 1", "Off target", ""],
        ["Q2 2010/11", "NI 2", "amber", ""],
      ]),
      RAG,
    );
    expect(read.entries.map((e) => [e.ref, e.status, e.level])).toEqual([
      ["NI 1", "red", "bad"],
      ["NI 2", "amber", "near"],
    ]);
  });

  test("a bad period, level, kind or a row with no ref or name: a problem at its cell, the row kept aside", () => {
    const read = readHistory(
      grid(
        [
          ["Period", "Kind", "Ref", "Name", "Status", "Level"],
          ["Q5 2010/11", "indicator", "NI 1", "Crime", "red", "bad"],
          ["Q2 2010/11", "indicator", "NI 2", "Burglary", "red", "terrible"],
          ["Q2 2010/11", "gadget", "NI 3", "Fear", "red", "bad"],
          ["Q2 2010/11", "indicator", "", "", "red", "bad"],
          ["", "indicator", "NI 5", "Noise", "red", "bad"],
          ["Q2 2010/11", "indicator", "NI 6", "Fine", "green", "good"],
          [null, null, null, null, null, null],
        ],
        { row: 2, col: 1 },
      ),
    );
    expect({
      problems: read.problems.map((p) => [p.sheet, p.cell, p.severity]),
      first: read.problems[0].message,
      level: read.problems[1].message,
      kept: read.entries.map((e) => e.ref),
      unread: read.unread.map((u) => u.ref),
    }).toEqual({
      problems: [
        [HISTORY_SHEET, "B4", "error"],
        [HISTORY_SHEET, "G5", "error"],
        [HISTORY_SHEET, "C6", "error"],
        [HISTORY_SHEET, "D7", "error"],
        [HISTORY_SHEET, "B8", "error"],
      ],
      first: 'History: period "Q5 2010/11": there is no quarter 5 (quarters are Q1 to Q4); write it as Q3 2010/11, or 2010/11 for a whole year: the row is not used (fix it, or delete the row).',
      level: 'History: level "terrible" is not one of ahead, good, near, bad, done, closed, nodata, dataonly: the row is not used (fix it, or delete the row).',
      kept: ["NI 6"],
      unread: ["NI 1", "NI 2", "NI 3", "", "NI 5"],
    });
  });

  test("a sheet with no history headers is a warning about the sheet, not a crash; an empty one is nothing", () => {
    expect(readHistory(grid([["Hello"], [1, 2, 3]])).problems.map((p) => [p.cell, p.severity])).toEqual([["", "warning"]]);
    expect(readHistory(grid([]))).toEqual({ entries: [], problems: [], unread: [] });
  });

  test("odd cells anywhere never throw", () => {
    const odd: CellValue[] = [null, "", { error: "#REF!" }, true, 0, -1, 1e308, new Date(NaN), "   ", "Q9", "2010/11"];
    const values: CellValue[][] = [["Period", "Ref", "Name", "Status", "Level", "Actual", "Recorded on", "Kind", "Hidden row"]];
    for (let i = 0; i < 200; i++) values.push(Array.from({ length: 9 }, (_, c) => odd[(i * 7 + c * 3) % odd.length]));
    expect(() => readHistory(grid(values), RAG)).not.toThrow();
  });
});

describe("rows that could not be read survive the rewrite", () => {
  test("the next build writes them back as typed at the foot, highlighted, and reports them in the run's problems", () => {
    const tracker: SheetGrid = { name: "KPIs", values: [["Ref", "Indicator", "Polarity", "Target", "Actual"], ["NI 1", "Crime", "Lower", 100, 90]] };
    const history = grid([
      ["Period", "Sheet", "Ref", "Name", "Kind", "Status", "Level"],
      ["Q1 2010/11", "KPIs", "NI 1", "Crime", "indicator", "red", "bad"],
      ["Q1 2010/1", "KPIs", "NI 1", "Crime", "indicator", "green", "good"],
    ]);
    const run = runScorecard([tracker, history], { preset: "rag", period: "Q2 2010/11", today: "2010-10-10" });
    const plan = run.plans.find((p) => p.sheet === HISTORY_SHEET)!;
    const rows = plan.blocks[0].values;
    expect({
      problem: run.result.problems.filter((p) => p.sheet === HISTORY_SHEET).map((p) => p.cell),
      last: rows[rows.length - 1].slice(0, 7),
      highlighted: plan.styles.some((g) => g.style.fill === "#FFF2CC" && g.ranges.some((r) => r.top === rows.length - 1)),
      periods: rows.slice(1, -1).map((r) => r[0]),
      previous: run.history.previous(run.result.rated[0]),
    }).toEqual({
      problem: ["A3"],
      last: ["Q1 2010/1", "KPIs", "NI 1", "Crime", "indicator", "green", "good"],
      highlighted: true,
      periods: ["Q1 2010/11", "Q2 2010/11"],
      previous: { period: "Q1 2010/11", status: "red", level: "bad" },
    });
  });

  test("percentages are written as numbers with a % format and read back as the same fractions", () => {
    const tracker: SheetGrid = { name: "KPIs", values: [["Ref", "Indicator", "Polarity", "Target", "Actual"], ["NI 46", "Detection", "Higher", "95%", "96.5%"]] };
    const run = runScorecard([tracker], { preset: "rag", period: "Q2 2010/11", today: "2010-10-10" });
    const plan = layoutHistorySheet([], run.result.rated, { text: "Q2 2010/11", order: 2010 * 5 + 2 }, "2010-10-10");
    const back = readHistory({ name: HISTORY_SHEET, values: plan.blocks[0].values as CellValue[][] });
    expect({
      figures: back.entries.map((e) => [e.actual, e.target, e.unit]),
      formatted: plan.styles.filter((g) => g.style.numberFormat?.includes("%")).flatMap((g) => g.ranges),
    }).toEqual({
      figures: [[0.965, 0.95, "%"]],
      formatted: [
        { top: 1, left: 8, bottom: 1, right: 8 },
        { top: 1, left: 9, bottom: 1, right: 9 },
      ],
    });
  });
});
