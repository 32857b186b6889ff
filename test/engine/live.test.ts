// The incremental engine (issue 13 item 3): an edit re-reads and re-rates only its record, from the
// grid kept in memory, and the writes it returns leave the cells exactly as a full Apply would.
import fc from "fast-check";
import { applyEdits, liveRated, refreshLive, startLive } from "../../src/engine/live";
import { runScorecard } from "../../src/engine/scorecard";
import { parseA1, toA1 } from "../../src/engine/vocab/address";
import type { CellEdit, LiveUpdate } from "../../src/engine/live/types";
import type { CellValue, SheetGrid, TableSpec } from "../../src/engine/vocab/types";
import { applyPlans, applyUpdate, cloneGrids, fullApply, SAMPLES, sampleGrids, setCell, type CellModel } from "./live-model";
import type { SheetPlan } from "../../src/engine/vocab/plan";

const planModel = (plans: SheetPlan[]): CellModel => {
  const model: CellModel = new Map();
  applyPlans(model, plans);
  return model;
};

const loaded = new Map<string, SheetGrid[]>();
beforeAll(async () => {
  for (const s of SAMPLES) loaded.set(s.file, await sampleGrids(s.file));
});
const grids = (file: string) => cloneGrids(loaded.get(file)!);

const DUDLEY = SAMPLES[0];
const DERBY = SAMPLES[2];

/** The column of a table with a role (the rated actual where there are several). */
function column(t: TableSpec, role: string, header?: RegExp): number {
  const c = t.columns.filter((x) => x.role === role && (!header || header.test(x.header)));
  if (!c.length) throw new Error(`no ${role} column in ${t.sheet}`);
  return c[c.length - 1].col;
}

const cellOf = (a1: string) => parseA1(a1)!;

function records(u: LiveUpdate) {
  if (u.kind !== "records") throw new Error(`expected records, got ${JSON.stringify(u)}`);
  return u;
}

