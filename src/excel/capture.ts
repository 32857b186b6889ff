// Before colouring an officer's sheet, read the formats about to be replaced, in one request:
// - formats an earlier run saved win (the cell shows our colours now), so those cells are not read;
// - number formats come from the read the engine used (grid), or per cell outside it;
// - everything else is read range by range: one load of fill, font… over all the cells of a group
//   (RangeAreas). Office answers null for a property that differs across the range, and only those
//   ranges are read cell by cell (getCellProperties, the changed properties only).
// Cells an officer typed (a rating column often hand-coloured) are also read cell by cell in the same
// request while it stays under the budget, so a hand-coloured column does not cost another round trip
// up to about 4 MB of cell properties (some 35,000 cells); past that, one more request per ~4 MB.
import type { SheetPlan } from "../engine/plan";
import type { CellRange, SheetGrid } from "../engine/types";
import type { XlCellProperties, XlCellPropertiesLoadOptions, XlClientResult, XlRange, XlRangeFormat, XlRequestContext, XlWorksheet } from "./api";
import { CellSet, cellKey, chunkRects, keyCell, slices } from "./cells";
import { Batcher, OP_OVERHEAD } from "./chunk";
import type { Capture, FormatKey, SavedFormat, SheetMemory } from "./saved";
import { SIDES, styleKeys } from "./saved";
import { queueUniform, RANGE_KEYS } from "./uniform";

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

/** Response bytes per cell of getCellProperties, roughly (as JSON), for keeping each read under the payload limit. */
const PER_CELL = 20;
const KEY_BYTES: Partial<Record<FormatKey, number>> = { fill: 45, borders: 260 };
const PER_KEY = 28;
/** A number format as read: "General", plus quotes and a comma; longer formats are rare. */
const PER_NF = 14;
const perCellCost = (keys: Set<FormatKey>): number => [...keys].reduce((n, k) => n + (KEY_BYTES[k] ?? PER_KEY), PER_CELL);

export interface CaptureJob {
  ws: XlWorksheet;
  plan: SheetPlan;
  /** What earlier runs saved for this sheet: those properties are not read again. */
  memory?: SheetMemory;
  /** The sheet as the engine read it: number formats, and which cells hold an officer's values. */
  grid?: SheetGrid;
}

interface Job extends CaptureJob {
  touched: Map<number, Set<FormatKey>>;
  values: CellSet;
  before: Map<number, SavedFormat>;
  widths: Map<number, number>;
  heights: Map<number, number>;
  resolveSizes?: () => void;
}

/** Per-cell reads, queued through a batcher; `apply` runs after the flush. */
class CellReads {
  private readonly reads: { job: Job; r: CellRange; keys: Set<FormatKey>; result: XlClientResult<XlCellProperties[][]> }[] = [];
  private readonly nfs: { job: Job; r: CellRange; range: XlRange }[] = [];

  /** Read over column spans: scattered cells cost a few reads, not one each (the cells between are read and ignored). */
  cost(cells: CellSet, keys: Set<FormatKey>): number {
    const spans = cells.spans();
    return spans.reduce((n, r) => n + area(r), 0) * perCellCost(keys) + OP_OVERHEAD * spans.length;
  }

  async props(b: Batcher, job: Job, cells: CellSet, keys: Set<FormatKey>): Promise<void> {
    const options = loadOptions(keys);
    const per = perCellCost(keys);
    for (const r of cells.spans().flatMap((x) => slices(x, per))) {
      await b.add(OP_OVERHEAD + area(r) * per, () => this.reads.push({ job, r, keys, result: byIndexes(job.ws, r).getCellProperties(options) }));
    }
  }

  async numberFormats(b: Batcher, job: Job, cells: CellSet): Promise<void> {
    for (const r of cells.spans().flatMap((x) => slices(x, PER_NF))) {
      await b.add(OP_OVERHEAD + area(r) * PER_NF, () => this.nfs.push({ job, r, range: byIndexes(job.ws, r).load("numberFormat") }));
    }
  }

