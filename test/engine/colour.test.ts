// Colouring the officers' trackers: the owned "Status (auto)" and "Check (auto)" columns, their look,
// the heading repeated where the tracker prints its header again, and nothing else of the officer's touched.
import { colourTrackers, conditionalFillProblems, coveredStatusProblems, hiddenStatusProblems, ownedColumn, unprintedStatusProblems } from "../../src/engine/trackers/colour";
import { runScorecard } from "../../src/engine/scorecard";
import { GENERATED_CHECK_HEADER, GENERATED_STATUS_HEADER } from "../../src/engine/detect/headers";
import { textPixels } from "../../src/engine/sheet-kit/layout-measure";
import { PRESETS } from "../../src/engine/scheme/presets";
import { detectTables } from "../../src/engine/detect/tables";
import { rateWorkbook } from "../../src/engine/rate/workbook";
import type { PlanStyle, PlanValue, SheetPlan } from "../../src/engine/vocab/plan";
import type { CellRange, CellValue, SheetGrid } from "../../src/engine/vocab/types";

/** A tracker printed for paper: its header repeated halfway down, one manual rating that disagrees with the rules. */
const rows: CellValue[][] = [
  ["Corporate Performance Scorecard 2023/24"],
  [],
  ["Ref", "Measure", "Polarity", "Target", "Q2 Actual", "RAG", "Commentary"],
  ["HS01", "Households in temporary accommodation", "Lower", 120, 118, "Green", "Demand steady"],
  ["HS02", "Rent collected", "Higher", 0.98, 0.9, "Green", "Arrears up after the winter, with a long note about why"],
  ["Ref", "Measure", "Polarity", "Target", "Q2 Actual", "RAG", "Commentary"],
  ["EN03", "Missed bins", "Lower", 50, 80, "Red", ""],
  ["EN04", "Fly-tipping cleared in 48 hours", "Higher", 0.9, 0.95, "Green", ""],
];
const tracker: SheetGrid = { name: "KPIs", values: rows };

function colour(grid: SheetGrid): SheetPlan {
  const result = rateWorkbook([grid], { scheme: PRESETS.rag, reportDate: "2023-09-30" });
  const [plan] = colourTrackers(PRESETS.rag, [grid], result.tables, result.rated);
  return plan;
}

function cellsOf(plan: SheetPlan): { values: Map<string, PlanValue>; styles: Map<string, PlanStyle[]> } {
  const values = new Map<string, PlanValue>();
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => values.set(`${b.row + i},${b.col + j}`, v)));
  const styles = new Map<string, PlanStyle[]>();
  for (const g of plan.styles) {
    for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) {
      const key = `${row},${col}`;
      styles.set(key, [...(styles.get(key) ?? []), g.style]);
    }
  }
  return { values, styles };
}

/** The grid with the plan's values written in, as a host would leave it. */
function applied(grid: SheetGrid, plan: SheetPlan): SheetGrid {
  const values = grid.values.map((r) => [...r]);
  for (const b of plan.blocks) {
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = (values[b.row + i] ??= []);
        while (row.length < b.col + j) row.push(null);
        row[b.col + j] = v;
      }),
    );
  }
  return { ...grid, values };
}

const plan = colour(tracker);
const { values, styles } = cellsOf(plan);
const STATUS_COL = 7; // first free column right of the table
const CHECK_COL = 8;

