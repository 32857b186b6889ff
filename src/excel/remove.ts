// Remove colours: put back every format Apply colours replaced, clear the add-in's own cells, and
// optionally delete the sheets it created. Four requests: facts, our record, what our cells hold now (none
// when the record lists no value of ours), the writes; one more per further 4 MB read or restored. Two
// when there is nothing to remove.
import type { CellRange, CellValue, Scheme, SheetGrid } from "../engine/vocab/types";
import { RULES_SHEET } from "../engine/rules-sheet/rules-sheet";
import { readRulesSheet } from "../engine/rules-sheet/rules-sheet-read";
import { officersAmong, officersStale, recordInPlace } from "../engine/trackers/foreign";
import { CellSet, cellKey, keyCell } from "./cells";
import type { ExcelRun, IsSetSupported, XlRequestContext } from "./api";
import { readAreas, sentUnlessTooBig, CellCosts, type Area } from "./slices";
import type { WorkbookFacts } from "./facts";
import type { MergedOverOurs, SheetMemory } from "./saved";
import { leaveMergedAlone } from "./saved";
import { Batcher, DEFAULT_BUDGET, OP_OVERHEAD } from "./chunk";
import { protectedSheet, protectedWorkbook } from "./errors";
import { findSheet, queueFacts, same } from "./facts";
import { queueRestore, queueSavedFormats, queueWholeClears } from "./formats";
import { OfficersChanges } from "./kept-formats";
import { queueMergesReaching, readSheets } from "./read";
import { queueStateWrite, stateCells, statePlace } from "./state";
import { queueCopyBack, queueRecordClears } from "./backup";
import { followCells, type MovedBackups } from "./moved-rows";
import { MAX_ROWS } from "./a1";
import { runAs } from "./run-options";
import { HISTORY_SHEET } from "../engine/history/types";
import { queueHelpReads, queueHelpRemoval } from "./live/rating-help";

export interface RemoveOptions {
  /** Also delete the summary sheets the add-in created (default: keep them). */
  deleteOwnedSheets?: boolean;
  budgetBytes?: number;
}

export interface RemoveResult {
  /** Sheets whose formats were restored. */
  restored: string[];
  /** Cells whose formats were put back. */
  cellsRestored: number;
  /** Owned sheets deleted. */
  deleted: string[];
  /** Sheets with saved formats that no longer exist (renamed or deleted): nothing to restore. */
  missing: string[];
  syncs: number;
}

/** Bytes a cell of ours is taken to cost until a response says better (read.ts assumes the same of trackers). */
const ASSUMED_CELL_BYTES = 50;

/** The bottom-right corner of every cell the record names on a sheet: merged areas are asked of A1 to it. */
function corner(mem: SheetMemory): CellRange {
  const at = { top: 0, left: 0, bottom: 0, right: 0 };
  const reach = (row: number, col: number) => {
    at.bottom = Math.max(at.bottom, row);
    at.right = Math.max(at.right, col);
  };
  for (const r of [...mem.values.rects(), ...mem.backed.rects()]) reach(r.bottom, r.right);
  for (const { row, col } of [...mem.cells.keys()].map(keyCell)) reach(row, col);
  return at;
}

/** Rows read under the record's last for its keys. */
const KEY_MARGIN = 64;

/**
 * The record's key cells (row-keys.ts) of a sheet to read: each key column on the rows of its backups and of our
 * cells (where a sort may have put a record), in spans a little gap joins. Not the rows between far-off keys.
 */
function keyColumns(mem: SheetMemory): CellRange[] {
  const cols = new Set([...(mem.keys?.values() ?? [])].map((k) => k.col));
  if (cols.size === 0) return [];
  const rows = new Set<number>(mem.keys!.keys());
  for (const set of [mem.backed, mem.values]) for (const r of set.rects()) for (let row = r.top; row <= r.bottom; row++) rows.add(row);
  // And a few rows under them: rows inserted above (live colours off) push the last records down.
  let last = 0;
  for (const row of rows) last = Math.max(last, row);
  for (let row = last + 1; row <= Math.min(last + KEY_MARGIN, MAX_ROWS - 1); row++) rows.add(row);
  const cells = new CellSet();
  for (const col of cols) for (const row of rows) cells.add(row, col);
  return cells.spans(8);
}

/** Whether a queued read came back (a request refused for its size leaves it unanswered). */
function answered(read: () => unknown): boolean {
  try {
    read();
    return true;
  } catch {
    return false;
  }
}

/** Sends the queued reads; false where Excel refused them (merged areas past 512). */
async function sentOrFailed(context: XlRequestContext): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads what the cells we wrote hold now. A figure, date or text of the officer's there (trackers/foreign.ts),
 * typed since, or in a column that moved under our record, leaves our record, so it is not cleared.
 * Read as the trackers are (slices.ts): requests sized from the bytes the first one carried. Cells inside a
 * merged area made since leave it too (saved.ts leaveMergedAlone: `found` gets what it decided). Returns the requests used.
 */
