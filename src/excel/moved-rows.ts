// The record of a sheet whose rows an officer sorted since its formats were backed up (Data > Sort moves
// values and formats with their rows; the record, kept by position, stays). Shared by both hosts: the
// record's cells move to the rows their records are on now (engine/trackers/row-keys.ts rowMoves), and
// each moved backup is still in the record sheet's row it was copied to: `from` says which.
import { filledRow, gridRows, rowMoves, type RowKey, type RowMoves } from "../engine/trackers/row-keys";
import { cellValue as gridValue, isBlank } from "../engine/read/cells";
import type { CellValue, SheetGrid } from "../engine/vocab/types";
import { CellSet, cellKey, keyCell } from "./cells";
import type { SavedFormat, SheetMemory } from "./saved";

export interface MovedBackups {
  /** The record sheet's row holding the backup of each sheet row that moved (row now → row backed up). */
  from: Map<number, number>;
  /** Backups whose row could not be placed (another record sits there now): forgotten, by the sheet row and column they were kept for. */
  dropped: { row: number; col: number }[];
  /** Whether a column's cells moved with the rows (a sorted Excel table moves its own columns only). */
  moves: (col: number) => boolean;
}

/** Whether a column moves with the rows of `keys`: inside the Excel table a key is in, or anywhere for a key in a plain range. */
function movingColumns(keys: ReadonlyMap<number, RowKey> | undefined): (col: number) => boolean {
  const spans: { left: number; right: number }[] = [];
  for (const k of keys?.values() ?? []) {
    if (!k.within) return () => true;
    if (!spans.some((s) => s.left === k.within!.left && s.right === k.within!.right)) spans.push(k.within);
  }
  return (col) => spans.length === 0 || spans.some((s) => col >= s.left && col <= s.right);
}

/**
 * Each row's row now (-1: nowhere). Rows rowMoves places move there. A row with no key between two keyed rows
 * moved by the same count moves with them (rows inserted above a record whose ref is blank). A row it cannot
 * place whose place another row took (a blank ref, a ref two rows share, a ref edited and sorted) takes, in
 * order, a row its records left that no other took and that holds something now (`filled`): the records left to
 * place are those, and leaving it coloured with ours would be worse. An empty row left (a record deleted, the rows
 * under it moved up) takes none: a deleted record's formats have nowhere to go.
 */
function destinations(rows: readonly number[], moves: RowMoves, keyed: ReadonlySet<number>, filled: (row: number) => boolean): Map<number, number> {
  const taken = new Set<number>();
  for (const to of moves.values()) if (to >= 0) taken.add(to);
  const shift = (row: number): number | undefined => {
    const to = moves.has(row) ? moves.get(row)! : row;
    return to >= 0 ? to - row : undefined;
  };
  const keys = rows.filter((row) => keyed.has(row));
  const dest = new Map<number, number>();
  let k = 0;
  for (const row of rows) {
    if (moves.has(row)) {
      dest.set(row, moves.get(row)!);
      continue;
    }
    if (!keyed.has(row)) {
      while (k < keys.length && keys[k] < row) k++;
      // Between two keyed rows moved alike. Not above or below them all: a header row stays where rows are
      // inserted under it, and it cannot be told from rows inserted above it.
      const below = k < keys.length ? shift(keys[k]) : undefined;
      let by = k > 0 && shift(keys[k - 1]) === below ? below : undefined;
      // Rows inserted right above it: its row is empty now, and the row the records under it moved by holds something.
      if (by === undefined && below && !filled(row) && filled(row + below)) by = below;
      if (by && !taken.has(row + by)) {
        dest.set(row, row + by);
        taken.add(row + by);
        continue;
      }
    }
    dest.set(row, taken.has(row) ? -1 : row);
  }
  const occupied = new Set<number>(taken);
  for (const [row, to] of dest) if (to === row) occupied.add(row);
  const unplaced = rows.filter((row) => dest.get(row) === -1);
  const left = rows.filter((row) => !occupied.has(row) && filled(row));
  unplaced.forEach((row, i) => {
    if (i < left.length) dest.set(row, left[i]);
  });
  return dest;
}

/**
 * Moves `mem`'s backups, saved formats, keys and cells of ours (in place) to the rows their records are on now,
 * in the columns that moved with them (`filled`: whether a row holds anything now, where the host knows). Ours
 * too: a check of ours (free text) that a sort put on a row we had not written would be taken for the officer's.
 */
