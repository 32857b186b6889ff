// The careful read: values and number formats in slices of rows, packed across sheets up to a
// number of cells per request, halving a request Excel still refuses as too big.
import type { SheetGrid } from "../engine/types";
import type { XlRange, XlRequestContext, XlWorksheet } from "./api";
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

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

function halve(s: Slice): Slice[] {
  const top = Math.ceil(s.rows / 2);
  return [
    { ...s, rows: top },
    { ...s, row: s.row + top, at: s.at + top, rows: s.rows - top },
  ];
}

/** Fill each request with up to `chunkCells` cells, cutting sheets by rows where a request is full. `at`: grid row of an area's first row (default 0). */
export function planSlices(areas: (Omit<Slice, "at"> & { at?: number })[], chunkCells: number): Slice[][] {
  const batches: Slice[][] = [[]];
  let room = chunkCells;
  for (const a of areas) {
    for (let at = 0; at < a.rows; ) {
      let rows = Math.min(a.rows - at, Math.floor(room / a.cols));
      if (rows === 0 && batches[batches.length - 1].length > 0) {
        batches.push([]);
        room = chunkCells;
        continue;
      }
      rows = Math.max(rows, 1); // a single row wider than chunkCells still goes alone
      batches[batches.length - 1].push({ ...a, row: a.row + at, rows, at: (a.at ?? 0) + at });
      room -= rows * a.cols;
      at += rows;
    }
  }
  return batches.filter((b) => b.length > 0);
}

/** Load slices in one sync; when the response is too big, split and retry. Returns syncs used. */
export async function loadSlices(context: XlRequestContext, slices: Slice[]): Promise<number> {
  const loads = slices.map((s) => ({ s, range: s.ws.getRangeByIndexes(s.row, s.col, s.rows, s.cols).load("values,numberFormat") as XlRange }));
  try {
    await context.sync();
  } catch (e) {
    const parts = slices.length > 1 ? [slices.slice(0, slices.length / 2), slices.slice(slices.length / 2)] : slices[0].rows > 1 ? halve(slices[0]).map((s) => [s]) : [];
    if (!isPayloadError(e) || parts.length === 0) throw e;
    let syncs = 1;
    for (const p of parts) syncs += await loadSlices(context, p);
    return syncs;
  }
  for (const { s, range } of loads) {
    const values = range.values as unknown[][];
    const formats = range.numberFormat as unknown[][];
    for (let i = 0; i < s.rows; i++) {
      s.grid.values[s.at + i] = values[i].map(toCellValue);
      s.grid.numberFormats![s.at + i] = formats[i].map((f) => String(f));
    }
  }
  return 1;
}
