// Reading a SheetGrid by sheet coordinates, with merged areas resolved and cells shown as text.
import { isDateFormat, readDate } from "./dates";
import { isPercentFormat } from "./values";
import type { CellError, CellRange, CellValue, SheetGrid } from "../vocab/types";
import { SHORT_MONTHS } from "../vocab/format";

function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : String(n);
}

/**
 * A cell as the officer sees it, near enough: numbers as JavaScript prints them, dates as
 * dd/mm/yyyy (UTC, as hosts hand dates over at midnight UTC), errors as their error text.
 */
export function cellText(value: CellValue, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberFormat ? formattedNumber(value, numberFormat) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    return pad2(value.getUTCDate()) + "/" + pad2(value.getUTCMonth() + 1) + "/" + value.getUTCFullYear();
  }
  if (isCellError(value)) return value.error;
  return "";
}

/** A number as its cell shows it, for the formats that change meaning: percentages and dates. */
type FormatKind = { kind: "percent"; decimals: number } | { kind: "date" } | { kind: "plain" };
/** A workbook uses a handful of formats over thousands of cells: classify each once. */
const formatKinds = new Map<string, FormatKind>();

function formatKind(numberFormat: string): FormatKind {
  let kind = formatKinds.get(numberFormat);
  if (!kind) {
    if (isPercentFormat(numberFormat)) kind = { kind: "percent", decimals: /0\.(0+)%/.exec(numberFormat)?.[1].length ?? 0 };
    else kind = isDateFormat(numberFormat) ? { kind: "date" } : { kind: "plain" };
    if (formatKinds.size < 1000) formatKinds.set(numberFormat, kind);
  }
  return kind;
}

function formattedNumber(value: number, numberFormat: string): string {
  const kind = formatKind(numberFormat);
  if (kind.kind === "percent") return `${Number((value * 100).toFixed(kind.decimals + 2)).toString()}%`;
  if (kind.kind === "date") {
    const iso = readDate(value, numberFormat);
    if (iso) return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return String(value);
}

/** Empty, or text of spaces only. */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  if (value.length === 0) return true;
  // Cheap test first: most text does not start with a space.
  return value.charCodeAt(0) <= 32 && value.trim().length === 0;
}

/** A formula's error (#N/A, #DIV/0!): a cell awaiting its inputs, not a figure or a rating. */
export function isError(value: CellValue): boolean {
  return typeof value === "object" && value !== null && "error" in value;
}

/** The value at a zero-based sheet row and column of a grid, whatever its origin (null outside it). */
export function cellValue(grid: SheetGrid, row: number, col: number): CellValue {
  const o = grid.origin ?? { row: 0, col: 0 };
  const v = grid.values[row - o.row]?.[col - o.col];
  return v === undefined ? null : v;
}

/** Row × 16384 + column: unique for every Excel cell and a safe integer. */
const KEY_STRIDE = 16384;

/** A grid addressed by zero-based sheet row and column, whatever its origin. */
export class SheetCells {
  readonly name: string;
  /** First and last sheet rows and columns the values cover (bottom < top when empty). */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly values: CellValue[][];
  private mergeIndex: Map<number, CellRange> | undefined;
  private readonly merges: CellRange[];
  private readonly formats: string[][] | undefined;
  private readonly hiddenRows: ReadonlySet<number>;
  /** The whole sheet is hidden: every row reads as a hidden one. */
  private readonly sheetHidden: boolean;

  constructor(grid: SheetGrid) {
    this.name = grid.name;
    this.values = grid.values ?? [];
    this.top = grid.origin?.row ?? 0;
    this.left = grid.origin?.col ?? 0;
    let width = 0;
    // Indexed: run once per sheet per stage, rarely optimised, and for…of there makes an object per row.
    for (let i = 0; i < this.values.length; i++) {
      const row = this.values[i];
      if (row && row.length > width) width = row.length;
    }
    this.bottom = this.top + this.values.length - 1;
    this.right = this.left + width - 1;
    this.merges = grid.merges ?? [];
    this.formats = grid.numberFormats;
    this.hiddenRows = new Set(grid.hiddenRows ?? []);
    this.sheetHidden = grid.visibility !== undefined;
  }

