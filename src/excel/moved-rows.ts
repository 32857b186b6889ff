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
}

/**
 * Moves `mem`'s backups, saved formats, keys and cells of ours (in place) to the rows their records are on now.
 * Ours too: a check of ours (free text) that a sort put on a row we had not written would be taken for the officer's.
 */
export function moveSavedRows(mem: SheetMemory, moves: RowMoves): MovedBackups {
  const to = (row: number): number => moves.get(row) ?? row;
  const from = new Map<number, number>();
  for (const [was, now] of moves) if (now >= 0) from.set(now, was);
  const dropped: { row: number; col: number }[] = [];
  const backed = new CellSet();
  for (const r of mem.backed.rects()) {
    for (let row = r.top; row <= r.bottom; row++) {
      const now = to(row);
      for (let col = r.left; col <= r.right; col++) {
        if (now < 0) dropped.push({ row, col });
        else backed.add(now, col);
      }
    }
  }
  mem.backed = backed;
  const cells = new Map<number, SavedFormat>();
  for (const [k, f] of mem.cells) {
    const { row, col } = keyCell(k);
    if (to(row) >= 0) cells.set(cellKey(to(row), col), f);
  }
  mem.cells = cells;
  const values = new CellSet();
  for (const r of mem.values.rects()) {
    for (let row = r.top; row <= r.bottom; row++) if (to(row) >= 0) values.addRange({ top: to(row), bottom: to(row), left: r.left, right: r.right });
  }
  mem.values = values;
  if (mem.keys) {
    const keys = new Map<number, RowKey>();
    for (const [row, key] of mem.keys) if (to(row) >= 0) keys.set(to(row), key);
    mem.keys = keys;
  }
  return { from, dropped };
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
