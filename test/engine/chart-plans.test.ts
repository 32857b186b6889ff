// Trend chart plans (issue 14 item 3, engine side): a line chart beside each exception indicator with
// three or more figures (the tracker's period columns and the history, a period once), its data in
// cells right of the print area, a dashed target, at most 40 worst first, the rest "chart omitted".
import { RAG } from "../../src/engine/scheme/presets";
import { CHART_HEADER, CHART_ROW_HEIGHT, omittedText } from "../../src/engine/summary/layout-charts";
import { MAX_CHARTS } from "../../src/engine/summary/history-model";
import { cellsOf, headerColumns, indicator, pack, quarters, rangeValues, rowOf, activity, type PeriodRun } from "./pack-history-fixture";
import type { ChartPlan, SheetPlan } from "../../src/engine/vocab/plan";
import type { SourceRecord } from "../../src/engine/vocab/types";

const scheme = RAG;

function chartFor(plan: SheetPlan, ref: string): ChartPlan | undefined {
  return plan.charts?.find((c) => c.title.startsWith(`${ref} `));
}

/** Q1 and Q2 runs recorded; Q3 run's tracker holds the quarter columns given. */
function runs(q3: SourceRecord[], earlier: [q1: SourceRecord[], q2: SourceRecord[]] = [[], []]): PeriodRun[] {
  return [
    { period: "Q1 2010/11", records: earlier[0] },
    { period: "Q2 2010/11", records: earlier[1] },
    { period: "Q3 2010/11", records: q3 },
  ];
}

describe("the figures a chart draws", () => {
  const cases: [name: string, periods: PeriodRun[], labels: string[], actual: number[], target: (number | null)[]][] = [
    [
      "the tracker's own quarter columns",
      runs([indicator(2, 100, 40, { series: quarters(2, [70, 55, 40]) })]),
      ["Q1 10/11", "Q2 10/11", "Q3 10/11"],
      [70, 55, 40],
      [100, 100, 100],
    ],
    [
      "the history alone (the tracker has one actual column)",
      runs([indicator(2, 100, 40)], [[indicator(2, 90, 80)], [indicator(2, 95, 60)]]),
      ["Q1 10/11", "Q2 10/11", "Q3 10/11"],
      [80, 60, 40],
      [90, 95, 100],
    ],
    [
      // Q2 is in both: the tracker's figure stands (it may be corrected), the target recorded then is kept.
      "both, a period in both counted once",
      [
        { period: "Q4 2009/10", records: [indicator(2, 80, 90)] },
        { period: "Q2 2010/11", records: [indicator(2, 95, 61)] },
        { period: "Q3 2010/11", records: [indicator(2, 100, 40, { series: quarters(2, [null, 60, 40]) })] },
      ],
      ["Q4 09/10", "Q2 10/11", "Q3 10/11"],
      [90, 60, 40],
      [80, 95, 100],
    ],
    [
      "a target that is not a figure: no target line",
      runs([indicator(2, "TBC", 40, { manual: { cell: "H2", value: "Red", text: "Red" }, series: quarters(2, [70, 55, 40]) })]),
      ["Q1 10/11", "Q2 10/11", "Q3 10/11"],
      [70, 55, 40],
      [],
    ],
  ];
  test.each(cases)("%s: the plan's ranges hold the labels, figures and target", (_name, periods, labels, actual, target) => {
    const { plan } = pack(scheme, periods);
    const chart = chartFor(plan, "PI 2");
    expect(chart).toBeDefined();
    if (!chart) return;
    expect(rangeValues(plan, chart.categories)).toEqual(labels);
    expect(rangeValues(plan, chart.series[0].values)).toEqual(actual);
    expect(chart.series[0].dashed).toBeFalsy();
    if (target.length === 0) {
      expect(chart.series).toHaveLength(1);
      expect(chart.title).toBe("PI 2 Indicator 2: actual over time");
    } else {
      expect(chart.series[1]).toMatchObject({ name: "Target", dashed: true });
      expect(rangeValues(plan, chart.series[1].values)).toEqual(target);
      expect(chart.title).toBe("PI 2 Indicator 2: actual against target");
    }
  });
  const none: [name: string, periods: PeriodRun[]][] = [
    ["two figures only", runs([indicator(2, 100, 40, { series: quarters(2, [null, 55, 40]) })])],
    // The tracker's latest column is Q2's (an earlier period than the report's): its figure is not drawn twice.
    ["a stale tracker's two figures", runs([indicator(2, 100, 40, { series: quarters(2, [55, 40]) })])],
    ["one figure a period, one period", [{ period: "Q3 2010/11", records: [indicator(2, 100, 40)] }]],
    ["on target: not an exception", runs([indicator(2, 100, 120, { series: quarters(2, [70, 55, 120]) })])],
  ];
  test.each(none)("no chart: %s", (_name, periods) => {
    const { plan, model } = pack(scheme, periods);
    expect(plan.charts).toBeUndefined();
    expect([...cellsOf(plan).values.values()]).not.toContain(CHART_HEADER);
    // With no previous period and nothing to chart, the pack has no history at all.
    if (periods.length === 1) expect(model.history).toBeUndefined();
  });
  test("percentages are charted as the fractions they are, formatted as percentages", () => {
    const series = quarters(2, ["70%", "55%", "40%"]);
    const { plan } = pack(scheme, runs([indicator(2, "80%", "40%", { series })]));
    const chart = chartFor(plan, "PI 2") as ChartPlan;
    expect(rangeValues(plan, chart.series[0].values)).toEqual([0.7, 0.55, 0.4]);
    const formats = plan.styles.filter((g) => g.ranges.some((r) => r.top === chart.series[0].values.top && r.left === chart.series[0].values.left)).map((g) => g.style.numberFormat);
    expect(formats).toContain("0.0%");
    expect(chart.description).toContain("fell from 70% to 40%");
  });
});

