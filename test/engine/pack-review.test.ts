// Review findings on issue 12 (packs that tell the truth), each read as a councillor reads the pack:
// marks only beside a figure, a headline that says what it counts, equal counts with equal percents,
// plain words for councillors and plain sentences for officers.
import { isPointer } from "../../src/engine/vocab/plain-words";
import { checkCommittee } from "../../src/engine/summary/committee";
import { earlierNote, ROUNDING_NOTE } from "../../src/engine/summary/layout-headline";
import { summarySheetName } from "../../src/engine/summary/layout";
import { cutAtWord } from "../../src/engine/summary/layout-title";
import { headerText } from "../../src/engine/sheet-kit/layout-print";
import { disagreementSentence, exceptionHeaders, NO_COMMENTARY, plainReason } from "../../src/engine/vocab/plain-words";
import { marked } from "../../src/engine/summary/summary";
import { fieldText } from "../../src/engine/summary/layout-text";
import { targetUsedText } from "../../src/engine/summary/target-text";
import { describeAssumptions, runScorecard } from "../../src/engine/scorecard";
import { toJsonReport } from "../../src/cli/report";
import { RAG } from "../../src/engine/scheme/presets";
import { layoutRulesSheet } from "../../src/engine/rules-sheet/rules-sheet";
import { toA1 } from "../../src/engine/vocab/address";
import { gridForRefs, lineCount, REF_CAP, STYLES, WIDTHS } from "../../src/engine/sheet-kit/layout-style";
import type { PlanBlock, SheetPlan } from "../../src/engine/vocab/plan";
import type { CellValue, Field, SheetGrid, SourceRecord } from "../../src/engine/vocab/types";

const tracker = (name: string, title: CellValue[][], header: CellValue[], rows: CellValue[][]): SheetGrid => ({ name, values: [...title, header, ...rows] });

/** Every row of a plan as its texts, in order. */
function rowsOf(plan: SheetPlan | undefined): { row: number; cells: string[] }[] {
  const out = new Map<number, string[]>();
  for (const b of plan?.blocks ?? ([] as PlanBlock[])) {
    b.values.forEach((values, i) => {
      const cells = out.get(b.row + i) ?? [];
      values.forEach((v) => typeof v === "string" && v !== "" && cells.push(v));
      out.set(b.row + i, cells);
    });
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({ row, cells }));
}
const summaryOf = (grids: SheetGrid[], options: Partial<Parameters<typeof runScorecard>[1]> = {}) =>
  rowsOf(runScorecard(grids, { today: "2011-06-01", ...options }).plans.find((p) => p.sheet.startsWith("Summary")));
const textOf = (rows: { cells: string[] }[]) => rows.map((r) => r.cells.join(" | ")).join("\n");