describe("what an edit re-rates", () => {
  test("the session's problems and records are the full run's", () => {
    for (const s of SAMPLES) {
      const { session, run } = startLive(grids(s.file), s.options);
      expect(session.problems).toEqual(run.result.problems);
      expect(liveRated(session).map((r) => `${r.record.sheet}!${r.record.row}`)).toEqual(run.result.rated.map((r) => `${r.record.sheet}!${r.record.row}`));
    }
  });

  test("a typed figure re-rates only its record, and writes only its status cells", () => {
    const { session, run } = startLive(grids(DERBY.file), DERBY.options);
    const indicator = run.result.rated.find((r) => r.record.kind === "indicator" && r.record.actual && typeof r.record.target?.value === "number")!;
    const at = indicator.record.row - 1;
    const table = run.result.tables.find((t) => t.sheet === indicator.record.sheet && at >= t.firstRow && at <= t.lastRow)!;
    const u = records(applyEdits(session, [{ sheet: indicator.record.sheet, row: at, col: column(table, "actual"), value: -1e9 }]));
    expect(u.rerated).toEqual([`${indicator.record.sheet}!${indicator.record.row}`]);
    const rows = new Set(u.plans.flatMap((p) => [...p.blocks.map((b) => b.row), ...p.styles.flatMap((g) => g.ranges.flatMap((r) => [r.top, r.bottom]))]));
    expect([...rows]).toEqual([at]);
  });

  test.each([
    ["a cell far right of every table", (g: SheetGrid[]) => ({ sheet: g[0].name, row: 3, col: 60, value: "a note" })],
    ["a cell below everything on a sheet with no table", () => ({ sheet: "No such sheet", row: 2, col: 2, value: 5 })],
    ["the same value again", (g: SheetGrid[]) => ({ sheet: g[0].name, row: 0, col: 0, value: g[0].values[0][0] })],
  ] as [string, (g: SheetGrid[]) => CellEdit][])("%s: nothing to do", (_name, edit) => {
    const g = grids(DERBY.file);
    const { session } = startLive(g, DERBY.options);
    expect(applyEdits(session, [edit(g)])).toEqual({ kind: "none" });
  });

  test("a header edit rescans the header", () => {
    const { session, run } = startLive(grids(DERBY.file), DERBY.options);
    const t = run.result.tables[0];
    expect(applyEdits(session, [{ sheet: t.sheet, row: t.headerRow, col: column(t, "actual"), value: "Something else" }])).toEqual({ kind: "rescan", reason: "header" });
  });

  test("a repeated header row inside a table rescans the header", () => {
    const g = grids(DUDLEY.file);
    const { session } = startLive(g, DUDLEY.options);
    const t = session.sheets.flatMap((s) => s.tables).find((x) => x.repeated.size > 0)!;
    const row = [...t.repeated][0];
    expect(applyEdits(session, [{ sheet: t.spec.sheet, row, col: t.probe.col, value: "Ref." }])).toEqual({ kind: "rescan", reason: "header" });
  });

  // detect/tables.ts: a header printed again under a title naming another year starts another table.
  test("a title naming another year typed over a header printed again rescans the header; a note there does not", () => {
    const H = ["Ref", "Indicator", "Polarity", "Target", "Q1", "Q2", "Q3", "Q4"];
    const values: CellValue[][] = [["Housing performance indicators 2010/11"], H, ["H1", "Days to re-let", "Lower is better", 20, 22, 21, 19, null], [], [], H, ["H1", "Days to re-let", "Lower is better", 22, 25, 24, 23, 30]];
    const start = () => startLive([{ name: "PIs", values: values.map((r) => [...r]) }], { preset: "rag", today: "2011-01-20" }).session;
    expect(applyEdits(start(), [{ sheet: "PIs", row: 4, col: 0, value: "Housing performance indicators 2009/10" }])).toEqual({ kind: "rescan", reason: "header" });
    expect(applyEdits(start(), [{ sheet: "PIs", row: 4, col: 0, value: "Figures checked by the team" }]).kind).not.toBe("rescan");
  });

  test("a cell cleared between such a title and the header, uncovering the title, rescans the header (helper-105)", () => {
    const H = ["Ref", "Indicator", "Polarity", "Target", "Q1", "Q2", "Q3", "Q4"];
    const values: CellValue[][] = [["Housing performance indicators 2010/11"], H, ["H1", "Days to re-let", "Lower is better", 20, 22, 21, 19, null], [], ["Housing performance indicators 2009/10"], ["Lead officer:", "J Bloggs"], H, ["H1", "Days to re-let", "Lower is better", 22, 25, 24, 23, 30]];
    const { session } = startLive([{ name: "PIs", values }], { preset: "rag", today: "2011-01-20" });
    expect(applyEdits(session, [{ sheet: "PIs", row: 5, col: 1, value: null }])).toEqual({ kind: "rescan", reason: "header" });
  });

  test("editing the title the period was read from rescans the period", () => {
    const g = grids(DUDLEY.file);
    const options = { ...DUDLEY.options, reportDate: undefined };
    const { session, run } = startLive(g, options);
    expect(run.periodSource.kind).toBe("workbook");
    const cell = session.periodCell!;
    expect(applyEdits(session, [{ sheet: cell.sheet, row: cell.row, col: cell.col, value: "Quarter 4 2010/11 performance" }])).toEqual({ kind: "rescan", reason: "period" });
  });

  test("a new title above a table that states a later period rescans the period", () => {
    const g = grids(DUDLEY.file);
    const options = { ...DUDLEY.options, reportDate: undefined };
    const { session, run } = startLive(g, options);
    const t = run.result.tables[0];
    // A blank row above the header (not the row just above it, which could join the header as a group row).
    const row = [...Array(t.headerRow - 1).keys()].reverse().find((r) => (g.find((x) => x.name === t.sheet)!.values[r] ?? []).every((v) => v === null || v === ""));
    expect(row).toBeDefined();
    expect(applyEdits(session, [{ sheet: t.sheet, row: row!, col: 0, value: "Quarter 4 2010/11" }])).toEqual({ kind: "rescan", reason: "period" });
  });

  test("a note typed above a table that states no period changes nothing", () => {
    const g = grids(DUDLEY.file);
    const { session, run } = startLive(g, { ...DUDLEY.options, reportDate: undefined });
    const t = run.result.tables[0];
    expect(applyEdits(session, [{ sheet: t.sheet, row: t.headerRow - 2, col: 0, value: "Figures checked by the team" }])).toEqual({ kind: "none" });
  });

  test("an edit on the rules sheet rescans the rules; rows inserted rescan the structure", () => {
    const { session } = startLive(grids(DERBY.file), DERBY.options);
    expect(applyEdits(session, [{ sheet: "Scorecard Rules", row: 3, col: 1, value: "8%" }])).toEqual({ kind: "rescan", reason: "rules" });
    expect(applyEdits(session, [], [{ sheet: "Thematic", kind: "rowsInserted" }])).toEqual({ kind: "rescan", reason: "structure" });
  });

  test("a 500-row paste is one update re-rating every pasted record", () => {
    const { session, run } = startLive(grids(DERBY.file), DERBY.options);
    const t = run.result.tables.find((x) => x.kind === "indicator")!;
    const col = column(t, "actual");
    const name = t.columns.find((c) => c.role === "name" || c.role === "refAndName" || c.role === "description")!.col;
    const edits: CellEdit[] = [];
    const start = t.lastRow + 1;
    for (let i = 0; i < 500; i++) {
      edits.push({ sheet: t.sheet, row: start + i, col: name, value: `Pasted indicator ${i}` });
      edits.push({ sheet: t.sheet, row: start + i, col, value: i });
    }
    const before = fullApply(grids(DERBY.file), DERBY.options);
    const u = records(applyEdits(session, edits));
    // Rows pasted under the last table make it longer: one update, the table written whole.
    expect(u.rerated).toHaveLength(500);
    const fresh = runScorecard(session.grids, DERBY.options);
    expect(u.counts).toEqual(fresh.result.counts);
    expect(liveRated(session)).toHaveLength(fresh.result.rated.length);
    expect(applyUpdate(before, u, () => session.grids, DERBY.options)).toEqual(planModel(fresh.plans));
  });

  test("an officer's rating typed away: its colour is cleared, the status stays the rules'", () => {
    const sample = SAMPLES[1]; // Broxtowe: officers' status cells filled
    const { session, run } = startLive(grids(sample.file), sample.options);
    const r = run.result.rated.find((x) => x.record.manual && x.record.manual.text.trim() !== "" && x.rating.source !== "officer")!;
    const at = { sheet: r.record.sheet, ...cellOf(r.record.manual!.cell) };
    const u = records(applyEdits(session, [{ ...at, value: null }]));
    expect(u.cleared).toEqual([{ sheet: at.sheet, ranges: [{ top: at.row, left: at.col, bottom: at.row, right: at.col }] }]);
    expect(u.rerated).toEqual([`${r.record.sheet}!${r.record.row}`]);
  });

  test("a section heading typed in a blank row moves the records below into it, writing nothing", () => {
    const g = grids(DUDLEY.file);
    const { session } = startLive(g, DUDLEY.options);
    const sheet = session.sheets[0];
    const t = sheet.tables.find((x) => [...Array(x.spec.lastRow - x.spec.firstRow + 1).keys()].some((i) => !sheet.rated.has(x.spec.firstRow + i) && !x.repeated.has(x.spec.firstRow + i)))!;
    const blank = [...Array(t.spec.lastRow - t.spec.firstRow + 1).keys()].map((i) => t.spec.firstRow + i).find((r) => (sheet.grid.values[r] ?? []).every((v) => v === null || v === ""))!;
    expect(blank).toBeDefined();
    const update = applyEdits(session, [{ sheet: sheet.grid.name, row: blank, col: t.spec.columns[0].col, value: "Priority 9 Safer streets" }]);
    expect(update).toEqual({ kind: "none" });
    const fresh = runScorecard(session.grids, DUDLEY.options).result.rated;
    expect(liveRated(session).map((r) => [r.record.row, r.record.priority])).toEqual(fresh.map((r) => [r.record.row, r.record.priority]));
    expect(liveRated(session).some((r) => r.record.priority === "Priority 9 Safer streets")).toBe(true);
  });

  test("a problem is raised by an unreadable figure and cleared when it is put right", () => {
    const { session, run } = startLive(grids(DERBY.file), DERBY.options);
    const r = run.result.rated.find((x) => x.record.kind === "indicator" && x.record.actual && typeof x.record.actual.value === "number")!;
    const at = r.record.row - 1;
    const t = run.result.tables.find((x) => x.sheet === r.record.sheet && at >= x.firstRow && at <= x.lastRow)!;
    const cell = r.record.actual!.cell;
    const col = session.sheets.flatMap((s) => s.tables).find((x) => x.spec === t)!.plan.actual!.col;
    expect(toA1(at, col)).toBe(cell);
    const original = r.record.actual!.value; // records read the kept grid, so read it before the edit
    const raised = records(applyEdits(session, [{ sheet: t.sheet, row: at, col, value: "about twelve" }]));
    expect(raised.problems).toContainEqual(expect.objectContaining({ sheet: t.sheet, cell, severity: "error", message: expect.stringMatching(/unreadable figure/) }));
    const cleared = records(applyEdits(session, [{ sheet: t.sheet, row: at, col, value: original }]));
    expect(cleared.problems.filter((p) => p.cell === cell && p.sheet === t.sheet)).toEqual(run.result.problems.filter((p) => p.cell === cell && p.sheet === t.sheet));
    expect(cleared.counts).toEqual(run.result.counts);
  });
});

