// The two live-colour settings of the Scorecard Rules sheet (issue 13): "Keep colours up to date" and
// "Help officers type ratings", yes/no, off by default, written and read back like the other settings.
import { toA1 } from "../../src/engine/vocab/address";
import { RAG } from "../../src/engine/scheme/presets";
import { layoutRulesSheet, readRulesSheet, RULES_SHEET, type RulesSettings } from "../../src/engine/rules-sheet/rules-sheet";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

/** The rules sheet's plan as the grid a host would read back. */
function sheetFor(settings: RulesSettings): SheetGrid {
  const plan = layoutRulesSheet(RAG, settings);
  const values: CellValue[][] = [];
  for (const b of plan.blocks) {
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        while (values.length <= b.row + i) values.push([]);
        values[b.row + i][b.col + j] = v;
      }),
    );
  }
  const width = Math.max(...values.map((r) => r.length));
  for (const r of values) for (let c = 0; c < width; c++) r[c] ??= null;
  return { name: plan.sheet, values };
}

function rowOf(grid: SheetGrid, label: string): number {
  const row = grid.values.findIndex((r) => r[0] === label);
  if (row < 0) throw new Error(`no row labelled ${label}`);
  return row;
}

function setSetting(grid: SheetGrid, label: string, value: CellValue): string {
  const row = rowOf(grid, label);
  grid.values[row][1] = value;
  return toA1(row, 1);
}

const LIVE = "Keep colours up to date";
const HELP = "Help officers type ratings";

describe("live colour settings", () => {
  test.each([
    ["both off (the default)", {}, "no", "no"],
    ["live colours on", { liveColours: true }, "yes", "no"],
    ["rating help on", { ratingHelp: true }, "no", "yes"],
    ["both on", { liveColours: true, ratingHelp: true }, "yes", "yes"],
  ] as const)("%s: written as yes/no and read back the same", (_name, extra, liveText, helpText) => {
    const settings: RulesSettings = { preset: "rag", columnOverrides: [], ...extra };
    const grid = sheetFor(settings);
    expect(grid.values[rowOf(grid, LIVE)][1]).toBe(liveText);
    expect(grid.values[rowOf(grid, HELP)][1]).toBe(helpText);
    const back = readRulesSheet(grid);
    expect(back?.settings).toEqual(settings);
    expect(back?.problems).toEqual([]);
  });

  test.each([
    ["Yes", true],
    ["YES ", true],
    ["on", true],
    [true, true],
    ["no", undefined],
    ["", undefined],
    [null, undefined],
    [false, undefined],
  ] as [CellValue, true | undefined][])("%p reads as %p, with no problem", (value, expected) => {
    const grid = sheetFor({ preset: "rag", columnOverrides: [] });
    setSetting(grid, LIVE, value);
    setSetting(grid, HELP, value);
    const back = readRulesSheet(grid);
    expect(back?.settings.liveColours).toBe(expected);
    expect(back?.settings.ratingHelp).toBe(expected);
    expect(back?.problems).toEqual([]);
  });

  test("an unreadable value is an error at its cell and leaves the setting off", () => {
    const grid = sheetFor({ preset: "rag", columnOverrides: [], liveColours: true });
    const cell = setSetting(grid, LIVE, "sometimes");
    const back = readRulesSheet(grid);
    expect(back?.settings.liveColours).toBeUndefined();
    expect(back?.problems).toEqual([{ sheet: RULES_SHEET, cell, severity: "error", message: expect.stringMatching(/Keep colours up to date "sometimes" cannot be read: write yes or no/) }]);
  });

  test("a rules sheet written before these settings existed reads them as off", () => {
    const grid = sheetFor({ preset: "rag", columnOverrides: [], liveColours: true, ratingHelp: true });
    grid.values.splice(rowOf(grid, LIVE), 1);
    grid.values.splice(rowOf(grid, HELP), 1);
    const back = readRulesSheet(grid);
    expect(back?.settings.liveColours).toBeUndefined();
    expect(back?.settings.ratingHelp).toBeUndefined();
    expect(back?.problems).toEqual([]);
  });
});
