import { readRecords } from "../../src/engine/detect/records";
import { runScorecard } from "../../src/engine/scorecard";
import { detectTables } from "../../src/engine/detect/tables";
import { classifyBodyRow, tableShape } from "../../src/engine/detect/body-rows";
import { judgeHeader } from "../../src/engine/detect/header-rows";
import { SheetCells } from "../../src/engine/read/cells";
import type { CellRange, CellValue, ColumnMapping, Role, SheetGrid, TableSpec } from "../../src/engine/vocab/types";

function grid(rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name: "Sheet1", values: rows, ...extra };
}

/** Role by header text, for compact expectations. */
const M = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

function roles(t: TableSpec): Record<string, Role> {
  return Object.fromEntries(t.columns.map((c) => [c.header, c.role]));
}

function brief(t: TableSpec) {
  return { kind: t.kind, headerRow: t.headerRow, headerHeight: t.headerHeight, firstRow: t.firstRow, lastRow: t.lastRow };
}

const ACTIVITY_HEADER = ["Direct.", "Ref.", "Description", "Q3 Status", "Update", "Lead Officer"];
const KPI_HEADER = ["Direct.", "Ref", "Definition", "08/09 Actual", "09/10 Actual", "10/11 Target", "Q1 Actual", "Q2 YTD Actual", "Q3 YTD Target", "Q3 YTD Actual", "Select Committee", "Comment"];

/** Dudley: title rows, section rows, activities then KPIs on one sheet, a repeated header. */
const dudley = grid([
  ["Quarterly Corporate Performance Management Report"], // 0
  [], // 1
  ["Community Safety Priority 1 Strengthening trust and confidence by working to prevent and reduce crime and antisocial behaviour"], // 2
  ["Kev Activities"], // 3
  ACTIVITY_HEADER, // 4
  ["DUE", "CS1.1a", "To continue to improve security on local authority car parks", "★", "Maintenance continues.", "Garry Dean"], // 5
  ["CEX", "CS1.1b", "Work with partners to reduce overall crime in the Borough", null, "Peer Support Programme.", "Dawn Hewitt"], // 6
  ACTIVITY_HEADER, // 7: repeated, printed-page style
  ["L&P", "CS1.1h", "Review potential ASBO cases in the pipeline", "-", "No instructions received during quarter 3.", "Richard Clark"], // 8
  [], // 9
  ["Key Performance Indicators"], // 10
  KPI_HEADER, // 11
  ["CEX", "SSC 01.1", "Overall crimes recorded", 11428, 10459, "Less than 10,459", 2949, 5506, "Less than 7,844", 8204, "Community Safety and Community Services", "Following the increase in crime."], // 12
  ["CEX", "NI 030", "Re-offending rate of prolific and priority offenders", "First reported in 2010/11", null, "Mean average of 15", null, 1.05, "Mean average of 15", "Final data not yet available", "Community Safety and Community Services", null], // 13
  ["Q3 10/11 (SC on Comm Safety & Comm Services)"], // 14: page header
  KPI_HEADER, // 15: repeated
  ["CEX", "NI 015", "Serious violent crime rate", 0.8, 0.7, "Less than 0.7", 0.2, 0.4, "Less than 0.5", 0.6, "Community Safety and Community Services", null], // 16
  ["Community Safety Priority 2 Reducing the harm caused by drugs and alcohol"], // 17
  ["Key Activities"], // 18
  ACTIVITY_HEADER, // 19
  ["CEX", "CS2.1a", "Ensure effective delivery of commissioned services", "*", "Adult services are delivered.", "Elaine Hopwood"], // 20
  [], // 21
  ["Contact: Performance Team"], // 22
]);

/** Pentana export (Broxtowe): actions then critical success indicators. */
const broxtowe = grid([
  ["Community Safety Key Tasks and Priorities for Improvement 2021/22"], // 0
  ["Status", "Action Title", "Action Description", "Progress", "Due Date", "Comments"], // 1
  ["Completed", "COMS1821_13.1 Produce Food Service Action Plan 2021", "Council has a fit for purpose Food Service Plan", 1, new Date(Date.UTC(2021, 5, 30)), "Approved on 27 May 2021."], // 2
  ["In Progress", "COMS1922_01.2 Produce an updated Neighbourhood Action Plan for Stapleford", "Reduction in all crime types", 0.1, new Date(Date.UTC(2022, 2, 31)), "New Action plan produced in April 2021."], // 3
  [], // 4
  [], // 5
  ["Status", "Action Title", "Action Description", "Progress", "Due Date", "Comments"], // 6
  ["In Progress", "COMS2124_03 Produce DEFRA Annual Air Quality Status Report", "Council has a fit for purpose Air Quality Status Report", 0.95, "Jun-2021", "Report submitted to DEFRA in June 2021."], // 7
  [], // 8
  ["Community Safety Critical Success Indicators 2021/22"], // 9
  ["Status", "Code & Short Name", "Frequency", "2019/20 Achieved", "2020/21 Achieved", "2021/22 Q1", "2021/22 Target", "Notes"], // 10
  ["Data Only", "ComS_012 ASB cases received by Environmental Health", "Quarterly", 386, 561, 142, "-", null], // 11
  ["Red", "ComS_025 Domestic Crimes reported in the Borough", "Annual", 749, 786, "-", 801, "Domestic crime has increased during lockdown."], // 12
]);

describe("detectTables on seed layouts", () => {
  test("Dudley: activities, KPIs, repeated headers, next priority's activities", () => {
    const tables = detectTables(dudley);
    expect(tables.map(brief)).toEqual([
      { kind: "activity", headerRow: 4, headerHeight: 1, firstRow: 5, lastRow: 8 },
      { kind: "indicator", headerRow: 11, headerHeight: 1, firstRow: 12, lastRow: 16 },
      { kind: "activity", headerRow: 19, headerHeight: 1, firstRow: 20, lastRow: 20 },
    ]);
    expect(roles(tables[0])).toEqual({ "Direct.": "directorate", "Ref.": "ref", Description: "description", "Q3 Status": "manual", Update: "comment", "Lead Officer": "lead" });
    expect(roles(tables[1])).toMatchObject({ "08/09 Actual": "actual", "10/11 Target": "annualTarget", "Q3 YTD Target": "periodTarget", "Q3 YTD Actual": "actual", "Select Committee": "committee" });
    expect(tables[1].columns.find((c) => c.header === "Q3 YTD Actual")?.period).toEqual({ label: "Q3 YTD Actual", quarter: 3, yearToDate: true });
    expect(tables.every((t) => t.sheet === "Sheet1")).toBe(true);
  });

  test("Broxtowe: blank rows and a repeated header stay in one action table; the indicator table follows", () => {
    const tables = detectTables(broxtowe);
    expect(tables.map(brief)).toEqual([
      { kind: "activity", headerRow: 1, headerHeight: 1, firstRow: 2, lastRow: 7 },
      { kind: "indicator", headerRow: 10, headerHeight: 1, firstRow: 11, lastRow: 12 },
    ]);
    expect(roles(tables[0])).toEqual({ Status: "manual", "Action Title": "refAndName", "Action Description": "description", Progress: "progress", "Due Date": "due", Comments: "comment" });
    expect(roles(tables[1])).toEqual({ Status: "manual", "Code & Short Name": "refAndName", Frequency: "frequency", "2019/20 Achieved": "actual", "2020/21 Achieved": "actual", "2021/22 Q1": "actual", "2021/22 Target": "annualTarget", Notes: "comment" });
  });

  test("Derby CSP: section rows inside the table do not end it", () => {
    const tables = detectTables(
      grid([
        ["Priority/Ref", "Indicator", "Baseline", "Target", "Q1 2009/10", "Q2 2009/10", "Latest", "Trend", "Comment"],
        ["Substance Abuse"],
        ["LAA", "Rate of hospital admissions (NI 39)", "2,020 (2007/08)", "2,230 (2008/09)", 2300, 2350, "2,475 (2008/09)", "†", "Increases had been anticipated."],
        ["Drug Use and Treatment"],
        ["NI 38", "Drug-related (Class A) offending rate", "-25.6% 2008/09", "<0.0%", -0.2, -0.22, "-24.1% Dec 2009", null, null],
      ]),
    );
    expect(tables.map(brief)).toEqual([{ kind: "indicator", headerRow: 0, headerHeight: 1, firstRow: 1, lastRow: 4 }]);
    expect(roles(tables[0])).toMatchObject({ "Priority/Ref": "ref", Indicator: "name", Baseline: "actual", Target: "annualTarget", Latest: "actual", Trend: "ignore" });
  });

  test("Cannock PDP action list: status-only activities", () => {
    const tables = detectTables(
      grid([
        ["Strategic Objective"],
        ["Working with partners to foster safer and stronger communities"],
        ["Action", "Lead Officer", "Q1 Rating", "Q2 Rating", "Commentary"],
        ["Produce the Partnership Community Safety Delivery Plan", "Head of Environmental Health", "▶", "▶", "A half year progress report has been submitted."],
      ]),
    );
    expect(tables.map(brief)).toEqual([{ kind: "activity", headerRow: 2, headerHeight: 1, firstRow: 3, lastRow: 3 }]);
  });

  test("a tracker not tuned to the seeds: KPI | Description | Good is | Target 2023/24 | Q2 2023/24 | Owner", () => {
    const tables = detectTables(grid([["KPI", "Description", "Good is", "Target 2023/24", "Q2 2023/24", "Owner"], ["HS01", "Homes built", "Higher is better", 400, 210, "Jo Bloggs"]]));
    expect(tables.map(brief)).toEqual([{ kind: "indicator", headerRow: 0, headerHeight: 1, firstRow: 1, lastRow: 1 }]);
    expect(roles(tables[0])).toEqual({ KPI: "refAndName", Description: "description", "Good is": "polarity", "Target 2023/24": "annualTarget", "Q2 2023/24": "actual", Owner: "lead" });
  });
});

