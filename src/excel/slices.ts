// The sliced read: values and number formats in slices of rows, packed across sheets into requests
// of about a budget each. A cell's cost is a guess until the first response: after each one, the bytes
// it carried are measured per sheet and the next requests are sized from that, so a text-heavy sheet
// gets smaller slices. The first request also brings a few rows of every other sheet, so every sheet
// is measured before its bulk is asked for and no request after the first is refused for size.
// A request Excel still refuses is put back with its sheets' cost doubled: retried at about half the size.
import type { SheetGrid } from "../engine/vocab/types";
import type { XlRange, XlRequestContext, XlWorksheet } from "./api";
import { utf8Bytes } from "./chunk";
import { toCellValue } from "./values";

export interface Slice {
  grid: SheetGrid;
  ws: XlWorksheet;
  row: number; // sheet row of the slice's first row
  col: number;
  rows: number;
  cols: number;
  at: number; // index in grid.values of the first row
}

/** An area still to read: `at` is the grid row of its first row (default 0). */
export type Area = Omit<Slice, "at"> & { at?: number };

/** A property or result read before a request answered it (its request was refused, and read again without it). */
export function isNotLoaded(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "PropertyNotLoaded" || code === "ValueNotLoaded";
}

/**
 * Sends the request: false when Excel refused it for its size, so that it can be sent again smaller.
 * Thrown as it came when it was the smallest there is (`smallest`) or failed for another reason.
 */
