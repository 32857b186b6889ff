// A live session: one full run, and what re-rating a few records later needs without reading the
// workbook again: the tables and their column plans, the grids (patched as officers type), each row's
// record, the ratings, counts and problems, and where Apply colours put its columns.
import { parseA1 } from "../vocab/address";
import { sameSheetName } from "../sheets/ownership";
import { inferPeriod } from "../detect/period-infer";
import { ownedColumn, repeatedHeaderRows } from "../trackers/colour";
import { readRulesSheet, RULES_SHEET } from "../rules-sheet/rules-sheet";
import { addRatingProblems, type RatedRecord, type RateOptions } from "../rate/workbook";
import { asRated, runScorecard, type ScorecardOptions, type ScorecardRun } from "../scorecard";
import { folded } from "./guards";
import { cellValue } from "../read/cells";
import { scanSheet, tableOwnProblems, type SheetScan } from "./scan";
import { mergedRows } from "./writes";
import { foreignCells, writtenOn, type CellsWritten, type ForeignCells } from "../trackers/foreign";
import type { CellRange, Problem, RecordKind, Scheme, SheetGrid, TableSpec } from "../vocab/types";
import type { ColumnPlan } from "../detect/records";

export interface LiveTable {
  spec: TableSpec;
  plan: ColumnPlan;
  /** The last row the table may reach: rows typed below it up to here join it. */
  limit: number;
  /** Where Apply colours put Status (auto), and whether Check (auto) is beside it (width 2). */
  ownedCol: number;
  width: number;
  merged: Set<number>;
  /** "row,col" of cells of ours holding an officer's value (trackers/foreign.ts): never written. */
  foreign: ForeignCells;
  /** Records with a check (a disagreement with the officer's rating): Check (auto) is there while any has one. */
  checks: number;
  /** Rows where the header is printed again. */
  repeated: Set<number>;
  /** The column and text that tell a repeated header row (trackers/colour.ts repeatedHeaderRows). */
  probe: { col: number; text: string };
  /** Header cells merged across columns: which of them holds the data is decided from the first 50 rows. */
  headerSpans: CellRange[];
  problems: Problem[];
}

export interface LiveSheet {
  grid: SheetGrid;
  /** In header order. */
  tables: LiveTable[];
  scan: SheetScan;
  /** Rated records by zero-based row. */
  rated: Map<number, RatedRecord>;
  ratingProblems: Map<number, Problem[]>;
}

export interface LiveSession {
  options: ScorecardOptions;
  /** Every sheet, as patched by the edits so far. */
  grids: SheetGrid[];
  /** The last full run. */
  run: ScorecardRun;
  rateOptions: RateOptions;
  includeHidden: boolean;
  /** The tracker sheets, in workbook order. */
  sheets: LiveSheet[];
  counts: Record<RecordKind, Record<string, number>>;
  hiddenLeftOut: number;
  ruleProblems: Problem[];
  staleProblems: Problem[];
  problems: Problem[];
  /** The periods the workbook's titles and headers give, as text to compare. */
  inference: string;
  periodCell?: { sheet: string; row: number; col: number };
  /** After a rescan: "rebuild" from the patched grids before the next edits; "grids": wait for the host's (refreshLive). */
  pending?: "rebuild" | "grids";
}

/** Copies of the grids to patch, each with number formats, so a format typed later is seen by every reader. */
function copyGrids(grids: SheetGrid[]): SheetGrid[] {
  return grids.map((g) => ({
    ...g,
    values: g.values.map((r) => [...(r ?? [])]),
    numberFormats: g.numberFormats ? g.numberFormats.map((r) => [...(r ?? [])]) : g.values.map(() => []),
  }));
}

function limitOf(grid: SheetGrid, spec: TableSpec, tables: TableSpec[]): number {
  if (spec.name !== undefined) {
    const range = grid.tables?.find((t) => t.name === spec.name)?.range;
    if (range) return range.bottom;
  }
  const next = tables.filter((t) => t.headerRow > spec.headerRow).map((t) => t.headerRow - 1);
  return next.length ? Math.min(...next) : Infinity;
}

