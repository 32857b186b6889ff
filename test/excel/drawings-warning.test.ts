// A chart, picture or shape an officer placed where our status column goes hides the statuses. The add-in
// reads, in points, where the drawings and our columns sit once the colours are written (Office.js gives no
// drawing's cells), in the write's last request, warns as the command line does, and leaves the drawing where it is.
import { applyColoursCommand, buildSummaryCommand } from "../../src/excel";
import { createFakeExcel, type FakeSheetInit } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

type Drawings = FakeSheetInit["drawings"];

/** The 12-row tracker (header in row 3, records in rows 4 to 15, our columns K:L) with drawings on its indicators sheet. */
function trackerWith(drawings: Drawings, columnWidths?: Record<number, number>) {
  const init = generatedTracker(12);
  init.sheets[0] = { ...init.sheets[0], drawings, ...(columnWidths ? { columnWidths } : {}) };
  return createFakeExcel(init);
}

const told = (problems: { sheet: string; cell?: string; message: string }[]): string[] => problems.filter((p) => p.message.includes("move it to see")).map((p) => `${p.sheet}!${p.cell}: ${p.message}`);

describe("a drawing over our status column", () => {
  test("Apply colours warns of a chart over the checks column, naming it, in no more requests; the chart stays where it was", async () => {
    const fake = trackerWith([{ kind: "chart", cells: "L6:R20", name: "Trend chart" }]);
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const plain = await applyColoursCommand(createFakeExcel(generatedTracker(12)).run, SETTINGS, TODAY);
    expect({ told: told(result.run.result.problems), syncs: result.syncs - plain.syncs, chart: fake.charts("Indicators")?.map((c) => c.position), status: fake.sheet("Indicators")!.cell("K4").value }).toEqual({
      told: ['Indicators!K3: The statuses of this table are written in columns K:L, under a chart ("Trend chart"): move it to see the statuses.'],
      syncs: 0,
      chart: ["L6:R20"],
      status: expect.stringMatching(/^. /),
    });
  });

  test("Build summary warns too; a picture and a shape are named as such", async () => {
    for (const [kind, word] of [["picture", "a picture"], ["shape", "a shape"]] as const) {
      const fake = trackerWith([{ kind, cells: "K10:M11", name: "Logo" }]);
      const result = await buildSummaryCommand(fake.run, SETTINGS, TODAY);
      expect(told(result.run.result.problems)).toEqual([`Indicators!K3: The statuses of this table are written in columns K:L, under ${word} ("Logo"): move it to see the statuses.`]);
    }
  });

  test("no warning for drawings beside, above or below our columns, for a hidden shape, or one only touching their edge", async () => {
    const fake = trackerWith([
      { kind: "chart", cells: "M2:R20" },
      { kind: "chart", cells: "K17:P30" },
      { kind: "picture", cells: "K1:L2" },
      { kind: "shape", cells: "K5:L9", visible: false },
      { kind: "shape", cells: "C20:J25" },
    ]);
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect(told(result.run.result.problems)).toEqual([]);
  });

});

describe("the fake's points, as Office.js reports them", () => {
  test("a range's place follows the widths, a hidden column is 0 wide, a chart sits over its cells and a new one is 360 by 216", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [[1]], columnWidths: { 1: 100 }, hiddenColumns: [{ first: 2, last: 2 }], drawings: [{ kind: "chart", cells: "B2:D3" }] }] });
    const read = await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const range = ws.getRange("B2:D3").load("left,top,width,height");
      ws.charts.add("Line", ws.getRange("A1"));
      const charts = ws.charts.load("items/name,items/left,items/top,items/width,items/height");
      await context.sync();
      return { range: [range.left, range.top, range.width, range.height], charts: charts.items.map((c) => [c.left, c.top, c.width, c.height]) };
    });
    expect(read).toEqual({ range: [48, 15, 148, 30], charts: [[48, 15, 148, 30], [0, 0, 360, 216]] });
  });

  test("geometry must be loaded before it is read, and shapes need ExcelApi 1.9", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [[1]] }] });
    await expect(fake.run(async (context) => context.workbook.worksheets.getItem("S").getRange("A1").left)).rejects.toThrow(/is not available/);
    const old = createFakeExcel({ sheets: [{ name: "S", values: [[1]], drawings: [{ kind: "picture", cells: "B2" }] }], apiVersion: "1.8" });
    await expect(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("S").shapes.load("items/name");
        await context.sync();
      }),
    ).rejects.toThrow(/ExcelApi 1\.9/);
  });
});