  /** Cell properties by job and cell, after the flush. */
  apply(into: (job: Job, k: number, f: SavedFormat) => void): void {
    for (const p of this.reads) each(p.r, p.result.value, (k, cell) => into(p.job, k, fromProperties(cell, p.keys)));
    for (const n of this.nfs) each(n.r, n.range.numberFormat as unknown[][], (k, nf) => into(n.job, k, { numberFormat: String(nf) }));
  }
}

const area = (r: CellRange): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function each<T>(r: CellRange, grid: T[][], f: (k: number, v: T) => void): void {
  grid.forEach((line, i) => line.forEach((v, j) => f(cellKey(r.top + i, r.left + j), v)));
}

function byIndexes(ws: XlWorksheet, r: CellRange): XlRange {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

function gridNumberFormat(grid: SheetGrid | undefined, row: number, col: number): string | undefined {
  if (!grid?.numberFormats) return undefined;
  const o = grid.origin ?? { row: 0, col: 0 };
  return grid.numberFormats[row - o.row]?.[col - o.col];
}

function merge(job: Job, k: number, f: SavedFormat): void {
  job.before.set(k, { ...job.before.get(k), ...f });
}

/**
 * Read what the plans will replace. Returns one Capture per job (for mergeMemory) and the syncs used:
 * 0 when everything was saved before, 1 normally, more only for non-uniform ranges past the budget.
 */
export async function captureFormats(context: XlRequestContext, jobs: CaptureJob[], budget: number): Promise<{ captures: Capture[]; syncs: number }> {
  const all: Job[] = jobs.map((j) => ({ ...j, ...planTouches(j.plan), before: new Map(), widths: new Map(), heights: new Map() }));
  const first = new Batcher(context, budget);
  const cells = new CellReads();
  const ranges: { job: Job; rects: CellRange[]; keys: FormatKey[]; read: () => Map<FormatKey, unknown> }[] = [];
  const officer: { job: Job; cells: CellSet; keys: Set<FormatKey> }[] = [];

  for (const job of all) {
    const nfCells = new CellSet();
    const borderCells = new CellSet();
    const groups = new Map<string, { keys: FormatKey[]; cells: CellSet; typed: boolean }>();
    for (const [k, keys] of job.touched) {
      const saved = job.memory?.cells.get(k);
      const need = [...keys].filter((x) => saved?.[x] === undefined);
      const { row, col } = keyCell(k);
      if (need.includes("numberFormat")) {
        const nf = gridNumberFormat(job.grid, row, col);
        if (nf !== undefined) merge(job, k, { numberFormat: nf });
        else nfCells.add(row, col);
      }
      if (need.includes("borders")) borderCells.add(row, col);
      const keysHere = need.filter((x) => RANGE_KEYS.includes(x)).sort();
      if (!keysHere.length) continue;
      // An officer's cell (not written by the plan) is read cell by cell too, if there is room.
      const typed = !job.values.has(row, col);
      const id = `${keysHere.join(",")}|${typed}`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { keys: keysHere, cells: new CellSet(), typed }));
      g.cells.add(row, col);
    }
    for (const g of groups.values()) {
      for (const chunk of chunkRects(g.cells.rects())) {
        await first.add(OP_OVERHEAD * 3 + chunk.address.length, () => ranges.push({ job, rects: chunk.rects, keys: g.keys, read: queueUniform(job.ws.getRanges(chunk.address).format, g.keys) }));
      }
      if (g.typed) officer.push({ job, cells: g.cells, keys: new Set(g.keys) });
    }
    await cells.numberFormats(first, job, nfCells);
    await cells.props(first, job, borderCells, new Set<FormatKey>(["borders"]));
    // Widths and heights: one cell of each column or row tells its size. Saved sizes win.
    const sizes: [Map<number, number>, number, XlRangeFormat, boolean][] = [];
    const wanted: [Map<number, number>, number, boolean][] = [];
    for (const w of job.plan.columnWidths) {
      const was = job.memory?.widths.get(w.col);
      if (was !== undefined) job.widths.set(w.col, was);
      else wanted.push([job.widths, w.col, true]);
    }
    for (const h of job.plan.rowHeights) {
      const was = job.memory?.heights.get(h.row);
      if (was !== undefined) job.heights.set(h.row, was);
      else wanted.push([job.heights, h.row, false]);
    }
    if (wanted.length) {
      await first.add(OP_OVERHEAD * wanted.length, () => {
        for (const [map, i, isWidth] of wanted) {
          const cell = isWidth ? job.ws.getRangeByIndexes(0, i, 1, 1) : job.ws.getRangeByIndexes(i, 0, 1, 1);
          sizes.push([map, i, cell.format.load(isWidth ? "columnWidth" : "rowHeight"), isWidth]);
        }
      });
    }
    job.resolveSizes = () => sizes.forEach(([map, i, f, isWidth]) => map.set(i, isWidth ? f.columnWidth : f.rowHeight));
  }
  // Piggyback: officers' cells cell by cell, only while the request stays within budget.
  for (const o of officer.sort((a, b) => a.cells.size - b.cells.size)) {
    if (first.fits(cells.cost(o.cells, o.keys))) await cells.props(first, o.job, o.cells, o.keys);
  }
  await first.flush();

  const perCell = new Map<Job, Map<number, SavedFormat>>();
  cells.apply((job, k, f) => {
    let m = perCell.get(job);
    if (!m) perCell.set(job, (m = new Map()));
    m.set(k, { ...m.get(k), ...f });
  });
  for (const job of all) job.resolveSizes?.();

  // Uniform answers go to every cell of the range; the rest comes from the per-cell read, or a further one.
  const leftovers = new Map<Job, Map<string, { keys: Set<FormatKey>; cells: CellSet }>>();
  for (const r of ranges) {
    const uniform = r.read();
    const mixed = r.keys.filter((k) => !uniform.has(k));
    const known: SavedFormat = Object.fromEntries([...uniform]) as SavedFormat;
    for (const rect of r.rects) {
      for (let row = rect.top; row <= rect.bottom; row++) {
        for (let col = rect.left; col <= rect.right; col++) {
          const k = cellKey(row, col);
          merge(r.job, k, known);
          if (!mixed.length) continue;
          const read = perCell.get(r.job)?.get(k);
          if (read && mixed.every((x) => read[x] !== undefined)) {
            merge(r.job, k, Object.fromEntries(mixed.map((x) => [x, read[x]])) as SavedFormat);
            continue;
          }
          let byKeys = leftovers.get(r.job);
          if (!byKeys) leftovers.set(r.job, (byKeys = new Map()));
          const id = mixed.join(",");
          let g = byKeys.get(id);
          if (!g) byKeys.set(id, (g = { keys: new Set(mixed), cells: new CellSet() }));
          g.cells.add(row, col);
        }
      }
    }
  }
  // Borders and number formats read above.
  for (const [job, m] of perCell) for (const [k, f] of m) if (f.borders !== undefined || f.numberFormat !== undefined) merge(job, k, pick(f, ["borders", "numberFormat"]));

  let syncs = first.syncs;
  if (leftovers.size) {
    const more = new Batcher(context, budget);
    const extra = new CellReads();
    for (const [job, byKeys] of leftovers) for (const g of byKeys.values()) await extra.props(more, job, g.cells, g.keys);
    await more.flush();
    extra.apply(merge);
    syncs += more.syncs;
  }
  return {
    captures: all.map((j) => ({ touched: j.touched, before: j.before, values: j.values, widths: j.widths, heights: j.heights })),
    syncs,
  };
}

function pick(f: SavedFormat, keys: FormatKey[]): SavedFormat {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (f[k] !== undefined) out[k] = f[k];
  return out as SavedFormat;
}
