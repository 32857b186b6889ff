// The add-in's record of what it replaced, kept by a build too (src/excel/saved.ts, backup.ts), so that
// Remove colours in Excel puts an officer's formats back after the file went through the command line.
// The add-in backs up a cell's whole format by copying it into the very hidden record sheet: same row,
// in the column the record gives the cell's column (from C). In the package that copy is a cell whose
// format index is the one the officer's cell had; Excel's copyFrom "Formats" copies it back. A cell
// backed up earlier keeps its backup (it shows our colours now), as in the add-in's mergeBackups.
import type { SheetPlan } from "../../engine/vocab/plan";
import type { Scheme, SheetGrid } from "../../engine/vocab/types";
import { entryOfSheet, sameSheetName } from "../../engine/sheets/ownership";
import { cellValue } from "../../engine/read/cells";
import { isOurWrite, officersStale, recordInPlace } from "../../engine/trackers/foreign";
import { allocateColumns, emptyMemory, encodeSaved, keptOf, mergeStyled, officersBackedCells, pieces, styledOutside, type FormatKey, type SheetMemory } from "../../excel/saved";
import { CellSet, cellKey } from "../../excel/cells";
import { followGrid, keysKept } from "../../excel/moved-rows";
import type { RowKey } from "../../engine/trackers/row-keys";
import type { CellEdit, SheetEdits } from "./sheet-edits";
import type { FormatSeen } from "./sheet-patch";
import { widthPoints } from "./sheet-head";

/** The cells a patch laid styles over, with the format index each had, in the order seen. */
export class FormatsReplaced {
  readonly rows: number[] = [];
  readonly cols: number[] = [];
  readonly xfs: number[] = [];
  readonly add: FormatSeen = (row, col, xf) => {
    this.rows.push(row);
    this.cols.push(col);
    this.xfs.push(xf);
  };
}

/**
 * What an earlier run left on a sheet that this one no longer writes or colours (the table ends higher up
 * now), put back as Apply colours puts it back (src/excel/apply.ts): our values cleared, but for a cell
 * that holds an officer's value now; formats copied back from their backups, which are then forgotten.
 */
export interface StaleCells {
  clear: CellSet;
  restore: CellSet;
  /**
   * Backups of cells no longer coloured where the record is out of place (columns inserted or deleted
   * before ours since): forgotten, not put back. Put back, or left for the next run or Remove colours,
   * they would land on an officer's column.
   */
  forget: CellSet;
  /**
   * Cells of our column holding a status of ours with no backup: a build before builds kept a record
   * wrote them, so their format is ours, not the officer's, and is not backed up.
   */
  ours: CellSet;
  /**
   * Columns an earlier run sized that this one does not (our Check column, gone with the checks), with the
   * width in points each had before (0: hidden): put back as Apply colours puts them back. None where the
   * record is out of place.
   */
  widths: Map<number, number>;
  /** Such columns where the record is out of place: their widths leave the record, not put back (as Apply colours forgets them). */
  widthsGone: Set<number>;
  /** Whether the record's positions still hold our cells (trackers/foreign.ts recordInPlace). */
  inPlace: boolean;
}

function cellsOf(plans: SheetPlan[], what: "blocks" | "styles"): CellSet {
  const out = new CellSet();
  for (const plan of plans) {
    if (what === "blocks") for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((_, j) => out.add(b.row + i, b.col + j)));
    else for (const g of plan.styles) for (const r of g.ranges) out.addRange(r);
  }
  return out;
}

