// The fake's charts are as strict as Office.js documents them, so the host's chart calls are checked
// against the real rules: enumerations, series name length, ranges of one row or column on the
// chart's own sheet, requirement sets, protected sheets, loading before reading.
import type { XlRequestContext, XlWorksheet } from "../../src/excel/api";
import { createFakeExcel } from "../../src/fake-excel";

const book = (apiVersion?: string) =>
  createFakeExcel({
    sheets: [
      { name: "Data", values: [["Q1", "Q2", "Q3"], [1, 2, 3], [4, 5, 6]] },
      { name: "Other", values: [["x"]] },
    ],
    ...(apiVersion ? { apiVersion } : {}),
  });

/** The error code a batch fails with, or "ok". */
async function outcome(fake: ReturnType<typeof book>, batch: (ws: XlWorksheet, ctx: XlRequestContext) => void): Promise<string> {
  try {
    await fake.run(async (ctx) => {
      batch(ctx.workbook.worksheets.getItem("Data"), ctx);
      await ctx.sync();
    });
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

const row = (ws: XlWorksheet, r: number) => ws.getRange(`A${r}:C${r}`);

test("a line chart: series by rows or columns as asked, one per row or column of the source", async () => {
  const fake = book();
  expect(await outcome(fake, (ws) => ws.charts.add("Line", ws.getRange("A2:C3"), "Rows"))).toBe("ok");
  expect(await outcome(fake, (ws) => ws.charts.add("Line", ws.getRange("A2:C3"), "Columns"))).toBe("ok");
  expect(await outcome(fake, (ws) => ws.charts.add("Line", ws.getRange("A2:C3")))).toBe("ok");
  expect(fake.charts("Data")?.map((c) => [c.name, c.series.map((s) => s.values)])).toEqual([
    ["Chart 1", ["Data!A2:C2", "Data!A3:C3"]],
    ["Chart 2", ["Data!A2:A3", "Data!B2:B3", "Data!C2:C3"]],
    ["Chart 3", ["Data!A2:C2", "Data!A3:C3"]],
  ]);
});

test("arguments outside the documented values are refused", async () => {
  const fake = book();
  const cases: [string, (ws: XlWorksheet) => void][] = [
    ["seriesBy", (ws) => ws.charts.add("Line", row(ws, 2), "Diagonal" as "Rows")],
    ["chart type", (ws) => ws.charts.add("Sparkle" as "Line", row(ws, 2))],
    ["series name of 256 characters", (ws) => (ws.charts.add("Line", row(ws, 2)).series.getItemAt(0).name = "x".repeat(256))],
    ["line style", (ws) => (ws.charts.add("Line", row(ws, 2)).series.getItemAt(0).format.line.lineStyle = "Dashed" as "Dash")],
    ["marker style", (ws) => (ws.charts.add("Line", row(ws, 2)).series.getItemAt(0).markerStyle = "Blob" as "None")],
    ["line colour", (ws) => (ws.charts.add("Line", row(ws, 2)).series.getItemAt(0).format.line.color = "blueish")],
    ["legend position", (ws) => (ws.charts.add("Line", row(ws, 2)).legend.position = "Middle" as "Bottom")],
    ["values over two rows", (ws) => ws.charts.add("Line", row(ws, 2)).series.add("B").setValues(ws.getRange("A2:C3"))],
    ["a series past the end", (ws) => (ws.charts.add("Line", row(ws, 2)).series.getItemAt(1).name = "B")],
    ["placed on another sheet's cells", (ws, ctx?: XlRequestContext) => ws.charts.add("Line", row(ws, 2)).setPosition((ctx as XlRequestContext).workbook.worksheets.getItem("Other").getRange("A1"))],
    ["an end cell above the start", (ws) => ws.charts.add("Line", row(ws, 2)).setPosition("D10", "F5")],
    ["a title font of 0 points", (ws) => (ws.charts.add("Line", row(ws, 2)).title.format.font.size = 0)],
  ];
  const codes: Record<string, string> = {};
  for (const [what, batch] of cases) codes[what] = await outcome(fake, batch as (ws: XlWorksheet, ctx: XlRequestContext) => void);
  expect(codes).toEqual({
    seriesBy: "InvalidArgument",
    "chart type": "NotImplemented",
    "series name of 256 characters": "InvalidArgument",
    "line style": "InvalidArgument",
    "marker style": "InvalidArgument",
    "line colour": "InvalidArgument",
    "legend position": "InvalidArgument",
    "values over two rows": "InvalidArgument",
    "a series past the end": "ItemNotFound",
    "placed on another sheet's cells": "InvalidArgument",
    "an end cell above the start": "InvalidArgument",
    "a title font of 0 points": "InvalidArgument",
  });
});

test("series values, x-axis values, line style and markers need ExcelApi 1.7", async () => {
  const fake = book("1.6");
  expect(await outcome(fake, (ws) => ws.charts.add("Line", row(ws, 2)).series.getItemAt(0).setValues(row(ws, 3)))).toBe("ApiNotFound");
  expect(await outcome(fake, (ws) => ws.charts.add("Line", row(ws, 2)).series.add("B"))).toBe("ApiNotFound");
  expect(await outcome(fake, (ws) => (ws.charts.add("Line", row(ws, 2)).series.getItemAt(0).format.line.lineStyle = "Dash"))).toBe("ApiNotFound");
  expect(await outcome(fake, (ws) => (ws.charts.add("Line", row(ws, 2)).title.text = "Fine in 1.1"))).toBe("ok");
});

test("no chart on a protected sheet; a deleted sheet's charts go with it", async () => {
  const fake = book();
  fake.setProtected("Data", true);
  expect(await outcome(fake, (ws) => ws.charts.add("Line", row(ws, 2)))).toBe("AccessDenied");
  fake.setProtected("Data", false);
  expect(await outcome(fake, (ws) => ws.charts.add("Line", row(ws, 2)))).toBe("ok");
  expect(await outcome(fake, (ws) => ws.delete())).toBe("ok");
  expect(fake.charts("Data")).toBeUndefined();
});

test("chart properties are read only after a load, and every call counts in the request", async () => {
  const fake = book();
  const names = await fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Data");
    const chart = ws.charts.add("Line", row(ws, 2), "Rows");
    chart.title.text = "Figures by quarter";
    chart.setPosition("E2", "J12");
    expect(() => chart.name).toThrow(/not available/);
    const all = ws.charts.load("items/name");
    await ctx.sync();
    return all.items.map((c) => c.name);
  });
  expect(names).toEqual(["Chart 1"]);
  expect(fake.stats.requests[0].ops).toBe(4);
  expect(fake.charts("Data")?.[0]).toMatchObject({ title: "Figures by quarter", position: "E2:J12" });
});
