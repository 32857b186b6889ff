// An officer's helper column of formulas right of the tracker, giving "" this quarter: it reads as empty, but
// Apply colours must not write our status column over it (helper-79 found the command line did). The add-in
// reads each sheet's formula cells (getSpecialCellsOrNullObject, ExcelApi 1.9) in the read request it already makes.
import { applyColoursCommand, readWorkbook } from "../../src/excel";
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

  // helper-80: Excel refuses the first read of a workbook with a sheet of over 512 merged areas; the read
  // again by sizes gave up the formula cells with the merged areas, and our column went over the formulas.
  test("a sheet of 600 merged areas elsewhere makes Excel refuse the first read: the formula cells are asked again", async () => {
    const init = generatedTracker(12);
    const formulas = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`K${i + 4}`, { formula: `=IF(B${i + 4}="","Name missing","")`, result: "" }]));
    init.sheets[0] = { ...init.sheets[0], formulas };
    init.sheets[2] = { ...init.sheets[2], merges: Array.from({ length: 600 }, (_, i) => `A${i + 2}:B${i + 2}`) };
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const sheet = fake.sheet("Indicators")!;
    expect({ k4: sheet.cell("K4").formula, l3: sheet.cell("L3").value }).toEqual({ k4: '=IF(B4="","Name missing","")', l3: "Status (auto)" });
  });

  test("formula cells too many to list in one response are given up, and the sheet is still read", async () => {
    const rows = 3000;
    const init = generatedTracker(rows);
    // Every other row: 1,500 areas, about 20 KB of address, over the response limit set below.
    const formulas = Object.fromEntries(Array.from({ length: rows / 2 }, (_, i) => [`K${2 * i + 4}`, { formula: "=1", result: "" }]));
    init.sheets[0] = { ...init.sheets[0], formulas };
    const fake = createFakeExcel({ ...init, limits: { responseBytes: 16_000 } });
    const grids = await readWorkbook(fake.run, { sliceBytes: 12_000 });
    const indicators = grids.find((g) => g.name === "Indicators")!;
    expect({ rows: indicators.values.length, last: indicators.values[rows + 2]?.[0], formulas: indicators.formulaCells }).toEqual({ rows: rows + 3, last: `HE ${rows}`, formulas: undefined });
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
