// Dropping a table's columns that are empty on every row, and spreading the rest over the grid so
// the table still spans it: each kept column takes grid columns until it has about the room it had.
import { WIDTHS, widthOf, type Grid } from "./layout-style";
import type { PlanStyle, PlanValue } from "../vocab/plan";

export interface Column<T> {
  col: number;
  /** Merge each cell across to this column (one merge-across area for the whole table). */
  to?: number;
  header: string;
  headerStyle?: PlanStyle;
  value: (item: T) => PlanValue;
  /** The same style on every row: one range for the whole column. */
  style?: PlanStyle;
  /** A style chosen row by row (a status or trend cell). */
  styleOf?: (item: T) => PlanStyle;
  /** Left out when empty on every row (dates and progress a tracker does not keep). */
  optional?: boolean;
}

/**
 * Tables up to this many rows may be laid across merged cells. A file still stores one merged area
 * per row, and thousands of merged areas make a sheet slow to open, sort and filter in Excel, so big
 * tables keep the plain grid.
 */
export const MERGE_ROWS = 200;
/** A kept column stops taking grid columns once it has this share of the width it asked for. */
const ENOUGH = 0.75;

export const isEmpty = (v: PlanValue): boolean => v === null || (typeof v === "string" && v.trim() === "");

/** The columns to show: optional ones empty on every row dropped, the rest laid across the same grid columns. */
export function fitColumns<T>(items: readonly T[], columns: Column<T>[], grid: Grid = WIDTHS): Column<T>[] {
  if (items.length === 0 || items.length > MERGE_ROWS) return columns;
  const kept = columns.filter((c) => !c.optional || items.some((i) => !isEmpty(c.value(i)))).sort((a, b) => a.col - b.col);
  if (kept.length === columns.length || kept.length === 0) return columns;
  const last = Math.max(...columns.map((c) => c.to ?? c.col));
  let at = Math.min(...columns.map((c) => c.col));
  return kept.map((c, i) => {
    const want = widthOf(c.col, c.to, grid);
    const after = kept.length - 1 - i; // columns still to place, at least one grid column each
    let to = at;
    if (after === 0) to = last;
    else while (widthOf(at, to, grid) < want * ENOUGH && last - to > after) to++;
    const placed: Column<T> = { ...c, col: at };
    if (to > at) placed.to = to;
    else delete placed.to;
    at = to + 1;
    return placed;
  });
}