describe("finding G: a figure of an earlier period is marked only where there is a figure", () => {
  test.each([
    ["a figure", "378", "Q2 figure", "378 (Q2 figure)"],
    ["no figure", "", "Q2 figure", ""],
    ["only spaces", "  ", "Q2 figure", "  "],
    ["not stale", "378", undefined, "378"],
    ["words where a figure was due", "Not available", "Q2 figure", "Not available"],
    ["a figure with a note", "50% (See comment)", "Q2 figure", "50% (See comment) (Q2 figure)"],
  ] as const)("%s", (_name, text, mark, want) => {
    expect(marked(text, mark)).toBe(want);
  });

  const q3 = tracker("Q3 Scorecard", [["Quarter 3 (October to December 2010)"], []], ["Ref", "Indicator", "Polarity", "10/11 Target", "Q3 YTD Actual"], [["A1", "Burglary", "Lower", 100, 70]]);
  const q2 = tracker("Q2 Return", [["Select Committee – Quarter 2 (July to September 2010) return"], []], ["Ref", "Indicator", "Polarity", "Q2 YTD Target", "Q2 YTD Actual", "Status"], [
    ["B1", "Truancy", "Lower", 10, 12, "Red"],
    ["B2", "Exclusions", "Lower", 5, null, "Green"],
  ]);
  const rows = summaryOf([q2, q3]);
  const text = textOf(rows);

  test("a blank actual carries no mark; a figure does", () => {
    expect(text).toContain("12 (Q2 figure)");
    expect(rows.some((r) => r.cells.includes("(Q2 figure)"))).toBe(false);
  });

  test("the headline says its counts include the earlier return's records", () => {
    const note = earlierNote({ period: "Quarter 2 2010/11", mark: "Q2 figure", ratingMark: "Q2 rating", ratings: 1, figures: 1, sheets: ["Q2 Return"], count: 2 });
    expect(note).toBe(`These counts include 2 records from a Quarter 2 2010/11 return (sheet 'Q2 Return'), an earlier period than this report's: shown with a figure marked "Q2 figure", and an officer's rating with no figure marked "Q2 rating".`);
    // It says only the marks the pack shows (helper-126).
    const base = { period: "Quarter 2 2010/11", mark: "Q2 figure", ratingMark: "Q2 rating", sheets: ["Q2 Return"], count: 3 };
    expect(earlierNote({ ...base, ratings: 0, figures: 3 })).toBe(`These counts include 3 records from a Quarter 2 2010/11 return (sheet 'Q2 Return'), an earlier period than this report's: shown with figures marked "Q2 figure".`);
    expect(earlierNote({ ...base, ratings: 2, figures: 0 })).toBe(`These counts include 3 records from a Quarter 2 2010/11 return (sheet 'Q2 Return'), an earlier period than this report's: shown with officers' ratings with no figure marked "Q2 rating".`);
    expect(earlierNote({ ...base, ratings: 0, figures: 0 })).toBe(`These counts include 3 records from a Quarter 2 2010/11 return (sheet 'Q2 Return'), an earlier period than this report's.`);
    const headline = rows.findIndex((r) => r.cells[0] === "Summary of ratings");
    const exceptions = rows.findIndex((r) => r.cells[0] === "Exceptions");
    expect(rows.slice(headline, exceptions).map((r) => r.cells[0])).toContain(note);
  });

  test("a status with no figure beside it is marked as the earlier period's rating; one beside a marked figure is not (helper-124)", () => {
    // Each ref's first row: in the exceptions (B1) and the scorecard; B2's second row is its commentary.
    const statuses = rows.filter((r) => r.cells[0] === "B1" || r.cells[0] === "B2").map((r) => `${r.cells[0]}: ${r.cells.find((c) => /target/.test(c)) ?? ""}`);
    expect(statuses.filter((t) => !t.endsWith(": "))).toEqual(["B1: ▲ Off target", "B1: ▲ Off target", "B2: ✓ On target (officer) (Q2 rating)"]);
    expect(textOf(summaryOf([q3]))).not.toContain("rating)");
  });

  test("not a status the rules gave, nor one that rates nothing: an activity overdue on this report's date, no data, narrative only (helper-125)", () => {
    const q2Actions = tracker("Q2 Actions", [["Quarter 2 (July to September 2010) return"], []], ["Ref", "Action", "Due date", "Progress", "Status"], [
      ["C1", "Open the hub", "30/09/2010", null, null],
      ["C2", "Train the staff", "31/03/2011", "Complete", null],
      ["C3", "Write the plan", null, null, "Amber"],
    ]);
    const marks = summaryOf([q2Actions, q3]).filter((r) => /^C\d$/.test(r.cells[0] ?? "")).map((r) => `${r.cells[0]}: ${r.cells.some((c) => c.includes("(Q2 rating)"))}`);
    expect([...new Set(marks)].sort()).toEqual(["C1: false", "C2: false", "C3: true"]);
  });

  test("a workbook of one period has no such note", () => {
    expect(textOf(summaryOf([q3]))).not.toMatch(/earlier period than this report's/);
  });
});

describe("finding: equal counts show equal percentages, and the headline says why a row falls short of 100%", () => {
  const activities = (statuses: string[]) =>
    tracker("Actions", [["Quarter 3 (October to December 2010)"]], ["Ref", "Action", "Due date", "Status"], statuses.map((s, i) => [`X${i + 1}`, `Action ${i + 1}`, "31/03/2011", s]));
  test.each([
    ["thirds: 33% each, 99% in all", ["Completed", "Completed", "Cancelled", "Cancelled", "Overdue", "Overdue"], "2 (33%)", true],
    ["halves add up to 100%", ["Completed", "Cancelled"], "1 (50%)", false],
  ] as const)("%s", (_name, statuses, cell, short) => {
    const rows = summaryOf([activities([...statuses])], { preset: "pentana" });
    const line = rows.find((r) => r.cells[0] === "Activities" && r.cells.length > 3);
    const shown = (line?.cells ?? []).filter((c) => /\(\d+%\)$/.test(c) && !c.startsWith("0 "));
    expect(new Set(shown)).toEqual(new Set([cell]));
    expect(textOf(rows).includes(ROUNDING_NOTE)).toBe(short);
  });
});

describe("finding: the committee check names one nearest committee in the singular", () => {
  test.each([
    ["one known", ["Community Safety and Community Services"], /the nearest is "Community Safety and Community Services"$/],
    ["two known", ["Cabinet", "Children's Services"], /the nearest are "Children's Services", "Cabinet"$/],
  ] as const)("%s", (_name, known, want) => {
    expect(checkCommittee("Childrens Servises", [...known])).toMatch(want);
  });
});

describe("finding: the currency stays as typed in the target shown", () => {
  const field = (value: CellValue, format?: string): Field => ({ cell: "D2", value, text: value === null ? "" : String(value), format });
  const annual = (value: CellValue, format?: string): SourceRecord => ({
    kind: "indicator", sheet: "KPIs", row: 2, ref: "R1", name: "Income", series: [], earlier: [], comparators: [],
    annualTarget: field(value, format), target: field(value, format), yearToDate: true, periodFraction: 0.75,
  });
  test.each([
    ["£2.5m typed", annual("£2.5m"), "£1,875,000 (£2.5m pro-rated to Q3)"],
    ["£450k after words", annual("Less than £450k"), "Less than £337,500 (Less than £450k pro-rated to Q3)"],
    ["a number in a £ format", annual(2500000, '"£"#,##0'), "£1,875,000 (£2,500,000 pro-rated to Q3)"],
    ["a number in a locale £ format", annual(2500000, "[$£-809]#,##0.00"), "£1,875,000 (£2,500,000 pro-rated to Q3)"],
    ["a euro after the figure", annual(1000, "#,##0 €"), "750 € (1,000 € pro-rated to Q3)"],
    ["no currency", annual(10459), "7,844 (10,459 pro-rated to Q3)"],
  ] as const)("%s", (_name, record, want) => {
    expect(targetUsedText(record)).toBe(want);
  });

  test.each([
    ["£ format", field(1200, "£#,##0"), "£1,200"],
    // The minus sign, not a hyphen: Excel and LibreOffice wrap after a hyphen ("Baseline 2008/09: -" then "25.6%" in Derby's pack).
    ["£ format, negative", field(-1200, "£#,##0;(£#,##0)"), "\u2212£1,200"],
    ["a negative percentage", field(-0.256, "0.0%"), "\u221225.6%"],
    ["a negative number", field(-3.5, "General"), "\u22123.5"],
    ["a minus typed as a hyphen (Derby's earlier actuals)", field("-25.6% 2008/09", "General"), "\u221225.6% 2008/09"],
    ["after a colon, a bracket, a currency", field("Baseline: -1.0% (-£5)", "General"), "Baseline: \u22121.0% (\u2212£5)"],
    ["a range of sums stays (helper-129)", field("£5m -£10m, 500k -750k", "General"), "£5m -£10m, 500k -750k"],
    ["a range, a year span and a dash between spaces stay", field("2008-09, 10-20, 10 - 20, Q1-Q2, n/a -", "General"), "2008-09, 10-20, 10 - 20, Q1-Q2, n/a -"],
    // A hyphen after a figure and a space joins two figures: the rules read "5 -10" as the band 5 to 10, not 5 and −10.
    ["a range or year span typed with one space", field("5 -10, 95% -105%, 2010 -11", "General"), "5 -10, 95% -105%, 2010 -11"],
    ["a band from a negative figure; a figure on a line of its own", field("-5 -10\n-3", "General"), "\u22125 -10\n\u22123"],
    ["a minus after words, a label, a bracket or a colon still", field("Between 5 and -10 (-2): -3", "General"), "Between 5 and \u221210 (\u22122): \u22123"],
    ["after a year or a quarter, a figure", field("Baseline 2008/09 -25.6%; Q1 -5 days", "General"), "Baseline 2008/09 \u221225.6%; Q1 \u22125 days"],
    ["accounting £ format", field(1200, '_-[$£-809]* #,##0_-;-[$£-809]* #,##0_-'), "£1,200"],
    ["plain number", field(1200, "#,##0"), "1,200"],
    ["a colour section is not a currency", field(1200, "[Red]#,##0"), "1,200"],
  ] as const)("fieldText: %s", (_name, f, want) => {
    expect(fieldText(f)).toBe(want);
  });
});

describe("finding: a name cut to fit ends at a whole word, never on 'and', 'of' or '&'", () => {
  test.each([
    ["fits: unchanged", "Summary – Community Safety", 31, "Summary – Community Safety"],
    ["ends on 'and'", "Summary – Community Safety and Community Services", 31, "Summary – Community Safety"],
    ["ends on '&'", "Summary – Health & Adult Social Care Scrutiny", 31, "Summary – Health & Adult Social"],
    ["ends on 'of' then 'the'", "Summary – Review of the Council's Assets", 27, "Summary – Review"],
    ["cut mid-word: the part word goes", "Summary – Environment Scrutiny Committee", 31, "Summary – Environment Scrutiny"],
    ["a dash before the cut goes too", "Summary – Cabinet – Resources and Performance", 31, "Summary – Cabinet – Resources"],
    ["one very long word: cut, with an ellipsis", "Summary – Supercalifragilisticexpialidocious", 31, "Summary – Supercalifragilistic…"],
  ] as const)("%s", (_name, text, max, want) => {
    const got = cutAtWord(text, max);
    expect(got).toBe(want);
    expect(got.length).toBeLessThanOrEqual(max);
  });

  test("the committee sheet's name", () => {
    expect(summarySheetName("Community Safety and Community Services")).toBe("Summary – Community Safety");
  });
});

describe("finding: the officers' section in plain sentences", () => {
  test.each([
    ["met", "378 against a target of 483: met", "378 against a target of 483 is met"],
    ["missed beyond tolerance", "8 against a target of at least 10: 20% short, beyond the 5% tolerance", "8 against a target of at least 10 is 20% short, beyond the 5% tolerance"],
    ["an activity", "due 30/06/2021, 12 days before the report date, 40% complete", "Due 30/06/2021, 12 days before the report date, 40% complete"],
    ["behind schedule", "40% complete, 60% expected by now: behind schedule", "40% complete, 60% expected by now: behind schedule"],
    // The minus sign, as the pack's figures have it (helper-129: the officers' section still wrapped after "-").
    ["a negative figure", "-5 against a target of 10: 150% short, beyond the 5% tolerance", "\u22125 against a target of 10 is 150% short, beyond the 5% tolerance"],
    ["a year span stays", "2008-09 figure of 12 against a target of 10: met", "2008-09 figure of 12 against a target of 10 is met"],
    // A date is never negative: "01/04/2010 -31/03/2011" (a quoted cell's date range) keeps its hyphen.
    ["a range of dates stays", 'progress "On hold 01/04/2010 -31/03/2011"', 'Progress "On hold 01/04/2010 -31/03/2011"'],
  ] as const)("plainReason: %s", (_name, reason, want) => {
    expect(plainReason(reason)).toBe(want);
  });

  test("the disagreement, as the review asked", () => {
    expect(disagreementSentence("Red", "Satisfactory", "378 against a target of 483: met")).toBe("The officer rated it Red; the rules give Satisfactory: 378 against a target of 483 is met.");
  });

  const sheet = tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Status", "Comment"], [
    ["F1", "Rent arrears cases", "Lower", 483, 378, "Red", "Arrears fell."],
    ["F2", "Homes let", "Higher", 100, 43, "Red", null],
  ]);
  const rows = summaryOf([sheet], { preset: "pentana" });
  const officers = rows.findIndex((r) => r.cells[0]?.startsWith("For officers"));
  const councillors = textOf(rows.slice(0, officers));
  const forOfficers = textOf(rows.slice(officers));

  test("the pack's officers' section: each line a sentence", () => {
    expect(forOfficers).toContain("The officer rated it Red; the rules give Satisfactory: 378 against a target of 483 is met.");
    expect(forOfficers).toContain("F2 | KPIs!G4 | Warning");
    expect(forOfficers).toContain("Rated Alert with no commentary from the lead officer. 43 against a target of 100 is 57% short, beyond the 5% tolerance. Add the commentary in the tracker.");
  });

  test("an exception with no commentary is a problem at its comment cell in --json and the CLI's count, not only in the pack", () => {
    const run = runScorecard([sheet], { preset: "pentana", today: "2011-01-15" });
    expect(toJsonReport(run).problems).toContainEqual({ sheet: "KPIs", cell: "G4", message: "F2: Rated Alert with no commentary from the lead officer. 43 against a target of 100 is 57% short, beyond the 5% tolerance. Add the commentary in the tracker." });
    expect(run.result.problems.filter((p) => /commentary/.test(p.message)).map((p) => p.cell)).toEqual(["G4"]);
  });

  // helper-128: the officer's own rating read "Officer's rating (Awaiting figures)." as the rules' log has it,
  // and a pointer typed over two lines ("See\nbelow") put a line break in the pane's, --json's and the pack's message.
  test("an exception rated by the officer, or pointing elsewhere over two lines: one line, in words", () => {
    const own = tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Status", "Comment"], [
      ["O1", "Homes built", "Higher", 100, "Awaiting\nfigures", "Red", null],
      ["O2", "Homes let", "Higher", 100, 43, "Red", "See\nbelow"],
    ]);
    const messages = runScorecard([own], { preset: "pentana", today: "2011-01-15" }).result.problems.filter((p) => /commentary/.test(p.message)).map((p) => p.message);
    expect(messages).toEqual([
      "O1: Rated Alert with no commentary from the lead officer. The rating is the officer's own: the rules could not rate it (Awaiting figures). Add the commentary in the tracker.",
      'O2: Rated Alert, and the commentary only says "See below": the pack shows the row on its own. Write the commentary in the row\'s own cell.',
    ]);
  });

  test("the councillors' exceptions say no more than that no commentary was given", () => {
    expect(councillors).toContain(NO_COMMENTARY);
    expect(councillors).not.toMatch(/against a target|No commentary given \(/);
  });
});

