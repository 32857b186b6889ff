// Cheap tests of whether an edited row can change more than its record: a table's header, its key
// rows, or the grid it is kept in.
import { cellValue, headerValueText, isBlank, type SheetCells } from "../read/cells";
import { KeyBlocks, keyRowShape } from "../detect/legend";
import { classifyBodyRow, ourColumns, tableShape } from "../detect/body-rows";
import { isPeriodish, isSubLabel, judgeHeader, readHeaderAt } from "../detect/header-rows";
import type { CellEdit } from "./types";
import type { CellValue, SheetGrid, TableSpec } from "../vocab/types";

/** The row reads as a tracker's header (a new table, or a repeat of one). */
export function readsAsHeader(cells: SheetCells, row: number): boolean {
  const header = readHeaderAt(cells, row, cells.top);
  return header !== undefined && judgeHeader(header.columns) !== undefined;
}

/** Group header rows (longest text detect/body-rows.ts allows over "Q1 | Q2"). */
const MAX_GROUP_LENGTH = 40;

/** The row could be a group header row ("2021/22" over "Q1 | Q2", "Target | Actual | RAG" under a quarter) joining the header next to it. */
export function couldBeGroupRow(cells: SheetCells, row: number): boolean {
  let count = 0;
  let seen = 0;
  for (const v of cells.row(row)) {
    if (isBlank(v)) continue;
    const text = headerValueText(v);
    if (text === undefined || text.length > MAX_GROUP_LENGTH) return false;
    seen++;
    if (isPeriodish(text)) count++;
    // "RAG" beside a quarter's "Target | Actual"; a caption ("KPI") first, over the columns naming a record.
    else if (!isSubLabel(text) && seen > 1) return false;
  }
  return count > 0;
}

export const folded = (v: unknown): string => (typeof v === "string" ? v.replace(/\s+/g, " ").trim().toLowerCase() : "");

/** Rows that are part of a key under the table, found as readRecords finds them. */
export function keyRowsOf(cells: SheetCells, table: TableSpec): Set<number> {
  const shape = tableShape(table);
  const keys = new KeyBlocks(cells, table);
  const rows = new Set<number>();
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    const kind = classifyBodyRow(cells, shape, r);
    if (kind.kind === "blank") continue;
    if (keys.isKeyRow(r)) rows.add(r);
    else if (kind.kind === "section") keys.endKey();
  }
  return rows;
}

/**
 * A row that cannot start or join a key while none is open (legend.ts isKeyRow): it is not blank (a row
 * emptied can bring two key entries together) and holds a figure or more than three texts, ours aside.
 */
export function cannotBeKey(cells: SheetCells, row: number, table: TableSpec): boolean {
  return keyRowShape(cells, row, ourColumns(table)) === "full";
}

// ---- the grid kept in memory ----

export { cellValue };

export function cellFormat(grid: SheetGrid, row: number, col: number): string | undefined {
  const o = grid.origin ?? { row: 0, col: 0 };
  return grid.numberFormats?.[row - o.row]?.[col - o.col];
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if ((a === null && b === "") || (a === "" && b === null)) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a && b && typeof a === "object" && typeof b === "object" && !(a instanceof Date) && !(b instanceof Date)) return a.error === b.error;
  return false;
}

/** What a cell held before an edit, so the edit can be undone for a moment to see the rows as they were. */
export interface Patch {
  row: number;
  col: number;
  value: CellValue;
  format: string | undefined;
}

/**
 * The edit leaves the cell as it was (hosts report pasted cells whether or not they changed, and formatted
 * cells with their values as they were). A number format changes how a number or date reads, never a blank or
 * a text: a whole column set to a percentage is its figures' edit, not its header's nor its empty cells'.
 */
export function unchanged(grid: SheetGrid, edit: CellEdit): boolean {
  if (!sameValue(cellValue(grid, edit.row, edit.col), edit.value)) return false;
  if (edit.value === null || typeof edit.value === "string") return true;
  return edit.numberFormat === undefined || (cellFormat(grid, edit.row, edit.col) ?? "General") === edit.numberFormat;
}

/** The edit lies above or left of the grid's first cell: the grid cannot hold it without moving. */
export function beforeOrigin(grid: SheetGrid, edit: CellEdit): boolean {
  const o = grid.origin ?? { row: 0, col: 0 };
  return edit.row < o.row || edit.col < o.col;
}

/** Writes one cell into the grid (growing it down or right as needed); returns what was there. */
export function patchCell(grid: SheetGrid, row: number, col: number, value: CellValue, format: string | undefined): Patch {
  const o = grid.origin ?? { row: 0, col: 0 };
  const before: Patch = { row, col, value: cellValue(grid, row, col), format: cellFormat(grid, row, col) };
  const r = row - o.row;
  const c = col - o.col;
  while (grid.values.length <= r) grid.values.push([]);
  const line = grid.values[r];
  for (let i = line.length; i < c; i++) line[i] = null;
  line[c] = value;
  if (format !== undefined) {
    grid.numberFormats ??= [];
    const formats = grid.numberFormats;
    while (formats.length <= r) formats.push([]);
    const fline = formats[r];
    for (let i = fline.length; i < c; i++) fline[i] = "General";
    fline[c] = format;
  }
  return before;
}

/** Puts the patched cells back as they were (last patch first), or forward again. */
export function revert(grid: SheetGrid, patches: Patch[]): Patch[] {
  const redo: Patch[] = [];
  for (let i = patches.length - 1; i >= 0; i--) {
    const p = patches[i];
    redo.push(patchCell(grid, p.row, p.col, p.value, p.format ?? (cellFormat(grid, p.row, p.col) === undefined ? undefined : "General")));
  }
  return redo;
}
