// Whole-format backups in the record sheet. getCellProperties reads only RGB and tintAndShade, so a
// property-by-property copy flattens theme colours, tints, pattern fills and automatic font colours.
// Instead, each run of cells about to be coloured is copied, formats only (Range.copyFrom "Formats",
// ExcelApi 1.9), into the very hidden record sheet: same rows, a column of its own per source column
// (SheetMemory.cols, from C; column A holds the record). Remove colours copies them back. One copyFrom per
// column run, never a multi-area source (Excel accepts those only in restricted shapes); each address is
// short, and the batcher keeps every request under the payload limit.
import type { CellRange } from "../engine/vocab/types";
import type { XlWorksheet } from "./api";
import { quoteSheet, rangeAddress } from "./a1";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD } from "./chunk";
import { recordRuns, type MovedBackups } from "./moved-rows";
import type { SheetMemory } from "./saved";
import { CellSet } from "./cells";

/** Rectangles one column wide covering `cells`. */
function columnRuns(cells: CellSet): CellRange[] {
  return cells.rects().flatMap((r) => Array.from({ length: r.right - r.left + 1 }, (_, i) => ({ ...r, left: r.left + i, right: r.left + i })));
}

const inRecord = (r: CellRange, cols: Map<number, number>): CellRange => ({ ...r, left: cols.get(r.left)!, right: cols.get(r.left)! });

const byIndexes = (ws: XlWorksheet, r: CellRange) => ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

/** Copy the formats of `cells` on `sheet` into the record sheet. */
export async function queueBackup(batcher: Batcher, record: XlWorksheet, sheet: string, cells: CellSet, cols: Map<number, number>): Promise<void> {
  for (const r of columnRuns(cells)) {
    const source = `${quoteSheet(sheet)}!${rangeAddress(r)}`;
    await batcher.add(OP_OVERHEAD * 2 + source.length, () => byIndexes(record, inRecord(r, cols)).copyFrom(source, "Formats"));
  }
}

/** Rows sorted since their backups were made (moved-rows.ts): where each backup is, in the columns that moved. */
export type Moved = Pick<MovedBackups, "from" | "moves">;

/** Column runs of `cells`, each cut where the record rows holding its backups (`moved`) stop following on. */
function recordedRuns(cells: CellSet, moved: Moved | undefined): { here: CellRange; saved: CellRange }[] {
  return columnRuns(cells).flatMap((r) =>
    recordRuns(r.top, r.bottom, moved?.moves(r.left) ? moved.from : undefined).map((run) => ({ here: { ...r, top: run.top, bottom: run.bottom }, saved: { ...r, top: run.recordTop, bottom: run.recordTop + run.bottom - run.top } })),
  );
}

/**
 * Copy the backed-up formats of `cells` back onto their sheet, then clear the backups; `keep`: leave
 * the backups (live colours uncolouring a cell it may colour again: the record still lists it).
 * `moved`: the record rows of rows the officer sorted since their backups were made (moved-rows.ts).
 */
export async function queueCopyBack(batcher: Batcher, ws: XlWorksheet, record: XlWorksheet, recordName: string, cells: CellSet, cols: Map<number, number>, keep = false, moved?: Moved): Promise<void> {
  // Sorted, the runs are short (a row each, shuffled): the backups copied are cleared afterwards in runs of their own.
  const later = moved && !keep ? new CellSet() : undefined;
  for (const { here, saved } of recordedRuns(cells, moved)) {
    if (!cols.has(here.left)) continue;
    const source = `${quoteSheet(recordName)}!${rangeAddress(inRecord(saved, cols))}`;
    later?.addRange(inRecord(saved, cols));
    await batcher.add(OP_OVERHEAD * (keep || later ? 2 : 3) + source.length, () => {
      byIndexes(ws, here).copyFrom(source, "Formats");
      if (!keep && !later) byIndexes(record, inRecord(saved, cols)).clear("Formats");
    });
  }
  for (const r of later?.rects() ?? []) await batcher.add(OP_OVERHEAD * 2, () => byIndexes(record, r).clear("Formats"));
}

/**
 * After a sort (moved-rows.ts): the backups of `cells` (the rows as they are now) copied from the record rows
 * they were made in (`moved`) and their columns (`was`) to their rows now, in new columns (`now`), so the record
 * is where its rows are again. New columns: the rows change places, and a copy within one column would
 * overwrite a backup not moved yet. The old columns are cleared once the record names the new ones.
 */
export async function queueRealign(batcher: Batcher, record: XlWorksheet, recordName: string, cells: CellSet, was: Map<number, number>, now: Map<number, number>, moved: Moved): Promise<void> {
  for (const { here, saved } of recordedRuns(cells, moved)) {
    if (!was.has(here.left) || !now.has(here.left)) continue;
    const source = `${quoteSheet(recordName)}!${rangeAddress(inRecord(saved, was))}`;
    await batcher.add(OP_OVERHEAD * 2 + source.length, () => byIndexes(record, inRecord(here, now)).copyFrom(source, "Formats"));
  }
}

/** Clears the formats of the record sheet's `cols` over `rows` (backups given up, or moved to new columns). */
export async function queueRecordClears(batcher: Batcher, record: XlWorksheet, cols: readonly number[], rows: { top: number; bottom: number }): Promise<void> {
  for (const col of cols) await batcher.add(OP_OVERHEAD * 2, () => byIndexes(record, { top: rows.top, bottom: rows.bottom, left: col, right: col }).clear("Formats"));
}

export interface Realignment {
  /** The sheet's backed-up cells, at their rows now. */
  cells: CellSet;
  was: Map<number, number>;
  now: Map<number, number>;
  moved: Moved;
  /** The record rows the old columns hold backups in. */
  rows: { top: number; bottom: number };
}

/**
 * The record sheet's columns each sorted sheet's backups move to (memory's `cols`, changed in place).
 */
export function realignments(memory: Record<string, SheetMemory>, moved: ((sheet: string) => MovedBackups | undefined) | undefined): Realignment[] {
  if (!moved) return [];
  // The lowest columns no backup uses (the old ones too, cleared only once the record names the new): sort after
  // sort, the record sheet does not grow to the right.
  const used = new Set<number>();
  for (const mem of Object.values(memory)) for (const at of mem.cols.values()) used.add(at);
  let next = 2;
  const free = (): number => {
    while (used.has(next)) next++;
    used.add(next);
    return next;
  };
  const out: Realignment[] = [];
  for (const [sheet, mem] of Object.entries(memory)) {
    const m = moved(sheet);
    if (!m || mem.cols.size === 0 || (m.from.size === 0 && m.dropped.length === 0)) continue;
    const rows = { top: Infinity, bottom: -1 };
    const reach = (row: number): void => {
      rows.top = Math.min(rows.top, row);
      rows.bottom = Math.max(rows.bottom, row);
    };
    for (const r of mem.backed.rects()) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) reach(m.moves(col) ? (m.from.get(row) ?? row) : row);
    for (const d of m.dropped) reach(d.row);
    if (rows.bottom < 0) continue;
    const was = mem.cols;
    const now = new Map([...was.keys()].map((col) => [col, free()]));
    const cells = new CellSet();
    for (const r of mem.backed.rects()) cells.addRange(r);
    out.push({ cells, was, now, moved: m, rows });
    mem.cols = now;
  }
  return out;
}
