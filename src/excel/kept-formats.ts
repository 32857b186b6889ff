// Putting a backup back (backup.ts) copies the cell's whole format: the only way theme colours, tints
// and patterns come back as they were. On an officer's own rating cell our runs set a few properties
// (the record's `styled`: a fill, a font colour, bold), so anything else that differs there from the
// backup (a number format, italics, a font, alignment, wrapping) the officer changed after it was
// coloured. It is read before the copy and set again after it, so the copy does not undo their work.
// Borders are not compared: getCellProperties gives them as RGB only and they would triple the response.
import type { CellRange } from "../engine/vocab/types";
import type { XlCellProperties, XlCellPropertiesLoadOptions, XlClientResult, XlRange, XlRequestContext, XlWorksheet } from "./api";
import { fromProperties, loadOptions } from "./cell-properties";
import { cellKey, CellSet, slices } from "./cells";
import { jsonBytes, OP_OVERHEAD, type Batcher } from "./chunk";
import { sentUnlessTooBig } from "./slices";
import { keptOf, officersBackedCells, type FormatKey, type SavedFormat, type SheetMemory } from "./saved";

/**
 * Response bytes per cell read, now and backed up, until a response is measured: its properties and number
 * format as JSON, about 150 bytes each for a plain cell, sized here for a long font name, an alignment
 * such as "CenterAcrossSelection" and an accounting number format (about 280).
 */
const CELL_BYTES = 2 * 280;
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

  constructor(
    private readonly record: XlWorksheet,
    private readonly jobs: KeptFormatsJob[],
  ) {
    let cells = 0;
    for (const [job, { ws, mem, cells: backed }] of jobs.entries()) {
      const kept = keptOf(mem);
      if (!kept.length) continue;
      const options = loadOptions(new Set(kept));
      // Scattered cells (every other rating blank) read as spans of their column: a few ranges, not an operation each.
      for (const run of officersBackedCells(mem, backed).spans()) {
        for (let col = run.left; col <= run.right; col++) {
          for (const rect of slices({ ...run, left: col, right: col }, CELL_BYTES, SLICE_BYTES)) {
            this.slices.push({ job, kept, options, ws, rect, recordCol: mem.cols.get(col)! });
            cells += rect.bottom - rect.top + 1;
          }
        }
      }
    }
    this.bytes = cells * CELL_BYTES + this.slices.length * SLICE_OPS;
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
    for (const slice of this.slices) await batcher.add(SLICE_OPS + rowsOf(slice) * CELL_BYTES, () => this.loaded.push(this.queueSlice(slice)));
  }

  /**
   * Read in requests of their own, about `budget` bytes of response each: sized from the bytes the
   * last response carried a cell, and a request Excel refuses is sent again at half the size. Returns the syncs used.
   */
  async read(context: XlRequestContext, budget: number): Promise<number> {
    const queue = [...this.slices];
    let perCell = CELL_BYTES;
    let syncs = 0;
    while (queue.length) {
      const batch: Slice[] = [];
      let bytes = 0;
      while (queue.length && (batch.length === 0 || bytes + SLICE_OPS + rowsOf(queue[0]) * perCell <= budget)) {
        const next = queue.shift()!;
        if (batch.length === 0 && rowsOf(next) > 1 && rowsOf(next) * perCell > budget) {
          queue.unshift(...halves(next));
          continue;
        }
        batch.push(next);
        bytes += SLICE_OPS + rowsOf(next) * perCell;
      }
      const loads = batch.map((slice) => this.queueSlice(slice));
      syncs++;
      // Nothing smaller to try past one cell.
      if (!(await sentUnlessTooBig(context, batch.length === 1 && rowsOf(batch[0]) === 1))) {
        perCell *= 2;
        queue.unshift(...batch);
        continue;
      }
      this.loaded.push(...loads);
      const cells = batch.reduce((n, slice) => n + rowsOf(slice), 0);
      const carried = loads.reduce((n, l) => n + jsonBytes(l.now.value) + jsonBytes(l.nowNf.numberFormat) + jsonBytes(l.was.value) + jsonBytes(l.wasNf.numberFormat), 0);
      // A quarter over what was measured, for cells further down that carry more.
      perCell = Math.max(32, (carried / cells) * 1.25);
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
        for (const k of slice.kept) if (a[k] !== b[k]) Object.assign(changed, { [k]: a[k] });
        if (Object.keys(changed).length) out.set(cellKey(row, slice.rect.left), changed);
      }
    }
    return out;
  }
}
