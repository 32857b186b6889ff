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
import type { CellSet } from "./cells";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD } from "./chunk";

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

/**
 * Copy the backed-up formats of `cells` back onto their sheet, then clear the backups; `keep`: leave
 * the backups (live colours uncolouring a cell it may colour again: the record still lists it).
 */
export async function queueCopyBack(batcher: Batcher, ws: XlWorksheet, record: XlWorksheet, recordName: string, cells: CellSet, cols: Map<number, number>, keep = false): Promise<void> {
  for (const r of columnRuns(cells)) {
    if (!cols.has(r.left)) continue;
    const source = `${quoteSheet(recordName)}!${rangeAddress(inRecord(r, cols))}`;
    await batcher.add(OP_OVERHEAD * (keep ? 2 : 3) + source.length, () => {
      byIndexes(ws, r).copyFrom(source, "Formats");
      if (!keep) byIndexes(record, inRecord(r, cols)).clear("Formats");
    });
  }
}
