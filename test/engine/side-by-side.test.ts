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
          message: `This header row reads as 2 tables side by side (${spans}), which are not read: their records are left out. If they are separate tables, put one below the other or on a sheet of its own; if they are one table, give it one Ref and one name column.`,
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

  test.each([
    ["", [], []],
    [" after a build wrote our column beside the table above (helper-64)", ["Status (auto)"], ["✓ On target"]],
  ] as [string, CellValue[], CellValue[]][])("under a table%s, such a row ends it: its rows are not read with the columns of the table above (nor is the row itself a record)", (_, ours, status) => {
    const g = grid([
      ["Ref", "Indicator", "Target", "Actual", "Polarity", ...ours],
      ["PI09", "Complaints answered", 90, 95, "Higher is better", ...status],
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

  test.each([
    [
      "one table's header with a gap, printed again down the page (helper-64's c08b)",
      grid([
        ["KPI", "Polarity", "Target", "Actual", "RAG", null, "Action", "Lead", "Due date"],
        ["PI1 Indicator 1", "Higher is better", 50, 48, null, null, "Improve 1", "JS", "31/03/2011"],
        [],
        ["KPI", "Polarity", "Target", "Actual", "RAG", null, "Action", "Lead", "Due date"],
        ["PI4 Indicator 4", "Higher is better", 50, 57, null, null, "Improve 4", "JS", "31/03/2011"],
      ]),
      2,
    ],
    [
      "the header printed again with a legend beside it (helper-64's c10)",
      grid([
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "RAG", null, null, null],
        ["PI1", "Recycling", "Higher is better", 50, 45, "Red", null, null, null],
        [],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "RAG", null, "Status", "Definition"],
        ["PI3", "Sickness", "Lower is better", 9, 10, "Red", null, "Red", "Below target"],
        ["PI4", "Complaints", "Lower is better", 50, 40, "Green", null, "Green", "On target"],
      ]),
      3,
    ],
  ] as [string, SheetGrid, number][])("%s: every record read, no row of headings taken for one, and no error", (_, g, records) => {
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ refs: result.rated.length, problems: result.problems.filter((p) => p.severity === "error") }).toEqual({ refs: records, problems: [] });
    expect(result.rated.map((r) => r.record.ref)).not.toContain("Ref");
  });

  test("the table's header printed again with another table beside it: the table goes on, and the other is named as not read (helper-64's rerun of c14)", () => {
    const g = grid([
      ["Ref", "Indicator", "Polarity", "Target", "Actual", "RAG", "Status (auto)"],
      ["PI1", "Recycling", "Higher is better", 50, 45, "Red", "▲ Off target"],
      [],
      ["Ref", "Indicator", "Polarity", "Target", "Actual", "RAG", null, "Ref", "Action", "Status", "Due date"],
      ["PI3", "Sickness", "Lower is better", 9, 10, "Red", null, "A1", "Do x", "Completed", "31/03/2011"],
    ]);
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ rated: result.rated.map((r) => r.record.ref), problems: result.problems }).toEqual({
      rated: ["PI1", "PI3"],
      problems: [
        {
          sheet: "Dashboard",
          cell: "H4",
          severity: "warning",
          message: `Beside this table's header, printed again here, "Ref … Due date" reads as another table's header; that table is not read, and any records there are left out. If it is a table, put it below the other or on a sheet of its own.`,
        },
      ],
    });
  });

  test.each([
    [
      "a data row whose Yes/No cells read as header words ('No' is a ref word) (helper-65's s16d)",
      grid([
        ["Ref", "Action", "Funded?", "Status", "Due date", "Slipped?", "Progress"],
        ["A1", "Refresh website", "Yes", "In progress", "31/03/2011", "No", "50%"],
        ["A2", "Review fees", "No", "Complete", null, "No", "Complete"],
        ["A3", "Adopt local plan", "Yes", "In progress", "31/03/2011", "Yes", "60%"],
      ]),
      ["A1", "A2", "A3"],
      [],
    ],
    [
      "two legends side by side above the table (helper-65's s02)",
      grid([
        ["Symbol", "RAG", "Definition", null, "Symbol", "Progress", "Definition"],
        ["R", "Red", "Off target", null, "0%", "0%", "Not started"],
        [],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "RAG"],
        ["PI1", "Recycling", "Higher is better", 50, 45, "Red"],
      ]),
      ["PI1"],
      [],
    ],
    [
      "a two-row header printed again with a legend beside it (helper-65's s04)",
      grid(
        [
          ["Ref", "Indicator", "Polarity", "Q3 2010/11", null, null, null, null, null],
          [null, null, null, "Target", "Actual", "RAG", null, null, null],
          ["PI1", "Recycling", "Higher is better", 50, 45, "Red", null, null, null],
          [],
          ["Ref", "Indicator", "Polarity", "Q3 2010/11", null, null, null, "Status", "Definition"],
          [null, null, null, "Target", "Actual", "RAG", null, "Red", "Off target"],
          ["PI3", "Sickness", "Lower is better", 9, 10, "Red", null, null, null],
        ],
        { merges: [{ top: 0, left: 3, bottom: 0, right: 5 }, { top: 4, left: 3, bottom: 4, right: 5 }] },
      ),
      ["PI1", "PI3"],
      [],
    ],
  ] as [string, SheetGrid, string[], string[]][])("%s: every record read, no error, nothing beside it taken for a table", (_, g, refs, warned) => {
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({
      refs: result.rated.map((r) => r.record.ref),
      errors: result.problems.filter((p) => p.severity === "error"),
      warned: result.problems.filter((p) => p.message.includes("printed again here")).map((p) => `${p.sheet}!${p.cell}`),
    }).toEqual({ refs, errors: [], warned });
  });

  test.each([
    ["a column of no role beside the actions ('DoT')", ["Ref", "KPI", "Target", "Actual", "DoT", null, "Ref", "Action", "Status", "Due date"]],
    ["'Risks' in the action table", ["Ref", "Indicator", "Target", "Actual", null, "Ref", "Action", "Risks", "Status", "Due date"]],
  ] as [string, CellValue[]][])("side by side, %s: still named (helper-66)", (_, header) => {
    const g = grid([header, ["PI1", "Recycling", 50, 45, "Up", null, "A1", "Do x", "Completed", "31/03/2011"]]);
    expect(sideBySideProblems(g, detectTables(g)).map((p) => p.cell)).toEqual(["A1"]);
  });

  test("the header printed again in other words ('RAG Status' for 'RAG'), another table beside it: the table goes on (helper-66's e02)", () => {
    const g = grid([
      ["Ref", "Indicator", "Polarity", "Target", "Actual", "RAG"],
      ["PI1", "Recycling", "Higher is better", 50, 45, "Red"],
      [],
      ["Ref", "Indicator (cont.)", "Polarity", "Target", "Actual", "RAG Status", null, "Ref", "Action", "Status", "Due date"],
      ["PI3", "Sickness", "Lower is better", 9, 10, "Red", null, "A1", "Do x", "Completed", "31/03/2011"],
    ]);
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ refs: result.rated.map((r) => r.record.ref), problems: result.problems.map((p) => `${p.severity} ${p.cell}`) }).toEqual({ refs: ["PI1", "PI3"], problems: ["warning H4"] });
  });

  test("a two-row header printed again as 'Q3 2010/11 (cont)', another table beside it: the table goes on (helper-66's e04)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Polarity", "Q3 2010/11", null, null],
        [null, null, null, "Target", "Actual", "RAG"],
        ["PI1", "Recycling", "Higher is better", 50, 45, "Red"],
        [],
        ["Ref", "Indicator", "Polarity", "Q3 2010/11 (cont)", null, null, null, "Ref", "Action", "Status", "Due date"],
        [null, null, null, "Target", "Actual", "RAG"],
        ["PI3", "Sickness", "Lower is better", 9, 10, "Red", null, "A1", "Do x", "Completed", "31/03/2011"],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 5 }, { top: 4, left: 3, bottom: 4, right: 5 }] },
    );
    const result = rateWorkbook([g], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ refs: result.rated.map((r) => r.record.ref), errors: result.problems.filter((p) => p.severity === "error") }).toEqual({ refs: ["PI1", "PI3"], errors: [] });
  });

  test("three tables: each is named", () => {
    const g = grid([["Ref", "Indicator", "Target", "Actual", null, "Ref", "Action", "Status", "Due date", null, "Code", "Project", "Lead", "Due date"]]);
    expect(sideBySideProblems(g, detectTables(g)).map((p) => p.message)).toEqual([expect.stringContaining('This header row reads as 3 tables side by side ("Ref … Actual", "Ref … Due date" and "Code … Due date"), which are not read')]);
  });

  test("beside a sheet that is read, the side-by-side sheet's row is named among the run's problems", () => {
    const kpis = { name: "KPIs", values: [["Ref", "Indicator", "Polarity", "Target", "Actual"], ["PI09", "Complaints answered", "Higher is better", 90, 95]] } as SheetGrid;
    const result = rateWorkbook([kpis, oneRow], { scheme: PRESETS.rag, reportDate: "2010-12-31" });
    expect({ rated: result.rated.map((r) => r.record.ref), problems: result.problems.map((p) => `${p.sheet}!${p.cell}`) }).toEqual({ rated: ["PI09"], problems: ["Dashboard!A1"] });
  });
});

