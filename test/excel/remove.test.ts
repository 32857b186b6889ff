// Remove colours puts back exactly what was there, and a protected sheet stops everything before any write.
import { applyPlans } from "../../src/excel/apply";
import { ExcelHostError } from "../../src/excel/errors";
import { removeColours } from "../../src/excel/remove";
import { STATE_SHEET } from "../../src/excel/state";
import type { FakeWorkbookInit } from "../../src/fake-excel";
import { createFakeExcel } from "../../src/fake-excel";
import { applyPlan, stateOf, summaryPlan, tracker } from "./plans";

type Snapshot = { sheets: { name: string }[]; settings: Record<string, unknown> };
/** The sheets but our record sheet (which remembers what Remove colours did). */
const sheetsOf = (s: unknown): unknown => (s as Snapshot).sheets.filter((x) => x.name !== STATE_SHEET);

/** The officer's tracker with all kinds of previous formats on the cells we colour. */
function decorated(rows: number): FakeWorkbookInit {
  const init = tracker(rows);
  init.sheets[0].formats!.push(
    { address: "E6", format: { borders: { top: { style: "Dash", color: "#FF0000", weight: "Medium" }, bottom: { style: "Continuous", color: "#000000", weight: "Thin" }, left: { style: "None", color: "#000000", weight: "Thin" }, right: { style: "Double", color: "#00FF00", weight: "Thick" } } } },
    { address: "E7:E8", format: { fill: "#DDEBF7", bold: true, hAlign: "Center", wrap: true } },
    { address: "F2:F3", format: { fill: "#E2EFDA" } },
  );
  init.sheets[0].numberFormats = [[], [null, null, null, null, "0.0", "@"]];
  return init;
}

describe("Remove colours", () => {
  test.each([
    { rule: "one apply, then remove", applies: [0] },
    { rule: "apply twice (statuses changed), then remove", applies: [0, 2] },
    { rule: "apply, apply to fewer rows, then remove", applies: [0, 0], fewer: true },
    { rule: "a plan touching every restorable property", applies: [0], every: true },
    { rule: "every property, then a plain apply (stale properties restored), then remove", applies: [0, 1], every: true },
  ])("restores every cell's formats and clears the owned column: $rule", async ({ applies, fewer, every }) => {
    const rows = 30;
    const fake = createFakeExcel(decorated(rows));
    const before = fake.snapshot();
    for (const [i, shift] of applies.entries()) {
      const plan = applyPlan(fewer && i > 0 ? rows - 10 : rows, shift);
      if (every && i === 0) {
        plan.styles.push({
          style: { border: "#7F7F7F", numberFormat: "0%", italic: true, hAlign: "center", vAlign: "top", wrap: true, fontName: "Arial", fontSize: 9 },
          ranges: [{ top: 4, left: 4, bottom: 8, right: 5 }],
        });
        plan.columnWidths.push({ col: 4, width: 30 });
        plan.rowHeights.push({ row: 5, height: 30 });
      }
      await applyPlans(fake.run, [plan]);
    }
    expect(sheetsOf(fake.snapshot())).not.toEqual(sheetsOf(before));
    const result = await removeColours(fake.run);
    expect({ sheets: sheetsOf(fake.snapshot()), restored: result.restored, syncs: result.syncs }).toEqual({ sheets: sheetsOf(before), restored: ["Indicators"], syncs: 4 });
  });

  test("with edit and summary plans together, remove keeps the summary unless asked", async () => {
    const fake = createFakeExcel(decorated(10));
    await applyPlans(fake.run, [applyPlan(10), summaryPlan(10)]);
    await removeColours(fake.run);
    const kept = fake.sheetNames();
    const result = await removeColours(fake.run, { deleteOwnedSheets: true });
    expect({ kept, after: fake.sheetNames(), deleted: result.deleted, owned: stateOf(fake)?.owned }).toEqual({
      kept: ["Indicators", "Notes", "Summary"],
      after: ["Indicators", "Notes"],
      deleted: ["Summary"],
      owned: [],
    });
  });

  // Four syncs (facts, our record, what our cells hold, writes) and three reading the 20,000 coloured cells
  // outside our column, as they are and as backed up (kept-formats.ts: about 6 MB; the first request is
  // sized for long formats, the next from what it measured).
  test("20,000 rows: restore is exact and takes seven syncs", async () => {
    const rows = 20000;
    const fake = createFakeExcel(decorated(rows));
    const before = fake.snapshot();
    await applyPlans(fake.run, [applyPlan(rows)]);
    fake.stats.reset();
    await removeColours(fake.run);
    expect({ same: JSON.stringify(sheetsOf(fake.snapshot())) === JSON.stringify(sheetsOf(before)), syncs: fake.stats.syncs, big: Math.max(fake.stats.maxRequestBytes, fake.stats.maxResponseBytes) < 5 * 1024 * 1024 }).toEqual({ same: true, syncs: 7, big: true });
  });

  test.each([
    { rule: "not JSON", value: "{oops" },
    { rule: "a damaged address list", value: JSON.stringify({ v: 1, sheets: { Indicators: { f: [{ p: { fill: null }, a: "E2:??" }], v: "" } } }) },
    { rule: "an unknown version", value: JSON.stringify({ v: 99 }) },
  ])("a damaged saved-formats record ($rule) does not block Apply colours", async ({ value }) => {
    const init = tracker(5);
    init.sheets.push({ name: STATE_SHEET, visibility: "VeryHidden", values: [['{"version":1,"owned":[]}'], [value]], numberFormats: [["@"], ["@"]] });
    const fake = createFakeExcel(init);
    const result = await applyPlans(fake.run, [applyPlan(5)]);
    expect([result.sheets[0].sheet, fake.sheet("Indicators")!.cell("F2").value]).toEqual(["Indicators", "✓ On target"]);
  });

  test("saved formats are compact: identical previous formats share one address list", async () => {
    const rows = 20000;
    const fake = createFakeExcel(tracker(rows));
    await applyPlans(fake.run, [applyPlan(rows)]);
    const saved = stateOf(fake)!.saved;
    expect(saved.length).toBeLessThan(2000);
  });
});

