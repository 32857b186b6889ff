// Excel tables and merged section rows beside the column the add-in owns.
import { applyColoursCommand, detectScorecard, removeColoursCommand } from "../../src/excel";
import type { FakeWorkbookInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { readWorkbook } from "../../src/excel/read";
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

  test("on ExcelApi 1.12 too (no merged areas read), the merged section row is left alone", async () => {
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

describe("an Excel table's totals row", () => {
  test("is read from Table.showTotals and is not rated; the rows above it are", async () => {
    const wb = generatedTracker(10);
    const ind = wb.sheets[0];
    // Rows 4-13 are the indicators; row 14 the table's totals row (Table.getRange() includes it).
    ind.values!.push(["Total", null, null, 745, null, null, null, null, null, null]);
    ind.tables = [{ name: "Indicators2122", address: "A3:J14", showTotals: true }];
    const fake = createFakeExcel(wb);
    const detected = await detectScorecard(fake.run, SETTINGS, TODAY);
    const refs = detected.result.rated.filter((r) => r.record.sheet === "Indicators").map((r) => r.record.ref);
    expect({ count: refs.length, total: refs.includes("Total") }).toEqual({ count: 10, total: false });
  });
});

/** The tracker with a note box merged over L5:N9, beside the table where our columns would go. */
function withNoteBox(apiVersion?: string): FakeWorkbookInit {
  const wb = generatedTracker(10);
  wb.sheets[0].values![4] = [...wb.sheets[0].values![4], null, "Note: Q4 figures are provisional"];
  wb.sheets[0].merges = ["L5:N9"];
  return { ...wb, apiVersion };
}

const outcome = async (p: Promise<unknown>): Promise<string> => p.then(() => "done", (e: Error) => e.message);

describe("a merged note box beside the tracker", () => {
  // Review of issue 10: with no merged areas read, the format backup copied part of the box and failed.
  test("stops neither Apply colours nor Remove colours, and our columns go right of it (ExcelApi 1.13)", async () => {
    const fake = createFakeExcel(withNoteBox());
    const before = JSON.stringify(fake.snapshot());
    const applied = await outcome(applyColoursCommand(fake.run, SETTINGS, TODAY));
    const s = fake.sheet("Indicators")!;
    const header = s.cell("O3").value;
    const removed = await outcome(removeColoursCommand(fake.run));
    const after = (fake.snapshot() as { sheets: { name: string }[] }).sheets.find((x) => x.name === "Indicators");
    expect({ applied, header, removed, merges: s.merges, restored: JSON.stringify(after) === JSON.stringify((JSON.parse(before) as { sheets: { name: string }[] }).sheets.find((x) => x.name === "Indicators")) }).toEqual({
      applied: "done",
      header: "Status (auto)",
      removed: "done",
      merges: ["L5:N9"],
      restored: true,
    });
  });

  // Without ExcelApi 1.13 the host cannot see the box: Excel refuses the backup copy. The record is written
  // after the copies, so it lists no backup that was never made and Remove colours still works.
  test("on ExcelApi 1.12, Apply colours fails with one line naming the sheet and cells, and Remove colours still works", async () => {
    const fake = createFakeExcel(withNoteBox("1.12"));
    const applied = await outcome(applyColoursCommand(fake.run, SETTINGS, TODAY));
    const removed = await outcome(removeColoursCommand(fake.run));
    expect({ oneLine: !applied.includes("\n"), names: /"Indicators" \([A-Z]+\d+:[A-Z]+\d+\)/.test(applied), merged: applied.includes("merged cell"), removed, merges: fake.sheet("Indicators")!.merges }).toEqual({
      oneLine: true,
      names: true,
      merged: true,
      removed: "done",
      merges: ["L5:N9"],
    });
  });

  // getMergedAreasOrNullObject fails past 512 areas and takes the whole read with it, so merged areas are asked
  // in bands of 192 rows: 600 areas over 1,200 rows come back in the first request, as in any workbook.
  test("a sheet with more than 512 merged areas: read band by band, Apply colours in its usual requests", async () => {
    const wb = generatedTracker(10);
    wb.sheets.push({ name: "Lookup notes", values: Array.from({ length: 1200 }, (_, i) => [`Note ${i}`]), merges: Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`) });
    const fake = createFakeExcel(wb);
    const applied = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({ status: fake.sheet("Indicators")!.cell("K3").value, merges: fake.sheet("Lookup notes")!.merges.length, syncs: applied.syncs }).toEqual({ status: "Status (auto)", merges: 600, syncs: 4 });
  });

  // A template's blank rows merged ready for later years, down to row 9,000: past 512 in the band below row 8,192, the
  // first read is refused; the merged areas are asked again down to the formatted cells (not the values' used range,
  // one row here), and the read hint keeps where they end, so the next Apply colours asks them in its usual requests.
  test("merged blank rows below the values: read on the first run, and in four requests the next", async () => {
    const wb = generatedTracker(10);
    wb.sheets[2] = { name: "Notes", values: [["Figures are provisional until audited."]], merges: Array.from({ length: 9000 }, (_, i) => `B${i + 1}:C${i + 1}`), formats: [{ address: "B1:C9000", format: { fill: "#FFF2CC" } }] };
    const fake = createFakeExcel(wb);
    const notes = (await readWorkbook(fake.run, { isSetSupported: () => true })).find((g) => g.name === "Notes")!;
    fake.stats.reset();
    const first = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const refusedFirst = fake.stats.requests.filter((r) => r.failed).length;
    fake.stats.reset();
    const next = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({ read: notes.merges?.length, first: first.syncs, refusedFirst, next: next.syncs, refusedNext: fake.stats.requests.filter((r) => r.failed).length, merges: fake.sheet("Notes")!.merges.length }).toEqual({
      read: 9000,
      first: 7,
      refusedFirst: 1,
      next: 4,
      refusedNext: 0,
      merges: 9000,
    });
  });

  // 80,000 merged areas list about 1.6 MB of addresses in the first request. The hint counted only values, so a
  // tracker whose values fit one request was read whole with them, over Excel on the web's 5 MB, and refused on
  // every run; the hint now counts the lists, and the next run reads in slices from the start.
  test("80,000 merged areas beside a 14,000-row tracker: the next Apply colours is not refused", async () => {
    const wb = generatedTracker(14000);
    wb.sheets[2] = { name: "Notes", values: [["Figures are provisional until audited."]], merges: Array.from({ length: 80000 }, (_, i) => `B${i + 1}:C${i + 1}`), formats: [{ address: "B1:C80000", format: { fill: "#FFF2CC" } }] };
    const fake = createFakeExcel(wb);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    fake.stats.reset();
    const next = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({ syncs: next.syncs, refused: fake.stats.requests.filter((r) => r.failed).length, largest: fake.stats.maxResponseBytes < 5_000_000 }).toEqual({ syncs: 6, refused: 0, largest: true });
  });

  // More than 512 in one band (three side by side on each of 200 rows): the read is refused, made again by sizes,
  // and the merged areas asked in narrower bands (two more requests, only in such a workbook; the seventh reads the
  // conditional formats over our columns).
  test("more than 512 merged areas in one band of rows: Apply colours still colours the tracker", async () => {
    const wb = generatedTracker(10);
    const merges = Array.from({ length: 200 }, (_, i) => [`A${i + 1}:B${i + 1}`, `C${i + 1}:D${i + 1}`, `E${i + 1}:F${i + 1}`]).flat();
    wb.sheets.push({ name: "Lookup notes", values: Array.from({ length: 200 }, (_, i) => [`Note ${i}`]), merges });
    const fake = createFakeExcel(wb);
    const applied = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({ status: fake.sheet("Indicators")!.cell("K3").value, merges: fake.sheet("Lookup notes")!.merges.length, syncs: applied.syncs }).toEqual({ status: "Status (auto)", merges: 600, syncs: 7 });
  });
});
