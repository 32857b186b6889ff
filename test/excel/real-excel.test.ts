// What real Excel does that an easy fake would hide: hidden sheets' null tab colour, selecting only on the
// active visible sheet, Excel.run's options, and the limits Excel enforces on what the host writes.
import { applyColoursCommand, buildSummaryCommand, detectScorecard, removeColours, removeColoursCommand, selectCell } from "../../src/excel";
import type { XlRequestContext, XlWorksheet } from "../../src/excel/api";
import { charsToPoints, fitSections, headerSections, rowPoints } from "../../src/excel/write";
import type { FakeWorkbookInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

/** The generated tracker with an ordinary hidden sheet and a very hidden one of the user's. */
function withHidden(apiVersion?: string): FakeWorkbookInit {
  const wb = generatedTracker(10);
  wb.sheets.push({ name: "Old figures", values: [["Ref", "Indicator"], ["X 1", "Archived"]], visibility: "Hidden", tabColor: "#FF0000" });
  wb.sheets.push({ name: "Lookups", values: [["Code", "Meaning"]], visibility: "VeryHidden" });
  return { ...wb, apiVersion };
}

describe("hidden and very hidden sheets", () => {
  test("the fake gives null for a hidden sheet's tab colour, as Office.js documents", async () => {
    const fake = createFakeExcel(withHidden());
    const colours = await fake.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/tabColor");
      await context.sync();
      return Object.fromEntries(sheets.items.map((s) => [s.name, s.tabColor as string | null]));
    });
    expect(colours).toEqual({ Indicators: "", Activities: "", Notes: "", "Old figures": null, Lookups: null });
  });

  test("Detect, Apply colours, Build summary and Remove colours all work on a workbook with hidden sheets", async () => {
    const fake = createFakeExcel(withHidden());
    const before = JSON.stringify(fake.sheet("Indicators")!.formats("A1:M14"));
    const detected = await detectScorecard(fake.run, SETTINGS, TODAY);
    const applied = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const built = await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    const removed = await removeColoursCommand(fake.run);
    expect({
      rated: detected.result.rated.length,
      applied: applied.sheets.filter((s) => s.action === "edit").map((s) => s.sheet),
      built: built.sheets.some((s) => s.sheet === "Summary"),
      removed: removed.restored,
      restored: JSON.stringify(fake.sheet("Indicators")!.formats("A1:M14")) === before,
      hidden: [fake.sheet("Old figures")!.visibility, fake.sheet("Lookups")!.visibility],
    }).toEqual({ rated: detected.result.rated.length, applied: ["Indicators", "Activities"], built: true, removed: ["Indicators", "Activities"], restored: true, hidden: ["Hidden", "VeryHidden"] });
    expect(detected.result.rated.length).toBeGreaterThan(10);
  });

  test("a summary the user hid is still recognised as ours, not read as a tracker", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Summary").visibility = "Hidden";
      await context.sync();
    });
    const again = await detectScorecard(fake.run, SETTINGS, TODAY);
    expect(again.result.tables.map((t) => t.sheet).filter((s) => s === "Summary")).toEqual([]);
  });
});

