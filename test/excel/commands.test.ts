// The add-in's commands against the strict fake, on a real sample tracker (read from its .xlsx by the file host).
import { HISTORY_SHEET } from "../../src/engine/history/types";
import * as path from "path";
import { RULES_SHEET } from "../../src/engine/rules-sheet/rules-sheet";
import { runScorecard } from "../../src/engine/scorecard";
import type { SheetGrid } from "../../src/engine/vocab/types";
import { applyColoursCommand, buildSummaryCommand, detectScorecard, removeColoursCommand, saveSettingsCommand } from "../../src/excel";
import { ExcelHostError } from "../../src/excel/errors";
import { checkRequirements, REQUIREMENTS_MESSAGE } from "../../src/excel/requirements";
import { STATE_SHEET } from "../../src/excel/state";
import type { FakeExcel } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { readXlsx } from "../../src/xlsx";
import { stateOf } from "./plans";
import { gridsToInit, TODAY } from "./trackers";

const SAMPLE = path.join(__dirname, "../../samples/broxtowe-pentana.xlsx");
const BROXTOWE = { preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30" };
const EXPECTED = require("../../samples/broxtowe-pentana.expected.json") as { counts: Record<string, Record<string, number>> };

let grids: SheetGrid[];
beforeAll(async () => {
  grids = (await readXlsx(SAMPLE)).grids;
});

const open = (): FakeExcel => createFakeExcel(gridsToInit(grids));
const nonZero = (c: Record<string, Record<string, number>>) =>
  Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).filter(([, n]) => n > 0))]));

type Snap = { sheets: { name: string }[] };
/** The officers' sheets only (not the rules sheet or our record sheet). */
const trackersOf = (fake: FakeExcel): unknown => (fake.snapshot() as Snap).sheets.filter((s) => s.name !== RULES_SHEET && s.name !== STATE_SHEET && s.name !== HISTORY_SHEET && !s.name.startsWith("Summary"));

describe("detectScorecard", () => {
  test("reads what the file host reads, rates it as the sample expects, writes nothing, in two syncs", async () => {
    const fake = open();
    const before = fake.snapshot();
    const run = await detectScorecard(fake.run, BROXTOWE, TODAY);
    const file = runScorecard(grids, { ...BROXTOWE, today: TODAY });
    expect({
      counts: nonZero(run.result.counts),
      sameAsFileHost: JSON.stringify(run.result.counts) === JSON.stringify(file.result.counts),
      tables: run.result.tables.map((t) => `${t.sheet}:${t.kind}`),
      unchanged: fake.snapshot(),
      syncs: fake.stats.syncs,
    }).toEqual({ counts: EXPECTED.counts, sameAsFileHost: true, tables: file.result.tables.map((t) => `${t.sheet}:${t.kind}`), unchanged: before, syncs: 2 });
  });
});

