// Long-term direction of travel (RULES §6): the rated figure against the same period a year earlier,
// one change, beside the short term (against the previous period). Which column is "a year earlier",
// the rule, Derby's tracker as a real layout, and where the summary shows it.
import { join } from "path";
import { classifyHeader } from "../../src/engine/detect/headers";
import { layoutSummary } from "../../src/engine/summary/layout";
import { PRESETS, RAG } from "../../src/engine/scheme/presets";
import { rateIndicator, type IndicatorRatingInput } from "../../src/engine/rate/rate";
import { planColumns, readRecords } from "../../src/engine/detect/records";
import { longTermOf, summarise } from "../../src/engine/summary/summary";
import { detectTables } from "../../src/engine/detect/tables";
import { readXlsx } from "../../src/xlsx";
import { rateRecord } from "../../src/engine/rate/workbook";
import type { PlanValue, SheetPlan } from "../../src/engine/vocab/plan";
import type { CellValue, ColumnMapping, Field, LabelledField, Scheme, SourceRecord, Trend } from "../../src/engine/vocab/types";
import type { WorkbookResult } from "../../src/engine/rate/workbook";

/** Columns as detection maps them, one per header, from column A. */
function columns(...headers: string[]): ColumnMapping[] {
  return headers.map((header, col) => {
    const c = classifyHeader(header);
    return c.period ? { col, header, role: c.role, period: c.period } : { col, header, role: c.role };
  });
}

describe("the same period last year: which column (records.ts planColumns)", () => {
  // [case, headers, rated column, year-ago column, is it the short term's previous period too]
  const cases: [string, string[], string, string | undefined, boolean][] = [
    ["quarters over two years", ["Ref", "Indicator", "2020/21 Q1", "2020/21 Q2", "2020/21 Q3", "2020/21 Q4", "2021/22 Q1", "2021/22 Q2", "2021/22 Q3", "2021/22 Target"], "2021/22 Q3", "2020/21 Q3", false],
    ["months over two years", ["Ref", "Indicator", "May 2020", "Jun 2020", "Apr 2021", "May 2021", "Jun 2021", "Target"], "Jun 2021", "Jun 2020", false],
    ["whole years: the previous period is last year", ["Ref", "Indicator", "2019/20 Actual", "2020/21 Actual", "2021/22 Actual", "2021/22 Target"], "2021/22 Actual", "2020/21 Actual", true],
    ["a year-to-date point beside last year's", ["Ref", "Indicator", "Q3 YTD Actual 2009/10", "10/11 Target", "Q3 YTD Target", "Q3 YTD Actual"], "Q3 YTD Actual", "Q3 YTD Actual 2009/10", true],
    ["a year beside last year's baseline (Derby)", ["Ref", "Indicator", "Baseline 2008/09", "Target 2009/10", "Latest 2009/10", "Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"], "Latest 2009/10", "Baseline 2008/09", false],
    ["a quarter beside whole years only (Broxtowe)", ["Status", "Code & Short Name", "2019/20 Achieved", "2020/21 Achieved", "2021/22 Q1", "2021/22 Target"], "2021/22 Q1", undefined, false],
    ["year to date with no earlier year's (Dudley)", ["Ref.", "Definition", "08/09 Actual", "09/10 Actual", "10/11 Target", "Q1 Actual", "Q2 YTD Actual", "Q3 YTD Target", "Q3 YTD Actual"], "Q3 YTD Actual", undefined, false],
    ["a cumulative figure is not last year's quarter", ["Ref", "Indicator", "Q3 2009/10", "Q3 YTD 2010/11", "Target"], "Q3 YTD 2010/11", undefined, false],
    ["a rated column naming no period has none", ["Ref", "Indicator", "2020/21 Actual", "Outturn", "Target"], "Outturn", undefined, false],
  ];
  test.each(cases)("%s", (_case, headers, rated, yearAgo, sameAsShortTerm) => {
    const plan = planColumns(columns(...headers));
    expect(plan.actual?.header).toBe(rated);
    expect(plan.yearAgo?.header).toBe(yearAgo);
    const previous = plan.series[plan.series.length - 2];
    expect(yearAgo !== undefined && previous === plan.yearAgo).toBe(sameAsShortTerm);
  });
});

