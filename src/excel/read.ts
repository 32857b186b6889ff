// Read every sheet into SheetGrids for the engine, in a bounded number of syncs:
//   1. sheet names and Excel tables;
//   2. each sheet's used-range size and each table's range (all sheets in one batch);
//   3+. values and number formats, packed across sheets up to `chunkCells` cells per sync
//       (Excel on the web caps a response at 5 MB), halving a batch if it is still too big.
// So a workbook costs 2 + ceil(cells / chunkCells) syncs, not one per sheet or per row.
// Merged areas are not read: getMergedAreasOrNullObject needs ExcelApi 1.13 and we target 1.9.
// Hidden rows are not reported (they are still read with the rest).
import type { CellValue, SheetGrid } from "../engine/types";
import type { ExcelRun, XlRange, XlRequestContext, XlWorksheet } from "./api";
import { rangeAddress } from "./a1";
import { tooLarge } from "./errors";

export const MAX_CELLS = 5_000_000;
export const CHUNK_CELLS = 200_000;

/** Error values come back from Office.js as their text; these are the ones Excel can produce. */
const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#BUSY!", "#CONNECT!"]);

export interface ReadOptions {
  maxCells?: number;
  chunkCells?: number;
}

export function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERRORS.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

interface Slice {
  grid: SheetGrid;
  ws: XlWorksheet;
  row: number; // sheet row of the slice's first row
  col: number;
  rows: number;
  cols: number;
  at: number; // index in grid.values of the first row
}

function isPayloadError(e: unknown): boolean {
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

/** Load slices in one sync; when the response is too big, split and retry. Returns syncs used. */
async function loadSlices(context: XlRequestContext, slices: Slice[]): Promise<number> {
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

export async function readWorkbook(run: ExcelRun, opts: ReadOptions = {}): Promise<SheetGrid[]> {
  const maxCells = opts.maxCells ?? MAX_CELLS;
  const chunkCells = opts.chunkCells ?? CHUNK_CELLS;
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();

    const used = sheets.items.map((ws) => ({ ws, name: ws.name, range: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount") }));
    const tableRanges = tables.items.map((t) => ({ name: t.name, range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"), sheet: t.worksheet.load("name") }));
    await context.sync();

    const sizes = used.map((u) => (u.range.isNullObject ? 0 : u.range.rowCount * u.range.columnCount));
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total > maxCells) {
      const i = sizes.indexOf(Math.max(...sizes));
      const r = used[i].range;
      throw tooLarge(total, maxCells, used[i].name, sizes[i], rangeAddress({ top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 }));
    }

    const grids: SheetGrid[] = used.map((u) => {
      const empty = u.range.isNullObject;
      const grid: SheetGrid = {
        name: u.name,
        values: new Array<CellValue[]>(empty ? 0 : u.range.rowCount),
        numberFormats: new Array<string[]>(empty ? 0 : u.range.rowCount),
        origin: empty ? { row: 0, col: 0 } : { row: u.range.rowIndex, col: u.range.columnIndex },
      };
      const own = tableRanges.filter((t) => t.sheet.name === u.name);
      if (own.length) {
        grid.tables = own.map((t) => ({
          name: t.name,
          range: { top: t.range.rowIndex, left: t.range.columnIndex, bottom: t.range.rowIndex + t.range.rowCount - 1, right: t.range.columnIndex + t.range.columnCount - 1 },
        }));
      }
      return grid;
    });

    // Fill each request with up to chunkCells cells, cutting sheets by rows where a request is full.
    const batches: Slice[][] = [[]];
    let room = chunkCells;
    used.forEach((u, i) => {
      if (u.range.isNullObject) return;
      const cols = u.range.columnCount;
      for (let at = 0; at < u.range.rowCount; ) {
        let rows = Math.min(u.range.rowCount - at, Math.floor(room / cols));
        if (rows === 0 && batches[batches.length - 1].length > 0) {
          batches.push([]);
          room = chunkCells;
          continue;
        }
        rows = Math.max(rows, 1); // a single row wider than chunkCells still goes alone
        batches[batches.length - 1].push({ grid: grids[i], ws: u.ws, row: u.range.rowIndex + at, col: u.range.columnIndex, rows, cols, at });
        room -= rows * cols;
        at += rows;
      }
    });
    for (const b of batches) if (b.length) await loadSlices(context, b);
    return grids;
  });
}
