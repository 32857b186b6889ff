import { sideBySideProblems } from "../../src/engine/detect/side-by-side";
import { detectTables } from "../../src/engine/detect/tables";
import { rateWorkbook } from "../../src/engine/rate/workbook";
import { PRESETS } from "../../src/engine/scheme/presets";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

function grid(rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name: "Dashboard", values: rows, ...extra };
}

const oneRow = grid([
  ["Ref", "Indicator", "Polarity", "Target", "Actual", null, "Ref", "Action", "Status", "Due date"],
  ["PI01", "Waste recycled", "Higher is better", 100, 110, null, "AC1", "Deliver action 1", "Completed", "31/03/2011"],
  ["PI02", "Library visits", "Higher is better", 100, 97, null, "AC2", "Deliver action 2", "In progress", "31/03/2011"],
]);

/** helper-57's odd_side_by_side: quarters merged over Target | Actual, the activity table beside them. */
const twoRows = grid(
  [
    ["Council Performance Report Quarter 3", null, null, null, null, null, null, null, null, null, null, null, null, null],
    [],
    ["Ref", "Indicator", "Polarity", "Q1 2010/11", null, "Q2 2010/11", null, "Q3 2010/11", null, null, "Ref", "Action", "Status", "Due date"],
    [null, null, null, "Target", "Actual", "Target", "Actual", "Target", "Actual", null, null, null, null, null],
    ["PI01", "Waste recycled", "Higher is better", 200, 160, 300, 240, 100, 110, null, "AC1", "Deliver action 1", "Completed", "31/03/2011"],
  ],
  { merges: [{ top: 2, left: 0, bottom: 3, right: 0 }, { top: 2, left: 1, bottom: 3, right: 1 }, { top: 2, left: 2, bottom: 3, right: 2 }, { top: 2, left: 3, bottom: 2, right: 4 }, { top: 2, left: 5, bottom: 2, right: 6 }, { top: 2, left: 7, bottom: 2, right: 8 }] },
);

describe("tables side by side under one header row", () => {
  test.each([
    ["one header row", oneRow, "A1", '"Ref … Actual" and "Ref … Due date"'],
    ["quarters merged over Target | Actual (helper-57)", twoRows, "A3", '"Ref … Q3 2010/11" and "Ref … Due date"'],
  ] as [string, SheetGrid, string, string][])("%s: no table is read, and the run names the row rather than leaving the records out with no word", (_, g, cell, spans) => {
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ tables: result.tables.length, problems: result.problems }).toEqual({
      tables: 0,
      problems: [
        {
          sheet: "Dashboard",
          cell,
          severity: "error",
          message: `2 tables sit side by side under one header row here (${spans}), so neither is read and their records are left out. Put each table below the other, or on a sheet of its own, and run again.`,
        },
      ],
    });
  });

  test.each([
    [
      "one table with a blank column inside it",
      grid([
        ["Ref", "Indicator", "Target", "Actual", null, "Lead", "Comments"],
        ["PI01", "Waste recycled", 100, 110, null, "J Smith", "On track"],
      ]),
    ],
    [
      "a table whose header is printed again down the page",
      grid([
        ["Ref", "Indicator", "Polarity", "Target", "Actual"],
        ["PI01", "Waste recycled", "Higher is better", 100, 110],
        [],
        ["Ref", "Indicator", "Polarity", "Target", "Actual"],
        ["PI02", "Library visits", "Higher is better", 100, 97],
      ]),
    ],
    [
      "a table beside a legend",
      grid([
        ["Ref", "Indicator", "Polarity", "Target", "Actual", null, "Symbol", "Meaning"],
        ["PI01", "Waste recycled", "Higher is better", 100, 110, null, "✓", "On target"],
      ]),
    ],
  ] as [string, SheetGrid][])("%s: read as before, with no such problem", (_, g) => {
    const found = detectTables(g);
    expect(found.length).toBeGreaterThan(0);
    expect(sideBySideProblems(g, found)).toEqual([]);
  });

  test("under a table, such a row ends it: its rows are not read with the columns of the table above (nor is the row itself a record)", () => {
    const g = grid([
      ["Ref", "Indicator", "Target", "Actual", "Polarity"],
      ["PI09", "Complaints answered", 90, 95, "Higher is better"],
      [],
      ["Ref", "Indicator", "Polarity", "Target", "Actual", null, "Ref", "Action", "Status", "Due date"],
      ["PI01", "Waste recycled", "Higher is better", 100, 110, null, "AC1", "Deliver action 1", "Completed", "31/03/2011"],
    ]);
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ tables: result.tables.map((t) => [t.headerRow, t.lastRow]), rated: result.rated.map((r) => r.record.ref), problems: result.problems.map((p) => `${p.sheet}!${p.cell}`) }).toEqual({
      tables: [[0, 1]],
      rated: ["PI09"],
      problems: ["Dashboard!A4"],
    });
  });

  test("beside a sheet that is read, the side-by-side sheet's row is named among the run's problems", () => {
    const kpis = { name: "KPIs", values: [["Ref", "Indicator", "Polarity", "Target", "Actual"], ["PI09", "Complaints answered", "Higher is better", 90, 95]] } as SheetGrid;
    const result = rateWorkbook([kpis, oneRow], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ rated: result.rated.map((r) => r.record.ref), problems: result.problems.map((p) => `${p.sheet}!${p.cell}`) }).toEqual({ rated: ["PI09"], problems: ["Dashboard!A1"] });
  });
});
