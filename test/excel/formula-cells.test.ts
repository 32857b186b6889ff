// An officer's helper column of formulas right of the tracker, giving "" this quarter: it reads as empty, but
// Apply colours must not write our status column over it (helper-79 found the command line did). The add-in
// reads each sheet's formula cells (getSpecialCellsOrNullObject, ExcelApi 1.9) in the read request it already makes.
import { applyColoursCommand } from "../../src/excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

describe("formulas giving empty text right of the tracker", () => {
  test("Apply colours puts our column past them, keeps every formula, in no more requests", async () => {
    const init = generatedTracker(12);
    const formulas = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`K${i + 4}`, { formula: `=IF(B${i + 4}="","Name missing","")`, result: "" }]));
    init.sheets[0] = { ...init.sheets[0], formulas };
    const fake = createFakeExcel(init);
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const plain = await applyColoursCommand(createFakeExcel(generatedTracker(12)).run, SETTINGS, TODAY);
    const sheet = fake.sheet("Indicators")!;
    expect({
      formulas: Array.from({ length: 12 }, (_, i) => sheet.cell(`K${i + 4}`).formula),
      header: sheet.cell("L3").value,
      status: sheet.cell("L4").value,
      syncs: result.syncs - plain.syncs,
    }).toEqual({
      formulas: Object.values(formulas).map((f) => f.formula),
      header: "Status (auto)",
      status: expect.stringMatching(/^. /),
      syncs: 0,
    });
  });

  test("the fake lists formula cells as Excel's special cells, and none as a null object", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [[1, "=A1*2"]], formulas: { C2: { formula: "=A1", result: "" }, C3: { formula: "=A1", result: 1 } } }, { name: "T", values: [[1]] }] });
    const read = await fake.run(async (context) => {
      const s = context.workbook.worksheets.getItem("S").getRange().getSpecialCellsOrNullObject("Formulas").load("address");
      const t = context.workbook.worksheets.getItem("T").getRange().getSpecialCellsOrNullObject("Formulas").load("address");
      await context.sync();
      return { s: s.address, t: t.isNullObject };
    });
    expect(read).toEqual({ s: "S!B1,S!C2:C3", t: true });
  });
});
