import { classifyHeader } from "../../src/engine/detect/headers";
import { planColumns, readRecords, splitRefAndName } from "../../src/engine/detect/records";
import { detectTables } from "../../src/engine/detect/tables";
import type { CellValue, ColumnMapping, SheetGrid, SourceRecord } from "../../src/engine/vocab/types";

function grid(rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name: "Tracker", values: rows, ...extra };
}

function read(g: SheetGrid) {
  return readRecords(g, detectTables(g));
}

/** Columns as detection would map them, one per header, from column A. */
function columns(...headers: string[]): ColumnMapping[] {
  return headers.map((header, col) => {
    const c = classifyHeader(header);
    return c.period ? { col, header, role: c.role, period: c.period } : { col, header, role: c.role };
  });
}

const labels = (fields: { label: string }[]) => fields.map((f) => f.label);

describe("splitting a Code & Short Name cell", () => {
  test.each([
    ["COMS1821_13.1 Produce Food Service Action Plan", "COMS1821_13.1", "Produce Food Service Action Plan", "Pentana action code"],
    ["NI 39 Rate of hospital admissions", "NI 39", "Rate of hospital admissions", "national indicator with a space"],
    ["CS1.1a Review working practices", "CS1.1a", "Review working practices", "Dudley activity ref"],
    ["ComS_012d ASB related cases (%)", "ComS_012d", "ASB related cases (%)", "Pentana PI code"],
    ["SSC 01.1 - Overall crimes recorded", "SSC 01.1", "Overall crimes recorded", "dash after the code"],
    ["1.2: Deliver the plan", "1.2", "Deliver the plan", "numbered item with a colon"],
    ["KPI01", "KPI01", "", "code only"],
    ["Produce Food Service Action Plan", "", "Produce Food Service Action Plan", "no code"],
    ["2021 Community plan", "", "2021 Community plan", "a year is not a code"],
  ])("%s (%s)", (text, ref, name) => {
    expect(splitRefAndName(text)).toEqual({ ref, name });
  });
});