describe("detectTables: structure", () => {
  test("two-row header: a merged group header over sub headers", () => {
    const g = grid(
      [
        ["Performance scorecard"],
        [null, null, "2021/22", null, null, null, null],
        ["Ref", "Indicator", "Q1", "Q2", "Q3", "Target", "Comment"],
        ["H1", "Homes built", 100, 210, 320, 400, null],
      ],
      { merges: [{ top: 1, left: 2, bottom: 1, right: 5 }] },
    );
    const [t] = detectTables(g);
    expect(brief(t)).toEqual({ kind: "indicator", headerRow: 1, headerHeight: 2, firstRow: 3, lastRow: 3 });
    expect(t.columns.map((c) => [c.header, c.role])).toEqual([
      ["Ref", "ref"],
      ["Indicator", "name"],
      ["2021/22 Q1", "actual"],
      ["2021/22 Q2", "actual"],
      ["2021/22 Q3", "actual"],
      ["2021/22 Target", "annualTarget"],
      ["Comment", "comment"],
    ]);
    expect(t.columns[2].period).toEqual({ label: "2021/22 Q1", year: "2021/22", quarter: 1, yearToDate: false });
  });

  test("two-row header: names merged down two rows, group in the top row, no merge info for the group", () => {
    const g = grid(
      [
        ["Ref", "Measure", "Actual", null, "Target", null, "Owner"],
        [null, null, "2022/23", "2023/24", "2022/23", "2023/24", null],
        ["M1", "Missed bins per 100,000", 40, 35, 50, 45, "Refuse team"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 6, bottom: 1, right: 6 }] },
    );
    const [t] = detectTables(g);
    expect(brief(t)).toEqual({ kind: "indicator", headerRow: 0, headerHeight: 2, firstRow: 2, lastRow: 2 });
    expect(t.columns.map((c) => [c.header, c.role])).toEqual([
      ["Ref", "ref"],
      ["Measure", "name"],
      ["Actual 2022/23", "actual"],
      ["Actual 2023/24", "actual"],
      ["Target 2022/23", "annualTarget"],
      ["Target 2023/24", "annualTarget"],
      ["Owner", "lead"],
    ]);
  });

  test("two-row header: quarters merged over Target | Actual in the row of Ref, the last group ending the table", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Q1 2010/11", null, "Q2 2010/11", null],
        [null, null, "Target", "Actual", "Target", "Actual"],
        ["H1", "Homes built", 100, 90, 200, 210],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 0, right: 3 },
          { top: 0, left: 4, bottom: 0, right: 5 },
        ],
      },
    );
    const [t] = detectTables(g);
    expect(brief(t)).toEqual({ kind: "indicator", headerRow: 0, headerHeight: 2, firstRow: 2, lastRow: 2 });
    expect(t.columns.map((c) => [c.col, c.header, c.role, c.period && `${c.period.year} Q${c.period.quarter}`])).toEqual([
      [0, "Ref", "ref", undefined],
      [1, "Indicator", "name", undefined],
      [2, "Q1 2010/11 Target", "periodTarget", "2010/11 Q1"],
      [3, "Q1 2010/11 Actual", "actual", "2010/11 Q1"],
      [4, "Q2 2010/11 Target", "periodTarget", "2010/11 Q2"],
      [5, "Q2 2010/11 Actual", "actual", "2010/11 Q2"],
    ]);
  });

  test("two-row header: names merged down, 'Indicator' merged over Name | Definition and the year over Target | Actual (helper-70: no target, no refs)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", null, "2010/11", null, "Polarity"],
        [null, "Name", "Definition", "Target", "Actual", null],
        ["NI 8", "Adult participation in sport", "% of adults taking part", 25, 24, "Higher"],
        ["NI 195", "Street cleanliness - litter", "% of sites below grade B", 10, 12, "Lower"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 2 }, { top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 1, right: 5 }] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect(tables.map(brief)).toEqual([{ kind: "indicator", headerRow: 0, headerHeight: 2, firstRow: 2, lastRow: 3 }]);
    expect(tables[0].columns.map((c) => [c.header, c.role])).toEqual([
      ["Ref", "ref"],
      ["Name", "name"],
      ["Definition", "name"],
      ["2010/11 Target", "annualTarget"],
      ["2010/11 Actual", "actual"],
      ["Polarity", "polarity"],
    ]);
    expect(records.map((r) => [r.ref, r.name, r.target?.value, r.actual?.value, r.polarity?.text])).toEqual([
      ["NI 8", "Adult participation in sport", 25, 24, "Higher"],
      ["NI 195", "Street cleanliness - litter", 10, 12, "Lower"],
    ]);
  });

  test("the same header after a build: our heading in the lower row is ours, and the header still two rows (helper-74: the rebuild lost every rating)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", null, "2010/11", null, "Polarity", null],
        [null, "Name", "Definition", "Target", "Actual", null, "Status (auto)"],
        ["NI 8", "Adult participation in sport", "% of adults taking part", 25, 24, "Higher", "● Within tolerance"],
        ["NI 195", "Street cleanliness - litter", "% of sites below grade B", 10, 12, "Lower", "▲ Off target"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 0, right: 2 }, { top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 1, right: 5 }] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect(tables.map(brief)).toEqual([{ kind: "indicator", headerRow: 0, headerHeight: 2, firstRow: 2, lastRow: 3 }]);
    expect(records.map((r) => [r.ref, r.target?.value, r.actual?.value])).toEqual([
      ["NI 8", 25, 24],
      ["NI 195", 10, 12],
    ]);
  });

  test.each([
    // helper-75: "Comments" merged across two columns under the year's heading, as records' commentary often is.
    [
      "a label merged across two columns under its heading",
      [
        ["Ref", "Indicator", null, "2010/11", null, null, null, "Polarity"],
        [null, "Name", "Definition", "Target", "Actual", "Comments", null, null],
        ["NI 8", "Adult participation in sport", "% of adults", 25, 24, "Slightly behind", null, "Higher"],
        ["NI 195", "Street cleanliness", "% of sites below B", 10, 12, "Contractor issues", null, "Lower"],
      ],
      [M(0, 0, 1, 0), M(0, 1, 0, 2), M(0, 3, 0, 6), M(0, 7, 1, 7), M(1, 5, 1, 6), M(2, 5, 2, 6), M(3, 5, 3, 6)],
    ],
    // helper-75: the year's heading last, merged past the header row's last cell of its own.
    [
      "the last heading merged across past the row's own cells",
      [
        ["Ref", "Indicator", null, "Polarity", "2010/11", null],
        [null, "Name", "Definition", null, "Target", "Actual"],
        ["NI 8", "Adult participation in sport", "% of adults", "Higher", 25, 24],
        ["NI 195", "Street cleanliness", "% below B", "Lower", 10, 12],
      ],
      [M(0, 0, 1, 0), M(0, 1, 0, 2), M(0, 3, 1, 3), M(0, 4, 0, 5)],
    ],
  ] as [string, CellValue[][], CellRange[]][])("two-row header with names merged down: %s", (_what, rows, merges) => {
    const g = grid(rows, { merges });
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect(tables.map((t) => ({ headerHeight: t.headerHeight, firstRow: t.firstRow }))).toEqual([{ headerHeight: 2, firstRow: 2 }]);
    expect(records.map((r) => [r.ref, r.target?.value, r.actual?.value, r.polarity?.text])).toEqual([
      ["NI 8", 25, 24, "Higher"],
      ["NI 195", 10, 12, "Lower"],
    ]);
  });

  test.each(["DoT", "Trend", "Direction"])("quarters merged over Target | Actual | RAG | %s, names merged down: each quarter's figures, the record's own polarity (helper-76: 'data only', no target)", (fourth) => {
    const quarters = ["Q1 2010/11", "Q2 2010/11", "Q3 2010/11"];
    const g = grid(
      [
        ["Ref", "Indicator", "Polarity", ...quarters.flatMap((q) => [q, null, null, null])],
        [null, null, null, ...quarters.flatMap(() => ["Target", "Actual", "RAG", fourth])],
        ["HE 1", "Rent collected", "Higher is better", 0.97, 0.96, "G", "↑", 0.97, 0.975, "G", "↑", 0.97, 0.982, "G", "↑"],
        ["HE 2", "Days to re-let", "Lower is better", 30, 35, "A", "↓", 30, 33, "A", "↑", 30, 41, "R", "↓"],
      ],
      { merges: [M(0, 0, 1, 0), M(0, 1, 1, 1), M(0, 2, 1, 2), M(0, 3, 0, 6), M(0, 7, 0, 10), M(0, 11, 0, 14)] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect(tables.map((t) => ({ headerHeight: t.headerHeight, firstRow: t.firstRow }))).toEqual([{ headerHeight: 2, firstRow: 2 }]);
    expect(records.map((r) => [r.ref, r.target?.value, r.actual?.value, r.polarity?.text])).toEqual([
      ["HE 1", 0.97, 0.982, "Higher is better"],
      ["HE 2", 30, 41, "Lower is better"],
    ]);
  });

  test.each([["Numerator", "Denominator"], ["Num", "Denom"], ["Numerator (n)", "Denominator (d)"], ["Num", "Den"], ["N", "D"], ["Num.", "Den."]])("quarters merged over %s | %s | Actual | Target: the percentage's parts join their quarter and are not read (helper-76: 'data only', no target)", (num, den) => {
    const quarters = ["Q1 2010/11", "Q2 2010/11"];
    const g = grid(
      [
        ["Ref", "Indicator", "Polarity", ...quarters.flatMap((q) => [q, null, null, null])],
        [null, null, null, ...quarters.flatMap(() => [num, den, "Actual", "Target"])],
        ["HE 1", "Rent collected", "Higher is better", 97, 100, 0.97, 0.95, 90, 100, 0.9, 0.95],
        ["HE 2", "Complaints answered late", "Lower is better", 5, 100, 0.05, 0.1, 20, 100, 0.2, 0.1],
      ],
      { merges: [M(0, 0, 1, 0), M(0, 1, 1, 1), M(0, 2, 1, 2), M(0, 3, 0, 6), M(0, 7, 0, 10)] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect(tables.map((t) => ({ headerHeight: t.headerHeight, firstRow: t.firstRow, roles: t.columns.map((c) => c.role).join(" ") }))).toEqual([
      { headerHeight: 2, firstRow: 2, roles: "ref name polarity ignore ignore actual periodTarget ignore ignore actual periodTarget" },
    ]);
    expect(records.map((r) => [r.ref, r.target?.value, r.actual?.value])).toEqual([
      ["HE 1", 0.95, 0.9],
      ["HE 2", 0.1, 0.2],
    ]);
  });

  test("a two-row quarters header printed again lower down, Q4 laid out and empty: the repeat's 'Target | Actual | RAG' is no Q4 figure (helper-76: every indicator rated on Q4, 'No data')", () => {
    const quarters = ["Q1 2010/11", "Q2 2010/11", "Q3 2010/11", "Q4 2010/11"];
    const header: CellValue[][] = [
      ["Ref", "Indicator", "Polarity", ...quarters.flatMap((q) => [q, null, null])],
      [null, null, null, ...quarters.flatMap(() => ["Target", "Actual", "RAG"])],
    ];
    const g = grid(
      [
        ["Performance 2010/11"],
        [],
        ...header,
        ["HE 1", "Rent collected", "Higher is better", 0.97, 0.96, "G", 0.97, 0.975, "G", 0.97, 0.982, "G", 0.97, null, null],
        ["HE 2", "Days to re-let", "Lower is better", 30, 35, "G", 30, 33, "G", 30, 41, "G", 30, null, null],
        [],
        ...header,
        ["EN 1", "Residual waste per household", "Lower is better", 150, 149, "G", 150, 152, "G", 150, 160, "G", 150, null, null],
      ],
      { merges: [2, 7].flatMap((top) => [M(top, 0, top + 1, 0), M(top, 1, top + 1, 1), M(top, 2, top + 1, 2), ...[3, 6, 9, 12].map((left) => M(top, left, top, left + 2))]) },
    );
    const run = runScorecard([g], { preset: "rag", today: "2011-01-15" });
    expect({
      period: run.period?.label,
      statuses: run.result.rated.map((r) => [r.record.ref, r.rating.status]),
      problems: run.result.problems.map((p) => p.message),
    }).toEqual({ period: "Q3 2010/11", statuses: [["HE 1", "green"], ["HE 2", "red"], ["EN 1", "red"]], problems: [] });
  });

  // helper-77: "Direction" is the polarity column's own header under a row of periods; only in a row of groups under the header is it a quarter's direction of travel.
  test.each([
    ["2010/11 over the figures, typed", [[null, null, "2010/11", null, null]], []],
    ["Q3 2010/11 merged over Target | Actual | Direction", [[null, null, "Q3 2010/11", null, null]], [M(0, 2, 0, 4)]],
    ["a title, a blank row, then the year", [["Housing performance"], [], [null, null, "2010/11", null, null]], []],
  ] as [string, CellValue[][], CellRange[]][])("a polarity column headed 'Direction' under a row of periods (%s) is the polarity", (_what, above, merges) => {
    const g = grid(
      [
        ...above,
        ["Ref", "Indicator", "Target", "Actual", "Direction"],
        ["HE 1", "Rent collected", 0.97, 0.96, "Higher is better"],
        ["HE 2", "Days to re-let", 30, 41, "Lower is better"],
      ],
      { merges: merges.map((m) => ({ ...m, top: m.top + above.length - 1, bottom: m.bottom + above.length - 1 })) },
    );
    const run = runScorecard([g], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2010-12-31" });
    expect(run.result.rated.map((r) => [r.record.ref, r.record.polarity?.text, r.rating.status])).toEqual([
      ["HE 1", "Higher is better", "amber"],
      ["HE 2", "Lower is better", "red"],
    ]);
  });

  test.each([
    // A section's banner merged across the table, beside a Polarity merged down over it (helper-74: the refs were lost).
    ["a section banner", ["Priority 1 - Safer Communities", null, null, null, null], [{ top: 1, left: 0, bottom: 1, right: 3 }], ["HE 1", "HE 2"]],
    // A first record whose texts are all header words, under one-column headings: a record still.
    ["a first record of header words", ["Value for money", "Cabinet", "Complete", null, null], [], ["Value for money", "HE 1", "HE 2"]],
  ] as [string, CellValue[], { top: number; left: number; bottom: number; right: number }[], string[]][])("a one-row header with Polarity merged down over %s: the row under it is not a second header row", (_what, second, merges, refs) => {
    const g = grid(
      [
        ["Ref", "Indicator", "Target", "Actual", "Polarity"],
        second,
        ["HE 1", "Rent collected", 97, 98, "Higher"],
        ["HE 2", "Days to re-let", 30, 41, "Lower"],
      ],
      { merges: [{ top: 0, left: 4, bottom: 1, right: 4 }, ...merges] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect(tables.map((t) => ({ headerRow: t.headerRow, headerHeight: t.headerHeight }))).toEqual([{ headerRow: 0, headerHeight: 1 }]);
    expect(records.map((r) => r.ref).filter((ref) => ref)).toEqual(refs);
  });

  test("names merged down over a first record are not a two-row header: the row under them is data", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Target", "Actual", "Polarity"],
        [null, "Rent collected", 97, 98, "Higher"],
        ["HE 2", "Days to re-let", 30, 41, "Lower"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 1, right: 0 }] },
    );
    const tables = detectTables(g);
    expect(tables.map(brief)).toEqual([{ kind: "indicator", headerRow: 0, headerHeight: 1, firstRow: 1, lastRow: 2 }]);
  });

  test("two-row header: quarters centred across Target | Actual with no merge (centre across selection), the last ending the table", () => {
    const g = grid([
      ["Ref", "Indicator", "Q1 2010/11", null, "Q2 2010/11", null],
      [null, null, "Target", "Actual", "Target", "Actual"],
      ["H1", "Homes built", 100, 90, 200, 210],
    ]);
    const [t] = detectTables(g);
    expect(brief(t)).toEqual({ kind: "indicator", headerRow: 0, headerHeight: 2, firstRow: 2, lastRow: 2 });
    expect(t.columns.map((c) => [c.col, c.header, c.role])).toEqual([
      [0, "Ref", "ref"],
      [1, "Indicator", "name"],
      [2, "Q1 2010/11 Target", "periodTarget"],
      [3, "Q1 2010/11 Actual", "actual"],
      [4, "Q2 2010/11 Target", "periodTarget"],
      [5, "Q2 2010/11 Actual", "actual"],
    ]);
  });

  describe("a caption over Ref | Indicator | Polarity beside the quarters' headings (helper-57: Q3's actual was rated against Q1's target)", () => {
    const rows = (caption: string): CellValue[][] => [
      ["Council Performance Report Quarter 3 (October to December 2010)"],
      [],
      [caption, null, null, "Q1 2010/11", null, "Q3 2010/11", null, null],
      ["Ref", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual", "Comments"],
      ["PI01", "Household waste recycled", "Higher is better", 200, 160, 100, 110, "On track"],
    ];
    const merged = { merges: [{ top: 2, left: 0, bottom: 2, right: 2 }, { top: 2, left: 3, bottom: 2, right: 4 }, { top: 2, left: 5, bottom: 2, right: 6 }] };
    test.each([
      ["KPI", "merged", merged],
      ["KPI", "centred across, no merge", {}],
      ["Performance Indicator", "merged", merged],
      ["Indicator details", "merged", merged],
      ["Indicator details", "centred across, no merge", {}],
    ])("%s, %s: one two-row header, each quarter's target and actual its own", (caption, _, extra) => {
      const tables = detectTables(grid(rows(caption), extra));
      expect(tables.map((t) => ({ ...brief(t), headers: t.columns.map((c) => c.header) }))).toEqual([
        {
          kind: "indicator",
          headerRow: 2,
          headerHeight: 2,
          firstRow: 4,
          lastRow: 4,
          headers: ["Ref", "Indicator", "Polarity", "Q1 2010/11 Target", "Q1 2010/11 Actual", "Q3 2010/11 Target", "Q3 2010/11 Actual", "Comments"],
        },
      ]);
    });

    test.each([
      ["a title with a date over Q3 Actual", [["Housing KPIs", null, null, null, new Date(Date.UTC(2011, 0, 14))], ["Ref", "Indicator", "Polarity", "Q3 Target", "Q3 Actual"]], 1],
      ["a title with 'Updated Oct 2010' over Q3 Actual", [["Housing KPIs", null, null, null, "Updated Oct 2010"], ["Ref", "Indicator", "Polarity", "Q3 Target", "Q3 Actual"]], 1],
      [
        "the last record of an activity table above, its due date over Q3 Target",
        [
          ["Ref", "Action", "Lead officer", "Due date"],
          ["A2", "Review tenancy policy", "P Jones", new Date(Date.UTC(2011, 2, 31))],
          ["Ref", "Indicator", "Polarity", "Q3 Target", "Q3 Actual"],
        ],
        2,
      ],
    ] as [string, CellValue[][], number][])("%s is no caption row: the header is the row of Ref alone (helper-60)", (_, rows, headerRow) => {
      const g = grid([...rows, ["K1", "Calls answered in 20 seconds", "Higher is better", 90, 86]]);
      const t = detectTables(g).find((x) => x.headerRow <= headerRow && x.columns.some((c) => c.header.endsWith("Q3 Actual")));
      const { records } = readRecords(g, detectTables(g));
      expect({ row: t?.headerRow, height: t?.headerHeight, headers: t?.columns.map((c) => c.header).slice(3), records: records.map((r) => r.ref) }).toEqual({
        row: headerRow,
        height: 1,
        headers: ["Q3 Target", "Q3 Actual"],
        records: rows.length === 3 ? ["A2", "K1"] : ["K1"],
      });
    });

    test("a caption over a figure's column is no caption: the row above is left alone", () => {
      const g = grid([
        ["KPI", null, null, null, "Q3 2010/11", null],
        ["Ref", "Indicator", "Polarity", "Target", "Target", "Actual"],
        ["PI01", "Household waste recycled", "Higher is better", 200, 100, 110],
      ], { merges: [{ top: 0, left: 0, bottom: 0, right: 3 }, { top: 0, left: 4, bottom: 0, right: 5 }] });
      const t = detectTables(g).find((x) => x.columns.some((c) => c.header === "Ref"));
      expect({ row: t?.headerRow, height: t?.headerHeight, headers: t?.columns.map((c) => c.header) }).toEqual({ row: 1, height: 1, headers: ["Ref", "Indicator", "Polarity", "Target", "Target", "Actual"] });
    });
  });

  test.each([
    ["Previous quarter", "Current quarter", [200, 160, 100, 110]],
    ["Current quarter", "Previous quarter", [100, 110, 200, 160]],
    ["Same period last year", "This year", [200, 160, 100, 110]],
    ["This year", "Same period last year", [100, 110, 200, 160]],
    ["This quarter", "Last quarter", [100, 110, 200, 160]],
    ["Last quarter", "This quarter", [200, 160, 100, 110]],
    ["This month", "Last month", [100, 110, 200, 160]],
    // Abbreviated, as officers type them (helper-61).
    ["Current Qtr", "Last Qtr", [100, 110, 200, 160]],
    ["Prev Qtr", "Current Qtr", [200, 160, 100, 110]],
    ["This Yr", "Prev Yr", [100, 110, 200, 160]],
    ["Last Mth", "This Mth", [200, 160, 100, 110]],
  ] as [string, string, number[]][])("%s | %s over Target | Actual: this period's actual against its target, whichever comes first (helper-57)", (first, second, figures) => {
    const g = grid(
      [
        ["Ref", "Indicator", "Polarity", first, null, second, null],
        [null, null, null, "Target", "Actual", "Target", "Actual"],
        ["PI01", "Household waste recycled", "Higher is better", ...figures],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 0, right: 6 }] },
    );
    const { records } = readRecords(g, detectTables(g));
    expect(records.map((r) => ({ actual: r.actual?.value, target: r.target?.value }))).toEqual([{ actual: 110, target: 100 }]);
  });

  test.each([
    ["merged", { merges: [{ top: 0, left: 3, bottom: 0, right: 8 }, { top: 1, left: 3, bottom: 1, right: 4 }, { top: 1, left: 5, bottom: 1, right: 6 }, { top: 1, left: 7, bottom: 1, right: 8 }] }],
    ["centred across, no merge", {}],
  ])("three header rows, the year over its quarters over Target | Actual (%s): one header (helper-57: every indicator was 'data only')", (_, extra) => {
    const g = grid(
      [
        [null, null, null, "2010/11"],
        ["Ref", "Indicator", "Polarity", "Q1", null, "Q2", null, "Q3", null, "Comments"],
        [null, null, null, "Target", "Actual", "Target", "Actual", "Target", "Actual"],
        ["PI01", "Household waste recycled", "Higher is better", 200, 160, 300, 240, 100, 110, "On track"],
      ],
      extra,
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    // Centred across, "2010/11" names only the first quarter's columns; the others take its year (records.ts).
    const quarters = (t: TableSpec) => t.columns.map((c) => (c.period?.quarter ? `Q${c.period.quarter} ${c.role}` : c.role));
    expect({ tables: tables.map((t) => ({ ...brief(t), quarters: quarters(t) })), rated: records.map((r) => ({ actual: r.actual?.value, target: r.target?.value })) }).toEqual({
      tables: [
        {
          kind: "indicator",
          headerRow: 0,
          headerHeight: 3,
          firstRow: 3,
          lastRow: 3,
          quarters: ["ref", "name", "polarity", "Q1 periodTarget", "Q1 actual", "Q2 periodTarget", "Q2 actual", "Q3 periodTarget", "Q3 actual", "comment"],
        },
      ],
      rated: [{ actual: 110, target: 100 }],
    });
  });

  test("quarters merged over two rows and two columns above Target | Actual: each quarter's own (helper-57: Q3's actual against Q1's target)", () => {
    const g = grid(
      [
        [null, null, null, "Q1 2010/11", null, "Q3 2010/11", null],
        [],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual", "Comments"],
        ["PI01", "Household waste recycled", "Higher is better", 200, 160, 100, 110, "On track"],
      ],
      { merges: [{ top: 0, left: 3, bottom: 1, right: 4 }, { top: 0, left: 5, bottom: 1, right: 6 }] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect({ tables: tables.map(brief), rated: records.map((r) => ({ actual: r.actual?.value, target: r.target?.value })) }).toEqual({
      tables: [{ kind: "indicator", headerRow: 0, headerHeight: 3, firstRow: 3, lastRow: 3 }],
      rated: [{ actual: 110, target: 100 }],
    });
  });

  test.each(["Financial performance", "Value for money", "Results"])("a section row '%s' under a two-row header is no third header row (helper-61)", (section) => {
    const g = grid(
      [
        ["Ref", "Indicator", "Polarity", "Q2 2010/11", null, "Q3 2010/11", null],
        [null, null, null, "Target", "Actual", "Target", "Actual"],
        [section],
        ["PI01", "Household waste recycled", "Higher is better", 200, 160, 100, 110],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 0, right: 6 }] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect({ tables: tables.map(brief), rated: records.map((r) => ({ ref: r.ref, actual: r.actual?.value, target: r.target?.value })) }).toEqual({
      tables: [{ kind: "indicator", headerRow: 0, headerHeight: 2, firstRow: 2, lastRow: 3 }],
      rated: [{ ref: "PI01", actual: 110, target: 100 }],
    });
  });

  test("a quarter's heading over Polarity | Target | Actual | Comments: the polarity is the record's, the figures the quarter's (helper-57)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Q3 2010/11", null, null, null],
        [null, null, "Polarity", "Target", "Actual", "Comments"],
        ["PI01", "Household waste recycled", "Higher is better", 100, 110, "On track"],
        ["PI02", "Calls answered", "Higher is better", 100, 80, "Short of staff"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 2, bottom: 0, right: 5 }] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect({
      tables: tables.map(brief),
      records: records.map((r) => ({ ref: r.ref, polarity: r.polarity?.text, target: r.target?.value, actual: r.actual?.value, comment: r.comment?.text })),
    }).toEqual({
      tables: [{ kind: "indicator", headerRow: 0, headerHeight: 2, firstRow: 2, lastRow: 3 }],
      records: [
        { ref: "PI01", polarity: "Higher is better", target: 100, actual: 110, comment: "On track" },
        { ref: "PI02", polarity: "Higher is better", target: 100, actual: 80, comment: "Short of staff" },
      ],
    });
  });

  test("an earlier period's target among a quarter's Target | Actual ('Target [prev yr]'): the rows join, and this year's target is the one used (helper-65's w06)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Polarity", "Q3 2010/11", null, null],
        [null, null, null, "Target [prev yr]", "Target", "Actual"],
        ["PI1", "Recycling", "Higher is better", 70, 50, 45],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 5 }] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect({ height: tables[0]?.headerHeight, rated: records.map((r) => ({ target: r.target?.value, actual: r.actual?.value })) }).toEqual({ height: 2, rated: [{ target: 50, actual: 45 }] });
  });

  test("'Direction' under a quarter's heading is its direction of travel, never the record's polarity (helper-64)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Q3 2010/11", null, null],
        [null, null, "Target", "Actual", "Direction"],
        ["PI1", "Recycling rate", 50, 45, "↓"],
        ["PI2", "Visits", 100, 120, "↑"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 1, right: 0 }, { top: 0, left: 1, bottom: 1, right: 1 }, { top: 0, left: 2, bottom: 0, right: 4 }] },
    );
    const { records } = readRecords(g, detectTables(g));
    expect(records.map((r) => ({ ref: r.ref, polarity: r.polarity?.text }))).toEqual([
      { ref: "PI1", polarity: undefined },
      { ref: "PI2", polarity: undefined },
    ]);
  });

  test.each([
    ["Previous quarter", "Current quarter", ["Amber", "Green"]],
    ["Same period last year", "This year", ["Amber", "Green"]],
  ] as [string, string, string[]][])("'RAG' under '%s' is not the officer's rating of this period; under '%s' it is (helper-61)", (first, second, ratings) => {
    const g = grid(
      [
        ["Ref", "Indicator", "Polarity", first, null, null, second, null, null],
        [null, null, null, "Target", "Actual", "RAG", "Target", "Actual", "RAG"],
        ["PI01", "Household waste recycled", "Higher is better", 200, 160, ratings[0], 100, 110, ratings[1]],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 5 }, { top: 0, left: 6, bottom: 0, right: 8 }] },
    );
    const { records } = readRecords(g, detectTables(g));
    expect(records.map((r) => ({ actual: r.actual?.value, target: r.target?.value, manual: r.manual?.text }))).toEqual([{ actual: 110, target: 100, manual: "Green" }]);
  });

  test.each([[[]], [["Status (auto)"]]] as [string[]][])("the header's lower row printed again mid-table (a new page) is a repeat, not a new table: each record against Q3's target (helper-60; ours on the header: %j)", (ours) => {
    const g = grid(
      [
        [null, null, null, "Q2 2010/11", null, "Q3 2010/11", null],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual", ...ours],
        ["K1", "Calls answered", "Higher is better", 85, 84, 90, 86],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual"],
        ["K1b", "Calls answered", "Higher is better", 85, 84, 90, 86],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 0, right: 6 }] },
    );
    const tables = detectTables(g);
    const { records } = readRecords(g, tables);
    expect({ tables: tables.length, rated: records.map((r) => [r.ref, r.target?.value]) }).toEqual({ tables: 1, rated: [["K1", 90], ["K1b", 90]] });
  });

  test("a row of labels under the header that runs past it is not a group row when it is not all periods, targets and actuals", () => {
    const g = grid([
      ["Ref", "Indicator", "Q1 2010/11"],
      [null, null, "Target", "Actual", "Owner"],
      ["H1", "Homes built", 100],
    ]);
    const [t] = detectTables(g);
    expect({ height: t.headerHeight, headers: t.columns.map((c) => c.header) }).toEqual({ height: 1, headers: ["Ref", "Indicator", "Q1 2010/11"] });
  });

  test("a note under the header beside the table does not join it, even one naming a quarter (helper-56)", () => {
    const g = grid([
      ["Ref", "Indicator", "Polarity", "Q3 Target", "Q3 Actual"],
      [null, null, null, null, null, "Q3 2021/22"],
      ["H1", "Homes built", "Higher is better", 100, 80],
    ]);
    const [t] = detectTables(g);
    expect({ height: t.headerHeight, headers: t.columns.map((c) => c.header) }).toEqual({ height: 1, headers: ["Ref", "Indicator", "Polarity", "Q3 Target", "Q3 Actual"] });
  });

  test("a quarter centred across its columns reaches no further than the quarter before it, else three columns (helper-56)", () => {
    const alone = grid([
      ["Ref", "Indicator", "Q3 2021/22"],
      [null, null, "Target", "Actual", "Target", "Actual"],
      ["H1", "Homes built", 100, 90, 80, 70],
    ]);
    expect(detectTables(alone)[0].headerHeight).toBe(1);
    const twoWide = grid([
      ["Ref", "Indicator", "Q2 2021/22", null, "Q3 2021/22"],
      [null, null, "Target", "Actual", "Target", "Actual", "Target"],
      ["H1", "Homes built", 100, 90, 100, 95, 1],
    ]);
    expect(detectTables(twoWide)[0].headerHeight).toBe(1);
  });

  test("a title merged over the table above a header with a merged last cell stays a title (helper-56)", () => {
    const g = grid(
      [
        ["2021/22", null, null, null, null, null],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "Comments", null],
        ["H1", "Homes built", "Higher is better", 100, 110, "On plan"],
      ],
      { merges: [{ top: 0, left: 0, bottom: 0, right: 5 }, { top: 1, left: 5, bottom: 1, right: 6 }] },
    );
    const [t] = detectTables(g);
    expect({ top: t.headerRow, height: t.headerHeight, headers: t.columns.map((c) => c.header) }).toEqual({ top: 1, height: 1, headers: ["Ref", "Indicator", "Polarity", "Target", "Actual", "Comments"] });
  });

  const roleAndQuarter = (t: TableSpec) => t.columns.map((c) => [c.col, c.role, c.period?.quarter]);

  test("quarters over Target | Actual | RAG in the row of Ref (merged): each quarter's target, actual and rating (helper-57)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Q2 2010/11", null, null, "Q3 2010/11", null, null],
        [null, null, "Target", "Actual", "RAG", "Target", "Actual", "RAG"],
        ["H1", "Homes built", 100, 90, "Amber", 100, 110, "Green"],
      ],
      { merges: [{ top: 0, left: 2, bottom: 0, right: 4 }, { top: 0, left: 5, bottom: 0, right: 7 }] },
    );
    const [t] = detectTables(g);
    expect(t.headerHeight).toBe(2);
    expect(roleAndQuarter(t)).toEqual([
      [0, "ref", undefined],
      [1, "name", undefined],
      [2, "periodTarget", 2],
      [3, "actual", 2],
      [4, "manual", 2],
      [5, "periodTarget", 3],
      [6, "actual", 3],
      [7, "manual", 3],
    ]);
  });

  test("quarters in the row above Ref over Target | Actual | Comments, centred across with no merge: each quarter's comment is its own (helper-57)", () => {
    const g = grid([
      [null, null, "Q2 2010/11", null, null, "Q3 2010/11"],
      ["Ref", "Indicator", "Target", "Actual", "Comments", "Target", "Actual", "Comments"],
      ["H1", "Homes built", 100, 90, "Late", 100, 110, "Caught up"],
    ]);
    const [t] = detectTables(g);
    expect(t.headerHeight).toBe(2);
    expect(roleAndQuarter(t).slice(2)).toEqual([
      [2, "periodTarget", 2],
      [3, "actual", 2],
      [4, "comment", 2],
      [5, "periodTarget", 3],
      [6, "actual", 3],
      [7, "comment", 3],
    ]);
  });

  test("quarters in the row below Ref | Target | Actual | RAG, merged over each group: every column gets its quarter (helper-57)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Target", "Actual", "RAG", "Target", "Actual", "RAG"],
        [null, null, "Q2 2010/11", null, null, "Q3 2010/11", null, null],
        ["H1", "Homes built", 100, 90, "Amber", 100, 110, "Green"],
      ],
      { merges: [{ top: 1, left: 2, bottom: 1, right: 4 }, { top: 1, left: 5, bottom: 1, right: 7 }] },
    );
    const [t] = detectTables(g);
    expect(t.headerHeight).toBe(2);
    expect(roleAndQuarter(t).slice(2)).toEqual([
      [2, "periodTarget", 2],
      [3, "actual", 2],
      [4, "manual", 2],
      [5, "periodTarget", 3],
      [6, "actual", 3],
      [7, "manual", 3],
    ]);
  });

  test("a direction of travel under a quarter stays a trend column, not an actual; 'Tgt' is a target (helper-57)", () => {
    const g = grid(
      [
        ["Ref", "Indicator", "Q3 2010/11", null, null],
        [null, null, "Tgt", "Actual", "DoT"],
        ["H1", "Homes built", 100, 110, "Up"],
      ],
      { merges: [{ top: 0, left: 2, bottom: 0, right: 4 }] },
    );
    const [t] = detectTables(g);
    expect(roleAndQuarter(t).slice(2)).toEqual([
      [2, "periodTarget", 3],
      [3, "actual", 3],
      [4, "ignore", undefined],
    ]);
  });

  test("a heading merged over its columns reaches no further: a RAG and last year's actual beside it keep their own headers (helper-58)", () => {
    const g = grid(
      [
        [null, null, null, "Q3 2010/11", null, null, null],
        ["Ref", "Measure", "Polarity", "Target", "Actual", "RAG", "Q3 2009/10 Actual"],
        ["H1", "Homes built", "Higher is better", 100, 110, "Green", 80],
      ],
      { merges: [{ top: 0, left: 3, bottom: 0, right: 4 }] },
    );
    const [t] = detectTables(g);
    expect(t.columns.slice(3).map((c) => [c.header, c.role, c.period?.year])).toEqual([
      ["Q3 2010/11 Target", "periodTarget", "2010/11"],
      ["Q3 2010/11 Actual", "actual", "2010/11"],
      ["RAG", "manual", undefined],
      ["Q3 2009/10 Actual", "actual", "2009/10"],
    ]);
  });

  test("quarters typed over Target | Actual with no merge reach their own two columns: an overall RAG and Comments after them stay the table's (helper-58)", () => {
    const g = grid([
      [null, null, null, "Q1", null, "Q2", null, "Q3", null, "Q4"],
      ["Ref", "Measure", "Polarity", "Target", "Actual", "Target", "Actual", "Target", "Actual", "Target", "Actual", "RAG", "Comments"],
      ["H1", "Homes built", "Higher is better", 100, 90, 100, 95, 100, 110, 100, null, "Green", "On plan"],
    ]);
    const [t] = detectTables(g);
    expect(t.columns.slice(11).map((c) => [c.header, c.role, c.period?.quarter])).toEqual([
      ["RAG", "manual", undefined],
      ["Comments", "comment", undefined],
    ]);
  });

  test("a row of words under an activity tracker's header is not its lower header row because one is a rating or note word (helper-58)", () => {
    const g = grid([
      ["Ref", "Action", "Lead", "Q3 Status", "Comments"],
      [null, null, "Current", "Target", "Notes"],
      ["A1", "Open the new depot", "J Smith", "On track", "Builders on site"],
    ]);
    const [t] = detectTables(g);
    expect({ kind: t.kind, height: t.headerHeight }).toEqual({ kind: "activity", height: 1 });
  });

  test("a merged title across the whole table is not a group header", () => {
    const g = grid([["Key Performance Indicators 2021/22", null, null], ["Ref", "Actual", "Target"], ["A", 1, 2]], { merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] });
    const [t] = detectTables(g);
    expect(brief(t)).toEqual({ kind: "indicator", headerRow: 1, headerHeight: 1, firstRow: 2, lastRow: 2 });
    expect(t.columns.map((c) => c.header)).toEqual(["Ref", "Actual", "Target"]);
  });

  test("our status column beside the table does not make a title merged across the officers' columns a group header", () => {
    // A rebuild reads the header with "Status (auto)" in it: the title still spans the officers' table.
    const g = grid([["Housing indicators Q3 2010/11", null, null, null], ["Ref", "Actual", "Target", "Status (auto)"], ["A", 1, 2, "✓ On target"]], {
      merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    });
    const [t] = detectTables(g);
    expect(brief(t)).toEqual({ kind: "indicator", headerRow: 1, headerHeight: 1, firstRow: 2, lastRow: 2 });
    expect(t.columns.map((c) => c.header)).toEqual(["Ref", "Actual", "Target", "Status (auto)"]);
  });

  test("Excel tables are used when present, with their name and bounds", () => {
    const g = grid(
      [
        ["Ref", "Action", "Due date", "Progress", "Notes"],
        ["A1", "Write the plan", "31/03/2024", 0.5, null],
        ["A2", "Consult", "30/06/2024", 0, null],
        [],
        ["Totals: 2 actions"],
      ],
      { tables: [{ name: "Actions", range: { top: 0, left: 0, bottom: 2, right: 4 } }] },
    );
    const tables = detectTables(g);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ name: "Actions", kind: "activity", headerRow: 0, firstRow: 1, lastRow: 2 });
  });

  test("an Excel table's totals row is not a record", () => {
    const rows: CellValue[][] = [
      ["Ref", "Indicator", "Target", "Actual", "Polarity"],
      ["HE 1", "Rent collected", 97, 98.2, "Higher is better"],
      ["HE 2", "Days to re-let", 30, 41, "Lower is better"],
      // Not a word the plain rule knows ("Total"): the table's own totals row says it is not a record.
      ["All indicators", null, null, 139.2, null],
    ];
    const range = { top: 0, left: 0, bottom: 3, right: 4 };
    expect(detectTables(grid(rows, { tables: [{ name: "KPIs", range, totalsRows: 1 }] }))[0]).toMatchObject({ firstRow: 1, lastRow: 2 });
    // Without one, the last row is data like the rest.
    expect(detectTables(grid(rows, { tables: [{ name: "KPIs", range }] }))[0]).toMatchObject({ firstRow: 1, lastRow: 3 });
  });

  test("a plain range's totals rows and footnotes are neither records nor headings; officers' rows that look alike are records", () => {
    const g = grid([
      ["Priority A: Clean and green"],
      ["Ref", "Indicator", "Polarity", "Target", "Actual"],
      ["E1", "Recycling rate", "Higher is better", 0.5, 0.52],
      ["E2", "Fly tips", "Lower is better", 100, 130],
      ["Total", null, null, 100, 182],
      [],
      ["Key: G = on target, A = within 5%, R = more than 5% off"],
      ["Source:", "Waste Data Flow"],
      // Officers' own (helper-55): a hyphenated ref, a starred name, a name that is a word like "Average".
      ["NB-01", "Key-worker homes delivered", "Higher is better", 40, 42],
      [null, "* Percentage of calls answered", "Higher is better", 0.9, 0.88],
      [null, "Average", "Higher is better", 3, 3.2],
      ["E3", "Total waste collected (tonnes)", "Lower is better", 900, 880],
    ]);
    const [t] = detectTables(g);
    const shape = tableShape(t);
    const kinds = [4, 6, 7, 8, 9, 10, 11].map((r) => classifyBodyRow(new SheetCells(g), shape, r).kind);
    expect(kinds).toEqual(["skip", "skip", "skip", "data", "data", "data", "data"]);
  });

  test("a footnote typed alone in the name column is not a record; a name alone there still is (helper-88)", () => {
    const g = grid([
      ["Ref", "Indicator", "Target", "Actual", "Polarity"],
      ["HE 1", "Rent collected", 97, 98.2, "Higher is better"],
      ["HE 2", "Days to re-let", 30, 41, "Lower is better"],
      [],
      [null, "Note: figures for HE 2 are provisional"],
      [null, "NB: the target was set before the change"],
      [null, "Homes brought back into use"],
      [null, "NB figures for Q3 are estimates"],
      [null, "N.B. target revised in October"],
      [null, "* Figures are provisional"],
      [null, "Note - see the Cabinet report"],
      [null, "Notes"],
      [null, "Key Stage 2 attainment"],
      [null, "Notable buildings restored"],
    ]);
    const [t] = detectTables(g);
    const kinds = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((r) => classifyBodyRow(new SheetCells(g), tableShape(t), r).kind);
    expect(kinds).toEqual(["skip", "skip", "data", "skip", "skip", "skip", "skip", "skip", "data", "data"]);
  });

  test.each([
    ["Council total", "skip"],
    ["Borough totals", "skip"],
    ["Directorate Total:", "skip"],
    ["Directorate sub-total", "skip"],
    ["Total (all wards)", "skip"],
    ["Totals (excluding schools)", "skip"],
    ["Grand Total (all directorates)", "skip"],
    ["Total: Housing", "skip"],
    ["Total - all wards", "skip"],
    ["Sum", "skip"],
    ["Borough-wide total", "skip"],
    ["Authority total", "skip"],
    // Names that could be a figure's (helper-56): rated, so none is lost.
    ["Total recorded crime", "data"],
    ["Household waste total (tonnes)", "data"],
    ["Total (tonnes)", "data"],
    ["Total for all crime", "data"],
    ["Annual total", "data"],
    ["Running total", "data"],
    ["Total number of households in temporary accommodation", "data"],
    ["Average", "data"],
    ["Summary of complaints upheld", "data"],
  ])("a row named %p where a plain range's ref or name starts is a %s row", (label, kind) => {
    const g = grid([
      ["Ref", "Indicator", "Polarity", "Target", "Actual"],
      ["E1", "Recycling rate", "Higher is better", 0.5, 0.52],
      [null, label, "Higher is better", 100, 182],
      ["E2", "Fly tips", "Lower is better", 100, 130],
    ]);
    const [t] = detectTables(g);
    expect(classifyBodyRow(new SheetCells(g), tableShape(t), 2).kind).toBe(kind);
  });

  test("a row with a ref of its own is a record, whatever its name, and wherever the ref column is (helper-56)", () => {
    const refFirst = grid([
      ["Ref", "Indicator", "Polarity", "Target", "Actual"],
      ["T1", "Council total", "Higher is better", 100, 182],
    ]);
    expect(classifyBodyRow(new SheetCells(refFirst), tableShape(detectTables(refFirst)[0]), 1).kind).toBe("data");
    const nameFirst = grid([
      ["Indicator", "Ref", "Polarity", "Target", "Actual"],
      ["Council total", "CT1", "Higher is better", 100, 182],
      ["Council total", null, null, 100, 182],
    ]);
    const shape = tableShape(detectTables(nameFirst)[0]);
    expect([1, 2].map((r) => classifyBodyRow(new SheetCells(nameFirst), shape, r).kind)).toEqual(["data", "skip"]);
  });

  test("an Excel table whose header is not a tracker's is left alone", () => {
    const g = grid([["Colour", "Hex"], ["Red", "#FF0000"]], { tables: [{ name: "Palette", range: { top: 0, left: 0, bottom: 1, right: 1 } }] });
    expect(detectTables(g)).toEqual([]);
  });

  test("a plain table stops before an Excel table below it", () => {
    const g = grid(
      [
        ["Ref", "Action", "Status"],
        ["A1", "Plan", "Green"],
        ["Ref", "Indicator", "Actual", "Target"],
        ["K1", "Homes", 10, 12],
      ],
      { tables: [{ name: "KPIs", range: { top: 2, left: 0, bottom: 3, right: 3 } }] },
    );
    expect(detectTables(g).map((t) => [t.name, t.kind, t.headerRow, t.lastRow])).toEqual([
      [undefined, "activity", 0, 1],
      ["KPIs", "indicator", 2, 3],
    ]);
  });

  test("the grid origin places rows and columns on the sheet", () => {
    const g = grid([["Ref", "Name", "Status"], ["A1", "Plan", "Green"]], { origin: { row: 39, col: 3 } });
    const [t] = detectTables(g);
    expect(brief(t)).toEqual({ kind: "activity", headerRow: 39, headerHeight: 1, firstRow: 40, lastRow: 40 });
    expect(t.columns.map((c) => c.col)).toEqual([3, 4, 5]);
  });

  test("a repeated header with different columns starts a new table of the same kind", () => {
    const tables = detectTables(grid([["Ref", "Action", "Status"], ["A1", "Plan", "Green"], ["Ref", "Status", "Action"], ["A2", "Red", "Consult"]]));
    expect(tables.map(brief)).toEqual([
      { kind: "activity", headerRow: 0, headerHeight: 1, firstRow: 1, lastRow: 1 },
      { kind: "activity", headerRow: 2, headerHeight: 1, firstRow: 3, lastRow: 3 },
    ]);
  });

  test("a header with no data below is still a table (so its mapping can be shown)", () => {
    const tables = detectTables(grid([["Ref", "Indicator", "Actual", "Target"]]));
    expect(tables.map(brief)).toEqual([{ kind: "indicator", headerRow: 0, headerHeight: 1, firstRow: 1, lastRow: 0 }]);
  });

  test("a table below whose header has a column where the table above has our Status (auto) still starts", () => {
    // Our labels in that column are left out when a row is judged a header; a header word there is not ours.
    const tables = detectTables(
      grid([
        ["Ref", "Indicator", "Target", "Actual", "Status (auto)"],
        ["K1", "Bins", 95, 96, "✓ On target"],
        ["Ref", "Action", null, null, "Due date"],
        ["A1", "Consult", null, null, "31/03/2024"],
      ]),
    );
    expect(tables.map((t) => [t.kind, t.headerRow, t.lastRow])).toEqual([
      ["indicator", 0, 1],
      ["activity", 2, 3],
    ]);
  });

  test.each(["Q1 Actual", "% Complete"])("a table added below after an Apply, with '%s' under the table above's Status (auto), is its own table", (heading) => {
    // The heading sits in our column: it is the officer's, not ours, so the row still reads as a header.
    const tables = detectTables(
      grid([
        ["Ref", "Action", "Lead officer", "Due date", "Status (auto)"],
        ["A1", "Consult on the plan", "J Smith", "31/03/2024", "✓ On track"],
        [],
        ["Ref", "Indicator", "Unit", "Frequency", heading],
        ["K1", "Bins emptied on time", "%", "Quarterly", 96],
      ]),
    );
    expect(tables.map((t) => [t.headerRow, t.lastRow])).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });

  test("our own Status (auto) column is mapped as generated", () => {
    const [t] = detectTables(grid([["Ref", "Action", "Due date", "Status (auto)"], ["A1", "Plan", "31/03/2024", "On track"]]));
    expect(t.columns[3].role).toBe("generated");
  });
});

