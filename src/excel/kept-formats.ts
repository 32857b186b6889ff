// Putting a backup back (backup.ts) copies the cell's whole format: the only way theme colours, tints
// and patterns come back as they were. On an officer's own rating cell our runs set a few properties
// (the record's `styled`: a fill, a font colour, bold), so anything else that differs there from the
// backup (a number format, italics, a font, alignment, wrapping) the officer changed after it was
// coloured. It is read before the copy and set again after it, so the copy does not undo their work.
// Borders (top, bottom, left, right; not diagonals) are compared only where that costs no round trip of
// its own (OfficersChanges.sized): Excel answers eight border items a cell, which would more than double
// a large read. They come as RGB only: a side the officer changed is set again in RGB, a theme colour
// flattened to its look; sides they left alone come back from the backup exactly.
import type { CellRange } from "../engine/vocab/types";
import type { XlCellProperties, XlCellPropertiesLoadOptions, XlClientResult, XlRange, XlRequestContext, XlWorksheet } from "./api";
import { fromProperties, loadOptions } from "./cell-properties";
import { cellKey, CellSet, slices } from "./cells";
import { jsonBytes, OP_OVERHEAD, type Batcher } from "./chunk";
import { sentUnlessTooBig } from "./slices";
import { changedSides, keptOf, officersBackedCells, type FormatKey, type SavedFormat, type SheetMemory } from "./saved";

/**
 * Response bytes per cell read, now and backed up, until a response is measured: its properties and number
 * format as JSON, about 150 bytes each for a plain cell, sized here for a long font name, an alignment
 * such as "CenterAcrossSelection" and an accounting number format (about 280).
 */
const CELL_BYTES = 2 * 280;
/** And its borders: Excel answers eight items a cell, each `"diagonalDown":{"color":"#000000","style":"Continuous","weight":"Hairline"}`. */
const BORDER_BYTES = 2 * 8 * 72;
/** What a slice's six operations (two ranges, two property reads, two number-format loads) add to a request. */
const SLICE_OPS = 6 * OP_OVERHEAD;
/** Rows of one column read in one piece: about 1 MB of response. */
const SLICE_BYTES = 1_000_000;

export interface KeptFormatsJob {
  ws: XlWorksheet;
  mem: SheetMemory;
  /** The backed-up cells about to be copied back. */
  cells: CellSet;
}

const rowsOf = (slice: Slice): number => slice.rect.bottom - slice.rect.top + 1;

/** A slice's rows in two. */
function halves(slice: Slice): Slice[] {
  const mid = slice.rect.top + Math.floor(rowsOf(slice) / 2);
  return [
    { ...slice, rect: { ...slice.rect, bottom: mid - 1 } },
    { ...slice, rect: { ...slice.rect, top: mid } },
  ];
}

interface Slice {
  job: number;
  kept: FormatKey[];
  /** Response bytes a row is expected to bring, until one is measured. */
  cellBytes: number;
  options: XlCellPropertiesLoadOptions;
  ws: XlWorksheet;
  rect: CellRange;
  /** The same rows in the record sheet's backup column. */
  recordCol: number;
}

interface Loaded {
  slice: Slice;
  now: XlClientResult<XlCellProperties[][]>;
  nowNf: XlRange;
  was: XlClientResult<XlCellProperties[][]>;
  wasNf: XlRange;
}

function savedOf(p: XlCellProperties | undefined, nf: unknown, kept: FormatKey[]): SavedFormat {
  return { ...fromProperties(p ?? {}, new Set(kept)), numberFormat: String(nf ?? "") };
}

/**
 * The officer's cells among each job's `cells`, read as they are now and as backed up; then, per job,
 * the properties the officer changed since the backup was taken, to set again after the copy back.
 */
export class OfficersChanges {
  private readonly slices: Slice[] = [];
  private readonly loaded: Loaded[] = [];
  /** Bytes of response the reads are expected to bring. */
  readonly bytes: number;

  /**
   * The reads with borders when they stay within `shared` bytes (a share of a request sent anyway),
   * else without: a border the officer changed then goes back to the backup's.
   */
  static sized(record: XlWorksheet, jobs: KeptFormatsJob[], shared: number): OfficersChanges {
    const withBorders = new OfficersChanges(record, jobs, true);
    return withBorders.bytes <= shared ? withBorders : new OfficersChanges(record, jobs, false);
  }

  constructor(
    private readonly record: XlWorksheet,
    private readonly jobs: KeptFormatsJob[],
    borders = false,
  ) {
    let bytes = 0;
    for (const [job, { ws, mem, cells: backed }] of jobs.entries()) {
      const kept = keptOf(mem).filter((k) => borders || k !== "borders");
      if (!kept.length) continue;
      const options = loadOptions(new Set(kept));
      const cellBytes = CELL_BYTES + (kept.includes("borders") ? BORDER_BYTES : 0);
      // Scattered cells (every other rating blank) read as spans of their column: a few ranges, not an operation each.
      for (const run of officersBackedCells(mem, backed).spans()) {
        for (let col = run.left; col <= run.right; col++) {
          for (const rect of slices({ ...run, left: col, right: col }, cellBytes, SLICE_BYTES)) {
            this.slices.push({ job, kept, cellBytes, options, ws, rect, recordCol: mem.cols.get(col)! });
            bytes += (rect.bottom - rect.top + 1) * cellBytes + SLICE_OPS;
          }
        }
      }
    }
    this.bytes = bytes;
  }