describe("the owned columns", () => {
  test("headings on the header row, a status for every record, a check where the officer's rating differs", () => {
    expect([values.get(`2,${STATUS_COL}`), values.get(`2,${CHECK_COL}`)]).toEqual([GENERATED_STATUS_HEADER, GENERATED_CHECK_HEADER]);
    expect(values.get(`3,${STATUS_COL}`)).toMatch(/On target$/);
    expect(values.get(`4,${CHECK_COL}`)).toMatch(/^manual Green/);
  });
  const looks: [rule: string, cell: string, expected: Partial<PlanStyle>][] = [
    ["status cells are top-aligned like the officers' cells", `3,${STATUS_COL}`, { vAlign: "top", bold: true, fontName: "Arial" }],
    ["check text wraps, top-aligned", `4,${CHECK_COL}`, { vAlign: "top", wrap: true, italic: true }],
  ];
  test.each(looks)("%s", (_rule, cell, expected) => expect(styles.get(cell)?.[0]).toMatchObject(expected));
  test("the check column is 45 wide; the status column fits the longest status in bold", () => {
    const widths = new Map(plan.columnWidths.map((c) => [c.col, c.width]));
    expect(widths.get(CHECK_COL)).toBe(45);
    const longest = Math.max(...PRESETS.rag.indicator.map((s) => textPixels(`${s.symbol} ${s.label}`, { size: 11, bold: true })));
    expect((widths.get(STATUS_COL) ?? 0) * 7).toBeGreaterThanOrEqual(longest);
    expect(widths.get(STATUS_COL)).toBeGreaterThanOrEqual(22);
  });
  test("row heights on the officers' sheets are left to Excel", () => {
    expect(plan.rowHeights).toEqual([]);
  });
});

describe("column widths", () => {
  // Dudley's layout: a narrow activities table above a wider indicators table on the same sheet.
  const stacked: SheetGrid = {
    name: "Stacked",
    values: [
      ["Ref", "Action", "Progress", "Due date", "RAG"],
      ["A1", "Open the new depot", 0.5, "31/03/2024", "Green"],
      [],
      ["Ref", "Measure", "Polarity", "Target", "Q2 Actual", "RAG", "Commentary"],
      ["HS01", "Households in temporary accommodation", "Lower", 120, 118, "Green", "Demand steady"],
    ],
  };
  test("a column another table on the sheet uses keeps the officer's width; a column that is only ours gets one", () => {
    const result = rateWorkbook([stacked], { scheme: PRESETS.rag, reportDate: "2023-09-30" });
    expect(result.tables.map((t) => t.kind)).toEqual(["activity", "indicator"]);
    const [stackedPlan] = colourTrackers(PRESETS.rag, [stacked], result.tables, result.rated);
    const written = new Set(stackedPlan.blocks.map((b) => b.col));
    expect(written).toEqual(new Set([5, 7])); // F for the activities (inside the indicators' RAG column's span), H for the indicators
    const widths = stackedPlan.columnWidths.map((w) => w.col);
    expect(widths).not.toContain(5); // F is the indicators' RAG column: the officer's width stays
    expect(widths).toContain(7);
  });
});

describe("a header printed again inside the table", () => {
  test("gets the headings too, in the heading style", () => {
    expect([values.get(`5,${STATUS_COL}`), values.get(`5,${CHECK_COL}`)]).toEqual([GENERATED_STATUS_HEADER, GENERATED_CHECK_HEADER]);
    expect(styles.get(`5,${STATUS_COL}`)?.[0]).toEqual(styles.get(`2,${STATUS_COL}`)?.[0]);
  });
  test("is still read as a repeat: one table, the same records, and colouring again writes the same", () => {
    const once = applied(tracker, plan);
    expect(detectTables(once)).toHaveLength(detectTables(tracker).length);
    const again = colour(once);
    expect(cellsOf(again).values).toEqual(values);
  });
  test("a data row that happens to start like the header is not taken for one", () => {
    const grid: SheetGrid = { name: "KPIs", values: [...rows.slice(0, 4), ["Ref", "A measure called Ref", "Lower", 10, 9, "Green", ""]] };
    const { values: v } = cellsOf(colour(grid));
    expect(v.get(`4,${STATUS_COL}`)).not.toBe(GENERATED_STATUS_HEADER);
  });
});

describe("Apply colours twice", () => {
  // What a previous Apply wrote (Status (auto), Check (auto)) must not change what the officer's rows are.
  const again = (grid: SheetGrid) => {
    const first = colour(grid);
    const second = colour(applied(grid, first));
    const rated = (g: SheetGrid) => rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2023-09-30" }).rated.map((r) => [r.record.row, r.record.priority, r.rating.status]);
    return { first: cellsOf(first), second: cellsOf(second), before: rated(grid), after: rated(applied(grid, first)) };
  };

  test("with a Check (auto) column beside ours: the same cells and records", () => {
    const { first, second, before, after } = again(tracker);
    expect([...first.values.values()]).toContain(GENERATED_CHECK_HEADER);
    expect(second).toEqual(first);
    expect(after).toEqual(before);
  });

  test("with an officer's note just right of the table: the note stays a heading, not a row", () => {
    const withNote: SheetGrid = { name: "KPIs", values: [...rows.slice(0, 4), [null, null, null, null, null, null, null, "Housing"], ...rows.slice(4)] };
    const { first, second, before, after } = again(withNote);
    expect(second).toEqual(first);
    expect(after).toEqual(before);
  });
});