describe("an exception's commentary, as the officer types it", () => {
  test("cleared or 'See below' raises a problem at the comment cell; commentary typed clears it, as a full run would", () => {
    const { session, run } = startLive(grids(DERBY.file), DERBY.options);
    const levels = run.scheme.exceptionLevels;
    const r = run.result.rated.find((x) => levels.includes(x.rating.level) && x.record.comment && x.record.comment.text.trim().length > 20 && !x.record.hidden)!;
    expect(r).toBeDefined();
    const { sheet } = r.record;
    const at = parseA1(r.record.comment!.cell)!;
    const original = r.record.comment!.value;
    const at_ = (u: LiveUpdate & { kind: "records" }) => u.problems.filter((p) => p.sheet === sheet && p.cell === r.record.comment!.cell).map((p) => p.message);
    expect(run.result.problems.filter((p) => p.sheet === sheet && p.cell === r.record.comment!.cell)).toEqual([]);
    const cleared = records(applyEdits(session, [{ sheet, row: at.row, col: at.col, value: "" }]));
    expect(at_(cleared)).toEqual([expect.stringMatching(/with no commentary from the lead officer\..* Add the commentary in the tracker\.$/)]);
    expect(cleared.problems).toEqual(runScorecard(session.grids, DERBY.options).result.problems);
    const pointer = records(applyEdits(session, [{ sheet, row: at.row, col: at.col, value: "See below" }]));
    expect(at_(pointer)).toEqual([expect.stringContaining('the commentary only says "See below"')]);
    const typed = records(applyEdits(session, [{ sheet, row: at.row, col: at.col, value: original }]));
    expect(at_(typed)).toEqual([]);
    expect(typed.problems).toEqual(run.result.problems);
  });
});