export async function sentUnlessTooBig(context: XlRequestContext, smallest = false): Promise<boolean> {
  try {
    await context.sync();
    return true;
  } catch (e) {
    if (!isPayloadError(e) || smallest) throw e;
    return false;
  }
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/** Rows of a response measured to know its size: enough for a steady average, cheap on 60,000-row slices. */
const SAMPLE_ROWS = 500;
/** Share of a request's budget that a sheet read ahead of its turn to be measured takes: 200 KB of 4 MB, a few hundred rows. */
const PROBE_SHARE = 1 / 20;

/** Bytes of loaded rows as the response carries them (values and number formats as JSON), from a sample of the rows. */
export function responseBytes(values: unknown[][], formats: unknown[][]): number {
  const rows = values.length;
  if (!rows) return 0;
  const step = Math.max(1, Math.floor(rows / SAMPLE_ROWS));
  let bytes = 0;
  let sampled = 0;
  for (let r = 0; r < rows; r += step) {
    bytes += utf8Bytes(JSON.stringify(values[r])) + utf8Bytes(JSON.stringify(formats[r])) + 2;
    sampled++;
  }
  return (bytes / sampled) * rows;
}

/** What one cell of each sheet costs against a request's budget. */
export class CellCosts {
  private readonly cost = new Map<string, number>();
  private readonly seen = new Map<string, { bytes: number; cells: number }>();

  /**
   * `initial`: the cost before anything is measured (from the read hint, or an assumed bytes per cell).
   * `measured`: costs are bytes, replaced by what responses carry; otherwise a fixed unit (a cell count budget).
   */
  constructor(
    private readonly initial: (sheet: string) => number,
    private readonly measured: boolean,
  ) {}

  of(sheet: string): number {
    return this.cost.get(sheet) ?? this.initial(sheet);
  }

  /** True when slices of this sheet need a measurement before their size can be trusted. */
  unmeasured(sheet: string): boolean {
    return this.measured && !this.seen.has(sheet);
  }

  /**
   * A response brought `bytes` for `cells` cells of the sheet. The next slices are costed at the larger of
   * this slice's density and the sheet's so far: a sheet whose rows grow wordier lowers its slices at once.
   */
  loaded(sheet: string, bytes: number, cells: number): void {
    if (!this.measured || cells === 0) return;
    const seen = this.seen.get(sheet) ?? { bytes: 0, cells: 0 };
    seen.bytes += bytes;
    seen.cells += cells;
    this.seen.set(sheet, seen);
    this.cost.set(sheet, Math.max(bytes / cells, seen.bytes / seen.cells));
  }

  /** A request with this sheet in it was refused as too big: its cells cost twice as much until measured. */
  refused(sheet: string): void {
    this.cost.set(sheet, this.of(sheet) * 2);
  }
}

/**
 * Takes the next request's slices off the front of `queue`: areas in order, cut by rows where the
 * budget runs out. A first row costing more than the whole budget still goes, alone.
 */
export function takeBatch(queue: Area[], budget: number, costs: CellCosts): Slice[] {
  const batch: Slice[] = [];
  let room = budget;
  while (queue.length) {
    const a = queue[0];
    const at = a.at ?? 0;
    const perRow = a.cols * costs.of(a.grid.name);
    let rows = Math.min(a.rows, Math.max(0, Math.floor(room / perRow)));
    if (rows === 0) {
      if (batch.length) break;
      rows = 1;
    }
    batch.push({ ...a, rows, at });
    room -= rows * perRow;
    if (rows < a.rows) {
      queue[0] = { ...a, row: a.row + rows, rows: a.rows - rows, at: at + rows };
      break;
    }
    queue.shift();
  }
  return batch;
}

/**
 * Moves the first rows of every sheet not yet measured to the front of the queue, so the next request
 * measures them all. The first area is left whole: the request is filled from it.
 */
function probeAhead(queue: Area[], budget: number, costs: CellCosts): void {
  const probes: Area[] = [];
  const ahead = new Set<SheetGrid>([queue[0]?.grid]);
  for (let i = 1; i < queue.length; i++) {
    const a = queue[i];
    const seen = ahead.has(a.grid);
    ahead.add(a.grid);
    if (seen || !costs.unmeasured(a.grid.name)) continue;
    const rows = Math.max(1, Math.floor((budget * PROBE_SHARE) / (a.cols * costs.of(a.grid.name))));
    if (rows >= a.rows) {
      probes.push(a);
      queue.splice(i--, 1);
      continue;
    }
    probes.push({ ...a, rows });
    queue[i] = { ...a, row: a.row + rows, rows: a.rows - rows, at: (a.at ?? 0) + rows };
  }
  queue.unshift(...probes);
}

/** Puts a refused batch back at the front of the queue, joined to the rest of its sheet's area. */
function putBack(queue: Area[], batch: Slice[]): void {
  for (let i = batch.length - 1; i >= 0; i--) {
    const s = batch[i];
    const next = queue[0];
    if (next && next.grid === s.grid && next.col === s.col && next.cols === s.cols && next.row === s.row + s.rows) queue[0] = { ...s, rows: s.rows + next.rows };
    else queue.unshift(s);
  }
}

function fillSlice(s: Slice, values: unknown[][], formats: unknown[][]): void {
  for (let i = 0; i < s.rows; i++) {
    s.grid.values[s.at + i] = values[i].map(toCellValue);
    s.grid.numberFormats![s.at + i] = formats[i].map((f) => String(f));
  }
}

/** One request: the batch's slices loaded into their grids and measured. False when Excel refused it as too big. */
async function loadBatch(context: XlRequestContext, batch: Slice[], costs: CellCosts): Promise<boolean> {
  const loads = batch.map((s) => ({ s, range: s.ws.getRangeByIndexes(s.row, s.col, s.rows, s.cols).load("values,numberFormat") as XlRange }));
  if (!(await sentUnlessTooBig(context, batch.length === 1 && batch[0].rows === 1))) return false;
  for (const { s, range } of loads) {
    const values = range.values as unknown[][];
    const formats = range.numberFormat as unknown[][];
    costs.loaded(s.grid.name, responseBytes(values, formats), s.rows * s.cols);
    fillSlice(s, values, formats);
  }
  return true;
}

/** Reads every area, a request at a time, each sized from what the ones before it measured. Returns syncs used. */
export async function readAreas(context: XlRequestContext, areas: Area[], budget: number, costs: CellCosts): Promise<number> {
  const queue = [...areas];
  let syncs = 0;
  while (queue.length) {
    probeAhead(queue, budget, costs);
    const batch = takeBatch(queue, budget, costs);
    syncs++;
    if (await loadBatch(context, batch, costs)) continue;
    putBack(queue, batch);
    for (const sheet of new Set(batch.map((s) => s.grid.name))) costs.refused(sheet);
  }
  return syncs;
}
