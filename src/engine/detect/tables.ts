// Finding indicator and activity tables on a sheet by their header vocabulary. Which rows of a table are
// records is body-rows.ts; action plans told by their cells, action-plans.ts; periods not reported yet, pending.ts.
import { SheetCells, headerValueText, isBlank } from "../read/cells";
import { isOurHeading, settleHeader } from "./headers";
import type { CellRange, ColumnMapping, RecordKind, Role, SheetGrid, TableSpec } from "../vocab/types";
import { periodInTitle } from "../read/periods";
import { headerCells, judgeHeader, mapping, NO_COLUMNS, readHeaderAt, type HeaderAt } from "./header-rows";
import { repeatsHeader, sideBySideAt } from "./side-by-side";
import { settleDifferences } from "./differences";
import { settleProse } from "./prose-columns";
import { classifyBodyRow, ourColumns, tableShape } from "./body-rows";
import { actionPlanChanged, actionPlanColumn, readActionPlan } from "./action-plans";
import { markPending } from "./pending";


// ---- detection ----

interface FoundHeader extends HeaderAt {
  kind: RecordKind;
  name?: string;
  /** Last row the table may reach. */
  limit: number;
  besideRepeats?: number[];
}

/** Excel tables: their bounds are the user's own statement of where the data is. */
function excelTables(cells: SheetCells, grid: SheetGrid): { found: FoundHeader[]; ranges: CellRange[] } {
  const found: FoundHeader[] = [];
  const ranges: CellRange[] = [];
  for (const t of grid.tables ?? []) {
    const r = t.range;
    const columns: ColumnMapping[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const text = headerValueText(cells.at(r.top, col));
      if (text) columns.push(mapping(col, text));
    }
    const kind = judgeHeader(columns);
    if (!kind) continue;
    // The totals row ("Total | | 1,234") is the table's own sum, not a record.
    found.push({ top: r.top, height: 1, columns: settleHeader(columns), kind, name: t.name, limit: Math.max(r.top, r.bottom - (t.totalsRows ?? 0)) });
    ranges.push(r);
  }
  return { found, ranges };
}

/**
 * Indicator and activity tables on a sheet. A plain table runs from its header to the next
 * header row that maps columns differently (or an Excel table, or the end of the sheet), so
 * blank rows, section rows and repeated header rows never end it. lastRow is its last data row.
 */
export function detectTables(grid: SheetGrid): TableSpec[] {
  const cells = new SheetCells(grid);
  if (cells.bottom < cells.top) return [];
  const excel = excelTables(cells, grid);
  const plain: FoundHeader[] = [];
  let floor = cells.top;
  // Below a plain table's header the rows are its own until another header: what we wrote in them is not read as one.
  let ours: readonly number[] = NO_COLUMNS;
  // Rows heading tables side by side, which are not read (side-by-side.ts): they end the table above all the same.
  const ends: number[] = [];
  for (let r = cells.top; r <= cells.bottom; r++) {
    const lo = rangeAt(excel.ranges, r);
    if (lo) {
      r = lo.bottom;
      floor = r + 1;
      ours = NO_COLUMNS;
      continue;
    }
    const header = readHeaderAt(cells, r, floor, ours);
    const kind = header && judgeHeader(header.columns);
    if (!kind) {
      const prev = plain[plain.length - 1];
      const beside = sideBySideAt(cells, r);
      // The header printed again with a legend or another table beside it belongs to the table above (what is
      // beside it is named, not read); else such a row ends it.
      if (beside && prev && repeatsAny(cells, prev, beside)) (prev.besideRepeats ??= []).push(r);
      else if (beside) {
        ends.push(r);
        floor = r + 1;
        ours = NO_COLUMNS;
      }
      continue;
    }
    r = header.top + header.height - 1;
    floor = r + 1;
    const prev = plain[plain.length - 1];
    // A repeat of the header above (printed-page style) belongs to that table; not under a title naming
    // another period ("Housing performance indicators 2009/10" below 2010/11's rows): another year's table.
    if (prev && (sameRoles(prev.columns, header.columns) || repeatsLowerRow(cells, prev, header)) && !rangeBetween(excel.ranges, prev.top, header.top) && !retitledAt(cells, prev.top, header.top)) continue;
    plain.push({ ...header, kind, limit: cells.bottom });
    ours = ourColumns(header);
  }
  const all = [...excel.found, ...plain].sort((a, b) => a.top - b.top);
  for (const h of plain) {
    for (const other of all) if (other.top > h.top) h.limit = Math.min(h.limit, other.top - 1);
    for (const end of ends) if (end > h.top) h.limit = Math.min(h.limit, end - 1);
  }
  return all.map((h) => toSpec(cells, h));
}