export function moveSavedRows(mem: SheetMemory, moves: RowMoves, filled: (row: number) => boolean = () => true): MovedBackups {
  const moving = movingColumns(mem.keys);
  const rows = new Set<number>();
  const eachRow = (set: CellSet, f: (row: number, col: number) => void): void => {
    for (const r of set.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
  };
  eachRow(mem.backed, (row, col) => moving(col) && rows.add(row));
  eachRow(mem.values, (row, col) => moving(col) && rows.add(row));
  for (const k of mem.cells.keys()) if (moving(keyCell(k).col)) rows.add(keyCell(k).row);
  for (const row of mem.keys?.keys() ?? []) rows.add(row);
  for (const row of moves.keys()) rows.add(row);
  const dest = destinations([...rows].sort((a, b) => a - b), moves, new Set(mem.keys?.keys() ?? []), filled);
  const to = (row: number, col: number): number => (moving(col) ? (dest.get(row) ?? row) : row);
  const from = new Map<number, number>();
  for (const [was, now] of dest) if (now >= 0 && now !== was) from.set(now, was);
  const dropped: { row: number; col: number }[] = [];
  const backed = new CellSet();
  eachRow(mem.backed, (row, col) => {
    const now = to(row, col);
    if (now < 0) dropped.push({ row, col });
    else backed.add(now, col);
  });
  mem.backed = backed;
  const values = new CellSet();
  eachRow(mem.values, (row, col) => to(row, col) >= 0 && values.add(to(row, col), col));
  mem.values = values;
  const cells = new Map<number, SavedFormat>();
  for (const [k, f] of mem.cells) {
    const { row, col } = keyCell(k);
    if (to(row, col) >= 0) cells.set(cellKey(to(row, col), col), f);
  }
  mem.cells = cells;
  if (mem.keys) {
    const keys = new Map<number, RowKey>();
    for (const [row, key] of mem.keys) if (to(row, key.col) >= 0) keys.set(to(row, key.col), key);
    mem.keys = keys;
  }
  return { from, dropped, moves: moving };
}

/**
 * The record of a sheet read whole (`grid`: Apply colours, a rebuild), moved (in place) to the rows its records
 * are on now where they were sorted or shifted since; undefined where no row moved.
 */
export function followGrid(mem: SheetMemory, grid: SheetGrid): MovedBackups | undefined {
  if (!mem.keys?.size) return undefined;
  const moves = rowMoves(mem.keys, (row, col) => gridValue(grid, row, col), { rows: gridRows(grid) });
  return moves && moveSavedRows(mem, moves, filledRow(grid));
}

/**
 * The same where only some cells were read (`cells`, by cellKey): the key cells and ours Remove colours reads,
 * or a live burst's edits (`unread`: "unchanged", cells not given are as they were, and their rows filled).
 */
export function followCells(mem: SheetMemory, cells: ReadonlyMap<number, CellValue>, unread: "blank" | "unchanged"): MovedBackups | undefined {
  if (!mem.keys?.size) return undefined;
  const rows = new Set<number>();
  const filled = new Set<number>();
  for (const [k, v] of cells) {
    rows.add(keyCell(k).row);
    if (!isBlank(v)) filled.add(keyCell(k).row);
  }
  const unchanged = unread === "unchanged" ? (row: number, col: number) => !cells.has(cellKey(row, col)) : undefined;
  const moves = rowMoves(mem.keys, (row, col) => cells.get(cellKey(row, col)) ?? null, { rows, unchanged });
  return moves && moveSavedRows(mem, moves, (row) => filled.has(row) || (unread === "unchanged" && !rows.has(row)));
}

/** The keys of the rows `mem` keeps a backup or saved format for, from `keys` (the rows as they are now). */
export function keysKept(mem: SheetMemory, keys: ReadonlyMap<number, RowKey>): Map<number, RowKey> {
  const out = new Map<number, RowKey>();
  const keep = (row: number): void => {
    const key = keys.get(row);
    if (key) out.set(row, key);
  };
  for (const r of mem.backed.rects()) for (let row = r.top; row <= r.bottom; row++) keep(row);
  for (const k of mem.cells.keys()) keep(keyCell(k).row);
  return out;
}

/**
 * Runs of `rows` (sorted sheet rows) whose record rows (`from`, else the same row) follow on one from the
 * next: each is one copy between the sheet and the record sheet.
 */
export function recordRuns(top: number, bottom: number, from: ReadonlyMap<number, number> | undefined): { top: number; bottom: number; recordTop: number }[] {
  const at = (row: number): number => from?.get(row) ?? row;
  const out: { top: number; bottom: number; recordTop: number }[] = [];
  for (let row = top; row <= bottom; row++) {
    const last = out[out.length - 1];
    if (last && last.bottom === row - 1 && at(row) === last.recordTop + (row - last.top)) last.bottom = row;
    else out.push({ top: row, bottom: row, recordTop: at(row) });
  }
  return out;
}