describe("the long-term trend: one change against the same period last year", () => {
  const base: IndicatorRatingInput = { polarity: "Higher is better", target: 100, actual: 110, yearAgo: { value: 100 } };
  // [case, scheme, input over base, long term, short term]
  const cases: [string, Scheme, Partial<IndicatorRatingInput>, Trend, Trend][] = [
    ["higher is better and it went up", RAG, {}, "improving", "notrend"],
    ["lower is better and it went up", RAG, { polarity: "Lower is better" }, "worsening", "notrend"],
    ["a change within the 1% static band", RAG, { actual: 100.9 }, "static", "notrend"],
    ["just beyond the band", RAG, { actual: 101.1 }, "improving", "notrend"],
    ["the target's operator gives the direction", RAG, { polarity: undefined, target: "Less than 50", actual: 40, yearAgo: { value: 45 } }, "improving", "notrend"],
    ["0 to 0 is static", RAG, { polarity: "Lower is better", target: 0, actual: 0, yearAgo: { value: 0 } }, "static", "notrend"],
    ["from 0 anything is beyond the band", RAG, { polarity: "Lower is better", target: 0, actual: 3, yearAgo: { value: 0 } }, "worsening", "notrend"],
    ["one change, though rag's short term needs three", RAG, { series: [{ value: 100 }, { value: 110 }] }, "improving", "notrend"],
    ["dudley's short term is the same one change here", PRESETS.dudley, { series: [{ value: 100 }, { value: 110 }] }, "improving", "improving"],
    ["78.9 typed beside 80% is 78.9%", RAG, { target: "75%", actual: "80%", yearAgo: { value: 78.9 } }, "improving", "notrend"],
    ["a percentage cell beside a typed one", RAG, { target: "75%", actual: 0.8, actualFormat: "0%", yearAgo: { value: "82%" } }, "worsening", "notrend"],
    ["data only (no target) still has a direction from its polarity", RAG, { target: "n/a", actual: 5, polarity: "Lower is better", yearAgo: { value: 6 } }, "improving", "notrend"],
    ["no polarity and no operator: no direction", RAG, { polarity: undefined }, "notrend", "notrend"],
    ["a band target says where, not which way", RAG, { target: "95%–105%", actual: "101%", yearAgo: { value: "97%" } }, "notrend", "notrend"],
    ["last year's figure not available", RAG, { yearAgo: { value: "Not available" } }, "notrend", "notrend"],
    ["this year's figure not available", RAG, { actual: "Awaiting guidance" }, "notrend", "notrend"],
    ["no column for last year", RAG, { yearAgo: undefined }, "notrend", "notrend"],
  ];
  test.each(cases)("%s", (_case, scheme, over, longTerm, shortTerm) => {
    const rating = rateIndicator(scheme, { ...base, ...over });
    expect({ long: rating.trendLongTerm, short: rating.trend }).toEqual({ long: longTerm, short: shortTerm });
  });

  test("the long term changes nothing else: status, reason and notes are as without it", () => {
    const input: IndicatorRatingInput = { polarity: "Higher is better", target: "80%", actual: "78.9" };
    const without = rateIndicator(RAG, input);
    const withIt = rateIndicator(RAG, { ...input, yearAgo: { value: "70%" } });
    expect(withIt.trendLongTerm).toBe("improving");
    expect({ ...JSON.parse(JSON.stringify(withIt)), trendLongTerm: "notrend" }).toEqual(JSON.parse(JSON.stringify(without)));
  });
});

