// One burst of officers' edits, in at most two requests:
//   1 read   the changed cells that lie in a tracker zone (values and number formats, one range load per
//            rectangle of the union), and our record (column A of the record sheet)
//     … the incremental engine re-rates the records those cells touch (src/engine/live) …
//   2 write  whole-format backups of the cells coloured for the first time, the record listing them, then
//            the engine's edit plans (status colours and our own column, for those rows only)
// Nothing is read or written when no changed cell lies in a tracker zone (0 requests), and the write is
// skipped when the engine finds nothing to change (1 request).
import type { CellEdit, LiveUpdate } from "../../engine/live/types";
import type { SheetPlan } from "../../engine/vocab/plan";
import type { CellRange, CellValue } from "../../engine/vocab/types";
import type { XlCellProperties, XlClientResult, XlRange, XlRequestContext } from "../api";
import { queueBackup, queueCopyBack, queueRealign, queueRecordClears, realignments } from "../backup";
import { followCells, type MovedBackups } from "../moved-rows";
import { planTouches } from "../capture";
import { CellSet, cellKey, keyCell } from "../cells";
import { fromProperties, loadOptions } from "../cell-properties";
import { queueSavedFormats } from "../formats";
import { Batcher, DEFAULT_BUDGET, OP_OVERHEAD } from "../chunk";
import { isPayloadError } from "../slices";
import type { FormatKey, SavedFormat, SheetMemory } from "../saved";
import { allocateColumns, emptyMemory, keptOf, mergeStyled, officersBackedCells, styledOutside } from "../saved";
import type { StatePlace, StateRecord } from "../state";
import { queueStateSheet, stateCells } from "../state";
import { dateIn1900, toCellValue } from "../values";
import { queuePlan } from "../write";
import type { Burst, TrackerZone } from "./burst";
import { addCells, cellCount, emptyBurst } from "./burst";
import { queueRecordRead, queueRecordWrite } from "./record";

/** The read half's result: the edits for the engine, and our record as it is now. */
export interface BurstRead {
  edits: CellEdit[];
  /**
   * The other cells of the edited rows across the tracker (a small burst only): a formula among them (a
   * rating "=IF(E5>=D5,…)", a percentage "=C5/D5") has a new result and no change event of its own
   * (office-js#3899). The engine passes over those whose value it already has.
   */
  besideEdits: CellEdit[];
  record: StateRecord;
  /** Rectangles read (one range load each). */
  areas: number;
  /** The changed cells' formats an officer may have set (LIVE_KEPT), by sheet and cellKey; none for a large burst. */
  formats?: Map<string, Map<number, SavedFormat>>;
}

/**
 * What live colours keep of an officer's format on a rating cell it stops colouring (kept-formats.ts, as
 * Remove colours does): exact properties only, set again after the copy back. The font's name is left out:
 * set by name, a theme font would lose its tie to the theme, and the backup is not read here to compare.
 */
const LIVE_KEPT: FormatKey[] = ["italic", "fontSize", "wrap", "hAlign", "vAlign", "numberFormat"];
/** Bursts up to this many cells read their formats too (about 130 bytes a cell): a paste of a whole sheet does not. */
const LIVE_KEPT_CELLS = 5000;
/**
 * Bursts whose rows across the tracker come to at most this many cells (and rows) read them whole: about
 * 20 bytes a cell in figures, more with commentary. A request Excel refuses as too large is sent again
 * with the typed cells only.
 */
const ROW_CELLS = 20000;
const ROWS_ACROSS = 500;
/** A read refused as too large is split until its parts hold this many cells (2.5 KB a cell would fill 5 MB). */
const MIN_PART_CELLS = 2000;

/** The rows of `cells` across the tracker's columns (from the first the sheet was read from), where the zone is known. */
function rowsAcross(cells: CellSet, tracker: TrackerZone | undefined): CellSet {
  if (!tracker) return cells;
  const rows = new CellSet();
  for (const r of cells.rects()) rows.addRange({ top: r.top, bottom: r.bottom, left: Math.min(r.left, tracker.firstCol), right: Math.max(r.right, tracker.rect.right) });
  return rows;
}

/** Whether a burst's rows across the tracker are few enough to read whole (counted over: rectangles sharing rows count twice). */
function fewRows(burst: Burst): boolean {
  let cells = 0;
  let rows = 0;
  for (const [sheet, set] of burst.cells) {
    const tracker = burst.zones.get(sheet);
    for (const r of set.rects()) {
      const width = tracker ? Math.max(r.right, tracker.rect.right) - Math.min(r.left, tracker.firstCol) + 1 : r.right - r.left + 1;
      cells += (r.bottom - r.top + 1) * width;
      rows += r.bottom - r.top + 1;
    }
  }
  return cells <= ROW_CELLS && rows <= ROWS_ACROSS;
}

