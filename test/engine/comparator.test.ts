// Comparator status (RULES §4, optional): the actual against each comparator average ("All England
// Average", "Family group average") by the target rule and tolerance: compares favourably, within
// tolerance, or compares negatively. The rule, Dudley's Children's Services return as a real layout,
// and the summary's Comparator column.
import { join } from "path";
import { layoutSummary } from "../../src/engine/summary/layout";
import { COMPARISON_WORDS } from "../../src/engine/summary/layout-records";
import { DUDLEY, RAG } from "../../src/engine/scheme/presets";
import { rateIndicator, type IndicatorRatingInput } from "../../src/engine/rate/rate";
import { readRecords } from "../../src/engine/detect/records";
import { summarise } from "../../src/engine/summary/summary";
import { detectTables } from "../../src/engine/detect/tables";
import { readXlsx } from "../../src/xlsx";
import type { CellValue, ComparatorResult, SourceRecord } from "../../src/engine/vocab/types";
import { rateRecord, type RatedRecord } from "../../src/engine/rate/workbook";

type Average = [label: string, value: CellValue, format?: string];
const averages = (...list: Average[]): IndicatorRatingInput["comparators"] => list.map(([label, value, format]) => ({ label, field: { value, format } }));

describe("the comparator rule: the average in place of the target", () => {
  const base: IndicatorRatingInput = { polarity: "Higher is better", target: "70%", actual: "61.2%" };
  // [case, input over base, averages, expected [label, value, result] each]
  const cases: [string, Partial<IndicatorRatingInput>, Average[], [string, number, ComparatorResult][]][] = [
    ["above the average: compares favourably", {}, [["All England Average", "55%"]], [["All England Average", 0.55, "favourable"]]],
    ["equal to it: favourably, as meeting a target", {}, [["All England Average", 0.612, "0.0%"]], [["All England Average", 0.612, "favourable"]]],
    ["2.8% short: within the 5% tolerance", { actual: "70%" }, [["Family group average", "72%"]], [["Family group average", 0.72, "within"]]],
    ["exactly 5% short is within", { actual: "76%" }, [["Family group average", "80%"]], [["Family group average", 0.8, "within"]]],
    ["15.9% short: compares negatively", {}, [["All England Average", 0.7279, "0.00%"]], [["All England Average", 0.7279, "negative"]]],
    ["lower is better, above it", { polarity: "Lower is better", actual: "11.9%" }, [["Met Council Average", 0.1048, "0.00%"]], [["Met Council Average", 0.1048, "negative"]]],
    ["lower is better, below it", { polarity: "Lower is better", actual: "4.37%" }, [["Met Council Average", "5.61%"]], [["Met Council Average", 0.0561, "favourable"]]],
    ["the target's operator gives the direction", { polarity: undefined, target: "Less than 10", actual: 8 }, [["MSG average", 9]], [["MSG average", 9, "favourable"]]],
    ["a tolerance of 2 points: 1.5 points short is within", { actual: "70%", tolerance: "2 pts" }, [["A", "71.5%"]], [["A", 0.715, "within"]]],
    ["a tolerance of 2 points: 3 points short is beyond", { actual: "70%", tolerance: "2 pts" }, [["A", "73%"]], [["A", 0.73, "negative"]]],
    ["an absolute tolerance of 0.5", { target: 12, actual: 10, tolerance: 0.5 }, [["A", 10.4]], [["A", 10.4, "within"]]],
    ["an average of 0 leaves no room for a relative tolerance", { polarity: "Lower is better", target: 0, actual: 1 }, [["A", 0]], [["A", 0, "negative"]]],
    ["72.79 typed beside a percentage actual is 72.79%", {}, [["All England Average", 72.79]], [["All England Average", 0.7279, "negative"]]],
    ["a typed 80 beside a percentage average is 80%", { target: "75%", actual: 80 }, [["A", "75%"]], [["A", 0.75, "favourable"]]],
    ["every average, each on its own", {}, [["All England Average", "72.79%"], ["Met Council Average", "60%"]], [["All England Average", 0.7279, "negative"], ["Met Council Average", 0.6, "favourable"]]],
    ["no target (data only): still compared, by its polarity", { target: "Not targeted" }, [["A", "60%"]], [["A", 0.6, "favourable"]]],
    // helper-98: on a data-only row a tolerance of 5 beside percentages was 500 points, where a rated row reads 5 points.
    ["no target: a tolerance of 5 beside percentages is 5 points, so 10 short is beyond", { target: "Not targeted", actual: "80%", tolerance: 5 }, [["A", "90%"]], [["A", 0.9, "negative"]]],
    ["a band target with a polarity: compared by the polarity", { target: "+/-5%", actual: "4.6%", polarity: "Lower is better" }, [["A", "3%"]], [["A", 0.03, "negative"]]],
    ["no polarity and no operator: no direction, no comparison", { polarity: undefined }, [["A", "50%"]], []],
    ["no actual: no comparison", { actual: "Awaiting guidance" }, [["A", "50%"]], []],
    ["averages that are not figures are left out", {}, [["A", "n/a – local PI"], ["B", "Not calculated"], ["C", null], ["D", "In worst third"]], []],
  ];
  test.each(cases)("%s", (_case, over, list, expected) => {
    const rating = rateIndicator(DUDLEY, { ...base, ...over, comparators: averages(...list) });
    expect(rating.comparisons?.map((c) => [c.label, +c.value.toFixed(6), c.result])).toEqual(expected);
    expect(rating.quality.filter((q) => q.about === "comparator")).toEqual([]);
  });

  test.each([
    ["a date", "31/03/2010"],
    ["a target", "< 9%"],
    ["a band", "95%–105%"],
  ])("an average that is %s is a data-quality note, and not compared", (_what, text) => {
    const rating = rateIndicator(DUDLEY, { ...base, comparators: averages(["All England Average", text], ["Met Council Average", "60%"]) });
    expect(rating.quality).toEqual([{ about: "comparator", label: "All England Average", text: `comparator All England Average "${text}" is not a figure, so it is not compared` }]);
    expect(rating.comparisons?.map((c) => c.label)).toEqual(["Met Council Average"]);
  });

  test("comparators change nothing else: status, reason and trend are as without them", () => {
    const input: IndicatorRatingInput = { polarity: "Higher is better", target: "80%", actual: "76%", series: [{ value: 0.7 }, { value: 0.76 }] };
    const without = JSON.parse(JSON.stringify(rateIndicator(RAG, input)));
    const withThem = JSON.parse(JSON.stringify(rateIndicator(RAG, { ...input, comparators: averages(["A", "90%"]) })));
    expect(withThem.comparisons).toEqual([{ label: "A", value: 0.9, result: "negative" }]);
    expect({ ...withThem, comparisons: [] }).toEqual(without);
  });
});

