import {
  GENERATED_STATUS_HEADER,
  actualKind,
  classifyHeader,
  isTitleText,
  normaliseHeader,
  parsePeriod,
  periodFraction,
  periodPosition,
} from "../../src/engine/detect/headers";
import type { Role } from "../../src/engine/vocab/types";

describe("column roles from header text", () => {
  const cases: [string, Role, string][] = [
    // rule: identity columns
    ["Ref", "ref", "ref"],
    ["Ref.", "ref", "punctuation tolerated"],
    ["  REF  ", "ref", "case and spaces tolerated"],
    ["PI Code", "ref", "PI code"],
    ["Action code", "ref", "action code"],
    ["ID", "ref", "id"],
    ["No.", "ref", "No."],
    ["Priority/Ref", "ref", "Derby's combined priority/ref column holds the ref"],
    ["Code & Short Name", "refAndName", "Pentana code and name"],
    ["Code / Name", "refAndName", "Pentana code / name"],
    ["Action Title", "refAndName", "Pentana action title holds the code"],
    ["KPI", "refAndName", "KPI column may hold code and name"],
    ["Name", "name", "name"],
    ["Definition", "name", "Dudley definition"],
    ["Indicator", "name", "Derby indicator"],
    ["Performance Indicator", "name", "performance indicator is a name, not a figure"],
    ["Measure", "name", "measure"],
    ["PI name", "name", "PI name"],
    ["Title", "name", "title"],
    ["Action", "name", "Cannock action"],
    ["Action +Progress Update", "name", "Cannock's action column with its update"],
    ["Performance Indicator (Direction of Travel)", "name", "a bracketed qualifier does not change the role"],
    ["Target (2023/24)", "annualTarget", "bracketed year"],
    ["Description", "description", "description"],
    ["Action Description", "description", "Pentana action description"],
    // rule: grouping columns
    ["Direct.", "directorate", "Dudley directorate"],
    ["Dept", "directorate", "dept"],
    ["Service area", "directorate", "service area"],
    ["Priority", "priority", "priority"],
    ["Theme", "priority", "theme"],
    ["Strategic Objective", "priority", "objective"],
    ["Outcome area", "priority", "outcome area is a priority"],
    ["Select Committee", "committee", "Dudley select committee"],
    ["Scrutiny", "committee", "scrutiny"],
    ["Lead Officer", "lead", "lead officer"],
    // "What | Who | When", and the other ways action plans name a due date, a lead and a rating.
    ["What", "name", "what is done: the action"],
    ["What will we do", "name", "the action"],
    ["Who", "lead", "who does it"],
    ["By whom", "lead", "who does it"],
    ["When", "due", "when it is due"],
    ["Timeframe", "due", "a timeframe is the due date"],
    ["Time frame", "due", "a time frame is the due date"],
    ["Date of completion", "due", "a date, not progress"],
    ["Completion by", "due", "a date, not progress"],
    ["Implementation date", "due", "when it is to be in place"],
    ["Progress (RAG)", "manual", "a rating of progress is the officer's rating"],
    ["Progress Status", "manual", "a rating of progress is the officer's rating"],
    ["Responsible officer", "lead", "responsible officer"],
    ["Owner", "lead", "owner"],
    ["Managed by", "lead", "managed by"],
    ["Frequency", "frequency", "frequency"],
    // rule: rating inputs
    ["Polarity", "polarity", "polarity"],
    ["Good performance is", "polarity", "good performance is"],
    ["Good is", "polarity", "good is"],
    ["Direction", "polarity", "direction"],
    ["Direction of Travel", "ignore", "direction of travel is a trend, not polarity"],
    ["Trend", "ignore", "we compute trends"],
    ["Tolerance", "tolerance", "tolerance"],
    ["Amber variance %", "tolerance", "variance"],
    ["Unit", "unit", "unit"],
    ["Q3 Status", "manual", "period status"],
    ["Q2 Rating", "manual", "period rating"],
    ["Status", "manual", "status"],
    ["' Status '", "manual", "quoted status"],
    ["RAG", "manual", "RAG"],
    ["Performance status", "manual", "performance status"],
    ["Traffic light", "manual", "traffic light"],
    [GENERATED_STATUS_HEADER, "generated", "our own column"],
    ["status (AUTO)", "generated", "our own column, any case"],
    // rule: narrative
    ["Comments", "comment", "comments"],
    ["Update", "comment", "update"],
    ["Notes", "comment", "notes"],
    ["Commentary", "comment", "commentary"],
    ["Progress update", "comment", "progress update is a comment, not progress"],
    ["Remedial action", "comment", "remedial action"],
    ["Outcomes", "outcome", "outcome"],
    // rule: schedule
    ["Progress", "progress", "progress"],
    ["% Complete", "progress", "% complete"],
    ["Start date", "start", "start date"],
    ["Due Date", "due", "due date"],
    ["Target date", "due", "target date is a date, not a target"],
    ["Deadline", "due", "deadline"],
    ["End date", "due", "end date"],
    ["Completion date", "due", "completion date"],
    ["Revised Date", "due", "a revised date (helper-107)"],
    ["New date", "due", "a new date"],
    ["Date for completion", "due", "a date for completion, not progress"],
    ["Target for completion", "due", "a target for completion is a date"],
    ["Completion %", "progress", "completion as a percentage is still progress"],
    ["New Date (if changed)", "due", "a new date with a note"],
    // rule: comparators
    ["All England Average", "comparator", "England average"],
    ["All England Average 2008/09", "comparator", "a comparator naming a year is still a comparator"],
    ["Met Council Average", "comparator", "Met average"],
    ["Family group", "comparator", "family group"],
    ["Comparator", "comparator", "comparator"],
    ["National average", "comparator", "national average"],
    ["CIPFA nearest neighbours", "comparator", "CIPFA"],
    ["Statistical neighbours", "comparator", "statistical neighbours"],
    ["Quartile", "comparator", "quartile"],
    // rule: periods
    ["08/09 Actual", "actual", "year actual"],
    ["10/11 Target", "annualTarget", "year target"],
    ["Q1 Actual", "actual", "quarter actual"],
    ["Q2 YTD Actual", "actual", "YTD actual"],
    ["Q2 Y Act", "actual", "abbreviated actual"],
    ["Q3 YTD Target", "periodTarget", "period target"],
    ["2021/22 Q1", "actual", "bare period"],
    ["2021/22 Target", "annualTarget", "year target after the year"],
    ["2019/20 Achieved", "actual", "achieved"],
    ["Outturn", "actual", "outturn"],
    ["Perf", "actual", "short for performance, under a quarter's heading beside Target (helper-57)"],
    ["Q3 Perf", "actual", "a quarter's performance"],
    ["Baseline", "actual", "baseline is an earlier actual"],
    ["Target 2022/23", "annualTarget", "target before the year"],
    ["Target", "annualTarget", "plain target"],
    ["Current value", "actual", "current value"],
    ["Latest", "actual", "latest"],
    ["Q1 2009/10", "actual", "Derby quarter"],
    ["Jun-21", "actual", "month column"],
    // helper-90: a forecast no actual, a summary a comment; helper-92: a variance a tolerance, as before
    ["Acceptable Variance", "tolerance", "a tolerance"],
    ["Amber variance %", "tolerance", "Pentana's amber threshold"],
    ["Red Variance %", "tolerance", "Pentana's red threshold"],
    ["Tolerance", "tolerance", "tolerance"],
    ["Forecast Outturn", "ignore", "a forecast"],
    ["Projected year end", "ignore", "a projection"],
    ["Forecast completion date", "due", "a forecast date is a due date"],
    ["Forecast RAG", "manual", "a forecast rating is the officer's rating"],
    ["Update and forecast", "comment", "a comment"],
    ["Performance Summary", "comment", "prose"],
    ["Position Statement", "comment", "prose"],
    // rule: unknown
    ["Icon", "ignore", "icon"],
    ["Column1", "ignore", "unknown"],
    ["", "ignore", "empty"],
    ["This header is far too long to be a header: it is a sentence of prose that someone typed", "ignore", "prose"],
  ];
  test.each(cases)("%s → %s (%s)", (header, role) => {
    expect(classifyHeader(header).role).toBe(role);
  });
});

