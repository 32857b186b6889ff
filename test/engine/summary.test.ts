// The committee summary model: counts and percentages, committee filter, exceptions, groups, checks, problems.
import { readFileSync } from "fs";
import { join } from "path";
import { CANNOCK, DUDLEY, PRESETS, RAG } from "../../src/engine/scheme/presets";
import { rateActivity, rateIndicator } from "../../src/engine/rate/rate";
import { committeesOf, percentages, summarise } from "../../src/engine/summary/summary";
import { dateText, fieldText, progressText } from "../../src/engine/summary/layout-text";
import { rateWorkbook, type RatedRecord, type WorkbookResult } from "../../src/engine/rate/workbook";
import type { CellValue, Field, Problem, RecordKind, Scheme, SheetGrid, SourceRecord } from "../../src/engine/vocab/types";

const field = (cell: string, value: CellValue, format?: string): Field => ({ cell, value, text: value === null ? "" : String(value), format });

function record(kind: RecordKind, row: number, extra: Partial<SourceRecord> = {}): SourceRecord {
  return { kind, sheet: kind === "indicator" ? "KPIs" : "Actions", row, ref: `${kind[0].toUpperCase()}${row}`, name: `${kind} ${row}`, series: [], earlier: [], comparators: [], ...extra };
}

/** Rated through the real rules, as rateWorkbook does. */
function rate(scheme: Scheme, r: SourceRecord): RatedRecord {
  const rating =
    r.kind === "indicator"
      ? rateIndicator(scheme, { target: r.target?.value, actual: r.actual?.value, polarity: r.polarity?.value, manual: r.manual?.value })
      : rateActivity(scheme, { manual: r.manual?.value, progress: r.progress?.value, due: r.due?.value, reportDate: "2011-12-31" });
  return { record: r, rating };
}

function resultOf(scheme: Scheme, records: SourceRecord[], problems: Problem[] = []): WorkbookResult {
  const rated = records.map((r) => rate(scheme, r));
  const counts: WorkbookResult["counts"] = { indicator: {}, activity: {} };
  for (const kind of ["indicator", "activity"] as const) for (const s of kind === "indicator" ? scheme.indicator : scheme.activity) counts[kind][s.key] = 0;
  for (const { record: r, rating } of rated) counts[r.kind][rating.status]++;
  return { tables: [], rated, problems, counts };
}

const manualActivity = (row: number, manual: string, extra: Partial<SourceRecord> = {}) =>
  record("activity", row, { manual: field(`D${row}`, manual), ...extra });
const indicator = (row: number, target: string, actual: string, extra: Partial<SourceRecord> = {}) =>
  record("indicator", row, { target: field(`C${row}`, target), actual: field(`D${row}`, actual), polarity: field(`E${row}`, "higher"), ...extra });

describe("fixture summaries (seed-cases.json)", () => {
  interface SummaryCase {
    id: string;
    preset: string;
    kind: RecordKind;
    manual: string[];
    expectCounts: Record<string, number>;
    expectPercent: Record<string, number>;
  }
  const fixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "seed-cases.json"), "utf8")) as { summaries: SummaryCase[] };
  test.each(fixture.summaries.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const scheme = PRESETS[c.preset];
    const records = c.manual.map((m, i) => (c.kind === "activity" ? manualActivity(i + 2, m) : record("indicator", i + 2, { manual: field(`D${i + 2}`, m) })));
    const model = summarise(resultOf(scheme, records), scheme, {});
    for (const [key, n] of Object.entries(c.expectCounts)) expect(model.counts[c.kind][key]).toBe(n);
    const byKey = new Map(model.headline[c.kind].statuses.map((s) => [s.key, s]));
    for (const [key, p] of Object.entries(c.expectPercent)) expect(byKey.get(key)?.percent).toBe(p);
    expect(model.headline[c.kind].total).toBe(c.manual.length);
  });
});

describe("percentages: largest remainder, equal counts equal", () => {
  const rows: [rule: string, counts: number[], expected: number[]][] = [
    ["all in one status", [0, 2, 0, 0, 0], [0, 100, 0, 0, 0]],
    ["thirds: equal counts, equal percentages (99 in all)", [1, 1, 1], [33, 33, 33]],
    ["one and two", [1, 2], [33, 67]],
    ["nothing counted: all zero", [0, 0, 0], [0, 0, 0]],
    ["sevenths: all equal, 98 in all", [1, 1, 1, 1, 1, 1, 1], [14, 14, 14, 14, 14, 14, 14]],
    ["Dudley activities 15/11/2/9", [15, 11, 2, 9], [41, 30, 5, 24]],
    ["Broxtowe activities 3/12/1/0/0", [3, 12, 1, 0, 0], [19, 75, 6, 0, 0]],
    ["two equal of eight: both 12% (13% and 12% before)", [1, 1, 6], [12, 12, 75]],
    ["the larger remainder first; a tie the spare point cannot cover goes without", [2, 2, 3], [28, 28, 43]],
  ];
  test.each(rows)("%s", (_rule, counts, expected) => {
    const got = percentages(counts);
    expect(got).toEqual(expected);
    for (let i = 0; i < counts.length; i++) for (let j = 0; j < counts.length; j++) if (counts[i] === counts[j]) expect(got[i]).toBe(got[j]);
    expect(got.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100);
  });
});