describe("selecting a problem's cell", () => {
  const book = (): FakeWorkbookInit => ({ ...withHidden(), active: "Notes" });

  test("the fake refuses to select on a sheet that is not active, or to activate a hidden one", async () => {
    const fake = createFakeExcel(book());
    const attempt = (f: (ctx: XlRequestContext) => void) =>
      fake.run(async (context) => {
        f(context);
        await context.sync();
      }).then(() => "ok", (e: { code: string }) => e.code);
    expect({
      notActive: await attempt((c) => c.workbook.worksheets.getItem("Indicators").getRange("B7").select()),
      hidden: await attempt((c) => c.workbook.worksheets.getItem("Old figures").activate()),
      hiddenSelect: await attempt((c) => c.workbook.worksheets.getItem("Old figures").getRange("A1").select()),
    }).toEqual({ notActive: "InvalidOperation", hidden: "InvalidOperation", hiddenSelect: "InvalidOperation" });
  });

  test("activates the sheet first, then selects the cell", async () => {
    const fake = createFakeExcel(book());
    const note = await selectCell(fake.run, "Indicators", "B7");
    expect({ note, active: fake.active(), selection: fake.selection() }).toEqual({ note: undefined, active: "Indicators", selection: { sheet: "Indicators", address: "B7" } });
  });

  test("a hidden or very hidden sheet gets a sentence for the pane instead of an error", async () => {
    const fake = createFakeExcel(book());
    expect([await selectCell(fake.run, "Old figures", "B2"), await selectCell(fake.run, "Lookups", "A1"), fake.active()]).toEqual([
      "'Old figures' is hidden: unhide it (right-click a sheet tab, Unhide) to see B2.",
      "'Lookups' is very hidden, so Excel cannot show A1.",
      "Notes",
    ]);
  });
});

describe("Excel.run options", () => {
  test("every run waits for cell edit; where ExcelApi 1.20 is supported, writing runs are one Undo step", async () => {
    const fake = createFakeExcel(withHidden("1.20"));
    await detectScorecard(fake.run, SETTINGS, TODAY);
    const applied = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const built = await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    const removed = await removeColoursCommand(fake.run);
    await selectCell(fake.run, "Indicators", "A1");
    const merged = { delayForCellEdit: true, mergeUndoGroup: true };
    expect(fake.stats.runOptions).toEqual([{ delayForCellEdit: true }, merged, merged, merged, { delayForCellEdit: true }]);
    expect([applied.undo, built.undo, removed.undo]).toEqual([
      "Undo (Ctrl+Z) takes the colours off again in one step; Remove colours does the same at any time.",
      "Excel may not be able to undo building the summary, as it replaces sheets: Remove colours takes the colours off the trackers, and you can delete the summary sheet yourself.",
      "Undo (Ctrl+Z) puts the colours back in one step, or run Apply colours again.",
    ]);
  });

  test("on ExcelApi 1.9 no run asks for mergeUndoGroup (the fake refuses it there), and Undo is not promised", async () => {
    const fake = createFakeExcel(withHidden("1.9"));
    const applied = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const removed = await removeColoursCommand(fake.run);
    expect({ options: fake.stats.runOptions, undo: [applied.undo, removed.undo] }).toEqual({
      options: [{ delayForCellEdit: true }, { delayForCellEdit: true }],
      undo: ["In this version of Excel, Undo may take several steps; Remove colours takes the colours off at any time.", "To put the colours back, run Apply colours again."],
    });
    const refused = await fake.run({ mergeUndoGroup: true }, async () => "ran").catch((e: { code: string }) => e.code);
    expect(refused).toBe("ApiNotFound");
  });
});

describe("someone typing in a cell", () => {
  test("a run without delayForCellEdit fails as Excel fails it; the commands wait instead", async () => {
    const fake = createFakeExcel(withHidden());
    fake.setCellEditing(true);
    const bare = await fake.run(async () => "ran").catch((e: { code: string }) => e.code);
    const detected = await detectScorecard(fake.run, SETTINGS, TODAY).then(() => "ran", (e: { code: string }) => e.code);
    expect([bare, detected]).toEqual(["InvalidOperationInCellEditMode", "ran"]);
  });
});

