// The "Scorecard Rules" sheet (PRODUCT workflow 2, RULES §2, §8): written from a scheme, edited in Excel,
// read back. Round trip is the key property; every bad cell is a problem naming its cell and keeps the default.
import fc from "fast-check";
import { toA1 } from "../../src/engine/vocab/address";
import { contrastRatio } from "../../src/engine/scheme/colours";
import { DUDLEY, PRESETS, RAG } from "../../src/engine/scheme/presets";
import { rateIndicator } from "../../src/engine/rate/rate";
import { matchRating } from "../../src/engine/scheme/schemes";
import { layoutRulesSheet, readRulesSheet, RULES_SHEET, type RulesSettings } from "../../src/engine/rules-sheet/rules-sheet";
import { linesHeight, wrappedLines } from "../../src/engine/sheet-kit/layout-measure";
import type { SheetPlan } from "../../src/engine/vocab/plan";
import type { CellValue, Scheme, SheetGrid } from "../../src/engine/vocab/types";

// ---- helpers: a plan as the grid a host would read back ----

function gridFromPlan(plan: SheetPlan): SheetGrid {
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const ensure = (r: number, c: number) => {
    while (values.length <= r) values.push([]);
    while (numberFormats.length <= r) numberFormats.push([]);
    for (let i = values[r].length; i <= c; i++) values[r][i] = null;
    for (let i = numberFormats[r].length; i <= c; i++) numberFormats[r][i] = "General";
  };
  for (const b of plan.blocks) {
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        ensure(b.row + i, b.col + j);
        values[b.row + i][b.col + j] = v;
      }),
    );
  }
  for (const g of plan.styles) {
    if (!g.style.numberFormat) continue;
    for (const r of g.ranges) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          ensure(row, col);
          numberFormats[row][col] = g.style.numberFormat;
        }
      }
    }
  }
  const width = Math.max(...values.map((r) => r.length));
  for (let r = 0; r < values.length; r++) ensure(r, width - 1);
  return { name: plan.sheet, values, numberFormats };
}

/** Zero-based row whose column A reads `label` (the first one after `after`). */
function rowOf(grid: SheetGrid, label: string, after = -1): number {
  const row = grid.values.findIndex((r, i) => i > after && r[0] === label);
  if (row < 0) throw new Error(`no row labelled ${label}`);
  return row;
}

function statusRowOf(grid: SheetGrid, kind: "Indicator" | "Activity", key: string): number {
  const row = grid.values.findIndex((r) => r[0] === kind && r[1] === key);
  if (row < 0) throw new Error(`no status row ${kind} ${key}`);
  return row;
}

const STATUS_COL = { label: 2, meaning: 3, level: 4, fill: 5, font: 6, symbol: 7, aliases: 8 } as const;

function set(grid: SheetGrid, row: number, col: number, value: CellValue, format?: string): void {
  grid.values[row][col] = value;
  if (format && grid.numberFormats) grid.numberFormats[row][col] = format;
}

function setSetting(grid: SheetGrid, label: string, value: CellValue, format?: string): string {
  const row = rowOf(grid, label);
  set(grid, row, 1, value, format);
  return toA1(row, 1);
}

function insertRow(grid: SheetGrid, at: number, values: CellValue[]): void {
  const width = grid.values[0].length;
  const row = Array.from({ length: width }, (_, i) => values[i] ?? null);
  grid.values.splice(at, 0, row);
  grid.numberFormats?.splice(at, 0, row.map(() => "General"));
}

const SETTINGS: RulesSettings = {
  preset: "rag",
  period: "Q3 2010/11",
  reportDate: "2010-12-31",
  committee: "Scrutiny Committee",
  title: "=Performance report",
  columnOverrides: [{ sheet: "PIs", header: "Q3 YTD Actual", role: "actual" }, { sheet: "Actions", header: "RAG", role: "manual" }],
};

function sheetFor(scheme: Scheme, settings: RulesSettings = { ...SETTINGS, preset: scheme.key }): SheetGrid {
  return gridFromPlan(layoutRulesSheet(scheme, settings));
}

function read(grid: SheetGrid) {
  const result = readRulesSheet(grid);
  if (!result) throw new Error("sheet not recognised");
  return result;
}