const eachCell = (set: CellSet, f: (row: number, col: number) => void): void => {
  for (const r of set.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
};

/**
 * Each officer's sheet's stale cells (StaleCells), by sheet name, from the record of earlier runs and the
 * edit plans of this one. Needs the sheets' values (`grids`): what an officer typed is theirs, and whether
 * our column is where the record says (trackers/foreign.ts recordInPlace). Where columns were inserted
 * or deleted before ours since, no format is put back and those backups are forgotten: they would land on
 * an officer's cells.
 */
export function staleCells(saved: Record<string, SheetMemory>, plans: SheetPlan[], grids: SheetGrid[], scheme?: Scheme): Map<string, StaleCells> {
  const out = new Map<string, StaleCells>();
  for (const plan of plans) {
    if (plan.action !== "edit" || [...out.keys()].some((k) => sameSheetName(k, plan.sheet))) continue;
    const grid = grids.find((g) => sameSheetName(g.name, plan.sheet));
    if (!grid) continue;
    const old = entryOfSheet(saved, plan.sheet);
    const valueAt = (row: number, col: number) => cellValue(grid, row, col);
    const mine = plans.filter((p) => p.action === "edit" && sameSheetName(p.sheet, plan.sheet));
    const written = cellsOf(mine, "blocks");
    const stale: StaleCells = { clear: new CellSet(), restore: new CellSet(), forget: new CellSet(), ours: new CellSet(), widths: new Map(), widthsGone: new Set(), inPlace: true };
    eachCell(written, (row, col) => {
      const v = valueAt(row, col);
      if (!old?.backed.has(row, col) && typeof v === "string" && isOurWrite(v, scheme)) stale.ours.add(row, col);
    });
    if (old) {
      const touched = cellsOf(mine, "styles");
      const left = new CellSet();
      for (const p of mine) for (const c of p.leaveAlone ?? []) left.add(c.row, c.col);
      const theirs = officersStale(valueAt, scheme);
      eachCell(old.values, (row, col) => {
        if (!written.has(row, col) && !left.has(row, col) && !theirs(row, col)) stale.clear.add(row, col);
      });
      const inPlace = recordInPlace(old.values.rects(), valueAt, scheme);
      stale.inPlace = inPlace;
      const into = inPlace ? stale.restore : stale.forget;
      eachCell(old.backed, (row, col) => !touched.has(row, col) && into.add(row, col));
      // A column we still write in keeps its width (our status column is left unsized while an old status
      // of ours sits below a table that got shorter: put back, it flipped on every build).
      const ours = new Set(mine.flatMap((p) => [...p.columnWidths.map((w) => w.col), ...p.blocks.flatMap((b) => b.values[0]?.map((_, i) => b.col + i) ?? [])]));
      // Out of place, the record's columns are not ours any more: put back, a width would land on an officer's
      // column on a later build (helper-62).
      for (const [col, points] of old.widths) {
        if (ours.has(col)) continue;
        if (inPlace) stale.widths.set(col, points);
        else stale.widthsGone.add(col);
      }
    }
    if (stale.clear.size || stale.restore.size || stale.forget.size || stale.ours.size || stale.widths.size || stale.widthsGone.size || !stale.inPlace) out.set(plan.sheet, stale);
  }
  return out;
}

/** A cell of a sheet to change as it is: its value (null clears it) and its format index. */
export interface CellChange {
  row: number;
  col: number;
  value?: null;
  xf?: number;
  /** With `xf`: what to take from the cell's own format where it differs (CellEdit.keep). */
  keep?: readonly FormatKey[];
}

/**
 * The changes that put back a sheet's stale cells: values cleared, formats from the record's backups
 * (`formats`, the record sheet's format indexes by cellKey; a backup with none is the default format).
 * The backups put back, and those to forget, leave the record (`mem.backed`, changed in place); `clears`
 * gets their record cells, whose format goes back to the default.
 */
export function putBack(stale: StaleCells, mem: SheetMemory, formats: Map<number, number>, clears: Backup[]): CellChange[] {
  const changes = new Map<number, CellChange>();
  const change = (row: number, col: number): CellChange => {
    const k = cellKey(row, col);
    let c = changes.get(k);
    if (!c) changes.set(k, (c = { row, col }));
    return c;
  };
  /** Takes a backup out of the record; its record column, if the record gives it one. */
  const drop = (row: number, col: number): number | undefined => {
    mem.backed.delete(row, col);
    const at = mem.cols.get(col);
    if (at !== undefined) clears.push({ row, col: at, xf: 0 });
    return at;
  };
  eachCell(stale.clear, (row, col) => (change(row, col).value = null));
  // On an officer's own cells, what they changed since the backup stays (the add-in's kept-formats.ts).
  const keep = keptOf(mem);
  const officers = keep.length ? officersBackedCells(mem, stale.restore) : undefined;
  eachCell(stale.restore, (row, col) => {
    const at = drop(row, col);
    // A backup the record gives no column cannot be copied back (as in the add-in's queueCopyBack): forgotten.
    if (at === undefined) return;
    const c = change(row, col);
    c.xf = formats.get(cellKey(row, at)) ?? 0;
    if (officers?.has(row, col)) c.keep = keep;
  });
  eachCell(stale.forget, drop);
  return [...changes.values()];
}

/** One sheet a build patched: its edit plan and what the patch replaced. */
export interface PatchedRecord {
  name: string;
  plan: SheetPlan;
  replaced: FormatsReplaced;
  /** The widths in points of the columns the patch sized, before it (SheetPatcher.widthsBefore). */
  widths: Map<number, number>;
  /** Cells whose format is ours already (StaleCells.ours): not backed up. */
  ours?: CellSet;
  /** Columns whose widths the patch put back (StaleCells.widths): they leave the record. */
  widthsPutBack?: readonly number[];
  /** The key of each of the sheet's records by row, as they are in this build (row-keys.ts sheetRowKeys): kept for the rows backed up. */
  keys?: ReadonlyMap<number, RowKey>;
}

export interface Backup {
  /** The record sheet's cell (zero-based). */
  row: number;
  col: number;
  xf: number;
}

export interface RecordUpdate {
  /** True when the add-in's memory (column A from A2) must be written again. */
  changed: boolean;
  /** Cells of the record sheet to set to an officer's format (or back to the default: `clears`, backups put back). */
  backups: Backup[];
}

/**
 * Adds a build's work to the add-in's memory (`saved`, changed in place): the cells of ours each plan
 * writes become its list of them, each cell the patch coloured for the first time is backed up, and so is
 * the width of a column it sized for the first time. A sheet the record has no entry for gets one, as
 * Apply colours makes.
 */
export function recordBuild(saved: Record<string, SheetMemory>, sheets: PatchedRecord[], clears: Backup[] = []): RecordUpdate {
  let changed = clears.length > 0;
  const fresh: { mem: SheetMemory; row: number; col: number; xf: number }[] = [];
  for (const { name, plan, replaced, widths, ours, widthsPutBack, keys } of sheets) {
    // The exact name first, as the add-in and the engine look it up (a record may hold an old name in other case).
    let mem = entryOfSheet(saved, name);
    if (!mem) saved[name] = mem = emptyMemory();
    // Moved since it was read (a sort): what the record sheet holds is where the rows were.
    if (followed.has(mem)) changed = true;
    const styled = mergeStyled(mem, styledOutside(plan));
    if (JSON.stringify([...(styled ?? [])]) !== JSON.stringify([...(mem.styled ?? [])]) || !styled !== !mem.styled) changed = true;
    mem.styled = styled;
    // The cells of ours are the ones this run wrote, as Apply colours records them: the stale ones were
    // cleared (staleCells), and those the officer holds now are theirs.
    const values = cellsOf([plan], "blocks");
    // rects() lists a set's rectangles in one order, so equal sets list equal rectangles.
    if (JSON.stringify(values.rects()) !== JSON.stringify(mem.values.rects())) changed = true;
    mem.values = values;
    for (const col of widthsPutBack ?? []) changed = mem.widths.delete(col) || changed;
    // A width saved earlier is the officer's (the column is ours now); Remove colours puts it back.
    for (const [col, points] of widths) {
      // A column as wide as we make it is ours already (a build before builds kept a record, or our column moved there).
      const ourWidth = plan.columnWidths.find((w) => w.col === col)?.width;
      if (mem.widths.has(col) || (ourWidth !== undefined && Math.abs(widthPoints(ourWidth) - points) < 0.01)) continue;
      mem.widths.set(col, points);
      changed = true;
    }
    const { rows, cols, xfs } = replaced;
    for (let i = 0; i < rows.length; i++) {
      // A format an older record saved property by property is the officer's, and Remove colours puts it back.
      if (mem.backed.has(rows[i], cols[i]) || mem.cells.has(cellKey(rows[i], cols[i])) || ours?.has(rows[i], cols[i])) continue;
      mem.backed.add(rows[i], cols[i]);
      fresh.push({ mem, row: rows[i], col: cols[i], xf: xfs[i] });
    }
    // Which record each backed-up row holds, so a rebuild after a sort finds its backups (followSortedRows).
    if (keys) {
      const kept = keysKept(mem, keys);
      if (!sameKeys(kept, mem.keys)) changed = true;
      mem.keys = kept;
    }
  }
  // Only the record's own changes (moves, putBack's clears) can name a cell twice: fresh backups are of cells backed up for the first time.
  if (fresh.length === 0) return { changed, backups: lastPerCell(clears) };
  allocateColumns(saved);
  const backups = [...clears, ...fresh.map((f) => ({ row: f.row, col: f.mem.cols.get(f.col) as number, xf: f.xf }))];
  return { changed: true, backups: clears.length ? lastPerCell(backups) : backups };
}

function sameKeys(a: ReadonlyMap<number, RowKey>, b: ReadonlyMap<number, RowKey> | undefined): boolean {
  if (a.size !== (b?.size ?? 0)) return false;
  for (const [row, k] of a) {
    const other = b?.get(row);
    if (!other || other.col !== k.col || other.key !== k.key) return false;
  }
  return true;
}

/** One change per record cell, the last given (a backup moved there, then put back, is cleared): the patcher writes each cell once. */
function lastPerCell(backups: Backup[]): Backup[] {
  const out = new Map<number, Backup>();
  for (const b of backups) {
    const k = cellKey(b.row, b.col);
    out.delete(k);
    out.set(k, b);
  }
  return out.size === backups.length ? backups : [...out.values()];
}

/**
 * The memories followSortedRows moved: their record (column A) is written again, whether or not a record
 * sheet cell changed, so its keys, backups and cells of ours say where they are now.
 */
const followed = new WeakSet<SheetMemory>();

/**
 * The record moved to the rows its records are on now, where an officer sorted a sheet since it was
 * kept (Data > Sort moves values and formats with their rows, not the record): `saved` and `formats`
 * (the record sheet's format indexes by cellKey) are changed in place, so staleCells and putBack read
 * each backup at its record's row, and the engine's list of cells of ours (`values`) is where they are.
 * Returns the record sheet's cells to write: each moved backup at its row now, and the cells of the rows
 * it left (or of a backup that cannot be placed) cleared.
 */
export function followSortedRows(saved: Record<string, SheetMemory>, grids: readonly SheetGrid[], formats: Map<number, number>): Backup[] {
  const writes = new Map<number, Backup>();
  for (const grid of grids) {
    const mem = entryOfSheet(saved, grid.name);
    const before = mem?.backed;
    // Our statuses and checks move with their rows too (moveSavedRows); a sorted Excel table's own columns only.
    const m = mem && followGrid(mem, grid);
    if (!mem || !before || !m) continue;
    followed.add(mem);
    // The rows each moved backup left, and the backups dropped, are cleared; then each moved backup is written at its row now.
    for (const was of m.from.values()) for (const [col, at] of mem.cols) if (m.moves(col) && before.has(was, col)) writes.set(cellKey(was, at), { row: was, col: at, xf: 0 });
    for (const d of m.dropped) {
      const at = mem.cols.get(d.col);
      if (at !== undefined) writes.set(cellKey(d.row, at), { row: d.row, col: at, xf: 0 });
    }
    // Read from the record as it was: a sort is a permutation, and a backup may move onto a row whose own moved on.
    for (const [row, was] of m.from) for (const [col, at] of mem.cols) if (m.moves(col) && mem.backed.has(row, col)) writes.set(cellKey(row, at), { row, col: at, xf: formats.get(cellKey(was, at)) ?? 0 });
  }
  // A cell whose format the move leaves as it is needs no write (our column's backups are mostly of the default
  // format: written, each sort added an empty cell per row to the record sheet, and sorted back it was not as before).
  const out: Backup[] = [];
  for (const [k, b] of writes) {
    if ((formats.get(k) ?? 0) === b.xf) continue;
    out.push(b);
    if (b.xf) formats.set(k, b.xf);
    else formats.delete(k);
  }
  return out;
}

/** Column A of the record sheet: A1, the memory in pieces, and blanks over what a longer record left. */
export function recordColumn(a1: string, saved: Record<string, SheetMemory>, previousRows: number): string[] {
  const json = encodeSaved(saved);
  const cells = [a1, ...(json ? pieces(json) : [])];
  while (cells.length < previousRows) cells.push("");
  return cells;
}

/**
 * `edits` with `changes` put in: a change on a cell the edits already change is joined to that cell's edit
 * (a value to clear, a format to set as it is); rows and cells stay in order for the patcher's single pass.
 */
export function withChanges(edits: SheetEdits, changes: readonly CellChange[]): SheetEdits {
  if (changes.length === 0) return edits;
  // Row by row, merging the edits' rows with the changes sorted (100,000 backups at corporate scale).
  const sorted = changes.slice().sort((a, b) => a.row - b.row || a.col - b.col);
  const rows: SheetEdits["rows"] = [];
  const extent = edits.extent ? { ...edits.extent } : { top: sorted[0].row, bottom: sorted[0].row, left: sorted[0].col, right: sorted[0].col };
  let i = 0;
  let j = 0;
  while (i < edits.rows.length || j < sorted.length) {
    const row = Math.min(edits.rows[i]?.row ?? Infinity, sorted[j]?.row ?? Infinity);
    const mixed = edits.rows[i]?.row === row;
    const cells: CellEdit[] = mixed ? edits.rows[i++].cells.map((c) => ({ ...c })) : [];
    for (; j < sorted.length && sorted[j].row === row; j++) {
      const c = sorted[j];
      let edit = mixed ? cells.find((e) => e.col === c.col) : undefined;
      if (!edit) cells.push((edit = { col: c.col, styles: [] }));
      if (c.value !== undefined) edit.value = c.value;
      if (c.xf !== undefined) {
        edit.xf = c.xf;
        edit.styles = [];
        if (c.keep) edit.keep = c.keep;
      }
      if (c.col < extent.left) extent.left = c.col;
      if (c.col > extent.right) extent.right = c.col;
    }
    if (mixed) cells.sort((a, b) => a.col - b.col);
    rows.push({ row, cells });
  }
  extent.top = Math.min(extent.top, sorted[0].row);
  extent.bottom = Math.max(extent.bottom, sorted[sorted.length - 1].row);
  return { ...edits, rows, extent };
}