describe("limits Excel enforces", () => {
  const oneSheet = (): FakeWorkbookInit => ({ sheets: [{ name: "S", values: [["x"]] }] });
  const attempt = (set: (ws: XlWorksheet) => void) => {
    const fake = createFakeExcel(oneSheet());
    return fake.run(async (context) => {
      set(context.workbook.worksheets.getItem("S"));
      await context.sync();
    }).then(() => "ok", (e: { code: string }) => e.code);
  };

  test.each([
    ["a paper size Excel does not list", (ws: XlWorksheet) => (ws.pageLayout.paperSize = "A7" as never), "InvalidArgument"],
    ["0 pages tall", (ws: XlWorksheet) => (ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }), "InvalidArgument"],
    ["a scale of 401%", (ws: XlWorksheet) => (ws.pageLayout.zoom = { scale: 401 }), "InvalidArgument"],
    ["one page wide alone", (ws: XlWorksheet) => (ws.pageLayout.zoom = { horizontalFitToPages: 1 }), "ok"],
    ["a row of 410 points", (ws: XlWorksheet) => (ws.getRange("A1").format.rowHeight = 410), "InvalidArgument"],
    ["a column of 256 characters", (ws: XlWorksheet) => (ws.getRange("A1").format.columnWidth = (256 * 7 + 5) * 0.75), "InvalidArgument"],
    ["a header of 256 characters", (ws: XlWorksheet) => (ws.pageLayout.headersFooters.defaultForAllPages.leftHeader = "x".repeat(254)), "InvalidArgument"],
  ])("the fake refuses %s as Excel does", async (_name, set, want) => {
    expect(await attempt(set)).toBe(want);
  });

  test("the host keeps within them: widths, heights and header sections clamped", () => {
    const long = `&L&9&"Arial,Regular"${"R&&D ".repeat(40)}&R&9&"Arial,Regular"${"Q".repeat(120)}`;
    const fitted = fitSections(headerSections(long));
    const stored = (["left", "center", "right"] as const).reduce((n, k) => n + (fitted[k] ? fitted[k].length + 2 : 0), 0);
    expect({ width: charsToPoints(400), height: rowPoints(600), stored: stored <= 255, evenAmps: /(^|[^&])(&&)*&$/.test(fitted.left) }).toEqual({
      width: charsToPoints(255),
      height: 409,
      stored: true,
      evenAmps: false,
    });
  });
});

// A user's large very hidden sheet (only its column A is read for our record), and a summary of ours made
// very hidden (Excel refuses to delete a very hidden sheet: it is made hidden first).
describe("very hidden sheets (found in review)", () => {
  // read.ts queueState loads the whole used range (values) of every very hidden sheet to find our record,
  // which lives in column A of one of them. A user's very hidden lookup sheet of a few MB makes every
  // command fail with ResponsePayloadSizeLimitExceeded. The limit is scaled down here (512 KB for Excel on
  // the web's 5 MB) so the workbook stays small.
  test("a user's large very hidden sheet does not stop Detect", async () => {
    const wb = generatedTracker(10);
    const values = Array.from({ length: 4000 }, (_, i) => Array.from({ length: 4 }, (_, j) => `Lookup value ${i}-${j} for the dropdowns`));
    wb.sheets.push({ name: "Lookups", values, visibility: "VeryHidden" });
    const fake = createFakeExcel({ ...wb, limits: { responseBytes: 512 * 1024 } });
    const detected = await detectScorecard(fake.run, SETTINGS, TODAY);
    expect(detected.result.rated.length).toBeGreaterThan(0);
  });

  // Worksheet.delete fails on a very hidden sheet (documented in @types/office-js). A summary of ours that
  // someone made very hidden makes Build summary fail half-way, leaving a "RAG scorecard tmp 1" sheet
  // (apply.ts, the replace path), and Remove colours with deleteOwnedSheets fail (remove.ts).
  test("a summary of ours made very hidden is replaced, leaving no temporary sheet", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    await fake.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Summary").visibility = "VeryHidden";
      await context.sync();
    });
    const built = await buildSummaryCommand(fake.run, SETTINGS, TODAY).then(() => "built", (e: Error) => e.message);
    expect({ built, temporary: fake.allSheetNames().filter((n) => n.startsWith("RAG scorecard tmp")) }).toEqual({ built: "built", temporary: [] });
  });

  test("Remove colours can delete a summary of ours that someone made very hidden", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    await fake.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem("Summary").visibility = "VeryHidden";
      await context.sync();
    });
    const removed = await removeColours(fake.run, { deleteOwnedSheets: true });
    expect(removed.deleted).toContain("Summary");
  });
});
