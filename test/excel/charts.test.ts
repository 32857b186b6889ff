// The Office.js host draws the charts a sheet plan describes (issue 14 item 3) on the strict fake:
// titles, positions, series and labels as planned, the target dashed, and no sync of their own.
import * as scorecard from "../../src/engine/scorecard";
import type { ChartPlan, SheetPlan } from "../../src/engine/vocab/plan";
import { buildSummaryCommand } from "../../src/excel";
import { applyPlans } from "../../src/excel/apply";
import { createFakeExcel } from "../../src/fake-excel";
import { summaryPlan, tracker } from "./plans";
import { generatedTracker, SETTINGS, TODAY } from "./trackers";

const LIMIT = 5 * 1024 * 1024;
const DATA_COL = 40; // AO: right of the printed columns

/** `count` charts on a create plan, each with five periods of data in three rows at column AO. */
function withCharts(plan: SheetPlan, count: number): SheetPlan {
  const values = Array.from({ length: count }, (_, i) => [
    ["Q1 2020/21", "Q2 2020/21", "Q3 2020/21", "Q4 2020/21", "Q1 2021/22"],
    [10 + i, 12, 9, 14, 11],
    [12, 12, 12, 12, 12],
  ]).flat();
  const charts: ChartPlan[] = Array.from({ length: count }, (_, i) => ({
    kind: "line",
    title: `HE ${i + 1}: residual waste per household (kg)`,
    description: `Line chart of HE ${i + 1} over five quarters against its target.`,
    categories: { top: 3 * i, left: DATA_COL, bottom: 3 * i, right: DATA_COL + 4 },
    series: [
      { name: "Actual", values: { top: 3 * i + 1, left: DATA_COL, bottom: 3 * i + 1, right: DATA_COL + 4 } },
      { name: "Target", values: { top: 3 * i + 2, left: DATA_COL, bottom: 3 * i + 2, right: DATA_COL + 4 }, dashed: true },
    ],
    anchor: { top: 10 + 12 * i, left: 10, bottom: 20 + 12 * i, right: 15 },
  }));
  return { ...plan, blocks: [...plan.blocks, { row: 0, col: DATA_COL, values }], charts };
}

/** Build summary with the engine's summary plan given `count` charts (the layout that plans them is elsewhere). */
async function buildSummaryWithCharts(fake: ReturnType<typeof createFakeExcel>, count: number): Promise<number> {
  const real = scorecard.runScorecard;
  const spy = jest.spyOn(scorecard, "runScorecard").mockImplementation((grids, options) => {
    const run = real(grids, options);
    return { ...run, plans: run.plans.map((p) => (p.action === "create" && p.sheet.startsWith("Summary") ? withCharts(p, count) : p)) };
  });
  try {
    return (await buildSummaryCommand(fake.run, SETTINGS, TODAY)).syncs;
  } finally {
    spy.mockRestore();
  }
}

test("each chart is added with its title, position, series, period labels and a dashed target", async () => {
  const fake = createFakeExcel(tracker(10));
  const plan = withCharts(summaryPlan(10), 3);
  await applyPlans(fake.run, [plan]);
  const drawn = fake.charts("Summary") ?? [];
  expect(drawn.map((c) => [c.type, c.title, c.position, c.legendPosition, c.titleFontSize, c.legendFontSize])).toEqual([
    ["Line", "HE 1: residual waste per household (kg)", "K11:P21", "Bottom", 9, 7],
    ["Line", "HE 2: residual waste per household (kg)", "K23:P33", "Bottom", 9, 7],
    ["Line", "HE 3: residual waste per household (kg)", "K35:P45", "Bottom", 9, 7],
  ]);
  expect(drawn[1].series).toEqual([
    { name: "Actual", values: "Summary!AO5:AS5", xValues: "Summary!AO4:AS4", lineStyle: "Automatic", lineColor: "#1F4E79", markerStyle: "Circle" },
    { name: "Target", values: "Summary!AO6:AS6", xValues: "Summary!AO4:AS4", lineStyle: "Dash", lineColor: "#595959", markerStyle: "None" },
  ]);
  // The figures the chart reads are the plan's.
  expect(fake.sheet("Summary")?.values[4].slice(DATA_COL, DATA_COL + 5)).toEqual([11, 12, 9, 14, 11]);
  expect(drawn.map((c) => c.valueAxisFormat)).toEqual(["General", "General", "General"]);
});

test("a percentage chart's value axis is labelled in per cent, not in fractions", async () => {
  const fake = createFakeExcel(tracker(10));
  const plan = withCharts(summaryPlan(10), 2);
  await applyPlans(fake.run, [{ ...plan, charts: plan.charts!.map((c, i) => (i === 1 ? { ...c, valueFormat: "0%" } : c)) }]);
  expect((fake.charts("Summary") ?? []).map((c) => c.valueAxisFormat)).toEqual(["General", "0%"]);
});

test("Build summary at 20,000 rows with 40 charts: the same syncs as without, every request within Excel's limits", async () => {
  const plain = createFakeExcel(generatedTracker(20000));
  const without = await buildSummaryWithCharts(plain, 0);
  const charted = createFakeExcel(generatedTracker(20000));
  const withForty = await buildSummaryWithCharts(charted, 40);
  const s = charted.stats.summary();
  const summary = charted.sheetNames().find((n) => n.startsWith("Summary")) as string;
  expect({
    charts: charted.charts(summary)?.length,
    syncs: withForty,
    reported: withForty === s.syncs,
    refused: s.requests.filter((r) => r.failed).length,
    request: s.maxRequestBytes < LIMIT,
  }).toEqual({ charts: 40, syncs: without, reported: true, refused: 0, request: true });
}, 300_000);

test("building the summary again replaces its charts: the old sheet's charts go with it", async () => {
  const fake = createFakeExcel(generatedTracker(30));
  await buildSummaryWithCharts(fake, 5);
  await buildSummaryWithCharts(fake, 4);
  const summaries = fake.allSheetNames().filter((n) => n.startsWith("Summary"));
  expect(summaries.map((n) => fake.charts(n)?.length)).toEqual([4]);
});

test("a chart whose series do not match its period labels is left out, and the rest are drawn", async () => {
  const fake = createFakeExcel(tracker(10));
  const plan = withCharts(summaryPlan(10), 2);
  const charts = plan.charts as ChartPlan[];
  plan.charts = [charts[0], { ...charts[1], series: [{ name: "Actual", values: { top: 4, left: DATA_COL, bottom: 4, right: DATA_COL + 2 } }] }];
  await applyPlans(fake.run, [plan]);
  expect(fake.charts("Summary")?.map((c) => c.title)).toEqual(["HE 1: residual waste per household (kg)"]);
});
