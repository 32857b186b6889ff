// RULES §10: the period and report date from the workbook, with where they were found; a table of an
// earlier period flagged at its cell and its records marked; typed periods checked (issue 12 item 4).
import { toJsonReport } from "../../src/cli/report";
import { checkCommittee } from "../../src/engine/summary/committee";
import { checkPeriod, formatPeriod, periodInTitle } from "../../src/engine/read/periods";
import { RAG } from "../../src/engine/scheme/presets";
import { layoutRulesSheet } from "../../src/engine/rules-sheet/rules-sheet";
import { describeAssumptions, runScorecard } from "../../src/engine/scorecard";
import type { PlanBlock, SheetPlan } from "../../src/engine/vocab/plan";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const titles: [string, string, string | undefined][] = [
  ["RULES §10 title: months fix the year", "Quarter 3 (October to December 2010)", "Q3 2010/11"],
  ["RULES §10 title: January to March is Q4 of the year before", "2009/10 Quarter 4 (January - March 2010)", "Q4 2009/10"],
  ["RULES §10 title: Q3 2024/25", "Performance Scorecard Q3 2024/25", "Q3 2024/25"],
  ["RULES §10 title: progress at Quarter 3 2024/25", "Progress at Quarter 3 2024/25", "Q3 2024/25"],
  ["RULES §10 title: quarter with a month range", "Performance Report Quarter 3 (October – December 2024)", "Q3 2024/25"],
  ["RULES §10 title: a month range alone", "Performance April – June 2021", "Q1 2021/22"],
  ["RULES §10 title: Quarters 1 & 2 is the latest", "2015/16 PDP Performance Report Quarters 1 & 2", "Q2 2015/16"],
  ["RULES §10 title: a year alone", "Community Safety Critical Success Indicators 2021/22", "2021/22"],
  ["RULES §10 title: a single month is not a period", "Updated March 2011", undefined],
  ["RULES §10 title: no period", "Quarterly Corporate Performance Management Report", undefined],
  // helper-90: wordings that lost the quarter or the year.
  ["RULES §10 title: Quarter Three", "Performance Report Quarter Three 2010/11", "Q3 2010/11"],
  ["RULES §10 title: Third Quarter", "Third Quarter Performance Report 2010/11", "Q3 2010/11"],
  ["RULES §10 title: 3rd Quarter", "3rd Quarter 2010/11 performance", "Q3 2010/11"],
  ["RULES §10 title: Q3 10/11", "Corporate Scorecard Q3 10/11", "Q3 2010/11"],
  ["RULES §10 title: Q3 FY2010/11", "Q3 FY2010/11 performance", "Q3 2010/11"],
  ["RULES §10 title: a plan's span before the year", "Council Plan 2020-2024: Quarter 2 2021/22 report", "Q2 2021/22"],
  ["RULES §10 title: a two-digit pair without a quarter is no period", "Updated 10/11", undefined],
  // helper-92: a date's last two parts are not a year pair.
  ["RULES §10 title: a date is not \"12/13\"", "Quarter 3 Performance Report - data to 31/12/13", "Q3"],
  ["RULES §10 title: nor \"09/10\"", "Quarter 2 report as at 30/09/10", "Q2"],
  // helper-90: a lone month that ends a quarter, in a quarterly report's title.
  // helper-93: a "Quarterly" report's month may be its meeting's ("… to Cabinet - June 2011").
  ["RULES §10 title: a quarterly report's month may be a meeting's", "Quarterly Performance Report to Cabinet - June 2011", undefined],
  ["RULES §10 title: a quarterly report's meeting day", "Quarterly performance report, Audit Committee 30 June 2011", undefined],
  ["RULES §10 title: a quarterly report's month as at", "Quarterly Performance Report - as at December 2010", "Q3 2010/11"],
  ["RULES §10 title: a period number and its month", "Period 9 (December 2010)", "Q3 2010/11"],
  ["RULES §10 title: the quarter's last day", "Performance for the quarter ending 31 March 2011", "Q4 2010/11"],
  ["RULES §10 title: a year ending March", "Outturn for the year ending March 2011", "2010/11"],
  ["RULES §10 title: a month inside a quarter is none", "Period 8 (November 2010)", undefined],
  ["RULES §10 title: a day inside the month is a meeting, not a quarter's end", "Quarterly report to Cabinet 15 March 2011", undefined],
  // A quarter with no year and the day it was reported: the last quarter of that number ended by then.
  ["RULES §10 title: Q4 reported in June", "Quarter 4 report - Cabinet 15 June 2011", "Q4 2010/11"],
  ["RULES §10 title: Q3 reported in March", "Quarter 3 Performance Report, Cabinet 15 March 2011", "Q3 2010/11"],
  ["RULES §10 title: a quarter's own dates", "Quarter 3 (1 October to 31 December 2010)", "Q3 2010/11"],
  // helper-93: a day inside the quarter is a position part-way through it.
  ["RULES §10 title: a position part-way", "Quarter 3 monitoring - position at 30 November 2010", "Q3 2010/11"],
  ["RULES §10 title: data to a day inside Q4", "Quarter 4 Performance Report (data to 28 February 2011)", "Q4 2010/11"],
  ["RULES §10 title: the period's end outranks a meeting's date", "Performance Report – Period ending 31 December 2010 (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: a range's end outranks a meeting's date", "Quarter 3 (October to December 2010) - Cabinet 15 March 2011", "Q3 2010/11"],
  // The closing note of 6 December: the end month with no year took the meeting's, a year late.
  ["RULES §10 title: an end month with no year ends before the meeting", "Performance report: period ending 31 December (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: a quarter to a day with no year, reported later", "Quarter 3 performance to 31 December - report to Cabinet 15 March 2011", "Q3 2010/11"],
  ["RULES §10 title: an end month with no year, early in the meeting's year", "Period ending 28 February (Cabinet 15 March 2011)", "Q4 2010/11"],
  // helper-98: a forecast, a plan's history, "end of", a meeting's month, a meeting dated in figures.
  ["RULES §10 title: a forecast's end is after the meeting", "Forecast outturn to 31 March (Cabinet 15 February 2011)", "Q4 2010/11"],
  ["RULES §10 title: a plan's approval is no meeting", "Period ending 31 December; targets approved by Council 24 February 2010", "Q3 2010/11"],
  ["RULES §10 title: 'end of' a month before the meeting", "Position at end of March (Cabinet June 2011)", "Q4 2010/11"],
  ["RULES §10 title: 'the end of' December, reported in March", "Position at the end of December (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: performance to the end of December", "Performance to the end of December (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: the month reported, not the meeting's", "December 2010 performance (reported January 2011)", "Q3 2010/11"],
  ["RULES §10 title: a month with no year before the meeting", "Performance Report – December (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: a meeting dated in figures", "Period ending 31 December – Cabinet 15/03/2011", "Q3 2010/11"],
  // helper-99: a meeting by any name, or by its date alone; a forecast after the period's end.
  ["RULES §10 title: a date alone in brackets after a year-less end", "Period ending 31 December (15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: a meeting by its initials", "Period ending 31 December – CMT 15 March 2011", "Q3 2010/11"],
  ["RULES §10 title: a forecast after the period's end", "Period ending 31 December with forecast outturn (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: a projected outturn reported before the year ends", "Outturn to 31 March: projected position reported to Cabinet 15 February 2011", "Q4 2010/11"],
  // helper-100: an end after the meeting without a forecast word; a month where something starts.
  ["RULES §10 title: an estimated outturn reported before the year ends", "Estimated outturn to 31 March (Cabinet 10 February 2011)", "Q4 2010/11"],
  ["RULES §10 title: a quarter's end a month after the meeting", "Period ending 30 June (Cabinet 28 May 2010)", "Q1 2010/11"],
  // helper-102: with only where it starts and when it was seen, the last quarter ended before the meeting's
  // month (a February meeting cannot report Q4 2010/11, which ends in March).
  ["RULES §10 title: a month since which, not to which", "Performance since April 2010 – Cabinet 15 February 2011", "Q3 2010/11"],
  ["RULES §10 title: a baseline's month", "Performance compared with March 2010 – Cabinet 15 February 2011", "Q3 2010/11"],
  ["RULES §10 title: a month to date", "Cumulative April to date (Board 15 January 2011)", "Q3 2010/11"],
  ["RULES §10 title: a year to date from April", "Year to date from April (Board 15 January 2011)", "Q3 2010/11"],
  ["RULES §10 title: YTD from a day in April", "YTD from 1 April (Board 15 February 2011)", "Q3 2010/11"],
  ["RULES §10 title: year-to-date, hyphenated", "Year-to-date from April (Board 15 February 2011)", "Q3 2010/11"],
  ["RULES §10 title: from a month, no 'to date'", "Performance from 1 April – Cabinet 10 March 2011", "Q3 2010/11"],
  ["RULES §10 title: April onwards", "Year to date (April onwards) – Cabinet 15 March 2011", "Q3 2010/11"],
  ["RULES §10 title: starting a day in April", "Cumulative performance starting 1 April 2010 (Cabinet 15 December 2010)", "Q2 2010/11"],
  ["RULES §10 title: beginning a day in April", "Year to date beginning 1 April – Cabinet 15 February 2011", "Q3 2010/11"],
  // helper-102: "may" as a verb is no month; a meeting by any name; a report's sign-off is not a plan's.
  ["RULES §10 title: figures may be revised", "Quarter 3 performance – figures may be revised (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: figures may change", "Quarter 4 – provisional, figures may change – Cabinet 23 June 2011", "Q4 2010/11"],
  ["RULES §10 title: a leadership team's date", "Month 9 – December – CMT 25 January 2011", "Q3 2010/11"],
  ["RULES §10 title: a bracketed date alone", "December performance (25 January 2011)", "Q3 2010/11"],
  ["RULES §10 title: a report agreed by a meeting", "Period ending 31 December – report agreed by CMT 15 March 2011", "Q3 2010/11"],
  ["RULES §10 title: a report approved by a meeting", "Quarter 3 (to December) – approved by Cabinet 15 March 2011", "Q3 2010/11"],
  // helper-103: a range's end is no meeting's date.
  ["RULES §10 title: a range of days", "1 April 2010 – 31 December 2010", "Q3 2010/11"],
  ["RULES §10 title: a range of days, one year", "1 April – 31 December 2010", "Q3 2010/11"],
  ["RULES §10 title: a range of days to March", "1 April 2010 - 31 March 2011", "Q4 2010/11"],
  ["RULES §10 title: a range of days before a meeting", "Performance 1 April 2010 – 31 December 2010 (Cabinet 15 March 2011)", "Q3 2010/11"],
  ["RULES §10 title: a range of ordinal days", "1st April 2010 – 31st December 2010", "Q3 2010/11"],
  ["RULES §10 title: a date after a dash, after the month reported", "December performance – 25 January 2011", "Q3 2010/11"],
  // Known misreadings of earlier notes (helper-99): the meeting before the month, a later return's date.
  ["RULES §10 title: the meeting named before the month", "Report to Cabinet 15 February 2011 on performance to December", "Q3 2010/11"],
  ["RULES §10 title: data as at a month after the meeting's date", "Quarter 2 Performance – Cabinet 12 January 2011 – data as at September", "Q2 2010/11"],
  ["RULES §10 title: a later return's due date", "Quarter 3 report; Quarter 4 report due June 2011", "Q3 2010/11"],
  ["RULES §10 title: a meeting, and where the targets started", "Quarter 3 report – Cabinet 15 February 2011 (targets from the Corporate Plan, April 2010)", "Q3 2010/11"],
  ["RULES §10 title: a meeting first, then where the period started", "Cabinet 15 February 2011: performance since April 2010", "Q3 2010/11"],
  ["RULES §10 title: a meeting's month alone beside the quarter", "Quarter 4 – Cabinet June 2011", "Q4 2010/11"],
  // helper-106: a quarter beside a meeting's date in figures.
  ["RULES §10 title: a quarter and a meeting's date in figures", "Quarter 3 performance (Cabinet 15/03/2011)", "Q3 2010/11"],
  ["RULES §10 title: an outturn quarter and a meeting's date in figures", "Quarter 4 outturn – Cabinet 23/06/2011", "Q4 2010/11"],
  ["RULES §10 title: a quarter and a date that is no meeting's", "Quarter 3 – data to 31/12/2013", "Q3"],
  // helper-106: a month where something started, beside a quarter or before the end month, is no meeting.
  ["RULES §10 title: targets set in the year's first month", "Quarter 4 – targets set April 2010", "Q4 2010/11"],
  ["RULES §10 title: the plan's month beside the quarter", "Quarter 2 performance against the Corporate Plan (April 2010)", "Q2 2010/11"],
  ["RULES §10 title: a range from a dated month to a year-less one", "Performance April 2010 to December", "Q3 2010/11"],
  ["RULES §10 title: a range of days to a year-less end", "1 April 2010 to 31 December", "Q3 2010/11"],
  ["RULES §10 title: since a month, to a year-less end", "Since April 2010: performance to the end of December", "Q3 2010/11"],
  ["RULES §10 title: a baseline, then a year-less end", "Baseline March 2010; performance to December", "Q3 2010/11"],
  // A forecast's end is the first after the meeting.
  ["RULES §10 title: a forecast to the year's end", "Forecast outturn to 31 March (Cabinet 15 December 2010)", "Q4 2010/11"],
  ["RULES §10 title: a projected outturn", "Projected outturn to 31 March – Cabinet 17 November 2010", "Q4 2010/11"],
  ["RULES §10 title: a forecast to December", "Forecast to 31 December (Cabinet 15 September 2010)", "Q3 2010/11"],
  // A month the period ends in, with the meeting in figures (or in ISO form).
  ["RULES §10 title: to the end of a month, meeting in figures", "Performance to end of December – Cabinet 15/03/2011", "Q3 2010/11"],
  ["RULES §10 title: a meeting's ISO date", "Quarter 3 report to 31 December – Cabinet 2011-03-15", "Q3 2010/11"],
  // helper-101: a quarter seen by scrutiny seven months on; a quarter named by its first month.
  ["RULES §10 title: a quarter seen seven months on", "Quarter 2 (July – September) – Scrutiny Panel 12 April 2011", "Q2 2010/11"],
  ["RULES §10 title: a quarter named by its first month", "Quarter beginning 1 October (Cabinet 15 March 2011)", "Q3 2010/11"],
];