// The helpers below are loops, not closures in detectTables's loop: a closure there over the loop's own
// variables makes V8 allocate their scope again for every row of the sheet.

/** Whether a run of headers beside others repeats the header of the table above. */
function repeatsAny(cells: SheetCells, prev: FoundHeader, beside: readonly ColumnMapping[][]): boolean {
  for (const run of beside) if (repeatsHeader(cells, prev.top, prev.columns, run)) return true;
  return false;
}

/** Whether an Excel table starts between two rows. */
function rangeBetween(ranges: readonly CellRange[], above: number, below: number): boolean {
  for (let i = 0; i < ranges.length; i++) if (ranges[i].top > above && ranges[i].top < below) return true;
  return false;
}

/** The range holding sheet row `row`. */
function rangeAt(ranges: readonly CellRange[], row: number): CellRange | undefined {
  for (let i = 0; i < ranges.length; i++) if (row >= ranges[i].top && row <= ranges[i].bottom) return ranges[i];
  return undefined;
}

/** Rows looked at above a header for its title (blank ones included), as the period's titles are (period-infer.ts). */
const TITLE_REACH = 4;

/** A title just above row `top` naming a financial year, and its words without the dates: one-cell text rows (blank rows passed over) up to the first row of data. */
function yearTitle(cells: SheetCells, top: number): { year: number; words: string } | undefined {
  for (let r = top - 1; r >= Math.max(cells.top, top - TITLE_REACH); r--) {
    const filled = cells.row(r).filter((v) => !isBlank(v));
    if (filled.length === 0) continue;
    if (filled.length !== 1 || typeof filled[0] !== "string") return undefined;
    const year = periodInTitle(filled[0])?.startYear;
    if (year !== undefined) return { year, words: undated(filled[0]) };
  }
  return undefined;
}

/** A title's words without its years and dates: "Housing performance indicators 2009/10" and "… 2010/11" are one title. */
function undated(text: string): string {
  return text
    .toLowerCase()
    .replace(/\b(?:fy\s*)?(?:19|20)?\d\d\s*[/-]\s*(?:19|20)?\d\d\b|\b(?:19|20)\d\d\b/g, " ")
    .replace(/[^a-z]+/g, " ")
    .trim();
}

/**
 * A header repeated under the first header's title made again for another year ("Housing performance
 * indicators 2009/10" under 2010/11's rows): another year's table. Not a note or heading naming a year
 * ("Source: HB subsidy claim 2009/10", "New indicators from 2011/12"), nor a printed page's header
 * ("Q3 10/11 (SC on Comm Safety)") under a title naming no year (helper-105). `first` and `repeat` are the two
 * header rows; live colours ask it before and after an edit.
 */
export function retitledAt(cells: SheetCells, first: number, repeat: number): boolean {
  const own = yearTitle(cells, repeat);
  const above = own === undefined ? undefined : yearTitle(cells, first);
  return own !== undefined && above !== undefined && own.year !== above.year && own.words === above.words;
}

/**
 * A one-row header that repeats what the rows of a taller header above show, column by column (each
 * column's lowest text): "Ref | … | Target | Actual" printed again at the top of a page without the
 * quarters over it. Read as a new table, its records were rated against the first quarter's target.
 */
function repeatsLowerRow(cells: SheetCells, prev: HeaderAt, header: HeaderAt): boolean {
  if (prev.height < 2 || header.height !== 1) return false;
  const rows: Map<number, string>[] = [];
  for (let r = prev.top; r < prev.top + prev.height; r++) rows.push(headerCells(cells, r) ?? new Map<number, string>());
  const own = headerCells(cells, header.top);
  if (!own || own.size === 0) return false;
  const shown = new Map<number, string>();
  for (const row of rows) for (const [col, text] of row) shown.set(col, text);
  const norm = (t: string | undefined) => (t ?? "").replace(/\s+/g, " ").trim().toLowerCase();
  // Our headings (on the header's lower row, not on a repeat) are not the officers'.
  const cols = [...new Set([...own.keys(), ...rows[rows.length - 1].keys()])].filter((col) => !isOurHeading(own.get(col) ?? shown.get(col) ?? ""));
  for (const col of cols) if (norm(own.get(col)) !== norm(rows[rows.length - 1].get(col) ?? shown.get(col))) return false;
  return true;
}

