// readXlsx: a workbook made here with ExcelJS, saved, then read back as SheetGrids.
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/xlsx";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

async function tracker(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Indicators");
  ws.getCell("A1").value = "Quarterly Corporate Performance Management Report";
  ws.mergeCells("A1:D1");
  ws.getRow(3).values = ["Ref.", "Definition", "Q3 YTD Actual", "Due"];
  ws.getCell("A4").value = "SSC 01.1";
  ws.getCell("B4").value = { richText: [{ text: "Overall crimes " }, { font: { bold: true }, text: "recorded" }] };
  ws.getCell("C4").value = 8204;
  ws.getCell("D4").value = new Date(Date.UTC(2021, 5, 30));
  ws.getCell("D4").numFmt = "dd/mm/yyyy";
  ws.getCell("A5").value = "NI 059";
  ws.getCell("B5").value = { text: "Initial assessments", hyperlink: "https://example.org/ni059" };
  ws.getCell("C5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  ws.getCell("D5").value = true;
  ws.getCell("A6").value = "NI 062";
  ws.getCell("B6").value = { formula: "\"Looked after\"&\" children\"", result: "Looked after children" } as ExcelJS.CellValue;
  ws.getCell("C6").value = { formula: "0.119", result: 0.119 } as ExcelJS.CellValue;
  ws.getCell("C6").numFmt = "0.0%";
  ws.getCell("D6").value = { error: "#N/A" } as ExcelJS.CellValue;
  ws.getRow(6).hidden = true;
  // Formatting far below and to the right must not widen the grid.
  ws.getCell("K40").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };

  const t = wb.addWorksheet("Key Tasks");
  t.addTable({
    name: "KeyTasks",
    ref: "B2",
    headerRow: true,
    columns: [{ name: "Status" }, { name: "Action Title" }, { name: "Progress" }],
    rows: [
      ["Completed", "COMS1821_13.1 Produce Food Service Action Plan 2021", 1],
      ["In Progress", "COMS1922_01.2 Produce an updated Neighbourhood Action Plan", 0.1],
    ],
  });
  wb.addWorksheet("Empty");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let grids: SheetGrid[];
beforeAll(async () => {
  grids = (await readXlsx(await tracker())).grids;
});

const sheet = (name: string): SheetGrid => {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no grid ${name}`);
  return g;
};

describe("readXlsx values", () => {
  const cases: { rule: string; sheet: string; cell: [number, number]; expected: CellValue }[] = [
    { rule: "text from shared strings", sheet: "Indicators", cell: [0, 0], expected: "Quarterly Corporate Performance Management Report" },
    { rule: "covered cell of a merge is empty", sheet: "Indicators", cell: [0, 1], expected: null },
    { rule: "number", sheet: "Indicators", cell: [3, 2], expected: 8204 },
    { rule: "rich text becomes plain text", sheet: "Indicators", cell: [3, 1], expected: "Overall crimes recorded" },
    { rule: "date stays a Date (UTC)", sheet: "Indicators", cell: [3, 3], expected: new Date(Date.UTC(2021, 5, 30)) },
    { rule: "hyperlink becomes its text", sheet: "Indicators", cell: [4, 1], expected: "Initial assessments" },
    { rule: "formula error result", sheet: "Indicators", cell: [4, 2], expected: { error: "#DIV/0!" } },
    { rule: "boolean", sheet: "Indicators", cell: [4, 3], expected: true },
    { rule: "formula text result", sheet: "Indicators", cell: [5, 1], expected: "Looked after children" },
    { rule: "formula number result", sheet: "Indicators", cell: [5, 2], expected: 0.119 },
    { rule: "error cell", sheet: "Indicators", cell: [5, 3], expected: { error: "#N/A" } },
    { rule: "empty cell inside the used area", sheet: "Indicators", cell: [1, 0], expected: null },
    { rule: "table header", sheet: "Key Tasks", cell: [1, 1], expected: "Status" },
    { rule: "table number", sheet: "Key Tasks", cell: [3, 3], expected: 0.1 },
  ];
  test.each(cases)("$rule", ({ sheet: name, cell: [r, c], expected }) => {
    expect(sheet(name).values[r][c]).toEqual(expected);
  });
});

describe("readXlsx shape and metadata", () => {
  test("origin is A1 and trailing empty rows and columns are trimmed", () => {
    const g = sheet("Indicators");
    expect(g.origin).toEqual({ row: 0, col: 0 });
    expect(g.values).toHaveLength(6);
    expect(g.values.every((row) => row.length === 4)).toBe(true);
    expect(g.numberFormats?.map((row) => row.length)).toEqual([4, 4, 4, 4, 4, 4]);
  });
  test("number formats per cell", () => {
    const f = sheet("Indicators").numberFormats;
    expect(f?.[5][2]).toBe("0.0%");
    expect(f?.[3][3]).toBe("dd/mm/yyyy");
    expect(f?.[3][2]).toBe("General");
  });
  test("merges in zero-based sheet coordinates", () => {
    expect(sheet("Indicators").merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
  });
  test("hidden rows", () => {
    expect(sheet("Indicators").hiddenRows).toEqual([5]);
  });
  test("Excel tables with their full range", () => {
    expect(sheet("Key Tasks").tables).toEqual([{ name: "KeyTasks", range: { top: 1, left: 1, bottom: 3, right: 3 } }]);
  });
  test("an empty sheet gives an empty grid", () => {
    expect(sheet("Empty").values).toEqual([]);
  });
  test("sheets come in tab order", () => {
    expect(grids.map((g) => g.name)).toEqual(["Indicators", "Key Tasks", "Empty"]);
  });
});
