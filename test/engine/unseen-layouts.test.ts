// Trackers laid out unlike any sample (other wording, other column order, tables further down and to the right),
// rated end to end. Expected statuses are worked from RULES.md, not from the code.
import { applyEdits, startLive } from "../../src/engine/live";
import { summarise } from "../../src/engine/summary/summary";
import { runScorecard } from "../../src/engine/scorecard";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

function grid(name: string, rows: CellValue[][], offset = { row: 0, col: 0 }): SheetGrid {
  const values: CellValue[][] = [];
  for (let r = 0; r < offset.row; r++) values.push([]);
  for (const row of rows) values.push([...Array<CellValue>(offset.col).fill(null), ...row]);
  return { name, values };
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const corporate = grid(
  "Corporate KPIs",
  [
    ["Borough Council — Corporate Performance Scorecard 2023/24"],
    ["Quarter 2 (July to September)"],
    [],
    ["KPI ID", "Measure", "Good performance is", "Annual Target 2023/24", "Q1 2023/24", "Q2 2023/24", "RAG", "Commentary", "Responsible Officer"],
    ["Housing"],
    ["HS01", "Households in temporary accommodation", "Lower", "120", 118, 125, "Amber", "Demand up after winter", "J Patel"],
    ["HS02", "% of rent collected", "Higher", "98%", "97.5%", "98.2%", "Green", "", "J Patel"],
    ["Environment"],
    ["EN03", "Fly-tipping incidents", "Lower", "1,000", 300, "Not yet available", "", "Data due in October", "K Lee"],
    ["EN04", "Missed bins per 100,000 collections", "Lower", "n/a", 45, 50, "", "", "K Lee"],
    ["CS05", "Anti-social behaviour incidents", "", "Less than 50", 48, 55, "Green", "Summer peak", "M Owen"],
  ],
  { row: 5, col: 1 },
);

const projects = grid("Projects", [
  ["Capital programme — progress at 30 September 2023"],
  [],
  ["Ref", "Project", "Start date", "Target date", "% complete", "Status", "Latest update", "Owner"],
  ["CP1", "Library refurbishment", d("2023-04-01"), d("2024-03-31"), 0.4, "On track", "Contractor on site", "A Shah"],
  ["CP2", "Depot roof", d("2023-04-01"), d("2023-08-31"), 0.8, "On track", "Awaiting sign-off", "A Shah"],
  ["CP3", "Play area renewal", d("2023-06-01"), "15/10/2023", "50%", "", "Equipment ordered", "B Ngo"],
  ["CP4", "Car park lighting", d("2023-04-01"), d("2023-06-30"), 1, "Complete", "Done", "B Ngo"],
  ["CP5", "Museum feasibility study", d("2023-04-01"), d("2023-12-31"), 0.1, "Postponed", "Funding withdrawn", "C Roe"],
]);

const run = runScorecard([corporate, projects], { preset: "rag", period: "Q2 2023/24", reportDate: "2023-09-30", today: "2023-10-05" });
const byRef = new Map(run.result.rated.map((r) => [r.record.ref, r]));

test.each([
  ["HS01", "", "lower is better, 125 against the annual 120 as it stands (not year to date): 4.2% over, within 5%", "amber"],
  ["HS02", "", "higher, 98.2% ≥ 98%", "green"],
  ["EN03", "", "actual 'Not yet available'", "nodata"],
  ["EN04", "", "target n/a", "dataonly"],
  ["CS05", "", "'Less than 50' gives lower; 55 is 10% over", "red"],
  ["CP1", "", "due in March, well ahead", "ontrack"],
  ["CP2", "", "due 31 Aug, before the report date", "overdue"],
  ["CP3", "", "due 15 Oct: within 30 days", "warning"],
  ["CP4", "", "rated Complete", "completed"],
  ["CP5", "", "Postponed means cancelled", "cancelled"],
])("%s%s: %s → %s", (ref, _unused, _why, status) => {
  expect(byRef.get(ref)?.rating.status).toBe(status);
});

test("section rows give the priority, the officer's name and commentary are read", () => {
  expect(byRef.get("HS01")?.record.priority).toBe("Housing");
  expect(byRef.get("EN04")?.record.priority).toBe("Environment");
  expect(byRef.get("HS01")?.record.lead).toBe("J Patel");
  expect(byRef.get("HS01")?.record.comment?.text).toBe("Demand up after winter");
});

test("disagreements between the officer's rating and the rules are status checks", () => {
  expect(byRef.get("CS05")?.rating.checks.length).toBe(1);
  expect(byRef.get("CP2")?.rating.checks.length).toBe(1);
  expect(byRef.get("HS02")?.rating.checks.length).toBe(0);
});

test("problems name the sheet and cell", () => {
  for (const p of run.result.problems) {
    expect(p.sheet).toMatch(/\S/);
    expect(p.cell).toMatch(/^[A-Z]+\d+$/);
  }
});

test("a target headed with a note after a colon is read as the target (helper-65: it was read as polarity, and every record was data only)", () => {
  const noted = runScorecard(
    [grid("KPIs", [
      ["Ref", "Indicator", "Polarity", "Target: 5% better than last year", "Actual"],
      ["PI1", "Recycling", "Higher is better", 50, 45],
      ["PI2", "Visits", "Higher is better", 100, 120],
    ])],
    { preset: "rag", reportDate: "2010-12-31", today: "2010-12-31" },
  );
  expect(noted.result.rated.map((r) => [r.record.ref, r.rating.status])).toEqual([
    ["PI1", "red"],
    ["PI2", "green"],
  ]);
});

// helper-67: a KPI register names each indicator and defines it, among many columns of its own
// ("Numerator", "Data source"). "Definition" is a name column's header too: two of them made the header
// row "a row of headings", and the whole register was left out with no word.
describe("a KPI register: 'Indicator' beside 'Definition'", () => {
  const register = (header: string[], rows: CellValue[][]) =>
    runScorecard([grid("Corporate register", [header, ...rows])], { preset: "rag", reportDate: "2024-09-30", today: "2024-09-30" });
  const H = ["Ref", "Indicator", "Definition", "Numerator", "Denominator", "Data source", "Frequency", "Benchmark", "Quartile", "Collection method", "Target", "Actual", "Polarity", "Comment"];
  const rows: CellValue[][] = [
    ["CR1", "Council tax collected", "% of council tax due collected in year", "Collected", "Due", "Revenues system", "Quarterly", 0.96, "Top", "System report", 0.97, 0.91, "Higher is better", "Behind profile"],
    ["CR2", "", "Days to process new benefit claims", "Days", "Claims", "Benefits system", "Quarterly", 9, "Second", "System report", 8, 10.2, "Lower is better", ""],
  ];

  test("is read: the definition names a record only where the indicator's name is blank", () => {
    const run = register(H, rows);
    expect(run.result.rated.map((r) => [r.record.ref, r.record.name, r.rating.status])).toEqual([
      ["CR1", "Council tax collected", "red"],
      ["CR2", "Days to process new benefit claims", "red"],
    ]);
  });

  test.each([
    [["Ref", "Definition", "Target", "Actual"], "a definition alone is the name"],
    [["Definition", "Indicator", "Target", "Actual"], "the definition first"],
  ])("%j: %s", (header) => {
    const run = register(header, [["CR1", "Council tax collected", 0.97, 0.91].slice(0, header.length)]);
    expect(run.result.rated.length).toBe(1);
  });

  test("a legend's 'Status | Definition' beside a repeated header, across a blank column, is no part of the table", () => {
    const sheet = runScorecard(
      [grid("KPIs", [
        ["Ref", "Indicator", "Polarity", "Q3 2010/11", null, null],
        [null, null, null, "Target", "Actual", "RAG"],
        ["PI1", "Recycling", "Higher is better", 50, 45, "Red"],
        [],
        ["Ref", "Indicator", "Polarity", "Q3 2010/11", null, null, null, "Status", "Definition"],
        [null, null, null, "Target", "Actual", "RAG", null, "Red", "Off target"],
        ["PI3", "Sickness", "Lower is better", 9, 10, "Red"],
        ["PI4", "Complaints", "Lower is better", 50, 40, "Green"],
      ])],
      { preset: "rag", reportDate: "2010-12-31", today: "2010-12-31" },
    );
    expect(sheet.result.rated.map((r) => [r.record.ref, r.rating.status])).toEqual([
      ["PI1", "red"],
      ["PI3", "red"],
      ["PI4", "green"],
    ]);
  });

  // helper-70: the cases the first cut read wrong, or still lost.
  test("a tab of definitions with no figures beside the tracker is no table", () => {
    expect(register(["Ref", "Indicator", "Definition", "Polarity", "Frequency", "Data source", "Lead officer"], [["NI 8", "Adult participation", "% of adults", "Higher", "Annual", "Survey", "J Smith"]]).result.rated).toEqual([]);
  });

  test.each([
    [["Ref", "Indicator", null, "Definition", "Target", "Actual", "Polarity"], "an unheaded column between the name and the definition"],
    [["PI Ref", "PI Definition", "Target", "Actual", "Polarity", "Lead officer name"], "a definition the only name column, beside 'Lead officer name'"],
  ] as [CellValue[], string][])("%j: %s", (header) => {
    const row = header.map((h) => (h === null ? "→" : h === "Target" ? 25 : h === "Actual" ? 24 : h === "Polarity" ? "Higher is better" : h === "Lead officer name" ? "J Smith" : /ref/i.test(String(h)) ? "NI 8" : "Adult participation in sport"));
    const run = register(header as string[], [row]);
    expect(run.result.rated.map((r) => [r.record.ref, r.record.name, r.rating.status])).toEqual([["NI 8", "Adult participation in sport", "amber"]]);
  });

  // helper-72: an activity plan with a definition (no figures, but dates and progress).
  test("an activity plan with a definition column is read", () => {
    const plan = runScorecard(
      [grid("Plan", [
        ["Ref", "Action", "Definition", "Lead officer", "Due date", "Progress"],
        ["A1", "Review fees", "Annual review of all fees and charges", "K Lee", d("2010-10-31"), 0.5],
      ])],
      { preset: "rag", reportDate: "2010-12-31", today: "2010-12-31" },
    );
    expect(plan.result.rated.map((r) => [r.record.ref, r.record.name, r.rating.status])).toEqual([["A1", "Review fees", "overdue"]]);
  });

  test("two names that are no definition are still a row of headings, not a table", () => {
    expect(register(["Indicator", "Measure", "Target", "Actual"], [["A", "B", 1, 2]]).result.rated).toEqual([]);
  });
});

// helper-90: a plan that keeps its original dates beside revised ones is rated on the revised date.
describe("original and revised dates", () => {
  const plan = (header: string[], rows: CellValue[][]) =>
    runScorecard([grid("Actions", [header, ...rows])], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" });
  const rated = (r: ReturnType<typeof plan>) => r.result.rated.map((x) => [x.record.ref, x.record.due?.cell, x.rating.status]);

  test("the revised due date is read, the original only where no revision is entered", () => {
    const r = plan(
      ["Ref", "Action", "Original Due Date", "Revised Due Date", "Update"],
      [
        ["A1", "Open the new library", d("2010-09-30"), d("2011-06-30"), "Delayed by the contractor"],
        ["A2", "Review fees", d("2010-10-31"), null, "Not started"],
      ],
    );
    expect(rated(r)).toEqual([["A1", "D2", "ontrack"], ["A2", "C3", "overdue"]]);
  });

  // Each row: the original date passed (30/09/2010), the revision ahead (30/06/2011).
  const passed = d("2010-09-30");
  const ahead = d("2011-06-30");
  test.each([
    [["Ref", "Action", "Target date", "Revised target date"], [passed, ahead], "D2"],
    [["Ref", "Action", "Due date (revised)", "Due date (original)"], [ahead, passed], "C2"],
    [["Ref", "Action", "Planned end date", "Current end date"], [passed, ahead], "D2"],
    // helper-107: "Revised Date" and "New date" were read as nothing, so the passed original made it overdue.
    [["Ref", "Action", "Target Date", "Revised Date"], [passed, ahead], "D2"],
    [["Ref", "Action", "Due date", "New date"], [passed, ahead], "D2"],
  ] as [string[], Date[], string][])("%j reads %s", (header, dates, cell) => {
    const r = plan(header, [["A1", "Open the new library", ...dates]]);
    expect(rated(r)).toEqual([["A1", cell, "ontrack"]]);
  });

  // helper-108: a note on the revision, or an officer "responsible for completion", is no due date.
  test.each([
    [["Ref", "Action", "Target date", "Revised target date", "Reason for revised date"], "D2", "ontrack"],
    [["Ref", "Action", "Due date", "New due date", "Reason for new date"], "D2", "ontrack"],
    [["Ref", "Action", "Target Date", "Revised Date", "Explanation for revised date"], "D2", "ontrack"],
  ] as [string[], string, string][])("%j reads %s", (header, cell, status) => {
    const r = plan(header, [["A1", "Open the new library", passed, ahead, "Contractor delay"]]);
    expect(rated(r)).toEqual([["A1", cell, status]]);
  });

  // helper-110: a percentage planned, or a delivery date left blank, is no due date; the Due Date stands.
  test.each([
    [["Ref", "Action", "Planned Completion (%)", "Due Date", "RAG"], [0.75]],
    [["Ref", "Action", "Delivery date", "Target date", "RAG"], [null]],
  ] as [string[], CellValue[]][])("%j: the due date is read", (header, before) => {
    const r = plan(header, [["A1", "Open the new library", ...before, passed, "Green"]]);
    expect(rated(r)).toEqual([["A1", "D2", "overdue"]]);
  });

  test("a KPI's lone 'Revised date' beside its target keeps an indicator table", () => {
    const r = plan(["Ref", "Indicator", "Target", "Revised date", "RAG"], [["A1", "Households in temporary accommodation", 120, passed, "Green"]]);
    expect(r.result.rated[0].record.kind).toBe("indicator");
  });

  test("'Officer responsible for completion' is no due date", () => {
    const r = plan(["Ref", "Action", "Officer responsible for completion", "Target date", "RAG"], [["A1", "Open the new library", "J Smith", passed, "Green"]]);
    expect(rated(r)).toEqual([["A1", "D2", "overdue"]]);
  });

  // helper-107: dates under these were no due date ("… for completion" read as progress, and "not a percentage").
  test.each(["Date for completion", "Target for completion"])("%s is the due date", (header) => {
    const r = plan(["Ref", "Action", header, "RAG"], [["A1", "Open the new library", passed, "Green"]]);
    expect({ rated: rated(r), notes: r.result.rated[0].rating.quality?.map((q) => q.text) ?? [] }).toEqual({ rated: [["A1", "C2", "overdue"]], notes: [] });
  });

  test.each([["Due date", "Forecast completion date"], ["Target date", "Latest forecast completion date"], ["Due date", "Current forecast end date"]])("a forecast is no revision: %s stands beside %s", (due, forecast) => {
    const r = plan(["Ref", "Action", due, forecast], [["A1", "Open the new library", d("2010-09-30"), d("2011-06-30")]]);
    expect(rated(r)).toEqual([["A1", "C2", "overdue"]]);
  });

  test("'Revised agreed due date' revises 'Agreed due date'", () => {
    const r = plan(["Ref", "Action", "Agreed due date", "Revised agreed due date"], [["A1", "Open the new library", d("2010-09-30"), d("2011-06-30")]]);
    expect(rated(r)).toEqual([["A1", "D2", "ontrack"]]);
  });

  // helper-93: no data, and "not a date", where the original date was there to read.
  test.each(["N/A", "-", "No change", "TBC", "See comment"])("a revision of %j leaves the original date", (text) => {
    const r = plan(["Ref", "Action", "Original Due Date", "Revised Due Date"], [["A1", "Review fees", d("2010-09-30"), text]]);
    expect({ rated: rated(r), notes: r.result.rated[0].rating.quality?.map((q) => q.text) ?? [] }).toEqual({ rated: [["A1", "C2", "overdue"]], notes: [] });
  });
});

// helper-107: an action plan's "Current Position" is its progress in words, not a figure: the table is
// read as actions, rated on their due dates, and the position is the update shown in the pack.
describe("an action plan with a Current Position column", () => {
  const run = (header: string[], rows: CellValue[][]) =>
    runScorecard([grid("Actions", [header, ...rows])], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" });

  test.each(["Current Position", "Position", "Performance", "Latest position"])("%s beside a Target Date: an activity, overdue", (position) => {
    const r = run(["Ref", "Action", "Lead Officer", "Target Date", position, "RAG"], [["A1", "Open the new library", "J Smith", d("2010-09-30"), "Delayed by the contractor; opening now planned for spring", "Green"]]);
    const [x] = r.result.rated;
    expect({ kind: x.record.kind, status: x.rating.status, checked: x.rating.checks.length > 0, comment: x.record.comment?.value, problems: r.result.problems.filter((p) => p.severity === "error").length }).toEqual({
      kind: "activity",
      status: "overdue",
      checked: true,
      comment: "Delayed by the contractor; opening now planned for spring",
      problems: 0,
    });
  });

  // helper-108: the position says how far the action has got, where it does; prose is the update only.
  test.each([
    ["Complete", "completed"],
    ["Cancelled", "cancelled"],
    ["Completed - fees approved by Cabinet", "completed"],
    ["Delayed by the contractor", "overdue"],
    // helper-109: a full stop, a closing that says the work is done, a phase named in capitals.
    ["Completed.", "completed"],
    ["On hold.", "cancelled"],
    ["Closed - objectives achieved", "completed"],
    ["Completed (Phase 1)", "overdue"],
    ["COMPLETED - STAGE 1", "overdue"],
    // helper-110: a completion told in the past tense, with when or how.
    ["Completed on time", "completed"],
    ["Completed in September 2010", "completed"],
    ["Completed 30/09/2010", "completed"],
    ["Action completed", "completed"],
    ["Delivered", "completed"],
    ["Complete by 31/03/2011", "overdue"],
    // helper-107's sentence naming a date is words, not a figure.
    ["Complete. Strategy adopted by Cabinet 14 September 2010.", "completed"],
    // helper-110's second look: how it was done, a slash, "&", "is complete".
    ["Completed within budget", "completed"],
    ["Completed and handed over", "completed"],
    ["Completed/Closed", "completed"],
    ["Complete & now BAU", "completed"],
    ["This action is complete", "completed"],
    ["Target achieved", "completed"],
    ["Implemented", "completed"],
    ["Complete as of 30/09/2010", "completed"],
    ["Consultation completed", "overdue"],
    ["Completed consultation, report due in March", "overdue"],
  ])("a position of %j is read: %s", (position, status) => {
    const r = run(["Ref", "Action", "Target Date", "Current Position", "RAG"], [["A1", "Review fees", d("2010-09-30"), position, "Green"]]);
    expect([r.result.rated[0].record.kind, r.result.rated[0].rating.status, r.result.problems.length]).toEqual(["activity", status, 0]);
  });

  // helper-110: figures under the position ("100% complete", 1 formatted 0%, "250", "85%") keep the register's
  // indicators, rated as before on the officer's rating: an action plan is one whose position is in words.
  test.each([["100% complete"], [1], ["250"], ["85%"]] as [CellValue][])("a position of %j keeps an indicator table", (position) => {
    const r = run(["Ref", "Action", "Target Date", "Current Position", "RAG"], [["A1", "Review fees", d("2010-09-30"), position, "Green"], ["A2", "Open the library", d("2011-06-30"), "Delayed by the contractor", "Amber"]]);
    expect(r.result.rated.map((x) => x.record.kind)).toEqual(["indicator", "indicator"]);
  });

  test("live: a figure typed over the last words of a position reads the sheet again", () => {
    const tracker = grid("Actions", [["Ref", "Action", "Target Date", "Current Position", "RAG"], ["A1", "Review fees", d("2010-09-30"), "Delayed", "Green"]]);
    const { session } = startLive([tracker], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" });
    expect(applyEdits(session, [{ sheet: "Actions", row: 1, col: 3, value: "85%" }]).kind).toBe("rescan");
  });

  test("the pack shows a position read as progress once, as the update", () => {
    const r = run(["Ref", "Action", "Target Date", "Current Position", "RAG"], [["A1", "Review fees", d("2010-09-30"), "Complete", "Green"], ["A2", "Open the library", d("2011-06-30"), "Delayed by the contractor", "Green"]]);
    const rows = summarise(r.result, r.scheme, {}).groups.flatMap((g) => g.activities).map((a) => [a.progress, a.update]);
    expect(rows).toEqual([["", "Complete"], ["", "Delayed by the contractor"]]);
  });

  test("beside a Comments column the comments stay the update", () => {
    const r = run(["Ref", "Action", "Due date", "Current Position", "Comments"], [["A1", "Open the new library", d("2011-06-30"), "On site", "Builder appointed"]]);
    expect([r.result.rated[0].record.kind, r.result.rated[0].record.comment?.value, r.result.rated[0].rating.status]).toEqual(["activity", "Builder appointed", "ontrack"]);
  });

  test.each([
    [["Ref", "Indicator", "Due date", "Current Position"], "an indicator's name"],
    [["Ref", "Action", "Target", "Due date", "Current Position"], "a target beside it"],
    [["Ref", "Action", "Due date", "Actual"], "a figure's own header"],
  ])("%j stays an indicator table (%s)", (header) => {
    const r = run(header as string[], [["A1", "Households in temporary accommodation", ...header.slice(2).map(() => 12)]]);
    expect(r.result.rated[0].record.kind).toBe("indicator");
  });
});

// helper-107: "Target" in an action plan is often the target date.
describe("an action plan whose Target column holds dates", () => {
  const run = (rows: CellValue[][], header = ["Ref", "Action", "Lead Officer", "Target", "Status", "Comments"]) =>
    runScorecard([grid("Actions", [header, ...rows])], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" });
  const read = (r: ReturnType<typeof run>) => r.result.rated.map((x) => [x.record.kind, x.rating.status, x.rating.checks.length > 0]);

  test("dates and months under Target are due dates", () => {
    const r = run([
      ["A1", "Open the new library", "J Smith", "September 2010", "Green", ""],
      ["A2", "Review fees", "K Jones", d("2011-03-31"), "Green", ""],
      ["A3", "Adopt the plan", "K Jones", "TBC", "Amber", ""],
    ]);
    expect(read(r)).toEqual([["activity", "overdue", true], ["activity", "ontrack", false], ["activity", "warning", false]]);
  });

  test.each([
    [[["P1", "Review fees", "J Smith", "95%", "Green", ""]], "a percentage"],
    [[["P1", "Review fees", "J Smith", 120, "Green", ""]], "a number"],
    [[["P1", "Open the new library", "J Smith", "September 2010", "Green", ""], ["P2", "Review fees", "K Jones", "95%", "Green", ""]], "a date and a figure"],
  ] as [CellValue[][], string][])("%j stays an indicator table (%s)", (rows) => {
    expect(run(rows).result.rated.every((x) => x.record.kind === "indicator")).toBe(true);
  });

  // helper-109: a word that is a target ("Increase", "Yes") keeps it an indicator table; a date to come does not.
  test.each([["Increase"], ["Yes"], ["Reduce"]])("a target of %j beside a date stays an indicator table", (word) => {
    const r = run([["P1", "Open the new library", "J Smith", "September 2010", "Green", ""], ["P2", "Cut waste", "K Jones", word, "Green", ""]]);
    expect(r.result.rated.map((x) => x.record.kind)).toEqual(["indicator", "indicator"]);
  });

  // helper-109: live colours follow the column as a full run reads it, both ways.
  test.each([
    ["a figure corrected to a date", "95%", "31/03/2011"],
    ["a date replaced by a figure", "31/03/2011", "95%"],
    ["a figure cleared", "95%", null],
  ] as [string, CellValue, CellValue][])("live: %s rescans", (_what, before, after) => {
    const tracker = grid("Actions", [["Ref", "Project", "Lead Officer", "Target", "Status", "Comments"], ["P1", "Open the new library", "J Smith", "September 2010", "Green", ""], ["P2", "Review fees", "K Jones", before, "Green", ""]]);
    const { session } = startLive([tracker], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" });
    expect(applyEdits(session, [{ sheet: "Actions", row: 2, col: 3, value: after }]).kind).toBe("rescan");
  });

  test("live: a date typed over a date rescans nothing", () => {
    const tracker = grid("Actions", [["Ref", "Project", "Lead Officer", "Target", "Status", "Comments"], ["P1", "Open the new library", "J Smith", "September 2010", "Green", ""]]);
    const { session } = startLive([tracker], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" });
    expect(applyEdits(session, [{ sheet: "Actions", row: 1, col: 3, value: "31/03/2011" }]).kind).not.toBe("rescan");
  });

  test("a KPI list is not an action plan, whatever its targets", () => {
    const r = run([["P1", "Households in temporary accommodation", "J Smith", "September 2010", "Green", ""]], ["Ref", "Indicator", "Lead Officer", "Target", "Status", "Comments"]);
    expect(r.result.rated[0].record.kind).toBe("indicator");
  });
});

// helper-112: "When", "Timeframe", "Key dates" and "What" are the plan's only where nothing firmer is.
describe("loose headers beside firm ones", () => {
  const options = { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" };
  const run = (rows: CellValue[][]) => runScorecard([grid("Plan", rows)], options);

  test.each([
    ["Timeframe", "2010/11"],
    ["Timeframe", "Short term"],
    ["When", "Quarterly"],
    ["Key dates", "Consultation Jan; adoption Mar"],
    ["Implementation date", "April 2011"],
  ])("a %s of %j beside a Target Date: the target date is the due date", (loose, value) => {
    const r = run([["Action", loose, "Lead Officer", "Target Date", "RAG"], ["Adopt the Local Plan", value, "J Smith", d("2010-09-30"), "Green"]]);
    expect(r.result.rated.map((x) => [x.rating.status, x.record.due?.value])).toEqual([["overdue", d("2010-09-30")]]);
  });

  // helper-113: where the firmer date holds none, the loose one is read; a revision alone is not firmer.
  test.each([
    [["Action", "When", "Lead Officer", "Target Date", "RAG"], [d("2010-09-30"), null]],
    [["Action", "Timeframe", "Lead Officer", "Deadline", "RAG"], [d("2010-09-30"), ""]],
    [["Action", "When", "Lead Officer", "Revised date", "RAG"], [d("2010-09-30"), null]],
  ] as [string[], CellValue[]][])("%j: the loose date where the other holds none", (header, [loose, firm]) => {
    const r = run([header, ["Adopt the Local Plan", loose, "J Smith", firm, "Green"]]);
    expect(r.result.rated.map((x) => x.rating.status)).toEqual(["overdue"]);
  });

  // helper-114: a word in the firmer date is the officer's; KPI tables with a loose header read as they did.
  test.each([["Complete"], ["Ongoing"]])("a Target Date of %j stands: the When beside it is not read", (word) => {
    const r = run([["Action", "When", "Lead Officer", "Target Date", "RAG"], ["Adopt the Local Plan", d("2010-09-30"), "J Smith", word, "Green"]]);
    expect(r.result.rated.map((x) => [x.rating.status, x.record.due?.value])).toEqual([["ontrack", word]]);
  });

  test.each([
    [["Measure", "Timeframe", "Target", "Actual"], ["Visits", "Quarterly", 100, 120]],
    [["Project", "What", "Target", "Actual"], ["Leisure", "Visits", 100, 120]],
  ] as [string[], CellValue[]][])("%j stays a KPI table", (header, row) => {
    expect(run([header, row]).result.rated.map((x) => [x.record.kind, x.record.name])).toEqual([["indicator", row[0]]]);
  });

  test("with a Target Date and a blank Revised Date, the Target Date stands, and When only where both are blank (helper-115)", () => {
    const r = run([
      ["Action", "Lead", "When", "Target Date", "Revised Date", "RAG"],
      ["Adopt plan", "J Smith", d("2010-06-30"), d("2011-03-31"), null, "Green"],
      ["Review fees", "K Jones", d("2010-06-30"), null, null, "Green"],
    ]);
    expect(r.result.rated.map((x) => x.rating.status)).toEqual(["ontrack", "overdue"]);
  });

  test("\"Action | Timeframe\" with no rating is an action plan; \"What | Who | When | How\" is not", () => {
    expect(run([["Action", "Lead Officer", "Timeframe"], ["Adopt the Local Plan", "J Smith", d("2010-09-30")]]).result.rated.map((x) => x.rating.status)).toEqual(["overdue"]);
    expect(run([["What", "Who", "When", "How"], ["Adopt the Local Plan", "J Smith", d("2010-09-30"), "Consultation"]]).result.rated).toEqual([]);
  });

  test("\"What\" beside an indicator's name is another column, and the KPIs are read", () => {
    const r = run([["Ref", "Indicator", "What", "Polarity", "Target", "Actual"], ["PI1", "NI 14", "Avoidable contact", "Lower is better", 30, 35]]);
    expect(r.result.rated.map((x) => [x.record.kind, x.record.name, x.rating.status])).toEqual([["indicator", "NI 14", "red"]]);
  });

  test.each([
    [["What", "When", "Where"], ["Q2 report to Scrutiny", d("2010-11-20"), "Council Chamber"]],
    [["Who", "What", "When"], ["J Smith", "Data returns", "Monthly"]],
  ])("%j alone is no action plan", (header, row) => {
    expect(run([header, row]).result.rated).toEqual([]);
  });

  test("a Complete column of the dates the work was done is no due date", () => {
    const r = run([["Action", "Lead Officer", "Complete", "RAG"], ["Adopt the Local Plan", "J Smith", d("2010-08-15"), "Green"]]);
    expect(r.result.rated.map((x) => [x.rating.status, x.record.due?.value ?? null])).toEqual([["ontrack", null]]);
  });
});

// "Completion" heads a percentage in some plans and a date in others: dates under it, with no other due
// date, are the due date (each was "not a percentage", and an overdue action kept its officer's Green).
describe("a Completion column of dates", () => {
  const options = { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" };
  const header = ["Ref", "Action", "Lead Officer", "Completion", "RAG"];
  const run = (values: CellValue[], head = header) =>
    runScorecard([grid("Plan", [head, ...values.map((v, i): CellValue[] => [`A${i + 1}`, `Action ${i + 1}`, "J Smith", v, "Green"])])], options);
  const read = (r: ReturnType<typeof run>) => r.result.rated.map((x) => [x.rating.status, x.record.due?.value ?? null, x.record.progress?.value ?? null]);

  test("dates and months are due dates", () => {
    expect(read(run([d("2010-09-30"), "March 2011"]))).toEqual([["overdue", d("2010-09-30"), null], ["ontrack", "March 2011", null]]);
  });

  test.each([
    [[0.5, d("2011-03-31")], "a fraction among them"],
    [["50%", "March 2011"], "a percentage among them"],
  ] as [CellValue[], string][])("%j stays progress (%s)", (values) => {
    expect(read(run(values)).map((x) => x[2])).toEqual(values);
  });

  test("beside a Due Date it stays progress", () => {
    const r = runScorecard([grid("Plan", [["Ref", "Action", "Due Date", "Completion", "RAG"], ["A1", "Action 1", d("2011-03-31"), d("2010-09-30"), "Green"]])], options);
    expect(read(r)).toEqual([["ontrack", d("2011-03-31"), d("2010-09-30")]]);
  });

  test.each([
    ["a percentage typed over the last date", "50%"],
    ["a date typed over the last figure", "31/03/2011"],
  ])("live: %s rescans", (_what, value) => {
    const start = value === "50%" ? [d("2010-09-30"), "March 2011"] : [0.5, "March 2011"];
    const rows = [header, ...start.map((v, i): CellValue[] => [`A${i + 1}`, `Action ${i + 1}`, "J Smith", v, "Green"])];
    const { session } = startLive([grid("Plan", rows)], options);
    const at = value === "50%" ? 2 : 1;
    const edits = value === "50%" ? [{ sheet: "Plan", row: 1, col: 3, value: "25%" }, { sheet: "Plan", row: at, col: 3, value }] : [{ sheet: "Plan", row: at, col: 3, value }];
    expect(applyEdits(session, edits).kind).toBe("rescan");
  });
});

// An action plan rated quarter by quarter: "Q1 | Q2 | Q3 | Q4" holding G, A or R are the officer's ratings, as
// "Q1 RAG … Q4 RAG" are (read as figures, every action was "Data only" with an unreadable figure per quarter).
describe("an action plan with a RAG rating under each quarter", () => {
  const options = { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" };
  const rows: CellValue[][] = [
    ["A1", "Adopt the Local Plan", "J Smith", d("2010-09-30"), "G", "A", "R", null],
    ["A2", "Review fees and charges", "K Jones", d("2011-03-31"), "G", "G", "G", null],
    ["A3", "Open the new leisure centre", "P Brown", "March 2011", "A", "Green", "n/a", null],
  ];
  const run = (header: string[], body = rows) => runScorecard([grid("Actions", [header, ...body])], options);
  const read = (r: ReturnType<typeof run>) => r.result.rated.map((x) => [x.record.kind, x.rating.status, x.record.manual?.value ?? null]);

  test.each([["Target Date"], ["Timescale"], ["Due Date"], ["Target"]])("beside a %s column: activities, the report's quarter the officer's rating", (due) => {
    expect(read(run(["Ref", "Action", "Lead Officer", due, "Q1", "Q2", "Q3", "Q4"]))).toEqual([
      ["activity", "overdue", "R"],
      ["activity", "ontrack", "G"],
      ["activity", "ontrack", "n/a"],
    ]);
  });

  // helper-111: a later quarter's rating typed early is not the report's; nor is it for an earlier report.
  test.each([
    ["Q3 2010/11", ["R", "G", "n/a"], "Q4"],
    ["Q2 2010/11", ["A", "G", "Green"], "Q3"],
  ])("a %s report rates its own quarter, and says the later one was not used", (period, manual, later) => {
    const body = rows.map((r, i) => (i === 0 ? [...r.slice(0, 7), "G"] : r));
    const r = runScorecard([grid("Actions", [["Ref", "Action", "Lead Officer", "Due Date", "Q1", "Q2", "Q3", "Q4"], ...body])], { ...options, period });
    expect(r.result.rated.map((x) => x.record.manual?.value)).toEqual(manual);
    expect(r.result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining(`"${later}" has ratings for a period after the report's ${period}: they were not used`));
  });

  test("every preset's own ratings, a done word and a formula's error count as ratings", () => {
    const body: CellValue[][] = [
      ["A1", "Adopt the Local Plan", "J Smith", d("2010-09-30"), "\u2605", "\u25cf", "\u25b2", null],
      ["A2", "Review fees and charges", "K Jones", d("2011-03-31"), "G - on track", { error: "#N/A" }, "Complete", null],
      ["A3", "Open the new leisure centre", "P Brown", d("2011-03-31"), "Yellow", "Orange", "G", null],
    ];
    expect(run(["Ref", "Action", "Lead Officer", "Due Date", "Q1", "Q2", "Q3", "Q4"], body).result.rated.map((x) => x.record.kind)).toEqual(["activity", "activity", "activity"]);
  });

  test("months work as quarters do", () => {
    const r = run(["Ref", "Action", "Lead Officer", "Due Date", "Oct", "Nov", "Dec", "Jan"]);
    expect(read(r).map((x) => x[2])).toEqual(["R", "G", "n/a"]);
  });

  test.each([
    [["Ref", "Indicator", "Lead Officer", "Target Date", "Q1", "Q2", "Q3", "Q4"], rows, "a KPI list"],
    [["Ref", "Action", "Lead Officer", "Target", "Q1", "Q2", "Q3", "Q4"], rows.map((r) => [...r.slice(0, 3), "95%", ...r.slice(4)]), "a target of figures"],
    [["Ref", "Action", "Lead Officer", "Due Date", "Q1", "Q2", "Q3", "Q4"], rows.map((r, i) => (i === 0 ? [...r.slice(0, 5), "50%", ...r.slice(6)] : r)), "a figure among the ratings"],
  ] as [string[], CellValue[][], string][])("%j stays an indicator table (%s)", (header, body) => {
    expect(run(header, body).result.rated.every((x) => x.record.kind === "indicator")).toBe(true);
  });

  test.each([
    ["a figure typed over a rating", "50%", "rescan"],
    ["a rating typed over a rating", "A", "not"],
  ])("live: %s", (_what, value, expected) => {
    const { session } = startLive([grid("Actions", [["Ref", "Action", "Lead Officer", "Due Date", "Q1", "Q2", "Q3", "Q4"], ...rows])], options);
    const kind = applyEdits(session, [{ sheet: "Actions", row: 1, col: 6, value }]).kind;
    if (expected === "rescan") expect(kind).toBe("rescan");
    else expect(kind).not.toBe("rescan");
  });

  test("live: ratings typed over the figures of a quarter make the table an action plan again", () => {
    const body = rows.map((r, i) => (i === 0 ? [...r.slice(0, 5), "50%", ...r.slice(6)] : r));
    const { session } = startLive([grid("Actions", [["Ref", "Action", "Lead Officer", "Due Date", "Q1", "Q2", "Q3", "Q4"], ...body])], options);
    expect(applyEdits(session, [{ sheet: "Actions", row: 1, col: 5, value: "A" }]).kind).toBe("rescan");
  });
});

// "Project | Milestone", "Action | Task": two name columns, the left one naming what holds the other's records.
// The header was refused ("both name its records") and the whole plan left out; the left one is their group.
describe("a name column grouping another", () => {
  const options = { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" };
  const run = (rows: CellValue[][]) => runScorecard([grid("Plan", rows)], options);
  const groups = (r: ReturnType<typeof run>) => summarise(r.result, r.scheme, {}).groups.map((g) => [g.name, g.activities.map((a) => a.name)]);

  test.each([
    ["Project", "Milestone"],
    ["Action", "Task"],
    ["Project", "Action"],
    ["Key Action", "Milestone"],
  ])("%s | %s: named by the second column, grouped by the first", (outer, inner) => {
    const r = run([
      ["Ref", outer, inner, "Due Date", "RAG"],
      ["M1", "New leisure centre", "Planning consent", d("2010-09-30"), "Green"],
      ["M2", null, "Contractor appointed", d("2011-09-30"), "Green"],
      ["M3", "Town centre", "Consultation", d("2011-06-30"), "Green"],
    ]);
    expect(r.result.rated.map((x) => [x.record.name, x.rating.status])).toEqual([["Planning consent", "overdue"], ["Contractor appointed", "ontrack"], ["Consultation", "ontrack"]]);
    expect(groups(r)).toEqual([["New leisure centre", ["Planning consent", "Contractor appointed"]], ["Town centre", ["Consultation"]]]);
  });

  test("a group typed on a row of its own heads the rows under it", () => {
    const r = run([
      ["Project", "Milestone", "Due Date", "RAG"],
      ["New leisure centre", null, null, null],
      [null, "Planning consent", d("2010-09-30"), "Green"],
      [null, "Contractor appointed", d("2011-09-30"), "Green"],
      ["Town centre", null, null, null],
      [null, "Consultation", d("2011-06-30"), "Green"],
    ]);
    expect(groups(r)).toEqual([["New leisure centre", ["Planning consent", "Contractor appointed"]], ["Town centre", ["Consultation"]]]);
  });

  test("a group's own line, with its dates and rating and no milestone, is a record named by the group", () => {
    const r = run([
      ["Project", "Milestone", "Due Date", "RAG"],
      ["New leisure centre", null, d("2011-03-31"), "Amber"],
      [null, "Planning consent", d("2010-09-30"), "Green"],
    ]);
    expect(r.result.rated.map((x) => [x.record.name, x.rating.status])).toEqual([["New leisure centre", "ontrack"], ["Planning consent", "overdue"]]);
    expect(groups(r)).toEqual([["New leisure centre", ["New leisure centre", "Planning consent"]]]);
  });

  // helper-112: the header printed again at a page break is no group; two tables side by side stay two.
  test("past the header printed again, the group above carries on", () => {
    const r = run([
      ["Project", "Milestone", "Due Date", "RAG"],
      ["New leisure centre", "Planning consent", d("2010-09-30"), "Green"],
      ["Project", "Milestone", "Due Date", "RAG"],
      [null, "Snagging", d("2011-06-30"), "Green"],
    ]);
    expect(groups(r)).toEqual([["New leisure centre", ["Planning consent", "Snagging"]]]);
  });

  // helper-113: a second rating or lead column, a spacer column or "What" under a project keep the plan read.
  test.each([
    [["Project", "Milestone", "Lead Officer", "Lead Member", "Due Date", "Q2 RAG", "Q3 RAG"], ["New leisure centre", "Planning consent", "J Smith", "Cllr Brown", d("2010-09-30"), "G", "G"]],
    [["Project", null, "Milestone", "Due Date", "RAG"], ["New leisure centre", null, "Planning consent", d("2010-09-30"), "Green"]],
    [["Project", "What", "Who", "When", "RAG"], ["New leisure centre", "Planning consent", "J Smith", d("2010-09-30"), "Green"]],
  ] as [(string | null)[], CellValue[]][])("%j is read, grouped by project", (header, row) => {
    const r = run([header, row]);
    expect(r.result.rated.map((x) => [x.record.name, x.rating.status])).toEqual([["Planning consent", "overdue"]]);
    expect(groups(r)).toEqual([["New leisure centre", ["Planning consent"]]]);
  });

  test("a project's own line with only a lead is no record; the header printed again in capitals is no group", () => {
    const r = run([
      ["Project", "Milestone", "Lead", "Due Date", "RAG"],
      ["New leisure centre", null, "J Smith", null, null],
      [null, "Planning consent", "J Smith", d("2010-09-30"), "Green"],
      ["PROJECT", "MILESTONE", "LEAD", "DUE DATE", "RAG"],
      [null, "Snagging", "J Smith", d("2011-06-30"), "Green"],
    ]);
    expect(groups(r)).toEqual([["New leisure centre", ["Planning consent", "Snagging"]]]);
  });

  test("side by side across a blank column, they are two tables, not named", () => {
    const r = run([
      ["Project", "Lead", "Due Date", "RAG", null, "Milestone", "Lead", "Due Date", "RAG"],
      ["New leisure centre", "J Smith", d("2011-03-31"), "Green", null, "Consultation", "K Jones", d("2010-11-30"), "Amber"],
    ]);
    expect(r.result.rated).toEqual([]);
    expect(r.result.problems.map((p) => p.message)).toContainEqual(expect.stringContaining("tables side by side"));
  });

  test.each([
    [["Ref", "Milestone", "Project", "Due Date", "RAG"], "the narrower one first"],
    [["Ref", "Indicator", "Measure", "Target", "Actual"], "two names of one indicator"],
  ])("%j is still refused, and said (%s)", (header) => {
    const r = run([header, ["M1", "Planning consent", "New leisure centre", d("2010-09-30"), "Green"]]);
    expect(r.result.rated).toEqual([]);
    expect(r.result.problems.some((p) => p.message.includes("both name its records"))).toBe(true);
  });
});

// helper-90: "Variance" is a tolerance in some trackers and the actual's difference from target in others.
describe("a Variance column of differences is no tolerance", () => {
  const rows: CellValue[][] = [
    ["P1", "Days to re-let", "Lower is better", 20, 23, 3],
    ["P2", "Days to process claims", "Lower is better", 10, 9, -1],
    ["P3", "Complaints", "Lower is better", 50, 52, 2],
  ];
  const rate = (header: string, body = rows) =>
    runScorecard([grid("PIs", [["Ref", "Indicator", "Polarity", "Target", "Actual", header], ...body])], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" }).result.rated.map((r) => r.rating.status);

  test.each(["Variance", "Variance from target", "Difference"])("%s holding actual minus target: the scheme's 5%% tolerance", (header) => {
    expect(rate(header)).toEqual(["red", "green", "amber"]);
  });

  // The closing note of 6 December: 15 under "Variance %" was 15 days, so 23 against 20 was amber; it is 15%.
  test.each(["Variance %", "Tolerance (%)", "% tolerance"])("'%s' holding bare numbers: each is a percentage of the target", (header) => {
    const tolerances: CellValue[][] = [
      ["P1", "Days to re-let", "Lower is better", 20, 23, 10],
      ["P2", "Tonnes recycled", "Higher is better", 1000, 960, 5],
      ["P3", "Complaints", "Lower is better", 50, 56, 15],
    ];
    expect(rate(header, tolerances)).toEqual(["red", "amber", "amber"]);
  });

  test("differences as a percentage of target are found too", () => {
    expect(rate("Variance %", rows.map((r) => [...r.slice(0, 5), `${(((Number(r[4]) - Number(r[3])) / Number(r[3])) * 100).toFixed(1)}%`]))).toEqual(["red", "green", "amber"]);
  });

  test.each(["Variance (+/-)", "Acceptable Variance"])("%s says it is a tolerance, whatever its figures", (header) => {
    expect(rate(header)).toEqual(["amber", "green", "amber"]);
  });

  test("a Variance column of tolerances stays one", () => {
    expect(rate("Variance", rows.map((r) => [...r.slice(0, 5), 3]))).toEqual(["amber", "green", "amber"]);
  });

  // helper-94: a tolerance of "2%" beside misses of 1% to 4% of the target is no difference.
  test("tolerances in percent stay tolerances: a difference must agree to the precision shown", () => {
    const body: CellValue[][] = [
      ["P1", "Rent collected (%)", "Higher is better", "98%", "97%", "2%"],
      ["P2", "Calls answered (%)", "Higher is better", "90%", "86%", "2%"],
      ["P3", "Fly-tips cleared (%)", "Higher is better", "80%", "77%", "2%"],
    ];
    expect(rate("Variance", body)).toEqual(["amber", "red", "red"]);
    expect(rate("Variance", [["P1", "Calls answered", "Higher is better", 90, 84, "10%"], ["P2", "Visits", "Higher is better", 95, 88, "10%"]])).toEqual(["amber", "amber"]);
  });

  // helper-95: tolerances that happen to equal the miss on a row or two.
  test.each([
    [[["V1", "Visits", "Higher is better", 100, 90, "10%"], ["V2", "Repairs", "Higher is better", 150, 140, "10%"], ["V3", "Inspections", "Higher is better", 80, "n/a", "10%"]], ["amber", "amber", "nodata"]],
    [[["V1", "Days to re-let", "Lower is better", 20, 23, 3], ["V2", "Days to repair", "Lower is better", 10, 12, 2]], ["amber", "amber"]],
    // helper-96: three tolerances each met exactly; a difference would be below zero on some row.
    [[["V1", "A", "Higher is better", 100, 95, 5], ["V2", "B", "Higher is better", 200, 190, 10], ["V3", "C", "Higher is better", 50, 45, 5]], ["amber", "amber", "amber"]],
  ] as [CellValue[][], string[]][])("tolerances equal to the miss by chance stay tolerances (%#)", (body, want) => {
    expect(rate("Variance", body)).toEqual(want);
  });

  test("live colours judge the column again as a full run does", () => {
    const tracker = grid("PIs", [["Ref", "Indicator", "Polarity", "Target", "Actual", "Variance"], ...rows]);
    const { session } = startLive([tracker], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" });
    // The actual changes and its difference is not typed again: the column reads as tolerances once more.
    expect(applyEdits(session, [{ sheet: "PIs", row: 1, col: 4, value: 25 }]).kind).toBe("rescan");
  });
});

// helper-90: "Current Position" holding sentences beside the quarter's figure.
describe("a position column of prose beside an actual is commentary", () => {
  /** Rows whose positions are sentences, as in a real tracker: the position column is commentary, not figures. */
  const PROSE_ROWS: CellValue[][] = [
    ["P0", "Calls answered (%)", "Higher is better", "90%", "92%", "On track; improved after the new triage was put in place in October"],
    ["Pa", "Days to re-let", "Lower is better", 20, 25, "Voids team restructured; 15 properties awaiting repairs"],
    ["Pb", "Complaints answered in time (%)", "Higher is better", "90%", "88%", "Slight dip over the Christmas period, expected to recover"],
    ["Pc", "Missed bins per 100,000", "Lower is better", 50, 45, "Good performance maintained despite the bad weather in December"],
  ];
  const rate = (header: string[], body: CellValue[][]) =>
    runScorecard([grid("PIs", [header, ...body])], { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" }).result.rated.map((r) => [r.record.actual?.cell, r.rating.status, r.record.comment?.text ?? ""]);

  test("the quarter's figure is rated, and the position is the comment", () => {
    const got = rate(
      ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Current Position"],
      [
        ["P1", "Days to re-let", "Lower is better", 20, 23, "Voids team restructured; 15 properties awaiting repairs"],
        ["P2", "Rent collected (%)", "Higher is better", 98, 97, "On track to meet the year-end target of 98%"],
      ],
    );
    expect(got).toEqual([
      ["E2", "red", "Voids team restructured; 15 properties awaiting repairs"],
      ["E3", "amber", "On track to meet the year-end target of 98%"],
    ]);
  });

  test("a position of figures stays the actual", () => {
    const got = rate(["Ref", "Indicator", "Polarity", "Target", "Q2 Actual", "Current Position"], [["P1", "Days to re-let", "Lower is better", 20, 25, 19]]);
    expect(got).toEqual([["F2", "green", ""]]);
  });

  test("beside only last year's outturn, the position is still the figure rated (helper-94)", () => {
    const got = rate(["Ref", "Indicator", "Polarity", "Target", "2009/10 Outturn", "Current Position"], [["P1", "Rent collected (%)", "Higher is better", "95%", "91%", "85% - dip due to staff sickness this quarter"]]);
    expect(got).toEqual([["F2", "red", ""]]);
  });

  // The closing note of 6 December: demoting the position lost the only figure on such a row.
  test("where the quarter's figure is blank, a position that starts with a figure is read for it; one that does not stays no data", () => {
    const got = rate(
      ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Current Position"],
      [
        ["P1", "Rent collected (%)", "Higher is better", "98%", null, "97% provisional at the end of December"],
        ["P2", "Days to re-let", "Lower is better", 20, null, "Awaiting data from the new housing system"],
        ["P3", "Complaints answered in time (%)", "Higher is better", "90%", "92%", "Improved after the new triage was put in place in October"],
        ["P4", "Calls answered (%)", "Higher is better", "90%", null, "Calls rose by 20% in the quarter after the office moved"],
        // helper-97: a figure at the start that is not the period's own.
        ["P5", "Calls answered (%)", "Higher is better", "90%", null, "5% below target due to staff vacancies (provisional)"],
        ["P6", "Calls answered (%)", "Higher is better", "90%", null, "94% at the end of Q2 (provisional); Q3 figure due in late January"],
        ["P7", "Milestones met", "Higher is better", 5, null, "2 of 5 milestones delivered so far, provisional"],
        ["P8", "Calls answered (%)", "Higher is better", "90%", null, "1 April 2011 is when the new system goes live"],
        // helper-98: the target, or a difference, given first.
        ["P9", "Calls answered (%)", "Higher is better", "90%", null, "95% target; provisional figures due in late January"],
        ["P10", "Days to process claims", "Lower is better", 20, null, "3 days (estimated) behind the national average this time"],
        // helper-100: a count of something else, said to be provisional.
        ["P11", "Homes built", "Higher is better", 60, null, "4 posts vacant; figures are provisional"],
        ["P12", "Homes built", "Higher is better", 60, null, "3 draft policies submitted to Cabinet"],
        ["P13", "Budget variance", "Lower is better", 0, null, "£1.2m provisional underspend"],
      ],
    );
    expect(got).toEqual([
      ["F2", "amber", "97% provisional at the end of December"],
      ["E3", "nodata", "Awaiting data from the new housing system"],
      ["E4", "green", "Improved after the new triage was put in place in October"],
      ["E5", "nodata", "Calls rose by 20% in the quarter after the office moved"],
      ["E6", "nodata", "5% below target due to staff vacancies (provisional)"],
      ["E7", "nodata", "94% at the end of Q2 (provisional); Q3 figure due in late January"],
      ["E8", "nodata", "2 of 5 milestones delivered so far, provisional"],
      ["E9", "nodata", "1 April 2011 is when the new system goes live"],
      ["E10", "nodata", "95% target; provisional figures due in late January"],
      ["E11", "nodata", "3 days (estimated) behind the national average this time"],
      ["E12", "nodata", "4 posts vacant; figures are provisional"],
      ["E13", "nodata", "3 draft policies submitted to Cabinet"],
      ["E14", "nodata", "£1.2m provisional underspend"],
    ]);
  });

  // helper-99: read too strictly at first.
  test.each([
    ["97% (provisional, may be revised once validated)", "Q3 Actual", "amber"],
    ["97% (provisional) – on target", "Q3 Actual", "amber"],
    ["97% (estimated) - slightly under target", "Q3 Actual", "amber"],
    ["97.5% provisional, April to December cumulative", "Q3 YTD Actual", "amber"],
    // helper-101: the same said other ways.
    ["97%, provisional, awaiting validation from the housing system", "Q3 Actual", "amber"],
    ["97% – provisional figure, awaiting validation by the service", "Q3 Actual", "amber"],
    ["97% provisional. Slight dip in December due to the bank holidays", "Q3 Actual", "amber"],
    ["97% estimated pending final data from the contractor", "Q3 Actual", "amber"],
    // helper-102: other words for "not final", and "May" as a verb.
    ["97% (est.)", "Q3 Actual", "amber"],
    ["97% (subject to validation)", "Q3 Actual", "amber"],
    ["97% - not yet validated", "Q3 Actual", "amber"],
    ["97% provisional. May be revised once validated", "Q3 Actual", "amber"],
    // helper-103: under an undated actual, a month of the report's quarter.
    ["97% provisional at the end of December", "Actual", "amber"],
    ["97% provisional (Oct–Dec)", "Current Actual", "amber"],
    // helper-106: "as at", as before b46baac.
    ["97% provisional as at 31 December", "Actual", "amber"],
    ["97% provisional as at November", "Q3 Actual", "amber"],
  ])("'%s' under a blank '%s' is read for its figure", (position, header, status) => {
    // Among rows of prose (helper-102: with one row, the position column may be read as the actual column itself).
    const got = runScorecard([grid("PIs", [["Ref", "Indicator", "Polarity", "Target", header, "Current Position"], ...PROSE_ROWS, ["P1", "Rent collected (%)", "Higher is better", "98%", null, position]])], { preset: "rag", period: "Q3 2010/11", today: "2011-01-05" }).result.rated.filter((r) => r.record.ref === "P1").map((r) => [r.record.actual?.cell, r.rating.status]);
    expect(got).toEqual([["F6", status]]);
  });

  // helper-102: a count of something else, a forecast, a placeholder, or a month with no quarter to check it by.
  test.each([
    ["Average days to process new claims", "Lower is better", 20, "15 claims outstanding (provisional)", "Q3 Actual"],
    ["Average days to process new claims", "Lower is better", 20, "5 days late (provisional)", "Q3 Actual"],
    ["Average days to process new claims", "Lower is better", 20, "3 staff vacancies - estimated", "Q3 Actual"],
    ["Average days to process new claims", "Lower is better", 20, "10 working days estimated to clear backlog", "Q3 Actual"],
    ["Homes built", "Higher is better", 60, "4 posts vacant (provisional)", "Q3 Actual"],
    ["Homes built", "Higher is better", 60, "2 schemes delayed, estimated", "Q3 Actual"],
    ["Homes built", "Higher is better", 60, "120 estimated as the year-end outturn", "Q3 Actual"],
    ["Budget variance (£)", "Lower is better", 0, "£1.2m underspend (provisional)", "Q3 Actual"],
    ["Budget variance (£)", "Lower is better", 0, "£250k overspend, provisional", "Q3 Actual"],
    ["Rent collected (%)", "Higher is better", "98%", "3 complaints upheld (provisional)", "Q3 Actual"],
    ["Rent collected (%)", "Higher is better", "98%", "98% estimated at year end", "Q3 Actual"],
    ["Rent collected (%)", "Higher is better", "98%", "98% (estimated outturn)", "Q3 Actual"],
    ["Rent collected (%)", "Higher is better", "98%", "98% (draft target)", "Q3 Actual"],
    ["Rent collected (%)", "Higher is better", "98%", "0% (TBC)", "Q3 Actual"],
    ["Rent collected (%)", "Higher is better", "98%", "97% provisional at the end of September", "Actual"],
  ] as [string, string, CellValue, string, string][])("'%s': '%s' under a blank '%s' is no data", (indicator, polarity, target, position, header) => {
    const got = runScorecard([grid("PIs", [["Ref", "Indicator", "Polarity", "Target", header, "Current Position"], ...PROSE_ROWS, ["P1", indicator, polarity, target, null, position]])], { preset: "rag", period: "Q3 2010/11", today: "2011-01-05" }).result.rated.filter((r) => r.record.ref === "P1").map((r) => [r.record.actual?.cell, r.rating.status]);
    expect(got).toEqual([["E6", "nodata"]]);
  });

  test("the thing the indicator counts, said with what was done, is read: '45 homes completed (provisional)' for 'Homes built'", () => {
    const got = runScorecard([grid("PIs", [["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Current Position"], ...PROSE_ROWS, ["P1", "Homes built", "Higher is better", 60, null, "45 homes completed (provisional)"]])], { preset: "rag", period: "Q3 2010/11", today: "2011-01-05" }).result.rated.filter((r) => r.record.ref === "P1").map((r) => [r.record.actual?.cell, r.rating.status]);
    expect(got).toEqual([["F6", "red"]]);
  });

  test("a provisional figure 'at the end of December' is no Q4 figure (helper-98)", () => {
    const q4 = runScorecard([grid("PIs", [["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Q4 Actual", "Current Position"], ["P1", "Rent collected (%)", "Higher is better", "95%", null, null, "97% provisional at the end of December"]])], {
      preset: "rag",
      period: "Q4 2010/11",
      today: "2011-04-20",
    }).result.rated.map((r) => [r.record.actual?.cell, r.rating.status]);
    expect(q4).toEqual([["F2", "nodata"]]);
  });

  test("alone, a position of sentences is still read for its figure (RULES §3)", () => {
    const got = rate(["Ref", "Indicator", "Polarity", "Target", "Current Position"], [["P1", "Days to re-let", "Lower is better", 20, "23 days, up from 21 last quarter"]]);
    expect(got).toEqual([["E2", "red", ""]]);
  });
});

// helper-90: headings split over the ref and name columns, and a sign-off under the table.
describe("two-cell headings and a sign-off are not records", () => {
  const run = runScorecard(
    [grid("PIs", [
      ["Ref", "Indicator", "Polarity", "Target", "Actual", "Comment"],
      ["Priority 2", "Safer and stronger communities"],
      ["P1", "Days to re-let", "Lower is better", 20, 23, ""],
      ["Theme:", "Housing"],
      ["P2", "Rent collected (%)", "Higher is better", 98, 97, ""],
      ["P3", "New measure: tenancy sustainment", "", "", "", ""],
      [],
      ["Signed:", "J Smith", "", "Date:", "14/01/2011"],
    ])],
    { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" },
  );

  // helper-95: refs that start with a heading's word, and a milestone named "Sign-off", are records.
  test("'Area 3 | Install CCTV' with only its name is a new action, and a 'Sign-off' milestone is rated", () => {
    const plan = runScorecard(
      [grid("Actions", [
        ["Ref", "Action", "Due date", "Status"],
        ["Area 1", "Resurface the car park", d("2011-03-31"), "On track"],
        ["Area 3", "Install CCTV in Market Square"],
        ["Area 4", "Sign-off", d("2010-12-20"), ""],
      ])],
      { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" },
    );
    expect(plan.result.rated.map((r) => [r.record.ref, r.record.priority ?? "", r.rating.status])).toEqual([
      ["Area 1", "", "ontrack"],
      ["Area 3", "", "nodata"],
      ["Area 4", "", "overdue"],
    ]);
  });

  // helper-96: a heading with its lead officer beside it was rated, and the records under it grouped under the heading before.
  test("a heading with its lead officer is a heading; a figure beside a label makes a record", () => {
    const plan = runScorecard(
      [grid("PIs", [
        ["Ref", "Indicator", "Lead officer", "Polarity", "Target", "Actual"],
        ["Priority 1", "A clean and green borough"],
        ["P1", "Fly-tips cleared in 24 hours (%)", "K Lee", "Higher is better", 90, 92],
        ["Priority 2", "Safer communities", "J Smith"],
        ["S1", "Burglaries", "J Smith", "Lower is better", 100, 120],
        ["Priority 3", "Older people supported at home", "M Owen", "Higher is better", 80, 70],
      ])],
      { preset: "rag", period: "Q3 2010/11", reportDate: "2010-12-31", today: "2011-01-05" },
    );
    expect(plan.result.rated.map((r) => [r.record.ref, r.record.priority, r.rating.status])).toEqual([
      ["P1", "Priority 1 A clean and green borough", "green"],
      ["S1", "Priority 2 Safer communities", "red"],
      ["Priority 3", "Priority 2 Safer communities", "red"],
    ]);
  });

  test("the headings group the records under them; a record with only a ref and name stays one", () => {
    expect(run.result.rated.map((r) => [r.record.ref, r.record.priority, r.rating.status])).toEqual([
      ["P1", "Priority 2 Safer and stronger communities", "red"],
      ["P2", "Theme: Housing", "amber"],
      ["P3", "Theme: Housing", "dataonly"],
    ]);
  });
});