describe("protection: a clear message and nothing written", () => {
  test.each([
    { rule: "Apply colours on a protected tracker", sheet: "Indicators", plans: () => [applyPlan(10)], kind: "protected", setup: (f: ReturnType<typeof createFakeExcel>) => f.setProtected("Indicators", true) },
    { rule: "Apply with a summary when one tracker is protected", sheet: "Indicators", plans: () => [summaryPlan(5), applyPlan(10)], kind: "protected", setup: (f: ReturnType<typeof createFakeExcel>) => f.setProtected("Indicators", true) },
  ])("$rule", async ({ plans, kind, sheet, setup }) => {
    const fake = createFakeExcel(tracker(10));
    setup(fake);
    const before = fake.snapshot();
    const error = await applyPlans(fake.run, plans()).catch((e: unknown) => e);
    expect({
      type: error instanceof ExcelHostError,
      kind: (error as ExcelHostError).kind,
      sheet: (error as ExcelHostError).sheet,
      names: (error as Error).message.includes(`"${sheet}"`),
      unchanged: fake.snapshot(),
      syncs: fake.stats.syncs,
    }).toEqual({ type: true, kind, sheet, names: true, unchanged: before, syncs: 1 });
  });

  test("a protected workbook structure stops Build summary before anything is written", async () => {
    const init = tracker(5);
    init.protected = true;
    const fake = createFakeExcel(init);
    const before = fake.snapshot();
    const error = (await applyPlans(fake.run, [summaryPlan(5)]).catch((e: unknown) => e)) as ExcelHostError;
    expect([error.kind, /structure is protected/.test(error.message), fake.snapshot()]).toEqual(["workbookProtected", true, before]);
  });

  test("an owned summary the user protected is not silently replaced", async () => {
    const fake = createFakeExcel(tracker(5));
    await applyPlans(fake.run, [summaryPlan(5)]);
    fake.setProtected("Summary", true);
    const before = fake.snapshot();
    const error = (await applyPlans(fake.run, [summaryPlan(6)]).catch((e: unknown) => e)) as ExcelHostError;
    expect([error.kind, error.sheet, fake.snapshot()]).toEqual(["protected", "Summary", before]);
  });

  test("Remove colours on a sheet protected since Apply: message, nothing changed", async () => {
    const fake = createFakeExcel(tracker(10));
    await applyPlans(fake.run, [applyPlan(10)]);
    fake.setProtected("Indicators", true);
    const before = fake.snapshot();
    const error = (await removeColours(fake.run).catch((e: unknown) => e)) as ExcelHostError;
    expect([error.kind, error.sheet, fake.snapshot()]).toEqual(["protected", "Indicators", before]);
  });

  test("an edit plan for a sheet that no longer exists names it and writes nothing", async () => {
    const fake = createFakeExcel(tracker(3));
    const before = fake.snapshot();
    const plan = applyPlan(3);
    plan.sheet = "Activities";
    const error = (await applyPlans(fake.run, [plan]).catch((e: unknown) => e)) as ExcelHostError;
    expect([error.kind, error.message.includes('"Activities"'), fake.snapshot()]).toEqual(["missingSheet", true, before]);
  });
});
