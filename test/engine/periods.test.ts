// Reporting periods as users type them: the report date and pro-rating follow from them.
import { describePeriod, parseReportingPeriod, periodEnd, periodFraction } from "../../src/engine/read/periods";

test.each([
  ["Q3 2010/11", 3, 2010, 0.75, "2010-12-31", "Quarter 3 (October to December) 2010/11"],
  ["Quarter 4 2009-10", 4, 2009, 1, "2010-03-31", "Quarter 4 (January to March) 2009/10"],
  ["2021/22 Q1", 1, 2021, 0.25, "2021-06-30", "Quarter 1 (April to June) 2021/22"],
  ["q2 15/16", 2, 2015, 0.5, "2015-09-30", "Quarter 2 (July to September) 2015/16"],
  ["2023/24", undefined, 2023, undefined, "2024-03-31", "Year 2023/24"],
] as const)("%s", (text, quarter, startYear, fraction, end, described) => {
  const p = parseReportingPeriod(text);
  expect(p?.quarter).toBe(quarter);
  expect(p?.startYear).toBe(startYear);
  expect(periodFraction(p)).toBe(fraction);
  expect(periodEnd(p)).toBe(end);
  expect(describePeriod(p)).toBe(described);
});

test.each(["", "soon", "Autumn"])("%j names no period", (text) => {
  expect(parseReportingPeriod(text)).toBeUndefined();
});

test("a quarter without a year has no end date, so the report date must come from elsewhere", () => {
  expect(periodEnd(parseReportingPeriod("Q3"))).toBeUndefined();
});