describe("which columns are rated (RULES §4)", () => {
  const cases: { headers: string[]; actual?: string; target?: string; annual?: string; ytd: boolean; fraction?: number; series: string[]; earlier: string[]; rule: string }[] = [
    {
      headers: ["Ref", "Definition", "08/09 Actual", "09/10 Actual", "10/11 Target", "Q1 Actual", "Q2 YTD Actual", "Q3 YTD Target", "Q3 YTD Actual"],
      actual: "Q3 YTD Actual",
      target: "Q3 YTD Target",
      annual: "10/11 Target",
      ytd: true,
      fraction: 0.75,
      series: ["Q3 YTD Actual"],
      earlier: ["08/09 Actual", "09/10 Actual", "Q1 Actual", "Q2 YTD Actual"],
      rule: "Dudley: the year's own YTD figure and its period target; cumulative quarters are not a trend",
    },
    {
      headers: ["Ref", "Definition", "08/09 Actual", "09/10 Actual", "10/11 Target", "Q1 Actual", "Q2 YTD Actual"],
      actual: "Q2 YTD Actual",
      annual: "10/11 Target",
      ytd: true,
      fraction: 0.5,
      series: ["Q2 YTD Actual"],
      earlier: ["08/09 Actual", "09/10 Actual", "Q1 Actual"],
      rule: "no period target: a YTD actual leaves the annual target to be pro-rated",
    },
    {
      headers: ["Performance Indicator", "08/09 actual", "09/10 target", "09/10 actual"],
      actual: "09/10 actual",
      target: "09/10 target",
      annual: "09/10 target",
      ytd: false,
      fraction: 1,
      series: ["08/09 actual", "09/10 actual"],
      earlier: ["08/09 actual"],
      rule: "Derby: the latest year's actual against that year's target; years form the trend",
    },
    {
      headers: ["Status", "Code & Short Name", "2019/20 Achieved", "2020/21 Achieved", "2021/22 Q1", "2021/22 Target"],
      actual: "2021/22 Q1",
      target: "2021/22 Target",
      annual: "2021/22 Target",
      ytd: false,
      fraction: 0.25,
      series: ["2021/22 Q1"],
      earlier: ["2019/20 Achieved", "2020/21 Achieved"],
      rule: "Broxtowe: no year figure, so the latest period; the annual target as it stands",
    },
    {
      headers: ["Ref", "Indicator", "Baseline", "Target", "Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10", "Latest"],
      actual: "Latest",
      target: "Target",
      annual: "Target",
      ytd: false,
      series: ["Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"],
      earlier: ["Baseline", "Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"],
      rule: "Derby quarterly: Latest is rated, quarters are the trend, the baseline never",
    },
    {
      headers: ["Ref", "Indicator", "Q1 2009/10", "Q2 2009/10", "09/10 Actual", "Target"],
      actual: "09/10 Actual",
      target: "Target",
      annual: "Target",
      ytd: false,
      fraction: 1,
      series: ["Q1 2009/10", "Q2 2009/10"],
      earlier: ["Q1 2009/10", "Q2 2009/10"],
      rule: "quarter-by-quarter columns beside a year figure are the trend series, not the rated actual",
    },
    {
      headers: ["KPI", "Description", "Target 2023/24", "Q1 2023/24", "Q2 2023/24"],
      actual: "Q2 2023/24",
      target: "Target 2023/24",
      annual: "Target 2023/24",
      ytd: false,
      fraction: 0.5,
      series: ["Q1 2023/24", "Q2 2023/24"],
      earlier: ["Q1 2023/24"],
      rule: "quarters of a year: the latest is rated, all form the trend",
    },
    {
      headers: ["Ref", "Measure", "Apr 2023", "May 2023", "Jun 2023", "Annual target"],
      actual: "Jun 2023",
      target: "Annual target",
      annual: "Annual target",
      ytd: false,
      fraction: 0.25,
      series: ["Apr 2023", "May 2023", "Jun 2023"],
      earlier: ["Apr 2023", "May 2023"],
      rule: "monthly columns",
    },
    {
      headers: ["Ref", "Indicator", "Baseline 2008/09", "Target 2009/10", "Latest 2009/10", "Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"],
      actual: "Latest 2009/10",
      target: "Target 2009/10",
      annual: "Target 2009/10",
      ytd: false,
      fraction: 1,
      series: ["Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"],
      earlier: ["Baseline 2008/09", "Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"],
      rule: "Derby sample: the year's latest figure is rated beside its quarters, which are the trend",
    },
    {
      headers: ["Ref", "Measure", "Baseline", "Target"],
      annual: "Target",
      ytd: false,
      series: [],
      earlier: ["Baseline"],
      rule: "a baseline is never rated, even alone",
    },
  ];
  test.each(cases)("$rule", (c) => {
    const plan = planColumns(columns(...c.headers));
    expect(plan.actual?.header).toBe(c.actual);
    expect(plan.target?.header).toBe(c.target);
    expect(plan.annualTarget?.header).toBe(c.annual);
    expect(plan.yearToDate).toBe(c.ytd);
    expect(plan.periodFraction).toBe(c.fraction);
    expect(plan.series.map((m) => m.header)).toEqual(c.series);
    expect(plan.earlier.filter((m) => m !== plan.actual).map((m) => m.header)).toEqual(c.earlier);
  });

  test("several rating columns: the latest period's is the manual status", () => {
    const plan = planColumns(columns("Action", "Lead Officer", "Q1 Rating", "Q2 Rating", "Commentary"));
    expect(plan.single.manual?.header).toBe("Q2 Rating");
  });

  test.each([
    ["quarter first", ["Ref", "Measure", "Q3 2010/11 Target", "Q3 2010/11 Actual", "Q3 YTD 2010/11 Target", "Q3 YTD 2010/11 Actual"]],
    ["year to date first", ["Ref", "Measure", "Q3 YTD 2010/11 Target", "Q3 YTD 2010/11 Actual", "Q3 2010/11 Target", "Q3 2010/11 Actual"]],
  ])("a quarter's own figures beside its year to date (%s): the year to date is rated, against its own target (RULES §4; helper-57)", (_order, headers) => {
    const plan = planColumns(columns(...headers));
    expect({ actual: plan.actual?.header, target: plan.target?.header, ytd: plan.yearToDate }).toEqual({ actual: "Q3 YTD 2010/11 Actual", target: "Q3 YTD 2010/11 Target", ytd: true });
  });

  test.each([
    [["Ref", "Measure", "10/11 Target", "Q3 Target", "Q3 YTD Actual", "Q3 Actual"], "Q3 YTD Actual", undefined, "the quarter's target is the quarter's own figure's: the year to date is rated against the annual target, pro-rated"],
    [["Ref", "Measure", "10/11 Target", "Dec Target", "Q3 YTD Actual", "Dec Actual"], "Q3 YTD Actual", undefined, "likewise a month's"],
    [["Ref", "Measure", "10/11 Target", "Q3 Target", "Q3 YTD Actual"], "Q3 YTD Actual", "Q3 Target", "with no figure of the quarter's own, the quarter's target is the one there is"],
    [["Ref", "Measure", "2010/11 Target", "2010/11 YTD Actual", "2010/11 Outturn"], "2010/11 Outturn", "2010/11 Target", "at the year's end the outturn, the later column, as before"],
  ] as [string[], string, string | undefined, string][])("%j: %s against %s (helper-59: %s)", (headers, actual, target) => {
    const plan = planColumns(columns(...headers));
    expect({ actual: plan.actual?.header, target: plan.target?.header }).toEqual({ actual, target });
  });

  test.each([
    ["year to date first", ["Ref", "Measure", "Q3 YTD Target", "Q3 YTD Actual", "Q3 YTD RAG", "Q3 YTD Comments", "Q3 2010/11 Target", "Q3 2010/11 Actual", "Q3 2010/11 RAG", "Q3 2010/11 Comments"]],
    ["quarter first", ["Ref", "Measure", "Q3 2010/11 Target", "Q3 2010/11 Actual", "Q3 2010/11 RAG", "Q3 2010/11 Comments", "Q3 YTD Target", "Q3 YTD Actual", "Q3 YTD RAG", "Q3 YTD Comments"]],
  ])("the officer's rating and comment read are the rated year to date's, though it names no year (%s; helper-57)", (_, headers) => {
    const plan = planColumns(columns(...headers));
    expect({ actual: plan.actual?.header, manual: plan.single.manual?.header, comment: plan.single.comment?.header }).toEqual({ actual: "Q3 YTD Actual", manual: "Q3 YTD RAG", comment: "Q3 YTD Comments" });
  });

  test.each([
    [["Ref", "Measure", "Target", "Actual", "Actual last year"], "Actual"],
    [["Ref", "Measure", "Target", "Last quarter actual", "Actual"], "Actual"],
    [["Ref", "Measure", "Target", "Last quarter actual"], "Last quarter actual"],
    [["Ref", "Measure", "Target", "Performance last quarter"], "Performance last quarter"],
  ] as [string[], string][])("%j: %s is rated; an earlier period named relatively only where there is no other figure (helper-61, helper-62)", (headers, actual) => {
    expect(planColumns(columns(...headers)).actual?.header).toBe(actual);
  });

  test("months beside the quarter's year to date: the year to date is rated, against its own target (helper-57)", () => {
    const plan = planColumns(columns("Ref", "Measure", "Oct 2010 Target", "Oct 2010 Actual", "Dec 2010 Target", "Dec 2010 Actual", "Q3 YTD 2010/11 Target", "Q3 YTD 2010/11 Actual"));
    expect({ actual: plan.actual?.header, target: plan.target?.header }).toEqual({ actual: "Q3 YTD 2010/11 Actual", target: "Q3 YTD 2010/11 Target" });
  });
});