describe("a header naming its records twice (helper-90)", () => {
  test.each([
    ["a row number and a code", ["No.", "PI Code", "Indicator", "Polarity", "Target", "Actual"], '"No." and "PI Code"', "A1"],
    ["two name columns", ["Ref", "Indicator", "Measure", "Polarity", "Target", "Actual"], '"Indicator" and "Measure"', "B1"],
  ] as const)("%s: the table left out is named once, at its header, with what to do", (_name, header, names, cell) => {
    const row = (i: number): CellValue[] => (header[0] === "No." ? [i, `PI0${i}`, `Measure ${i}`, "Higher is better", 100, 90 + i] : [`PI0${i}`, `Measure ${i}`, `Definition ${i}`, "Higher is better", 100, 90 + i]);
    const g = grid([[...header], row(1), row(2), [...header], row(3)]);
    const problems = sideBySideProblems(g, detectTables(g));
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([[cell, "error"]]);
    expect(problems[0].message).toContain(`${names} both name its records, so the table is not read`);
  });

  test("a tracker read as usual, a side-by-side row and a plain list raise none of it", () => {
    const tracker = grid([["Ref", "Indicator", "Polarity", "Target", "Actual"], ["PI01", "Waste recycled", "Higher is better", 100, 110]]);
    const list = grid([["Name", "Title", "Team"], ["J Smith", "Officer", "Housing"]]);
    expect(sideBySideProblems(tracker, detectTables(tracker))).toEqual([]);
    expect(sideBySideProblems(list, detectTables(list))).toEqual([]);
    expect(sideBySideProblems(oneRow, detectTables(oneRow)).map((p) => p.message)).toEqual([expect.stringContaining("side by side")]);
  });
});