// A sheet that keeps last year's table under this year's, the same headers under a title naming its year.
describe("a header printed again under a title naming another year starts another table", () => {
  const H = ["Ref", "Indicator", "Polarity", "Target", "Q1", "Q2", "Q3", "Q4", "Comment"];
  const sheet = (secondTitle: string): CellValue[][] => [
    ["Housing performance indicators 2010/11"],
    H,
    ["H1", "Days to re-let", "Lower is better", 20, 22, 21, 19, null, ""],
    ["H2", "Rent collected (%)", "Higher is better", "98%", "96%", "97%", "98.5%", null, ""],
    [],
    [secondTitle],
    H,
    ["H1", "Days to re-let", "Lower is better", 22, 25, 24, 23, 30, ""],
    ["H2", "Rent collected (%)", "Higher is better", "97%", "95%", "96%", "97%", "99%", ""],
  ];
  const spans = (values: CellValue[][]) => detectTables(grid(values)).map((t) => [t.headerRow, t.lastRow]);

  test("another year: two tables, and the report is this year's Q3 with last year's rows marked, not Q4 of both", () => {
    expect(spans(sheet("Housing performance indicators 2009/10"))).toEqual([
      [1, 3],
      [6, 8],
    ]);
    const run = runScorecard([grid(sheet("Housing performance indicators 2009/10"))], { preset: "rag", today: "2011-01-20" });
    expect(run.period?.label).toBe("Q3 2010/11");
    expect(run.result.rated.map((r) => [r.record.row, r.record.actual?.cell, r.rating.status])).toEqual([
      [3, "G3", "green"],
      [4, "G4", "green"],
      [8, "H8", "red"],
      [9, "H9", "green"],
    ]);
    expect(run.stale.map((s) => s.mark)).toEqual(["Q4 2009/10 figure"]);
  });

  test.each([
    ["the same year", "Housing performance indicators 2010/11 (continued)"],
    ["no year", "Housing performance indicators (continued)"],
    ["a page's header naming the quarter", "Q3 10/11 (Housing Scrutiny Panel)"],
    // helper-105: a note or heading naming a year is not the title made again for another year.
    ["a source note naming last year", "Source: HB subsidy claim 2009/10"],
    ["a heading naming next year", "New indicators from 2011/12 (baseline year)"],
  ])("%s: one table, its header printed again", (_name, title) => {
    expect(spans(sheet(title))).toEqual([[1, 8]]);
  });
});