describe("a record named with a header word, its status written by an earlier Apply", () => {
  // "✓ On target" reads as a target header: with it, "Project | 95% | 96%" would read as a new table's header.
  const grid: SheetGrid = {
    name: "KPIs",
    values: [
      ["Measure", "Polarity", "Target", "Actual"],
      ["Bins emptied on time", "Higher", 95, 96],
      ["Project", "Higher", "95%", "96%"],
      ["Litter picked", "Higher", 95, 96],
    ],
  };
  const rated = (g: SheetGrid) => rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2023-09-30" }).rated.map((r) => r.record.name);

  test("stays a record when the officer later clears its polarity", () => {
    const once = applied(grid, colour(grid));
    expect(once.values[2]).toContain("✓ On target");
    once.values[2][1] = null;
    expect(detectTables(once).map((t) => [t.headerRow, t.lastRow])).toEqual([[0, 3]]);
    expect(rated(once)).toEqual(["Bins emptied on time", "Project", "Litter picked"]);
  });

  test("and under Pentana, whose '▲ Alert' holds a header word ('Alert' reads as a rating column)", () => {
    const alerting: SheetGrid = { ...grid, values: grid.values.map((r, i) => (i === 2 ? ["Project", "Higher", "95%", "50%"] : r)) };
    const result = rateWorkbook([alerting], { scheme: PRESETS.pentana, reportDate: "2023-09-30" });
    const once = applied(alerting, colourTrackers(PRESETS.pentana, [alerting], result.tables, result.rated)[0]);
    expect(once.values[2]).toContain("▲ Alert");
    once.values[2][1] = null;
    expect(detectTables(once).map((t) => [t.headerRow, t.lastRow])).toEqual([[0, 3]]);
  });
});

