// Grids as trackers really arrive: merged cells, odd headers, errors, blanks, huge and empty sheets.
import { readRecords } from "../../src/engine/detect/records";
import { detectTables } from "../../src/engine/detect/tables";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

function grid(rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name: "Messy", values: rows, ...extra };
}

function read(g: SheetGrid) {
  const tables = detectTables(g);
  return { tables, ...readRecords(g, tables) };
}

const blanks = (n: number): CellValue[][] => Array.from({ length: n }, () => []);

describe("messy grids", () => {
  test("empty sheet: no tables, no records, no throw", () => {
    for (const values of [[], [[]], [[null, null], [null, "  "]]] as CellValue[][][]) {
      expect(read(grid(values))).toEqual({ tables: [], records: [], problems: [] });
    }
  });

  test("a sheet of prose has no table", () => {
    const g = grid([
      ["Quarterly Corporate Performance Management Report"],
      ["This Summary is taken from the third Quarterly Corporate Performance Management Report of 2010/11."],
      ["Section 1:", "Introduction", "Page 3"],
      ["Section 2:", "Reporting on Council Action Plan Priorities", "Page 4"],
      ["Icon", "Status", "Description"],
      ["", "Completed", "The action has been completed"],
    ]);
    expect(read(g)).toEqual({ tables: [], records: [], problems: [] });
  });

  test("merged cells: a merged title, a merged section row inside the table, a header merged over two columns", () => {
    const g = grid(
      [
        ["Key Performance Indicators", null, null, null, null],
        ["Ref", "Definition", null, "Actual", "Target"],
        ["Safer streets", null, null, null, null],
        ["S1", "Crimes recorded", "(all)", 8204, 10459],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 0, right: 4 },
          { top: 1, left: 1, bottom: 1, right: 2 },
          { top: 2, left: 0, bottom: 2, right: 4 },
        ],
      },
    );
    const { tables, records } = read(g);
    expect(tables.map((t) => t.columns.map((c) => c.header))).toEqual([["Ref", "Definition", "Actual", "Target"]]);
    expect(records.map((r) => [r.ref, r.name, r.priority, r.actual?.cell])).toEqual([["S1", "Crimes recorded", "Safer streets", "D4"]]);
  });

  test("two-row header read into records: year group over quarters", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "2021/22", null, null, "Comment"],
        [null, null, "Q1", "Q2", "Target", null],
        ["H1", "Homes built", 100, 210, 400, "On track"],
      ],
      { merges: [{ top: 0, left: 2, bottom: 0, right: 4 }] },
    );
    const { tables, records } = read(g);
    expect(tables[0]).toMatchObject({ headerRow: 0, headerHeight: 2, firstRow: 2 });
    expect(records[0]).toMatchObject({ periodLabel: "2021/22 Q2", actual: { cell: "D3", value: 210 }, target: { cell: "E3", value: 400 } });
    expect(records[0].series.map((s) => s.label)).toEqual(["2021/22 Q1", "2021/22 Q2"]);
  });

  test("numbers stored as text and formula errors are copied as they are", () => {
    const { records, problems } = read(
      grid([
        ["Ref", "Measure", "Actual", "Target"],
        ["M1", "Crimes", "11,428", "Less than 10,459"],
        ["M2", "Rate", { error: "#DIV/0!" }, { error: "#N/A" }],
        ["M3", "Share", "46% (Provisional)", true],
      ]),
    );
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.actual?.text, r.target?.text])).toEqual([
      ["11,428", "Less than 10,459"],
      ["#DIV/0!", "#N/A"],
      ["46% (Provisional)", "TRUE"],
    ]);
    expect(records[1].actual?.value).toEqual({ error: "#DIV/0!" });
  });

  test("100 blank rows in the middle of a table do not end it", () => {
    const g = grid([["Ref", "Action", "Progress", "Due date"], ["A1", "Plan", 0.5, "31/03/2024"], ...blanks(100), ["A2", "Consult", 0.1, "30/06/2024"]]);
    const { tables, records } = read(g);
    expect(tables.map((t) => [t.firstRow, t.lastRow])).toEqual([[1, 102]]);
    expect(records.map((r) => [r.ref, r.row])).toEqual([
      ["A1", 2],
      ["A2", 103],
    ]);
  });

  test("other header wording and column order", () => {
    const { tables, records } = read(
      grid([
        ["Owner", "Outturn", "Measure name", "PI Ref", "Target", "RAG", "Polarity", "Tolerance", "Met Council Average", "Dept"],
        ["Jo Bloggs", 0.82, "Invoices paid on time", "FIN 01", 0.9, "A", "Higher is better", "5%", 0.88, "Finance"],
      ]),
    );
    expect(tables[0].kind).toBe("indicator");
    expect(records[0]).toMatchObject({
      ref: "FIN 01",
      name: "Invoices paid on time",
      lead: "Jo Bloggs",
      directorate: "Finance",
      actual: { cell: "B2", value: 0.82 },
      target: { cell: "E2", value: 0.9 },
      manual: { cell: "F2", text: "A" },
      polarity: { cell: "G2", text: "Higher is better" },
      tolerance: { cell: "H2", text: "5%" },
    });
    expect(records[0].comparators).toMatchObject([{ label: "Met Council Average", field: { cell: "I2", value: 0.88, text: "0.88" } }]);
  });

  test("a table starting at row 40, column D (padded values)", () => {
    const pad = (row: CellValue[]): CellValue[] => [null, null, null, ...row];
    const g = grid([...blanks(39), pad(["Ref", "Action", "Status", "Due date"]), pad(["A1", "Plan", "Green", "31/03/2024"])]);
    const { tables, records } = read(g);
    expect(tables[0]).toMatchObject({ headerRow: 39, firstRow: 40, lastRow: 40 });
    expect(records[0]).toMatchObject({ row: 41, manual: { cell: "F41" }, due: { cell: "G41" } });
  });

  test("a table starting at row 40, column D (grid origin)", () => {
    const g = grid([["Ref", "Action", "Status"], ["A1", "Plan", "Green"]], { origin: { row: 39, col: 3 } });
    const { records } = read(g);
    expect(records[0]).toMatchObject({ row: 41, ref: "A1", manual: { cell: "F41", value: "Green" } });
  });

  test("hidden rows are still read", () => {
    const g = grid([["Ref", "Action", "Status"], ["A1", "Plan", "Green"], ["A2", "Hidden action", "Red"]], { hiddenRows: [2] });
    expect(read(g).records.map((r) => r.ref)).toEqual(["A1", "A2"]);
  });

  test("ragged rows and rows wider than the header", () => {
    const g = grid([["Ref", "Action", "Status"], ["A1"], ["A2", "Consult", "Green", "extra", "cells"], ["A3", "Review"]]);
    expect(read(g).records.map((r) => [r.ref, r.name, r.manual?.text])).toEqual([
      ["A1", "", ""],
      ["A2", "Consult", "Green"],
      ["A3", "Review", ""],
    ]);
  });

  test("month columns entered as dates", () => {
    const d = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1));
    const g = grid([["Ref", "Measure", d(2023, 4), d(2023, 5), d(2023, 6), "Target"], ["M1", "Calls answered", 0.91, 0.93, 0.95, 0.9]]);
    const { tables, records } = read(g);
    expect(tables[0].columns.map((c) => c.header)).toEqual(["Ref", "Measure", "Apr 2023", "May 2023", "Jun 2023", "Target"]);
    expect(records[0]).toMatchObject({ periodLabel: "Jun 2023", actual: { cell: "E2", value: 0.95 } });
    expect(records[0].series.map((s) => s.field.value)).toEqual([0.91, 0.93, 0.95]);
  });

  test("activity rows whose names contain header words are data, not repeated headers", () => {
    const g = grid([
      ["Ref", "Action", "Status"],
      ["A1", "Produce Food Service Action Plan", "Green"],
      ["A2", "Project Board", "Status report"],
      ["A3", "Name", "Description"],
    ]);
    expect(read(g).records.map((r) => r.ref)).toEqual(["A1", "A2", "A3"]);
  });

  test("a 20,000-row sheet: every row is read", () => {
    const rows: CellValue[][] = [["Ref", "Indicator", "Q1 Actual", "Q2 YTD Actual", "Q2 YTD Target", "Polarity", "Lead Officer", "Comment"]];
    for (let i = 0; i < 20000; i++) {
      rows.push([`KPI${i}`, `Indicator number ${i}`, i, i * 2, i * 2 + 1, "Higher is better", `Officer ${i % 50}`, i % 7 === 0 ? `Comment ${i}` : null]);
      if (i % 1000 === 999) rows.push(["Section " + (i + 1)]);
    }
    const { tables, records, problems } = read(grid(rows));
    expect(tables).toHaveLength(1);
    expect(records).toHaveLength(20000);
    expect(problems).toEqual([]);
    expect(records[19999]).toMatchObject({ ref: "KPI19999", actual: { value: 39998 }, target: { value: 39999 }, priority: "Section 19000" });
  });

  test("a 20,000-row activity sheet of text only", () => {
    const rows: CellValue[][] = [["Ref", "Action Title", "Status", "Lead Officer", "Update"]];
    for (let i = 0; i < 20000; i++) rows.push([`ACT${i}`, `Produce action plan number ${i} for the service`, i % 3 ? "In Progress" : "Completed", "Jo Bloggs", `Update on plan ${i}: on track.`]);
    const { records } = read(grid(rows));
    expect(records).toHaveLength(20000);
    expect(records[123]).toMatchObject({ ref: "ACT123", name: "Produce action plan number 123 for the service" });
  });
});

