// Issue 12 item 3 (RULES §2 symbols): a key or legend block written under a table is not a record.
import { readRecords } from "../../src/engine/detect/records";
import { detectTables } from "../../src/engine/detect/tables";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const header: CellValue[] = ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Status"];
const rows: CellValue[][] = [
  ["CS1", "Burglaries", "Lower", 100, 90, "★"],
  ["CS2", "Robberies", "Lower", 50, 60, "▲"],
];

function refsOf(extra: CellValue[][], head: CellValue[] = header, body: CellValue[][] = rows): string[] {
  const grid: SheetGrid = { name: "KPIs", values: [head, ...body, ...extra] };
  return readRecords(grid, detectTables(grid)).records.map((r) => r.ref || r.name);
}

const cases: [string, CellValue[][]][] = [
  ["RULES §2 key block: a 'Key' heading and entries", [[], ["Key"], ["★", "Better than target limits"], ["●", "Within target limits"], ["▲", "Worse than target limits"]]],
  ["RULES §2 key block: 'Key:' with entries across columns", [[], ["Key:"], [null, "Green", "On target"], [null, "Amber", "Within tolerance"], [null, "Red", "Off target"]]],
  ["RULES §2 key block: entries with no heading", [[], ["★", "Better than target limits"], ["●", "Within target limits"], ["▲", "Worse than target limits"]]],
  ["RULES §2 key block: one-cell lines", [[], ["★ = Better than target limits"], ["● = Within target limits"], ["▲ = Worse than target limits"]]],
  ["RULES §2 key block: a legend heading and sentences", [[], ["Legend"], ["Ratings are the officer's own"], ["Figures are provisional"]]],
];

describe("readRecords: RULES §2 a key under a table is not a record", () => {
  test.each(cases)("%s", (_name, extra) => {
    expect(refsOf(extra)).toEqual(["CS1", "CS2"]);
  });

  test("RULES §2 key block: a record after a key heading with figures is still a record", () => {
    expect(refsOf([["Key"], ["★", "Better than target limits"], ["CS3", "Thefts", "Lower", 10, 9, "★"]])).toEqual(["CS1", "CS2", "CS3"]);
  });

  test("a text-only action plan's rows are records, though their words read like a key's (helper-121: its Red and Amber actions vanished)", () => {
    const head: CellValue[] = ["Ref", "Action", "RAG"];
    const body: CellValue[][] = [
      ["CP1", "Reduce sickness absence to the corporate target", "R"],
      ["CP2", "Deliver the Local Plan to the agreed schedule", "A"],
      ["CP3", "Refresh the customer access strategy", "G"],
    ];
    expect(refsOf([], head, body)).toEqual(["CP1", "CP2", "CP3"]);
    // A key under it, mark first in the ref column, is still a key; so is one with its words in the action column
    // and its marks in the rating column, where the words are statuses' labels (helper-122).
    expect(refsOf([[], ["R", "Behind schedule"], ["A", "At risk of missing its target"], ["G", "On target"]], head, body)).toEqual(["CP1", "CP2", "CP3"]);
    expect(refsOf([[], [null, "On target", "G"], [null, "Within tolerance", "A"], [null, "Off target", "R"]], head, body)).toEqual(["CP1", "CP2", "CP3"]);
    const kpis: CellValue[][] = [[], ["On target", null, null, null, null, "Green"], ["Within tolerance", null, null, null, null, "Amber"], ["Off target", null, null, null, null, "Red"]];
    expect(refsOf(kpis)).toEqual(["CS1", "CS2"]);
  });

  test("RULES §2 key block: a lone activity row of a rating and a status word stays a record", () => {
    const head: CellValue[] = ["Ref", "Action", "Status", "Update", "Due date"];
    const body: CellValue[][] = [
      ["A1", "Open the new hub", "★", "On schedule", "31/03/2011"],
      ["A2", "On schedule", "★"],
      ["A3", "Review the plan", "●", "Slipping", "31/01/2011"],
    ];
    expect(refsOf([], head, body)).toEqual(["A1", "A2", "A3"]);
  });
});

describe("readRecords: review of issue 12 finding H, a key with no heading under a table", () => {
  const noHeading: [string, CellValue[][]][] = [
    ["Red | Off target, Green | On target", [[], ["Red", "Off target"], ["Green", "On target"]]],
    ["across columns, as the table's ref and name", [[], [null, "Red", "Off target"], [null, "Amber", "Within tolerance"], [null, "Green", "On target"]]],
    ["straight under the last record", [["Red", "Off target"], ["Amber", "Within tolerance"], ["Green", "On target"]]],
    ["RAG letters", [[], ["R", "Off target"], ["A", "Within tolerance"], ["G", "On target"]]],
    ["in the status column", [[], [null, null, null, null, null, "Red"], [null, null, null, null, null, "Green"]]],
  ];
  test.each(noHeading)("%s", (_name, extra) => {
    expect(refsOf(extra)).toEqual(["CS1", "CS2"]);
  });
});