describe("a table grown over the rows of the table below (its header typed over)", () => {
  // After an Apply, "Ref" of the indicators' header below is typed over: their rows join the actions,
  // whose Status (auto) column (E) holds the indicators' heading and figures. Those are the officer's.
  const grid: SheetGrid = {
    name: "KPIs",
    values: [
      ["Ref", "Action", "Lead officer", "Due date", GENERATED_STATUS_HEADER],
      ["A1", "Consult on the plan", "J Smith", "31/03/2024", "✓ On track"],
      [250, "Indicator", "Polarity", "Target", "Q1 Actual"],
      ["K1", "Bins emptied on time", "Higher", 95, 96],
      ["K2", "Litter picked", "Higher", 90, "88%"],
      ["K3", "Reports answered", "Higher", 90, "31/12/2023"],
    ],
  };
  const plan = colour(grid);
  const { values: v, styles: st } = cellsOf(plan);

  test("its heading, figures and dates in our column are neither written nor coloured", () => {
    expect(detectTables(grid).map((t) => [t.headerRow, t.lastRow])).toEqual([[0, 5]]);
    for (const row of [2, 3, 4, 5]) {
      expect(v.has(`${row},4`)).toBe(false);
      expect(st.has(`${row},4`)).toBe(false);
    }
    expect(v.get("0,4")).toBe(GENERATED_STATUS_HEADER);
    expect(v.get("1,4")).toBe("✓ On track");
  });

  test("Apply again writes the same", () => {
    expect(cellsOf(colour(applied(grid, plan)))).toEqual(cellsOf(plan));
  });

  test("its text targets (a mark and a figure) are not written over either", () => {
    const targets = ["≥ 95%", "> 90%", "< 5 days"];
    const withTargets: SheetGrid = { ...grid, values: grid.values.map((r, i) => (i >= 3 ? [...r.slice(0, 4), targets[i - 3]] : r)) };
    const written = cellsOf(colour(withTargets)).values;
    for (const row of [3, 4, 5]) expect(written.has(`${row},4`)).toBe(false);
  });

  test("a rating or a status under an edited symbol in our column is ours to write again", () => {
    const typed: SheetGrid = { ...grid, values: grid.values.map((r, i) => (i === 1 ? [...r.slice(0, 4), "Green"] : r)) };
    expect(cellsOf(colour(typed)).values.get("1,4")).toBe("✓ On track");
    const edited: SheetGrid = { ...grid, values: grid.values.map((r, i) => (i === 1 ? [...r.slice(0, 4), "[G] On track"] : r)) };
    expect(cellsOf(colour(edited)).values.get("1,4")).toBe("✓ On track");
  });

  // Where the host keeps a record of the cells it wrote (the add-in does), text in our column outside
  // it that is not shaped like ours is the officer's: a rating or a note of the table grown over.
  const record = { has: (row: number, col: number) => col === 4 && row <= 1 }; // the header and A1's status
  const colourWith = (g: SheetGrid): SheetPlan => {
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2023-09-30" });
    return colourTrackers(PRESETS.rag, [g], result.tables, result.rated, { kpis: record })[0];
  };
  const typedAt = (row: number, text: string): SheetGrid => ({ ...grid, values: grid.values.map((r, i) => (i === row ? [...r.slice(0, 4), text] : r)) });

  test("with the add-in's record, its ratings and notes in our column are left alone too", () => {
    for (const text of ["G", "Amber", "see note"]) {
      const plan = colourWith(typedAt(3, text));
      expect([text, cellsOf(plan).values.has("3,4"), cellsOf(plan).styles.has("3,4"), plan.leaveAlone?.some((c) => c.row === 3 && c.col === 4)]).toEqual([text, false, false, true]);
    }
  });

  test("with the record, an activity's own status words there are the officer's too: we never write a bare label", () => {
    for (const text of ["Completed", "On track", "Overdue", "Cancelled", "No data"]) expect([text, cellsOf(colourWith(typedAt(3, text))).values.has("3,4")]).toEqual([text, false]);
  });

  test("a record from before our column moved (its heading not listed there) is not taken for this column", () => {
    const elsewhere = { has: (row: number, col: number) => col === 6 && row <= 1 };
    const result = rateWorkbook([typedAt(1, "Green")], { scheme: PRESETS.rag, reportDate: "2023-09-30" });
    const [plan] = colourTrackers(PRESETS.rag, [typedAt(1, "Green")], result.tables, result.rated, { KPIs: elsewhere });
    expect(cellsOf(plan).values.get("1,4")).toBe("✓ On track");
  });

  test("with the record, a rating typed over one of ours, and our own statuses, are still ours to write", () => {
    expect(cellsOf(colourWith(typedAt(1, "Green"))).values.get("1,4")).toBe("✓ On track");
    // Written by a host that kept no record (the command line): our shape says it is ours.
    const records = colourWith({ ...grid, values: grid.values.map((r, i) => (i === 3 ? [...r.slice(0, 4), "✗ Off target"] : r)) });
    expect(cellsOf(records).values.has("3,4")).toBe(true);
  });

  test("without a record, a rating in the grown-over column reads like one typed over ours, and is written over", () => {
    expect(cellsOf(colour(typedAt(3, "G"))).values.has("3,4")).toBe(true);
  });
});

describe("Apply colours twice, under a two-row header", () => {
  // Status (auto) goes on the lower header row, right of the quarters: the next run must still read "2021/22 Q1".
  const grid: SheetGrid = {
    name: "KPIs",
    values: [
      ["Ref", "Measure", "Polarity", "Target", "2021/22", null, "Commentary"],
      [null, null, null, null, "Q1", "Q2", null],
      ["HS01", "Households in temporary accommodation", "Lower", 120, 130, 118, "Demand steady"],
      ["HS02", "Rent collected", "Higher", 0.98, 0.97, 0.9, "Arrears up"],
    ],
    merges: [{ top: 0, left: 4, bottom: 0, right: 5 }],
  };

  test("the header, the cells and the records are the same the second time", () => {
    const first = colour(grid);
    const again = applied(grid, first);
    const header = (g: SheetGrid) => detectTables(g).map((t) => [t.headerRow, t.headerHeight, t.columns.filter((c) => c.role !== "generated").map((c) => c.header)]);
    expect(header(grid)[0][1]).toBe(2);
    expect(header(again)).toEqual(header(grid));
    expect(cellsOf(colour(again))).toEqual(cellsOf(first));
  });
});

