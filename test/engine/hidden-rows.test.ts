// RULES §10 hidden rows: rated and coloured, but left out of the pack's counts and lists unless the
// Scorecard Rules sheet (or the command line) includes them; the pack says how many were left out.
import { toJsonReport } from "../../src/cli/report";
import { PRESETS } from "../../src/engine/scheme/presets";
import { runScorecard } from "../../src/engine/scorecard";
import type { PlanBlock, SheetPlan } from "../../src/engine/vocab/plan";
import type { SheetGrid } from "../../src/engine/vocab/types";

const tracker: SheetGrid = {
  name: "KPIs",
  values: [
    ["Ref", "Indicator", "Polarity", "Target", "Q2 Actual"],
    ["H1", "Shown and met", "Higher", 10, 12],
    ["H2", "Hidden and missed", "Higher", 10, 5],
    ["H3", "Hidden and met", "Higher", 10, 11],
    ["H4", "Shown and missed", "Higher", 10, 2],
  ],
  hiddenRows: [2, 3],
};

const textOf = (plan: SheetPlan | undefined): string =>
  (plan?.blocks ?? []).flatMap((b: PlanBlock) => b.values.flat()).filter((v) => typeof v === "string").join("\n");

function run(extra: { includeHidden?: boolean; rulesSheet?: SheetGrid } = {}) {
  const grids = extra.rulesSheet ? [tracker, extra.rulesSheet] : [tracker];
  return runScorecard(grids, { preset: "rag", period: "Q2 2023/24", today: "2023-10-01", includeHidden: extra.includeHidden });
}

describe("RULES §10 hidden rows", () => {
  test("RULES §10 hidden rows are rated and coloured like any other", () => {
    const r = run();
    expect(r.result.rated.map(({ record, rating }) => [record.ref, record.hidden ?? false, rating.status])).toEqual([
      ["H1", false, "green"],
      ["H2", true, "red"],
      ["H3", true, "green"],
      ["H4", false, "red"],
    ]);
    const colours = r.plans.find((p) => p.sheet === "KPIs");
    expect(colours?.styles.flatMap((s) => s.ranges).some((x) => x.top <= 2 && x.bottom >= 2)).toBe(true);
  });

  test("RULES §10 by default they are left out of counts and lists, and the pack says how many", () => {
    const r = run();
    expect(r.result.counts.indicator).toMatchObject({ green: 1, red: 1 });
    const text = textOf(r.plans.find((p) => p.sheet === "Summary"));
    expect(text).toContain("2 hidden rows were left out");
    expect(text).not.toContain("Hidden and missed");
  });

  test("RULES §10 --json keeps hidden records with hidden: true and counts match the pack", () => {
    const json = toJsonReport(run());
    expect(json.records.map((r) => [r.ref, r.hidden ?? false])).toEqual([
      ["H1", false],
      ["H2", true],
      ["H3", true],
      ["H4", false],
    ]);
    expect(json.counts.indicator).toMatchObject({ green: 1, red: 1 });
  });

  test("RULES §10 --include-hidden counts and lists them", () => {
    const r = run({ includeHidden: true });
    expect(r.result.counts.indicator).toMatchObject({ green: 2, red: 2 });
    const text = textOf(r.plans.find((p) => p.sheet === "Summary"));
    expect(text).toContain("Hidden and missed");
    expect(text).not.toContain("hidden rows were left out");
  });

  test("RULES §10 the Scorecard Rules sheet's Hidden rows setting includes them, and is written back", () => {
    const first = run({ includeHidden: true });
    const rules = first.plans.find((p) => p.sheet === "Scorecard Rules");
    const rulesText = textOf(rules);
    expect(rulesText).toContain("Hidden rows");
    // The rules sheet as written, read back as a grid: "include" survives the round trip.
    const values: (string | number | boolean | null)[][] = [];
    for (const b of rules?.blocks ?? []) b.values.forEach((row, i) => row.forEach((v, j) => ((values[b.row + i] ??= [])[b.col + j] = v)));
    const grid: SheetGrid = { name: "Scorecard Rules", values: values.map((row) => Array.from(row ?? [], (v) => v ?? null)) };
    const again = runScorecard([tracker, grid], { today: "2023-10-01" });
    expect(again.settings.includeHidden).toBe(true);
    expect(again.result.counts.indicator).toMatchObject({ green: 2, red: 2 });
    expect(PRESETS.rag.key).toBe(again.scheme.key);
  });
});

