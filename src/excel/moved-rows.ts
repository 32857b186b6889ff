// The record of a sheet whose rows an officer sorted since its formats were backed up (Data > Sort moves
// values and formats with their rows; the record, kept by position, stays). Shared by both hosts: the
// record's cells move to the rows their records are on now (engine/trackers/row-keys.ts rowMoves), and
// each moved backup is still in the record sheet's row it was copied to: `from` says which.
import type { RowKey, RowMoves } from "../engine/trackers/row-keys";
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
 * Each row's row now (-1: nowhere). Rows rowMoves places move there. A row it cannot place whose place another
 * row took (a blank ref, a ref two rows share, a ref edited and sorted) takes, in order, a row its record left that
 * no other took: the records left to place are those, and leaving it coloured with ours would be worse.
 */
function destinations(rows: readonly number[], moves: RowMoves): Map<number, number> {
  const taken = new Set<number>();
  for (const to of moves.values()) if (to >= 0) taken.add(to);
  const dest = new Map<number, number>();
  for (const row of rows) dest.set(row, moves.has(row) ? moves.get(row)! : taken.has(row) ? -1 : row);
  const occupied = new Set<number>(taken);
  for (const [row, to] of dest) if (to === row) occupied.add(row);
  const unplaced = rows.filter((row) => dest.get(row) === -1);
  const left = rows.filter((row) => !occupied.has(row));
  unplaced.forEach((row, i) => {
    if (i < left.length) dest.set(row, left[i]);
  });
  return dest;
}

/**
 * Moves `mem`'s backups, saved formats, keys and cells of ours (in place) to the rows their records are on now,
 * in the columns that moved with them. Ours too: a check of ours (free text) that a sort put on a row we had not
 * written would be taken for the officer's.
 */
export function moveSavedRows(mem: SheetMemory, moves: RowMoves): MovedBackups {
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
  const dest = destinations([...rows].sort((a, b) => a - b), moves);
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

/** The keys of the rows `mem` keeps a backup or saved format for, from `keys` (the rows as they are now). */
export function keysKept(mem: SheetMemory, keys: ReadonlyMap<number, RowKey>): Map<number, RowKey> {
  const rows = new Set<number>();
  for (const r of mem.backed.rects()) for (let row = r.top; row <= r.bottom; row++) rows.add(row);
  for (const k of mem.cells.keys()) rows.add(keyCell(k).row);
  const out = new Map<number, RowKey>();
  for (const row of rows) {
    const key = keys.get(row);
    if (key) out.set(row, key);
  }
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