// helper-128: one commentary typed in a comment cell merged down over two records is each record's; the
// covered cell holds nothing, and was read as no commentary (a problem telling the officer to type in it).
describe("finding: a comment cell merged over several records", () => {
  const merged = (comment: CellValue): SheetGrid => ({
    ...tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Comment"], [
      ["M1", "Homes let", "Higher", 100, 43, comment],
      ["M2", "Homes built", "Higher", 100, 40, null],
    ]),
    merges: [{ top: 2, left: 5, bottom: 3, right: 5 }],
  });

  test("its commentary is each record's: in the Exceptions and no problem", () => {
    const run = runScorecard([merged("Both short: the builder went bust.")], { preset: "pentana", today: "2011-01-15" });
    expect(run.result.problems.filter((p) => /commentary/.test(p.message))).toEqual([]);
    const rows = summaryOf([merged("Both short: the builder went bust.")], { preset: "pentana" });
    const exceptions = rows.filter((r) => r.cells[0] === "M1" || r.cells[0] === "M2").slice(0, 2);
    expect(exceptions.map((r) => [r.cells[0], r.cells[r.cells.length - 1]])).toEqual([
      ["M1", "Both short: the builder went bust."],
      ["M2", "Both short: the builder went bust."],
    ]);
  });

  test("left empty, each record's problem is at its own row's cell (Excel selects the merge from it), listed under its own ref", () => {
    const run = runScorecard([merged(null)], { preset: "pentana", today: "2011-01-15" });
    expect(run.result.problems.filter((p) => /commentary/.test(p.message)).map((p) => `${p.message.split(":")[0]} ${p.cell}`)).toEqual(["M1 F3", "M2 F4"]);
    const rows = summaryOf([merged(null)], { preset: "pentana" });
    const officers = rows.findIndex((r) => r.cells[0]?.startsWith("For officers"));
    expect(rows.slice(officers).filter((r) => r.cells[2] === "Warning").map((r) => r.cells.slice(0, 2).join(" "))).toEqual(["M1 KPIs!F3", "M2 KPIs!F4"]);
  });
});

