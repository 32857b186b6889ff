// Before colouring an officer's sheet, read the formats about to be replaced, in one
// batch: getCellProperties (ExcelApi 1.9) over the fewest rectangles covering the cells.
import type { SheetPlan } from "../engine/plan";
import type { XlCellProperties, XlCellPropertiesLoadOptions, XlClientResult, XlRange, XlRangeFormat, XlWorksheet } from "./api";
import { CellSet, cellKey, slices } from "./cells";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD } from "./chunk";
import type { Capture, FormatKey, SavedFormat } from "./saved";
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

/** Response bytes per cell, roughly, for keeping each read under the payload limit. */
const PER_CELL = 24;
const PER_KEY = 32;

/**
 * Queue reads of everything `plan` changes on `ws` (through `batcher`, which may send
 * more than one request for very large plans). Call the result once the batcher is flushed.
 */
export async function queueCapture(batcher: Batcher, ws: XlWorksheet, plan: SheetPlan): Promise<() => Capture> {
  const { touched, values } = planTouches(plan);
  // Group cells by which properties they need, so each group is read with one option set.
  const groups = new Map<string, { keys: Set<FormatKey>; cells: CellSet }>();
  const nfCells = new CellSet();
  for (const [k, keys] of touched) {
    const row = Math.floor(k / 16384);
    const col = k % 16384;
    if (keys.has("numberFormat")) nfCells.add(row, col);
    const formatKeys = [...keys].filter((x) => x !== "numberFormat").sort();
    if (!formatKeys.length) continue;
    const id = formatKeys.join(",");
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { keys: new Set(formatKeys), cells: new CellSet() }));
    g.cells.add(row, col);
  }

  const props: { top: number; left: number; keys: Set<FormatKey>; result: XlClientResult<XlCellProperties[][]> }[] = [];
  const nfs: { top: number; left: number; range: XlRange }[] = [];
  const byIndexes = (top: number, left: number, bottom: number, right: number): XlRange => ws.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1);
  for (const g of groups.values()) {
    const options = loadOptions(g.keys);
    const perCell = PER_CELL + PER_KEY * g.keys.size;
    for (const r of g.cells.rects().flatMap((x) => slices(x, perCell))) {
      const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      await batcher.add(OP_OVERHEAD + cells * perCell, () =>
        props.push({ top: r.top, left: r.left, keys: g.keys, result: byIndexes(r.top, r.left, r.bottom, r.right).getCellProperties(options) }),
      );
    }
  }
  for (const r of nfCells.rects().flatMap((x) => slices(x, PER_CELL))) {
    const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    await batcher.add(OP_OVERHEAD + cells * PER_CELL, () => nfs.push({ top: r.top, left: r.left, range: byIndexes(r.top, r.left, r.bottom, r.right).load("numberFormat") }));
  }
  // Widths and heights the plan sets: one cell of each column or row tells its current size.
  let widths: [number, XlRangeFormat][] = [];
  let heights: [number, XlRangeFormat][] = [];
  await batcher.add(OP_OVERHEAD * (plan.columnWidths.length + plan.rowHeights.length), () => {
    widths = plan.columnWidths.map((w) => [w.col, ws.getRangeByIndexes(0, w.col, 1, 1).format.load("columnWidth")]);
    heights = plan.rowHeights.map((h) => [h.row, ws.getRangeByIndexes(h.row, 0, 1, 1).format.load("rowHeight")]);
  });

  return () => {
    const before = new Map<number, SavedFormat>();
    for (const p of props) {
      p.result.value.forEach((line, i) =>
        line.forEach((cell, j) => {
          const k = cellKey(p.top + i, p.left + j);
          if (touched.has(k)) before.set(k, fromProperties(cell, p.keys));
        }),
      );
    }
    for (const n of nfs) {
      (n.range.numberFormat as unknown[][]).forEach((line, i) =>
        line.forEach((nf, j) => {
          const k = cellKey(n.top + i, n.left + j);
          const prev = before.get(k) ?? {};
          if (touched.get(k)?.has("numberFormat")) before.set(k, { ...prev, numberFormat: String(nf) });
        }),
      );
    }
    return {
      touched,
      before,
      values,
      widths: new Map(widths.map(([col, format]) => [col, format.columnWidth])),
      heights: new Map(heights.map(([row, format]) => [row, format.rowHeight])),
    };
  };
}
