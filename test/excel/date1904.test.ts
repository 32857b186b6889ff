// A workbook counting dates from 1904 (Excel for Mac's old default, kept by files made there): its date serials
// are 1,462 days lower than the 1900 system's, and Office.js hands them over as they are. helper-78: read as
// 1900 serials, every due date was four years early and every activity "Overdue" in the add-in, while the
// command line (which reads workbook.xml's date1904) rated them right. The add-in asks Excel YEAR(1) in its
// first request: 1904 in such a workbook.
import { applyColoursCommand } from "../../src/excel/commands";
import { LiveColours, runInWith } from "../../src/excel/live";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

// The status and why: an activity's reason names its due date ("due 01/01/2022, 119 days before the report date").
const statuses = (rated: { record: { sheet: string; ref: string }; rating: { status: string; reason?: string } }[]) => rated.map((r) => `${r.record.sheet}!${r.record.ref}: ${r.rating.status}, ${r.rating.reason ?? ""}`);

describe("a workbook counting dates from 1904", () => {
  test("Apply colours rates every activity as in the same workbook counting from 1900; the dates typed are stored 1,462 lower", async () => {
    const old = createFakeExcel({ ...generatedTracker(12), date1904: true });
    const usual = createFakeExcel(generatedTracker(12));
    const a = await applyColoursCommand(old.run, SETTINGS, TODAY);
    const b = await applyColoursCommand(usual.run, SETTINGS, TODAY);
    expect(old.sheet("Activities")!.cell("E2").value).toBe((usual.sheet("Activities")!.cell("E2").value as number) - 1462);
    expect(statuses(a.run.result.rated)).toEqual(statuses(b.run.result.rated));
    expect(statuses(b.run.result.rated)).toContain("Activities!ACT 1: overdue, due 01/01/2022, 119 days before the report date, 0% complete");
    expect(old.sheet("Activities")!.values.map((r) => r[7])).toEqual(usual.sheet("Activities")!.values.map((r) => r[7]));
    expect(a.syncs).toBe(b.syncs);
  });

  test("the fake answers YEAR(1) as Excel does in each date system", async () => {
    const year = async (date1904: boolean) =>
      createFakeExcel({ sheets: [{ name: "S" }], date1904 }).run(async (context) => {
        const r = context.workbook.functions.year(1).load("value,error");
        await context.sync();
        return [r.value, r.error];
      });
    expect([await year(false), await year(true)]).toEqual([
      [1900, null],
      [1904, null],
    ]);
  });

  test("live colours read a due date typed into a 1904 workbook as the same day", async () => {
    const typed = async (date1904: boolean): Promise<unknown> => {
      const fake = createFakeExcel({ ...generatedTracker(12), date1904 });
      await applyColoursCommand(fake.run, SETTINGS, TODAY);
      const live = new LiveColours(fake.run, runInWith(fake.runWith), { today: TODAY, ratingHelp: false, debounceMs: 5 }, { onUpdate: () => undefined, onError: () => undefined, commandPending: () => false });
      await live.start();
      // ACT 2 is "Completed"; ACT 1 "On track", due 1 January 2022: due a month after the report date, it is on track.
      fake.user.type("Activities", "E2", [[new Date(Date.UTC(2022, 4, 31))]]);
      await fake.user.settled();
      await live.idle();
      await live.stop();
      return fake.sheet("Activities")!.cell("H2").value;
    };
    const usual = await typed(false);
    expect(usual).toMatch(/^. /);
    expect(await typed(true)).toBe(usual);
  });
});