  /** The zero-based sheet row is hidden. */
  isHidden(row: number): boolean {
    return this.sheetHidden || (this.hiddenRows.size > 0 && this.hiddenRows.has(row));
  }

  /** The cell's number format, when the host gave one and it is not General. */
  formatAt(row: number, col: number): string | undefined {
    const f = this.formats?.[row - this.top]?.[col - this.left];
    return f && f !== "General" ? f : undefined;
  }

  /** The raw row (index 0 is column `left`), or an empty array outside the grid. */
  row(row: number): readonly CellValue[] {
    return this.values[row - this.top] ?? [];
  }

  at(row: number, col: number): CellValue {
    const r = this.values[row - this.top];
    if (!r) return null;
    const v = r[col - this.left];
    return v === undefined ? null : v;
  }

  /** The merged area covering a cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    if (this.merges.length === 0) return undefined;
    return this.index().get(row * KEY_STRIDE + col);
  }

  /** True when the cell is part of a merged area but not its top-left cell. */
  isCovered(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  /** Built on first use, clipped to the grid so a huge merge cannot blow up memory. */
  private index(): Map<number, CellRange> {
    if (this.mergeIndex) return this.mergeIndex;
    const index = new Map<number, CellRange>();
    for (const m of this.merges) {
      const top = Math.max(m.top, this.top);
      const bottom = Math.min(m.bottom, this.bottom);
      const left = Math.max(m.left, this.left);
      const right = Math.min(m.right, this.right);
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) index.set(r * KEY_STRIDE + c, m);
      }
    }
    this.mergeIndex = index;
    return index;
  }
}

/**
 * A cell's text as a header, or undefined when a header cannot hold it: text, a date
 * (a month column: "Jun 2021") or a whole number that is a year (2021).
 */
export function headerValueText(value: CellValue): string | undefined {
  if (typeof value === "string") return value.trim();
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return SHORT_MONTHS[value.getUTCMonth()] + " " + value.getUTCFullYear();
  }
  if (typeof value === "number" && Number.isInteger(value) && value >= 1990 && value <= 2100) return String(value);
  return undefined;
}

/** Non-blank cells of a row: how many, where the first is, and whether all could be header text. */
export interface RowShape {
  count: number;
  first: number;
  headerish: boolean;
}

export function rowShape(cells: SheetCells, row: number): RowShape {
  const values = cells.row(row);
  let count = 0;
  let first = -1;
  let headerish = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlank(v)) continue;
    count++;
    if (first < 0) first = cells.left + i;
    if (headerish && headerValueText(v) === undefined) headerish = false;
  }
  return { count, first, headerish };
}

/**
 * A code at the start of a "Code & Short Name" cell: "COMS1821_13.1", "CS1.1a", "ComS_012",
 * "NI 39", "SSC 01.1", "1.2". The rest, after a space, dash or colon, is the name.
 */
const CODE_FIRST = /^\s*((?:[A-Za-z]{1,10}[_\-.]?\d[\w.\-/]*)|(?:[A-Z]{1,6} \d[\w.\-/]*)|(?:\d+(?:\.\d+)+[a-z]?))(?:\s*[-–—:]\s*|\s+|$)([\s\S]*)$/;

/** Splits "NI 39 Rate of hospital admissions" into code and name; text without a leading code is all name. */
export function splitRefAndName(text: string): { ref: string; name: string } {
  const m = CODE_FIRST.exec(text);
  if (!m) return { ref: "", name: text.trim() };
  return { ref: m[1].replace(/[.\-/]+$/, ""), name: m[2].trim() };
}

/** Text that is a code and nothing else ("A1", "CS1.1a"). */
export function isBareCode(text: string): boolean {
  const split = splitRefAndName(text);
  return split.ref !== "" && split.name === "";
}