describe("readRecords on seed layouts", () => {
  test("Dudley: section rows give the priority, to activities and to the KPI table below them", () => {
    const g = grid([
      ["Community Safety Priority 1 Strengthening trust and confidence by working to prevent and reduce crime"],
      ["Kev Activities"],
      ["Direct.", "Ref.", "Description", "Q3 Status", "Update", "Lead Officer"],
      ["DUE", "CS1.1a", "To continue to improve security on local authority car parks", "★", "Maintenance continues.", "Garry Dean"],
      ["Direct.", "Ref.", "Description", "Q3 Status", "Update", "Lead Officer"],
      ["L&P", "CS1.1h", "Review potential ASBO cases", "-", "No instructions received during quarter 3.", "Richard Clark"],
      ["Key Performance Indicators"],
      ["Direct.", "Ref", "Definition", "08/09 Actual", "09/10 Actual", "10/11 Target", "Q1 Actual", "Q2 YTD Actual", "Q3 YTD Target", "Q3 YTD Actual", "Select Committee", "Comment"],
      ["CEX", "SSC 01.1", "Overall crimes recorded", 11428, 10459, "Less than 10,459", 2949, 5506, "Less than 7,844", 8204, "Community Safety and Community Services", "Following the increase in crime."],
      ["Community Safety Priority 2 Reducing the harm caused by drugs and alcohol"],
      ["CEX", "NI 040", "Drug users in effective treatment", 1248, 1302, "1,321", 1300, 1310, "1,321", 1320, "Community Safety and Community Services", null],
    ]);
    const { records, problems } = read(g);
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.kind, r.row, r.ref, r.name, r.priority?.slice(0, 29)])).toEqual([
      ["activity", 4, "CS1.1a", "To continue to improve security on local authority car parks", "Community Safety Priority 1 S"],
      ["activity", 6, "CS1.1h", "Review potential ASBO cases", "Community Safety Priority 1 S"],
      ["indicator", 9, "SSC 01.1", "Overall crimes recorded", "Community Safety Priority 1 S"],
      ["indicator", 11, "NI 040", "Drug users in effective treatment", "Community Safety Priority 2 R"],
    ]);
    const [act, , kpi] = records;
    expect(act).toMatchObject({ directorate: "DUE", lead: "Garry Dean", manual: { cell: "D4", value: "★", text: "★" }, comment: { cell: "E4", text: "Maintenance continues." } });
    expect(act.actual).toBeUndefined();
    expect(kpi).toMatchObject({
      committee: "Community Safety and Community Services",
      actual: { cell: "J9", value: 8204, text: "8204" },
      target: { cell: "I9", value: "Less than 7,844" },
      annualTarget: { cell: "F9", value: "Less than 10,459" },
      periodLabel: "Q3 YTD Actual",
      yearToDate: true,
      periodFraction: 0.75,
    });
    expect(labels(kpi.earlier)).toEqual(["08/09 Actual", "09/10 Actual", "Q1 Actual", "Q2 YTD Actual"]);
    expect(kpi.earlier[0].field).toMatchObject({ cell: "D9", value: 11428, text: "11428" });
    expect(kpi.earlier[0].period?.year).toBe("2008/09");
  });

  test("records read their cells when asked, but serialise as plain data", () => {
    const g = grid([
      ["Ref", "Indicator", "Polarity", "2020/21 Actual", "2021/22 Q1", "Target", "Comment"],
      ["HS01", "Homes built", "Higher is better", 180, 210, 400, "On site"],
    ]);
    const [record] = read(g).records;
    expect(JSON.parse(JSON.stringify(record))).toEqual({
      kind: "indicator",
      sheet: g.name,
      row: 2,
      ref: "HS01",
      name: "Homes built",
      series: [{ label: "2021/22 Q1", field: { cell: "E2", value: 210, text: "210" }, period: expect.objectContaining({ year: "2021/22", quarter: 1 }) }],
      earlier: [{ label: "2020/21 Actual", field: { cell: "D2", value: 180, text: "180" }, period: expect.objectContaining({ year: "2020/21" }) }],
      comparators: [],
      comment: { cell: "G2", value: "On site", text: "On site" },
      polarity: { cell: "C2", value: "Higher is better", text: "Higher is better" },
      actual: { cell: "E2", value: 210, text: "210" },
      periodLabel: "2021/22 Q1",
      target: { cell: "F2", value: 400, text: "400" },
      annualTarget: { cell: "F2", value: 400, text: "400" },
      periodFraction: 0.25,
    });
  });

  test("Broxtowe: codes split from titles, progress and due dates read as cells", () => {
    const g = grid([
      ["Community Safety Key Tasks and Priorities for Improvement 2021/22"],
      ["Status", "Action Title", "Action Description", "Progress", "Due Date", "Comments"],
      ["Completed", "COMS1821_13.1 Produce Food Service Action Plan 2021", "Council has a fit for purpose Food Service Plan", 1, new Date(Date.UTC(2021, 5, 30)), "Approved."],
      [],
      ["Community Safety Critical Success Indicators 2021/22"],
      ["Status", "Code & Short Name", "Frequency", "2019/20 Achieved", "2020/21 Achieved", "2021/22 Q1", "2021/22 Target", "Notes"],
      ["Red", "Coms_048 Food Inspections: High Risk", "Quarterly", 0.98, 0.05, 0.43, 1, "Proactive inspections only commenced in July 2021."],
    ]);
    const { records, problems } = read(g);
    expect(problems).toEqual([]);
    const [action, pi] = records;
    expect(action).toMatchObject({
      kind: "activity",
      row: 3,
      ref: "COMS1821_13.1",
      name: "Produce Food Service Action Plan 2021",
      manual: { cell: "A3", text: "Completed" },
      progress: { cell: "D3", value: 1, text: "1" },
      due: { cell: "E3", text: "30/06/2021" },
    });
    expect(action.priority).toBeUndefined();
    expect(pi).toMatchObject({
      kind: "indicator",
      ref: "Coms_048",
      name: "Food Inspections: High Risk",
      frequency: "Quarterly",
      actual: { cell: "F7", value: 0.43 },
      target: { cell: "G7", value: 1 },
      annualTarget: { cell: "G7", value: 1 },
      periodFraction: 0.25,
      comment: { cell: "H7" },
    });
    expect(pi.yearToDate).toBeUndefined();
    expect(labels(pi.earlier)).toEqual(["2019/20 Achieved", "2020/21 Achieved"]);
    expect(labels(pi.series)).toEqual(["2021/22 Q1"]);
  });

  test("Derby CSP: section rows inside the table, Latest rated, quarters as the trend", () => {
    const g = grid([
      ["Priority/Ref", "Indicator", "Baseline", "Target", "Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10", "Latest", "Trend", "Comment"],
      ["Substance Abuse"],
      ["LAA", "Rate of hospital admissions (NI 39)", "2,020 (2007/08)", "2,230 (2008/09)", 2300, 2350, 2400, 2475, "2,475 (2008/09)", "†", "Increases had been anticipated."],
      ["Drug Use and Treatment"],
      ["NI 38", "Drug-related (Class A) offending rate", "-25.6% 2008/09", "<0.0%", -0.2, -0.22, -0.23, -0.241, "-24.1% Dec 2009", null, null],
    ]);
    const { records } = read(g);
    expect(records.map((r) => [r.ref, r.priority, r.actual?.cell, r.target?.cell])).toEqual([
      ["LAA", "Substance Abuse", "I3", "D3"],
      ["NI 38", "Drug Use and Treatment", "I5", "D5"],
    ]);
    expect(labels(records[0].series)).toEqual(["Q1 2009/10", "Q2 2009/10", "Q3 2009/10", "Q4 2009/10"]);
    expect(records[0].series.map((s) => s.field.value)).toEqual([2300, 2350, 2400, 2475]);
    expect(records[0].comment?.text).toBe("Increases had been anticipated.");
  });

  test("Cannock PDP: actions with the latest rating, priority from the objective heading", () => {
    const g = grid([
      ["Strategic Objective"],
      ["Working with partners to foster safer and stronger communities"],
      ["Action", "Lead Officer", "Q1 Rating", "Q2 Rating", "Commentary"],
      ["Produce the Partnership Community Safety Delivery Plan", "Head of Environmental Health", "▶", "Yellow", "A half year progress report has been submitted."],
    ]);
    const [r] = read(g).records;
    expect(r).toMatchObject({
      kind: "activity",
      ref: "",
      name: "Produce the Partnership Community Safety Delivery Plan",
      lead: "Head of Environmental Health",
      priority: "Working with partners to foster safer and stronger communities",
      manual: { cell: "D4", text: "Yellow" },
      comment: { cell: "E4" },
    });
  });

  test("a tracker not tuned to the seeds", () => {
    const g = grid([["KPI", "Description", "Good is", "Target 2023/24", "Q2 2023/24", "Owner"], ["HS01", "Homes built", "Higher is better", 400, 210, "Jo Bloggs"]]);
    const [r] = read(g).records;
    expect(r).toMatchObject({ ref: "HS01", name: "Homes built", polarity: { cell: "C2", text: "Higher is better" }, actual: { cell: "E2", value: 210 }, target: { cell: "D2", value: 400 }, lead: "Jo Bloggs", periodFraction: 0.5 });
  });
});