async function keepOfficersValues(context: XlRequestContext, facts: WorkbookFacts, restore: [string, SheetMemory][], scheme: Scheme | undefined, budget: number, found: Map<SheetMemory, MergedOverOurs>, moved: Map<SheetMemory, MovedBackups>, isSetSupported?: IsSetSupported): Promise<number> {
  const read: { mem: SheetMemory; rect: CellRange; grid: SheetGrid }[] = [];
  const keyReads: { mem: SheetMemory; rect: CellRange; grid: SheetGrid }[] = [];
  const areas: Area[] = [];
  for (const [name, mem] of restore) {
    const ws = context.workbook.worksheets.getItem(findSheet(facts, name)!.name);
    for (const rect of mem.values.rects()) {
      // One grid per rectangle, named for its sheet so the sheet's cells are measured together.
      const grid: SheetGrid = { name, values: [], numberFormats: [] };
      read.push({ mem, rect, grid });
      areas.push({ grid, ws, row: rect.top, col: rect.left, rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 });
    }
    // The cells the record's rows are known by (row-keys.ts), read with ours: sorted since, its backups follow their rows.
    for (const rect of keyColumns(mem)) {
      const grid: SheetGrid = { name, values: [], numberFormats: [] };
      keyReads.push({ mem, rect, grid });
      areas.push({ grid, ws, row: rect.top, col: rect.left, rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 });
    }
  }
  if (!areas.length) return 0;
  // Merged areas reaching our cells, asked in the first request the values go in: a section heading an
  // officer merged across our column since cannot be cleared in part.
  const ask = () => restore.map(([name, mem]) => ({ mem, read: queueMergesReaching(context.workbook.worksheets.getItem(findSheet(facts, name)!.name), corner(mem), isSetSupported) }));
  let merges = ask();
  let syncs: number;
  try {
    syncs = await readAreas(context, areas, budget, new CellCosts(() => ASSUMED_CELL_BYTES, true));
  } catch (e) {
    // Past 512 merged areas Excel fails the request carrying them: read again without them.
    if (!merges.some((m) => m.read)) throw e;
    merges = [];
    syncs = 1 + (await readAreas(context, areas, budget, new CellCosts(() => ASSUMED_CELL_BYTES, true)));
  }
  // A first request refused for its size went again without them: they get a request of their own.
  if (merges.some((m) => m.read && !answered(m.read))) {
    merges = ask();
    syncs++;
    if (!(await sentOrFailed(context))) merges = [];
  }
  const held = new Map<SheetMemory, Map<number, CellValue>>();
  for (const { mem, rect, grid } of read) {
    const values = held.get(mem) ?? new Map<number, CellValue>();
    grid.values.forEach((line, i) => line.forEach((v, j) => values.set(cellKey(rect.top + i, rect.left + j), v)));
    held.set(mem, values);
  }
  for (const [mem, values] of held) {
    const rects = mem.values.rects();
    const valueAt = (row: number, col: number): CellValue => values.get(cellKey(row, col)) ?? null;
    const theirs = officersAmong(rects, valueAt, scheme);
    for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (theirs(row, col)) mem.values.delete(row, col);
    // Columns inserted or deleted before ours since (live colours off): the record's positions hold an
    // officer's cells now, so no saved format or width goes back there.
    if (!recordInPlace(rects, valueAt, scheme)) {
      mem.backed = new CellSet();
      mem.cells = new Map();
      mem.widths = new Map();
    }
  }
  for (const mem of new Set(keyReads.map((k) => k.mem))) {
    if (!mem.keys || mem.backed.size + mem.cells.size === 0) continue;
    // Looked for on every row read: a record sorted onto a row the record has no key for (a blank row's) is found.
    // A row holds something where its key cell or a cell of ours does.
    const cells = new Map<number, CellValue>(held.get(mem));
    for (const { rect, grid } of keyReads.filter((k) => k.mem === mem)) grid.values.forEach((line, i) => line.forEach((v, j) => cells.set(cellKey(rect.top + i, rect.left + j), v)));
    const m = followCells(mem, cells, "blank");
    if (m) moved.set(mem, m);
  }
  // After the officer's own values are known: a merged heading they typed into our cell is theirs, not cleared.
  for (const { mem, read } of merges) {
    if (!read) continue;
    const values = held.get(mem);
    const theirs = officersStale((row, col) => values?.get(cellKey(row, col)) ?? null, scheme);
    found.set(mem, leaveMergedAlone(mem, read(), theirs));
  }
  return syncs;
}