// helper-128: a comment cell merged down over two records is both records' commentary (detect/row-record.ts
// mergedField): typed or cleared, both are read again, as a full run reads them.
describe("a comment cell merged over two records", () => {
  test("commentary typed in it, or cleared, re-reads both records' problems", () => {
    const options = { preset: "pentana", today: "2011-01-15" } as const;
    const sheet: SheetGrid = {
      name: "KPIs",
      values: [["Quarter 3 (October to December 2010)"], [], ["Ref", "Indicator", "Polarity", "Target", "Q3 Actual", "Comment"], ["M1", "Homes let", "Higher", 100, 43, null], ["M2", "Homes built", "Higher", 100, 40, null], ["M3", "Homes sold", "Higher", 100, 99, "Close."]],
      merges: [{ top: 3, left: 5, bottom: 4, right: 5 }],
    };
    const { session, run } = startLive([sheet], options);
    const uncommented = (problems: { message: string }[]) => problems.filter((p) => /no commentary/.test(p.message)).map((p) => p.message.split(":")[0]);
    expect(uncommented(run.result.problems)).toEqual(["M1", "M2"]);
    const typed = records(applyEdits(session, [{ sheet: "KPIs", row: 3, col: 5, value: "Both short: the builder went bust." }]));
    expect(typed.rerated).toEqual(["KPIs!4", "KPIs!5"]);
    expect(uncommented(typed.problems)).toEqual([]);
    expect(typed.problems).toEqual(runScorecard(session.grids, options).result.problems);
    const cleared = records(applyEdits(session, [{ sheet: "KPIs", row: 3, col: 5, value: null }]));
    expect(uncommented(cleared.problems)).toEqual(["M1", "M2"]);
    expect(cleared.problems).toEqual(runScorecard(session.grids, options).result.problems);
  });
});