describe("a real layout: Derby's thematic tracker, 2009/10 against the 2008/09 baseline", () => {
  // Hand-checked from samples/derby-csp.xlsx: "Latest 2009/10" against "Baseline 2008/09", one change,
  // static within 1%, by the polarity column or else the target's operator.
  const expected: [number, string, Trend, string][] = [
    [7, "NI 39", "worsening", "2,020 → 2,475, lower is better"],
    [9, "NI 38", "worsening", "-25.6% → -24.1% (5.9% up), target <0.0%"],
    [10, "NI 38", "worsening", "0.74 → 0.76, target <1"],
    [11, "NI 40", "improving", "1,248 → 1,302, higher is better"],
    [12, "NI 115", "worsening", "9.3% → 11.7%, lower is better (data only)"],
    [14, "NI 18", "improving", "+3.68% → -4.09%, lower is better (data only)"],
    [15, "NI 20", "worsening", "11.31 → 11.73"],
    [16, "NI 32", "improving", "20.3% → 13.48%, lower is better"],
    [17, "NI 49", "improving", "208.7 → 199.8 (4.3% down); the short term is static"],
    [18, "NI 34", "static", "0 → 0"],
    [19, "NI 33", "worsening", "7.28 → 7.9"],
    [20, "NI 30", "improving", "231 → 151 (target \"See comment\")"],
    [21, "NI 15", "improving", "0.76 → 0.69"],
    [22, "NI 28", "static", "0.71 → 0.71"],
    [23, "NI 29", "improving", "0.38 → 0.30"],
    [24, "NI 16", "improving", "19.16 → 15.08"],
    [26, "NI 111", "improving", "475 → 188"],
    [27, "NI 19", "improving", "88.9% → 83.2%; no quarters, so no short term"],
    [28, "NI 43", "worsening", "10.48% → 13.11%, target < 9%"],
    [29, "NI 44a", "notrend", "band target +/-5%"],
    [30, "NI 44b", "notrend", "band target +/-5%"],
    [31, "NI 45", "improving", "83.6% → 88.6%, target > 75%"],
    [32, "NI 46", "worsening", "96.5% → 95.3% (1.2% down), target > 95%; the short term is static"],
    [34, "NI 35", "improving", "3.25 → 3.6"],
  ];
  let rated: Map<number, { record: SourceRecord; long: Trend; short: Trend }>;
  beforeAll(async () => {
    const { grids } = await readXlsx(join(__dirname, "..", "..", "samples", "derby-csp.xlsx"));
    const grid = grids.find((g) => g.name === "Thematic");
    if (!grid) throw new Error("no Thematic sheet");
    const { records } = readRecords(grid, detectTables(grid));
    rated = new Map(
      records.map((record) => {
        const rating = rateRecord(record, { scheme: RAG });
        return [record.row, { record, long: rating.trendLongTerm ?? "notrend", short: rating.trend }];
      }),
    );
  });

  test.each(expected)("row %i %s: %s (%s)", (row, ref, long) => {
    const got = rated.get(row);
    expect({ ref: got?.record.ref, yearAgo: got?.record.yearAgo?.label, long: got?.long }).toEqual({ ref, yearAgo: "Baseline 2008/09", long });
  });

  test("every indicator is listed above", () => {
    expect([...rated.keys()].sort((a, b) => a - b)).toEqual(expected.map(([row]) => row));
  });

  test("a separate comparison from the short term (quarter on quarter), so the summary shows both", () => {
    const nI49 = rated.get(17);
    expect(nI49?.short).toBe("static");
    expect(nI49 && longTermOf(nI49.record, rateRecord(nI49.record, { scheme: RAG }))).toBe("improving");
  });
});

// ---- the summary: shown once, beside the short-term arrow, explained in the key ----

const field = (cell: string, value: CellValue): Field => ({ cell, value, text: String(value) });
const labelled = (label: string, cell: string, value: CellValue): LabelledField => ({ label, field: field(cell, value), period: classifyHeader(label).period });

let nextRow = 2;
/** An indicator at 2021/22 Q3: the quarter series, last year's Q3, and comparators where given. */
function quarterly(actual: number, yearAgo: number | undefined, extra: Partial<SourceRecord> = {}): SourceRecord {
  const row = nextRow++;
  return {
    kind: "indicator",
    sheet: "KPIs",
    row,
    ref: `KPI ${row}`,
    name: `Indicator ${row}`,
    polarity: field(`C${row}`, "Higher is better"),
    target: field(`D${row}`, 100),
    actual: field(`G${row}`, actual),
    series: [labelled("2021/22 Q2", `F${row}`, actual), labelled("2021/22 Q3", `G${row}`, actual)],
    yearAgo: yearAgo === undefined ? undefined : labelled("2020/21 Q3", `E${row}`, yearAgo),
    earlier: yearAgo === undefined ? [] : [labelled("2020/21 Q3", `E${row}`, yearAgo)],
    comparators: [],
    comment: field(`I${row}`, "On course for the year."),
    ...extra,
  };
}

/** An indicator of whole years: last year is the short term's previous period. */
function annual(actual: number, lastYear: number): SourceRecord {
  const record = quarterly(actual, undefined);
  const before = labelled("2020/21 Actual", `E${record.row}`, lastYear);
  const now = labelled("2021/22 Actual", `F${record.row}`, actual);
  return { ...record, actual: now.field, series: [before, now], yearAgo: before, earlier: [before] };
}

function resultOf(records: SourceRecord[]): WorkbookResult {
  return { tables: [], rated: records.map((record) => ({ record, rating: rateRecord(record, { scheme: PRESETS.dudley }) })), problems: [], counts: { indicator: {}, activity: {} } };
}

function plan(records: SourceRecord[], scheme = PRESETS.dudley): SheetPlan {
  const model = summarise(resultOf(records), scheme, {});
  return layoutSummary(model, scheme, { periodLabel: "Q3 2021/22", reportDate: "2021-12-31", sheetName: "Summary" });
}

