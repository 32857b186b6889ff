// Officers hide the unused columns right of a tracker (K:XFD), and our status column is the first of
// them: Apply colours shows it (else every status it wrote was out of sight), and Remove colours hides
// it again. The columns beyond ours stay hidden throughout.
import { applyColoursCommand, removeColoursCommand } from "../../src/excel";
import { createFakeExcel, type FakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

const LAST_COLUMN = 16383;

/** Whether a column reads as hidden through Office.js (Range.columnHidden: hidden, or 0 points wide). */
function hidden(fake: FakeExcel, sheet: string, letters: string): boolean {
  const view = fake.sheet(sheet)!;
  return view.hiddenColumns.includes(letters) || view.columnWidths[letters] === 0;
}

describe("our status column where the officer hid the columns right of the tracker", () => {
  test("Apply colours shows our columns (and only ours), at their widths; Remove colours hides them again", async () => {
    const init = generatedTracker(12);
    // Indicators end at J (Comment), Activities at G (Update).
    init.sheets[0].hiddenColumns = [{ first: 10, last: LAST_COLUMN }];
    init.sheets[1].hiddenColumns = [{ first: 7, last: LAST_COLUMN }];
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const kpis = fake.sheet("Indicators")!;
    const applied = {
      headings: [kpis.cell("K3").value, kpis.cell("L3").value],
      shown: ["J", "K", "L", "M"].map((c) => !hidden(fake, "Indicators", c)),
      widths: [kpis.columnWidths.K > 0, kpis.columnWidths.L > 0],
      stillHidden: kpis.hiddenColumns.length,
      activities: [fake.sheet("Activities")!.cell("H1").value, !hidden(fake, "Activities", "H"), hidden(fake, "Activities", "J")],
    };
    await removeColoursCommand(fake.run);
    const removed = {
      headings: [fake.sheet("Indicators")!.cell("K3").value, fake.sheet("Indicators")!.cell("L3").value],
      hidden: ["J", "K", "L", "M"].map((c) => hidden(fake, "Indicators", c)),
      activities: hidden(fake, "Activities", "H"),
    };
    expect({ applied, removed }).toEqual({
      applied: { headings: ["Status (auto)", "Check (auto)"], shown: [true, true, true, false], widths: [true, true], stillHidden: LAST_COLUMN - 11, activities: ["Status (auto)", true, true] },
      removed: { headings: ["", ""], hidden: [false, true, true, true], activities: true },
    });
  });

  test("our column the officer hid after an Apply stays hidden on the next Apply, the rest as they were", async () => {
    const init = generatedTracker(12);
    init.sheets[0].hiddenColumns = [{ first: 11, last: LAST_COLUMN }];
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const first = ["K", "L"].map((c) => hidden(fake, "Indicators", c));
    // The officer hides our status column (K) after seeing it.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Indicators").getRange("K:K").columnHidden = true;
      await context.sync();
    });
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({ first, again: ["K", "L", "M"].map((c) => hidden(fake, "Indicators", c)), status: fake.sheet("Indicators")!.cell("K4").value }).toEqual({
      first: [false, false],
      again: [true, false, true],
      status: expect.stringMatching(/^. /),
    });
  });

  test("our Check column, gone with the checks, is hidden again as it was; our status column stays shown", async () => {
    const init = generatedTracker(12);
    init.sheets[0].hiddenColumns = [{ first: 10, last: LAST_COLUMN }];
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const kpis = () => fake.sheet("Indicators")!;
    const checked = kpis().values.map((line, i) => (typeof line[11] === "string" && line[11] !== "" && i > 2 ? i : -1)).filter((i) => i >= 0);
    // The officer rates those rows as the rules do: no check is left.
    const letter = (status: unknown): string => (String(status).includes("On target") ? "G" : String(status).includes("Within tolerance") ? "A" : "R");
    fake.user.type("Indicators", `I${checked[0] + 1}`, [[letter(kpis().values[checked[0]][10])]]);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({ checked: checked.length, hidden: ["K", "L", "M"].map((c) => hidden(fake, "Indicators", c)), check: kpis().cell(`L${checked[0] + 1}`).value }).toEqual({ checked: 1, hidden: [false, true, true], check: "" });
  });

  test("an officer's note in the hidden column under the table: the column is left as it is, and the run says where the statuses are", async () => {
    const init = generatedTracker(12);
    init.sheets[0].hiddenColumns = [{ first: 10, last: LAST_COLUMN }];
    const rows = init.sheets[0].values ?? [];
    while (rows.length < 30) rows.push([]);
    rows[29] = [...Array<null>(10).fill(null), "Figures checked by the performance team"];
    const fake = createFakeExcel(init);
    const result = await applyColoursCommand(fake.run, SETTINGS, TODAY);
    expect({
      hidden: hidden(fake, "Indicators", "K"),
      status: fake.sheet("Indicators")!.cell("K4").value,
      told: result.run.result.problems.filter((p) => p.message.includes("which is hidden")).map((p) => `${p.sheet}!${p.cell}`),
    }).toEqual({ hidden: true, status: expect.stringMatching(/^. /), told: ["Indicators!K3"] });
  });

  test("the last indicator's row emptied: our status column keeps its width and stays shown, run after run", async () => {
    const init = generatedTracker(12);
    init.sheets[0].hiddenColumns = [{ first: 10, last: LAST_COLUMN }];
    const fake = createFakeExcel(init);
    await applyColoursCommand(fake.run, SETTINGS, TODAY);
    const width = () => fake.sheet("Indicators")!.columnWidths.K;
    const first = width();
    // Its row's cells cleared; our old status under the table is cleared by the next run.
    fake.user.clearAreas("Indicators", "A15:J15");
    const runs: [boolean, boolean][] = [];
    for (let i = 0; i < 2; i++) {
      await applyColoursCommand(fake.run, SETTINGS, TODAY);
      runs.push([hidden(fake, "Indicators", "K"), width() === first]);
    }
    expect({ first: first > 0, runs }).toEqual({ first: true, runs: [[false, true], [false, true]] });
  });
});