/** The layout of ours and the facts about one table that decide when a live edit must rebuild it. */
export function liveTable(grid: SheetGrid, spec: TableSpec, plan: ColumnPlan, sheetTables: TableSpec[], rated: Map<number, RatedRecord>, scheme: Scheme, written?: CellsWritten): LiveTable {
  let checks = 0;
  const recordRows = new Set<number>();
  for (const [row, r] of rated) {
    if (row < spec.firstRow || row > spec.lastRow || r.record.kind !== spec.kind) continue;
    recordRows.add(row);
    if (r.rating.checks.length > 0) checks++;
  }
  const ownedCol = ownedColumn(grid, spec);
  const width = checks > 0 ? 2 : 1;
  const lastHeaderRow = spec.headerRow + spec.headerHeight - 1;
  const probeCol = Math.min(...spec.columns.filter((c) => c.role !== "generated").map((c) => c.col));
  const headerCols = new Set(spec.columns.map((c) => c.col));
  const headerSpans = (grid.merges ?? []).filter((m) => m.right > m.left && m.top <= lastHeaderRow && m.bottom >= spec.headerRow && headerCols.has(m.left));
  return {
    spec,
    plan,
    limit: limitOf(grid, spec, sheetTables),
    ownedCol,
    width,
    merged: mergedRows(grid, ownedCol, width),
    foreign: foreignCells(grid, spec, ownedCol, width, scheme, written),
    checks,
    repeated: new Set(repeatedHeaderRows(grid, spec, recordRows)),
    probe: { col: probeCol, text: Number.isFinite(probeCol) ? folded(cellValue(grid, lastHeaderRow, probeCol)) : "" },
    headerSpans,
    problems: tableOwnProblems(grid, spec),
  };
}

/** The periods inferred from titles and headers, as text: a change means the whole workbook is re-rated. */
export function inferenceKey(trackers: SheetGrid[], tables: TableSpec[]): string {
  const inference = inferPeriod(trackers, tables);
  return JSON.stringify({ found: inference.found, tables: inference.tables.map((t) => [t.table.sheet, t.table.headerRow, t.evidence]) });
}

function trackersOf(grids: SheetGrid[], options: ScorecardOptions): SheetGrid[] {
  const owned = new Set((options.ownedSheets ?? []).map((s) => s.toLowerCase()));
  // As runScorecard's trackers: a very hidden sheet is none.
  return grids.filter((g) => !owned.has(g.name.toLowerCase()) && !sameSheetName(g.name, RULES_SHEET) && g.visibility !== "veryHidden");
}