/** The header row of the scorecard table (the row with "Definition"), as its texts by column. */
function scorecardHeader(p: SheetPlan): Map<number, PlanValue> {
  const cells = new Map<string, PlanValue>();
  for (const b of p.blocks) b.values.forEach((line, i) => line.forEach((v, j) => v !== null && cells.set(`${b.row + i},${b.col + j}`, v)));
  const at = [...cells.entries()].find(([, v]) => v === "Definition")?.[0];
  const row = at?.split(",")[0];
  return new Map([...cells.entries()].filter(([k]) => k.split(",")[0] === row).map(([k, v]) => [Number(k.split(",")[1]), v]));
}

const texts = (p: SheetPlan): string[] => p.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");

describe("the summary shows the long term once, beside the short term", () => {
  test("a quarter against last year's quarter is a comparison of its own; a year against last year is the short term", () => {
    const model = summarise(resultOf([quarterly(110, 100), annual(110, 100)]), PRESETS.dudley, {});
    const [q, y] = model.groups[0].indicators;
    expect({ quarterLong: q.trendLongTerm, yearShort: y.trend, yearLong: y.trendLongTerm }).toEqual({ quarterLong: "improving", yearShort: "improving", yearLong: undefined });
  });

  test("with a long-term trend: Short term and Long term side by side, the comment keeps column I, the key explains both", () => {
    const p = plan([quarterly(110, 100), quarterly(90, undefined)]);
    const header = scorecardHeader(p);
    expect([header.get(6), header.get(7), header.get(8)]).toEqual(["Short term", "Long term", "Comment"]);
    expect(p.columnWidths).toHaveLength(9);
    expect(texts(p)).toContain("Short term: against the previous period, as above. Long term: against the same period last year.");
    expect(texts(p)).toContain("↑ Improving");
  });

  test("the short term is said as the arrows are worked out: over three periods in the rag preset (helper-124)", () => {
    const p = plan([quarterly(110, 100), quarterly(90, undefined)], PRESETS.rag);
    expect(texts(p).filter((t) => t.startsWith("Short term:"))).toEqual(["Short term: over the last three periods, as above. Long term: against the same period last year."]);
  });

  test("without one (only whole years, or no figure a year back): the table and key are as before", () => {
    const p = plan([annual(110, 100), quarterly(90, undefined)]);
    const header = scorecardHeader(p);
    // Straight after Status (which may span two grid columns where a column is left out).
    const cols = [...header.entries()].sort(([a], [b]) => a - b).map(([, v]) => v);
    expect(cols[cols.indexOf("Status") + 1]).toBe("Trend");
    expect([...header.values()]).not.toContain("Long term");
    expect(texts(p).some((t) => t.startsWith("Short term:"))).toBe(false);
  });

  test("beside comparators too: the comparator moves past the comment to J, and the sheet takes J", () => {
    const comparators = [labelled("Family group average", "H9", 105)];
    const p = plan([quarterly(110, 100, { comparators })]);
    const header = scorecardHeader(p);
    expect([header.get(6), header.get(7), header.get(8), header.get(9)]).toEqual(["Short term", "Long term", "Comment", "Comparator"]);
    expect(p.columnWidths).toHaveLength(10);
  });
});

describe("the exceptions table shows it too", () => {
  /** The header row of the exceptions table (the row with "Indicator or activity"), by column. */
  function exceptionsHeader(p: SheetPlan): Map<number, PlanValue> {
    const cells = new Map<string, PlanValue>();
    for (const b of p.blocks) b.values.forEach((line, i) => line.forEach((v, j) => v !== null && cells.set(`${b.row + i},${b.col + j}`, v)));
    const row = [...cells.entries()].find(([, v]) => v === "Indicator or activity" || v === "Indicator")?.[0].split(",")[0];
    return new Map([...cells.entries()].filter(([k]) => k.split(",")[0] === row).map(([k, v]) => [Number(k.split(",")[1]), v]));
  }

  test("a missed indicator worse than last year: Short term and Long term beside its status", () => {
    const p = plan([quarterly(50, 60)]);
    const header = exceptionsHeader(p);
    // In order from Status: an indicators-only table has no Type column, so the grid columns move left.
    const order = [...header.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v);
    expect(order.slice(order.indexOf("Status"), order.indexOf("Status") + 4)).toEqual(["Status", "Short term", "Long term", "Commentary"]);
    expect(texts(p).filter((t) => t === "↓ Worsening")).toHaveLength(2); // in the exceptions and in the scorecard
  });

  test("with lead officers named: the lead officer moves past the commentary to J", () => {
    const p = plan([quarterly(50, 60, { lead: "Community Safety Manager" })]);
    const header = exceptionsHeader(p);
    const order = [...header.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => v);
    expect(order.slice(order.indexOf("Short term"))).toEqual(["Short term", "Long term", "Commentary", "Lead officer"]);
    expect(header.get(9)).toBe("Lead officer");
    expect(p.columnWidths).toHaveLength(10);
  });
});
