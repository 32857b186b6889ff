// Sets of cells and the address lists that name them compactly (for getRanges and saved formats).
import type { CellRange } from "../engine/vocab/types";
import { parseAddressList, rangeAddress } from "./a1";

/** Excel refuses longer address strings; stay a little under. */
export const MAX_ADDRESS_CHARS = 8000;

export class CellSet {
  private readonly cols = new Map<number, Set<number>>();

  add(row: number, col: number): void {
    let rows = this.cols.get(col);
    if (!rows) this.cols.set(col, (rows = new Set()));
    rows.add(row);
  }

  addRange(r: CellRange): void {
    for (let col = r.left; col <= r.right; col++) for (let row = r.top; row <= r.bottom; row++) this.add(row, col);
  }

  delete(row: number, col: number): void {
    const rows = this.cols.get(col);
    if (rows?.delete(row) && rows.size === 0) this.cols.delete(col);
  }

  has(row: number, col: number): boolean {
    return this.cols.get(col)?.has(row) ?? false;
  }

  get size(): number {
    let n = 0;
    for (const rows of this.cols.values()) n += rows.size;
    return n;
  }

  /** Rectangles covering exactly these cells: runs down each column, joined across neighbouring columns with the same runs. */
  rects(): CellRange[] {
    return this.runs(0);
  }

  /**
   * Fewer, larger rectangles that may include cells not in the set: runs down each column bridge gaps of
   * up to `maxGap` rows. For 2D reads and writes where the extra cells are harmless (null leaves a cell
   * as it is), thousands of scattered cells become a few ranges instead of thousands of operations.
   */
  spans(maxGap = 64): CellRange[] {
    return this.runs(maxGap);
  }

  private runs(maxGap: number): CellRange[] {
    const out: CellRange[] = [];
    let open = new Map<string, CellRange>(); // "top:bottom" of runs ending in the previous column
    const cols = [...this.cols.keys()].sort((a, b) => a - b);
    let prevCol = -2;
    for (const col of cols) {
      const rows = [...this.cols.get(col)!].sort((a, b) => a - b);
      const next = new Map<string, CellRange>();
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] <= rows[j] + 1 + maxGap) j++;
        const k = `${rows[i]}:${rows[j]}`;
        const prev = col === prevCol + 1 ? open.get(k) : undefined;
        if (prev) {
          prev.right = col;
          next.set(k, prev);
        } else {
          const r = { top: rows[i], bottom: rows[j], left: col, right: col };
          out.push(r);
          next.set(k, r);
        }
        i = j + 1;
      }
      open = next;
      prevCol = col;
    }
    return out;
  }
}

/** Join ranges that continue each other down the same columns (plans often give one range per row). */
export function compactRanges(ranges: CellRange[]): CellRange[] {
  const sorted = [...ranges].sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: CellRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === r.left && last.right === r.right && r.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, r.bottom);
    else out.push({ ...r });
  }
  return out;
}

/** Comma-joined address lists, each at most `max` characters, with the rectangles each names. */
export function chunkRects(ranges: CellRange[], max = MAX_ADDRESS_CHARS): { address: string; rects: CellRange[] }[] {
  const out: { address: string; rects: CellRange[] }[] = [];
  let current: { address: string; rects: CellRange[] } | undefined;
  for (const r of ranges) {
    const a = rangeAddress(r);
    if (current && current.address.length + 1 + a.length > max) {
      out.push(current);
      current = undefined;
    }
    if (current) {
      current.address += `,${a}`;
      current.rects.push(r);
    } else current = { address: a, rects: [r] };
  }
  if (current) out.push(current);
  return out;
}

/** Comma-joined address lists, each at most `max` characters. */
export function chunkAddresses(ranges: CellRange[], max = MAX_ADDRESS_CHARS): string[] {
  return chunkRects(ranges, max).map((c) => c.address);
}

/** Rectangles of a stored address list ("B2:B9,D4"); empty for "". */
export function rangesOf(list: string): CellRange[] {
  if (!list) return [];
  const r = parseAddressList(list);
  if (!r) throw new Error(`Saved address list is damaged: ${list.slice(0, 40)}`);
  return r;
}

/** The cells of `rects` that lie inside `area` (a merged area), each rectangle's overlap cell by cell. */
export function cellsWithin(rects: readonly CellRange[], area: CellRange): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const r of rects) {
    for (let row = Math.max(r.top, area.top); row <= Math.min(r.bottom, area.bottom); row++) {
      for (let col = Math.max(r.left, area.left); col <= Math.min(r.right, area.right); col++) out.push({ row, col });
    }
  }
  return out;
}

export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

export function keyCell(key: number): { row: number; col: number } {
  return { row: Math.floor(key / 16384), col: key % 16384 };
}

/** Largest single 2D array we put in one operation; requests are packed up to the budget from these. */
export const SLICE_BYTES = 1_000_000;

/** Row slices of a rectangle so a 2D array of ~`cellBytes` a cell stays near `max` bytes. */
export function slices(r: CellRange, cellBytes: number, max = SLICE_BYTES): CellRange[] {
  const cols = r.right - r.left + 1;
  const step = Math.max(1, Math.floor(max / (cols * cellBytes)));
  const out: CellRange[] = [];
  for (let top = r.top; top <= r.bottom; top += step) out.push({ ...r, top, bottom: Math.min(r.bottom, top + step - 1) });
  return out;
}