describe("counts equal the JSON counts (rateWorkbook on a grid)", () => {
  const kpis: SheetGrid = {
    name: "KPIs",
    values: [
      ["Ref", "Definition", "Target", "Actual", "Polarity", "Comment", "Committee", "Priority"],
      ["PI1", "Overall crimes recorded", "Less than 10,459", "11,428", "Lower is better", "=SUM(A1) is wrong", "Community Safety", "Safer"],
      ["PI2", "Satisfaction", "80%", "79%", "Higher is better", "", "Children's Services", "Safer"],
      ["PI3", "Burglaries", "100", "90", "Lower is better", "", "", "Stronger"],
    ],
  };
  const actions: SheetGrid = {
    name: "Actions",
    values: [
      ["Ref", "Description", "Status", "Update", "Lead officer", "Committee", "Priority"],
      ["A1", "Park Mark Awards", "★", "Going well", "Garry Dean", "community safety", "Safer"],
      ["A2", "Hate crime strategy", "▲", "Late", "Nina Bahia", "Children's Services", "Stronger"],
    ],
  };
  const result = rateWorkbook([kpis, actions], { scheme: DUDLEY, reportDate: "2010-12-31" });
  const recordsFor = (committee: string) =>
    result.rated.filter((r) => !r.record.committee || r.record.committee.toLowerCase() === committee.toLowerCase());

  test("no committee: model counts are result.counts", () => {
    expect(result.rated).toHaveLength(5);
    expect(summarise(result, DUDLEY, {}).counts).toEqual(result.counts);
  });
  test.each([
    ["Community Safety", ["PI1", "PI3", "A1"]],
    ["children's services", ["PI2", "PI3", "A2"]],
  ])("committee %s: counts are those of its records plus records with no committee", (committee, refs) => {
    const model = summarise(result, DUDLEY, { committee });
    const wanted = recordsFor(committee);
    expect(wanted.map((r) => r.record.ref).sort()).toEqual([...refs].sort());
    expect(model.total).toBe(refs.length);
    for (const kind of ["indicator", "activity"] as const) {
      const expected = Object.fromEntries(Object.keys(result.counts[kind]).map((k) => [k, wanted.filter((r) => r.record.kind === kind && r.rating.status === k).length]));
      expect(model.counts[kind]).toEqual(expected);
    }
  });
  test("committeesOf lists each committee once, case ignored, sorted", () => {
    expect(committeesOf(result.rated)).toEqual(["Children's Services", "Community Safety"]);
  });
});

describe("committee filter", () => {
  const records = [
    indicator(2, "100", "120", { committee: "Community Safety" }),
    indicator(3, "100", "120", { committee: "Children's Services" }),
    indicator(4, "100", "120"),
    indicator(5, "100", "120", { committee: "  " }),
    manualActivity(2, "★", { committee: "COMMUNITY SAFETY " }),
  ];
  const result = resultOf(DUDLEY, records);
  const rows: [rule: string, committee: string | undefined, refs: string[]][] = [
    ["no filter: every record", undefined, ["I2", "I3", "I4", "I5", "A2"]],
    ["matching is case-insensitive and trimmed; no-committee records join", "community safety", ["I2", "I4", "I5", "A2"]],
    ["another committee also gets the no-committee records", "Children's Services", ["I3", "I4", "I5"]],
    ["an unknown committee gets only the shared records", "Planning", ["I4", "I5"]],
  ];
  test.each(rows)("%s", (_rule, committee, refs) => {
    const model = summarise(result, DUDLEY, { committee });
    const seen = model.groups.flatMap((g) => [...g.indicators.map((r) => r.ref), ...g.activities.map((r) => r.ref)]);
    expect(seen.sort()).toEqual([...refs].sort());
    expect(model.total).toBe(refs.length);
  });
  test("committeesOf skips blanks and folds case", () => {
    expect(committeesOf(result.rated)).toEqual(["Children's Services", "Community Safety"]);
  });
});

