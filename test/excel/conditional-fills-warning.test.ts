// An officer's conditional format over our status column (banding over A4:Z100, a rule colouring whole rows)
// shows its fill instead of the status colours where its rule holds. The command line reads the rules from the
// file; the add-in reads each format's kind once the statuses are written, warns, and leaves the rule as it is.
import { applyColoursCommand, buildSummaryCommand } from "../../src/excel";
import { createFakeExcel, type FakeSheetInit } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

type Formats = FakeSheetInit["conditionalFormats"];

/** The 12-row tracker (header in row 3, records in rows 4 to 15, our columns K:L) with conditional formats on its indicators sheet. */
function trackerWith(conditionalFormats: Formats, apiVersion?: string) {
  const init = generatedTracker(12);
  init.sheets[0] = { ...init.sheets[0], conditionalFormats };
  return createFakeExcel({ ...init, ...(apiVersion ? { apiVersion } : {}) });
}

const told = (problems: { sheet: string; cell?: string; message: string }[]): string[] =>
  problems.filter((p) => p.message.includes("Conditional Formatting")).map((p) => `${p.sheet}!${p.cell}: ${p.message}`);

describe("a conditional format over our status columns", () => {
  test("Apply colours warns of a formula rule over the whole table that may fill cells, read with the formats about to change (4 syncs, PRODUCT.md's bar)", async () => {
    const fake = trackerWith([{ type: "Custom", areas: ["A4:Z100"] }]);
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({ told: told(result.run.result.problems), syncs: result.syncs, sent: fake.stats.syncs, status: fake.sheet("Indicators")!.cell("K4").value }).toEqual({
      told: [
        "Indicators!K3: The statuses of this table are written in columns K:L, under conditional formatting (a formula rule) that may fill cells: where its rule holds, any fill it sets shows instead of the status colour (Home > Conditional Formatting > Manage Rules, rules for This Worksheet).",
      ],
      syncs: 4,
      sent: 4,
      status: expect.stringMatching(/^. /),
    });
  });

  test("a rule that may fill text is named, not a colour scale beside it (which formats numbers only); Build summary warns too", async () => {
    const fake = trackerWith([
      { type: "ColorScale", areas: ["B2:B3", "L10:L12"] },
      { type: "CellValue", areas: ["K4:K15"] },
    ]);
    const result = await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    expect(told(result.run.result.problems)).toEqual([
      "Indicators!K3: The statuses of this table are written in columns K:L, under conditional formatting (a cell value rule) that may fill cells: where its rule holds, any fill it sets shows instead of the status colour (Home > Conditional Formatting > Manage Rules, rules for This Worksheet).",
    ]);
  });

  test("no warning for data bars, icon sets, colour scales or top and bottom rules over our columns (our statuses are text), nor for rules beside, above or below them", async () => {
    const fake = trackerWith([
      { type: "DataBar", areas: ["K4:K15"] },
      { type: "IconSet", areas: ["L4:L15"] },
      { type: "ColorScale", areas: ["K4:L15"] },
      { type: "TopBottom", areas: ["K:L"] },
      { type: "Custom", areas: ["A4:J15", "M4:Z15"] },
      { type: "ContainsText", areas: ["K1:L2", "K17:L40"] },
    ]);
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect(told(result.run.result.problems)).toEqual([]);
  });

  test("a rule Office.js fails to list (office-js#6827) costs a warning and the request, not the command: the colours are written, and a chart over them is still named", async () => {
    const init = generatedTracker(12);
    init.sheets[0] = { ...init.sheets[0], conditionalFormats: [{ type: "CellValue", areas: ["K4:K15"], unlisted: true }], drawings: [{ kind: "chart", cells: "L6:R20", name: "Trend chart" }] };
    const fake = createFakeExcel(init);
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({
      told: result.run.result.problems.filter((p) => /could not be read|move it to see/.test(p.message)).map((p) => `${p.sheet}!${p.cell}: ${p.message}`),
      syncs: result.syncs,
      sent: fake.stats.syncs,
      status: fake.sheet("Indicators")!.cell("K4").value,
      message: result.message,
    }).toEqual({
      told: [
        "Indicators!K3: The conditional formatting over the statuses could not be read (This operation is not permitted for the current object.): check that no rule's fill hides their colours (Home > Conditional Formatting > Manage Rules, rules for This Worksheet).",
        "Activities!H1: The conditional formatting over the statuses could not be read (This operation is not permitted for the current object.): check that no rule's fill hides their colours (Home > Conditional Formatting > Manage Rules, rules for This Worksheet).",
        'Indicators!K3: The statuses of this table are written in columns K:L, under a chart ("Trend chart"): move it to see the statuses.',
      ],
      syncs: 4,
      sent: 4,
      status: expect.stringMatching(/^. /),
      message: expect.stringMatching(/^Coloured /),
    });
  });
});

describe("the fake's Range.conditionalFormats, as Office.js lists them", () => {
  test("the formats with an area meeting the range, highest priority first; the list must be loaded before it is read", async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: "S",
          values: [[1]],
          conditionalFormats: [
            { type: "IconSet", areas: ["C1:C9"] },
            { type: "Custom", areas: ["A1:A2", "E5"] },
            { type: "ColorScale", areas: ["F1:F9"] },
          ],
        },
      ],
    });
    const kinds = await fake.run(async (context) => {
      const formats = context.workbook.worksheets.getItem("S").getRange("C5:E5").conditionalFormats.load("items/type");
      await context.sync();
      return formats.items.map((f) => f.type);
    });
    expect(kinds).toEqual(["IconSet", "Custom"]);
    await expect(
      fake.run(async (context) => {
        const formats = context.workbook.worksheets.getItem("S").getRange("C5").conditionalFormats;
        await context.sync();
        return formats.items.length;
      }),
    ).rejects.toThrow(/is not available/);
  });

  test("conditional formats need ExcelApi 1.6", async () => {
    const old = trackerWith([{ type: "Custom", areas: ["A4:Z100"] }], "1.5");
    await expect(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Indicators").getRange("K4").conditionalFormats.load("items/type");
        await context.sync();
      }),
    ).rejects.toThrow(/ExcelApi 1\.6/);
  });
});