describe("headers merged across columns", () => {
  test("the data column under a merged header is the one holding the data (Derby)", () => {
    const g = grid(
      [
        ["Performance Indicator", null, "08/09 actual", "09/10 target", "09/10 actual"],
        ["LAA", "Rate of hospital admissions per 100,000", "2,020", "2,230", "2,475"],
        [null, "Drug-related (Class A) offending rate", "-25.6%", "<0.0%", "-24.1%"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] },
    );
    const { tables, records } = read(g);
    expect(tables[0].columns[0]).toMatchObject({ col: 1, header: "Performance Indicator", role: "name" });
    expect(records.map((r) => r.name)).toEqual(["Rate of hospital admissions per 100,000", "Drug-related (Class A) offending rate"]);
  });

  test("a merged header over data in its first column stays there (Dudley)", () => {
    const g = grid([["Ref", "Definition", null, "Actual", "Target"], ["S1", "Crimes recorded", null, 8204, 10459]], { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] });
    expect(read(g).records[0]).toMatchObject({ ref: "S1", name: "Crimes recorded" });
  });
});

describe("title rows inside a table", () => {
  test("a title over two cells is skipped, not read as a record", () => {
    const g = grid([["Ref", "Measure", "Actual", "Target"], ["M1", "Homes", 10, 12], ["Key Performance Indicators", "2021/22"], ["M2", "Jobs", 5, 6]]);
    expect(read(g).records.map((r) => r.ref)).toEqual(["M1", "M2"]);
  });
});