describe("judgeHeader: which header rows make a table", () => {
  const col = (role: Role, i: number): ColumnMapping => ({ col: i, header: role, role });
  const make = (...rs: Role[]) => rs.map(col);
  test.each([
    { columns: make("ref", "name", "actual", "annualTarget"), kind: "indicator", rule: "figures make indicators" },
    { columns: make("ref", "name", "annualTarget"), kind: "indicator", rule: "a target alone is an indicator table" },
    { columns: make("ref", "name", "annualTarget", "due"), kind: "activity", rule: "a target with a due date is an action's" },
    { columns: make("name", "progress", "due"), kind: "activity", rule: "progress and due date make activities" },
    { columns: make("name", "manual", "comment"), kind: "activity", rule: "a rated list of actions" },
    { columns: make("ref", "description", "comment", "lead"), kind: "activity", rule: "narrative-only activities (comment and lead)" },
    { columns: make("ignore", "manual", "description"), kind: undefined, rule: "a status key legend is not a tracker" },
    { columns: make("name", "lead", "directorate"), kind: undefined, rule: "a staff list is not a tracker" },
    { columns: make("name", "annualTarget", "due", "name", "name"), kind: undefined, rule: "a row of headings with several names" },
    { columns: make("manual", "actual", "annualTarget"), kind: undefined, rule: "no column says which row it is" },
    { columns: make("ref", "actual", "ignore", "ignore", "ignore"), kind: undefined, rule: "mostly unknown headers" },
  ] as { columns: ColumnMapping[]; kind: string | undefined; rule: string }[])("$rule → $kind", ({ columns, kind }) => {
    expect(judgeHeader(columns)).toBe(kind);
  });
});