describe("merged cells get no colour of ours", () => {
  // An officer's rating column (E) beside the figures; our status goes in F.
  const rows: [string, string, number, number, string][] = [
    ["Households in temporary accommodation", "Lower", 120, 130, "R"],
    ["Rent collected", "Higher", 0.98, 0.99, "G"],
    ["Void days", "Lower", 30, 28, "G"],
  ];
  const grid: SheetGrid = { name: "Housing", values: [["Ref", "Measure", "Polarity", "Target", "Actual", "RAG"], ...rows.map((r, i) => [`HS0${i + 1}`, ...r])] };
  const styled = (g: SheetGrid) => new Set(cellsOf(colour(g)).styles.keys());

  test("an officer's rating cell merged with its neighbour, and a row merged across our column: uncoloured; the rest as before", () => {
    const plain = styled(grid);
    const status = [...plain].find((k) => k.startsWith("2,") && k !== "2,5")!;
    const merged = styled({ ...grid, merges: [{ top: 1, left: 5, bottom: 2, right: 5 }, { top: 3, left: 0, bottom: 3, right: 9 }] });
    expect({ rating: plain.has("1,5"), status: status !== undefined }).toEqual({ rating: true, status: true });
    expect({ rating1: merged.has("1,5"), rating2: merged.has("2,5"), row3: [...merged].some((k) => k.startsWith("3,")), status2: merged.has(status) }).toEqual({ rating1: false, rating2: false, row3: false, status2: true });
  });
});

describe("a note merged over the header row beside the table", () => {
  // A..E the tracker; G1:H1 a note merged over the header row's next cells: G reads as a (blank-bodied) column of the table.
  const grid: SheetGrid = {
    name: "Tracker",
    values: [
      ["Ref", "Indicator", "Target", "Actual", "Polarity", null, "Figures to be audited", null],
      ["HE 1", "Rent collected", 97, 98.2, "Higher is better"],
      ["HE 2", "Days to re-let", 30, 41, "Lower is better"],
    ],
    merges: [{ top: 0, left: 6, bottom: 0, right: 7 }],
  };
  const header = (plan: SheetPlan) => [...cellsOf(plan).values].filter(([, v]) => v === GENERATED_STATUS_HEADER).map(([k]) => k);

  test("our heading goes right of the merge, not into its hidden half, and the second run puts it in the same place", () => {
    const first = colour(grid);
    expect(header(first)).toEqual(["0,8"]);
    expect(cellsOf(colour(applied(grid, first)))).toEqual(cellsOf(first));
  });
});

describe("a group merged over the upper header row, past the table", () => {
  // "2010/11" merged over C1:H1, above the header row: our heading goes on the header row (F2), which is not merged.
  const grid: SheetGrid = {
    name: "KPIs",
    values: [
      [null, null, "2010/11"],
      ["Ref", "Indicator", "Target", "Actual", "Polarity"],
      ["HE 1", "Rent collected", 97, 98.2, "Higher is better"],
      ["HE 2", "Days to re-let", 30, 41, "Lower is better"],
    ],
    merges: [{ top: 0, left: 2, bottom: 0, right: 7 }],
  };

  test("does not push our column further right, and the second run puts it in the same place", () => {
    const first = colour(grid);
    const heading = [...cellsOf(first).values].filter(([, v]) => v === GENERATED_STATUS_HEADER).map(([k]) => k);
    expect(heading).toEqual(["1,5"]);
    expect(cellsOf(colour(applied(grid, first)))).toEqual(cellsOf(first));
  });
});