describe("readRecords: problems and edge rows", () => {
  test("an indicator table without an actual column is an error at its header", () => {
    const { problems } = read(grid([[], ["Ref", "Measure", "Target"], ["M1", "Homes", 10]], { name: "KPIs" }));
    expect(problems).toEqual([expect.objectContaining({ sheet: "KPIs", cell: "A2", severity: "error" })]);
    expect(problems[0].message).toMatch(/no actual column/);
  });

  test("an indicator table without a target column is a warning (data only)", () => {
    const { problems, records } = read(grid([["Ref", "Measure", "Actual"], ["M1", "Homes", 10]]));
    expect(problems.map((p) => [p.cell, p.severity])).toEqual([["A1", "warning"]]);
    expect(records[0].target).toBeUndefined();
  });

  test("a row with figures but no ref and no name is left out with a warning naming its cell", () => {
    const { records, problems } = read(grid([["Ref", "Measure", "Actual", "Target"], ["M1", "Homes", 10, 12], [null, null, 5, 6]]));
    expect(records.map((r) => r.ref)).toEqual(["M1"]);
    expect(problems).toEqual([{ sheet: "Tracker", cell: "A3", severity: "warning", message: "Row 3 has entries but no reference or name, so it was left out." }]);
  });

  test("a row with text only in unmapped columns is a note, not a problem", () => {
    const { records, problems } = read(grid([["Ref", "Measure", "Actual", "Target", "Trend"], ["M1", "Homes", 10, 12, "up"], [null, null, null, null, "see note"], [null, null, null, null, "and more"]]));
    expect(records).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test("a name without a ref is a record; a ref column beats the code in a title", () => {
    const { records } = read(grid([["Ref", "Action Title", "Status"], [null, "Write the plan", "Green"], ["A2", "COMS1 Consult", "Red"]]));
    expect(records.map((r) => [r.ref, r.name])).toEqual([
      ["", "Write the plan"],
      ["A2", "COMS1 Consult"],
    ]);
  });

  test("a priority column beats the section heading above", () => {
    const { records } = read(grid([["Housing"], ["Ref", "Action", "Theme", "Status"], ["A1", "Plan", "Homes", "Green"], ["A2", "Consult", null, "Green"]]));
    expect(records.map((r) => r.priority)).toEqual(["Homes", "Housing"]);
  });

  test("prose above the table is not a priority", () => {
    const { records } = read(grid([["This report was approved by Cabinet on 23 June 2015."], ["See http://example.gov.uk/plan"], ["Ref", "Action", "Status"], ["A1", "Plan", "Green"]]));
    expect(records[0].priority).toBeUndefined();
  });

  test("a directorate merged down a block of rows applies to each row", () => {
    const g = grid([["Directorate", "Ref", "Action", "Status"], ["Place", "A1", "Plan", "Green"], [null, "A2", "Consult", "Amber"]], { merges: [{ top: 1, left: 0, bottom: 2, right: 0 }] });
    expect(read(g).records.map((r) => r.directorate)).toEqual(["Place", "Place"]);
  });

  test("tables of other sheets are ignored", () => {
    const g = grid([["Ref", "Action", "Status"], ["A1", "Plan", "Green"]]);
    const tables = detectTables(g).map((t) => ({ ...t, sheet: "Other" }));
    expect(readRecords(g, tables).records).toEqual([]);
  });

  test("user-corrected tables are read as given", () => {
    const g = grid([["Ref", "Thing", "Figure", "Aim"], ["A1", "Homes", 10, 12]]);
    const records: SourceRecord[] = readRecords(g, [
      {
        sheet: "Tracker",
        kind: "indicator",
        headerRow: 0,
        headerHeight: 1,
        firstRow: 1,
        lastRow: 1,
        columns: [
          { col: 0, header: "Ref", role: "ref" },
          { col: 1, header: "Thing", role: "name" },
          { col: 2, header: "Figure", role: "actual" },
          { col: 3, header: "Aim", role: "annualTarget" },
        ],
      },
    ]).records;
    expect(records[0]).toMatchObject({ name: "Homes", actual: { cell: "C2", value: 10 }, target: { cell: "D2", value: 12 } });
  });
});

describe("section headings outside tables", () => {
  test("legend entries right of the table's first column are not headings (Broxtowe's status key)", () => {
    const { records } = read(
      grid([
        ["Icon", "Performance Indicator Status"],
        [null, "Alert"],
        [null, "Data Only"],
        ["Community Safety Key Tasks and Priorities for Improvement 2021/22"],
        ["Status", "Action Title", "Progress", "Due Date"],
        ["Completed", "COMS1 Produce plan", 1, "Jun-2021"],
      ]),
    );
    expect(records[0].priority).toBeUndefined();
  });

  test("a heading merged across columns counts wherever it starts", () => {
    const { records } = read(grid([[null, "Safer streets", null], ["Ref", "Action", "Status"], ["A1", "Plan", "Green"]], { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] }));
    expect(records[0].priority).toBe("Safer streets");
  });
});

describe("numbered sections inside a table: a number in the ref column, a title beside it", () => {
  const header: CellValue[] = ["Ref", "Measure", "Polarity", "Target", "Q2 Actual", "RAG"];
  test.each([
    ["as text", "1", "2"],
    ["as numbers", 1, 2],
    ["with a full stop", "1.", "2."],
  ] as [string, CellValue, CellValue][])("%s: headings, not records rated data only", (_, one, two) => {
    const { records } = read(
      grid([
        header,
        [one, "Housing"],
        ["HS01", "Households in temporary accommodation", "Lower", 120, 118, "Green"],
        ["HS02", "Rent collected", "Higher", 0.98, 0.9, "Green"],
        [two, "Environment"],
        ["EN03", "Missed bins", "Lower", 50, 80, "Red"],
      ]),
    );
    expect(records.map((r) => [r.ref, r.priority])).toEqual([
      ["HS01", `${String(one).trim()} Housing`],
      ["HS02", `${String(one).trim()} Housing`],
      ["EN03", `${String(two).trim()} Environment`],
    ]);
  });

  test("records numbered 1.1, 1.2 under section 1, 2.1 under section 2", () => {
    const { records } = read(
      grid([header, ["1", "Housing"], ["1.1", "Temporary accommodation", "Lower", 120, 118, "Green"], ["1.2", "Rent collected", "Higher", 0.98, 0.9, "Green"], ["2", "Environment"], ["2.1", "Missed bins", "Lower", 50, 80, "Red"]]),
    );
    expect(records.map((r) => [r.ref, r.priority])).toEqual([
      ["1.1", "1 Housing"],
      ["1.2", "1 Housing"],
      ["2.1", "2 Environment"],
    ]);
  });

  // None is lost: where the refs are numbers, a row with a number and a name is a record whose figures are not in yet.
  test.each([
    ["in a table numbered 1, 2, 3", [header, [1, "Temporary accommodation", "Lower", 120, 118, "Green"], [2, "Rent collected"], [3, "Missed bins", "Lower", 50, 80, "Red"]], ["1", "2", "3"]],
    ["the last row of a table", [header, ["HS01", "Temporary accommodation", "Lower", 120, 118, "Green"], ["7", "Rent collected"]], ["HS01", "7"]],
    ["a name that is a sentence", [header, ["1", "Rent collected in the year."], ["HS01", "Temporary accommodation", "Lower", 120, 118, "Green"]], ["1", "HS01"]],
    ["a figure beside the number", [header, ["1", "Housing", "Lower"], ["HS01", "Temporary accommodation", "Lower", 120, 118, "Green"]], ["1", "HS01"]],
    ["a code beside it, not a title", [header, ["1", "HS09"], ["HS01", "Temporary accommodation", "Lower", 120, 118, "Green"]], ["1", "HS01"]],
    // helper-86: one such row in the table, or what is under it no record with figures, it is a new measure.
    // (Below, "3 | Housing" over HS9 is the other such row, and a section: row 2 is decided by what is under it.)
    ["the only one in the table, over records with codes", [header, ["HS01", "Temporary accommodation", "Lower", 120, 118, "Green"], ["3", "New measure: repairs on time"], ["HS04", "Missed bins", "Lower", 50, 80, "Red"]], ["HS01", "3", "HS04"]],
    ["mixed refs, one new local measure over NI codes", [header, [1, "Temporary accommodation", "Lower", 120, 118, "Green"], [2, "New local measure"], ["NI 192", "Household waste recycled", "Higher", 0.4, 0.38, "Red"], ["NI 195", "Street cleanliness", "Lower", 10, 8, "Green"]], ["1", "2", "NI 192", "NI 195"]],
    ["a footnote under it", [header, [1, "Temporary accommodation", "Lower", 120, 118, "Green"], [2, "Rent collected"], [], ["Source: Housing system"], [3, "Housing"], ["HS9", "x", "Lower", 1, 2, "Red"]], ["1", "2", "HS9"]],
    ["a total under it", [header, [1, "Temporary accommodation", "Lower", 120, 118, "Green"], [2, "Rent collected"], ["Total", null, null, 240, 236], [3, "Housing"], ["HS9", "x", "Lower", 1, 2, "Red"]], ["1", "2", "HS9"]],
    ["a heading and another table under it", [header, [1, "Temporary accommodation", "Lower", 120, 118, "Green"], [2, "Rent collected"], [], ["Key actions"], ["Action ref", "Action", "Status"], ["A1", "Plan", "Green"]], ["1", "2", "A1"]],
  ] as [string, CellValue[][], string[]][])("%s: still a record", (_, rows, refs) => {
    expect(read(grid(rows)).records.map((r) => r.ref)).toEqual(refs);
  });
});

describe("a target whose header names an earlier period, beside a plain Target", () => {
  test.each([
    ["Target (last year, as agreed)"],
    ["Target (last year - reduced)"],
    ["Target (last year actual)"],
    ["Target (prev yr + 5%)"],
  ])("'%s' | Target | Actual: the plain Target is this year's (helper-66)", (earlier) => {
    const g = grid([
      ["Ref", "Indicator", "Polarity", earlier, "Target", "Actual"],
      ["PI1", "Recycling", "Higher is better", 70, 50, 45],
    ]);
    const { records } = readRecords(g, detectTables(g));
    expect(records.map((r) => r.target?.value)).toEqual([50]);
  });

  test("alone, it is the target there is", () => {
    const g = grid([
      ["Ref", "Indicator", "Polarity", "Target (prev yr + 5%)", "Actual"],
      ["PI1", "Recycling", "Higher is better", 50, 45],
    ]);
    const { records } = readRecords(g, detectTables(g));
    expect(records.map((r) => r.target?.value)).toEqual([50]);
  });
});