// ---- round trip ----

describe("round trip: layout then read gives the same scheme and settings", () => {
  test.each(Object.values(PRESETS).map((s) => [s.key, s] as const))("%s", (_key, scheme) => {
    const settings = { ...SETTINGS, preset: scheme.key };
    const back = read(sheetFor(scheme, settings));
    expect(back.scheme).toEqual(scheme);
    expect(back.settings).toEqual(settings);
    expect(back.problems).toEqual([]);
  });

  test("optional settings set, no exceptions, odd numbers and no report settings", () => {
    const scheme: Scheme = {
      ...RAG,
      name: "Our own",
      tolerance: { kind: "points", value: 2.5 },
      exceedMargin: 0.07,
      expectedProgress: { slack: 0.15 },
      staticBand: 0.005,
      warningDays: 14,
      trendPeriods: 1,
      activitySource: "manual",
      exceptionLevels: [],
    };
    const settings: RulesSettings = { preset: "rag", columnOverrides: [] };
    const back = read(sheetFor(scheme, settings));
    expect(back.scheme).toEqual(scheme);
    expect(back.settings).toEqual(settings);
    expect(back.problems).toEqual([]);
  });

  test.each([
    ["relative 0.07", { kind: "relative", value: 0.07 }],
    ["relative 0.123", { kind: "relative", value: 0.123 }],
    ["absolute 0.5", { kind: "absolute", value: 0.5 }],
    ["points 3", { kind: "points", value: 3 }],
  ] as const)("tolerance %s survives the trip", (_name, tolerance) => {
    expect(read(sheetFor({ ...RAG, tolerance })).scheme.tolerance).toEqual(tolerance);
  });

  test("any percentage, band or slack survives the trip exactly (written as decimal text, read without multiplying)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.999, noNaN: true }), fc.double({ min: 1e-6, max: 5, noNaN: true }), (share, big) => {
        const scheme: Scheme = { ...RAG, tolerance: { kind: "relative", value: big }, staticBand: share, exceedMargin: big, expectedProgress: { slack: share } };
        const back = read(sheetFor(scheme));
        expect(back.scheme).toEqual(scheme);
        expect(back.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- the layout itself ----

describe("layout", () => {
  const plan = layoutRulesSheet(RAG, SETTINGS);
  const grid = gridFromPlan(plan);
  const styleAt = (row: number, col: number) =>
    plan.styles.filter((g) => g.ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)).map((g) => g.style);

  test("an owned sheet with the title in A1, frozen title row and set column widths", () => {
    expect(plan.sheet).toBe(RULES_SHEET);
    expect(plan.action).toBe("create");
    expect(grid.values[0][0]).toBe("Scorecard Rules");
    expect(String(grid.values[1][0])).toMatch(/^Edit the yellow cells; the next Apply colours or Build summary uses them/);
    expect(plan.freeze).toEqual({ rows: 1, cols: 0 });
    expect(plan.columnWidths.length).toBeGreaterThanOrEqual(9);
  });

  test("every value is literal text and every styled cell uses Arial", () => {
    for (const b of plan.blocks) for (const row of b.values) for (const v of row) expect(typeof v).toBe("string");
    for (const g of plan.styles) expect(g.style.fontName).toBe("Arial");
  });

  test.each([
    ["Tolerance value", () => [rowOf(grid, "Tolerance"), 1] as const],
    ["Scheme value", () => [rowOf(grid, "Scheme"), 1] as const],
    ["a status label", () => [statusRowOf(grid, "Indicator", "red"), STATUS_COL.label] as const],
    ["a column mapping row", () => [rowOf(grid, "PIs"), 2] as const],
  ])("%s is an editable yellow cell with dark text", (_name, where) => {
    const [row, col] = where();
    expect(styleAt(row, col)).toContainEqual(expect.objectContaining({ fill: "#FFF2CC", fontColor: "#262626" }));
  });

  test.each(RAG.indicator.map((s) => [s.key, s] as const))("status %s: its Fill and Font cells wear its colours", (key, s) => {
    const row = statusRowOf(grid, "Indicator", key);
    for (const col of [STATUS_COL.fill, STATUS_COL.font]) {
      expect(styleAt(row, col)).toContainEqual(expect.objectContaining({ fill: s.fill, fontColor: s.font }));
    }
    expect(grid.values[row][STATUS_COL.fill]).toBe(s.fill);
  });

  test.each(Object.values(PRESETS).map((s) => [s.key, s] as const))("%s: rows with wrapped Meaning or Also accepts are tall enough for every line", (_key, scheme) => {
    const p = layoutRulesSheet(scheme, { columnOverrides: [] });
    const g = gridFromPlan(p);
    const widths = new Map(p.columnWidths.map((c) => [c.col, c.width]));
    const heights = new Map(p.rowHeights.map((h) => [h.row, h.height]));
    let tall = 0;
    for (const s of scheme.indicator) {
      const row = statusRowOf(g, "Indicator", s.key);
      const lines = Math.max(...[STATUS_COL.meaning, STATUS_COL.aliases].map((col) => wrappedLines(String(g.values[row][col] ?? ""), [widths.get(col) ?? 0])));
      expect({ key: s.key, height: heights.get(row) }).toEqual({ key: s.key, height: lines > 1 ? linesHeight(lines) : undefined });
      if (lines > 1) tall++;
    }
    expect(tall).toBeGreaterThan(0);
  });

  test("the footer names the sheet and the page in Arial", () => {
    expect(plan.print?.footer).toBe('&L&9&"Arial,Regular"Scorecard Rules&R&9&"Arial,Regular"Page &P of &N');
  });

  test("the notes list the valid roles; mapping is empty by default", () => {
    const empty = gridFromPlan(layoutRulesSheet(RAG, { columnOverrides: [] }));
    const note = empty.values[rowOf(empty, "Column mapping") + 1][0];
    expect(String(note)).toContain("refAndName");
    expect(String(note)).toContain("periodTarget");
    expect(read(empty).settings.columnOverrides).toEqual([]);
  });
});

// ---- edits change the scheme ----

describe("edits", () => {
  const polarity = "Higher is better";
  const ninetyOne = { polarity, target: 100, actual: 91 };

  test("colour and tolerance edits change the scheme and the rating (rule: RULES §4.5 tolerance)", () => {
    const grid = sheetFor(RAG);
    const red = statusRowOf(grid, "Indicator", "red");
    set(grid, red, STATUS_COL.fill, "#FF0000");
    set(grid, red, STATUS_COL.font, "FFFFFF");
    setSetting(grid, "Tolerance", "10%");
    const { scheme, problems } = read(grid);
    const redStatus = scheme.indicator.find((s) => s.key === "red");
    expect(redStatus).toMatchObject({ fill: "#FF0000", font: "#FFFFFF" });
    expect(scheme.tolerance).toEqual({ kind: "relative", value: 0.1 });
    expect(rateIndicator(scheme, ninetyOne).status).toBe("amber");
    expect(rateIndicator(RAG, ninetyOne).status).toBe("red");
    // Pure red on white is 4.0:1 by WCAG: used as written, with a warning on the Font cell.
    expect(contrastRatio("#FF0000", "#FFFFFF")).toBeLessThan(4.5);
    expect(problems).toEqual([expect.objectContaining({ cell: toA1(red, STATUS_COL.font), severity: "warning", message: expect.stringMatching(/contrast/) })]);
  });

  test("a dark red fill with white text passes 4.5:1 and raises nothing", () => {
    const grid = sheetFor(RAG);
    const red = statusRowOf(grid, "Indicator", "red");
    set(grid, red, STATUS_COL.fill, "#c00000");
    set(grid, red, STATUS_COL.font, "white");
    const { scheme, problems } = read(grid);
    expect(scheme.indicator[2]).toMatchObject({ fill: "#C00000", font: "#FFFFFF" });
    expect(problems).toEqual([]);
  });

  test("label, meaning, symbol and aliases are edited; the new label and symbol are accepted as ratings", () => {
    const grid = sheetFor(RAG);
    const green = statusRowOf(grid, "Indicator", "green");
    set(grid, green, STATUS_COL.label, "Target achieved");
    set(grid, green, STATUS_COL.meaning, "At or above target");
    set(grid, green, STATUS_COL.symbol, "☺");
    set(grid, green, STATUS_COL.aliases, "green; g | spot on");
    const { scheme, problems } = read(grid);
    expect(scheme.indicator[0]).toMatchObject({ label: "Target achieved", description: "At or above target", symbol: "☺", aliases: ["green", "g", "spot on", "Target achieved", "☺"] });
    expect(matchRating(scheme, "indicator", "Spot on")?.key).toBe("green");
    expect(matchRating(scheme, "indicator", "target achieved")?.key).toBe("green");
    expect(problems).toEqual([]);
  });

  // Excel turns typed "5%" into 0.05 with a % format, and dates into Date cells or serials.
  test.each([
    ["Tolerance", 0.1, "0%", (s: Scheme) => s.tolerance, { kind: "relative", value: 0.1 }],
    ["Tolerance", 0.5, "General", (s: Scheme) => s.tolerance, { kind: "absolute", value: 0.5 }],
    ["Tolerance", "2 pts", "@", (s: Scheme) => s.tolerance, { kind: "points", value: 2 }],
    ["Static band", 0.02, "0%", (s: Scheme) => s.staticBand, 0.02],
    ["Static band", "2%", "@", (s: Scheme) => s.staticBand, 0.02],
    ["Exceed margin", "10%", "@", (s: Scheme) => s.exceedMargin, 0.1],
    ["Exceed margin", "", "@", (s: Scheme) => s.exceedMargin, undefined],
    ["Expected progress slack", "10 pts", "@", (s: Scheme) => s.expectedProgress, { slack: 0.1 }],
    ["Expected progress slack", 10, "General", (s: Scheme) => s.expectedProgress, { slack: 0.1 }],
    ["Warning window (days)", 45, "General", (s: Scheme) => s.warningDays, 45],
    ["Warning window (days)", "14 days", "@", (s: Scheme) => s.warningDays, 14],
    ["Trend periods", "1", "@", (s: Scheme) => s.trendPeriods, 1],
    ["Activity source", "Manual", "@", (s: Scheme) => s.activitySource, "manual"],
    ["Exception levels", "bad, closed", "@", (s: Scheme) => s.exceptionLevels, ["bad", "closed"]],
    ["Exception levels", "none", "@", (s: Scheme) => s.exceptionLevels, []],
    ["Scheme name", "Derby 2011", "@", (s: Scheme) => s.name, "Derby 2011"],
  ] as [string, CellValue, string, (s: Scheme) => unknown, unknown][])("%s = %p (format %s)", (label, value, format, pick, expected) => {
    const grid = sheetFor(RAG);
    setSetting(grid, label, value, format);
    const { scheme, problems } = read(grid);
    expect(pick(scheme)).toEqual(expected);
    expect(problems).toEqual([]);
  });

  test.each([
    ["ISO text", "2011-03-31", "@"],
    ["UK text", "31/03/2011", "@"],
    ["a Date cell", new Date(Date.UTC(2011, 2, 31)), "dd/mm/yyyy"],
    ["an Excel serial", 40633, "dd/mm/yyyy"],
  ] as [string, CellValue, string][])("report date as %s", (_name, value, format) => {
    const grid = sheetFor(RAG);
    setSetting(grid, "Report date", value, format);
    expect(read(grid).settings.reportDate).toBe("2011-03-31");
  });

  test("blank report settings are unset", () => {
    const grid = sheetFor(RAG);
    for (const label of ["Reporting period", "Report date", "Committee", "Report title"]) setSetting(grid, label, "");
    expect(read(grid).settings).toEqual({ preset: "rag", columnOverrides: SETTINGS.columnOverrides });
  });

  test("changing Scheme to another preset gives that preset, keeping only the settings the user changed", () => {
    const grid = sheetFor(RAG);
    const cell = setSetting(grid, "Scheme", "dudley");
    const plain = read(grid);
    expect(plain.scheme).toEqual(DUDLEY);
    expect(plain.settings.preset).toBe("dudley");
    expect(plain.problems).toEqual([expect.objectContaining({ cell, severity: "warning", message: expect.stringMatching(/changed from rag to dudley/) })]);
    setSetting(grid, "Tolerance", "8%");
    expect(read(grid).scheme).toEqual({ ...DUDLEY, tolerance: { kind: "relative", value: 0.08 } });
  });
});

// ---- bad values: a problem naming the cell, the default kept, the rest still read ----

type BadCase = [rule: string, edit: (g: SheetGrid) => string, severity: "error" | "warning", message: RegExp, check: (s: Scheme, settings: RulesSettings) => unknown, expected: unknown];
const bad: BadCase[] = [
  ["unreadable tolerance", (g) => setSetting(g, "Tolerance", "lots"), "error", /Tolerance "lots" cannot be read/, (s) => s.tolerance, RAG.tolerance],
  ["negative tolerance", (g) => setSetting(g, "Tolerance", -0.1, "0%"), "error", /Tolerance/, (s) => s.tolerance, RAG.tolerance],
  ["blank tolerance", (g) => setSetting(g, "Tolerance", ""), "warning", /blank/, (s) => s.tolerance, RAG.tolerance],
  ["warning window not a number", (g) => setSetting(g, "Warning window (days)", "soon"), "error", /whole number/, (s) => s.warningDays, 30],
  ["trend periods must be 1 or 3", (g) => setSetting(g, "Trend periods", "2"), "error", /1 or 3/, (s) => s.trendPeriods, 3],
  ["static band unreadable", (g) => setSetting(g, "Static band", "a bit"), "error", /Static band/, (s) => s.staticBand, 0.01],
  ["exceed margin unreadable", (g) => setSetting(g, "Exceed margin", "big"), "error", /Exceed margin/, (s) => s.exceedMargin, undefined],
  ["activity source unknown", (g) => setSetting(g, "Activity source", "robot"), "error", /computed or manual/, (s) => s.activitySource, "computed"],
  ["exception levels name no level", (g) => setSetting(g, "Exception levels", "purple"), "error", /no level/, (s) => s.exceptionLevels, ["near", "bad"]],
  ["exception levels: unknown word left out", (g) => setSetting(g, "Exception levels", "bad, dire"), "warning", /"dire" is not a level/, (s) => s.exceptionLevels, ["bad"]],
  ["report date unreadable", (g) => setSetting(g, "Report date", "31st of never"), "error", /not a date/, (_s, st) => st.reportDate, undefined],
  ["period not Q1–Q4 of a real year: kept as written, reported", (g) => setSetting(g, "Reporting period", "Autumn"), "error", /not a quarter and financial year.*titles and headers instead/, (_s, st) => st.period, "Autumn"],
  ["quarter 5: kept as written, reported", (g) => setSetting(g, "Reporting period", "Q5 2010/11"), "error", /no quarter 5/, (_s, st) => st.period, "Q5 2010/11"],
  ["unknown scheme", (g) => setSetting(g, "Scheme", "bogus"), "error", /not one of/, (s) => s.key, "rag"],
  [
    "unreadable fill colour",
    (g) => statusCell(g, "Indicator", "amber", "fill", "pinkish"),
    "error",
    /fill colour "pinkish" cannot be read/,
    (s) => s.indicator[1].fill,
    RAG.indicator[1].fill,
  ],
  ["unreadable font colour", (g) => statusCell(g, "Activity", "overdue", "font", "#GGGGGG"), "error", /font colour/, (s) => s.activity[3].font, RAG.activity[3].font],
  ["white on white is used but warned", (g) => statusCell(g, "Indicator", "nodata", "font", "#F2F2F2"), "warning", /contrast of 1\.0:1/, (s) => s.indicator[3].font, "#F2F2F2"],
  ["a changed level is ignored", (g) => statusCell(g, "Indicator", "red", "level", "good"), "warning", /levels are fixed/, (s) => s.indicator[2].level, "bad"],
  ["a blank label keeps the preset's", (g) => statusCell(g, "Activity", "ontrack", "label", ""), "warning", /label is blank/, (s) => s.activity[1].label, "On track"],
  ["an unknown status key", (g) => statusCell(g, "Indicator", "red", "key", "purple"), "error", /No indicator status "purple"/, (s) => s.indicator.map((x) => x.key), RAG.indicator.map((x) => x.key)],
  ["an alias that names two statuses", (g) => statusCell(g, "Indicator", "red", "aliases", "red | green"), "warning", /"green" is accepted for both green and red/, (s) => matchRating(s, "indicator", "green")?.key, "green"],
  ["an unknown role", (g) => mappingCell(g, "PIs", 2, "boss"), "error", /Role "boss" is not one of/, (_s, st) => st.columnOverrides.length, 1],
  ["a mapping without a header", (g) => mappingCell(g, "PIs", 1, ""), "error", /needs the sheet's name and the column's header/, (_s, st) => st.columnOverrides.length, 1],
];

function statusCell(g: SheetGrid, kind: "Indicator" | "Activity", key: string, column: keyof typeof STATUS_COL | "key", value: CellValue): string {
  const row = statusRowOf(g, kind, key);
  const col = column === "key" ? 1 : STATUS_COL[column];
  set(g, row, col, value);
  return toA1(row, col);
}

function mappingCell(g: SheetGrid, sheet: string, col: number, value: CellValue): string {
  const row = rowOf(g, sheet);
  set(g, row, col, value);
  return toA1(row, col);
}

describe("bad values", () => {
  test.each(bad)("%s", (_rule, edit, severity, message, check, expected) => {
    const grid = sheetFor(RAG);
    const cell = edit(grid);
    // A good edit elsewhere still applies: one bad cell never stops the rest.
    setSetting(grid, "Committee", "Cabinet");
    const { scheme, settings, problems } = read(grid);
    expect(problems).toContainEqual({ sheet: RULES_SHEET, cell, severity, message: expect.stringMatching(message) });
    expect(check(scheme, settings)).toEqual(expected);
    expect(settings.committee).toBe("Cabinet");
  });

  test("a role is matched whatever its case and spacing", () => {
    const grid = sheetFor(RAG);
    mappingCell(grid, "PIs", 2, "Annual Target");
    expect(read(grid).settings.columnOverrides[0]).toEqual({ sheet: "PIs", header: "Q3 YTD Actual", role: "annualTarget" });
  });
});

// ---- recognising our layout ----

describe("recognising the layout", () => {
  test.each([
    ["an officer's tracker named Scorecard Rules", [["Ref", "Indicator", "Target", "Actual"], ["PI 1", "Visits", 10, 12]]],
    ["the title but no Scheme row", [["Scorecard Rules"], ["Notes about our rules"], ["Scheme owner", "Jo"]]],
    ["an empty sheet", []],
  ] as [string, CellValue[][]][])("%s is not ours", (_name, values) => {
    expect(readRulesSheet({ name: RULES_SHEET, values })).toBeUndefined();
  });

  test("inserted blank rows and note rows between and inside sections do not matter", () => {
    const grid = sheetFor(PRESETS.pentana);
    insertRow(grid, rowOf(grid, "Statuses"), []);
    insertRow(grid, rowOf(grid, "Statuses"), ["Note: colours agreed with the Head of Policy, May 2011"]);
    insertRow(grid, rowOf(grid, "Column mapping"), ["Ask the performance team before changing these."]);
    insertRow(grid, rowOf(grid, "Column mapping"), []);
    insertRow(grid, rowOf(grid, "Tolerance"), ["(changed for 2011/12)"]);
    insertRow(grid, statusRowOf(grid, "Activity", "completed"), ["Activities follow"]);
    set(grid, rowOf(grid, "Tolerance"), 1, "10%");
    const { scheme, settings, problems } = read(grid);
    expect(problems).toEqual([]);
    expect(scheme).toEqual({ ...PRESETS.pentana, tolerance: { kind: "relative", value: 0.1 } });
    expect(settings).toEqual({ ...SETTINGS, preset: "pentana" });
  });

  test("a grid whose values start below A1 (two rows inserted above the title) is read in sheet coordinates", () => {
    const grid = sheetFor(RAG);
    const row = rowOf(grid, "Tolerance");
    set(grid, row, 1, "lots");
    const shifted: SheetGrid = { ...grid, origin: { row: 2, col: 0 } };
    expect(read(shifted).problems.map((p) => p.cell)).toEqual([toA1(row + 2, 1)]);
  });
});
