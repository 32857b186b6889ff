// Before colouring an officer's sheet: which cells and properties the plans touch, and the sizes they
// replace. The formats themselves are not read: getCellProperties gives RGB and tintAndShade only, which
// flattens theme colours, tints, patterns and automatic colours, so they are backed up whole in the
// workbook instead (backup.ts). Read here too: what officers changed on cells this run stops colouring
// (kept-formats.ts), set again after their backups go back.
import type { SheetPlan } from "../engine/vocab/plan";
import type { SheetGrid } from "../engine/vocab/types";
import type { XlRangeFormat, XlRequestContext, XlWorksheet } from "./api";
import { CellSet, cellKey } from "./cells";
import { Batcher, OP_OVERHEAD } from "./chunk";
import type { Capture, FormatKey, SheetMemory } from "./saved";
import { emptyMemory, styleKeys, untouchedBackups } from "./saved";
import { OfficersChanges, type KeptFormatsJob } from "./kept-formats";

/** Cells and properties an edit plan will change. Strings in blocks get the text format "@". */
export function planTouches(plan: SheetPlan): Pick<Capture, "touched" | "values"> {
  const touched = new Map<number, Set<FormatKey>>();
  const touch = (row: number, col: number, keys: FormatKey[]): void => {
    if (!keys.length) return;
    const k = cellKey(row, col);
    let set = touched.get(k);
    if (!set) touched.set(k, (set = new Set()));
    keys.forEach((x) => set!.add(x));
  };
  const values = new CellSet();
  for (const b of plan.blocks) {
    b.values.forEach((line, i) =>
      line.forEach((v, j) => {
        values.add(b.row + i, b.col + j);
        if (typeof v === "string" && v !== "") touch(b.row + i, b.col + j, ["numberFormat"]);
      }),
    );
  }
  for (const g of plan.styles) {
    const keys = styleKeys(g.style);
    for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) touch(row, col, keys);
  }
  return { touched, values };
}

export interface CaptureJob {
  ws: XlWorksheet;
  plan: SheetPlan;
  /** What earlier runs saved for this sheet: sizes saved then are not read again. */
  memory?: SheetMemory;
  /** The sheet as the engine read it (kept for callers; formats are backed up whole, not read). */
  grid?: SheetGrid;
  /** Column widths already read with the sheet (read.ts): not read again. */
  widths?: Map<number, number>;
}

/**
 * What the plans will replace: the cells they touch (backed up whole in the write request, backup.ts)
 * and the column widths and row heights they set, read here (one cell of each column or row tells its
 * size; sizes saved earlier win). Returns one Capture per job and the syncs used: 0 when no size needs reading.
 * `firstReads` queues other reads into the first request (commands.ts: conditional formats over our columns).
 */
export async function captureFormats(context: XlRequestContext, jobs: CaptureJob[], budget: number, record?: XlWorksheet, firstReads?: () => void): Promise<{ captures: Capture[]; syncs: number }> {
  const batch = new Batcher(context, budget);
  if (firstReads) await batch.add(OP_OVERHEAD, firstReads);
  const stopping: KeptFormatsJob[] = [];
  const reads: (() => void)[] = [];
  const captures: Capture[] = [];
  for (const job of jobs) {
    const cap: Capture = { ...planTouches(job.plan), before: new Map(), widths: new Map(), heights: new Map() };
    captures.push(cap);
    // Backed-up cells this run no longer colours go back to their backups: what officers changed there since is read with the sizes.
    const mem = job.memory ?? emptyMemory();
    stopping.push({ ws: job.ws, mem, cells: untouchedBackups(mem.backed, cap.touched) });
    const wanted: [Map<number, number>, number, boolean][] = [];
    for (const w of job.plan.columnWidths) {
      const was = job.memory?.widths.get(w.col) ?? job.widths?.get(w.col);
      if (was !== undefined) cap.widths.set(w.col, was);
      else wanted.push([cap.widths, w.col, true]);
    }
    for (const h of job.plan.rowHeights) {
      const was = job.memory?.heights.get(h.row);
      if (was !== undefined) cap.heights.set(h.row, was);
      else wanted.push([cap.heights, h.row, false]);
    }
    if (!wanted.length) continue;
    await batch.add(OP_OVERHEAD * wanted.length, () => {
      for (const [map, i, isWidth] of wanted) {
        const cell = isWidth ? job.ws.getRangeByIndexes(0, i, 1, 1) : job.ws.getRangeByIndexes(i, 0, 1, 1);
        const f: XlRangeFormat = cell.format.load(isWidth ? "columnWidth" : "rowHeight");
        // A hidden column is backed up as 0 points wide (read.ts queueWidths): Remove colours hides it again.
        if (isWidth) cell.load("columnHidden");
        reads.push(() => map.set(i, isWidth ? (cell.columnHidden === true ? 0 : f.columnWidth) : f.rowHeight));
      }
    });
  }
  const later = record ? OfficersChanges.sized(record, stopping, budget / 4) : undefined;
  if (later) await later.queueInto(batch);
  await batch.flush();
  reads.forEach((r) => r());
  if (later?.bytes) captures.forEach((cap, i) => (cap.kept = later.changes(i, stopping[i].cells)));
  return { captures, syncs: batch.syncs };
}
