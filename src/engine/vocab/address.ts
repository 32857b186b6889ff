// A1 addresses: every problem and every copied cell names where it came from.
import type { CellRange } from "./types";

/** The smallest range holding both. */
export function unionRange(a: CellRange, b: CellRange): CellRange {
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

/** Excel's last column (XFD) is 16384 columns wide. */
const MAX_COLS = 16384;
/** XFD, zero-based: nothing of ours is planned past it. */
export const LAST_COL = MAX_COLS - 1;
/** Letters are cached: records name thousands of cells in the same few columns. */
const letterCache: string[] = [];

/** Zero-based column → letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function colToLetters(col: number): string {
  const cached = letterCache[col];
  if (cached !== undefined) return cached;
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  if (col >= 0 && col < MAX_COLS) letterCache[col] = letters;
  return letters;
}

/** Zero-based row and column → "A1". */
export function toA1(row: number, col: number): string {
  return colToLetters(col) + (row + 1);
}

/** A range as "A1:C5", or "A1" when it is one cell. */
export function rangeToA1(range: CellRange): string {
  const start = toA1(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return start;
  return start + ":" + toA1(range.bottom, range.right);
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B7", "$B$7" or "b7" → zero-based {row, col}; undefined when it is not a single-cell address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = A1_PATTERN.exec(address.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || col > MAX_COLS) return undefined;
  return { row: row - 1, col: col - 1 };
}