describe("where a chart sits", () => {
  const records = [indicator(2, 100, 40, { series: quarters(2, [70, 55, 40]) }), indicator(3, 100, 95, { series: quarters(3, [99, 97, 95]) }), indicator(4, 100, 120)];
  test("beside its exception's row, inside the print area, its data outside it", () => {
    const { plan } = pack(scheme, runs(records));
    const area = plan.print?.printArea;
    expect(area).toBeDefined();
    if (!area) return;
    const header = rowOf(plan, "Ref", 0, rowOf(plan, "Exceptions", 0));
    const chartCol = headerColumns(plan, header).get(CHART_HEADER);
    for (const ref of ["PI 2", "PI 3"]) {
      const chart = chartFor(plan, ref) as ChartPlan;
      const row = rowOf(plan, ref, 0, header);
      expect(chart.anchor).toMatchObject({ top: row, bottom: row, left: chartCol });
      expect(chart.anchor.right).toBeLessThanOrEqual(area.right);
      expect(chart.anchor.bottom).toBeLessThanOrEqual(area.bottom);
      expect(plan.rowHeights.find((h) => h.row === row)?.height).toBeGreaterThanOrEqual(CHART_ROW_HEIGHT);
      for (const range of [chart.categories, ...chart.series.map((s) => s.values)]) expect(range.left).toBeGreaterThan(area.right);
    }
    // The column widths cover the printed columns only; the print area is the whole pack otherwise.
    expect(Math.max(...plan.columnWidths.map((w) => w.col))).toBe(area.right);
    expect(area.top).toBe(0);
    expect(Math.max(...plan.blocks.filter((b) => b.col <= area.right).map((b) => b.row + b.values.length - 1))).toBe(area.bottom);
  });
  test("every chart has a title and alt text saying the trend in words", () => {
    const { plan } = pack(scheme, runs(records));
    const chart = chartFor(plan, "PI 2") as ChartPlan;
    expect(chart.title).toBe("PI 2 Indicator 2: actual against target");
    expect(chart.description).toBe(
      "Line chart of Indicator 2 over 3 periods, Q1 2010/11 to Q3 2010/11. The figure fell from 70 to 40. Lowest 40 in Q3 2010/11; highest 70 in Q1 2010/11. The target, a dashed line, is 100 in Q3 2010/11: the latest figure is below it (higher is better).",
    );
  });
  test("a long name is cut in the title (the row beside the chart has it whole)", () => {
    const name = "Percentage of young people within the Youth Justice System receiving a conviction in court";
    const { plan } = pack(scheme, runs([indicator(2, 100, 40, { name, series: quarters(2, [70, 55, 40]) })]));
    const chart = plan.charts?.[0] as ChartPlan;
    expect(chart.title).toBe("PI 2 Percentage of young people within the Y…: actual against target");
    expect(chart.description.startsWith(`Line chart of ${name} over 3 periods`)).toBe(true);
  });
  test("activities have no chart", () => {
    const { plan } = pack(scheme, runs([activity(2, "Overdue")], [[activity(2, "Overdue")], [activity(2, "Overdue")]]));
    expect(plan.charts).toBeUndefined();
  });
});