describe("hidden sheets (helper-119: a hidden draft copy was counted, its stale figures listed as exceptions)", () => {
  const visible: SheetGrid = {
    name: "KPIs",
    values: [
      ["Ref", "Indicator", "Polarity", "Target", "Q2 Actual"],
      ["HE 1", "Rent collected", "Higher", 95, 97],
      ["HE 2", "Repairs on time", "Higher", 90, 80],
    ],
  };
  const draft = (visibility: SheetGrid["visibility"]): SheetGrid => ({
    name: "KPIs draft",
    values: [
      ["Ref", "Indicator", "Polarity", "Target", "Q2 Actual"],
      ["HE 1", "Rent collected", "Higher", 95, 90],
      ["HE 2", "Repairs on time", "Higher", 90, 95],
    ],
    ...(visibility ? { visibility } : {}),
  });
  const runWith = (grid: SheetGrid, includeHidden?: boolean) => runScorecard([visible, grid], { preset: "rag", period: "Q2 2023/24", today: "2023-10-01", includeHidden });
  const summaryText = (r: ReturnType<typeof runWith>) => textOf(r.plans.find((p) => p.sheet === "Summary"));

  test("a hidden sheet's records are hidden records: rated and coloured, left out of the counts and lists, and said", () => {
    const r = runWith(draft("hidden"));
    expect(r.result.rated.map(({ record, rating }) => [record.sheet, record.ref, record.hidden ?? false, rating.status])).toEqual([
      ["KPIs", "HE 1", false, "green"],
      ["KPIs", "HE 2", false, "red"],
      ["KPIs draft", "HE 1", true, "red"],
      ["KPIs draft", "HE 2", true, "green"],
    ]);
    expect(r.result.counts.indicator).toMatchObject({ green: 1, red: 1 });
    expect(r.plans.some((p) => p.sheet === "KPIs draft" && p.action === "edit")).toBe(true);
    const text = summaryText(r);
    expect(text).toContain("2 hidden rows were left out");
    expect(text).toContain("on a hidden sheet");
  });

  test("the Hidden rows setting (include) counts a hidden sheet's records too", () => {
    expect(runWith(draft("hidden"), true).result.counts.indicator).toMatchObject({ green: 2, red: 2 });
  });

  test("a very hidden sheet is no tracker: not read, not coloured, not counted", () => {
    const r = runWith(draft("veryHidden"), true);
    expect(r.result.rated.map(({ record }) => record.sheet)).toEqual(["KPIs", "KPIs"]);
    expect(r.plans.some((p) => p.sheet === "KPIs draft")).toBe(false);
    expect(summaryText(r)).not.toContain("hidden rows were left out");
  });

  test("where no shown sheet holds a table (a dashboard fed by a hidden data sheet) the hidden sheets are the report (helper-120)", () => {
    const front: SheetGrid = { name: "Dashboard", values: [["Housing performance, Q2 2023/24"], ["See the charts below."]] };
    const r = runScorecard([front, draft("hidden")], { preset: "rag", period: "Q2 2023/24", today: "2023-10-01" });
    expect(r.result.rated.map(({ record }) => [record.sheet, record.hidden ?? false])).toEqual([
      ["KPIs draft", false],
      ["KPIs draft", false],
    ]);
    expect(r.result.counts.indicator).toMatchObject({ green: 1, red: 1 });
    expect(summaryText(r)).not.toContain("hidden rows were left out");
  });

  test("a hidden draft of a later quarter does not set the report's period (helper-120)", () => {
    const r = runScorecard([titled("Q3", "Performance report Quarter 3 2010/11", 97), titled("Q4 draft", "Performance report Quarter 4 2010/11", 90, "hidden")], { preset: "rag", today: "2011-01-15" });
    expect(r.period?.label).toBe("Q3 2010/11");
    expect(r.periodSource).toMatchObject({ kind: "workbook", sheet: "Q3" });
    // Nor is the draft said to be "marked" in a pack it is not in.
    expect(r.result.problems.filter((p) => p.sheet === "Q4 draft")).toEqual([]);
  });

  test("a table on a very hidden sheet is said not to be read where no other is (a code-kept list beside a tracker is not the officer's to act on)", () => {
    const alone = runScorecard([draft("veryHidden")], { preset: "rag", period: "Q2 2023/24", today: "2023-10-01" });
    expect(alone.result.problems.map((p) => p.message)).toContain("Sheet 'KPIs draft' is very hidden (only code or the VBA editor can show it), so its table was not read.");
    expect(runWith(draft("veryHidden")).result.problems.filter((p) => p.sheet === "KPIs draft")).toEqual([]);
  });

  const titled = (name: string, title: string, actual: number, visibility?: SheetGrid["visibility"]): SheetGrid => ({
    name,
    values: [[title], ["Ref", "Indicator", "Polarity", "Target", "Actual"], ["HE 1", "Rent collected", "Higher", 95, actual]],
    ...(visibility ? { visibility } : {}),
  });

  test("where hidden data sheets are the report, a shown front sheet naming an older template's period does not beat theirs (helper-122)", () => {
    const front: SheetGrid = { name: "Instructions", values: [["How to fill in this template from Q1 2010/11"]] };
    const r = runScorecard([front, titled("Data", "Performance report Quarter 3 2010/11", 97, "hidden")], { preset: "rag", today: "2011-01-15" });
    expect(r.period?.label).toBe("Q3 2010/11");
  });

  test("a hidden cover or settings sheet's title gives the period (helper-121); a left-out hidden table's does not (helper-122)", () => {
    const settings: SheetGrid = { name: "Settings", values: [["Performance report Quarter 3 2010/11"]], visibility: "hidden" };
    expect(runScorecard([titled("KPIs", "Housing indicators", 97), settings], { preset: "rag", today: "2011-01-15" }).period?.label).toBe("Q3 2010/11");
    const draft = titled("Q4 draft", "Performance report Quarter 4 2010/11", 90, "hidden");
    expect(runScorecard([titled("KPIs", "Housing indicators", 97), draft], { preset: "rag", today: "2011-01-15" }).period).toBeUndefined();
  });

  test("a shown sheet is read as before", () => {
    const r = runWith(draft(undefined));
    expect(r.result.counts.indicator).toMatchObject({ green: 2, red: 2 });
  });
});
