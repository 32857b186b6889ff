// Squares the cells a worksheet holds into the engine's dense grid, bounded by the cells present and
// not by the sheet's extent. A grid is row-major and starts at A1, so one stray cell at XFD1 would make
// every row 16,384 wide, and cells at both far edges a 1,048,576 × 16,384 grid. So cells beyond a wide
// empty gap to the right of (or below) the main block of data are left out of the grid, with a warning
// naming the first of them, whatever the sheet's size: a stray cell is treated alike in a small tracker
// and a large one. A cell budget is the last resort, for cells scattered with no wide gap. Rows that
// hold no cell share one empty row.
import type { CellValue, Problem } from "../engine/types";
import { cellAddress } from "./package/cell-values";
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
  const perColumn = new Map<number, number>();
  const perRow = new Map<number, number>();
  let present = 0;
  values.forEach((row, r) => {
    let n = 0;
    row?.forEach((v, c) => {
      if (isEmpty(v)) return;
      n++;
      perColumn.set(c, (perColumn.get(c) ?? 0) + 1);
    });
    if (n) perRow.set(r, n);
    present += n;
  });
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

export function squareCells(cells: SparseCells, sheet: string): SquaredGrid {
  const counts = countCells(cells.values);
  let lastRow = maxKey(counts.perRow);
  let lastCol = maxKey(counts.perColumn);
  const budget = Math.max(CELL_BUDGET_FLOOR, CELL_BUDGET_FACTOR * counts.present);
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

  const width = lastCol + 1;
  const emptyValues: CellValue[] = new Array<CellValue>(width).fill(null);
  const emptyFormats: string[] = new Array<string>(width).fill(GENERAL);
  const values: CellValue[][] = new Array<CellValue[]>(lastRow + 1);
  const numberFormats: string[][] = new Array<string[]>(lastRow + 1);
  for (let r = 0; r <= lastRow; r++) {
    const rowValues = cells.values[r];
    const rowFormats = cells.formats[r];
    if (!rowValues && !rowFormats) {
      values[r] = emptyValues;
      numberFormats[r] = emptyFormats;
      continue;
    }
    const vals = new Array<CellValue>(width);
    const fmts = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const v = rowValues?.[c];
      vals[c] = v === undefined ? null : v;
      fmts[c] = rowFormats?.[c] ?? GENERAL;
    }
    values[r] = vals;
    numberFormats[r] = fmts;
  }
  return { values, numberFormats, lastRow, lastCol, problems };
}