describe("the exceptions table with every added column", () => {
  // Long-term trend (a year-ago figure), last period, a lead officer and a chart: each has its own grid column.
  const yearAgo = { label: "Q3 2009/10 Actual", field: { cell: "F2", value: 80, text: "80" }, period: { label: "Q3 2009/10 Actual", quarter: 3, year: "2009/10", yearToDate: false } };
  const records = [indicator(2, 100, 40, { lead: "A. Officer", yearAgo, series: quarters(2, [70, 55, 40]) })];
  test("no two columns share a grid column, and the chart is the last", () => {
    const { plan } = pack(scheme, runs(records, [[], [indicator(2, 100, 120)]]));
    const header = rowOf(plan, "Ref", 0, rowOf(plan, "Exceptions", 0));
    const cols = headerColumns(plan, header);
    expect([...cols.keys()]).toEqual(expect.arrayContaining(["Status", "Last period", "Long term", "Lead officer", CHART_HEADER]));
    expect(new Set(cols.values()).size).toBe(cols.size);
    expect(cols.get("Last period")).toBe((cols.get("Status") as number) + 1);
    expect(Math.max(...cols.values())).toBe(cols.get(CHART_HEADER));
    const chart = chartFor(plan, "PI 2") as ChartPlan;
    expect(chart.anchor.left).toBe(cols.get(CHART_HEADER));
    expect(chart.anchor.right).toBe(plan.print?.printArea?.right);
  });
});

describe("a chart keeps the three grid columns it is drawn for", () => {
  // derby-csp: long comments beside the charts took a grid column from them when Type was left out.
  const comment = "The service has been affected by staff shortages and the figures this quarter reflect a backlog of cases that built up over the summer while recruitment was under way. ".repeat(3);
  test("however long the comments beside it", () => {
    const records = Array.from({ length: 6 }, (_, i) => indicator(2 + i, 100, 40, { comment: { cell: `Z${2 + i}`, value: comment, text: comment }, series: quarters(2 + i, [70, 55, 40]) }));
    const { plan } = pack(scheme, runs(records));
    const header = rowOf(plan, "Ref", 0, rowOf(plan, "Exceptions", 0));
    const left = headerColumns(plan, header).get(CHART_HEADER) as number;
    const chart = chartFor(plan, "PI 2") as ChartPlan;
    expect(chart.anchor.left).toBe(left);
    expect(chart.anchor.right - chart.anchor.left + 1).toBeGreaterThanOrEqual(3);
  });
});

