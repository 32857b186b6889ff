// A1-style addresses <-> zero-based rectangles. Shared by the Office.js host and the fake.
import type { CellRange } from "../engine/vocab/types";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// The engine's A1 helpers, under the names this host uses: one definition for the whole project.
import { colToLetters, rangeToA1 } from "../engine/vocab/address";
export { colToLetters as columnLetters, toA1 as cellAddress, rangeToA1 as rangeAddress } from "../engine/vocab/address";

/**
 * Quote a sheet name for use before "!" when Excel would ("'Q3 report'!A1"): also a name that reads as a
 * cell in either notation ("Q3", "R", "RC", "R2C3"), which Excel would take for a reference.
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^(?:R\d*)?(?:C\d*)?$/i.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** A rectangle as Excel's `address` gives it: whole rows as "10:10", whole columns as "C:D", else "A1:B2". */
export function excelAddress(r: CellRange): string {
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  return rangeToA1(r);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?([0-9]{1,7})$/;

/** Parse "B2", "B2:D9", "B:D" or "2:5" (an optional "Sheet!" prefix is dropped). Undefined when invalid. */
export function parseAddress(address: string): CellRange | undefined {
  const bang = address.lastIndexOf("!");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [a, b = a, extra] = ref.split(":");
  if (extra !== undefined || !a) return undefined;
  let out: CellRange | undefined;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    out = {
      top: Math.min(+ca[2], +cb[2]) - 1,
      bottom: Math.max(+ca[2], +cb[2]) - 1,
      left: Math.min(columnIndex(ca[1]), columnIndex(cb[1])),
      right: Math.max(columnIndex(ca[1]), columnIndex(cb[1])),
    };
  } else {
    const c1 = COLS.exec(a);
    const c2 = COLS.exec(b);
    const r1 = ROWS.exec(a);
    const r2 = ROWS.exec(b);
    if (c1 && c2 && ref.includes(":")) {
      const l = columnIndex(c1[1]);
      const r = columnIndex(c2[1]);
      out = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(l, r), right: Math.max(l, r) };
    } else if (r1 && r2 && ref.includes(":")) {
      out = { top: Math.min(+r1[1], +r2[1]) - 1, bottom: Math.max(+r1[1], +r2[1]) - 1, left: 0, right: MAX_COLS - 1 };
    }
  }
  if (!out || out.top < 0 || out.left < 0 || out.bottom >= MAX_ROWS || out.right >= MAX_COLS) return undefined;
  return out;
}

/** Parse "A1:B2, D4" into rectangles; undefined if any part is invalid. */
export function parseAddressList(list: string): CellRange[] | undefined {
  const out: CellRange[] = [];
  for (const part of list.split(",")) {
    const r = parseAddress(part);
    if (!r) return undefined;
    out.push(r);
  }
  return out;
}

/**
 * The rectangles of an address as RangeAreas and defined names give it, each after its sheet's name:
 * "Sheet1!A1:B2,Sheet1!10:10,'Q3, 2010'!C:D" (a comma or a comma and space between). Whole rows and
 * columns as Excel writes them; anything else is passed over.
 */
export function areasOfAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  // Commas and "!" inside a quoted sheet name ('Q3!A1,x') are the name's own (helper-76).
  let quoted = false;
  let start = 0;
  let bang = -1;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === "!") bang = i;
    else if (!quoted && (ch === "," || i === address.length)) {
      const cells = bang >= start ? address.slice(bang + 1, i).trim() : "";
      const r = AREA.test(cells) ? parseAddress(cells) : undefined;
      if (r) out.push(r);
      start = i + 1;
    }
  }
  return out;
}

const AREA = /^(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})$/;

/** The sheet part of "Sheet1!A1" or "'My sheet'!A1" (unquoted), or undefined. */
export function sheetOfAddress(address: string): string | undefined {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return undefined;
  const s = address.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
