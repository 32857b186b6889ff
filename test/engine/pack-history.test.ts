// The pack remembers (issue 14 item 2): a Last period column beside Status in the exceptions and
// scorecards, "Changes since <last period>" after the exceptions, last period's headline counts;
// and a pack with no previous period exactly as before.
import { PENTANA, RAG } from "../../src/engine/scheme/presets";
import { wrappedLines } from "../../src/engine/sheet-kit/layout-measure";
import { fontOf, STYLES, widthsOf } from "../../src/engine/sheet-kit/layout-style";
import { statusByKey } from "../../src/engine/scheme/schemes";
import { layoutSummary } from "../../src/engine/summary/layout";
import { summarise } from "../../src/engine/summary/summary";
import { summariseWithHistory } from "../../src/engine/summary/history-model";
import { CHANGE_CAPTIONS } from "../../src/engine/summary/layout-changes";
import { OFFICER_MARK } from "../../src/engine/summary/layout-records";
import { activity, cellsOf, field, headerColumns, historyAcross, indicator, META, pack, resultOf, rowOf, type PeriodRun } from "./pack-history-fixture";
import type { SourceRecord } from "../../src/engine/vocab/types";
import type { StaleTable } from "../../src/engine/detect/period-infer";

const scheme = RAG;
const label = (kind: "indicator" | "activity", key: string) => {
  const s = statusByKey(scheme, kind, key);
  if (!s) throw new Error(key);
  return `${s.symbol} ${s.label}`;
};

// Target 100, higher is better: 120 on target, 95 within tolerance, 50 off target.
const FIGURE = { green: 120, amber: 95, red: 50 } as const;
type Colour = keyof typeof FIGURE;
const pi = (n: number, colour: Colour, extra: Partial<SourceRecord> = {}) => indicator(n, 100, FIGURE[colour], extra);

/** Q2: PI 2 green, PI 3 red, PI 4 amber, PI 5 red, PI 9 green (gone by Q3). Q3: PI 2 red, PI 3 green, PI 4 amber, PI 5 red, PI 6 amber (new). */
const Q2: PeriodRun = { period: "Q2 2010/11", records: [pi(2, "green"), pi(3, "red"), pi(4, "amber"), pi(5, "red"), pi(9, "green")] };
const Q3: PeriodRun = {
  period: "Q3 2010/11",
  records: [
    pi(2, "red", { comment: { cell: "F2", value: "Staff vacancies in the team", text: "Staff vacancies in the team" } }),
    pi(3, "green", { comment: { cell: "F3", value: "New contract in place", text: "New contract in place" } }),
    pi(4, "amber"),
    pi(5, "red"),
    pi(6, "amber"),
  ],
};

/** The Last period cell of a record's row in the table whose header is at or above `from`. */
function lastPeriodCells(runs: PeriodRun[], section: string) {
  const { plan } = pack(scheme, runs);
  const { values, styles } = cellsOf(plan);
  const start = rowOf(plan, section, 0);
  // The first header row below the section heading.
  let header = start + 1;
  while (values.get(`${header},0`) !== "Ref") header++;
  const cols = headerColumns(plan, header);
  const last = cols.get("Last period");
  const status = cols.get("Status");
  const cell = (ref: string) => {
    const row = rowOf(plan, ref, 0, header);
    return { text: values.get(`${row},${last}`), fill: styles.get(`${row},${last}`)?.find((s) => s.fill)?.fill };
  };
  // Beside Status: the next header to its right (a status may span two grid columns where the table has room).
  const next = Math.min(...[...cols.values()].filter((c) => c > (status as number)));
  return { cell, last, next };
}