describe("periodInTitle: RULES §10 titles", () => {
  test.each(titles)("%s", (_name, text, want) => {
    const p = periodInTitle(text);
    expect(p ? formatPeriod(p) : undefined).toBe(want);
  });
});

const tracker = (name: string, title: CellValue[][], header: CellValue[], rows: CellValue[][]): SheetGrid => ({ name, values: [...title, header, ...rows] });
const q3 = tracker("Q3 Scorecard", [["Quarter 3 (October to December 2010)"], []], ["Ref", "Indicator", "Polarity", "10/11 Target", "Q3 YTD Actual"], [["A1", "Burglary", "Lower", 100, 70]]);
const q2 = tracker("Q2 Return", [["Select Committee – Quarter 2 (July to September 2010) return"], []], ["Ref", "Indicator", "Polarity", "Q2 YTD Target", "Q2 YTD Actual"], [["B1", "Truancy", "Lower", 10, 12]]);
const headersOnly = tracker("Indicators", [], ["Ref", "Indicator", "Polarity", "2021/22 Target", "2021/22 Q1"], [["C1", "Cases", "Lower", 500, 400]]);
const noPeriod = tracker("Plain", [], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["D1", "Cases", "Lower", 500, 400]]);

const textOf = (plan: SheetPlan | undefined): string => (plan?.blocks ?? []).flatMap((b: PlanBlock) => b.values.flat()).filter((v) => typeof v === "string").join("\n");