  private queueSlice(slice: Slice): Loaded {
    const rows = rowsOf(slice);
    const here = slice.ws.getRangeByIndexes(slice.rect.top, slice.rect.left, rows, 1);
    const saved = this.record.getRangeByIndexes(slice.rect.top, slice.recordCol, rows, 1);
    return { slice, now: here.getCellProperties(slice.options), nowNf: here.load("numberFormat"), was: saved.getCellProperties(slice.options), wasNf: saved.load("numberFormat") };
  }

  /**
   * Queue every read in the request being built: the caller syncs it (reads small enough to share a
   * request). Then `arrived` says whether that request was answered.
   */
  queueAll(): void {
    for (const slice of this.slices) this.loaded.push(this.queueSlice(slice));
  }

  /** Whether the reads queued by queueAll were answered; if not, they are forgotten (read them again with `read`). */
  arrived(): boolean {
    try {
      for (const l of this.loaded) void [l.now.value, l.nowNf.numberFormat, l.was.value, l.wasNf.numberFormat];
      return true;
    } catch {
      this.loaded.length = 0;
      return false;
    }
  }

  /** Queue every read through `batcher`, which sends a request whenever the next would pass its budget. */
  async queueInto(batcher: Batcher): Promise<void> {
    for (const slice of this.slices) await batcher.add(SLICE_OPS + rowsOf(slice) * slice.cellBytes, () => this.loaded.push(this.queueSlice(slice)));
  }

  /**
   * Read in requests of their own, about `budget` bytes of response each: sized from what the last
   * response carried against its estimate, and a request Excel refuses is sent again at half the size.
   * Returns the syncs used.
   */
  async read(context: XlRequestContext, budget: number): Promise<number> {
    const queue = [...this.slices];
    // Measured bytes over estimated, for the rows still to read.
    let scale = 1;
    let syncs = 0;
    const sizeOf = (slice: Slice): number => rowsOf(slice) * slice.cellBytes * scale;
    while (queue.length) {
      const batch: Slice[] = [];
      let bytes = 0;
      while (queue.length && (batch.length === 0 || bytes + SLICE_OPS + sizeOf(queue[0]) <= budget)) {
        const next = queue.shift()!;
        if (batch.length === 0 && rowsOf(next) > 1 && sizeOf(next) > budget) {
          queue.unshift(...halves(next));
          continue;
        }
        batch.push(next);
        bytes += SLICE_OPS + sizeOf(next);
      }
      const loads = batch.map((slice) => this.queueSlice(slice));
      syncs++;
      // Nothing smaller to try past one cell.
      if (!(await sentUnlessTooBig(context, batch.length === 1 && rowsOf(batch[0]) === 1))) {
        scale *= 2;
        queue.unshift(...batch);
        continue;
      }
      this.loaded.push(...loads);
      const estimated = batch.reduce((n, slice) => n + rowsOf(slice) * slice.cellBytes, 0);
      const carried = loads.reduce((n, l) => n + jsonBytes(l.now.value) + jsonBytes(l.nowNf.numberFormat) + jsonBytes(l.was.value) + jsonBytes(l.wasNf.numberFormat), 0);
      // A quarter over what was measured, for cells further down that carry more.
      scale = Math.max(0.05, (carried / estimated) * 1.25);
    }
    return syncs;
  }

  /**
   * Job `job`'s cells and the properties the officer changed there since the backup (after the reads),
   * for the cells still in `copied` (by default the job's memory's backups: a backup given up since the
   * read, the record found out of place, is not copied back).
   */
  changes(job: number, copied: CellSet = this.jobs[job].mem.backed): Map<number, SavedFormat> {
    const out = new Map<number, SavedFormat>();
    for (const { slice, now, nowNf, was, wasNf } of this.loaded) {
      if (slice.job !== job) continue;
      for (let i = 0; i <= slice.rect.bottom - slice.rect.top; i++) {
        const row = slice.rect.top + i;
        if (!copied.has(row, slice.rect.left)) continue;
        const a = savedOf(now.value[i]?.[0], nowNf.numberFormat[i]?.[0], slice.kept);
        const b = savedOf(was.value[i]?.[0], wasNf.numberFormat[i]?.[0], slice.kept);
        const changed: SavedFormat = {};
        for (const k of slice.kept) {
          if (k === "borders") {
            const sides = changedSides(a.borders, b.borders);
            if (sides) changed.borders = sides;
          } else if (a[k] !== b[k]) Object.assign(changed, { [k]: a[k] });
        }
        if (Object.keys(changed).length) out.set(cellKey(row, slice.rect.left), changed);
      }
    }
    return out;
  }
}
