// What an `edit` plan changes on an officer's sheet, cell by cell, sorted for a single pass over the
// sheet's XML: values in our owned column, and styles laid over the cells we colour.
import type { CellRange, Problem } from "../../engine/vocab/types";
import type { PlanStyle, PlanValue, SheetPlan } from "../../engine/vocab/plan";
import { toA1 } from "../../engine/vocab/address";
import { cleanedValue, cleanValue } from "./cell-xml";
import type { FormatKey } from "../../excel/saved";

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface CellEdit {
  col: number;
  /** The value to write; undefined leaves the cell's value (and formula) as it is. */
  value?: PlanValue;
  /** Styles laid over the cell's own format, in order. */
  styles: PlanStyle[];
  /**
   * A cell format index to set as it is, in place of the cell's own (no styles laid over it): an
   * officer's format backed up into the record sheet (record-backups.ts). 0 is the default format.
   */
  xf?: number;
  /** With `xf`: the properties to take from the cell's own format where they differ (an officer's changes since the backup, kept-formats.ts). */
  keep?: readonly FormatKey[];
}

export interface SheetEdits {
  /** Zero-based rows, ascending, each with its edits in column order. */
  rows: { row: number; cells: CellEdit[] }[];
  /** Column widths in characters, for our columns. */
  columnWidths: { col: number; width: number }[];
  /** The area the edits cover, for <dimension>; undefined when there are none. */
  extent?: CellRange;
  /**
   * The sheet's rows from this one (zero-based) down are left out, the edits' rows going in their
   * place: our history sheet continued from its first row that changed (build-package.ts).
   */
  dropFrom?: number;
  /**
   * Our columns an earlier run sized (their width is in the record): hidden now, the officer hid them
   * after that run, and they stay hidden. Any other of our columns is shown (sheet-head.ts patchCols).
   */
  keepHidden?: ReadonlySet<number>;
  /** Columns an earlier run sized and this one does not, with their widths before it in points (0: hidden): put back. */
  widthsBack?: ReadonlyMap<number, number>;
}

export function rangeOk(r: CellRange): boolean {
  return r.top >= 0 && r.left >= 0 && r.top <= r.bottom && r.left <= r.right && r.bottom < MAX_ROWS && r.right < MAX_COLS;
}

function problem(sheet: string, row: number, col: number, message: string): Problem {
  return { sheet, cell: toA1(Math.max(0, row), Math.max(0, col)), message, severity: "warning" };
}

/**
 * The cell edits of an edit plan. `stylesToo` false leaves every format as it is (a protected sheet).
 * Problems (values Excel cannot hold, invalid ranges) are reported and the rest goes on.
 */
export function sheetEdits(plan: SheetPlan, problems: Problem[], stylesToo = true): SheetEdits {
  // Rows by number in a sparse array, and each row's few cells in a short list: no Map per row.
  const byRow: CellEdit[][] = [];
  const rowNumbers: number[] = [];
  const edit = (row: number, col: number): CellEdit => {
    let cells = byRow[row];
    if (!cells) {
      byRow[row] = cells = [];
      rowNumbers.push(row);
    }
    for (let i = cells.length - 1; i >= 0; i--) if (cells[i].col === col) return cells[i];
    const c: CellEdit = { col, styles: [] };
    cells.push(c);
    return c;
  };
  for (const block of plan.blocks) {
    block.values.forEach((src, i) =>
      src.forEach((v, j) => {
        const row = block.row + i;
        const col = block.col + j;
        if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) {
          problems.push(problem(plan.sheet, row, col, "A value in the plan is outside the sheet, so it was not written."));
          return;
        }
        // Only a value cleanedValue changes has a problem (no object made per cell otherwise).
        const clean = cleanedValue(v);
        const issue = clean === v ? undefined : cleanValue(v).problem;
        if (issue) problems.push(problem(plan.sheet, row, col, issue));
        edit(row, col).value = clean;
      }),
    );
  }
  if (stylesToo) {
    for (const group of plan.styles) {
      for (const r of group.ranges) {
        if (!rangeOk(r)) {
          problems.push(problem(plan.sheet, r.top, r.left, "A formatted range in the plan is not a valid range, so it was skipped."));
          continue;
        }
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) edit(row, col).styles.push(group.style);
      }
    }
  }
  let extent: CellRange | undefined;
  const rows = rowNumbers
    .sort((a, b) => a - b)
    .map((row) => {
      const cells = byRow[row].sort((a, b) => a.col - b.col);
      const left = cells[0].col;
      const right = cells[cells.length - 1].col;
      if (!extent) extent = { top: row, bottom: row, left, right };
      else {
        extent.bottom = row;
        extent.left = Math.min(extent.left, left);
        extent.right = Math.max(extent.right, right);
      }
      return { row, cells };
    });
  const columnWidths = plan.columnWidths.filter((w) => w.col >= 0 && w.col < MAX_COLS && Number.isFinite(w.width) && w.width >= 0);
  return { rows, columnWidths, extent };
}
