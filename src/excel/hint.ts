// How big each sheet was when last read, kept in workbook.settings: the one thing the facts request can
// read that tells a read's size before it is made. With it, a workbook known to hold more than one
// request of cell data is read in ~4 MB slices from the start (sizes, first slice, rest), instead of
// trying everything at once, being refused and starting over. Only a hint: a sheet that changed shape
// is simply read again from its real size. Settings suit it: a few hundred bytes, local to the add-in.
import type { SheetPlan } from "../engine/vocab/plan";
import type { CellRange, SheetGrid } from "../engine/vocab/types";
import type { XlRequestContext } from "./api";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD, utf8Bytes } from "./chunk";
import { excelAddress, quoteSheet } from "./a1";

export const READ_HINT_KEY = "ragScorecard.readHint";

export interface SheetHint {
  top: number;
  left: number;
  rows: number;
  cols: number;
  /** Bytes of values and number formats, as JSON, last time (for the history: of its window). */
  bytes: number;
  /** The history only: the sheet row where its latest periods start, all a pack reads (engine/history/layout.ts). */
  window?: number;
  /** The row below the last merged area, where that lies below the used range (blank merged cells): merged areas are asked down to it. */
  merged?: number;
  /** Bytes of the addresses the first request lists for the sheet (merged areas, formula cells), where there are any. */
  listed?: number;
}

export type ReadHint = Record<string, SheetHint>;

export function queueHint(context: XlRequestContext): () => ReadHint {
  const item = context.workbook.settings.getItemOrNullObject(READ_HINT_KEY).load("value");
  return () => (item.isNullObject ? {} : parseHint(item.value));
}

export function parseHint(value: unknown): ReadHint {
  try {
    const data = JSON.parse(String(value)) as { v?: number; sheets?: Record<string, Partial<SheetHint>> };
    if (data.v !== 1 || !data.sheets) return {};
    const out: ReadHint = {};
    for (const [name, h] of Object.entries(data.sheets)) {
      const n = [h.top, h.left, h.rows, h.cols, h.bytes];
      if (!n.every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0)) continue;
      out[name] = h as SheetHint;
      if (h.window !== undefined && !(typeof h.window === "number" && Number.isInteger(h.window) && h.window > 1)) delete out[name].window;
      if (h.merged !== undefined && !(typeof h.merged === "number" && Number.isInteger(h.merged) && h.merged > 0)) delete out[name].merged;
      if (h.listed !== undefined && !(typeof h.listed === "number" && Number.isFinite(h.listed) && h.listed > 0)) delete out[name].listed;
    }
    return out;
  } catch {
    return {};
  }
}

/** Bytes a grid's values and number formats take as JSON, from a sample of its rows. */
export function gridBytes(grid: SheetGrid): number {
  const rows = grid.values.length;
  if (!rows) return 0;
  const step = Math.max(1, Math.floor(rows / 200));
  let sampled = 0;
  let bytes = 0;
  for (let r = 0; r < rows; r += step) {
    bytes += utf8Bytes(JSON.stringify(grid.values[r] ?? [])) + utf8Bytes(JSON.stringify(grid.numberFormats?.[r] ?? []));
    sampled++;
  }
  return Math.round((bytes / sampled) * rows);
}

/**
 * The hint for the next read: each grid as read, grown by what this run's edit plans write on it (our
 * "Status (auto)" columns), since the next read will find those too.
 */
export function encodeHint(grids: SheetGrid[], plans: SheetPlan[] = [], history?: { sheet: string; hint: SheetHint }): string {
  const sheets: ReadHint = {};
  if (history) sheets[history.sheet] = history.hint;
  for (const g of grids) {
    if (history && g.name === history.sheet) continue;
    const o = g.origin ?? { row: 0, col: 0 };
    const cols = g.values.reduce((n, r) => Math.max(n, r?.length ?? 0), 0);
    let top = o.row;
    let left = o.col;
    let bottom = o.row + g.values.length - 1;
    let right = o.col + cols - 1;
    let bytes = gridBytes(g);
    for (const p of plans) {
      if (p.action !== "edit" || p.sheet !== g.name) continue;
      for (const b of p.blocks) {
        const width = b.values.reduce((n, r) => Math.max(n, r.length), 0);
        if (!width || !b.values.length) continue;
        if (bottom < top) [top, left, bottom, right] = [b.row, b.col, b.row - 1, b.col - 1];
        top = Math.min(top, b.row);
        left = Math.min(left, b.col);
        bottom = Math.max(bottom, b.row + b.values.length - 1);
        right = Math.max(right, b.col + width - 1);
        bytes += utf8Bytes(JSON.stringify(b.values)) + 10 * width * b.values.length;
      }
    }
    if (bottom < top || right < left) continue;
    const merged = (g.merges ?? []).reduce((n, m) => Math.max(n, m.bottom + 1), 0);
    const listed = listedBytes(g);
    sheets[g.name] = { top, left, rows: bottom - top + 1, cols: right - left + 1, bytes, ...(merged > bottom + 1 ? { merged } : {}), ...(listed ? { listed } : {}) };
  }
  return JSON.stringify({ v: 1, sheets });
}

/**
 * Bytes of a grid's merged areas and formula cells as Excel lists them: "'Sheet name'!A1:B2, " an area. Merged areas
 * are asked in bands of 192 rows each with the next 64 (read.ts), so a third of them come back twice (helper-134).
 */
function listedBytes(g: SheetGrid): number {
  const name = utf8Bytes(quoteSheet(g.name)) + 3;
  const bytes = (areas: CellRange[] | undefined): number => (areas ?? []).reduce((n, a) => n + name + excelAddress(a).length, 0);
  return Math.round(bytes(g.merges) * MERGES_LISTED_TWICE + bytes(g.formulaCells));
}

/** Merged areas listed per area merged: (192 + 64) / 192. */
const MERGES_LISTED_TWICE = 4 / 3;

export async function queueHintWrite(batcher: Batcher, context: XlRequestContext, json: string): Promise<void> {
  await batcher.add(OP_OVERHEAD + utf8Bytes(json), () => context.workbook.settings.add(READ_HINT_KEY, json));
}
