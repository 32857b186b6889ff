// Our record sheet is checked, not trusted (src/engine/sheets/ownership.ts, shared with the command line): a sheet
// is ours only when the record lists it and it carries our hidden mark for that plan.
import { buildSummaryCommand, detectScorecard, removeColours } from "../../src/excel";
import { markFormula, OWNER_MARK } from "../../src/engine/sheets/ownership";
import type { FakeSheetInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

const userSheet = (name: string, text: string): FakeSheetInit => ({ name, values: [[text]] });
const record = (a1: string, marked = false): FakeSheetInit => ({
  name: "RagScorecardState",
  visibility: "VeryHidden",
  values: [[a1]],
  numberFormats: [["@"]],
  names: marked ? [{ name: OWNER_MARK, formula: `=${markFormula("RagScorecardState")}`, visible: false }] : undefined,
});

describe("the record is checked, not trusted", () => {
  test("a user's sheets named Summary, Scorecard Rules and RagScorecardState are never overwritten", async () => {
    const wb = generatedTracker(10);
    wb.sheets.push(userSheet("Summary", "My own notes"), userSheet("Scorecard Rules", "House rules"), userSheet("RagScorecardState", "Not yours"));
    const fake = createFakeExcel(wb);
    const result = await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    expect({
      user: ["Summary", "Scorecard Rules", "RagScorecardState"].map((n) => [fake.sheet(n)!.values, fake.sheet(n)!.visibility]),
      made: result.sheets.filter((s) => s.action === "create").map((s) => s.sheet),
      record: fake.sheet("RagScorecardState (2)")?.visibility,
    }).toEqual({
      user: [
        [[["My own notes"]], "Visible"],
        [[["House rules"]], "Visible"],
        [[["Not yours"]], "Visible"],
      ],
      made: ["Summary (2)", "Scorecard History", "Scorecard Rules (2)"],
      record: "VeryHidden",
    });
  });

  test.each([
    { rule: "a spoofed record naming the user's sheets (they carry no mark)", state: record('{"version":1,"owned":[{"sheet":"Notes","plan":"Summary"},{"sheet":"Activities","plan":"Scorecard Rules"}]}', true) },
    { rule: "a garbage record", state: record("{not json", true) },
    { rule: "a record with fields the add-in never writes", state: record('{"version":1,"owned":[{"sheet":"Notes","plan":"Summary","x":1}]}') },
  ])("$rule deletes and replaces nothing of the user's", async ({ state }) => {
    const wb = generatedTracker(10);
    wb.sheets.push(state);
    const fake = createFakeExcel(wb);
    const notes = JSON.stringify(fake.sheet("Notes"));
    const built = await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    const removed = await removeColours(fake.run, { deleteOwnedSheets: true });
    expect({
      notes: JSON.stringify(fake.sheet("Notes")) === notes,
      activities: fake.sheet("Activities")!.values[0][0],
      made: built.sheets.filter((s) => s.action === "create").map((s) => s.sheet),
      deleted: removed.deleted.filter((n) => n === "Notes" || n === "Activities"),
    }).toEqual({ notes: true, activities: "Ref", made: ["Summary", "Scorecard History", "Scorecard Rules"], deleted: [] });
  });

  test("a summary the user renamed to keep is recognised as ours (its mark) and not read as a tracker", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Summary").name = "Summary kept for May";
      await context.sync();
    });
    const kept = JSON.stringify(fake.sheet("Summary kept for May"));
    const detected = await detectScorecard(fake.run, SETTINGS, TODAY);
    const again = await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    expect({
      trackers: [...new Set(detected.result.tables.map((t) => t.sheet))],
      made: again.sheets.filter((s) => s.action === "create").map((s) => s.sheet),
      kept: JSON.stringify(fake.sheet("Summary kept for May")) === kept,
    }).toEqual({ trackers: ["Indicators", "Activities"], made: ["Summary", "Scorecard History", "Scorecard Rules"], kept: true });
  });

  test("sheets the add-in makes carry its hidden mark, the record sheet too", async () => {
    const fake = createFakeExcel(generatedTracker(10));
    await buildSummaryCommand(fake.run, SETTINGS, TODAY);
    expect(["Summary", "Scorecard Rules", "RagScorecardState"].map((n) => fake.sheet(n)!.names)).toEqual([
      [{ name: OWNER_MARK, formula: '="Summary"', visible: false }],
      [{ name: OWNER_MARK, formula: '="Scorecard Rules"', visible: false }],
      [{ name: OWNER_MARK, formula: '="RagScorecardState"', visible: false }],
    ]);
  });
});

describe("the saved part of the record is bounded", () => {
  test("an entry listing more cells than our columns can hold is dropped, not expanded cell by cell", () => {
    const { decodeSaved } = require("../../src/excel/saved") as typeof import("../../src/excel/saved");
    const started = Date.now();
    const saved = decodeSaved(JSON.stringify({ v: 1, sheets: { Forged: { f: [], v: "A1:XFD1048576" }, KPIs: { f: [], v: "K3:K13" } } }));
    expect([Object.keys(saved), saved.KPIs.values.size, Date.now() - started < 2000]).toEqual([["KPIs"], 11, true]);
  });
});