/** Cells typed since the burst was gathered (the next burst's): left to it, for its format capture and sort following. */
export type PendingCells = (sheet: string, row: number, col: number) => boolean;

/**
 * Request 1. No request at all when no changed cell lies in a tracker (`undefined`). With `across` (an
 * officer's own burst, about to be written for), the edited rows are read across the tracker, leaving out
 * the cells `pending` names.
 */
export async function readBurst(context: XlRequestContext, burst: Burst, place: StatePlace, date1904 = false, across?: { pending: PendingCells }): Promise<BurstRead | undefined> {
  const wide = across !== undefined && fewRows(burst);
  const withFormats = cellCount(burst) <= LIVE_KEPT_CELLS;
  if (wide) {
    try {
      return await readCells(context, burst, place, date1904, across.pending, withFormats);
    } catch (e) {
      // Long commentary across the rows: the typed cells alone, as before rows were read across.
      if (!isPayloadError(e)) throw e;
    }
  }
  return readInParts(context, burst, place, date1904, withFormats);
}

/**
 * The burst's cells alone; a read Excel refuses as too large (a font or fill set on a whole tracker with long
 * commentary raises a format event over all of it) is sent again as two halves of its rows, and so on.
 */
async function readInParts(context: XlRequestContext, burst: Burst, place: StatePlace, date1904: boolean, withFormats: boolean): Promise<BurstRead | undefined> {
  try {
    return await readCells(context, burst, place, date1904, undefined, withFormats);
  } catch (e) {
    // Parts so small cannot be what is too large (the record read with them is): not split further.
    const halves = isPayloadError(e) && cellCount(burst) > MIN_PART_CELLS ? splitRows(burst) : undefined;
    if (!halves) throw e;
    const first = await readInParts(context, halves[0], place, date1904, withFormats);
    const second = await readInParts(context, halves[1], place, date1904, withFormats);
    return joinReads(first, second);
  }
}

/** The burst's cells in two bursts, above and below the middle of its rows; undefined when they lie on one row. */
function splitRows(burst: Burst): [Burst, Burst] | undefined {
  let top = Infinity;
  let bottom = -Infinity;
  for (const set of burst.cells.values())
    for (const r of set.rects()) {
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.bottom);
    }
  if (!(bottom > top)) return undefined;
  const mid = Math.floor((top + bottom) / 2);
  const halves: [Burst, Burst] = [emptyBurst(), emptyBurst()];
  // Every cell of a burst lies in its sheet's zone (addCells put it there), so adding it again clips nothing.
  for (const [sheet, set] of burst.cells)
    for (const r of set.rects()) {
      if (r.top <= mid) addCells(halves[0], sheet, { ...r, bottom: Math.min(r.bottom, mid) }, burst.zones.get(sheet));
      if (r.bottom > mid) addCells(halves[1], sheet, { ...r, top: Math.max(r.top, mid + 1) }, burst.zones.get(sheet));
    }
  return halves;
}

/** Two parts of one burst's read as one (the record as the later read found it). */
function joinReads(a: BurstRead | undefined, b: BurstRead | undefined): BurstRead | undefined {
  if (!a || !b) return a ?? b;
  let formats: BurstRead["formats"];
  if (a.formats || b.formats) {
    formats = new Map(a.formats);
    for (const [sheet, cells] of b.formats ?? []) formats.set(sheet, new Map([...(formats.get(sheet) ?? []), ...cells]));
  }
  return { edits: [...a.edits, ...b.edits], besideEdits: [...a.besideEdits, ...b.besideEdits], record: b.record, areas: a.areas + b.areas, ...(formats ? { formats } : {}) };
}

