// An officer's print area that stops left of our status column: the statuses would not print. The add-in
// reads each sheet's print area (ExcelApi 1.9) in the read request it already makes, warns as the command
// line does, and leaves the print area as the officer set it.
import { applyColoursCommand } from "../../src/excel";
import { createFakeExcel, type FakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

async function printArea(fake: FakeExcel, sheet: string, set?: string): Promise<string | undefined> {
  let address: string | undefined;
  await fake.run(async (context) => {
    const layout = context.workbook.worksheets.getItem(sheet).pageLayout;
    if (set) layout.setPrintArea(set);
    const area = layout.getPrintAreaOrNullObject().load("address");
    await context.sync();
    address = area.isNullObject ? undefined : area.address;
  });
  return address;
}

describe("a print area that leaves out our status column", () => {
  test("Apply colours warns, naming the column and the print area, in no more requests; the print area is left as it was", async () => {
    const fake = createFakeExcel(generatedTracker(12));
    const before = await printArea(fake, "Indicators", "A1:J40");
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const plain = await applyColoursCommand(createFakeExcel(generatedTracker(12)).run, SETTINGS, TODAY);
    expect({
      told: result.run.result.problems.filter((p) => p.message.includes("print area")).map((p) => `${p.sheet}!${p.cell}: ${p.message}`),
      syncs: result.syncs - plain.syncs,
      after: await printArea(fake, "Indicators"),
      status: fake.sheet("Indicators")!.cell("K4").value,
    }).toEqual({
      told: ["Indicators!K3: The statuses of this table are written in columns K:L, outside the sheet's print area (A1:J40): they will not print. Widen the print area (Page Layout > Print Area) to take them in."],
      syncs: 0,
      after: before,
      status: expect.stringMatching(/^. /),
    });
    expect(before).toBe("Indicators!A1:J40");
  });

  test("no print area, or one taking our columns in: no warning", async () => {
    for (const area of [undefined, "A:L"]) {
      const fake = createFakeExcel(generatedTracker(12));
      if (area) await printArea(fake, "Indicators", area);
      const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
      expect(result.run.result.problems.filter((p) => p.message.includes("print area"))).toEqual([]);
    }
  });
});
