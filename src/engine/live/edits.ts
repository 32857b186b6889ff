// applyEdits: the host's changed cells in, the writes for the changed rows out. Each edited cell is
// either ignored (outside every table, no title), a reason to rescan (a header, the period's title, the
// rules sheet, rows or sheets moved), or re-reads its row: the record is read again from the grid kept
// in memory, re-rated, and its status cells written as a full Apply would write them.
import { SheetCells, isBlank } from "../read/cells";
import { TableRows } from "../detect/row-record";
import { figureRolesChanged, judgedByFigures, retitledAt } from "../detect/tables";
import { classifyBodyRow, tableShape } from "../detect/body-rows";
import { isReportedColumn, unfilledChanged } from "../detect/pending";
import { ownedColumn } from "../trackers/colour";
import { writtenOn } from "../trackers/foreign";
import { sameSheetName } from "../sheets/ownership";
import { RULES_SHEET } from "../rules-sheet/rules-sheet";
import { addRatingProblems, rateRecord, type RatedRecord } from "../rate/workbook";
import { beforeOrigin, cannotBeKey, couldBeGroupRow, folded, keyRowsOf, patchCell, readsAsHeader, revert, unchanged, type Patch } from "./guards";
import { allProblems, inferenceKey, liveTable, refreshLive, type LiveSession, type LiveSheet, type LiveTable } from "./session";
import { scanSheet, sectionAt } from "./scan";
import { count, gapKey, inBody, keepOwnWrites, kindKey, lastRowAfter, sameSet, tableAt } from "./zones";
import { diffWrites, rowWrites, SheetWrites, tableWrites, toRanges, type CellWrite } from "./writes";
import type { CellEdit, LiveUpdate, StructureChange } from "./types";
import type { CellRange, Problem, SheetGrid, TableSpec } from "../vocab/types";

type Reason = "header" | "period" | "structure" | "rules";
const RANK: Record<Reason, number> = { structure: 4, rules: 3, header: 2, period: 1 };

/** Rows of the first 50 of a table that decide which column under a merged header holds its data (detect/tables.ts). */
const MERGE_SAMPLE_ROWS = 50;

/** How a row stood before the edits, for comparing after. */
interface RowBefore {
  header: boolean;
  group: boolean;
  probe: boolean;
  kind?: string;
  /** What the row says about the section heading below it, outside every table's body. */
  gap?: string;
  /** Our cells in that row, as written for the record as it was. */
  writes: CellWrite[];
}

/**
 * For each header printed again, and each table under another, whether the titles above split them by year
 * (detect/tables.ts retitledAt): an edit that changes one re-reads the headers.
 */
function yearSplits(sheet: LiveSheet, cells: SheetCells): boolean[] {
  const pairs = sheet.tables.flatMap((x, i) => [...[...x.repeated].map((r) => [x.spec.headerRow, r]), ...(i > 0 ? [[sheet.tables[i - 1].spec.headerRow, x.spec.headerRow]] : [])]);
  return pairs.map(([first, repeat]) => retitledAt(cells, first, repeat));
}

/**
 * The other records' rows a comment cell merged down over them stands for (detect/row-record.ts mergedField):
 * commentary typed there is theirs too, so they are read again with the edited row.
 */
function mergedCommentRows(sheet: LiveSheet, cells: SheetCells, e: CellEdit): number[] {
  const t = tableAt(sheet, e.row);
  if (!inBody(t, e.row) || t.plan.single.comment?.col !== e.col) return [];
  const merge = cells.mergeAt(e.row, e.col);
  if (!merge || merge.top !== e.row || merge.left !== e.col || merge.bottom === merge.top) return [];
  const rows: number[] = [];
  for (let r = merge.top + 1; r <= Math.min(merge.bottom, t.spec.lastRow); r++) rows.push(r);
  return rows;
}

function layoutOf(session: LiveSession, t: LiveTable) {
  return { scheme: session.run.scheme, col: t.ownedCol, width: t.width, merged: t.merged, foreign: t.foreign };
}

/** Why the edits need a full Apply, if they do (the most far-reaching reason wins). */
class Verdict {
  reason: Reason | undefined;
  need(reason: Reason): void {
    if (!this.reason || RANK[reason] > RANK[this.reason]) this.reason = reason;
  }
}