export async function removeColours(run: ExcelRun, opts: RemoveOptions = {}): Promise<RemoveResult> {
  return runAs(run, "remove", async (context) => {
    const readFacts = queueFacts(context);
    await context.sync();
    const facts = readFacts();
    // The rating help lists live colours put on (live/rating-help.ts), read with the record: no request of its own.
    const readHelp = queueHelpReads(context, facts);
    // The rules sheet comes in the same request: a status written under its own symbols is ours to clear.
    const read = await readSheets(context, facts, { only: [RULES_SHEET] });
    const rules = read.grids.find((g) => same(g.name, RULES_SHEET));
    const scheme = rules ? readRulesSheet(rules)?.scheme : undefined;
    const help = await readHelp.read(facts.state?.name);
    const { saved, owned } = read.state;
    for (const name of Object.keys(help)) if (findSheet(facts, name)?.protected) throw protectedSheet(findSheet(facts, name)!.name);
    const restore = Object.entries(saved).filter(([name]) => findSheet(facts, name));
    const missing = Object.keys(saved).filter((name) => !findSheet(facts, name));
    for (const [name] of restore) if (findSheet(facts, name)!.protected) throw protectedSheet(findSheet(facts, name)!.name);
    // Keep at least one visible sheet: Excel cannot delete the last one. The history is kept: it is
    // the only record of earlier periods' statuses (issue 14).
    const live = owned.filter((o) => !same(o.plan, HISTORY_SHEET)).map((o) => findSheet(facts, o.sheet)).filter((s) => s !== undefined && s !== facts.state);
    const visibleLeft = facts.sheets.filter((s) => s.visibility === "Visible").length;
    const deleting = opts.deleteOwnedSheets ? live.slice(0, Math.max(0, Math.min(live.length, visibleLeft - 1))).map((s) => s!.name) : [];
    if (deleting.length && facts.workbookProtected) throw protectedWorkbook();
    const writesState = restore.length > 0 || missing.length > 0 || deleting.length > 0;
    if (writesState && facts.state?.protected) throw protectedSheet(facts.state.name);

    const sheets = context.workbook.worksheets;
    const place = statePlace(facts);
    const record = sheets.getItem(place.name);
    const budget = opts.budgetBytes ?? DEFAULT_BUDGET;
    const tracker = (name: string) => sheets.getItem(findSheet(facts, name)!.name);
    // What officers changed on their coloured cells since Apply colours: the copies back must not undo
    // it. Read with what our cells hold when it fits beside it (the usual case), else on its own.
    const later = OfficersChanges.sized(record, restore.map(([name, mem]) => ({ ws: tracker(name), mem, cells: mem.backed })), budget / 4);
    const shared = later.bytes > 0 && later.bytes <= budget / 4;
    if (shared) later.queueAll();
    const inMerges = new Map<SheetMemory, MergedOverOurs>();
    const moved = new Map<SheetMemory, MovedBackups>();
    let valuesRead = await keepOfficersValues(context, facts, restore, scheme, shared ? budget - later.bytes : budget, inMerges, moved, run.isSetSupported);
    if (shared && valuesRead === 0) {
      // Refused for its size, it leaves the reads unanswered: found below.
      await sentUnlessTooBig(context);
      valuesRead = 1;
    }
    // A request Excel refused for its size (shared, or theirs alone) left these reads unanswered: they get their own.
    const laterSyncs = later.bytes === 0 || (shared && later.arrived()) ? 0 : await later.read(context, budget);
    const writes = new Batcher(context, budget);
    let cellsRestored = 0;
    for (const [i, [name, mem]] of restore.entries()) {
      const ws = tracker(name);
      await queueRestore(writes, ws, mem);
      await queueWholeClears(writes, ws, inMerges.get(mem)?.clearWhole ?? []);
      // Whole formats from the record sheet: theme colours, tints, patterns and automatic colours as they were.
      // Sorted since: each backup from the record row it was made in.
      await queueCopyBack(writes, ws, record, place.name, mem.backed, mem.cols, false, moved.get(mem));
      const gone = moved.get(mem)?.dropped ?? [];
      for (const d of gone) if (mem.cols.has(d.col)) await queueRecordClears(writes, record, [mem.cols.get(d.col)!], { top: d.row, bottom: d.row });
      const inMerge = inMerges.get(mem)?.inMerge;
      await queueSavedFormats(writes, ws, inMerge ? new Map([...later.changes(i)].filter(([key]) => !inMerge(key))) : later.changes(i));
      cellsRestored += mem.cells.size + mem.backed.size;
    }
    if (facts.state) cellsRestored += await queueHelpRemoval(writes, context, facts, facts.state.name, help);
    if (deleting.length) {
      await writes.add(OP_OVERHEAD * 2 * deleting.length, () =>
        deleting.forEach((n) => {
          const ws = sheets.getItem(n);
          // Excel refuses to delete a very hidden sheet: it is made hidden first.
          if (findSheet(facts, n)?.visibility === "VeryHidden") ws.visibility = "Hidden";
          ws.delete();
        }),
      );
    }
    // Forget the saved formats last, once everything they describe has been put back.
    if (writesState) {
      const keep = owned.filter((o) => findSheet(facts, o.sheet) && !deleting.some((d) => same(d, o.sheet)));
      await queueStateWrite(writes, context, statePlace(facts), read.state.rows, stateCells(keep, {}));
    }
    await writes.flush();
    return { restored: restore.map(([n]) => findSheet(facts, n)!.name), cellsRestored, deleted: deleting, missing, syncs: 1 + read.syncs + readHelp.syncs + valuesRead + laterSyncs + writes.syncs };
  });
}