describe("at most 40 charts, worst first", () => {
  // 30 off target (red) after 15 within tolerance (amber) in tracker order: red are listed first.
  const amber = Array.from({ length: 15 }, (_, i) => indicator(2 + i, 100, 95, { series: quarters(2 + i, [99, 97, 95]) }));
  const red = Array.from({ length: 30 }, (_, i) => indicator(20 + i, 100, 40, { series: quarters(20 + i, [70, 55, 40]) }));
  test.each([
    ["the default limit", undefined, MAX_CHARTS],
    ["a limit of 5", 5, 5],
  ] as const)("%s: the worst exceptions have charts, the rest say so", (_name, maxCharts, limit) => {
    const { plan, model } = pack(scheme, runs([...amber, ...red]), { maxCharts });
    expect(plan.charts).toHaveLength(limit);
    const charted = new Set((plan.charts ?? []).map((c) => c.title.split(" Indicator")[0]));
    const order = model.exceptions.map((e) => e.ref);
    expect([...charted].sort()).toEqual(order.slice(0, limit).sort());
    const { values } = cellsOf(plan);
    const header = rowOf(plan, "Ref", 0, rowOf(plan, "Exceptions", 0));
    const col = headerColumns(plan, header).get(CHART_HEADER);
    for (const ref of order.slice(limit)) expect(values.get(`${rowOf(plan, ref, 0, header)},${col}`)).toBe(omittedText(limit));
    for (const ref of order.slice(0, limit)) expect(values.get(`${rowOf(plan, ref, 0, header)},${col}`)).toBeUndefined();
    expect(order.slice(0, 30).every((r) => red.some((x) => x.ref === r))).toBe(true);
  });
});

describe("the headline over time (optional chart)", () => {
  const green = (n: number) => indicator(n, 100, 120);
  const red = (n: number) => indicator(n, 100, 40);
  const three: PeriodRun[] = [
    { period: "Q1 2010/11", records: [green(2), green(3), red(4)] },
    { period: "Q2 2010/11", records: [green(2), red(3), red(4)] },
    // PI 6 has no figure: no data, which says nothing of performance and is not drawn.
    { period: "Q3 2010/11", records: [red(2), red(3), red(4), green(5), indicator(6, 100, null)] },
  ];
  test("three periods: a line a rating, the counts of each period read back, off target dashed", () => {
    const { plan } = pack(scheme, three);
    const chart = plan.charts?.find((c) => c.title.startsWith("Indicators by rating")) as ChartPlan;
    expect(chart.title).toBe("Indicators by rating, Q1 2010/11 to Q3 2010/11");
    expect(rangeValues(plan, chart.categories)).toEqual(["Q1 10/11", "Q2 10/11", "Q3 10/11"]);
    const byName = Object.fromEntries(chart.series.map((s) => [s.name, { values: rangeValues(plan, s.values), dashed: s.dashed === true }]));
    expect(byName).toEqual({ "✓ On target": { values: [2, 1, 1], dashed: false }, "▲ Off target": { values: [1, 2, 3], dashed: true } });
    // Under the headline, inside the print area, its data outside it.
    const area = plan.print?.printArea;
    expect(chart.anchor.top).toBeGreaterThan(rowOf(plan, "Summary of ratings", 0));
    expect(chart.anchor.top).toBeLessThan(rowOf(plan, "Exceptions", 0));
    expect(chart.anchor.right).toBeLessThanOrEqual(area?.right ?? -1);
    expect(chart.categories.left).toBeGreaterThan(area?.right ?? Infinity);
    expect(chart.description).toBe("Line chart of the number of indicators at each rating over 3 periods, Q1 2010/11 to Q3 2010/11: On target from 2 to 1; Off target from 1 to 3.");
  });
  test("two periods: no chart of the headline", () => {
    const { plan } = pack(scheme, three.slice(1));
    expect(plan.charts?.some((c) => c.title.startsWith("Indicators by rating")) ?? false).toBe(false);
  });
});