describe("runScorecard: RULES §10 period and report date from the workbook", () => {
  test.each([
    ["RULES §10 from a title", [q3], "Q3 2010/11", "'Q3 Scorecard'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 from headers", [headersOnly], "Q1 2021/22", "'Indicators'!E1", "2021-06-30", "periodEnd"],
    ["RULES §10 sheets disagree: the latest is the report's", [q2, q3], "Q3 2010/11", "'Q3 Scorecard'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 no period: today, said plainly", [noPeriod], null, null, "2024-02-01", "todayNoPeriod"],
    // helper-88: yearly figures on another sheet made a Q3 2010/11 workbook's report one for 2011/12.
    ["RULES §10 a quarter and year outranks a later year alone", [q3, tracker("Annual", [["Annual indicators 2011/12"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'Q3 Scorecard'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 calendar-year columns name no period", [q3, tracker("Years", [], ["Name", "2009", "2010", "2011"], [["Visits", 1, 2, 3]])], "Q3 2010/11", "'Q3 Scorecard'!A1", "2010-12-31", "periodEnd"],
    // helper-93: the date is the last resort, after the headers' year, and a plan's history is no date of the report.
    ["RULES §10 headers' year before a date on the title rows", [tracker("KPIs", [["Corporate Performance - Quarter 3"], ["Printed 20 February 2012"], []], ["Ref", "Indicator", "Polarity", "2010/11 Target", "Q3 Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'KPIs'!E4", "2010-12-31", "periodEnd"],
    ["RULES §10 a plan's approval is no report date", [tracker("KPIs", [["Corporate Performance - Quarter 3"], ["Plan approved by Council on 24 February 2010"], ["Cabinet 15 March 2011"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'KPIs'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 a quarter over a meeting's date, on two rows", [tracker("KPIs", [["Quarter 3 Performance Report"], ["Cabinet – 15 March 2011"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'KPIs'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 from a title block's label and value", [tracker("KPIs", [["Anytown Borough Council"], ["Reporting period:", "Quarter 3 2010/11"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'KPIs'!B2", "2010-12-31", "periodEnd"],
    ["RULES §10 a line about the next return is not the period", [tracker("KPIs", [["Performance Report Quarter 3 2010/11"], ["Next update: Quarter 4 2010/11 (to Cabinet June 2011)"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'KPIs'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 a title about this quarter's own return keeps its period", [tracker("KPIs", [["Corporate Plan Actions - Quarter 3 2010/11 update (returns due by 14 January 2011)"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'KPIs'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 a title to be reported keeps its period", [tracker("KPIs", [["Quarter 3 2010/11 progress - to be reported to Cabinet 10 February 2011"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "Q3 2010/11", "'KPIs'!A1", "2010-12-31", "periodEnd"],
    ["RULES §10 a year alone, where nothing names a quarter", [tracker("Annual", [["Annual indicators 2011/12"], []], ["Ref", "Indicator", "Polarity", "Target", "Actual"], [["F1", "Visits", "Higher", 5, 6]])], "2011/12", "'Annual'!A1", "2012-03-31", "periodEnd"],
  ] as const)("%s", (_name, grids, period, source, reportDate, dateSource) => {
    const run = runScorecard([...grids], { today: "2024-02-01" });
    const json = toJsonReport(run);
    expect([json.period, json.periodSource, json.reportDate, run.reportDateSource]).toEqual([period, source, reportDate, dateSource]);
  });

  test.each([
    ["a quarter title and \"Annual Target 2010/11 | YTD Actual\"", [["Quarter 3 Performance Report"], []], ["Ref", "Indicator", "Polarity", "Annual Target 2010/11", "YTD Actual"], "Q3 2010/11", "2010-12-31"],
    ["\"2010/11 Target | YTD Actual\" alone", [], ["Ref", "Indicator", "Polarity", "2010/11 Target", "YTD Actual"], "2010/11", "2011-03-31"],
  ] as const)("RULES §10 step 3: a YTD actual takes its year from the headers, with %s (helper-91)", (_name, title, header, period, reportDate) => {
    const json = toJsonReport(runScorecard([tracker("KPIs", title.map((r) => [...r]), [...header], [["G1", "Visits", "Higher", 100, 80]])], { today: "2024-02-01" }));
    expect([json.period, json.reportDate]).toEqual([period, reportDate]);
  });

  test("RULES §10 calendar-year columns beside a quarterly tracker raise no later-period problem", () => {
    const run = runScorecard([q3, tracker("Years", [], ["Name", "2009", "2010", "2011"], [["Visits", 1, 2, 3]])], { today: "2024-02-01" });
    expect(run.result.problems.filter((p) => /later than the report|report is for/.test(p.message))).toEqual([]);
  });

  test("RULES §10 a period not yet ended gives today's date", () => {
    const run = runScorecard([q3], { today: "2010-11-15" });
    expect([run.reportDate, run.reportDateSource]).toEqual(["2010-11-15", "todayNotEnded"]);
    expect(describeAssumptions(run)).toBe("Period Q3 2010/11, from 'Q3 Scorecard'!A1; report date 15/11/2010, today, as the period has not ended yet");
  });

  test("RULES §10 the CLI line names the period, its cell and the report date", () => {
    expect(describeAssumptions(runScorecard([q3], { today: "2011-02-01" }))).toBe("Period Q3 2010/11, from 'Q3 Scorecard'!A1; report date 31/12/2010, the end of that period");
  });

  test("RULES §10 a period given as an option wins and is named as such", () => {
    const json = toJsonReport(runScorecard([q3], { today: "2011-06-01", period: "Q4 2010/11" }));
    expect([json.period, json.periodSource, json.reportDate]).toEqual(["Q4 2010/11", "option", "2011-03-31"]);
  });

  test("RULES §10 an inferred period is never saved on the rules sheet as if set", () => {
    const run = runScorecard([q3], { today: "2011-02-01" });
    expect(run.settings.period).toBeUndefined();
    const rules = run.plans.find((p) => p.sheet === "Scorecard Rules");
    const rows = (rules?.blocks ?? []).flatMap((b) => b.values);
    const periodRow = rows.find((r) => r[0] === "Reporting period");
    expect(periodRow?.[1] ?? "").toBe("");
  });

  test("RULES §10 a title naming a later quarter than its table's headers sets the report's period, and the table is flagged as earlier", () => {
    const q4Title = tracker("Scorecard", [["Quarter 4 (January to March 2011)"], []], ["Ref", "Indicator", "Polarity", "10/11 Target", "Q3 YTD Actual"], [["E1", "Burglary", "Lower", 100, 70]]);
    const run = runScorecard([q4Title], { today: "2011-06-01" });
    expect(run.period && formatPeriod(run.period)).toBe("Q4 2010/11");
    expect(run.reportDate).toBe("2011-03-31");
    expect(run.result.problems.filter((p) => /report is for/.test(p.message)).map((p) => `${p.sheet}!${p.cell}`)).toHaveLength(1);
    expect(textOf(run.plans.find((p) => p.sheet === "Summary"))).toContain("(Q3 figure)");
  });

  test("RULES §10 a Quarter 2 return in a Quarter 3 workbook is a problem at its title and marked in the pack", () => {
    const run = runScorecard([q2, q3], { today: "2011-02-01" });
    const flagged = run.result.problems.filter((p) => /report is for/.test(p.message));
    expect(flagged.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Q2 Return!A1"]);
    expect(textOf(run.plans.find((p) => p.sheet === "Summary"))).toContain("12 (Q2 figure)");
  });

  test("RULES §4 the pack shows the target used: annual pro-rated to the quarter", () => {
    const run = runScorecard([q3], { today: "2011-02-01" });
    expect(textOf(run.plans.find((p) => p.sheet === "Summary"))).toContain("75 (100 pro-rated to Q3)");
  });

  test.each([
    ["no title", []],
    ["a Quarter 3 2010/11 title", [["Quarter 3 2010/11"], []]],
  ] as const)("RULES §4/§10 targets set for later years are not this year's, with %s (helper-90)", (_name, title) => {
    const header = ["Ref", "Indicator", "Polarity", "2009/10 Actual", "2010/11 Target", "2011/12 Target", "2012/13 Target", "Q3 YTD Actual"];
    const grid = tracker("Tracker", title.map((r) => [...r]), header, [["CS01", "Households assisted", "Higher is better", 950, 1000, 1100, 1200, 740]]);
    const run = runScorecard([grid], { today: "2024-02-01" });
    expect(run.period && formatPeriod(run.period)).toBe("Q3 2010/11");
    const [rated] = run.result.rated;
    // 2010/11's 1,000 pro-rated to Q3 is 750: 740 is within 5%, amber; 2012/13's 900 made it red.
    expect(rated.rating.status).toBe("amber");
  });

  test("RULES §4/§10 the title's year picks its target where last year's actual is missing (helper-92)", () => {
    const header = ["Ref", "Indicator", "Polarity", "2008/09 Actual", "2009/10 Target", "2010/11 Target", "Q3 YTD Actual"];
    const grid = tracker("Tracker", [["Quarter 3 2010/11"], []], header, [["CS01", "Households assisted", "Higher is better", 950, 900, 1000, 740]]);
    const run = runScorecard([grid], { today: "2024-02-01" });
    expect(run.period && formatPeriod(run.period)).toBe("Q3 2010/11");
    expect(run.result.rated[0].rating.status).toBe("amber");
    expect(run.result.problems.filter((p) => /report is for|later than/.test(p.message))).toEqual([]);
  });
});

describe("checkPeriod: issue 12 item 4, periods are Q1–Q4 of a real year or a year", () => {
  test.each([
    ["Q3 2010/11", "Q3 2010/11"],
    ["Quarter 3 2010-11", "Q3 2010/11"],
    ["2021/22 Q1", "Q1 2021/22"],
    ["2010/11", "2010/11"],
    ["Q5 2021/22", /no quarter 5/],
    ["Q3 2010/12", /not a financial year/],
    ["June 2021", /not a quarter and financial year/],
    ["Q3", /not a quarter and financial year/],
  ] as const)("%s", (text, want) => {
    const got = checkPeriod(text);
    if (typeof want === "string") expect(typeof got === "string" ? got : formatPeriod(got)).toBe(want);
    else expect(got).toEqual(expect.stringMatching(want));
  });
});

describe("checkCommittee: issue 12 item 4, a committee that matches none names the nearest", () => {
  const known = ["Community Safety and Community Services", "Children's Services", "Health and Adult Social Care"];
  test.each([
    ["an exact name (any case) is fine", "children's services", undefined],
    ["a misspelling names the nearest", "Childrens Servises", /nearest are "Children's Services"/],
    ["part of a name puts that one first", "Community Safety", /nearest are "Community Safety and Community Services"/],
  ] as const)("%s", (_name, wanted, want) => {
    const got = checkCommittee(wanted, known);
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toEqual(expect.stringMatching(want));
  });

  test("a workbook that names no committee has nothing to check against", () => {
    expect(checkCommittee("Anything", [])).toBeUndefined();
  });
});

describe("RULES §7 where a status came from", () => {
  const sheet = tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Status"], [
    ["E1", "Rated by the rules", "Higher", 10, 12, "Red"],
    ["E2", "No target: the officer's rating", "Higher", null, 12, "Red"],
  ]);
  const run = runScorecard([sheet], { preset: "pentana", today: "2011-02-01" });

  test("RULES §7 --json records say rules or officer", () => {
    expect(toJsonReport(run).records.map((r) => [r.ref, r.status, r.source])).toEqual([
      ["E1", "ok", "rules"],
      ["E2", "alert", "officer"],
    ]);
  });

  test("RULES §7 the pack marks the officer's rating and its key explains the mark", () => {
    const text = textOf(run.plans.find((p) => p.sheet === "Summary"));
    expect(text).toContain("▲ Alert (officer)");
    expect(text).toContain("(officer): the officer's own rating");
    expect(text).not.toContain("✓ Satisfactory (officer)");
  });

  test("RULES §7 the tracker's Status (auto) column marks it too", () => {
    expect(textOf(run.plans.find((p) => p.sheet === "KPIs"))).toContain("▲ Alert (officer)");
  });
});

describe("issue 12 item 5: the pack for councillors", () => {
  const sheet = tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Status"], [
    ["F1", "Rent arrears cases", "Lower", 483, 378, "Red"],
    ["F2", "Unreadable actual", "Lower", 10, "Good", "Green"],
  ]);
  const run = runScorecard([sheet], { preset: "pentana", today: "2011-02-01" });
  const plan = run.plans.find((p) => p.sheet === "Summary");
  const rows = (plan?.blocks ?? []).flatMap((b) => b.values.map((v, i) => ({ row: b.row + i, text: v.filter((x) => typeof x === "string").join(" ") })));
  const officers = rows.find((r) => r.text.startsWith("For officers"))?.row ?? -1;

  test("status checks and data quality are a final section for officers, starting on a new page", () => {
    expect(officers).toBeGreaterThan(0);
    expect(plan?.print?.rowBreaks).toContain(officers);
  });

  test("the councillors' pages carry one pointer line and no officer wording", () => {
    const before = rows.filter((r) => r.row < officers).map((r) => r.text);
    const page = 1 + (plan?.print?.rowBreaks ?? []).filter((r) => r <= officers).length;
    expect(before.filter((t) => /see the section for officers/.test(t))).toEqual([`1 officer rating differs from the rules; 1 data-quality note: see the section for officers on page ${page}.`]);
    expect(before.filter((t) => /rules say|manual Red|unreadable figure/.test(t))).toEqual([]);
    expect(rows.filter((r) => r.row > officers).some((r) => /the rules give/.test(r.text))).toBe(true);
  });
});

describe("runScorecard: RULES §10 a period set on the rules sheet that is not a real period", () => {
  /** The rules sheet as a host reads it back, with its Reporting period cell as a person typed it. */
  const rulesSheet = (period: string): SheetGrid => {
    const plan = layoutRulesSheet(RAG, { preset: "rag", period, columnOverrides: [] });
    const values: CellValue[][] = [];
    for (const b of plan.blocks) {
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          while (values.length <= b.row + i) values.push([]);
          values[b.row + i][b.col + j] = v;
        }),
      );
    }
    const width = Math.max(...values.map((r) => r.length));
    return { name: plan.sheet, values: values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)) };
  };

  test.each([["June 2021", /not a quarter and financial year/], ["Q5 2010/11", /no quarter 5/]])("%s: a problem at its cell, and the workbook's own period is used", (typed, why) => {
    const run = runScorecard([q3, rulesSheet(typed)], { today: "2024-02-01" });
    const json = toJsonReport(run);
    expect([json.period, json.periodSource, json.reportDate]).toEqual(["Q3 2010/11", "'Q3 Scorecard'!A1", "2010-12-31"]);
    const problem = run.result.problems.find((p) => p.sheet === "Scorecard Rules" && why.test(p.message));
    expect(problem?.cell).toMatch(/^B\d+$/);
    expect(run.settings.period).toBe(typed); // kept as written on the rules sheet
  });
});

test("issue 12 item 4: a committee set on the rules sheet that matches none is an error naming the nearest", () => {
  const kpis = tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Committee"], [
    ["K1", "Burglary", "Lower", 100, 90, "Community Safety and Community Services"],
  ]);
  const rules = (committee: string): SheetGrid => {
    const plan = layoutRulesSheet(RAG, { preset: "rag", committee, columnOverrides: [] });
    const values: CellValue[][] = [];
    for (const b of plan.blocks) {
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          while (values.length <= b.row + i) values.push([]);
          values[b.row + i][b.col + j] = v;
        }),
      );
    }
    const width = Math.max(...values.map((r) => r.length));
    return { name: plan.sheet, values: values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)) };
  };
  const wrong = runScorecard([kpis, rules("Comunity Safety")], { today: "2011-02-01" });
  expect(wrong.committeeError).toMatch(/no committee "Comunity Safety" in the workbook; the nearest is "Community Safety and Community Services"/);
  expect(wrong.plans).toEqual([]);
  expect(runScorecard([kpis, rules("community safety and community services")], { today: "2011-02-01" }).committeeError).toBeUndefined();
});
