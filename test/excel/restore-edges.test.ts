// Review of issue 10 ("Remove colours restores exactly"): the edges the round-trip tests in restore.test.ts
// do not reach. A number format nobody changed, and formats the user changes between Apply colours and
// Remove colours, on the cells the backups cover.
import { applyColoursCommand, removeColoursCommand } from "../../src/excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

/** The tracker with custom number formats on the Status column and the figures, which Apply colours never changes. */
function withNumberFormats() {
  const wb = generatedTracker(10);
  const ind = wb.sheets[0];
  ind.numberFormats = ind.values!.map((line, i) => (i < 3 ? [] : [null, null, null, "0.0", "0.0", "0.0", "0.0", "0.0", '"RAG: "@']));
  return wb;
}

describe("Remove colours and number formats", () => {
  test("a number format Apply colours never changed is the same after Apply colours and after Remove colours", async () => {
    const fake = createFakeExcel(withNumberFormats());
    const nfs = () => JSON.stringify(fake.sheet("Indicators")!.numberFormats);
    const before = nfs();
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const applied = fake.sheet("Indicators")!.cell("I5").numberFormat;
    await removeColoursCommand(fake.run);
    expect({ applied, same: nfs() === before, i5: fake.sheet("Indicators")!.cell("I5").numberFormat }).toEqual({ applied: '"RAG: "@', same: true, i5: '"RAG: "@' });
  });

  // Review of issue 10: the whole-format backup (backup.ts) used to be copied back over every format of
  // a coloured cell, so a number format or italic the officer set on a Status cell after Apply colours
  // was lost by Remove colours, though the add-in never touched either (kept-formats.ts).
  test("a format the user changed after Apply colours, that the add-in never touches, survives Remove colours; what Apply set goes back", async () => {
    const fake = createFakeExcel(withNumberFormats());
    const before = fake.sheet("Indicators")!.cell("I5");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const applied = fake.sheet("Indicators")!.cell("I5");
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const r = context.workbook.worksheets.getItem("Indicators").getRange("I5");
      r.numberFormat = [["@"]];
      r.format.font.italic = true;
      r.format.horizontalAlignment = "Center";
      await context.sync();
    });
    await removeColoursCommand(fake.run);
    const i5 = fake.sheet("Indicators")!.cell("I5");
    const i6 = fake.sheet("Indicators")!.cell("I6");
    expect({ appliedFill: applied.fill !== before.fill, nf: i5.numberFormat, italic: i5.italic, hAlign: i5.hAlign, fill: i5.fill, bold: i5.bold, fontColor: i5.fontColor }).toEqual({
      appliedFill: true,
      nf: "@",
      italic: true,
      hAlign: "Center",
      fill: before.fill,
      bold: before.bold,
      fontColor: before.fontColor,
    });
    // A cell the officer left alone comes back exactly, number format included.
    expect(i6.numberFormat).toBe('"RAG: "@');
  });
});