describe("finding: an exception whose commentary only points elsewhere is named for officers (helper-124)", () => {
  const sheet = tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Comment"], [
    ["P1", "Homes let", "Higher", 100, 43, "See below"],
    ["P2", "Homes built", "Higher", 100, 40, "(See comment)"],
    ["P3", "Homes sold", "Higher", 100, 41, "See below: the scheme was delayed by the contractor"],
    ["P4", "Homes empty", "Lower", 100, 40, "See below"],
  ]);
  const rows = summaryOf([sheet], { preset: "pentana" });
  const officers = rows.findIndex((r) => r.cells[0]?.startsWith("For officers"));
  const forOfficers = rows.slice(officers).map((r) => r.cells.join(" | "));

  test.each([
    ["See below", true],
    ["(See comment)", true],
    ["please see attached.", true],
    ["See Appendix B", true],
    ["See commentary", true],
    ["Refer to commentary below", true],
    ["See comments below", true],
    ["See NI 073 above", true],
    ["See Q2 report", true],
    ["See section 3", true],
    ["See below…", true],
    ["As above", true],
    ["As per previous quarter", true],
    ["See below: the scheme was delayed", false],
    ["See comment above re X", false],
    ["see narrative in section 3 for the full picture", false],
    ["See improvement next quarter", false],
    ["As above, the backlog has grown", false],
    ["Seen by the board", false],
    ["", false],
  ] as const)("isPointer(%j) is %s", (text, want) => {
    expect(isPointer(text)).toBe(want);
  });

  test("the councillors' pages say the pointer leads nowhere, keeping the tracker's words (helper-126: below NI 43 was another record's commentary)", () => {
    const councillors = rows.slice(0, officers).map((r) => r.cells.join(" | ")).join("\n");
    expect(councillors).toContain('No commentary given here (the tracker says "See below").');
    expect(councillors).toContain("See below: the scheme was delayed by the contractor");
  });

  test("an exception's pointer is named at its comment cell; commentary with words after it, or a record on target, is not", () => {
    expect(forOfficers.filter((l) => l.includes("only says"))).toEqual([
      'P1 | KPIs!F3 | Warning | Rated Alert, and the commentary only says "See below": the pack shows the row on its own. Write the commentary in the row\'s own cell.',
      'P2 | KPIs!F4 | Warning | Rated Alert, and the commentary only says "(See comment)": the pack shows the row on its own. Write the commentary in the row\'s own cell.',
    ]);
  });
});