describe("the Last period column", () => {
  const cases: [ref: string, expected: string, fill: string | undefined][] = [
    ["PI 2", label("indicator", "green"), statusByKey(scheme, "indicator", "green")?.fill],
    ["PI 5", label("indicator", "red"), statusByKey(scheme, "indicator", "red")?.fill],
    ["PI 4", label("indicator", "amber"), statusByKey(scheme, "indicator", "amber")?.fill],
    ["PI 6", "New", undefined],
  ];
  test.each(cases)("exceptions: %s shows %s beside Status, coloured as a status cell", (ref, expected, fill) => {
    const { cell, last, next } = lastPeriodCells([Q2, Q3], "Exceptions");
    expect(last).toBe(next);
    expect(cell(ref)).toEqual({ text: expected, fill });
  });
  test.each([...cases, ["PI 3", label("indicator", "red"), statusByKey(scheme, "indicator", "red")?.fill] as const])("scorecards: %s shows %s", (ref, expected, fill) => {
    const { cell, last, next } = lastPeriodCells([Q2, Q3], "Scorecards by priority");
    expect(last).toBe(next);
    expect(cell(ref)).toEqual({ text: expected, fill });
  });
  test("activities' scorecard has the column too, with the activity's status then", () => {
    const runs: PeriodRun[] = [
      { period: "Q2 2010/11", records: [activity(2, "Overdue"), activity(3, "On track")] },
      { period: "Q3 2010/11", records: [activity(2, "On track"), activity(3, "On track"), activity(4, "Overdue")] },
    ];
    const { cell } = lastPeriodCells(runs, "Scorecards by priority");
    // With no due date or progress, each was the officer's own rating in Q2 (RULES §7): marked then, and so here.
    expect(cell("ACT 2").text).toBe(`${label("activity", "overdue")} ${OFFICER_MARK}`);
    expect(cell("ACT 3").text).toBe(`${label("activity", "ontrack")} ${OFFICER_MARK}`);
    expect(cell("ACT 4").text).toBe("New");
  });
  test("every coloured Last period cell carries its symbol and label", () => {
    const { plan } = pack(scheme, [Q2, Q3]);
    const { values, styles } = cellsOf(plan);
    const statusTexts = new Set([...scheme.indicator, ...scheme.activity].map((s) => `${s.symbol} ${s.label}`));
    const fills = new Set([...scheme.indicator, ...scheme.activity].map((s) => s.fill));
    // Below the key (whose swatches are explained beside them): headline, exceptions, changes, scorecards.
    const from = rowOf(plan, "Summary of ratings", 0);
    for (const [key, list] of styles) {
      if (Number(key.split(",")[0]) < from || !list.some((s) => s.fill && fills.has(s.fill) && s.border)) continue;
      const [row, col] = key.split(",").map(Number);
      // A cell merged across into the one on its left shows that one's text.
      const origin = (plan.rowMerges ?? []).find((m) => row >= m.top && row <= m.bottom && col > m.left && col <= m.right);
      const text = values.get(origin ? `${row},${origin.left}` : key);
      expect({ key, ok: typeof text === "string" && [...statusTexts].some((t) => text.startsWith(t)) }).toEqual({ key, ok: true });
    }
  });
  test("the key names the last period", () => {
    const { plan } = pack(scheme, [Q2, Q3]);
    const texts = [...cellsOf(plan).values.values()].filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.startsWith("Last period: each record's status in Q2 2010/11"))).toBe(true);
  });
});