function sameRoles(a: ColumnMapping[], b: ColumnMapping[]): boolean {
  const key = (cols: ColumnMapping[]) =>
    cols
      // Our own generated columns sit only on the first header row: they must not split a table at a repeat.
      .filter((c) => c.role !== "ignore" && c.role !== "generated")
      .map((c) => c.col + ":" + c.role)
      .join("|");
  return key(a) === key(b);
}

function toSpec(cells: SheetCells, h: FoundHeader): TableSpec {
  const firstRow = h.top + h.height;
  const spec: TableSpec = { sheet: cells.name, kind: h.kind, headerRow: h.top, headerHeight: h.height, firstRow, lastRow: firstRow - 1, columns: h.columns };
  if (h.name !== undefined) spec.name = h.name;
  if (h.besideRepeats) spec.besideRepeats = h.besideRepeats.filter((r) => r <= h.limit);
  const shape = tableShape(spec);
  for (let r = Math.min(h.limit, cells.bottom); r >= firstRow; r--) {
    if (classifyBodyRow(cells, shape, r).kind === "data") {
      spec.lastRow = r;
      break;
    }
  }
  spec.columns = settleMergedHeaders(cells, spec);
  spec.columns = settleByFigures(cells, spec);
  readActionPlan(cells, spec);
  markPending(cells, spec);
  return spec;
}

/** Columns whose headers could mean two things, settled by their figures ("Variance", "Current Position"). */
function settleByFigures(cells: SheetCells, spec: TableSpec): ColumnMapping[] {
  return settleProse(cells, { ...spec, columns: settleDifferences(cells, spec) });
}

/** Whether a figure typed in sheet column `col` could change what settleByFigures makes of the table's columns. */
export function judgedByFigures(spec: TableSpec, col: number): boolean {
  if (actionPlanColumn(spec, col)) return true;
  if (!spec.columns.some((c) => c.headerRole)) return false;
  const read: ReadonlySet<Role> = new Set<Role>(["actual", "annualTarget", "periodTarget"]);
  return spec.columns.some((c) => c.col === col && (c.headerRole !== undefined || read.has(c.role)));
}

/** Whether an edit changed what a column's figures make it (settleByFigures): the table is then planned again. */
export function figureRolesChanged(cells: SheetCells, spec: TableSpec): boolean {
  if (actionPlanChanged(cells, spec)) return true;
  if (!spec.columns.some((c) => c.headerRole)) return false;
  const again = settleByFigures(cells, spec);
  return again.some((c, i) => c.role !== spec.columns[i].role);
}

/** Rows sampled to see which column under a merged header holds the data. */
const MERGE_SAMPLE_ROWS = 50;

/**
 * A header merged across columns ("Definition" over two) names the data in whichever of them
 * is filled: the covered column with the most entries in the first rows (ties: leftmost).
 */
function settleMergedHeaders(cells: SheetCells, spec: TableSpec): ColumnMapping[] {
  const used = new Set(spec.columns.map((c) => c.col));
  const sampleEnd = Math.min(spec.lastRow, spec.firstRow + MERGE_SAMPLE_ROWS - 1);
  return spec.columns.map((c) => {
    let span: CellRange | undefined;
    for (let r = spec.headerRow; r < spec.firstRow && !span; r++) {
      const m = cells.mergeAt(r, c.col);
      if (m && m.left === c.col && m.right > m.left) span = m;
    }
    if (!span) return c;
    let best = c.col;
    let bestCount = -1;
    for (let col = span.left; col <= span.right; col++) {
      if (col !== c.col && used.has(col)) continue;
      let count = 0;
      for (let r = spec.firstRow; r <= sampleEnd; r++) if (!isBlank(cells.at(r, col))) count++;
      if (count > bestCount) {
        best = col;
        bestCount = count;
      }
    }
    return best === c.col ? c : { ...c, col: best };
  });
}