describe("finding: the exceptions table's headers name what the pack holds", () => {
  const indicators = tracker("KPIs", [["Quarter 3 (October to December 2010)"]], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual"], [["I1", "Homes let", "Higher", 100, 43]]);
  const actions = tracker("Actions", [["Quarter 3 (October to December 2010)"]], ["Ref", "Action", "Due date", "Progress"], [["A1", "Open the hub", "30/11/2010", "40%"]]);
  const headerRow = (grids: SheetGrid[]) => {
    const rows = summaryOf(grids, { preset: "pentana", today: "2011-01-31" });
    const at = rows.findIndex((r) => r.cells[0] === "Exceptions");
    return rows.slice(at).find((r) => r.cells[0] === "Ref")?.cells ?? [];
  };
  test.each([
    ["indicators only", [indicators], ["Indicator", "Target", "Actual"], ["Type", "Indicator or activity"]],
    ["activities only", [actions], ["Activity", "Due date", "Progress"], ["Type", "Indicator or activity", "Target or due date"]],
    ["both", [indicators, actions], ["Indicator or activity", "Type", "Target or due date", "Actual or progress"], []],
  ] as const)("%s", (_name, grids, has, hasNot) => {
    const header = headerRow([...grids]);
    for (const h of has) expect(header).toContain(h);
    for (const h of hasNot) expect(header).not.toContain(h);
  });

  test.each([
    [["indicator"], "Indicator", false],
    [["activity", "activity"], "Activity", false],
    [["indicator", "activity"], "Indicator or activity", true],
  ] as const)("exceptionHeaders(%j)", (kinds, name, mixed) => {
    expect(exceptionHeaders([...kinds])).toMatchObject({ name, mixed });
  });
});

describe("finding: a period set on the Scorecard Rules sheet is named by its cell", () => {
  /** The rules sheet as a host reads it back, and the cell its Reporting period value was written to. */
  function rulesSheet(period: string): { grid: SheetGrid; cell: string } {
    const plan = layoutRulesSheet(RAG, { preset: "rag", period, columnOverrides: [] });
    const values: CellValue[][] = [];
    let cell = "";
    for (const b of plan.blocks) {
      b.values.forEach((row, i) =>
        row.forEach((v, j) => {
          while (values.length <= b.row + i) values.push([]);
          values[b.row + i][b.col + j] = v;
          if (v === "Reporting period") cell = toA1(b.row + i, b.col + j + 1);
        }),
      );
    }
    const width = Math.max(...values.map((r) => r.length));
    return { grid: { name: plan.sheet, values: values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)) }, cell };
  }
  const q3 = tracker("Q3 Scorecard", [["Quarter 3 (October to December 2010)"], []], ["Ref", "Indicator", "Polarity", "10/11 Target", "Q3 YTD Actual"], [["A1", "Burglary", "Lower", 100, 70]]);

  test.each([
    ["set on the rules sheet: its cell", "Q4 2010/11", {}, (cell: string) => [`Period Q4 2010/11, from 'Scorecard Rules'!${cell}`, `'Scorecard Rules'!${cell}`]],
    ["given as an option: as given", "Q4 2010/11", { period: "Q2 2010/11" }, () => ["Period Q2 2010/11, as given", "option"]],
    ["blank on the rules sheet: the workbook's own cell", "", {}, () => ["Period Q3 2010/11, from 'Q3 Scorecard'!A1", "'Q3 Scorecard'!A1"]],
  ] as const)("%s", (_name, typed, options, want) => {
    const rules = rulesSheet(typed);
    expect(rules.cell).toMatch(/^[A-Z]+\d+$/);
    const run = runScorecard([q3, rules.grid], { today: "2011-06-01", ...options });
    const [line, source] = want(rules.cell);
    expect(describeAssumptions(run).split(";")[0]).toBe(line);
    expect(toJsonReport(run).periodSource).toBe(source);
  });
});