describe("Changes since the last period", () => {
  const three: PeriodRun[] = [
    { period: "Q1 2010/11", records: [pi(2, "red"), pi(3, "green"), pi(7, "red")] },
    { period: "Q2 2010/11", records: [pi(2, "amber"), pi(3, "green"), pi(8, "red")] },
    { period: "Q3 2010/11", records: [pi(2, "green"), pi(3, "red"), pi(7, "red")] },
  ];
  const cases: [name: string, since: string, runs: PeriodRun[], expected: Record<string, string[]>][] = [
    ["two periods", "Q2 2010/11", [Q2, Q3], { worse: ["PI 2"], better: ["PI 3"], new: ["PI 6"], gone: ["PI 9"] }],
    // PI 7 was in Q1, not Q2: new since Q2. PI 8 was in Q2 only: gone. PI 2 amber → green: better.
    ["three periods", "Q2 2010/11", three, { worse: ["PI 3"], better: ["PI 2"], new: ["PI 7"], gone: ["PI 8"] }],
  ];
  test.each(cases)("%s: better, worse, new and gone against %s", (_name, since, runs, expected) => {
    const { model, plan } = pack(scheme, runs);
    expect(model.history?.previousPeriod).toBe(since);
    const byKind: Record<string, string[]> = {};
    for (const c of model.history?.changes ?? []) (byKind[c.change] ??= []).push(c.ref);
    expect(byKind).toEqual(expected);

    const { values } = cellsOf(plan);
    const heading = rowOf(plan, `Changes since ${since}`, 0);
    expect(heading).toBeGreaterThan(rowOf(plan, "Exceptions", 0));
    expect(heading).toBeLessThan(rowOf(plan, "Scorecards by priority", 0));
    for (const [kind, refs] of Object.entries(expected)) {
      const caption = rowOf(plan, `${CHANGE_CAPTIONS[kind as keyof typeof CHANGE_CAPTIONS]} (${refs.length})`, 0, heading);
      const cols = headerColumns(plan, caption + 1);
      for (const [i, ref] of refs.entries()) expect(values.get(`${caption + 2 + i},${cols.get("Ref")}`)).toBe(ref);
    }
  });
  test("each change shows the status then and now, and the officer's commentary", () => {
    const { plan } = pack(scheme, [Q2, Q3]);
    const { values } = cellsOf(plan);
    const heading = rowOf(plan, "Changes since Q2 2010/11", 0);
    const rows: [caption: string, ref: string, was: string, now: string, commentary: string][] = [
      ["Got worse (1)", "PI 2", label("indicator", "green"), label("indicator", "red"), "Staff vacancies in the team"],
      ["Got better (1)", "PI 3", label("indicator", "red"), label("indicator", "green"), "New contract in place"],
      ["New this period (1)", "PI 6", "Not rated", label("indicator", "amber"), ""],
      ["No longer reported (1)", "PI 9", label("indicator", "green"), "Not in the tracker", "No longer in the tracker (last on sheet 'KPIs')."],
    ];
    for (const [caption, ref, was, now, commentary] of rows) {
      const at = rowOf(plan, caption, 0, heading);
      const cols = headerColumns(plan, at + 1);
      expect(values.get(`${at + 2},${cols.get("Ref")}`)).toBe(ref);
      expect(values.get(`${at + 2},${cols.get("Q2 2010/11")}`)).toBe(was);
      expect(values.get(`${at + 2},${cols.get("Q3 2010/11")}`)).toBe(now);
      const text = values.get(`${at + 2},${cols.get("Commentary")}`) as string;
      if (commentary) expect(text).toBe(commentary);
      else expect(text.startsWith("No commentary given")).toBe(true);
    }
    const sentence = [...values.values()].find((v) => typeof v === "string" && v.startsWith("Since Q2 2010/11,"));
    expect(sentence).toBe("Since Q2 2010/11, 1 got worse, 1 got better, 1 is new and 1 is no longer reported. Worst first in each list, with the lead officer's commentary.");
  });
  const kinds: [name: string, header: string, type: boolean, runs: PeriodRun[]][] = [
    ["indicators only", "Indicator", false, [Q2, Q3]],
    ["activities only", "Activity", false, [{ period: "Q2 2010/11", records: [activity(2, "On track")] }, { period: "Q3 2010/11", records: [activity(2, "Overdue")] }]],
    ["both kinds", "Indicator or activity", true, [{ period: "Q2 2010/11", records: [pi(2, "green"), activity(2, "On track")] }, { period: "Q3 2010/11", records: [pi(2, "red"), activity(2, "Overdue")] }]],
  ];
  test.each(kinds)("%s: the lists' name header is %s; a Type column: %s", (_name, header, type, runs) => {
    const { plan } = pack(scheme, runs);
    const start = rowOf(plan, "Changes since Q2 2010/11", 0);
    const caption = Math.min(...[...cellsOf(plan).values].filter(([k, v]) => typeof v === "string" && v.startsWith("Got worse (") && Number(k.split(",")[0]) > start).map(([k]) => Number(k.split(",")[0])));
    const cols = headerColumns(plan, caption + 1);
    expect(cols.get(header)).toBe(1);
    expect(cols.has("Type")).toBe(type);
  });
  // helper-128: as the Exceptions table says (3e0d84b), a blank lead beside named ones reads as no one answerable.
  test("a change with no lead officer beside ones with a lead says 'Not given.'; a record gone, and a list no row names a lead in, stay blank", () => {
    const led = (r: SourceRecord) => ({ ...r, lead: "Jo Bloggs" });
    const leadCells = (runs: PeriodRun[]) => {
      const { plan } = pack(scheme, runs);
      const { values } = cellsOf(plan);
      const heading = rowOf(plan, "Changes since Q2 2010/11", 0);
      const out: Record<string, string | undefined> = {};
      for (const caption of ["Got worse (1)", "Got better (1)", "New this period (1)", "No longer reported (1)"]) {
        const at = rowOf(plan, caption, 0, heading);
        const cols = headerColumns(plan, at + 1);
        out[values.get(`${at + 2},${cols.get("Ref")}`) as string] = cols.has("Lead officer") ? ((values.get(`${at + 2},${cols.get("Lead officer")}`) as string | undefined) ?? "") : undefined;
      }
      return out;
    };
    const q3 = { ...Q3, records: Q3.records.map((r) => (r.ref === "PI 2" ? led(r) : r)) };
    // Each list drops a column empty on all its rows: the gone list has no Lead officer column.
    expect(leadCells([Q2, q3])).toEqual({ "PI 2": "Jo Bloggs", "PI 3": "Not given.", "PI 6": "Not given.", "PI 9": undefined });
    expect(leadCells([Q2, Q3])).toEqual({ "PI 2": undefined, "PI 3": undefined, "PI 6": undefined, "PI 9": undefined });
  });
  test("nothing changed: the section says so in one line", () => {
    const same: PeriodRun = { period: "Q3 2010/11", records: Q2.records };
    const { plan } = pack(scheme, [Q2, same]);
    const { values } = cellsOf(plan);
    const heading = rowOf(plan, "Changes since Q2 2010/11", 0);
    expect(values.get(`${heading + 1},0`)).toBe("No rating has changed since Q2 2010/11, and no record is new or gone.");
  });
  test("a committee's pack lists its own changes, not records gone (their committee is not recorded)", () => {
    const withCommittee = (r: SourceRecord, committee: string) => ({ ...r, committee });
    const runs: PeriodRun[] = [
      { period: "Q2 2010/11", records: [withCommittee(pi(2, "green"), "Safety"), withCommittee(pi(3, "green"), "Housing"), pi(9, "green")] },
      { period: "Q3 2010/11", records: [withCommittee(pi(2, "red"), "Safety"), withCommittee(pi(3, "red"), "Housing")] },
    ];
    const { model } = pack(scheme, runs, { committee: "Safety" });
    expect(model.history?.changes.map((c) => [c.change, c.ref])).toEqual([["worse", "PI 2"]]);
  });
});