describe("applyColoursCommand", () => {
  test("colours the trackers, saves the settings in the workbook, says what it did", async () => {
    const fake = open();
    const result = await applyColoursCommand(fake.run, BROXTOWE, TODAY);
    const records = result.run.result.rated.length;
    const state = stateOf(fake)!;
    expect({
      message: result.message,
      syncs: [result.syncs === fake.stats.syncs, result.syncs <= 4],
      sheets: result.sheets,
      names: fake.sheetNames(),
      record: [state.visibility, state.owned, state.saved.length > 0],
      settings: (await detectScorecard(fake.run, {}, TODAY)).settings,
    }).toEqual({
      message: `Coloured ${records} records on 2 sheets.`,
      syncs: [true, true],
      sheets: [
        { plan: "Key Tasks", sheet: "Key Tasks", action: "edit" },
        { plan: "Indicators", sheet: "Indicators", action: "edit" },
        { plan: RULES_SHEET, sheet: RULES_SHEET, action: "create" },
        { plan: HISTORY_SHEET, sheet: HISTORY_SHEET, action: "create" },
      ],
      names: ["Key Tasks", "Indicators", RULES_SHEET, HISTORY_SHEET],
      record: [
        "VeryHidden",
        [
          { sheet: RULES_SHEET, plan: RULES_SHEET },
          { sheet: HISTORY_SHEET, plan: HISTORY_SHEET },
        ],
        true,
      ],
      settings: { preset: "pentana", period: "Q1 2021/22", reportDate: "2021-06-30", columnOverrides: [] },
    });
  });

  test.each([
    { rule: "explicit settings win over the rules sheet and are saved", second: { preset: "rag", period: "Q1 2021/22", committee: "Finance and Resources" }, preset: "rag", committee: "Finance and Resources" },
    { rule: "no settings given: the rules sheet's are used", second: {}, preset: "pentana", committee: undefined },
  ])("$rule", async ({ second, preset, committee }) => {
    const fake = open();
    await applyColoursCommand(fake.run, BROXTOWE, TODAY);
    const again = await applyColoursCommand(fake.run, second, TODAY);
    const saved = (await detectScorecard(fake.run, {}, TODAY)).settings;
    expect([again.run.scheme.key, saved.preset, saved.committee, saved.period]).toEqual([preset, preset, committee, "Q1 2021/22"]);
  });

  test("column overrides given to the command are used for rating and saved", async () => {
    const fake = open();
    const first = await detectScorecard(fake.run, BROXTOWE, TODAY);
    const table = first.result.tables.find((t) => t.kind === "indicator")!;
    const comment = table.columns.find((c) => c.role === "comment")!;
    const columnOverrides = [{ sheet: table.sheet, header: comment.header, role: "ignore" as const }];
    const result = await applyColoursCommand(fake.run, { ...BROXTOWE, columnOverrides }, TODAY);
    const saved = (await detectScorecard(fake.run, {}, TODAY)).settings.columnOverrides;
    const roleNow = result.run.result.tables.find((t) => t.kind === "indicator")!.columns.find((c) => c.header === comment.header)!.role;
    expect([roleNow, saved]).toEqual(["ignore", columnOverrides]);
  });

  test("a protected tracker: a clear message naming the sheet, and nothing written", async () => {
    const fake = open();
    fake.setProtected("Indicators", true);
    const before = fake.snapshot();
    const error = (await applyColoursCommand(fake.run, BROXTOWE, TODAY).catch((e: unknown) => e)) as ExcelHostError;
    expect([error instanceof ExcelHostError, error.kind, error.sheet, error.message, fake.snapshot()]).toEqual([
      true,
      "protected",
      "Indicators",
      'The sheet "Indicators" is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.',
      before,
    ]);
  });

  test("a protected workbook structure: our record sheet cannot be added, so nothing is written", async () => {
    const init = gridsToInit(grids);
    init.protected = true;
    const fake = createFakeExcel(init);
    const before = fake.snapshot();
    const error = (await applyColoursCommand(fake.run, BROXTOWE, TODAY).catch((e: unknown) => e)) as ExcelHostError;
    expect([error.kind, /structure is protected/.test(error.message), fake.snapshot()]).toEqual(["workbookProtected", true, before]);
  });
});

describe("buildSummaryCommand", () => {
  test("builds and shows the summary, colours the trackers, records what it made", async () => {
    const fake = open();
    const progress: string[] = [];
    const result = await buildSummaryCommand(fake.run, BROXTOWE, TODAY, (f, step) => progress.push(`${f}:${step}`));
    expect({
      message: result.message,
      syncs: result.syncs <= 6,
      names: fake.sheetNames(),
      shown: fake.selection()?.sheet,
      owned: stateOf(fake)!.owned,
      progress: [progress[0], progress[progress.length - 1]],
    }).toEqual({
      message: `Built the summary on sheet Summary and coloured ${result.run.result.rated.length} records on 2 sheets.`,
      syncs: true,
      names: ["Key Tasks", "Indicators", "Summary", HISTORY_SHEET, RULES_SHEET],
      shown: "Summary",
      owned: [
        { sheet: "Summary", plan: "Summary" },
        { sheet: HISTORY_SHEET, plan: HISTORY_SHEET },
        { sheet: RULES_SHEET, plan: RULES_SHEET },
      ],
      progress: ["0:Reading the workbook", "1:Done"],
    });
  });

  test("rebuilding replaces our summary where it stands; a user's own 'Summary' is never touched", async () => {
    const init = gridsToInit(grids);
    init.sheets.push({ name: "Summary", values: [["My own notes"]] });
    const fake = createFakeExcel(init);
    const first = await buildSummaryCommand(fake.run, BROXTOWE, TODAY);
    const second = await buildSummaryCommand(fake.run, { period: "Q2 2021/22" }, TODAY);
    expect({
      first: first.message,
      second: second.sheets.filter((s) => s.action === "create").map((s) => s.sheet),
      names: fake.sheetNames(),
      mine: fake.sheet("Summary")!.values,
      period: String(fake.sheet("Summary (2)")!.values[0][0]),
    }).toEqual({
      first: `Built the summary on sheet Summary (2) and coloured ${first.run.result.rated.length} records on 2 sheets.`,
      second: ["Summary (2)", HISTORY_SHEET, RULES_SHEET],
      names: ["Key Tasks", "Indicators", "Summary", "Summary (2)", HISTORY_SHEET, RULES_SHEET],
      mine: [["My own notes"]],
      period: "Performance report — Quarter 2 (July to September) 2021/22",
    });
  });
});