describe("exceptions follow the preset's exception levels", () => {
  const rows: [rule: string, scheme: Scheme, records: SourceRecord[], expected: string[]][] = [
    [
      "dudley: worse-than-target and poor only",
      DUDLEY,
      [indicator(2, "100", "120"), indicator(3, "100", "97"), indicator(4, "100", "50"), manualActivity(2, "★"), manualActivity(3, "●"), manualActivity(4, "▲")],
      ["I4:worse", "A4:poor"],
    ],
    [
      "cannock: attention, amendment and aborted, worst first",
      CANNOCK,
      ["completed", "▶", "yellow", "orange", "aborted"].map((m, i) => manualActivity(i + 2, m)),
      ["A5:amendment", "A4:attention", "A6:aborted"],
    ],
    ["rag: amber and red indicators", RAG, [indicator(2, "100", "97"), indicator(3, "100", "50"), indicator(4, "100", "100")], ["I3:red", "I2:amber"]],
    ["none: an empty list", DUDLEY, [indicator(2, "100", "120")], []],
  ];
  test.each(rows)("%s", (_rule, scheme, records, expected) => {
    const model = summarise(resultOf(scheme, records), scheme, {});
    expect(model.exceptions.map((e) => `${e.ref}:${e.status}`)).toEqual(expected);
    expect(model.exceptionLevels).toEqual(scheme.exceptionLevels);
  });
  test("an exception carries figures, commentary and lead officer as typed", () => {
    const r = indicator(2, "Less than 7,844", "9,204", { comment: field("F2", "=SUM(A1) is wrong"), lead: "Dawn Hewitt", polarity: field("E2", "lower") });
    const [e] = summarise(resultOf(DUDLEY, [r]), DUDLEY, {}).exceptions;
    expect(e).toMatchObject({ target: "Less than 7,844", actual: "9,204", commentary: "=SUM(A1) is wrong", lead: "Dawn Hewitt", figures: "Target: Less than 7,844; Actual: 9,204" });
  });
});

describe("scorecard groups", () => {
  const records = [
    indicator(2, "100", "120", { priority: "Safer", directorate: "CEX" }),
    manualActivity(2, "★", { priority: "Stronger", directorate: "DUE" }),
    indicator(3, "100", "120", { directorate: "CEX" }),
    indicator(4, "100", "120", { priority: "safer ", directorate: "DUE" }),
  ];
  const result = resultOf(DUDLEY, records);
  const rows: [rule: string, groupBy: "priority" | "directorate", expected: string[]][] = [
    ["by priority, tracker order, case folded, no-priority last", "priority", ["Safer:I2,I4", "Stronger:A2", ":I3"]],
    ["by directorate", "directorate", ["CEX:I2,I3", "DUE:I4,A2"]],
  ];
  test.each(rows)("%s", (_rule, groupBy, expected) => {
    const model = summarise(result, DUDLEY, { groupBy });
    expect(model.groups.map((g) => `${g.name}:${[...g.indicators, ...g.activities].map((r) => r.ref).join(",")}`)).toEqual(expected);
    for (const g of model.groups) expect(g.counts.indicator.total + g.counts.activity.total).toBe(g.indicators.length + g.activities.length);
  });
  test("an indicator row carries earlier actuals and comparators with their labels", () => {
    const r = indicator(2, "100", "120", {
      earlier: [{ label: "08/09 Actual", field: field("F2", "11,428") }, { label: "Q1 Actual", field: field("G2", 2605) }],
      comparators: [{ label: "All England average", field: field("H2", 0.452, "0.0%") }],
    });
    const row = summarise(resultOf(DUDLEY, [r]), DUDLEY, {}).groups[0].indicators[0];
    expect(row.earlier).toEqual([{ label: "08/09 Actual", text: "11,428" }, { label: "Q1 Actual", text: "2,605" }]);
    expect(row.comparators).toEqual([{ label: "All England average", text: "45.2%" }]);
  });
});

