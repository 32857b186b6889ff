// Which cells of our own column hold an officer's value (trackers/foreign.ts): our old statuses, under a
// symbol or label since edited, and our checks are ours to write again; an officer's figures are not.
import { colourTrackers } from "../../src/engine/trackers/colour";
import { PRESETS } from "../../src/engine/scheme/presets";
import { rateWorkbook } from "../../src/engine/rate/workbook";
import type { PlanValue, SheetPlan } from "../../src/engine/vocab/plan";
import type { CellValue, Scheme, SheetGrid } from "../../src/engine/vocab/types";

function colour(grid: SheetGrid, scheme: Scheme = PRESETS.rag): SheetPlan {
  const result = rateWorkbook([grid], { scheme, reportDate: "2023-09-30" });
  return colourTrackers(scheme, [grid], result.tables, result.rated)[0];
}
function valuesOf(plan: SheetPlan): Map<string, PlanValue> {
  const values = new Map<string, PlanValue>();
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => values.set(`${b.row + i},${b.col + j}`, v)));
  return values;
}
function applied(grid: SheetGrid, plan: SheetPlan): SheetGrid {
  const values = grid.values.map((r) => [...r]);
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => {
    const row = (values[b.row + i] ??= []);
    while (row.length < b.col + j) row.push(null);
    row[b.col + j] = v as CellValue;
  }));
  return { ...grid, values };
}
/** RAG with green's symbol and label edited on the rules sheet (as rules-sheet-statuses.ts does: own label and symbol become aliases). */
function edited(symbol: string, label: string): Scheme {
  const indicator = PRESETS.rag.indicator.map((s) => (s.key === "green" ? { ...s, symbol, label, aliases: [...s.aliases, symbol, label] } : s));
  return { ...PRESETS.rag, indicator };
}

const tracker: SheetGrid = {
  name: "KPIs",
  values: [
    ["Ref", "Measure", "Polarity", "Target", "Q2 Actual", "RAG"],
    ["HS01", "Households in temporary accommodation", "Lower", 120, 118, "Green"],
    ["HS02", "Rent collected", "Higher", 0.98, 0.9, "Green"],
  ],
};

describe("our own status, written under a letter/digit symbol, then its label edited", () => {
  test.each([["G"], ["1"], ["OK"]])("symbol %s: 'On target' renamed 'Achieved' rewrites the old status", (symbol) => {
    const first = applied(tracker, colour(tracker, edited(symbol, "On target")));
    expect(first.values[1][6]).toBe(`${symbol} On target`);
    const plan = colour(first, edited(symbol, "Achieved"));
    expect(plan.leaveAlone ?? []).toEqual([]); // "G On target" reads as a target heading, but it is ours
    expect(valuesOf(plan).get("1,6")).toBe(`${symbol} Achieved`);
  });
});

describe("our own check text, beside a status cell the officer emptied", () => {
  const grid: SheetGrid = { ...tracker, values: tracker.values.map((r, i) => (i === 2 ? [...r.slice(0, 5), "Green"] : r)) };
  test("is ours: rewritten, and Apply twice is the same", () => {
    const once = applied(grid, colour(grid));
    const check = once.values[2][7];
    expect(String(check)).toMatch(/^manual Green, rules say/);
    const cleared: SheetGrid = { ...once, values: once.values.map((r, i) => (i === 2 ? [...r.slice(0, 6), null, check] : r)) };
    const plan = colour(cleared);
    expect(plan.leaveAlone ?? []).toEqual([]); // the check reads as a figure and a target heading, but it is ours
    expect(valuesOf(plan).has("2,7")).toBe(true);
  });
});

describe("with the add-in's record of the cells it wrote", () => {
  // Our Status (auto) E and Check (auto) F, written on rows 1–2; then the header below (row 3) was typed
  // over, and its rows' RAG and notes sit under our columns.
  const grid: SheetGrid = {
    name: "KPIs",
    values: [
      ["Ref", "Measure", "Polarity", "Target", "Status (auto)", "Check (auto)", "Q2 Actual", "RAG"],
      ["HS01", "Rent collected", "Higher", 0.98, "✓ On target", "manual Red, rules say On target — Q2 Actual 99% against target 98%", 0.99, "Red"],
      [250, "Measure", "Polarity", "Target", "RAG", "Notes", null, null],
      ["EN03", "Missed bins", "Lower", 50, "Amber", "Crews short in August", null, null],
    ],
  };
  const record = { has: (row: number, col: number) => row <= 1 && (col === 4 || col === 5) };
  const foreign = (): Set<string> => {
    const result = rateWorkbook([grid], { scheme: PRESETS.rag, reportDate: "2023-09-30" });
    const [plan] = colourTrackers(PRESETS.rag, [grid], result.tables, result.rated, { KPIs: record });
    return new Set((plan.leaveAlone ?? []).map((c) => `${c.row},${c.col}`));
  };

  test("the officer's text under our check column is theirs too; our check is ours", () => {
    const theirs = foreign();
    expect(["2,4", "2,5", "3,4", "3,5"].filter((k) => theirs.has(k))).toEqual(["2,4", "2,5", "3,4", "3,5"]);
    expect(["1,4", "1,5"].filter((k) => theirs.has(k))).toEqual([]);
  });
});