describe("periods in headers", () => {
  const cases: [string, { year?: string; quarter?: number; month?: number; yearToDate: boolean } | undefined, string][] = [
    ["10/11 Target", { year: "2010/11", yearToDate: false }, "two-digit years"],
    ["2010/11", { year: "2010/11", yearToDate: false }, "four and two digits"],
    ["2010-11 Actual", { year: "2010/11", yearToDate: false }, "dash"],
    ["2010-2011", { year: "2010/11", yearToDate: false }, "four and four digits"],
    ["1999/00", { year: "1999/00", yearToDate: false }, "century turn"],
    ["Q3 YTD Actual", { quarter: 3, yearToDate: true }, "quarter year to date"],
    ["Q2 year to date", { quarter: 2, yearToDate: true }, "year to date in words"],
    ["Cumulative Q4", { quarter: 4, yearToDate: true }, "cumulative"],
    ["2021/22 Q1", { year: "2021/22", quarter: 1, yearToDate: false }, "year then quarter"],
    ["Quarter 2 2023/24", { year: "2023/24", quarter: 2, yearToDate: false }, "quarter in words"],
    ["Jun-21", { year: "2021/22", month: 6, yearToDate: false }, "month in financial year"],
    ["Mar 2022", { year: "2021/22", month: 3, yearToDate: false }, "March belongs to the year before"],
    ["All England Average 2008", { year: "2008", yearToDate: false }, "lone calendar year kept"],
    // A quarter named by its months (helper-57): the months of a financial quarter, the year the last one is in.
    ["Apr - Jun 2010", { year: "2010/11", quarter: 1, yearToDate: false }, "quarter as a month span"],
    ["October to December 2010", { year: "2010/11", quarter: 3, yearToDate: false }, "months in words"],
    ["Jan-Mar 2011 Target", { year: "2010/11", quarter: 4, yearToDate: false }, "January to March ends the year before"],
    ["Oct-Dec", { quarter: 3, yearToDate: false }, "no year"],
    ["Q3 (Oct-Dec)", { quarter: 3, yearToDate: false }, "a quarter with its months"],
    ["Nov - Jan 2011", { year: "2011", yearToDate: false }, "three months that are not a financial quarter: as before"],
    ["Q1 Jan-Mar 2011", { year: "2011", quarter: 1, month: 1, yearToDate: false }, "a calendar quarter's number the months disagree with: read as before (helper-59)"],
    ["Jan-Mar 12 months", { quarter: 4, yearToDate: false }, "a number of months is not a year (helper-59)"],
    ["Target", undefined, "no period"],
    ["31/230", undefined, "not consecutive years"],
    ["09/11", undefined, "not consecutive years"],
  ];
  test.each(cases)("%s (%s)", (header, expected) => {
    const p = parsePeriod(header);
    if (expected === undefined) {
      expect(p).toBeUndefined();
      return;
    }
    expect(p).toEqual({ label: header.trim(), ...expected });
  });

  test.each([
    ["Q1 Actual", 3, 0.25, "Q1 is a quarter of the year"],
    ["Q2 YTD Actual", 6, 0.5, "Q2 half"],
    ["Q3 YTD Actual", 9, 0.75, "Q3 three quarters"],
    ["Q4", 12, 1, "Q4 whole"],
    ["09/10 Actual", 13, 1, "a whole year ranks after Q4"],
    ["Apr 2023", 1, 1 / 12, "April opens the financial year"],
    ["Mar 2024", 12, 1, "March closes it"],
  ] as [string, number, number, string][])("position of %s", (header, pos, fraction) => {
    const p = parsePeriod(header);
    expect(periodPosition(p)).toBe(pos);
    expect(periodFraction(p)).toBeCloseTo(fraction, 9);
  });

  test.each([
    ["Baseline", "baseline"],
    ["Latest", "headline"],
    ["Outturn", "headline"],
    ["Actual", "headline"],
    ["2021/22 Q1", "period"],
    ["09/10 Actual", "period"],
    ["Previous quarter Actual", "earlier"],
    ["Same period last year Actual", "earlier"],
    ["Last year's outturn", "earlier"],
    ["Current quarter Actual", "headline"],
    ["This year Actual", "headline"],
    ["Previous quarter (Q2 2010/11) Actual", "earlier"],
    ["Actual to end of last month", "headline"],
    ["Actual as at last month", "headline"],
    ["Performance at end of last quarter", "headline"],
    // helper-62: an earlier period named at the header's end is earlier too.
    ["Actual last year", "earlier"],
    ["Outturn previous year", "earlier"],
    ["Actual (previous quarter)", "earlier"],
    ["Actual same quarter last year", "earlier"],
    ["Q3 Actual last year", "earlier"],
    ["Actual last year (%)", "earlier"],
    ["Position at last year end", "earlier"],
    ["Performance compared to last year", "earlier"],
    ["Actual as at last month", "headline"],
    ["Actual for the year to last quarter", "headline"],
    // Beside this quarter's figure it is last quarter's; alone, it is rated (records.ts).
    ["Last quarter actual", "earlier"],
    // Abbreviated (helper-61), and an earlier figure named with no period.
    ["Last Qtr Actual", "earlier"],
    ["Actual Prev Qtr", "earlier"],
    ["Prev Yr Outturn", "earlier"],
    ["Prev Performance", "earlier"],
    ["Previous Actual", "earlier"],
    ["Prior year performance", "earlier"],
    ["Current Qtr Actual", "headline"],
    ["Actual to end of last qtr", "headline"],
    ["Performance", "headline"],
  ])("actual column %s is %s", (header, kind) => {
    expect(actualKind(header)).toBe(kind);
  });

  test.each([
    ["Previous quarter Target", "ignore"],
    ["Previous quarter RAG", "ignore"],
    ["Same period last year Target", "ignore"],
    ["Previous year comments", "ignore"],
    ["Previous quarter Actual", "actual"],
    ["Current quarter Target", "annualTarget"],
    ["This year RAG", "manual"],
    ["Previous quarter (Q2 2010/11) Target", "ignore"],
    ["Target last year", "ignore"],
    ["RAG last quarter", "ignore"],
    // helper-63: a period in the middle of a header, or after "at", is earlier too; "as last year" is a note on this year's target.
    ["Target last year (%)", "ignore"],
    ["Variance from last year", "ignore"],
    ["RAG at last quarter end", "ignore"],
    ["Status as at last quarter", "ignore"],
    ["Comments from last quarter", "ignore"],
    ["Target as last year", "annualTarget"],
    ["Update since last quarter", "comment"],
    // helper-61: a figure up to the end of last month is this period's; a note on a target is no earlier target.
    ["Last quarter actual", "actual"],
    ["Actual to end of last month", "actual"],
    ["Target (same as last year)", "annualTarget"],
    ["Target (previous year +2%)", "annualTarget"],
    // Abbreviated (helper-61); a note on this year's target is not an earlier target.
    ["Prev Qtr Target", "ignore"],
    ["RAG last qtr", "ignore"],
    ["Target (prev yr + 2%)", "annualTarget"],
    ["Target (previous actual + 5%)", "annualTarget"],
    ["Target as previous outturn", "annualTarget"],
    ["Prev Performance", "actual"],
    // helper-64: a note on how this year's target was set, in brackets or after a colon, is no earlier target.
    ["Target (prev yr - 5%)", "annualTarget"],
    ["Target (previous year - 5%)", "annualTarget"],
    ["Target (5% above prev yr)", "annualTarget"],
    ["Target (prev yr outturn)", "annualTarget"],
    ["Target (maintain prev yr)", "annualTarget"],
    ["Target (prev yr x 1.05)", "annualTarget"],
    ["Target (based on prev yr performance)", "annualTarget"],
    ["Target: beat prev yr", "annualTarget"],
    ["Target (Prev Yr Actual + 5%)", "annualTarget"],
    ["Target (previous actual - 5%)", "annualTarget"],
    ["Target (better than previous actual)", "annualTarget"],
    ["Q3 Target (Prev Qtr + 5%)", "periodTarget"],
    // …where a note with no sign of how the target was set names the target's own period (helper-65).
    ["Target (last year)", "ignore"],
    ["Target (prev yr)", "ignore"],
    ["Target (last year: 09/10)", "ignore"],
    ["Target (previous year 2009/10)", "ignore"],
    ["Target (last year - for info)", "ignore"],
    ["Target (last year, for info)", "ignore"],
    ["Target [last year for comparison]", "ignore"],
    ["Target (last year's target)", "ignore"],
    ["Target (for last year)", "ignore"],
    ["Target (Q3 last year)", "ignore"],
    ["Target (same period last year)", "ignore"],
    // helper-66: how it was set, in other words.
    ["Target (hold at prev yr)", "annualTarget"],
    ["Target (prev yr or lower)", "annualTarget"],
    ["Target (prev yr less 2)", "annualTarget"],
    ["Target (prev yr level)", "annualTarget"],
    ["Target (prev yr avg)", "annualTarget"],
    ["Target (prev yr figure)", "annualTarget"],
    ["Target (prev yr - see note)", "ignore"],
    ["Previous Target", "ignore"],
    ["Prev Yr Target", "ignore"],
    // "Perf" is an actual only as a whole header.
    ["Prev Perf", "ignore"],
    ["Perf Indicator", "name"],
    ["Perf Lead", "lead"],
    // helper-65: a note after a colon or a spaced dash, as in brackets: its "better" is no polarity, its "quartile" no comparator.
    ["Target: 5% better than last year", "annualTarget"],
    ["Target: better than England average", "annualTarget"],
    ["Target - 10% above top quartile", "annualTarget"],
    ["Target (2010/11): 5% better than last year", "annualTarget"],
    // helper-70: a note that is another column's header, or compares with nothing, leaves the header as it read.
    ["Target - top quartile", "comparator"],
    ["Target - national average", "comparator"],
    ["Target - Timescale", "due"],
    ["Target: deadline", "due"],
    ["Target - polarity", "polarity"],
    ["Target: Higher or Lower", "polarity"],
    ["Target: tolerance", "tolerance"],
    ["Target - RAG status", "manual"],
    ["Lead officer name", "lead"],
    // helper-72: a note saying which way is better is a note, as in brackets.
    ["Target - higher is better", "annualTarget"],
    ["Target: smaller is better", "annualTarget"],
    ["Target \u2013 5% improvement", "annualTarget"],
    ["Q3 Target: better than Q2", "periodTarget"],
    ["Target: last year", "ignore"],
    ["Direction: higher is better", "polarity"],
    ["Target date: end of Q3", "due"],
  ])("%s: an earlier period's target, rating or comment is not read; its actual is (never rated)", (header, role) => {
    expect(classifyHeader(header).role).toBe(role);
  });
});

describe("titles versus section headings", () => {
  test.each([
    ["Kev Activities", true, "table title (even misspelt key)"],
    ["Key Performance Indicators", true, "table title"],
    ["Community Safety Key Tasks and Priorities for Improvement 2021/22", true, "Broxtowe title"],
    ["Q3 10/11 (SC on Comm Safety & Comm Services)", true, "page header naming a quarter"],
    ["2021/22", true, "a period alone"],
    ["Page 3 of 10", true, "page footer"],
    ["Performance Indicator Key", true, "a legend's title"],
    ["Community Safety Priority 1 Strengthening trust and confidence by working to prevent and reduce crime", false, "Dudley section heading"],
    ["Substance Abuse", false, "Derby section heading"],
    ["Priority 2 2021/22", false, "priority naming a year"],
  ] as [string, boolean, string][])("%s → title %s (%s)", (text, expected) => {
    expect(isTitleText(text)).toBe(expected);
  });

  test("normalising keeps words and digits only", () => {
    expect(normaliseHeader(" Code & Short-Name (%) ")).toBe("code and short name percent");
  });
});
