// Number formats cell by cell: RangeAreas has no numberFormat, so they are 2D arrays. Scattered cells
// are written over column spans with null (no change) in between, a handful of operations instead of
// one per cell.
import type { SheetPlan } from "../engine/vocab/plan";
import type { XlWorksheet } from "./api";
import { CellSet, cellKey, keyCell, SLICE_BYTES, slices } from "./cells";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD, jsonBytes } from "./chunk";

/** The number format each cell ends with from the plan's styles (a later style wins, as applied in order). */
export function styleNumberFormats(plan: SheetPlan): Map<number, string> {
  const out = new Map<number, string>();
  for (const g of plan.styles) {
    const nf = g.style.numberFormat;
    if (nf === undefined) continue;
    for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.set(cellKey(row, col), nf);
  }
  return out;
}

/** Queue number formats for the cells of `formats`, over column spans. */
export async function queueNumberFormats(batcher: Batcher, ws: XlWorksheet, formats: Map<number, string>): Promise<void> {
  if (!formats.size) return;
  const set = new CellSet();
  let widest = 0;
  for (const [k, nf] of formats) {
    const { row, col } = keyCell(k);
    set.add(row, col);
    widest = Math.max(widest, nf.length);
  }
  for (const span of set.spans()) {
    for (const part of slices(span, widest + 8, SLICE_BYTES)) {
      const grid: (string | null)[][] = [];
      for (let row = part.top; row <= part.bottom; row++) {
        const line: (string | null)[] = [];
        for (let col = part.left; col <= part.right; col++) line.push(formats.get(cellKey(row, col)) ?? null);
        grid.push(line);
      }
      await batcher.add(OP_OVERHEAD + jsonBytes(grid), () => {
        ws.getRangeByIndexes(part.top, part.left, part.bottom - part.top + 1, part.right - part.left + 1).numberFormat = grid;
      });
    }
  }
}