describe("finding F: the Ref column fits the longest ref, up to a cap", () => {
  const total = (grid: readonly number[]) => grid.reduce((a, b) => a + b, 0);
  test.each([
    ["no refs: the grid as it is", [], "same"],
    ["short refs", ["NI 38", "CS1"], "same"],
    ["spaces wrap between words: each word fits", ["L&P LDS 134", "NI 116 (NGLAA)"], "same"],
    ["Broxtowe's longest action ref", ["COMS2124_03", "COMS1821_13.1"], "wider"],
    ["a ref longer than the cap", ["ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"], "cap"],
  ] as const)("%s", (_name, refs, want) => {
    const grid = gridForRefs(refs);
    expect(total(grid)).toBe(total(WIDTHS)); // the same print scale
    if (want === "same") expect(grid).toBe(WIDTHS);
    if (want === "cap") expect(grid[0]).toBe(REF_CAP);
    if (want === "wider") {
      expect(grid[0]).toBeGreaterThan(WIDTHS[0]);
      expect(grid[0]).toBeLessThan(REF_CAP);
      for (const ref of refs) expect(lineCount(ref, 0, 0, STYLES.label, grid)).toBe(1);
      expect(lineCount("COMS1821_13.1", 0, 0, STYLES.label, WIDTHS)).toBe(2); // as it broke before
    }
  });

  test("the pack's Ref column takes the width, and the comment column gives it up", () => {
    const actions = tracker("Key Tasks", [["Quarter 1 (April to June) 2021/22"]], ["Ref", "Action", "Due date", "Progress"], [
      ["COMS1821_13.1", "Produce Food Service Action Plan 2021", "30/06/2021", "100%"],
      ["COMS2124_03", "Produce DEFRA Annual Air Quality Status Report", "30/06/2021", "95%"],
    ]);
    const plan = runScorecard([actions], { today: "2021-07-31", preset: "pentana" }).plans.find((p) => p.sheet.startsWith("Summary"));
    const widths = (plan?.columnWidths ?? []).map((c) => c.width);
    expect(widths[0]).toBeGreaterThan(WIDTHS[0]);
    expect(total(widths.slice(0, WIDTHS.length))).toBe(total(WIDTHS));
  });
});