/** The burst's cells, and with `pending` the rest of their rows across the tracker (those it names left out). */
async function readCells(context: XlRequestContext, burst: Burst, place: StatePlace, date1904: boolean, pending: PendingCells | undefined, withFormats: boolean): Promise<BurstRead | undefined> {
  const wide = pending !== undefined;
  const loads: { sheet: string; rect: CellRange; range: XlRange }[] = [];
  const propsLoads: { sheet: string; rect: CellRange; props: XlClientResult<XlCellProperties[][]>; formats: Map<number, SavedFormat> }[] = [];
  const formats = withFormats ? new Map<string, Map<number, SavedFormat>>() : undefined;
  for (const [sheet, cells] of burst.cells) {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const rect of (wide ? rowsAcross(cells, burst.zones.get(sheet)) : cells).rects()) {
      const range = ws.getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
      loads.push({ sheet, rect, range: range.load("values,numberFormat") });
    }
    if (!formats) continue;
    const sheetFormats = new Map<number, SavedFormat>();
    formats.set(sheet, sheetFormats);
    for (const rect of cells.rects()) {
      const props = ws.getRangeByIndexes(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1).getCellProperties(LIVE_OPTIONS);
      propsLoads.push({ sheet, rect, props, formats: sheetFormats });
    }
  }
  if (!loads.length) return undefined;
  const record = queueRecordRead(context, place);
  await context.sync();
  const edits: CellEdit[] = [];
  const besideEdits: CellEdit[] = [];
  /** Each changed cell's number format as read, by sheet and cellKey, for its saved format. */
  const readFormats = new Map<string, Map<number, unknown>>();
  for (const l of loads) {
    const values = l.range.values as unknown[][];
    const numberFormats = l.range.numberFormat as unknown[][];
    const changed = burst.cells.get(l.sheet);
    let sheetFormats = readFormats.get(l.sheet);
    if (!sheetFormats) readFormats.set(l.sheet, (sheetFormats = new Map()));
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        const nf = numberFormats[i]?.[j];
        const edit = { sheet: l.sheet, row: l.rect.top + i, col: l.rect.left + j, value: dateIn1900(toCellValue(v), nf, date1904), numberFormat: typeof nf === "string" ? nf : undefined };
        const mine = changed?.has(edit.row, edit.col) ?? false;
        if (mine) edits.push(edit);
        else if (!pending?.(edit.sheet, edit.row, edit.col)) besideEdits.push(edit);
        if (mine) sheetFormats.set(cellKey(edit.row, edit.col), nf);
      }),
    );
  }
  for (const p of propsLoads)
    p.props.value.forEach((line, i) =>
      line.forEach((cell, j) => {
        const key = cellKey(p.rect.top + i, p.rect.left + j);
        p.formats.set(key, { ...fromProperties(cell, LIVE_KEPT_SET), numberFormat: String(readFormats.get(p.sheet)?.get(key) ?? "") });
      }),
    );
  return { edits, besideEdits, record: record(), areas: loads.length, ...(formats ? { formats } : {}) };
}

const LIVE_KEPT_SET = new Set(LIVE_KEPT);
const LIVE_OPTIONS = loadOptions(LIVE_KEPT_SET);

/** What the officer set on their cells among `backed` that our runs never set there, as read before the copy back. */
function officersFormats(mem: SheetMemory, backed: CellSet, read: Map<number, SavedFormat> | undefined): Map<number, SavedFormat> {
  const out = new Map<number, SavedFormat>();
  const kept = keptOf(mem).filter((k) => LIVE_KEPT_SET.has(k));
  if (!read || !kept.length) return out;
  const officers = officersBackedCells(mem, backed);
  for (const r of officers.rects())
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const now = read.get(cellKey(row, col));
        if (!now) continue;
        const f: SavedFormat = {};
        for (const k of kept) if (now[k] !== undefined) Object.assign(f, { [k]: now[k] });
        out.set(cellKey(row, col), f);
      }
  return out;
}

const blanks = (r: CellRange): string[][] => Array.from({ length: r.bottom - r.top + 1 }, () => new Array<string>(r.right - r.left + 1).fill(""));

/** Each sheet's record moved to its rows where the edits show its rows sorted (row-keys.ts): only edited key cells changed. */
function followSort(memory: Record<string, SheetMemory>, edits: readonly CellEdit[]): Map<string, MovedBackups> {
  const out = new Map<string, MovedBackups>();
  const bySheet = new Map<string, Map<number, CellValue>>();
  for (const e of edits) {
    let at = bySheet.get(e.sheet);
    if (!at) bySheet.set(e.sheet, (at = new Map()));
    at.set(cellKey(e.row, e.col), e.value);
  }
  for (const [sheet, at] of bySheet) {
    const moved = memory[sheet] && followCells(memory[sheet], at, "unchanged");
    if (moved) out.set(sheet, moved);
  }
  return out;
}