describe("a real layout: Dudley's Children's Services return (samples/dudley-community-safety.xlsx)", () => {
  // Hand-checked: the Q2 YTD actual against "All England Average 2008/09" and "Met Council Average
  // 2008/09", by the polarity column, the dudley scheme's 5% relative tolerance.
  const E = "All England Average 2008/09";
  const M = "Met Council Average 2008/09";
  const expected: [number, string, string, [string, number, ComparatorResult][]][] = [
    [20, "NI 059", "61.2%, higher is better: 15.9% and 16.2% short", [[E, 0.7279, "negative"], [M, 0.7303, "negative"]]],
    [21, "NI 062", "11.9%, lower is better: 13.5% and 9.4% over", [[E, 0.1048, "negative"], [M, 0.1088, "negative"]]],
    [22, "NI 066", "77.2%, higher is better", [[E, 0.9236, "negative"], [M, 0.9138, "negative"]]],
    [23, "NI 067", "100% against 99.15% and 99.17%", [[E, 0.9915, "favourable"], [M, 0.9917, "favourable"]]],
    [35, "NI 045", "68.7%: 7.7% short, and 5.27% short, just beyond 5%", [[E, 0.7444, "negative"], [M, 0.7252, "negative"]]],
    [37, "NI 087", "4.37%, lower is better", [[E, 0.0561, "favourable"], [M, 0.0633, "favourable"]]],
    [38, "NI 117", "4.9%, lower is better; data only against its target, still compared", [[E, 0.0692, "favourable"], [M, 0.0876, "favourable"]]],
  ];
  let rated: RatedRecord[];
  beforeAll(async () => {
    const { grids } = await readXlsx(join(__dirname, "..", "..", "samples", "dudley-community-safety.xlsx"));
    const grid = grids.find((g) => g.name === "Children's Services");
    if (!grid) throw new Error("no Children's Services sheet");
    rated = readRecords(grid, detectTables(grid))
      .records.filter((r: SourceRecord) => r.kind === "indicator")
      .map((record) => ({ record, rating: rateRecord(record, { scheme: DUDLEY }) }));
  });

  test.each(expected)("row %i %s: %s", (row, ref, _why, comparisons) => {
    const got = rated.find((r) => r.record.row === row);
    expect({ ref: got?.record.ref, comparisons: got?.rating.comparisons?.map((c) => [c.label, c.value, c.result]) }).toEqual({ ref, comparisons });
  });

  test("the rest have no figure to compare (no actual, or averages such as \"n/a – local PI\"), and no note either", () => {
    const others = rated.filter((r) => !expected.some(([row]) => row === r.record.row));
    expect(others.length).toBeGreaterThan(5);
    for (const { record, rating } of others) expect({ ref: record.ref, comparisons: rating.comparisons }).toEqual({ ref: record.ref, comparisons: [] });
    expect(rated.flatMap((r) => r.rating.quality).filter((q) => q.about === "comparator")).toEqual([]);
  });

  test("the summary's Comparator column: each average as typed, then how the actual compares", () => {
    const model = summarise({ tables: [], rated, problems: [], counts: { indicator: {}, activity: {} } }, DUDLEY, {});
    const plan = layoutSummary(model, DUDLEY, { periodLabel: "Q2 2010/11", reportDate: "2010-09-30", sheetName: "Summary" });
    const cells = plan.blocks.flatMap((b) => b.values.flat()).filter((v): v is string => typeof v === "string");
    expect(cells).toContain(`${E}: 72.79% · worse\n${M}: 73.03% · worse`);
    expect(cells).toContain(`${E}: 99.15% · better\n${M}: 99.17% · better`);
    // The Met Council average left blank gets no line ("Met Council Average 2008/09: " said nothing).
    expect(cells).toContain(`${E}: n/a – local PI`);
    expect(cells.find((c) => c.startsWith("Comparator:"))).toMatch(/better, within tolerance or worse/);
    expect(Object.values(COMPARISON_WORDS)).toEqual(["better", "within tolerance", "worse"]);
  });
});