describe("a status column the hosts must leave hidden", () => {
  const note = (extra: CellValue[][]): SheetGrid => ({ name: "KPIs", values: [...rows, ...extra], hiddenColumns: [{ first: 7, last: 16383 }] });
  test.each([
    ["hidden, with an officer's note under the table in it", note([[], [null, null, null, null, null, null, null, "Checked by the performance team"]]), ["KPIs!H3"]],
    ["hidden, and the column ours alone (the hosts show it)", note([]), []],
    ["shown, with the note", { ...note([[], [null, null, null, null, null, null, null, "Checked"]]), hiddenColumns: [] }, []],
    ["the hosts did not read which columns are hidden", { name: "KPIs", values: rows }, []],
  ] as [string, SheetGrid, string[]][])("%s: warned of %j", (_, grid, cells) => {
    const tables = detectTables(grid);
    expect(hiddenStatusProblems([grid], tables).map((p) => `${p.sheet}!${p.cell}`)).toEqual(cells);
  });
});

describe("a status column under a chart, picture or shape", () => {
  const withDrawing = (range: CellRange): SheetGrid => ({ name: "KPIs", values: rows, drawings: [{ range, kind: "chart" }] });
  test.each([
    ["a chart over the column, beside the records", withDrawing({ top: 1, left: 7, bottom: 15, right: 12 }), ["KPIs!H3"]],
    ["a chart right of our column", withDrawing({ top: 1, left: 8, bottom: 15, right: 12 }), []],
    ["a chart in the column, below the table", withDrawing({ top: 20, left: 7, bottom: 30, right: 12 }), []],
    ["no drawings read", { name: "KPIs", values: rows }, []],
  ] as [string, SheetGrid, string[]][])("%s: warned of %j", (_, grid, cells) => {
    expect(coveredStatusProblems([grid], detectTables(grid), []).map((p) => `${p.sheet}!${p.cell}`)).toEqual(cells);
  });
});

describe("a status column under conditional formatting that fills cells (helper-119)", () => {
  const filled = (...conditionalFills: CellRange[]): SheetGrid => ({ name: "KPIs", values: rows, conditionalFills });
  test.each([
    ["banding over the whole table and beyond", filled({ top: 3, left: 0, bottom: 99, right: 25 }), ["KPIs!H3"]],
    ["a rule over the officers' own status column only", filled({ top: 3, left: 5, bottom: 99, right: 6 }), []],
    ["a rule below the table", filled({ top: 40, left: 0, bottom: 60, right: 25 }), []],
    ["banding over whole columns, named as Excel names them", filled({ top: 0, left: 0, bottom: 1048575, right: 25 }), ["KPIs!H3"]],
    ["none read", { name: "KPIs", values: rows }, []],
  ] as [string, SheetGrid, string[]][])("%s: warned of %j", (_, grid, cells) => {
    const problems = conditionalFillProblems([grid], detectTables(grid), []);
    expect(problems.map((p) => `${p.sheet}!${p.cell}`)).toEqual(cells);
    for (const p of problems) expect(p.message).toMatch(/^The statuses of this table are written in column H, under conditional formatting over (A4:Z100|A:Z) that fills cells/);
  });
});

