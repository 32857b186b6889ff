// Host bugs found reviewing issue 10 against Microsoft's reference, each reproduced on the strict fake.
// The first three are fixed (read.ts reads only column A of very hidden sheets; apply.ts and remove.ts
// make a very hidden sheet hidden before deleting it) and are ordinary tests now; one still-open bug is
// `test.failing`: it passes while the bug is there and fails once the host is fixed, when it should become
// an ordinary test.
import { applyColoursCommand, buildSummaryCommand, detectScorecard, removeColours, removeColoursCommand } from "../../src/excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

describe("host bugs found reviewing issue 10", () => {
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

  // Since 233d92e the host reads no merged areas, and only rows that write nothing but "" are left out. A
  // merged note box beside the tracker (L5:N9, where Status (auto) and Check (auto) go) makes the format
  // backup copy part of a merged area, so Apply colours fails; and as our record is written before the
  // copies, it lists backups never made, so Remove colours then fails on the same merge.
  test.failing("a merged note box beside the tracker stops neither Apply colours nor Remove colours", async () => {
    const wb = generatedTracker(10);
    wb.sheets[0].values![4] = [...wb.sheets[0].values![4], null, "Note: Q4 figures are provisional"];
    wb.sheets[0].merges = ["L5:N9"];
    const fake = createFakeExcel(wb);
    const outcome = async (p: Promise<unknown>) => p.then(() => "done", (e: Error) => e.message);
    const applied = await outcome(applyColoursCommand(fake.run, SETTINGS, TODAY));
    const removed = await outcome(removeColoursCommand(fake.run));
    expect({ applied, removed, merges: fake.sheet("Indicators")!.merges }).toEqual({ applied: "done", removed: "done", merges: ["L5:N9"] });
  });
});
