// The --json report's two added fields per record: "trendLongTerm" (RULES §6, against the same period
// last year) and "comparisons" (RULES §4, comparator status). Nothing else in a record changes.
import { toJsonReport } from "../../src/cli/report";
import { PENTANA } from "../../src/engine/scheme/presets";
import { rateActivity, rateIndicator } from "../../src/engine/rate/rate";
import type { ScorecardRun } from "../../src/engine/scorecard";
import type { Rating, SourceRecord } from "../../src/engine/vocab/types";

const record = (kind: SourceRecord["kind"], row: number): SourceRecord => ({ kind, sheet: "Tracker", row, ref: `R${row}`, name: `Row ${row}`, series: [], earlier: [], comparators: [] });

function reportOf(ratings: Rating[]) {
  const rated = ratings.map((rating, i) => ({ record: record(i === 1 ? "activity" : "indicator", i + 2), rating }));
  const run = { scheme: PENTANA, settings: { columnOverrides: [] }, reportDate: "2021-06-30", result: { tables: [], rated, problems: [], counts: { indicator: {}, activity: {} } }, plans: [] } as unknown as ScorecardRun;
  return toJsonReport(run);
}

test("each record carries its long-term trend and its comparisons; activities and plain ratings have none", () => {
  const indicator = rateIndicator(PENTANA, {
    polarity: "Higher is better",
    target: "90%",
    actual: "88%",
    yearAgo: { value: "80%" },
    comparators: [{ label: "Family group average", field: { value: "85%" } }],
  });
  const activity = rateActivity(PENTANA, { manual: "In Progress", progress: "50%", due: "Mar-2022", reportDate: "2021-06-30" });
  const plain: Rating = { status: "ok", level: "good", trend: "static", checks: [], reason: "typed by hand", quality: [] };
  const records = reportOf([indicator, activity, plain]).records;
  expect(records.map((r) => ({ trend: r.trend, trendLongTerm: r.trendLongTerm, comparisons: r.comparisons }))).toEqual([
    { trend: "notrend", trendLongTerm: "improving", comparisons: [{ label: "Family group average", value: 0.85, result: "favourable" }] },
    { trend: "notrend", trendLongTerm: "notrend", comparisons: [] },
    { trend: "static", trendLongTerm: "notrend", comparisons: [] },
  ]);
});

test("the fields every record had are all still there, in the same order, the new ones after the short-term trend", () => {
  const [r] = reportOf([rateIndicator(PENTANA, { polarity: "Higher is better", target: 10, actual: 12 })]).records;
  expect(Object.keys(r)).toEqual(["sheet", "row", "kind", "ref", "name", "status", "level", "computed", "manual", "trend", "trendLongTerm", "comparisons", "checks", "reason", "source"]);
});
