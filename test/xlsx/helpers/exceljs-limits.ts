// What ExcelJS (the tests' independent reader) cannot read in reasonable time, so a test does not hang on it.
import { text, type Parts } from "./zip-parts";

const EXPANDED_CELLS_LIMIT = 1_000_000;

function area(ref: string): number {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) return 1;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return m[3] ? (Math.abs(col(m[3]) - col(m[1])) + 1) * (Math.abs(Number(m[4]) - Number(m[2])) + 1) : 1;
}

/** ExcelJS expands each data validation to every cell it covers: a whole column is a million objects. */
export function hugeValidation(parts: Parts): boolean {
  for (const name of parts.keys()) {
    if (!/worksheets\/[^/]+\.xml$/.test(name)) continue;
    for (const m of text(parts, name).matchAll(/<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]+)"/g)) {
      const cells = m[1].split(/\s+/).reduce((n, r) => n + area(r), 0);
      if (cells > EXPANDED_CELLS_LIMIT) return true;
    }
  }
  return false;
}
