// Effects of range operations on the fake document, shared by Range and RangeAreas proxies.
import type { CellRange } from "../engine/vocab/types";
import { coerce } from "./coerce";
import { FakeOfficeError } from "./errors";
import { DEFAULT_FORMAT, deriveFormat } from "./state";
import type { Border, CellFormat, SheetState, Side, WorkbookState } from "./state";

export interface Areas {
  sheet: SheetState;
  rects: CellRange[];
}

const NAMED: Record<string, string> = { white: "#FFFFFF", black: "#000000", red: "#FF0000", green: "#008000", yellow: "#FFFF00", blue: "#0000FF" };

export function normColor(value: unknown): string {
  if (typeof value === "string" && /^#[0-9a-fA-F]{6}$/.test(value)) return value.toUpperCase();
  if (typeof value === "string" && NAMED[value.toLowerCase()]) return NAMED[value.toLowerCase()];
  throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (colour ${JSON.stringify(value)}).`);
}

/** Cell contents and formats on a protected sheet cannot change (all cells locked, as by default). */
export function guard(sheet: SheetState): void {
  if (sheet.protected) {
    throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }
}

function forEachCell(rects: CellRange[], fn: (row: number, col: number) => void): void {
  for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

function checkShape(rect: CellRange, grid: unknown, what: string): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (!Array.isArray(grid) || grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, expected ${rows}×${cols}).`,
    );
  }
  return grid as unknown[][];
}

/** Excel's limit on the characters a cell holds (Excel specifications and limits). */
const MAX_CELL_CHARS = 32767;

export function writeValues(a: Areas, rect: CellRange, grid: unknown, wb?: WorkbookState): void {
  guard(a.sheet);
  const rows = checkShape(rect, grid, "values");
  for (const row of rows) for (const v of row) if (typeof v === "string" && v.length > MAX_CELL_CHARS) throw new FakeOfficeError("InvalidArgument", `A cell holds at most ${MAX_CELL_CHARS} characters (${v.length} given).`, "Range.values");
  refusePartMerges(a.sheet, rect, rows);
  const written: { row: number; col: number }[] = [];
  const before = a.sheet.cell(rect.top, rect.left).v;
  rows.forEach((row, i) =>
    row.forEach((input, j) => {
      if (input === null || input === undefined) return; // null leaves the cell as it is
      a.sheet.update(rect.top + i, rect.left + j, (c) => {
        const s = coerce(input, c.nf);
        return { v: s.v, f: s.f, nf: s.nf ?? c.nf, fmt: c.fmt };
      });
      if (input !== "") written.push({ row: rect.top + i, col: rect.left + j });
    }),
  );
  if (wb?.autoExpandTables !== false) growTables(a.sheet, written);
  wb?.events.note(a.sheet, rect, "RangeEdited", rows.length === 1 && rows[0].length === 1 ? before : undefined);
}

/**
 * A value for a cell of a merged area other than its top-left, written through a range that does not
 * cover the whole area, is refused ("cannot change part of a merged cell"); null leaves a cell alone.
 */
function refusePartMerges(sheet: SheetState, rect: CellRange, rows: unknown[][]): void {
  for (const m of sheet.merges.overlapping(rect)) {
    if (m.top >= rect.top && m.bottom <= rect.bottom && m.left >= rect.left && m.right <= rect.right) continue;
    for (let row = Math.max(m.top, rect.top); row <= Math.min(m.bottom, rect.bottom); row++) {
      for (let col = Math.max(m.left, rect.left); col <= Math.min(m.right, rect.right); col++) {
        if (row === m.top && col === m.left) continue;
        const v = rows[row - rect.top][col - rect.left];
        if (v !== null && v !== undefined) throw new FakeOfficeError("InvalidOperation", `Cannot change part of a merged cell (${sheet.name}).`, "Range.values");
      }
    }
  }
}

/**
 * Excel's AutoCorrect "Include new rows and columns in table" (on by default): a value typed in the
 * column just right of a table, beside its rows, or in the row just below it, makes the table grow over it.
 */
function growTables(sheet: SheetState, written: { row: number; col: number }[]): void {
  if (!written.length) return;
  for (const t of sheet.tables) {
    for (let grew = true; grew; ) {
      const r = t.range;
      grew = false;
      if (written.some((c) => c.col === r.right + 1 && c.row >= r.top && c.row <= r.bottom)) {
        r.right += 1;
        grew = true;
      }
      if (written.some((c) => c.row === r.bottom + 1 && c.col >= r.left && c.col <= r.right)) {
        r.bottom += 1;
        grew = true;
      }
    }
  }
}

