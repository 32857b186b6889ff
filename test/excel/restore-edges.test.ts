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

// Excel refuses to clear the contents of part of a merged area, as VBA's ClearContents does ("We can't
// do that to a merged cell"). An officer who merges a record row across our column into a section
// heading after Apply colours must not stop Remove colours or the next Apply colours.
describe("a row merged across our column after Apply colours", () => {
  async function mergedAfterApply() {
    const fake = createFakeExcel(generatedTracker(12));
    const before = fake.sheet("Indicators")!.cell("K11");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const ours = fake.sheet("Indicators")!.cell("K10").value;
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem("Indicators");
      ws.getRange("A10").values = [["Section: waste"]];
      ws.getRange("A10:K10").merge(false);
      await context.sync();
    });
    return { fake, before, ours };
  }

  test("Remove colours clears our other cells and leaves the merged heading as the officer made it", async () => {
    const { fake, before, ours } = await mergedAfterApply();
    await removeColoursCommand(fake.run);
    const ind = fake.sheet("Indicators")!;
    expect(ours).toMatch(/\w/);
    expect({ a10: ind.cell("A10").value, k11: ind.cell("K11").value, k11Fill: ind.cell("K11").fill, merged: ind.merges }).toEqual({ a10: "Section: waste", k11: "", k11Fill: before.fill, merged: ["A10:K10"] });
  });

  const mergedOverOurs = async (areas: string[], init = generatedTracker(12)) => {
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const ours = fake.sheet("Indicators")!.cell("K10").value;
    await fake.run({ delayForCellEdit: true }, async (context) => {
      for (const a of areas) context.workbook.worksheets.getItem("Indicators").getRange(a).merge(false);
      await context.sync();
    });
    return { fake, ours };
  };

  /** The officer styles the merged area as a heading of theirs. */
  const styled = (fake: Awaited<ReturnType<typeof mergedOverOurs>>["fake"], area: string) =>
    fake.run({ delayForCellEdit: true }, async (context) => {
      const f = context.workbook.worksheets.getItem("Indicators").getRange(area).format;
      f.fill.color = "#FFFF00";
      f.font.bold = true;
      f.horizontalAlignment = "Center";
      await context.sync();
    });
  const look = (fake: Awaited<ReturnType<typeof mergedOverOurs>>["fake"], cell: string) => {
    const c = fake.sheet("Indicators")!.cell(cell);
    return { fill: c.fill, bold: c.bold, hAlign: c.hAlign };
  };
  const HEADING = { fill: "#FFFF00", bold: true, hAlign: "Center" };

  test.each([
    { merged: "K10:K11", how: "two cells of ours merged" },
    { merged: "K10:M10", how: "our cell the top-left of a merge reaching past our column" },
  ])("$how: Remove colours clears the whole area, leaving the merge and how the officer styled it", async ({ merged }) => {
    const { fake, ours } = await mergedOverOurs([merged]);
    await styled(fake, merged);
    await removeColoursCommand(fake.run);
    const ind = fake.sheet("Indicators")!;
    expect({ ours: ours !== "", k10: ind.cell("K10").value, k12: ind.cell("K12").value, merges: ind.merges, look: look(fake, "K10") }).toEqual({ ours: true, k10: "", k12: "", merges: [merged], look: HEADING });
  });

  test("an officer's rating cell we coloured, merged and styled since: kept as they left it", async () => {
    const before = createFakeExcel(generatedTracker(12)).sheet("Indicators")!.cell("I10");
    const { fake } = await mergedOverOurs(["I10:J10"]);
    await styled(fake, "I10:J10");
    await removeColoursCommand(fake.run);
    const ind = fake.sheet("Indicators")!;
    expect({ i10: ind.cell("I10").value, merges: ind.merges, look: look(fake, "I10") }).toEqual({ i10: before.value, merges: ["I10:J10"], look: HEADING });
  });

  test("an officer's rating cell merged before the first Apply colours: left uncoloured, the rest coloured, nothing refused", async () => {
    const init = generatedTracker(12);
    init.sheets[0].merges = ["I10:J10"];
    const fake = createFakeExcel(init);
    const before = look(fake, "I10");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const ind = fake.sheet("Indicators")!;
    expect({ i10: look(fake, "I10"), i9: ind.cell("I9").fill !== null, i11: ind.cell("I11").fill !== null, merges: ind.merges }).toEqual({ i10: before, i9: true, i11: true, merges: ["I10:J10"] });
    await removeColoursCommand(fake.run);
    expect(look(fake, "I10")).toEqual(before);
  });

  // helper-68: Excel names a merge across a whole row "Indicators!10:10", not "A10:XFD10" (the fake named it so
  // too); the host read no area from it, and Apply colours was refused ("Cannot copy part of a merged cell").
  test("a heading merged across the whole row before the first Apply colours: Apply and Remove go through, the merge kept", async () => {
    const init = generatedTracker(12);
    init.sheets[0].merges = ["A10:XFD10"];
    const fake = createFakeExcel(init);
    const areas = await fake.run(async (context) => {
      const merged = context.workbook.worksheets.getItem("Indicators").getRange("A1:M20").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return merged.address;
    });
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const ind = fake.sheet("Indicators")!;
    const applied = { k9: ind.cell("K9").value, k11: ind.cell("K11").value, merges: ind.merges };
    await removeColoursCommand(fake.run);
    expect({ areas, applied, k11: ind.cell("K11").value, merges: ind.merges }).toEqual({
      areas: "Indicators!10:10",
      applied: { k9: expect.stringMatching(/\w/), k11: expect.stringMatching(/\w/), merges: ["A10:XFD10"] },
      k11: "",
      merges: ["A10:XFD10"],
    });
  });

  test("our two columns merged on a row, a check appearing there since: Apply colours again and Remove colours go through (Apply refused before)", async () => {
    const { fake } = await mergedOverOurs([]);
    const ind = fake.sheet("Indicators")!;
    expect(ind.cell("L3").value).not.toBe("");
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem("Indicators");
      ws.getRange("I10").values = [["R"]];
      ws.getRange("K10:L10").merge(false);
      await context.sync();
    });
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const applied = { merges: fake.sheet("Indicators")!.merges, k10: fake.sheet("Indicators")!.cell("K10").value };
    await removeColoursCommand(fake.run);
    expect({ applied, k10: fake.sheet("Indicators")!.cell("K10").value, merges: fake.sheet("Indicators")!.merges }).toEqual({ applied: { merges: ["K10:L10"], k10: expect.stringMatching(/On target/) }, k10: "", merges: ["K10:L10"] });
  });

  test("a figure the officer typed into our cell and then merged across is theirs: kept, merge and all", async () => {
    const { fake } = await mergedOverOurs([]);
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem("Indicators");
      ws.getRange("K10").values = [[2024]];
      ws.getRange("K10:M10").merge(false);
      await context.sync();
    });
    await removeColoursCommand(fake.run);
    const ind = fake.sheet("Indicators")!;
    expect({ k10: ind.cell("K10").value, k11: ind.cell("K11").value, merges: ind.merges }).toEqual({ k10: 2024, k11: "", merges: ["K10:M10"] });
  });

  test("Apply colours again with our cell the top-left of a merge: the area is cleared whole and not coloured again, the officer's styling kept", async () => {
    const { fake } = await mergedOverOurs(["K10:M10"]);
    await styled(fake, "K10:M10");
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const ind = fake.sheet("Indicators")!;
    expect({ merges: ind.merges, k10: ind.cell("K10").value, look: look(fake, "K10"), k9: ind.cell("K9").value !== "", k11: ind.cell("K11").value !== "" }).toEqual({ merges: ["K10:M10"], k10: "", look: HEADING, k9: true, k11: true });
    await removeColoursCommand(fake.run);
    expect({ merges: fake.sheet("Indicators")!.merges, look: look(fake, "K10") }).toEqual({ merges: ["K10:M10"], look: HEADING });
  });

  test("text an officer typed into our cell and then merged across is a heading of theirs: kept", async () => {
    const { fake } = await mergedOverOurs([]);
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem("Indicators");
      ws.getRange("K10").values = [["See note below"]];
      ws.getRange("K10:M10").merge(false);
      await context.sync();
    });
    await removeColoursCommand(fake.run);
    expect(fake.sheet("Indicators")!.cell("K10").value).toBe("See note below");
  });

  test("a first request Excel refuses for its size leaves the merged areas unread: they are asked again, alone", async () => {
    const { fake } = await mergedOverOurs(["C600:K600"], { ...generatedTracker(1100), limits: { responseBytes: 30_000 } });
    await removeColoursCommand(fake.run);
    const ind = fake.sheet("Indicators")!;
    expect({ k5: ind.cell("K5").value, k601: ind.cell("K601").value, merges: ind.merges }).toEqual({ k5: "", k601: "", merges: ["C600:K600"] });
  });

  test("past 512 merged areas (which Excel will not list) Remove colours reads again without them and still restores", async () => {
    const fake = createFakeExcel(generatedTracker(1100));
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    await fake.run({ delayForCellEdit: true }, async (context) => {
      const ws = context.workbook.worksheets.getItem("Indicators");
      // Comments merged in pairs of rows, nowhere near our column.
      for (let row = 4; row < 1104; row += 2) ws.getRange(`J${row}:J${row + 1}`).merge(false);
      await context.sync();
    });
    const before = fake.sheet("Indicators")!.cell("K5").value;
    await removeColoursCommand(fake.run);
    const ind = fake.sheet("Indicators")!;
    expect({ before: before !== "", k5: ind.cell("K5").value, k1103: ind.cell("K1103").value, merges: ind.merges.length }).toEqual({ before: true, k5: "", k1103: "", merges: 550 });
  });

  test("Apply colours again leaves the heading alone and colours the rows around it", async () => {
    const { fake } = await mergedAfterApply();
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const ind = fake.sheet("Indicators")!;
    expect({ a10: ind.cell("A10").value, k9: ind.cell("K9").value !== "", k11: ind.cell("K11").value !== "", merged: ind.merges }).toEqual({ a10: "Section: waste", k9: true, k11: true, merged: ["A10:K10"] });
  });
});
