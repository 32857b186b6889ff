// Executing plans: constant round trips, requests under Excel's limits, the right cells written.
import { emptySheetPlan } from "../../src/engine/vocab/plan";
import { applyPlans } from "../../src/excel/apply";
import { charsToPoints, headerSections } from "../../src/excel/write";
import { createFakeExcel } from "../../src/fake-excel";
import { applyPlan, stateOf, STATUSES, summaryPlan, tracker } from "./plans";

const LIMIT = 5 * 1024 * 1024;

describe("Apply colours (edit plan on an officer's sheet)", () => {
  test.each([
    { rows: 10, maxSyncs: 4 },
    { rows: 20000, maxSyncs: 4 },
  ])("$rows rows: at most $maxSyncs syncs, requests under 5 MB, addresses under 8,192 characters", async ({ rows, maxSyncs }) => {
    const fake = createFakeExcel(tracker(rows));
    const result = await applyPlans(fake.run, [applyPlan(rows)]);
    const s = fake.stats.summary();
    expect({
      syncs: s.syncs <= maxSyncs,
      reported: result.syncs === s.syncs,
      request: s.maxRequestBytes < LIMIT,
      response: s.maxResponseBytes < LIMIT,
      address: s.maxAddressChars <= 8192,
    }).toEqual({ syncs: true, reported: true, request: true, response: true, address: true });
  });

  test("status values go into the owned column and every status cell gets its colours", async () => {
    const rows = 12;
    const fake = createFakeExcel(tracker(rows));
    await applyPlans(fake.run, [applyPlan(rows)]);
    const sheet = fake.sheet("Indicators")!;
    for (let i = 0; i < rows; i++) {
      const s = STATUSES[i % STATUSES.length];
      const e = sheet.cell(`E${i + 2}`);
      const f = sheet.cell(`F${i + 2}`);
      expect([f.value, f.numberFormat, e.fill, e.fontColor, e.bold, f.fill]).toEqual([s.label, "@", s.fill, s.font, true, s.fill]);
    }
    expect([sheet.cell("F1").value, sheet.values[1].slice(0, 5), sheet.columnWidths.F]).toEqual([
      "Status (auto)",
      ["PI 1", "Indicator number 1", 100, 90, "G"],
      charsToPoints(16),
    ]);
  });

  test("formatting uses one multi-area call per property and group, not one per cell", async () => {
    const rows = 2000;
    const fake = createFakeExcel(tracker(rows));
    await applyPlans(fake.run, [applyPlan(rows)]);
    // 4,000 coloured cells; a per-cell approach would need at least 3 operations each.
    expect(fake.stats.totalOps).toBeLessThan(400);
  });
});