// ---- the property: live updates after any edits leave the cells, counts and problems of a fresh full run ----

const VALUES: CellValue[] = [null, "", 0, 1, 12.5, 45, 99, 100, 250, 1e6, -3, 0.45, "12", "45%", "n/a", "Not available", "(See comment)", "Less than 50", "More than 10", "Green", "Red", "Amber", "G", "R", "Complete", "On track", "Overdue", "Higher is better", "Lower is better", "nonsense", "NI 99", "A new indicator", "Reduce crime"];

/** Cells to edit: mostly inside tables (any column, a few rows below), some anywhere on the sheet. */
function cellArb(g: SheetGrid[], tables: TableSpec[]) {
  const inTable = fc.constantFrom(...tables).chain((t) =>
    fc.record({
      sheet: fc.constant(t.sheet),
      row: fc.integer({ min: t.firstRow, max: t.lastRow + 3 }),
      // Mostly the officers' columns; now and then ours or the one right of the table (a rescan when typed in).
      col: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...t.columns.filter((c) => c.role !== "generated").map((c) => c.col)) },
        { weight: 1, arbitrary: fc.constantFrom(...t.columns.filter((c) => c.role === "generated").map((c) => c.col), Math.max(...t.columns.map((c) => c.col)) + 1) },
      ),
    }),
  );
  const anywhere = fc.constantFrom(...g.filter((x) => tables.some((t) => t.sheet === x.name))).chain((x) =>
    fc.record({ sheet: fc.constant(x.name), row: fc.integer({ min: 0, max: x.values.length + 2 }), col: fc.integer({ min: 0, max: 12 }) }),
  );
  return fc.oneof({ weight: 9, arbitrary: inTable }, { weight: 1, arbitrary: anywhere });
}

/**
 * The workbook as Excel holds it: the officers' cells and ours. `write` puts a model's values of ours into
 * the grids, `clear` takes them out (as a full Apply does before writing again).
 */
function writeOurs(truth: SheetGrid[], model: CellModel, clear = false): void {
  for (const [key, cell] of model) {
    if (cell.value === undefined) continue;
    const m = /^(.*)!(\d+),(\d+)$/.exec(key)!;
    setCell(truth.find((g) => g.name === m[1])!, Number(m[2]), Number(m[3]), clear ? null : cell.value);
  }
}