describe("status checks and data-quality problems", () => {
  const records = [
    record("activity", 2, { manual: field("D2", "In Progress"), due: field("E2", "Jun-2011"), progress: field("F2", "50%"), committee: "A" }),
    record("activity", 3, { manual: field("D3", "In Progress"), due: field("E3", "Jun-2011"), progress: field("F3", "50%"), committee: "B" }),
  ];
  const problems: Problem[] = [
    { sheet: "Actions", cell: "F2", message: "A2: progress odd", severity: "warning" },
    { sheet: "Actions", cell: "F3", message: "A3: progress odd", severity: "warning" },
    { sheet: "Actions", cell: "A1", message: "header not read", severity: "warning" },
    { sheet: "Scorecard Rules", cell: "", message: "rules sheet unreadable", severity: "error" },
  ];
  const result = resultOf(PRESETS.pentana, records, problems);
  test("checks name the officer's rating cell", () => {
    const model = summarise(result, PRESETS.pentana, { committee: "A" });
    expect(model.checks).toHaveLength(1);
    expect(model.checks[0]).toMatchObject({ ref: "A2", where: "Actions!D2", severity: "check" });
    expect(model.checks[0].message).toContain("Overdue");
  });
  const rows: [rule: string, committee: string | undefined, expected: string[]][] = [
    ["no filter: every problem", undefined, ["Actions!F2", "Actions!F3", "Actions!A1", "Scorecard Rules"]],
    ["committee A: its record's problems and problems tied to no record", "A", ["Actions!F2", "Actions!A1", "Scorecard Rules"]],
  ];
  test.each(rows)("%s", (_rule, committee, expected) => {
    expect(summarise(result, PRESETS.pentana, { committee }).problems.map((p) => p.where)).toEqual(expected);
  });
});

describe("tracker cells as the summary shows them", () => {
  const rows: [rule: string, fn: (f: Field) => string, f: Field, expected: string][] = [
    ["typed text is verbatim", fieldText, field("C2", "Less than 7,844"), "Less than 7,844"],
    ["a formula-like comment stays text", fieldText, field("C2", "=SUM(A1) is wrong"), "=SUM(A1) is wrong"],
    ["a number is grouped", fieldText, field("C2", 11428), "11,428"],
    ["a fraction in a % format is a percentage", fieldText, field("C2", 0.789, "0.0%"), "78.9%"],
    ["a serial in a date format is a date", fieldText, field("C2", 44377, "dd/mm/yyyy"), "30/06/2021"],
    ["progress 0.95 is 95%", progressText, field("F2", 0.95), "95%"],
    ["progress 95 is 95%", progressText, field("F2", 95), "95%"],
    ["progress text is verbatim", progressText, field("F2", "about half"), "about half"],
    ["due as a serial", dateText, field("E2", 44377), "30/06/2021"],
    ["due as a Date", dateText, field("E2", new Date(Date.UTC(2021, 5, 30))), "30/06/2021"],
    ["due typed as text is verbatim", dateText, field("E2", "Jun-2021"), "Jun-2021"],
    ["due shown as its month (Excel's mmm-yy) reads as officers type it", dateText, field("E2", 44348, "mmm-yy"), "Jun-2021"],
    ["a serial in a month format is its month", fieldText, field("C2", 44377, "mmmm yyyy"), "Jun-2021"],
    // 15 December shown "December 2021" is due on the 15th (readDueDate): "Dec-2021" beside Overdue on the 20th
    // would read as due on the 31st (RULES §3), so the summary writes the day the rules rated.
    ["due on another day than the 1st, shown as its month, is written with its day", dateText, field("E2", 44545, "[$-809]mmmm yyyy;@"), "15/12/2021"],
    ["the same as a Date", dateText, field("E2", new Date(Date.UTC(2021, 11, 15)), "mmm-yy"), "15/12/2021"],
    ["a serial on another day in a month format keeps its day", fieldText, field("C2", 44545, "mmmm yyyy"), "15/12/2021"],
  ];
  test.each(rows)("%s", (_rule, fn, f, expected) => expect(fn(f)).toBe(expected));
});

describe("a miss is explained in the tolerance's own units (the reason shown where there is no commentary)", () => {
  const cases: [rule: string, input: { target: string; actual: string; tolerance: string }, status: string, reason: string][] = [
    ["§4.5 points: 2.5 points short of 70%", { target: "70%", actual: "67.5%", tolerance: "2 pts" }, "red", "2.5 points short, beyond the 2-point tolerance"],
    ["§4.5 points: 1 point short is within 2", { target: "70%", actual: "69%", tolerance: "2 pts" }, "amber", "1 point short, within the 2-point tolerance"],
    ["§4.5 absolute: 0.6 short in the measure's units", { target: "10", actual: "9.4", tolerance: "0.5" }, "red", "0.6 short, beyond the tolerance of 0.5"],
    ["§4.5 relative: a share of the target", { target: "1000", actual: "949", tolerance: "5%" }, "red", "5.1% short, beyond the 5% tolerance"],
  ];
  test.each(cases)("%s", (_rule, input, status, reason) => {
    const rating = rateIndicator(RAG, { ...input, polarity: "higher" });
    expect(rating.status).toBe(status);
    expect(rating.reason).toContain(reason);
    const model = summarise({ tables: [], rated: [{ record: indicator(2, input.target, input.actual), rating }], problems: [], counts: { indicator: {}, activity: {} } }, RAG, {});
    expect(model.exceptions[0]?.reason ?? model.groups[0].indicators[0].reason).toContain(reason);
  });
});