describe("finding: a printed header cut to fit ends at a whole word, marked by an ellipsis", () => {
  test.each([
    ["short: as it is, & doubled", "Health & Wellbeing", "Health && Wellbeing"],
    ["Cannock's title", "Community Safety section of Cleaner and Safer Environment 2015/16 PDP Performance Report Quarters 1 & 2", "Community Safety section of Cleaner and Safer Environment 2015/16 PDP…"],
    ["not after 'and'", "Community Safety section of the Cleaner Greener Safer Communities Scrutiny and Overview Committee", "Community Safety section of the Cleaner Greener Safer Communities Scrutiny…"],
  ] as const)("%s", (_name, text, want) => {
    const got = headerText(text);
    expect(got).toBe(want);
    expect(got.length).toBeLessThanOrEqual(80);
  });
});

describe("finding: an exception with no lead officer, beside ones with a lead (helper-124: Dudley's indicators name none)", () => {
  const header = ["Ref", "Name", "Polarity", "Target", "Q3 Actual", "Lead officer", "Comment"];
  const exceptionsOf = (rows: CellValue[][]) => {
    const all = summaryOf([tracker("KPIs", [["Quarter 3 (October to December 2010)"]], header, rows)], { preset: "pentana" });
    const from = all.findIndex((r) => r.cells[0] === "Exceptions");
    const to = all.findIndex((r, i) => i > from && r.cells[0]?.startsWith("Scorecards"));
    return all.slice(from, to).map((r) => r.cells);
  };

  test("a blank lead among named ones says 'Not given.'; a column no row fills is left out", () => {
    const mixed = exceptionsOf([
      ["L1", "Homes let", "Higher", 100, 40, "Jo Bloggs", "Delayed."],
      ["L2", "Homes built", "Higher", 100, 41, null, "Delayed too."],
    ]);
    const heads = mixed.find((c) => c.includes("Lead officer"))!;
    const col = heads.indexOf("Lead officer");
    expect(mixed.filter((c) => c[0] === "L1" || c[0] === "L2").map((c) => [c[0], c[col]])).toEqual([
      ["L1", "Jo Bloggs"],
      ["L2", "Not given."],
    ]);
    const none = exceptionsOf([["L3", "Homes let", "Higher", 100, 40, null, "Delayed."]]);
    expect(none.some((c) => c.includes("Lead officer"))).toBe(false);
    expect(none.flat()).not.toContain("Not given.");
  });
});