describe("removeColoursCommand", () => {
  test("after Apply colours twice and Build summary, every officer's cell is back exactly as it was", async () => {
    const fake = open();
    const before = trackersOf(fake);
    await applyColoursCommand(fake.run, BROXTOWE, TODAY);
    await applyColoursCommand(fake.run, { preset: "rag" }, TODAY);
    await buildSummaryCommand(fake.run, { preset: "cannock" }, TODAY);
    expect(trackersOf(fake)).not.toEqual(before);
    const result = await removeColoursCommand(fake.run);
    const again = await removeColoursCommand(fake.run);
    expect({ trackers: trackersOf(fake), message: result.message, syncs: result.syncs, again: again.message, kept: fake.sheetNames() }).toEqual({
      trackers: before,
      message: "Removed the colours from 2 sheets and put back the formats that were there before.",
      syncs: 4,
      again: "There were no colours to remove.",
      kept: ["Key Tasks", "Indicators", RULES_SHEET, HISTORY_SHEET, "Summary"],
    });
  });

  test("nothing applied yet (no record sheet): nothing to remove, nothing written, one sync", async () => {
    const fake = open();
    const before = fake.snapshot();
    const result = await removeColoursCommand(fake.run);
    expect([result.message, fake.snapshot(), result.syncs]).toEqual(["There were no colours to remove.", before, 1]);
  });
});

describe("saveSettingsCommand", () => {
  test("writes only the Scorecard Rules sheet (and our record): facts, the rules sheet, the write", async () => {
    const fake = open();
    const before = trackersOf(fake);
    await saveSettingsCommand(fake.run, { ...BROXTOWE, committee: "Policy and Performance" }, TODAY);
    const syncs = fake.stats.syncs;
    await saveSettingsCommand(fake.run, { period: "Q2 2021/22" }, TODAY);
    const resaved = fake.stats.syncs - syncs;
    const saved = (await detectScorecard(fake.run, {}, TODAY)).settings;
    expect({ trackers: trackersOf(fake), names: fake.sheetNames(), saved: [saved.preset, saved.period, saved.committee], syncs: [syncs, resaved], owned: stateOf(fake)!.owned }).toEqual({
      trackers: before,
      names: ["Key Tasks", "Indicators", RULES_SHEET],
      saved: ["pentana", "Q2 2021/22", "Policy and Performance"],
      syncs: [2, 3],
      owned: [{ sheet: RULES_SHEET, plan: RULES_SHEET }],
    });
  });
});

describe("requirement check", () => {
  test.each([
    { rule: "ExcelApi 1.9 present: no message", has: true, expected: null },
    { rule: "older Excel: the message says what is needed and what to do", has: false, expected: REQUIREMENTS_MESSAGE },
  ])("$rule", ({ has, expected }) => {
    expect(checkRequirements((name, version) => has && name === "ExcelApi" && version === "1.9")).toBe(expected);
  });

  test("the message is plain and names the requirement", () => {
    expect(REQUIREMENTS_MESSAGE).toBe("This add-in needs Excel 2021 or later, Microsoft 365 or Excel on the web (ExcelApi 1.9); volume-licensed Office 2019 stops at ExcelApi 1.7. Update Office or open the workbook in Excel on the web.");
  });
});