/** Runs the scorecard on the session's grids and keeps what incremental re-rating needs. */
function fill(session: Omit<LiveSession, "run"> & { run?: ScorecardRun }): LiveSession {
  const run = runScorecard(session.grids, session.options);
  const { result } = run;
  // As rated: a hidden sheet's grid without its visibility where hidden sheets are the report (scorecard.ts asRated).
  const trackers = asRated(trackersOf(session.grids, session.options), result.tables);
  const byRow = new Map<string, Map<number, RatedRecord>>();
  for (const r of result.rated) {
    let rows = byRow.get(r.record.sheet);
    if (!rows) byRow.set(r.record.sheet, (rows = new Map()));
    rows.set(r.record.row - 1, r);
  }
  const sheets: LiveSheet[] = [];
  let sheetProblems = 0;
  for (const grid of trackers) {
    const specs = result.tables.filter((t) => t.sheet === grid.name).sort((a, b) => a.headerRow - b.headerRow);
    const scan = scanSheet(grid, specs, undefined, run.period?.startYear, run.period?.quarter);
    const rated = byRow.get(grid.name) ?? new Map<number, RatedRecord>();
    const tables = specs.map((spec) => liveTable(grid, spec, scan.plans.get(spec)!, specs, rated, run.scheme, writtenOn(session.options.written, grid.name)));
    const ratingProblems = new Map<number, Problem[]>();
    for (const [row, r] of rated) {
      const problems: Problem[] = [];
      addRatingProblems(problems, r.record, r.rating, { scheme: run.scheme, includeHidden: run.settings.includeHidden });
      if (problems.length) ratingProblems.set(row, problems);
    }
    const sheet: LiveSheet = { grid, tables, scan, rated, ratingProblems };
    sheetProblems += sheetProblemsOf(sheet).length;
    sheets.push(sheet);
  }
  const rulesGrid = session.grids.find((g) => sameSheetName(g.name, RULES_SHEET));
  const ruleProblems = (rulesGrid && readRulesSheet(rulesGrid)?.problems) || [];
  const staleProblems = result.problems.slice(ruleProblems.length + sheetProblems);
  const src = run.periodSource;
  const at = src.kind === "workbook" ? parseA1(src.cell) : undefined;
  const live: LiveSession = {
    ...session,
    run,
    rateOptions: { scheme: run.scheme, period: run.period, reportDate: run.reportDate, includeHidden: run.settings.includeHidden },
    includeHidden: run.settings.includeHidden === true,
    sheets,
    counts: { indicator: { ...result.counts.indicator }, activity: { ...result.counts.activity } },
    hiddenLeftOut: result.hiddenLeftOut ?? 0,
    ruleProblems,
    staleProblems,
    problems: result.problems,
    inference: inferenceKey(trackers, result.tables),
    periodCell: src.kind === "workbook" && at ? { sheet: src.sheet, ...at } : undefined,
  };
  delete live.pending;
  return live;
}

/** The problems of one sheet in the order rateWorkbook gives them: each table's own and unnamed rows, then the ratings'. */
export function sheetProblemsOf(sheet: LiveSheet): Problem[] {
  const out: Problem[] = [];
  for (const t of sheet.tables) {
    out.push(...t.problems);
    for (let r = t.spec.firstRow; r <= t.spec.lastRow; r++) {
      const p = sheet.scan.unnamed.get(r);
      if (p) out.push(p);
    }
  }
  for (const t of sheet.tables) {
    for (let r = t.spec.firstRow; r <= t.spec.lastRow; r++) {
      const ps = sheet.ratingProblems.get(r);
      if (ps) out.push(...ps);
    }
  }
  return out;
}

/** The whole problem list as a full run gives it. */
export function allProblems(session: LiveSession): Problem[] {
  return [...session.ruleProblems, ...session.sheets.flatMap(sheetProblemsOf), ...session.staleProblems];
}

/**
 * Starts live colours: runs the scorecard once (the host applies `run.plans` as Apply colours does, or
 * has already) and returns the session applyEdits keeps up to date. The grids are copied, not changed.
 */
export function startLive(grids: SheetGrid[], options: ScorecardOptions): { session: LiveSession; run: ScorecardRun } {
  const session = fill({ options, grids: copyGrids(grids) } as Omit<LiveSession, "run">);
  return { session, run: session.run };
}

/**
 * Runs the scorecard again on the session's grids, or on the host's fresh read after a structural
 * change (rows inserted, sheets renamed), and carries on from there.
 */
export function refreshLive(session: LiveSession, grids?: SheetGrid[]): ScorecardRun {
  const next = fill({ options: session.options, grids: grids ? copyGrids(grids) : session.grids } as Omit<LiveSession, "run">);
  Object.assign(session, next);
  delete session.pending;
  return session.run;
}

/** The rated records as a full run lists them: sheet by sheet, row by row. */
export function liveRated(session: LiveSession): RatedRecord[] {
  return session.sheets.flatMap((s) => [...s.rated].sort((a, b) => a[0] - b[0]).map(([, r]) => r));
}
