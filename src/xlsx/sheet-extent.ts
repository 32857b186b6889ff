// Squares the cells a worksheet holds into the engine's dense grid, bounded by the cells present and
// not by the sheet's extent. A grid is row-major and starts at A1, so one stray cell at XFD1 would make
// every row 16,384 wide, and cells at both far edges a 1,048,576 × 16,384 grid. So cells beyond a wide
// empty gap to the right of (or below) the main block of data are left out of the grid, with a warning
// naming the first of them, whatever the sheet's size: a stray cell is treated alike in a small tracker
// and a large one. A cell budget is the last resort, for cells scattered with no wide gap. Rows that
// hold no cell share one empty row.
import type { CellValue, Problem } from "../engine/vocab/types";
import { cellAddress, MAX_COL } from "./package/cell-values";
import { GENERAL } from "./package/styles-read";

/** Cells as read: rows by zero-based index, each a (possibly holey) array by zero-based column. */
export interface SparseCells {
  values: (CellValue[] | undefined)[];
  formats: (string[] | undefined)[];
}

interface Counts {
  /** Non-empty values per column and per row. */
  perColumn: Map<number, number>;
  perRow: Map<number, number>;
  /** Non-empty values in all. */
  present: number;
}

function countCells(values: SparseCells["values"]): Counts {
  // Typed arrays, not maps: this runs once per cell of a 100,000-row sheet.
  const columns = new Uint32Array(MAX_COL + 1);
  const perRow = new Map<number, number>();
  let present = 0;
  values.forEach((row, r) => {
    if (!row) return;
    let n = 0;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === "") continue;
      n++;
      columns[c]++;
    }
    if (n) perRow.set(r, n);
    present += n;
  });
  const perColumn = new Map<number, number>();
  columns.forEach((n, c) => n && perColumn.set(c, n));
  return { perColumn, perRow, present };
}

/** Grids up to this many cells are kept whole, whatever their gaps (as the old reader did). */
export const CELL_BUDGET_FLOOR = 2_000_000;
/** ... or up to this many times the cells present. */
export const CELL_BUDGET_FACTOR = 8;
/** Empty columns (rows) between the main block and what lies beyond that make the latter stray. */
export const COLUMN_GAP = 256;
export const ROW_GAP = 65536;

export interface SquaredGrid {
  values: CellValue[][];
  numberFormats: string[][];
  lastRow: number;
  lastCol: number;
  problems: Problem[];
}

/**
 * Groups occupied indices into runs separated by gaps over `gap`; returns the last index of the run
 * holding most cells (the main block). Runs before it are kept; runs after it are stray.
 */
function mainBlockEnd(counts: Map<number, number>, gap: number): number {
  const indices = [...counts.keys()].sort((a, b) => a - b);
  let best = -1;
  let bestCells = -1;
  let runCells = 0;
  for (let i = 0; i < indices.length; i++) {
    runCells += counts.get(indices[i]) ?? 0;
    const runEnds = i === indices.length - 1 || indices[i + 1] - indices[i] > gap + 1;
    if (runEnds) {
      if (runCells > bestCells) {
        best = indices[i];
        bestCells = runCells;
      }
      runCells = 0;
    }
  }
  return best;
}

function maxKey(counts: Map<number, number>): number {
  let max = -1;
  for (const k of counts.keys()) if (k > max) max = k;
  return max;
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

/** The first non-empty cell beyond the kept rectangle, to name in the warning, and how many there are. */
function strays(cells: SparseCells, lastRow: number, lastCol: number): { first?: string; count: number } {
  let first: string | undefined;
  let count = 0;
  cells.values.forEach((row, r) => {
    if (!row) return;
    if (r > lastRow) {
      row.forEach((v, c) => {
        if (isEmpty(v)) return;
        count++;
        first ??= cellAddress(r, c);
      });
      return;
    }
    for (let c = lastCol + 1; c < row.length; c++) {
      if (isEmpty(row[c])) continue;
      count++;
      first ??= cellAddress(r, c);
    }
  });
  return { first, count };
}

/** `leftOut`: cells read but left out of `cells` on purpose (rows above a window): they count as present. */
export function squareCells(cells: SparseCells, sheet: string, leftOut = 0): SquaredGrid {
  const counts = countCells(cells.values);
  let lastRow = maxKey(counts.perRow);
  let lastCol = maxKey(counts.perColumn);
  const budget = Math.max(CELL_BUDGET_FLOOR, CELL_BUDGET_FACTOR * (counts.present + leftOut));
  const problems: Problem[] = [];
  const keptCol = mainBlockEnd(counts.perColumn, COLUMN_GAP);
  const keptRow = mainBlockEnd(counts.perRow, ROW_GAP);
  if (keptCol < lastCol || keptRow < lastRow || (lastRow + 1) * (lastCol + 1) > budget) {
    lastCol = keptCol;
    lastRow = keptRow;
    // Still too large (cells scattered with no wide gap): keep as many columns as the budget allows.
    if ((lastRow + 1) * (lastCol + 1) > budget) lastCol = Math.max(0, Math.floor(budget / (lastRow + 1)) - 1);
    // The kept rectangle may now end in empty rows or columns: trim to its last value.
    let usedRow = -1;
    let usedCol = -1;
    for (let r = 0; r <= lastRow; r++) {
      const row = cells.values[r];
      if (!row) continue;
      for (let c = Math.min(row.length - 1, lastCol); c >= 0; c--) {
        if (isEmpty(row[c])) continue;
        usedRow = r;
        if (c > usedCol) usedCol = c;
        break;
      }
    }
    const { first, count } = strays(cells, usedRow, usedCol);
    lastRow = usedRow;
    lastCol = usedCol;
    if (count > 0) {
      problems.push({
        sheet,
        cell: first ?? "",
        message: `${count === 1 ? "1 cell" : `${count} cells`} far from the rest of the data (from ${first}) ${count === 1 ? "was" : "were"} not read: move ${count === 1 ? "it" : "them"} nearer the table if ${count === 1 ? "it is" : "they are"} part of it`,
        severity: "warning",
      });
    }
  }

  // Rows are squared in place (no second copy of a large sheet); rows with no cell share one row.
  const width = lastCol + 1;
  const emptyValues: CellValue[] = new Array<CellValue>(width).fill(null);
  const emptyFormats: string[] = new Array<string>(width).fill(GENERAL);
  const values = cells.values as CellValue[][];
  const numberFormats = cells.formats as string[][];
  values.length = lastRow + 1;
  numberFormats.length = lastRow + 1;
  for (let r = 0; r <= lastRow; r++) {
    values[r] = squareRow(values[r], width, null, emptyValues);
    numberFormats[r] = squareRow(numberFormats[r], width, GENERAL, emptyFormats);
  }
  return { values, numberFormats, lastRow, lastCol, problems };
}

function squareRow<T>(row: T[] | undefined, width: number, blank: T, empty: T[]): T[] {
  if (!row) return empty;
  if (row.length > width) row.length = width;
  for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = blank;
  return row;
}