describe("a status column outside the sheet's print area (helper-73)", () => {
  const printing = (...printArea: CellRange[]): SheetGrid => ({ name: "KPIs", values: rows, printArea });
  const ALL_ROWS = 1048575;
  test.each([
    ["the print area stops left of our column", printing({ top: 0, left: 0, bottom: 19, right: 6 }), ["KPIs!H3: column H, outside the sheet's print area (A1:G20)"]],
    ["whole columns up to the table's last", printing({ top: 0, left: 0, bottom: ALL_ROWS, right: 6 }), ["KPIs!H3: column H, outside the sheet's print area (A:G)"]],
    ["whole columns taking ours in", printing({ top: 0, left: 0, bottom: ALL_ROWS, right: 7 }), []],
    ["two areas, the second taking the table and ours", printing({ top: 30, left: 0, bottom: 40, right: 3 }, { top: 0, left: 0, bottom: 19, right: 9 }), []],
    // helper-75: our column printed as an area of its own beside the table's.
    ["the table and our column as two areas", printing({ top: 0, left: 0, bottom: 19, right: 6 }, { top: 0, left: 7, bottom: 19, right: 7 }), []],
    ["an area printing none of the table (a chart's data below it)", printing({ top: 30, left: 0, bottom: 40, right: 3 }), []],
    ["no print area", { name: "KPIs", values: rows }, []],
    // helper-76: an area split by rows, the lower one stopping left of our column.
    ["split by rows, ours printed only in the upper area", printing({ top: 0, left: 0, bottom: 4, right: 7 }, { top: 5, left: 0, bottom: 7, right: 6 }), ["KPIs!H3: column H, outside the sheet's print area (A1:H5, A6:G8), in rows 6 to 8,"]],
    ["split by rows, ours printed in both", printing({ top: 0, left: 0, bottom: 4, right: 7 }, { top: 5, left: 0, bottom: 7, right: 7 }), []],
    ["split by rows, ours printed in the lower area only", printing({ top: 0, left: 0, bottom: 3, right: 6 }, { top: 4, left: 0, bottom: 9, right: 7 }), ["KPIs!H3: column H, outside the sheet's print area (A1:G4, A5:H10), in row 4,"]],
  ] as [string, SheetGrid, string[]][])("%s: warned of %j", (_, grid, told) => {
    const problems = unprintedStatusProblems([grid], detectTables(grid), []);
    expect(problems.map((p) => `${p.sheet}!${p.cell}: ${/column \w+, outside [^)]*\)(, in rows? \d+( to \d+)?,)?/.exec(p.message)?.[0]}`)).toEqual(told);
    for (const p of problems) expect(p.message).toMatch(/: they will not print\. Widen the print area \(Page Layout > Print Area\) to take it in\.$/);
  });
});

// helper-71: the Check column beside ours, where the officer's rating and the rules disagree, hidden under a chart.
test("a chart over the Check column alone is warned of, naming both our columns", () => {
  const grid: SheetGrid = {
    name: "KPIs",
    values: [
      ["Ref", "Indicator", "Target", "Actual", "Polarity", "RAG"],
      ["PI1", "Recycling", 50, 40, "Higher is better", "Green"],
      ["PI2", "Visits", 100, 120, "Higher is better", "Green"],
    ],
    drawings: [{ range: { top: 1, left: 7, bottom: 15, right: 14 }, kind: "chart" }],
  };
  const run = runScorecard([grid], { preset: "rag", reportDate: "2010-12-31", today: "2010-12-31" });
  expect(run.result.problems.filter((p) => /under a chart/.test(p.message)).map((p) => `${p.cell}: ${p.message}`)).toEqual([
    "G1: The statuses of this table are written in columns G:H, under a chart (over H2:O16): move it to see the statuses.",
  ]);
});

// helper-79: cells right of the table that read as empty but are the officer's. Rows 4 to 8 hold records;
// our column goes in H (column 7) unless something of theirs is there.
describe("where our status column goes, past an officer's cells that read as empty", () => {
  const cell = (row: number, col: number): CellRange => ({ top: row, left: col, bottom: row, right: col });
  test.each([
    ["nothing right of the table", 7, {}],
    ["formulas giving \"\" down H", 8, { formulaCells: [{ top: 3, left: 7, bottom: 7, right: 7 }] }],
    ["one formula in I, beside where our checks column would go", 9, { formulaCells: [cell(6, 8)] }],
    ["formulas in H below the table only", 7, { formulaCells: [{ top: 12, left: 7, bottom: 20, right: 7 }] }],
    ["a record's commentary merged over G:H", 8, { merges: [{ top: 4, left: 6, bottom: 4, right: 7 }] }],
    ["every record's commentary merged over G:I", 9, { merges: [3, 4, 6, 7].map((r) => ({ top: r, left: 6, bottom: r, right: 8 })) }],
    ["a section row merged over the whole width (cut around)", 7, { merges: [{ top: 5, left: 0, bottom: 5, right: 12 }] }],
  ] as [string, number, Partial<SheetGrid>][])("%s: column %i", (_, col, extra) => {
    const grid: SheetGrid = { name: "KPIs", values: rows, ...extra };
    const [table] = detectTables(grid);
    expect(ownedColumn(grid, table)).toBe(col);
  });
});