interface SheetWork {
  sheet: LiveSheet;
  edits: CellEdit[];
  rows: number[];
  before: Map<number, RowBefore>;
  patches: Patch[];
  /** yearSplits before the edits. */
  splits?: boolean[];
}

export function applyEdits(session: LiveSession, edits: CellEdit[], structure: StructureChange[] = []): LiveUpdate {
  try {
    return incremental(session, edits, structure);
  } catch {
    // Never leave colours wrong: a session that failed half-way is rebuilt from a fresh read of the workbook.
    session.pending = "grids";
    return { kind: "rescan", reason: "structure" };
  }
}

/**
 * One edit per cell, its last: a burst that types into a cell and clears it again leaves it as it was.
 * (Each edit is compared with the grid before any of the burst is applied, so an earlier value of the
 * same cell would be applied and the later one dropped as "unchanged".)
 */
function lastPerCell(edits: CellEdit[]): CellEdit[] {
  const last = new Map<string, CellEdit>();
  for (const e of edits) {
    const key = `${e.sheet.toLowerCase()}\n${e.row}\n${e.col}`;
    last.delete(key);
    last.set(key, e);
  }
  return last.size === edits.length ? edits : [...last.values()];
}

function incremental(session: LiveSession, burst: CellEdit[], structure: StructureChange[]): LiveUpdate {
  const edits = lastPerCell(burst);
  if (structure.length > 0 || session.pending === "grids") {
    // Rows or sheets moved: the grids kept no longer match the workbook, so the host reads it again (refreshLive).
    session.pending = "grids";
    return { kind: "rescan", reason: "structure" };
  }
  if (session.pending === "rebuild") refreshLive(session);
  const verdict = new Verdict();
  const work = new Map<LiveSheet, SheetWork>();
  const others: { grid: SheetGrid; edit: CellEdit }[] = [];
  for (const edit of edits) {
    if (sameSheetName(edit.sheet, RULES_SHEET)) {
      const grid = session.grids.find((g) => sameSheetName(g.name, RULES_SHEET));
      if (grid && unchanged(grid, edit)) continue;
      verdict.need("rules");
      if (grid) others.push({ grid, edit });
      continue;
    }
    const sheet = session.sheets.find((s) => sameSheetName(s.grid.name, edit.sheet));
    if (!sheet) continue; // our own sheets, or a sheet added since (the host reports that as structure)
    if (unchanged(sheet.grid, edit)) continue;
    if (beforeOrigin(sheet.grid, edit)) verdict.need("structure");
    let w = work.get(sheet);
    if (!w) work.set(sheet, (w = { sheet, edits: [], rows: [], before: new Map(), patches: [] }));
    w.edits.push(edit);
  }
  if (verdict.reason) return rescan(session, verdict.reason, work, others);
  if (work.size === 0) return { kind: "none" };

  // Before: how each edited row reads, and what we wrote there.
  for (const w of work.values()) {
    const { sheet } = w;
    const cells = new SheetCells(sheet.grid);
    w.rows = [...new Set(w.edits.flatMap((e) => [e.row, ...mergedCommentRows(sheet, cells, e)]))].sort((a, b) => a - b);
    w.splits = yearSplits(sheet, cells);
    for (const e of w.edits) {
      const t = tableAt(sheet, e.row);
      if (t && e.row < t.spec.firstRow) verdict.need("header");
      if (t?.repeated.has(e.row)) verdict.need("header");
      // An Excel table's header row decides whether it is a tracker at all, read or not today: a header
      // typed over can stop it being one (its rows join the table above), and a later edit bring it back.
      if (sheet.grid.tables?.some((x) => x.range.top === e.row && e.col >= x.range.left && e.col <= x.range.right)) verdict.need("header");
      const pc = session.periodCell;
      if (pc && sameSheetName(pc.sheet, sheet.grid.name) && pc.row === e.row && pc.col === e.col) verdict.need("period");
      if (t && e.row <= t.spec.firstRow + MERGE_SAMPLE_ROWS - 1 && t.headerSpans.some((m) => e.col >= m.left && e.col <= m.right)) {
        if (isBlank(cells.at(e.row, e.col)) !== isBlank(e.value)) verdict.need("header");
      }
    }
    for (const row of w.rows) {
      const t = tableAt(sheet, row);
      const before: RowBefore = {
        header: readsAsHeader(cells, row),
        group: couldBeGroupRow(cells, row),
        probe: t !== undefined && t.probe.text !== "" && folded(cells.at(row, t.probe.col)) === t.probe.text,
        writes: [],
      };
      if (inBody(t, row)) {
        before.kind = kindKey(cells, t, row);
        before.writes = rowWrites(layoutOf(session, t), row, sheet.rated.get(row));
      } else before.gap = gapKey(sheet, cells, row);
      w.before.set(row, before);
    }
  }
  if (verdict.reason) return rescan(session, verdict.reason, work, others);

  for (const w of work.values()) for (const e of w.edits) w.patches.push(patchCell(w.sheet.grid, e.row, e.col, e.value, e.numberFormat));

  // After: whatever reaches past the edited records.
  let periodCheck = false;
  const rescanSheets = new Set<LiveSheet>();
  const relaid = new Map<LiveTable, TableSpec>(); // tables whose columns of ours change, with their spec as it was
  const ownedChecked = new Set<LiveTable>();
  for (const w of work.values()) {
    const { sheet } = w;
    const cells = new SheetCells(sheet.grid);
    // A title over a header printed again typed, cleared or uncovered: a table may split by year, or join again.
    if (yearSplits(sheet, cells).join() !== (w.splits ?? []).join()) verdict.need("header");
    for (const row of w.rows) {
      const before = w.before.get(row)!;
      const t = tableAt(sheet, row);
      if (before.header || readsAsHeader(cells, row)) verdict.need("header");
      // Next to a header: the row above it (or one whose headings are merged down into that row), or the row under it.
      const mergedDown = (x: LiveTable): boolean => (sheet.grid.merges ?? []).some((m) => m.top <= row && m.bottom === x.spec.headerRow - 1);
      const nextToHeader = sheet.tables.some((x) => row === x.spec.headerRow - 1 || row === x.spec.firstRow || (row < x.spec.headerRow - 1 && mergedDown(x)));
      if (nextToHeader && (before.group || couldBeGroupRow(cells, row))) verdict.need("header");
      if (t && t.probe.text !== "" && (before.probe || folded(cells.at(row, t.probe.col)) === t.probe.text)) verdict.need("header");
      if (!inBody(t, row)) {
        periodCheck = true;
        if (before.gap !== gapKey(sheet, cells, row)) rescanSheets.add(sheet);
      } else {
        const after = kindKey(cells, t, row);
        if (before.kind !== after && (before.kind?.startsWith("section:") || after.startsWith("section:"))) rescanSheets.add(sheet);
      }
    }
    for (const t of sheet.tables) {
      const mine = w.rows.filter((r) => r >= t.spec.firstRow && r <= t.limit);
      if (mine.length === 0) continue;
      const last = lastRowAfter(cells, t, mine);
      if (last !== t.spec.lastRow) {
        relaid.set(t, { ...t.spec });
        t.spec.lastRow = last;
        rescanSheets.add(sheet);
        periodCheck = true;
      }
      // A first figure in a period laid out but not reported yet (or the last one taken out) moves the rated column.
      const dated = (col: number) => t.spec.columns.some((c) => c.col === col && isReportedColumn(c));
      if (w.edits.some((e) => e.row >= t.spec.firstRow && e.row <= t.limit && dated(e.col)) && unfilledChanged(cells, t.spec)) verdict.need("header");
      // A figure that makes "Variance" a tolerance again, or "Current Position" a figure: as a full run would read it.
      if (w.edits.some((e) => e.row >= t.spec.firstRow && e.row <= t.limit && judgedByFigures(t.spec, e.col)) && figureRolesChanged(cells, t.spec)) verdict.need("header");
      const keysMayMove = sheet.scan.keyRows.get(t.spec)?.size || mine.some((r) => !cannotBeKey(cells, r, t.spec)) || relaid.has(t);
      if (keysMayMove && !sameSet(keyRowsOf(cells, t.spec), sheet.scan.keyRows.get(t.spec))) rescanSheets.add(sheet);
      // A cell typed right of the table may take the column Apply colours chose for ours.
      const right = Math.max(...t.spec.columns.filter((c) => c.role !== "generated").map((c) => c.col));
      if (w.edits.some((e) => e.col > right && e.row >= t.spec.headerRow && e.row <= t.limit) || relaid.has(t)) ownedChecked.add(t);
    }
  }
  if (!verdict.reason && periodCheck) {
    const trackers = session.sheets.map((s) => s.grid);
    if (inferenceKey(trackers, session.sheets.flatMap((s) => s.tables.map((t) => t.spec))) !== session.inference) verdict.need("period");
  }
  // Our column moving (a cell typed where it was, or a table grown beside another) changes which cells a
  // row reads as entries; so does a person typing in our column. The table is read again whole, as
  // Apply colours would.
  for (const w of work.values()) {
    for (const t of w.sheet.tables) {
      // Emptying a cell of ours that held an officer's figure gives it back to us: that is a rescan too.
      const inOurs = w.edits.some((e) => (e.value !== null && e.value !== "" && e.col >= t.ownedCol && e.col < t.ownedCol + t.width && e.row >= t.spec.headerRow && e.row <= t.limit) || t.foreign.has(`${e.row},${e.col}`));
      if (inOurs || ((ownedChecked.has(t) || relaid.has(t)) && ownedColumn(w.sheet.grid, t.spec) !== t.ownedCol)) verdict.need("header");
    }
  }
  if (verdict.reason) return rescan(session, verdict.reason, work, others, true);

  // Re-read: the edited rows, or the whole sheet where a section heading, key or table end moved.
  const changed = new Map<LiveSheet, Map<number, RatedRecord | undefined>>(); // row → its rated record before
  const rerated: string[] = [];
  let problemsChanged = false;
  for (const w of work.values()) {
    const { sheet } = w;
    const old = new Map<number, RatedRecord | undefined>();
    changed.set(sheet, old);
    const rows = new Set<number>();
    if (rescanSheets.has(sheet)) {
      const next = scanSheet(sheet.grid, sheet.tables.map((t) => t.spec), sheet.scan.plans, session.rateOptions.period?.startYear, session.rateOptions.period?.quarter);
      for (const row of new Set([...sheet.scan.records.keys(), ...next.records.keys()])) {
        if (sheet.scan.records.has(row) !== next.records.has(row)) rows.add(row);
      }
      for (const row of new Set([...sheet.scan.unnamed.keys(), ...next.unnamed.keys()])) {
        if (JSON.stringify(sheet.scan.unnamed.get(row)) !== JSON.stringify(next.unnamed.get(row))) problemsChanged = true;
      }
      for (const row of w.rows) if (next.records.has(row) || sheet.scan.records.has(row)) rows.add(row);
      // Records kept: the same rating, read through the new record (its section may have changed).
      for (const [row, record] of next.records) {
        const r = sheet.rated.get(row);
        if (r && !rows.has(row)) sheet.rated.set(row, { record, rating: r.rating });
      }
      sheet.scan = next;
    } else {
      const cells = new SheetCells(sheet.grid);
      for (const row of w.rows) {
        const t = tableAt(sheet, row);
        if (!inBody(t, row)) continue;
        rows.add(row);
        const kind = classifyBodyRow(cells, tableShape(t.spec), row);
        const problems: Problem[] = [];
        const record = kind.kind === "data" && !sheet.scan.keyRows.get(t.spec)?.has(row) ? new TableRows(cells, t.spec, t.plan).read(row, sectionAt(sheet.scan.sections, row), problems) : undefined;
        if (record) sheet.scan.records.set(row, record);
        else sheet.scan.records.delete(row);
        const before = sheet.scan.unnamed.get(row);
        if (problems.length) sheet.scan.unnamed.set(row, problems[0]);
        else sheet.scan.unnamed.delete(row);
        if (JSON.stringify(before) !== JSON.stringify(problems[0])) problemsChanged = true;
      }
    }
    for (const row of rows) {
      const was = sheet.rated.get(row);
      old.set(row, was);
      if (was) count(session, was, -1);
      const t = tableAt(sheet, row);
      if (was && t && was.rating.checks.length > 0) t.checks--;
      const record = sheet.scan.records.get(row);
      const beforeProblems = sheet.ratingProblems.get(row);
      if (!record) {
        sheet.rated.delete(row);
        sheet.ratingProblems.delete(row);
        if (beforeProblems) problemsChanged = true;
        continue;
      }
      const now: RatedRecord = { record, rating: rateRecord(record, session.rateOptions) };
      sheet.rated.set(row, now);
      count(session, now, 1);
      if (t && now.rating.checks.length > 0) t.checks++;
      rerated.push(`${sheet.grid.name}!${row + 1}`);
      const problems: Problem[] = [];
      addRatingProblems(problems, record, now.rating, session.rateOptions);
      if (problems.length) sheet.ratingProblems.set(row, problems);
      else sheet.ratingProblems.delete(row);
      if (JSON.stringify(problems) !== JSON.stringify(beforeProblems ?? [])) problemsChanged = true;
    }
    for (const t of sheet.tables) {
      if ((t.checks > 0 ? 2 : 1) !== t.width && !relaid.has(t)) relaid.set(t, { ...t.spec });
    }
  }
  if (rerated.length === 0 && [...changed.values()].every((m) => m.size === 0) && !problemsChanged) return { kind: "none" };

  // Writes: each changed row's cells; a table whose columns of ours change is written whole.
  const plans = [];
  const coloured: { sheet: string; ranges: CellRange[] }[] = [];
  const cleared: { sheet: string; ranges: CellRange[] }[] = [];
  for (const [sheet, old] of changed) {
    const w = work.get(sheet)!;
    const out = new SheetWrites(sheet.grid.name);
    const gone: CellWrite[] = [];
    const fresh: CellWrite[] = [];
    for (const t of sheet.tables) {
      const before = relaid.get(t);
      if (before) {
        const ratedNow = [...sheet.rated.values()];
        const ratedThen = [...sheet.rated].filter(([row]) => !old.has(row)).map(([, r]) => r);
        for (const r of old.values()) if (r) ratedThen.push(r);
        w.patches = revert(sheet.grid, w.patches);
        const then = tableWrites(session.run.scheme, sheet.grid, before, ratedThen, session.options.written);
        w.patches = revert(sheet.grid, w.patches);
        const now = tableWrites(session.run.scheme, sheet.grid, t.spec, ratedNow, session.options.written);
        Object.assign(t, liveTable(sheet.grid, t.spec, t.plan, sheet.tables.map((x) => x.spec), sheet.rated, session.run.scheme, writtenOn(session.options.written, sheet.grid.name)));
        out.addPlan(now.plan);
        const diff = diffWrites(then.cells.values(), now.cells.values());
        gone.push(...diff.cleared);
        fresh.push(...diff.coloured);
        continue;
      }
      for (const [row, was] of old) {
        if (row < t.spec.firstRow || row > t.spec.lastRow) continue;
        const then = w.before.get(row)?.writes ?? rowWrites(layoutOf(session, t), row, was);
        const now = rowWrites(layoutOf(session, t), row, sheet.rated.get(row));
        out.add(now);
        const diff = diffWrites(then, now);
        gone.push(...diff.cleared);
        fresh.push(...diff.coloured);
      }
    }
    const plan = out.finish();
    if (plan.blocks.length || plan.styles.length) plans.push(plan);
    keepOwnWrites(sheet.grid, plan, gone);
    if (fresh.length) coloured.push({ sheet: sheet.grid.name, ranges: toRanges(fresh) });
    if (gone.length) cleared.push({ sheet: sheet.grid.name, ranges: toRanges(gone) });
  }
  if (problemsChanged) session.problems = allProblems(session);
  const update: LiveUpdate = {
    kind: "records",
    plans,
    coloured,
    counts: { indicator: { ...session.counts.indicator }, activity: { ...session.counts.activity } },
    problems: session.problems,
    rerated,
  };
  if (cleared.length) update.cleared = cleared;
  return update;
}

/** The edits go into the grids all the same, and the session is rebuilt from them before the next edits. */
function rescan(session: LiveSession, reason: Reason, work: Map<LiveSheet, SheetWork>, others: { grid: SheetGrid; edit: CellEdit }[], patched = false): LiveUpdate {
  if (reason === "structure") {
    // The grids cannot hold these edits where they are: the host reads the workbook again.
    session.pending = "grids";
    return { kind: "rescan", reason };
  }
  if (!patched) for (const w of work.values()) for (const e of w.edits) patchCell(w.sheet.grid, e.row, e.col, e.value, e.numberFormat);
  for (const { grid, edit } of others) patchCell(grid, edit.row, edit.col, edit.value, edit.numberFormat);
  session.pending = "rebuild";
  return { kind: "rescan", reason };
}