export function writeNumberFormat(a: Areas, rect: CellRange, grid: unknown): void {
  guard(a.sheet);
  const rows = checkShape(rect, grid, "numberFormat");
  rows.forEach((row, i) =>
    row.forEach((nf, j) => {
      if (nf === null || nf === undefined) return;
      if (typeof nf !== "string") throw new FakeOfficeError("InvalidArgument", "Number formats must be strings.");
      a.sheet.update(rect.top + i, rect.left + j, (c) => ({ ...c, nf: nf === "" ? "General" : nf }));
    }),
  );
}

export function grid<T>(sheet: SheetState, rect: CellRange, get: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: T[] = [];
    for (let col = rect.left; col <= rect.right; col++) line.push(get(row, col));
    out.push(line);
  }
  return out;
}

/** A value every cell shares, or null when they differ (as Office.js reports mixed formats). */
export function uniform<T>(a: Areas, get: (f: CellFormat) => T): T | null {
  let first: { v: T } | undefined;
  let mixed = false;
  forEachCell(a.rects, (row, col) => {
    if (mixed) return;
    const v = get(a.sheet.cell(row, col).fmt);
    if (!first) first = { v };
    else if (JSON.stringify(first.v) !== JSON.stringify(v)) mixed = true;
  });
  return mixed || !first ? null : first.v;
}

/** Apply a change to every cell's format; `id` names the change so equal results are shared. */
export function formatCells(a: Areas, id: string, change: (f: CellFormat) => CellFormat): void {
  guard(a.sheet);
  forEachCell(a.rects, (row, col) => a.sheet.setFormat(row, col, (f) => deriveFormat(f, id, change)));
}

export type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

/** The cell sides a border index covers within one rectangle. */
function sidesOf(index: BorderIndex, r: CellRange, row: number, col: number): Side[] {
  const out: Side[] = [];
  if (index === "EdgeTop" && row === r.top) out.push("top");
  if (index === "EdgeBottom" && row === r.bottom) out.push("bottom");
  if (index === "EdgeLeft" && col === r.left) out.push("left");
  if (index === "EdgeRight" && col === r.right) out.push("right");
  if (index === "InsideHorizontal") {
    if (row > r.top) out.push("top");
    if (row < r.bottom) out.push("bottom");
  }
  if (index === "InsideVertical") {
    if (col > r.left) out.push("left");
    if (col < r.right) out.push("right");
  }
  return out;
}

export function setBorder(a: Areas, index: BorderIndex, patch: Partial<Border>): void {
  guard(a.sheet);
  const patchId = JSON.stringify(patch);
  for (const r of a.rects) {
    forEachCell([r], (row, col) => {
      const sides = sidesOf(index, r, row, col);
      if (sides.length === 0) return;
      const id = `border:${sides.join("+")}:${patchId}`;
      a.sheet.setFormat(row, col, (fmt) =>
        deriveFormat(fmt, id, (f) => {
          const borders = { ...f.borders };
          for (const s of sides) borders[s] = { ...borders[s], ...patch };
          return { ...f, borders };
        }),
      );
    });
  }
}

export function readBorder(a: Areas, index: BorderIndex): Border | null {
  const seen: Border[] = [];
  for (const r of a.rects) forEachCell([r], (row, col) => sidesOf(index, r, row, col).forEach((s) => seen.push(a.sheet.cell(row, col).fmt.borders[s])));
  if (seen.length === 0) return { style: "None", color: "#000000", weight: "Thin" };
  return seen.every((b) => JSON.stringify(b) === JSON.stringify(seen[0])) ? seen[0] : null;
}

export function clearCells(a: Areas, applyTo: string, wb?: WorkbookState): void {
  guard(a.sheet);
  const contents = applyTo === "All" || applyTo === "Contents";
  const formats = applyTo === "All" || applyTo === "Formats";
  if (!contents && !formats) throw new FakeOfficeError("NotImplemented", `clear("${applyTo}") is not in the fake.`);
  // As VBA's ClearContents on part of a merged area ("We can't do that to a merged cell", error 1004): an
  // area that cuts a merged one is refused before anything changes. Formats alone are taken as allowed.
  if (contents) for (const r of a.rects) for (const m of a.sheet.merges.overlapping(r)) if (!(m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right)) throw new FakeOfficeError("InvalidOperation", `Cannot change part of a merged cell (${a.sheet.name}).`, "Range.clear");
  forEachCell(a.rects, (row, col) =>
    a.sheet.update(row, col, (c) => (formats ? { v: contents ? "" : c.v, f: contents ? undefined : c.f, nf: "General", fmt: DEFAULT_FORMAT } : { ...c, v: "", f: undefined })),
  );
  if (contents) for (const r of a.rects) wb?.events.note(a.sheet, r);
}