describe("a status keeps its symbol beside its word, however long the comment beside it", () => {
  // Where a column is left out the columns are fitted: long comments took the room a status needed
  // ("✓ Satisfactory" is 14 wide, bold), breaking it after the symbol (helper-131).
  const comment = "The service has been affected by staff shortages and the figures this quarter reflect a backlog of cases that built up over the summer while recruitment was under way. ".repeat(2);
  test.each([
    ["the scorecards' Last period", "Scorecards by priority", "Last period", 120],
    ["the changes' status now", "Changes since Q2 2010/11", "Q3 2010/11", 40],
  ] as const)("%s", (_name, section, column, before) => {
    const runs: PeriodRun[] = [
      { period: "Q2 2010/11", records: Array.from({ length: 5 }, (_, i) => indicator(2 + i, 100, before)) },
      { period: "Q3 2010/11", records: Array.from({ length: 5 }, (_, i) => indicator(2 + i, 100, 120, { comment: field(`Z${2 + i}`, comment) })) },
    ];
    const { plan } = pack(PENTANA, runs);
    const header = rowOf(plan, "Ref", 0, rowOf(plan, section, 0));
    const cols = [...headerColumns(plan, header).entries()].sort((a, b) => a[1] - b[1]);
    const at = cols.findIndex(([h]) => h === column);
    const [from, to] = [cols[at][1], cols[at + 1][1] - 1];
    expect(cellsOf(plan).values.get(`${header + 1},${from}`)).toBe("✓ Satisfactory");
    expect(wrappedLines("✓ Satisfactory", widthsOf(from, to), fontOf({ ...STYLES.body, bold: true }))).toBe(1);
  });
});


describe("last period's headline counts", () => {
  const safety = (r: SourceRecord) => ({ ...r, committee: "Safety" });
  const housing = (r: SourceRecord) => ({ ...r, committee: "Housing" });
  const committees: PeriodRun[] = [
    { period: "Q2 2010/11", records: [safety(pi(2, "green")), housing(pi(3, "red")), pi(4, "amber"), safety(pi(9, "red"))] },
    { period: "Q3 2010/11", records: [safety(pi(2, "red")), housing(pi(3, "red")), pi(4, "green")] },
  ];
  test.each([
    // Every record: PI 9 (gone) is counted with the rest.
    ["two periods, every record", [Q2, Q3], undefined, { green: 2, amber: 1, red: 2 }],
    // Safety's pack: PI 2 and PI 4 (no committee) as they were; PI 9 is gone and its committee unknown.
    ["a committee's records only", committees, "Safety", { green: 1, amber: 1 }],
  ] as const)("%s: counted by status from the previous period's entries", (_name, runs, committee, expected) => {
    const { model } = pack(scheme, [...runs], { committee });
    const counts = Object.fromEntries(model.history?.previousHeadline.indicator.statuses.filter((s) => s.count > 0).map((s) => [s.key, s.count]) ?? []);
    expect(counts).toEqual(expected);
  });
});

