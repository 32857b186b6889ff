// Our record (src/excel/state.ts) as live colours keep it true between commands:
// - read afresh in the first request of every burst (column A of the record sheet), so a co-author's
//   Apply colours or Remove colours, which reach us as remote changes, is never overwritten with an old copy;
// - newly coloured cells are backed up whole and added to it in the write request (backup.ts);
// - when rows or columns (or cells, shifting down or up) are inserted or deleted, the formats move with the cells in Excel, so the saved
//   cells move too: their addresses shift, and the backups kept row for row in the record sheet are shifted
//   by inserting or deleting the same cells in that sheet's backup columns. Then Remove colours still puts
//   every format back where it now belongs, and Apply colours finds nothing out of place.
import type { CellRange } from "../../engine/vocab/types";
import type { XlRange, XlRequestContext } from "../api";
import { CellSet, cellKey, keyCell } from "../cells";
import type { Batcher } from "../chunk";
import { OP_OVERHEAD } from "../chunk";
import type { SheetMemory } from "../saved";
import { emptyMemory } from "../saved";
import type { StatePlace, StateRecord } from "../state";
import { EMPTY_STATE, parseState, queueStateCells } from "../state";
import { live } from "./api";

/** Queue reading the record (column A of the record sheet); call the result after the sync. */
export function queueRecordRead(context: XlRequestContext, place: StatePlace): () => StateRecord {
  if (!place.exists) return () => ({ ...EMPTY_STATE, saved: {} });
  const range: XlRange = context.workbook.worksheets.getItem(place.name).getRange("A:A").getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,values");
  return () => (range.isNullObject ? { ...EMPTY_STATE, saved: {} } : parseState(range.values as unknown[][], { row: range.rowIndex, col: range.columnIndex }));
}

/** Rows or columns inserted or deleted on one sheet, zero-based. */
export interface Shift {
  sheet: string;
  axis: "rows" | "columns";
  first: number;
  count: number;
  inserted: boolean;
  /** Cells inserted or deleted in part of the rows (Insert > Shift cells down): only these columns move. */
  columns?: { first: number; last: number };
}

const inBand = (s: Shift, col: number): boolean => !s.columns || (col >= s.columns.first && col <= s.columns.last);

/** Where an index goes: unchanged, moved, or undefined when deleted. */
function mover(s: Shift): (i: number) => number | undefined {
  return (i) => {
    if (i < s.first) return i;
    if (s.inserted) return i + s.count;
    return i < s.first + s.count ? undefined : i - s.count;
  };
}

function moveSet(cells: CellSet, s: Shift): CellSet {
  const to = mover(s);
  const out = new CellSet();
  for (const r of cells.rects()) {
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const row2 = s.axis === "rows" && inBand(s, col) ? to(row) : row;
        const col2 = s.axis === "columns" ? to(col) : col;
        if (row2 !== undefined && col2 !== undefined) out.add(row2, col2);
      }
    }
  }
  return out;
}

function moveKeys<V>(map: Map<number, V>, move: (i: number) => number | undefined): Map<number, V> {
  const out = new Map<number, V>();
  for (const [i, v] of map) {
    const j = move(i);
    if (j !== undefined) out.set(j, v);
  }
  return out;
}

/** One sheet's memory after the shift (pure). The record sheet's backup columns stay where they are. */
export function shiftMemory(mem: SheetMemory, s: Shift): SheetMemory {
  const to = mover(s);
  const out = emptyMemory();
  out.backed = moveSet(mem.backed, s);
  out.values = moveSet(mem.values, s);
  for (const [k, f] of mem.cells) {
    const { row, col } = keyCell(k);
    const row2 = s.axis === "rows" && inBand(s, col) ? to(row) : row;
    const col2 = s.axis === "columns" ? to(col) : col;
    if (row2 !== undefined && col2 !== undefined) out.cells.set(cellKey(row2, col2), f);
  }
  out.cols = s.axis === "columns" ? moveKeys(mem.cols, to) : new Map(mem.cols);
  out.widths = s.axis === "columns" ? moveKeys(mem.widths, to) : new Map(mem.widths);
  out.heights = s.axis === "rows" && !s.columns ? moveKeys(mem.heights, to) : new Map(mem.heights);
  if (mem.styled) out.styled = new Set(mem.styled);
  // Each row's key (row-keys.ts) moves with its row, read from its column wherever that goes.
  if (mem.keys) {
    out.keys = new Map();
    for (const [row, k] of mem.keys) {
      const row2 = s.axis === "rows" && inBand(s, k.col) ? to(row) : row;
      const col2 = s.axis === "columns" ? to(k.col) : k.col;
      if (row2 !== undefined && col2 !== undefined) out.keys.set(row2, { col: col2, key: k.key });
    }
  }
  return out;
}

/**
 * Queue the record sheet's part of a row shift: the backups sit on the same rows as the cells they back
 * up, so the same rows are inserted or deleted in this sheet's backup columns (and only there: other
 * sheets' backups and the record in column A stay put). Column shifts move no backups.
 */
export async function queueBackupShift(batcher: Batcher, context: XlRequestContext, recordName: string, mem: SheetMemory, s: Shift): Promise<void> {
  if (s.axis !== "rows") return;
  const record = live(context).workbook.worksheets.getItem(recordName);
  const cols = new Set([...mem.cols].filter(([src]) => inBand(s, src)).map(([, at]) => at));
  for (const col of cols) {
    await batcher.add(OP_OVERHEAD * 2, () => {
      const cells = record.getRangeByIndexes(s.first, col, s.count, 1);
      if (s.inserted) cells.insert("Down");
      else cells.delete("Up");
    });
  }
}

/** The record's cells rewritten after the memory changed (state.ts writes column A as text). */
export async function queueRecordWrite(batcher: Batcher, context: XlRequestContext, place: StatePlace, record: StateRecord, cells: string[]): Promise<void> {
  await queueStateCells(batcher, context, place, record.rows, cells);
}

/** A rectangle clipped to another; undefined when they do not meet. */
export function clip(r: CellRange, to: CellRange): CellRange | undefined {
  const out = { top: Math.max(r.top, to.top), left: Math.max(r.left, to.left), bottom: Math.min(r.bottom, to.bottom), right: Math.min(r.right, to.right) };
  return out.top > out.bottom || out.left > out.right ? undefined : out;
}
