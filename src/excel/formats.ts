// Formatting through multi-area ranges: one call per property for a whole group of cells
// (a plan's StyleGroup, or cells whose saved formats are identical), never one per cell.
import type { PlanStyle, StyleGroup } from "../engine/vocab/plan";
import type { CellRange } from "../engine/vocab/types";
import { colToLetters } from "../engine/vocab/address";
import type { XlBorderIndex, XlRangeFormat, XlSettableCellProperties, XlWorksheet } from "./api";
import { CellSet, chunkAddresses, compactRanges, keyCell, SLICE_BYTES, slices } from "./cells";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD, RANGE_FORMAT_PATHS, jsonBytes } from "./chunk";
import type { SavedFormat, SheetMemory } from "./saved";
import { normalise } from "./saved";
import { queueNumberFormats } from "./numformats";

type HAlign = XlRangeFormat["horizontalAlignment"];
type VAlign = XlRangeFormat["verticalAlignment"];
const H: Record<NonNullable<PlanStyle["hAlign"]>, HAlign> = { left: "Left", center: "Center", right: "Right" };
const V: Record<NonNullable<PlanStyle["vAlign"]>, VAlign> = { top: "Top", center: "Center", bottom: "Bottom" };


function byIndexes(ws: XlWorksheet, r: CellRange) {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** Set the simple (non-border, non-number-format) properties of a style. */
export function setStyle(format: XlRangeFormat, s: PlanStyle): void {
  if (s.fill !== undefined) format.fill.color = s.fill;
  if (s.fontColor !== undefined) format.font.color = s.fontColor;
  if (s.fontName !== undefined) format.font.name = s.fontName;
  if (s.fontSize !== undefined) format.font.size = s.fontSize;
  if (s.bold !== undefined) format.font.bold = s.bold;
  if (s.italic !== undefined) format.font.italic = s.italic;
  if (s.wrap !== undefined) format.wrapText = s.wrap;
  if (s.hAlign !== undefined) format.horizontalAlignment = H[s.hAlign];
  if (s.vAlign !== undefined) format.verticalAlignment = V[s.vAlign];
}

function countStyle(s: PlanStyle): number {
  return [s.fill, s.fontColor, s.fontName, s.fontSize, s.bold, s.italic, s.wrap, s.hAlign, s.vAlign].filter((x) => x !== undefined).length;
}

async function borders(batcher: Batcher, ws: XlWorksheet, ranges: CellRange[], edges: XlBorderIndex[], color: string): Promise<void> {
  for (const chunk of chunkAddresses(ranges)) {
    await batcher.add(chunk.length + RANGE_FORMAT_PATHS + OP_OVERHEAD * 3 * edges.length, () => {
      const b = ws.getRanges(chunk).format.borders;
      for (const e of edges) {
        const item = b.getItem(e);
        item.style = "Continuous";
        item.weight = "Thin";
        item.color = color;
      }
    });
  }
}

/** Queue one style group: each property once per address chunk (each chunk under 8,192 characters). Not number formats. */
export async function queueStyle(batcher: Batcher, ws: XlWorksheet, group: StyleGroup): Promise<void> {
  const ranges = compactRanges(group.ranges);
  const s = group.style;
  const n = countStyle(s);
  if (n > 0) {
    for (const chunk of chunkAddresses(ranges)) {
      await batcher.add(chunk.length + RANGE_FORMAT_PATHS + OP_OVERHEAD * n, () => setStyle(ws.getRanges(chunk).format, s));
    }
  }
  if (s.border !== undefined) {
    await borders(batcher, ws, ranges, ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"], s.border);
    // Inside borders only where a range has inside edges.
    await borders(batcher, ws, ranges.filter((r) => r.bottom > r.top), ["InsideHorizontal"], s.border);
    await borders(batcher, ws, ranges.filter((r) => r.right > r.left), ["InsideVertical"], s.border);
  }
  // Number formats are written by queuePlan, cell by cell with the values (numformats.ts).
}

export function setSaved(format: XlRangeFormat, f: SavedFormat): void {
  if (f.fill === null) format.fill.clear(); else if (f.fill !== undefined) format.fill.color = f.fill;
  if (f.fontColor !== undefined) format.font.color = f.fontColor;
  if (f.fontName !== undefined) format.font.name = f.fontName;
  if (f.fontSize !== undefined) format.font.size = f.fontSize;
  if (f.bold !== undefined) format.font.bold = f.bold;
  if (f.italic !== undefined) format.font.italic = f.italic;
  if (f.wrap !== undefined) format.wrapText = f.wrap;
  if (f.hAlign !== undefined) format.horizontalAlignment = f.hAlign as HAlign;
  if (f.vAlign !== undefined) format.verticalAlignment = f.vAlign as VAlign;
}

/** Per-cell 2D writes over the rectangles of `cells` (used for number formats and borders, which differ cell by cell). */
async function perCell<T>(batcher: Batcher, cells: Map<number, T>, write: (r: CellRange, grid: T[][]) => void): Promise<void> {
  const set = new CellSet();
  let sample = 0;
  for (const k of cells.keys()) {
    const { row, col } = keyCell(k);
    set.add(row, col);
  }
  for (const v of cells.values()) {
    sample = Math.max(sample, jsonBytes(v) + 1);
    if (sample > 200) break;
  }
  for (const r of set.rects()) {
    for (const part of slices(r, sample, SLICE_BYTES)) {
      const grid: T[][] = [];
      for (let row = part.top; row <= part.bottom; row++) {
        const line: T[] = [];
        for (let col = part.left; col <= part.right; col++) line.push(cells.get(row * 16384 + col)!);
        grid.push(line);
      }
      await batcher.add(OP_OVERHEAD + jsonBytes(grid), () => write(part, grid));
    }
  }
}

/** Put back saved formats, clear the add-in's values and restore widths and heights. */
export async function queueRestore(batcher: Batcher, ws: XlWorksheet, mem: SheetMemory): Promise<void> {
  for (const chunk of chunkAddresses(mem.values.rects())) {
    await batcher.add(chunk.length + OP_OVERHEAD, () => ws.getRanges(chunk).clear("Contents"));
  }
  await queueSavedFormats(batcher, ws, mem.cells);
  // A column backed up 0 points wide was hidden (read.ts, sheet-head.ts): hidden again, not narrowed.
  // RangeAreas has no columnHidden: a column at a time (a sheet has one or two of ours).
  for (const [col, w] of mem.widths) {
    const letters = colToLetters(col);
    if (w === 0) await batcher.add(OP_OVERHEAD, () => (ws.getRange(`${letters}:${letters}`).columnHidden = true));
  }
  await queueSizes(batcher, ws, new Map([...mem.widths].filter(([, w]) => w !== 0)), "columnWidth");
  await queueSizes(batcher, ws, mem.heights, "rowHeight");
}

/** Merged areas whose top-left cell held ours (saved.ts leaveMergedAlone): cleared whole, as Excel refuses part of one. */
export async function queueWholeClears(batcher: Batcher, ws: XlWorksheet, areas: CellRange[]): Promise<void> {
  for (const chunk of chunkAddresses(areas)) await batcher.add(chunk.length + OP_OVERHEAD, () => ws.getRanges(chunk).clear("Contents"));
}

/** Set each cell's saved properties (and only those), cells with the same ones together. */
export async function queueSavedFormats(batcher: Batcher, ws: XlWorksheet, cells: Map<number, SavedFormat>): Promise<void> {
  const groups = new Map<string, { f: SavedFormat; cells: CellSet }>();
  const nfs = new Map<number, string>();
  const borderCells = new Map<number, XlSettableCellProperties>();
  for (const [k, saved] of cells) {
    const { numberFormat, borders: b, ...rest } = saved;
    if (numberFormat !== undefined) nfs.set(k, numberFormat);
    if (b !== undefined) borderCells.set(k, { format: { borders: b as NonNullable<NonNullable<XlSettableCellProperties["format"]>["borders"]> } });
    const f = normalise(rest);
    if (!Object.keys(f).length) continue;
    const id = JSON.stringify(f);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { f, cells: new CellSet() }));
    const { row, col } = keyCell(k);
    g.cells.add(row, col);
  }
  for (const g of groups.values()) {
    const n = Object.keys(g.f).length;
    for (const chunk of chunkAddresses(g.cells.rects())) {
      await batcher.add(chunk.length + RANGE_FORMAT_PATHS + OP_OVERHEAD * n, () => setSaved(ws.getRanges(chunk).format, g.f));
    }
  }
  await queueNumberFormats(batcher, ws, nfs);
  await perCell(batcher, borderCells, (r, grid) => byIndexes(ws, r).setCellProperties(grid));
}

/** Column widths or row heights in points, one call per distinct size. */
export async function queueSizes(batcher: Batcher, ws: XlWorksheet, sizes: Map<number, number>, prop: "columnWidth" | "rowHeight"): Promise<void> {
  const bySize = new Map<number, CellSet>();
  for (const [i, size] of sizes) {
    let set = bySize.get(size);
    if (!set) bySize.set(size, (set = new CellSet()));
    if (prop === "columnWidth") set.add(0, i);
    else set.add(i, 0);
  }
  for (const [size, set] of bySize) {
    for (const chunk of chunkAddresses(set.rects())) {
      await batcher.add(chunk.length + RANGE_FORMAT_PATHS + OP_OVERHEAD, () => (ws.getRanges(chunk).format[prop] = size));
    }
  }
}