describe("the headline shows last period's counts under this period's", () => {
  const Q1: PeriodRun = { period: "Q1 2010/11", records: [pi(2, "red")] };
  const cases: [name: string, runs: PeriodRun[], expected: Record<string, string>, total: number][] = [
    ["two periods", [Q2, Q3], { green: "2 (40%)", amber: "1 (20%)", red: "2 (40%)" }, 5],
    ["three periods: the latest before this one", [Q1, Q2, Q3], { green: "2 (40%)", amber: "1 (20%)", red: "2 (40%)" }, 5],
  ];
  test.each(cases)("%s", (_name, runs, expected, total) => {
    const { plan } = pack(scheme, runs);
    const { values } = cellsOf(plan);
    const heading = rowOf(plan, "Summary of ratings", 0);
    const header = heading + 1;
    const cols = headerColumns(plan, header);
    const current = rowOf(plan, "Indicators", 0, header);
    const last = rowOf(plan, "Last period (Q2 2010/11)", 0, header);
    expect(last).toBe(current + 1);
    for (const [key, text] of Object.entries(expected)) expect(values.get(`${last},${cols.get(label("indicator", key))}`)).toBe(text);
    expect(values.get(`${last},${cols.get("Total")}`)).toBe(total);
  });
});

describe("no history: the pack is unchanged", () => {
  test.each([
    ["no history at all", undefined],
    ["a history with only this period", "view"],
  ] as const)("%s", (_name, withView) => {
    const { result, view } = historyAcross(scheme, [Q3]);
    const plain = layoutSummary(summarise(resultOf(scheme, Q3.records), scheme, {}), scheme, META);
    const model = summariseWithHistory(result, scheme, {}, withView ? view : undefined);
    expect(model.history).toBeUndefined();
    const plan = layoutSummary(model, scheme, META);
    expect(plan).toEqual(plain);
    expect(plan.charts).toBeUndefined();
    expect(plan.print?.printArea).toBeUndefined();
    expect([...cellsOf(plan).values.values()]).not.toContain("Last period");
  });
});

describe("Earlier actuals", () => {
  test("a column left blank gets no line: only the figures typed are listed", () => {
    const earlier = [
      { label: "08/09 Actual", field: field("E5", 6.55) },
      { label: "Q1 Actual", field: field("G5", null) },
      { label: "Q2 YTD Actual", field: field("H5", 2.71) },
    ];
    const { plan } = pack(scheme, [{ period: "Q3 2010/11", records: [indicator(5, 5.76, 3.98, { earlier })] }]);
    const texts = [...cellsOf(plan).values.values()].filter((v): v is string => typeof v === "string");
    expect(texts).toContain("08/09 Actual: 6.55\nQ2 YTD Actual: 2.71");
    expect(texts.some((t) => /Q1 Actual:/.test(t))).toBe(false);
  });

  test("a comparator left blank gets no line either (Dudley's 'Met Council Average 2008/09:' with nothing after)", () => {
    const comparators = [
      { label: "All England Average 2008/09", field: field("J5", 6.92) },
      { label: "Met Council Average 2008/09", field: field("K5", null) },
    ];
    const { plan } = pack(scheme, [{ period: "Q3 2010/11", records: [indicator(5, 5.76, 3.98, { comparators })] }]);
    const texts = [...cellsOf(plan).values.values()].filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.startsWith("All England Average 2008/09: 6.92"))).toBe(true);
    expect(texts.some((t) => /Met Council Average/.test(t))).toBe(false);
  });
});

describe("an officer's rating from a sheet still holding an earlier quarter (helper-126)", () => {
  test("'New this period' marks it as the scorecards do, not as this quarter's", () => {
    const runs: PeriodRun[] = [
      { period: "Q2 2010/11", records: [activity(2, "On track")] },
      { period: "Q3 2010/11", records: [activity(2, "On track"), activity(3, "Overdue")] },
    ];
    const stale = [{ sheet: "Actions", firstRow: 2, lastRow: 2, mark: "Q2 figure", ratingMark: "Q2 rating", evidence: { period: { label: "Q2", quarter: 2, startYear: 2010 }, cell: "A1", text: "Quarter 2 return" } }] as unknown as StaleTable[];
    const { plan } = pack(scheme, runs, { stale });
    const { values } = cellsOf(plan);
    const row = rowOf(plan, "ACT 3", 0, rowOf(plan, `${CHANGE_CAPTIONS.new} (1)`, 0));
    const texts = [...values].filter(([k]) => k.startsWith(`${row},`)).map(([, v]) => v);
    expect(texts).toContain(`${label("activity", "overdue")} ${OFFICER_MARK} (Q2 rating)`);
  });
});
