// Excel tables and merged section rows beside the column the add-in owns.
import { applyColoursCommand, detectScorecard, removeColoursCommand } from "../../src/excel";
import type { FakeWorkbookInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

/** Indicators as an Excel table (A3:J13), with row 8 a section heading merged across to column N. */
function tracker(opts: { apiVersion?: string; section?: boolean } = {}): FakeWorkbookInit {
  const wb = generatedTracker(10);
  const ind = wb.sheets[0];
  if (opts.section) {
    ind.values![7] = ["Waste and recycling"];
    ind.merges = ["A8:N8"];
  }
  ind.tables = [{ name: "Indicators2122", address: "A3:J13" }];
  return { ...wb, apiVersion: opts.apiVersion };
}

describe("Excel tables", () => {
  test("the fake grows a table over a value written just right of it or just below it, as Excel's AutoCorrect does", async () => {
    const fake = createFakeExcel(tracker());
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Indicators");
      ws.getRange("K5").values = [["typed"]];
      ws.getRange("C14").values = [["typed"]];
      ws.getRange("M5").values = [["not beside"]];
      await context.sync();
    });
    expect(fake.sheet("Indicators")!.tables).toEqual([{ name: "Indicators2122", address: "A3:K14" }]);
  });

  test("Apply colours keeps one blank column between the table and Status (auto), so the table does not grow", async () => {
    const fake = createFakeExcel(tracker());
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const s = fake.sheet("Indicators")!;
    expect({ table: s.tables, blank: s.cell("K3").value, ours: s.cell("L3").value }).toEqual({
      table: [{ name: "Indicators2122", address: "A3:J13" }],
      blank: "",
      ours: "Status (auto)",
    });
  });

  test("a section row merged across our column keeps its merge and its text; Remove colours restores the sheet", async () => {
    const fake = createFakeExcel(tracker({ section: true }));
    const before = JSON.stringify((fake.snapshot() as { sheets: { name: string }[] }).sheets.find((x) => x.name === "Indicators"));
    const run = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const s = fake.sheet("Indicators")!;
    const statuses = [4, 5, 6, 7, 9].map((r) => s.cell(`L${r}`).value);
    expect({ merges: s.merges, section: s.cell("A8").value, l8: s.cell("L8").value, filled: statuses.every((v) => typeof v === "string" && v !== ""), rated: run.run.result.rated.filter((r) => r.record.sheet === "Indicators").length }).toEqual({
      merges: ["A8:N8"],
      section: "Waste and recycling",
      l8: "",
      filled: true,
      rated: 9,
    });
    await removeColoursCommand(fake.run);
    expect(JSON.stringify((fake.snapshot() as { sheets: { name: string }[] }).sheets.find((x) => x.name === "Indicators"))).toBe(before);
  });

  test("the fake refuses a value written into part of a merged area, as the old host would have done here", async () => {
    const fake = createFakeExcel(tracker({ section: true }));
    const code = await fake
      .run(async (context) => {
        context.workbook.worksheets.getItem("Indicators").getRange("L4:L9").values = [[""], [""], [""], [""], ["x"], [""]];
        await context.sync();
      })
      .catch((e: { code: string }) => e.code);
    expect(code).toBe("InvalidOperation");
  });

  test("on ExcelApi 1.12 too, the merged section row is left alone (the host reads no merged areas)", async () => {
    const fake = createFakeExcel(tracker({ section: true, apiVersion: "1.12" }));
    const detected = await detectScorecard(fake.run, SETTINGS, TODAY);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const s = fake.sheet("Indicators")!;
    expect({ merges: s.merges, l8: s.cell("L8").value, l9: s.cell("L9").value !== "", indicators: detected.result.rated.filter((r) => r.record.sheet === "Indicators").length }).toEqual({
      merges: ["A8:N8"],
      l8: "",
      l9: true,
      indicators: 9,
    });
  });
});