/** Cells of a plan that get a format, and of the `coloured` ranges, not yet backed up. */
function freshCells(mem: SheetMemory, plan: SheetPlan, coloured: CellRange[]): { fresh: CellSet; values: CellSet } {
  const touches = planTouches(plan);
  const fresh = new CellSet();
  for (const k of touches.touched.keys()) {
    const { row, col } = keyCell(k);
    if (!mem.backed.has(row, col)) fresh.add(row, col);
  }
  for (const r of coloured) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (!mem.backed.has(row, col)) fresh.add(row, col);
  return { fresh, values: touches.values };
}

/**
 * Request 2 (one more per further 4 MB, which one burst does not reach): backups, the record, the plans.
 * Widths and heights are left out of live plans: Apply colours set them and saved what they replaced.
 */
export async function writeUpdate(context: XlRequestContext, place: StatePlace, record: StateRecord, update: Extract<LiveUpdate, { kind: "records" }>, formats?: BurstRead["formats"], edits: readonly CellEdit[] = []): Promise<{ syncs: number; backedUp: number }> {
  const writes = new Batcher(context, DEFAULT_BUDGET);
  const sheets = context.workbook.worksheets;
  const before = JSON.stringify(stateCells(record.owned, record.saved));
  const memory: Record<string, SheetMemory> = { ...record.saved };
  // A sort (its rows' values arrive as edits): the record follows its rows before anything is backed up.
  const moved = followSort(memory, edits);
  const realign = realignments(memory, (sheet) => moved.get(sheet));
  const fresh: { sheet: string; cells: CellSet }[] = [];
  for (const plan of update.plans) {
    const mem = (memory[plan.sheet] ??= emptyMemory());
    const coloured = update.coloured.filter((c) => c.sheet === plan.sheet).flatMap((c) => c.ranges);
    // What this plan sets on officers' cells joins the record's list (kept-formats.ts keeps the rest).
    mem.styled = mergeStyled(mem, styledOutside(plan));
    const found = freshCells(mem, plan, coloured);
    for (const r of found.values.rects()) mem.values.addRange(r);
    if (!found.fresh.size) continue;
    for (const r of found.fresh.rects()) mem.backed.addRange(r);
    fresh.push({ sheet: plan.sheet, cells: found.fresh });
  }
  let backedUp = 0;
  if (fresh.length || !place.exists || realign.length) {
    allocateColumns(memory, realign.flatMap((r) => [...r.was.values()]));
    await queueStateSheet(writes, context, place);
    const recordSheet = sheets.getItem(place.name);
    for (const r of realign) await queueRealign(writes, recordSheet, place.name, r.cells, r.was, r.now, r.moved);
    // Backups first, then the record naming them: a refused copy leaves the old record true.
    for (const f of fresh) {
      await queueBackup(writes, recordSheet, f.sheet, f.cells, memory[f.sheet].cols);
      backedUp += f.cells.size;
    }
    await queueRecordWrite(writes, context, place, record, stateCells(record.owned, memory));
    for (const r of realign) await queueRecordClears(writes, recordSheet, [...r.was.values()], r.rows);
  } else if (update.plans.some((p) => p.blocks.length)) {
    // Our column's cells are listed so Remove colours clears them; they are usually listed already.
    const after = stateCells(record.owned, memory);
    if (JSON.stringify(after) !== before) await queueRecordWrite(writes, context, place, record, after);
  }
  // Cells no longer coloured (an officer's rating typed away): their saved formats back, and any value
  // of ours cleared, before the plans write what is coloured now.
  for (const c of update.cleared ?? []) {
    const mem = memory[c.sheet];
    if (!mem) continue;
    const ws = sheets.getItem(c.sheet);
    const backed = new CellSet();
    const ours = new CellSet();
    for (const r of c.ranges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          if (mem.backed.has(row, col)) backed.add(row, col);
          if (mem.values.has(row, col)) ours.add(row, col);
        }
    if (backed.size) {
      await queueCopyBack(writes, ws, sheets.getItem(place.name), place.name, backed, mem.cols, true);
      await queueSavedFormats(writes, ws, officersFormats(mem, backed, formats?.get(c.sheet)));
    }
    for (const r of ours.rects()) await writes.add(OP_OVERHEAD, () => (ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1).values = blanks(r) as never));
  }
  for (const plan of update.plans) {
    await queuePlan(writes, sheets.getItem(plan.sheet), { ...plan, columnWidths: [], rowHeights: [], freeze: undefined, print: undefined, tabColor: undefined });
  }
  await writes.flush();
  return { syncs: writes.syncs, backedUp };
}
