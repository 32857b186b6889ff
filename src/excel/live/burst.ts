// The burst that changes gather into between two quiet moments (pure; session.ts feeds it): changed
// cells by sheet, limited to the tracker zones, and the structural changes seen.
import type { CellRange } from "../../engine/vocab/types";
import { MAX_COLS, MAX_ROWS, parseAddress } from "../a1";
import { CellSet } from "../cells";
import type { XlChangedEventArgs } from "./api";
import type { Shift } from "./record";

export interface Burst {
  /** Changed cells by sheet name. */
  cells: Map<string, CellSet>;
  /** The tracker zone of each sheet in `cells`, as it stands (it grows as rows are typed at its foot). */
  zones: Map<string, TrackerZone>;
  /** Rows or columns inserted or deleted, in the order they happened. */
  shifts: Shift[];
  /** Sheets renamed (before -> after), deleted, or cells inserted or deleted in part of a row: re-rate all. */
  renamed: { from: string; to: string }[];
  deleted: string[];
  rescan: boolean;
  /** Events taken into this burst. */
  events: number;
}

/** Where an edit on a tracker sheet can matter (`rect`, from column A), and the first column the sheet's cells were read from. */
export interface TrackerZone {
  rect: CellRange;
  firstCol: number;
}

export function emptyBurst(): Burst {
  return { cells: new Map(), zones: new Map(), shifts: [], renamed: [], deleted: [], rescan: false, events: 0 };
}

export function isEmpty(b: Burst): boolean {
  return b.cells.size === 0 && b.shifts.length === 0 && b.renamed.length === 0 && b.deleted.length === 0 && !b.rescan;
}

/** Cells changed on a sheet, limited to a tracker zone (a paste of whole columns stays small). */
export function addCells(b: Burst, sheet: string, r: CellRange, tracker: TrackerZone | undefined): void {
  if (!tracker) return;
  const zone = tracker.rect;
  const top = Math.max(r.top, zone.top);
  const bottom = Math.min(r.bottom, zone.bottom);
  const left = Math.max(r.left, zone.left);
  const right = Math.min(r.right, zone.right);
  if (top > bottom || left > right) return;
  let set = b.cells.get(sheet);
  if (!set) b.cells.set(sheet, (set = new CellSet()));
  set.addRange({ top, bottom, left, right });
  b.zones.set(sheet, tracker);
}

/**
 * An insert or delete: whole rows or columns shift the record, and so do cells shifted down or up when
 * Excel says so (`down`: ExcelApi 1.14's changeDirectionState, read by the caller). Cells shifted right or
 * left cannot be followed (each column's backups sit in their own column): the workbook is re-rated only.
 */
export function addStructure(b: Burst, sheet: string, address: string, changeType: XlChangedEventArgs["changeType"], vertical = false): void {
  const r = parseAddress(address);
  b.rescan = true;
  if (!r) return;
  const rows = changeType === "RowInserted" || changeType === "RowDeleted";
  const cols = changeType === "ColumnInserted" || changeType === "ColumnDeleted";
  // Excel names whole rows "5:6" and whole columns "C:D"; the fake and Excel agree on parseAddress's reading.
  const wholeRows = r.left === 0 && r.right === MAX_COLS - 1;
  const wholeCols = r.top === 0 && r.bottom === MAX_ROWS - 1;
  if (rows && wholeRows) b.shifts.push({ sheet, axis: "rows", first: r.top, count: r.bottom - r.top + 1, inserted: changeType === "RowInserted" });
  else if (cols && wholeCols) b.shifts.push({ sheet, axis: "columns", first: r.left, count: r.right - r.left + 1, inserted: changeType === "ColumnInserted" });
  else if ((changeType === "CellInserted" || changeType === "CellDeleted") && vertical) {
    b.shifts.push({ sheet, axis: "rows", first: r.top, count: r.bottom - r.top + 1, inserted: changeType === "CellInserted", columns: { first: r.left, last: r.right } });
  }
}

/** Cells known so far, summed over sheets. */
export function cellCount(b: Burst): number {
  let n = 0;
  for (const s of b.cells.values()) n += s.size;
  return n;
}
