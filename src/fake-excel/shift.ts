// Inserting and deleting cells (Range.insert / Range.delete, ExcelApi 1.1, and the user's Insert and
// Delete): the cells beyond move, with their values, formats and data validation; whole rows or columns
// carry tables and row heights or column widths with them. Merged areas across the moving edge are not
// modelled (refused), rather than moved wrongly.
import type { CellRange } from "../engine/vocab/types";
import { MAX_COLS, MAX_ROWS } from "../excel/a1";
import { guard } from "./cells";
import { FakeOfficeError } from "./errors";
import { MergedAreas } from "./merges";
import type { SheetState } from "./state";

export type Shift = "Down" | "Right" | "Up" | "Left";

const K = 16384;

/** Move every key of `map` through `move` (undefined: the entry is dropped). */
function remap<V>(map: Map<number, V>, move: (row: number, col: number) => [number, number] | undefined | null): Map<number, V> {
  const out = new Map<number, V>();
  for (const [k, v] of map) {
    const row = Math.floor(k / K);
    const col = k % K;
    const to = move(row, col);
    if (to === null) out.set(k, v);
    else if (to) out.set(to[0] * K + to[1], v);
  }
  return out;
}

/** Insert (Down/Right) or delete (Up/Left) the cells of `rect`, moving the rest. */
export function shiftCells(sheet: SheetState, rect: CellRange, shift: Shift): void {
  guard(sheet);
  const vertical = shift === "Down" || shift === "Up";
  const n = vertical ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
  const inserting = shift === "Down" || shift === "Right";
  // The band of cells that move: the rect's columns from its top down (or rows from its left rightwards).
  const band = vertical ? { top: rect.top, bottom: MAX_ROWS - 1, left: rect.left, right: rect.right } : { top: rect.top, bottom: rect.bottom, left: rect.left, right: MAX_COLS - 1 };
  for (const m of sheet.merges.overlapping(band)) {
    const inside = m.left >= band.left && m.right <= band.right && m.top >= band.top && m.bottom <= band.bottom;
    if (!inside) throw new FakeOfficeError("NotImplemented", "Inserting or deleting cells across a merged area is not in the fake.", "Range.insert");
  }
  const move = (row: number, col: number): [number, number] | undefined | null => {
    if (row < band.top || row > band.bottom || col < band.left || col > band.right) return null;
    const at = vertical ? row : col;
    const start = vertical ? rect.top : rect.left;
    const end = vertical ? rect.bottom : rect.right;
    if (inserting) return vertical ? [row + n, col] : [row, col + n];
    if (at <= end && at >= start) return undefined; // deleted
    return vertical ? [row - n, col] : [row, col - n];
  };
  sheet.cells = remap(sheet.cells, move);
  sheet.validation = remap(sheet.validation, move);
  const moved = (r: CellRange): CellRange => {
    const a = move(r.top, r.left);
    const b = move(r.bottom, r.right);
    return a && b ? { top: a[0], left: a[1], bottom: b[0], right: b[1] } : r;
  };
  sheet.merges = new MergedAreas(sheet.merges.list().map(moved));
  const whole = vertical ? rect.left === 0 && rect.right === MAX_COLS - 1 : rect.top === 0 && rect.bottom === MAX_ROWS - 1;
  if (!whole) return;
  const sizes = vertical ? sheet.rowHeights : sheet.colWidths;
  const next = new Map<number, number>();
  for (const [i, s] of sizes) {
    const start = vertical ? rect.top : rect.left;
    if (i < start) next.set(i, s);
    else if (inserting) next.set(i + n, s);
    else if (i >= start + n) next.set(i - n, s);
  }
  if (vertical) sheet.rowHeights = next;
  else sheet.colWidths = next;
  if (!vertical) {
    const start = rect.left;
    sheet.hiddenCols = new Set([...sheet.hiddenCols].flatMap((c) => (c < start ? [c] : inserting ? [c + n] : c >= start + n ? [c - n] : [])));
  }
  for (const t of sheet.tables) {
    const r = t.range;
    const start = vertical ? rect.top : rect.left;
    const lo = vertical ? r.top : r.left;
    const hi = vertical ? r.bottom : r.right;
    let [a, b] = [lo, hi];
    if (inserting) {
      if (start <= lo) [a, b] = [lo + n, hi + n];
      else if (start <= hi) b = hi + n;
    } else {
      const end = start + n - 1;
      const gone = (i: number): number => (i < start ? i : i > end ? i - n : start);
      [a, b] = [gone(lo), hi > end ? hi - n : Math.min(hi, start - 1) >= lo ? Math.min(hi, start - 1) : gone(hi)];
    }
    if (vertical) t.range = { ...r, top: a, bottom: b };
    else t.range = { ...r, left: a, right: b };
  }
}