/**
 * Range.merge: the whole rectangle becomes one merged area, or with `across` each of its rows does.
 * Merged areas inside the new ones are absorbed; one that partly overlaps them is refused, as Excel
 * refuses it, before anything changes. An area of one cell is not a merge (Excel keeps none).
 */
export function mergeCells(a: Areas, rect: CellRange, across: boolean): void {
  guard(a.sheet);
  const rows: CellRange[] = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
  // Each earlier area must lie inside one of the new ones: with `across`, inside a single row of the rectangle.
  const inside = (m: CellRange): boolean => m.left >= rect.left && m.right <= rect.right && m.top >= rect.top && m.bottom <= rect.bottom && (!across || m.top === m.bottom);
  const earlier = a.sheet.merges.overlapping(rect);
  if (earlier.some((m) => !inside(m))) {
    throw new FakeOfficeError("InvalidOperation", "Cannot merge a range that partly overlaps another merged range.");
  }
  for (const m of earlier) a.sheet.merges.delete(m);
  for (const area of rows) {
    // Excel keeps only the top-left value of a merged area.
    forEachCell([area], (row, col) => {
      if (row === area.top && col === area.left) return;
      const c = a.sheet.cell(row, col);
      if (c.v !== "" || c.f !== undefined) a.sheet.put(row, col, { ...c, v: "", f: undefined });
    });
    if (area.right > area.left || area.bottom > area.top) a.sheet.merges.add(area);
  }
}

/** Excel's widest column: 255 characters of the default font (7 px each, 5 px padding), in points. */
export const MAX_COLUMN_POINTS = (255 * 7 + 5) * 0.75;
/** Excel's tallest row, in points. */
export const MAX_ROW_POINTS = 409;

export function setColumnWidth(a: Areas, points: unknown): void {
  if (typeof points !== "number" || !Number.isFinite(points) || points < 0 || points > MAX_COLUMN_POINTS) throw new FakeOfficeError("InvalidArgument", `Column width out of range (0 to 255 characters): ${String(points)}.`);
  guard(a.sheet);
  for (const r of a.rects) for (let col = r.left; col <= r.right; col++) a.sheet.colWidths.set(col, points);
}

/** Range.columnHidden (ExcelApi 1.2): true when every column of the areas is hidden, false when none is, else null. */
export function columnsHidden(a: Areas): boolean | null {
  let hidden = 0;
  let shown = 0;
  for (const r of a.rects) {
    for (let col = r.left; col <= r.right; col++) {
      if (a.sheet.hiddenCols.has(col) || a.sheet.colWidths.get(col) === 0) hidden++;
      else shown++;
    }
  }
  return shown === 0 ? true : hidden === 0 ? false : null;
}

/** Hides or shows the areas' columns; a column 0 points wide comes back at the standard width, as Excel's Unhide does. */
export function setColumnsHidden(a: Areas, hidden: unknown): void {
  if (typeof hidden !== "boolean") throw new FakeOfficeError("InvalidArgument", `columnHidden takes true or false: ${String(hidden)}.`);
  guard(a.sheet);
  for (const r of a.rects) {
    for (let col = r.left; col <= r.right; col++) {
      if (hidden) a.sheet.hiddenCols.add(col);
      else {
        a.sheet.hiddenCols.delete(col);
        if (a.sheet.colWidths.get(col) === 0) a.sheet.colWidths.delete(col);
      }
    }
  }
}

export function setRowHeight(a: Areas, points: unknown): void {
  if (typeof points !== "number" || !Number.isFinite(points) || points < 0 || points > MAX_ROW_POINTS) throw new FakeOfficeError("InvalidArgument", `Row height out of range (0 to 409 points): ${String(points)}.`);
  guard(a.sheet);
  for (const r of a.rects) for (let row = r.top; row <= r.bottom; row++) a.sheet.rowHeights.set(row, points);
}