describe("live result equals a fresh full run after the same edits", () => {
  const kinds: Record<string, number> = {};
  afterAll(() => {
    console.log(`live updates in the property test: ${JSON.stringify(kinds)}`);
    // The property is about live updates: most bursts must be handled as records, not by a rescan.
    expect(kinds.records).toBeGreaterThan(2 * (kinds.rescan ?? 0));
  });

  test.each(SAMPLES.map((s) => [s.file, s] as const))("%s", (file, sample) => {
    const tables = runScorecard(grids(file), sample.options).result.tables;
    fc.assert(
      fc.property(fc.array(fc.array(fc.record({ cell: cellArb(grids(file), tables), value: fc.constantFrom(...VALUES) }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (bursts) => checkBursts(file, sample, bursts, kinds)),
      // A fixed seed keeps CI repeatable; RAG_PROPERTY_SEED=random explores (how the cases below were found).
      { numRuns: 30, ...(process.env.RAG_PROPERTY_SEED === "random" ? {} : { seed: Number(process.env.RAG_PROPERTY_SEED ?? 20261204) }) },
    );
  });

  // Found by the property (seed -1139665128): after a rescan, the status we had written beside a row
  // ("i Data only") read as half of a key entry, so the row above and ours became a "key" on a fresh run.
  test("a status we wrote is not read as part of a key under the table", () => {
    const sample = SAMPLES.find((s) => s.file === "cannock-pdp.xlsx")!;
    const S = "Community Safety PDP";
    checkBursts(sample.file, sample, [
      [
        { cell: { sheet: S, row: 6, col: 1 }, value: "On track" },
        { cell: { sheet: S, row: 7, col: 3 }, value: "Complete" },
      ],
      [{ cell: { sheet: S, row: 6, col: 0 }, value: "Not available" }],
    ]);
  });
});

// Found by the property (seed 1308389079): a burst that typed into a cell and cleared it again applied
// the first value and dropped the second as "unchanged", so a section row read as a record.
describe("a cell edited twice in one burst", () => {
  test("takes its last value: typed and cleared again, it is left as it was", () => {
    const sample = SAMPLES.find((s) => s.file === "derby-csp.xlsx")!;
    checkBursts(sample.file, sample, [
      [
        { cell: { sheet: "Thematic", row: 12, col: 6 }, value: 100 },
        { cell: { sheet: "Thematic", row: 12, col: 6 }, value: null },
      ],
    ]);
    const { session } = startLive(grids(sample.file), sample.options);
    expect(
      applyEdits(session, [
        { sheet: "Thematic", row: 12, col: 6, value: 100 },
        { sheet: "Thematic", row: 12, col: 6, value: null },
      ]),
    ).toEqual({ kind: "none" });
  });
});

// Found by the property (seed 678303107). Cannock's actions are an Excel table: "Lead Officer" typed over
// stopped its header reading as a tracker's (its rows joined the indicators above, a rescan), and "Action"
// cleared next made it one again, but that edit was taken as a record's, leaving our column where the
// indicators had put it. An edit on an Excel table's header row now always reads the header again.
test("an Excel table's header typed over, then another of its header cells cleared: our column is where a full Apply puts it", () => {
  const sample = SAMPLES.find((s) => s.file === "cannock-pdp.xlsx")!;
  const S = "Community Safety PDP";
  checkBursts(sample.file, sample, [[{ cell: { sheet: S, row: 8, col: 2 }, value: "A new indicator" }], [{ cell: { sheet: S, row: 8, col: 0 }, value: null }]]);
});

// Found by a property that checked it (seed 1285715103): a figure typed over the first cell of a header
// below makes that table's rows join the one above, and our Status (auto) column, reused, fell on its
// "Q1 Actual" heading and wrote over it. Figures, dates and headings in our column are now left alone.
test("a header typed over so the table below joins this one: our column leaves its heading alone", () => {
  const truth = grids(DUDLEY.file);
  const model = fullApply(truth, DUDLEY.options);
  writeOurs(truth, model);
  setCell(truth.find((g) => g.name === "Children's Services")!, 10, 0, 250);
  const next = planModel(runScorecard(truth, DUDLEY.options).plans);
  writeOurs(truth, model, true);
  expect(officersCellsUnder(truth, next)).toEqual([]);
});

/**
 * One edit made live and then to the grid, with a full Apply after it: the update's kind, the cells where
 * the two differ, and the full Apply's status in `cell` (helper-60, helper-61).
 */
function editedLiveAndFull(truth: SheetGrid[], edit: CellEdit, cell: string): { kind: string; differing: string[]; status: unknown } {
  const options = { preset: "rag", reportDate: "2010-12-31", today: "2011-01-15", period: "Q3 2010/11" } as const;
  const model = fullApply(truth, options);
  const { session } = startLive(truth, options);
  const update = applyEdits(session, [edit]);
  setCell(truth[0], edit.row, edit.col, edit.value);
  const after = applyUpdate(model, update, () => truth, options);
  const full = fullApply(truth, options);
  const differing = [...new Set([...after.keys(), ...full.keys()])].filter((k) => JSON.stringify(after.get(k)) !== JSON.stringify(full.get(k)));
  return { kind: update.kind, differing, status: full.get(cell)?.value };
}

test("a note deleted beside the quarters' headings under a caption: the header is read again, as a full Apply reads it (helper-60)", () => {
  // "see note" over Comments kept the row from being the header's row of quarters; deleted, it is one.
  const truth: SheetGrid[] = [
    {
      name: "KPIs",
      values: [
        ["Indicator details", null, null, "Q1 2010/11", null, "Q2 2010/11", null, "Q3 2010/11", null, "see note"],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual", "Target", "Actual", "Comments"],
        ["K1", "Calls answered", "Higher is better", 80, 85, 85, 84, 90, 86, "ok"],
      ],
      merges: [
        { top: 0, left: 0, bottom: 0, right: 2 },
        { top: 0, left: 3, bottom: 0, right: 4 },
        { top: 0, left: 5, bottom: 0, right: 6 },
        { top: 0, left: 7, bottom: 0, right: 8 },
      ],
    },
  ];
  expect(editedLiveAndFull(truth, { sheet: "KPIs", row: 0, col: 9, value: null }, "KPIs!2,10")).toEqual({ kind: "rescan", differing: [], status: "● Within tolerance" });
});

test("a quarter's heading typed in a heading merged over two rows above the header: the header is read again (helper-61)", () => {
  // "TBC" kept the row from being the header's row of quarters; "Q3 2010/11" typed over it, it is one.
  const truth: SheetGrid[] = [
    {
      name: "KPIs",
      values: [
        [null, null, null, "Q2 2010/11", null, "TBC", null],
        [],
        ["Ref", "Indicator", "Polarity", "Target", "Actual", "Target", "Actual"],
        ["K1", "Calls answered", "Higher is better", 80, 95, 90, 85],
      ],
      merges: [
        { top: 0, left: 3, bottom: 1, right: 4 },
        { top: 0, left: 5, bottom: 1, right: 6 },
      ],
    },
  ];
  expect(editedLiveAndFull(truth, { sheet: "KPIs", row: 0, col: 5, value: "Q3 2010/11" }, "KPIs!3,7")).toEqual({ kind: "rescan", differing: [], status: "▲ Off target" });
});

test("a figure in our column, then deleted: live colours write the status there, as a full Apply does", () => {
  // Pasted with a record, the figure is the officer's and left alone (a rescan); deleted, the cell is ours again.
  const options = { preset: "rag", reportDate: "2023-09-30", today: "2023-10-15" } as const;
  const truth: SheetGrid[] = [{ name: "KPIs", values: [["Ref", "Measure", "Polarity", "Target", "Actual"], ["K1", "Bins emptied on time", "Higher", 95, 96], ["K2", "Litter picked", "Higher", 95, 90]] }];
  let model = fullApply(truth, options);
  writeOurs(truth, model);
  const { session } = startLive(truth, options);
  const pasted: CellValue[] = ["K3", "Recycling rate", "Higher", 50, 60, 42];
  pasted.forEach((v, col) => setCell(truth[0], 3, col, v));
  expect(applyEdits(session, pasted.map((value, col) => ({ sheet: "KPIs", row: 3, col, value }))).kind).toBe("rescan");
  const next = fullApply(truth, options);
  writeOurs(truth, model, true);
  model = next;
  writeOurs(truth, model);
  expect(truth[0].values[3][5]).toBe(42);
  refreshLive(session, truth);
  setCell(truth[0], 3, 5, null);
  model = applyUpdate(model, applyEdits(session, [{ sheet: "KPIs", row: 3, col: 5, value: null }]), () => truth, options);
  expect(model.get("KPIs!3,5")?.value).toBe(fullApply(truth, options).get("KPIs!3,5")?.value);
  expect(model.get("KPIs!3,5")?.value).toMatch(/On target/);
});

/** Officers' values in cells the model would write a value of ours into. */
function officersCellsUnder(truth: SheetGrid[], model: CellModel): string[] {
  const hit: string[] = [];
  for (const [key, cell] of model) {
    if (cell.value === undefined) continue;
    const m = /^(.*)!(\d+),(\d+)$/.exec(key)!;
    const g = truth.find((x) => x.name === m[1])!;
    const o = g.origin ?? { row: 0, col: 0 };
    const v = g.values[Number(m[2]) - o.row]?.[Number(m[3]) - o.col];
    if (v !== null && v !== undefined && v !== "") hit.push(`${key}: ${JSON.stringify(v)}`);
  }
  return hit;
}

type Burst = { cell: { sheet: string; row: number; col: number }; value: CellValue }[];

/** Edits the workbook burst by burst as an officer would, and checks each live update against a fresh full run. */
function checkBursts(file: string, sample: (typeof SAMPLES)[number], bursts: Burst[], kinds: Record<string, number> = {}): void {
  // Apply colours first, then live colours start from the workbook as it then is (as the listener does).
  const truth = grids(file);
  let model = fullApply(truth, sample.options);
  writeOurs(truth, model);
  const { session } = startLive(truth, sample.options);
  for (const burst of bursts) {
    // The listener never passes on cells of ours (it ignores what the add-in wrote).
    const ours = (sheet: string, row: number, col: number) => model.get(`${sheet}!${row},${col}`)?.value !== undefined;
    const edits: CellEdit[] = burst.map(({ cell, value }) => ({ ...cell, value })).filter((e) => !ours(e.sheet, e.row, e.col));
    for (const e of edits) setCell(truth.find((x) => x.name === e.sheet)!, e.row, e.col, e.value);
    const update = applyEdits(session, edits);
    kinds[update.kind] = (kinds[update.kind] ?? 0) + 1;
    if (update.kind === "rescan") {
      // A full Apply: read the workbook (ours included), clear ours, write again; the listener reloads.
      const next = planModel(runScorecard(truth, sample.options).plans);
      writeOurs(truth, model, true);
      model = next;
      writeOurs(truth, model);
      // Apply colours is not always idempotent (a table grown over a header it no longer reads can
      // reuse its Status (auto) column over an officer's cell): such runs say nothing about live updates.
      fc.pre(JSON.stringify([...planModel(runScorecard(truth, sample.options).plans)]) === JSON.stringify([...model]));
      refreshLive(session, truth);
      continue;
    }
    if (update.kind === "records") {
      const before = new Map(model);
      model = applyUpdate(model, update, () => truth, sample.options);
      for (const [key, cell] of before) if (cell.value !== undefined && model.get(key)?.value === undefined) writeOurs(truth, new Map([[key, cell]]), true);
      writeOurs(truth, model);
    }
    const fresh = runScorecard(truth, sample.options);
    expect(model).toEqual(planModel(fresh.plans));
    if (update.kind === "records") {
      expect(update.counts).toEqual(fresh.result.counts);
      expect(update.problems).toEqual(fresh.result.problems);
      expect(liveRated(session).map((r) => [r.record.row, r.rating.status, r.rating.checks])).toEqual(fresh.result.rated.map((r) => [r.record.row, r.rating.status, r.rating.checks]));
    }
  }
}
