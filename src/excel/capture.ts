// Before colouring an officer's sheet: which cells and properties the plans touch, and the sizes they
// replace. The formats themselves are not read: getCellProperties gives RGB and tintAndShade only, which
// flattens theme colours, tints, patterns and automatic colours, so they are backed up whole in the
// workbook instead (backup.ts). planTouches / loadOptions / fromProperties remain for the naive baseline.
import type { SheetPlan } from "../engine/vocab/plan";
import type { SheetGrid } from "../engine/vocab/types";
import type { XlCellProperties, XlCellPropertiesLoadOptions, XlRangeFormat, XlRequestContext, XlWorksheet } from "./api";
import { CellSet, cellKey } from "./cells";
import { Batcher, OP_OVERHEAD } from "./chunk";
import type { Capture, FormatKey, SavedFormat, SheetMemory } from "./saved";
import { SIDES, styleKeys } from "./saved";

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

export function loadOptions(keys: Set<FormatKey>): XlCellPropertiesLoadOptions {
  const font: Record<string, boolean> = {};
  if (keys.has("fontColor")) font.color = true;
  if (keys.has("bold")) font.bold = true;
  if (keys.has("italic")) font.italic = true;
  if (keys.has("fontName")) font.name = true;
  if (keys.has("fontSize")) font.size = true;
  const format: NonNullable<XlCellPropertiesLoadOptions["format"]> = {};
  if (keys.has("fill")) format.fill = { color: true, pattern: true };
  if (Object.keys(font).length) format.font = font;
  if (keys.has("wrap")) format.wrapText = true;
  if (keys.has("hAlign")) format.horizontalAlignment = true;
  if (keys.has("vAlign")) format.verticalAlignment = true;
  if (keys.has("borders")) format.borders = { style: true, color: true, weight: true };
  return { format };
}

export function fromProperties(p: XlCellProperties, keys: Set<FormatKey>): SavedFormat {
  const f = p.format ?? {};
  const out: SavedFormat = {};
  if (keys.has("fill")) out.fill = f.fill?.pattern === "None" ? null : (f.fill?.color ?? null);
  if (keys.has("fontColor")) out.fontColor = f.font?.color;
  if (keys.has("bold")) out.bold = f.font?.bold;
  if (keys.has("italic")) out.italic = f.font?.italic;
  if (keys.has("fontName")) out.fontName = f.font?.name;
  if (keys.has("fontSize")) out.fontSize = f.font?.size;
  if (keys.has("wrap")) out.wrap = f.wrapText;
  if (keys.has("hAlign")) out.hAlign = f.horizontalAlignment;
  if (keys.has("vAlign")) out.vAlign = f.verticalAlignment;
  if (keys.has("borders")) {
    out.borders = {};
    for (const s of SIDES) {
      const b = f.borders?.[s];
      out.borders[s] = { style: b?.style ?? "None", color: b?.color ?? "#000000", weight: b?.weight ?? "Thin" };
    }
  }
  return out;
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
 */
export async function captureFormats(context: XlRequestContext, jobs: CaptureJob[], budget: number): Promise<{ captures: Capture[]; syncs: number }> {
  const batch = new Batcher(context, budget);
  const reads: (() => void)[] = [];
  const captures: Capture[] = [];
  for (const job of jobs) {
    const cap: Capture = { ...planTouches(job.plan), before: new Map(), widths: new Map(), heights: new Map() };
    captures.push(cap);
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
        const f: XlRangeFormat = (isWidth ? job.ws.getRangeByIndexes(0, i, 1, 1) : job.ws.getRangeByIndexes(i, 0, 1, 1)).format.load(isWidth ? "columnWidth" : "rowHeight");
        reads.push(() => map.set(i, isWidth ? f.columnWidth : f.rowHeight));
      }
    });
  }
  await batch.flush();
  reads.forEach((r) => r());
  return { captures, syncs: batch.syncs };
}