describe("Build summary (create plan)", () => {
  test.each([
    { rows: 10, maxSyncs: 6 },
    { rows: 20000, maxSyncs: 6 },
  ])("$rows rows: at most $maxSyncs syncs, requests under 5 MB, addresses under 8,192 characters", async ({ rows, maxSyncs }) => {
    const fake = createFakeExcel(tracker(10));
    const result = await applyPlans(fake.run, [summaryPlan(rows)], { activate: true });
    const s = fake.stats.summary();
    expect({
      syncs: s.syncs <= maxSyncs,
      reported: result.syncs === s.syncs,
      request: s.maxRequestBytes < LIMIT,
      address: s.maxAddressChars <= 8192,
      lastRow: fake.sheet("Summary")!.values.length,
    }).toEqual({ syncs: true, reported: true, request: true, address: true, lastRow: 10 + rows });
  });

  test("layout: merges, widths, frozen rows, print setup, tab colour, number formats", async () => {
    const fake = createFakeExcel(tracker(3));
    await applyPlans(fake.run, [summaryPlan(5)], { activate: true });
    const s = fake.sheet("Summary")!;
    expect({
      merges: s.merges,
      widthB: s.columnWidths.B,
      height1: s.rowHeights[1],
      frozen: s.frozen,
      orientation: s.pageLayout.orientation,
      paper: s.pageLayout.paperSize,
      zoom: s.pageLayout.zoom,
      titles: s.pageLayout.printTitleRows,
      header: [s.pageLayout.headers.leftHeader, s.pageLayout.headers.rightHeader, s.pageLayout.headers.centerFooter],
      tab: s.tabColor,
      pct: [s.cell("C11").numberFormat, s.cell("C11").value, s.cell("C11").hAlign],
      title: [s.cell("A1").bold, s.cell("A1").fontSize],
      header10: [s.cell("I10").fill, s.cell("I10").fontColor, s.cell("I10").wrap, s.cell("I10").vAlign],
      border: [s.cell("A10").borders.top.style, s.cell("E12").borders.left.style, s.cell("I15").borders.bottom.color],
      selection: fake.selection()?.sheet,
    }).toEqual({
      merges: ["A1:I1", "A2:I2"],
      widthB: charsToPoints(50),
      height1: 24,
      frozen: { rows: 10, cols: 0 },
      orientation: "Landscape",
      paper: "A4",
      zoom: { horizontalFitToPages: 1 },
      titles: "$10:$10",
      header: ["Performance report", "Page &P of &N", "Printed &D"],
      tab: "#1F3864",
      pct: ["0.0%", 0.41, "Right"],
      title: [true, 16],
      header10: ["#1F3864", "#FFFFFF", true, "Center"],
      border: ["Continuous", "Continuous", "#BFBFBF"],
      selection: "Summary",
    });
  });

  test.each([
    { rule: "a leading = stays text", text: "=SUM(A1)" },
    { rule: "a leading + stays text", text: "+44 1543 462621" },
    { rule: "a leading - stays text", text: "-5% on last year" },
    { rule: "a leading @ stays text", text: "@risk" },
    { rule: "numeric-looking text stays text", text: "007" },
    { rule: "date-looking text stays text", text: "2010-12-31" },
  ])("literal text: $rule", async ({ text }) => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [["x"]] }] });
    const plan = emptySheetPlan("Report", "create");
    plan.blocks = [{ row: 0, col: 0, values: [[text, 42]] }];
    await applyPlans(fake.run, [plan]);
    const a1 = fake.sheet("Report")!.cell("A1");
    const b1 = fake.sheet("Report")!.cell("B1");
    expect([a1.value, a1.formula, a1.numberFormat, b1.value, b1.numberFormat]).toEqual([text, undefined, "@", 42, "General"]);
  });

  test("a user's sheet with the same name is never touched: the summary goes to 'Summary (2)' and is replaced there next time", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Summary", values: [["my own notes"]] }, { name: "Data", values: [["x"]] }] });
    const first = await applyPlans(fake.run, [summaryPlan(3)]);
    const positionAfterFirst = fake.sheet("Summary (2)")!.position;
    const second = await applyPlans(fake.run, [summaryPlan(4)]);
    expect({
      first: first.sheets[0].sheet,
      second: second.sheets[0].sheet,
      names: fake.sheetNames(),
      user: fake.sheet("Summary")!.values,
      rows: fake.sheet("Summary (2)")!.values.length,
      position: fake.sheet("Summary (2)")!.position === positionAfterFirst,
      owned: stateOf(fake)?.owned,
    }).toEqual({
      first: "Summary (2)",
      second: "Summary (2)",
      names: ["Summary", "Data", "Summary (2)"],
      user: [["my own notes"]],
      rows: 14,
      position: true,
      owned: [{ sheet: "Summary (2)", plan: "Summary" }],
    });
  });

  test("an owned sheet moved by the user is rebuilt where it stands", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Data", values: [["x"]] }, { name: "Other", values: [["y"]] }] });
    await applyPlans(fake.run, [summaryPlan(2)]);
    await fake.run(async (c) => {
      c.workbook.worksheets.getItem("Summary").position = 0;
      await c.sync();
    });
    await applyPlans(fake.run, [summaryPlan(2)]);
    expect(fake.sheetNames()).toEqual(["Summary", "Data", "Other"]);
  });
});

describe("plan details", () => {
  test.each([
    { code: "&LTitle&RPage &P of &N", expected: { left: "Title", center: "", right: "Page &P of &N" } },
    { code: "Centre only", expected: { left: "", center: "Centre only", right: "" } },
    { code: "&CR&&D report", expected: { left: "", center: "R&&D report", right: "" } },
  ])("header sections of $code", ({ code, expected }) => {
    expect(headerSections(code)).toEqual(expected);
  });

  test.each([
    { chars: 8.43, points: 48 },
    { chars: 16, points: 87.75 },
  ])("$chars characters are $points points", ({ chars, points }) => {
    expect(charsToPoints(chars)).toBeCloseTo(points, 1);
  });
});