// helper-80: merges that are no record's commentary stay cut around, as before the record-row rule.
describe("section rows and groups merged past the table leave our column beside it", () => {
  const sections: CellValue[][] = [
    ["Corporate Performance Scorecard 2023/24"],
    [],
    ["Ref", "Measure", "Polarity", "Target", "Q2 Actual", "RAG", "Commentary"],
    ["1", "Housing"],
    ["HS01", "Households in temporary accommodation", "Lower", 120, 118, "Green", "Demand steady"],
    ["HS02", "Rent collected", "Higher", 0.98, 0.9, "Green", "Arrears"],
    ["2", "Environment"],
    ["EN03", "Missed bins", "Lower", 50, 80, "Red", ""],
  ];
  const groups: CellValue[][] = [
    ["Corporate Performance Scorecard"],
    [],
    ["Ref", "Measure", "Polarity", "2021/22"],
    [null, null, null, "Target", "Q1", "Q2", "Q3", "Q4", "RAG"],
    ["HS01", "Households in temporary accommodation", "Lower", 120, 118, 117, 116, 115, "Green"],
    ["HS02", "Rent collected", "Higher", 0.98, 0.9, 0.91, 0.92, 0.93, "Red"],
  ];
  test.each([
    // "1 | Housing" is a section the engine reads as one (its records' refs are codes): cut around, as helper-80 asked.
    ["a number in A, the section's title merged B:M", 7, { values: sections, merges: [3, 6].map((r) => ({ top: r, left: 1, bottom: r, right: 12 })) }],
    // Where the refs are numbers too, "2 | Rent collected" is a record whose figures are not in: its status must not be lost under the merge.
    ["a record numbered like its neighbours, its name merged B:M", 13, { values: [sections[2], [1, "Temporary accommodation", "Lower", 120, 118, "Green"], [2, "Rent collected"], [3, "Missed bins", "Lower", 50, 80, "Red"]], merges: [{ top: 2, left: 1, bottom: 2, right: 12 }] }],
    ["the section's title merged A:M", 7, { values: sections.map((r) => (r.length === 2 ? [`${r[0]} ${r[1]}`] : r)), merges: [3, 6].map((r) => ({ top: r, left: 0, bottom: r, right: 12 })) }],
    ["a year merged over the upper header row, wider than the table", 9, { values: groups, merges: [{ top: 2, left: 3, bottom: 2, right: 10 }] }],
    // helper-81: a record's merge is known by two cells of the table or one figure left of it, whatever its heading.
    ["the commentary headed \"Summary\" (a description), merged G:I on every record", 9, { values: rows.map((r, i) => (i === 2 || i === 5 ? [...r.slice(0, 6), "Summary"] : r)), merges: [3, 4, 6, 7].map((r) => ({ top: r, left: 6, bottom: r, right: 8 })) }],
    ["a new measure with its figures blank, its commentary merged G:H", 8, { values: rows.map((r, i) => (i === 4 ? ["HS02", "Rent collected", "", "", "", "", "New measure: baseline year"] : r)), merges: [{ top: 4, left: 6, bottom: 4, right: 7 }] }],
    ["a table named by its measures alone, a new one's figures blank and its commentary merged F:H", 8, { values: [["Measure", "Polarity", "Target", "Actual", "RAG", "Commentary"], ["Temporary accommodation", "Lower", 120, 118, "Green", "ok"], ["Rent collected", "", "", "", "", "New measure: baseline year"], ["Missed bins", "Lower", 50, 80, "Red", ""]], merges: [{ top: 2, left: 5, bottom: 2, right: 7 }] }],
    ["the measure's name last, merged F:G", 7, { values: [["Ref", "Target", "Actual", "Polarity", "RAG", "Measure"], ["PI1", 50, 40, "Higher", "Red", "Recycling rate"], ["PI2", 100, 120, "Higher", "Green", "Visits"]], merges: [1, 2].map((r) => ({ top: r, left: 5, bottom: r, right: 6 })) }],
  ] as [string, number, Partial<SheetGrid>][])("%s: column %i", (_, col, extra) => {
    const grid: SheetGrid = { name: "KPIs", values: [], ...extra };
    const [table] = detectTables(grid);
    expect(ownedColumn(grid, table)).toBe(col);
  });
});
