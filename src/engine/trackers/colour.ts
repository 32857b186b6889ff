// Colouring the officers' trackers: an owned "Status (auto)" column per table, and the officer's own rating
// cell coloured without changing its text. Produces `edit` sheet plans; nothing an officer typed is written.
import { colToLetters, LAST_COL, parseA1, rangeToA1, toA1 } from "../vocab/address";
import { cellValue, SheetCells } from "../read/cells";
import { emptySheetPlan, type PlanStyle, type PlanValue, type SheetPlan, type StyleGroup } from "../vocab/plan";
import { textPixels } from "../sheet-kit/layout-measure";
import { matchRating, statusByKey, statusesOf } from "../scheme/schemes";
import { GENERATED_CHECK_HEADER, GENERATED_STATUS_HEADER } from "../detect/headers";
import { classifyBodyRow, ourColumns, tableShape } from "../detect/body-rows";
import { readHeaderAt } from "../detect/header-rows";
import { foreignCells, writtenOn, type CellsWritten } from "./foreign";
import type { CellRange, ColumnMapping, DrawingPlace, Problem, RecordKind, Scheme, SheetGrid, Status, TableSpec } from "../vocab/types";
import type { RatedRecord } from "../rate/workbook";

export const FONT = "Arial";

const HEADER_STYLE: PlanStyle = { fill: "#44546A", fontColor: "#FFFFFF", bold: true, italic: true, fontName: FONT, wrap: true };
// Top-aligned like the officers' own cells beside them. Row heights are left to Excel, which fits
// rows without a height of their own when it opens the file: setting them would change the officers' layout.
const CHECK_STYLE: PlanStyle = { fontColor: "#9C0006", italic: true, fontName: FONT, wrap: true, vAlign: "top", numberFormat: "@" };
const MIN_STATUS_WIDTH = 22;
const CHECK_WIDTH = 45;

/** Wide enough for the longest status of the kind in bold ("▲ Worse than target limits"), at least 22. */
function statusWidth(scheme: Scheme, kind: RecordKind): number {
  const widest = Math.max(0, ...statusesOf(scheme, kind).map((s) => textPixels(`${statusText(s.symbol, s.label)} (officer)`, { size: 11, bold: true })));
  return Math.max(MIN_STATUS_WIDTH, Math.ceil((widest + 8) / 7));
}

// One style object per status, so the collector can key styles by identity.
const ownedStyles = new WeakMap<Status, PlanStyle>();
const officerStyles = new WeakMap<Status, PlanStyle>();

function ownedStyle(status: Status): PlanStyle {
  let style = ownedStyles.get(status);
  if (!style) ownedStyles.set(status, (style = { fill: status.fill, fontColor: status.font, bold: true, fontName: FONT, vAlign: "top", numberFormat: "@" }));
  return style;
}

function officerStyle(status: Status): PlanStyle {
  let style = officerStyles.get(status);
  if (!style) officerStyles.set(status, (style = { fill: status.fill, fontColor: status.font, bold: true }));
  return style;
}

/** Collects cells per style and merges vertical runs in a column into one range. */
export class StyleCollector {
  private groups = new Map<string, { style: PlanStyle; cells: { row: number; col: number }[] }>();
  /** Callers reuse style objects; remembering their keys saves a JSON.stringify per cell. */
  private keys = new WeakMap<PlanStyle, string>();

  add(style: PlanStyle, row: number, col: number): void {
    let key = this.keys.get(style);
    if (key === undefined) this.keys.set(style, (key = JSON.stringify(style)));
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { style, cells: [] }));
    group.cells.push({ row, col });
  }

  addRange(style: PlanStyle, range: CellRange): void {
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) this.add(style, r, c);
  }

  toGroups(): StyleGroup[] {
    return [...this.groups.values()].map(({ style, cells }) => ({ style, ranges: runs(cells) }));
  }
}

function runs(cells: { row: number; col: number }[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: CellRange[] = [];
  for (const { row, col } of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
    else if (!(last && last.left === col && last.bottom >= row)) out.push({ top: row, left: col, bottom: row, right: col });
  }
  return out;
}

/**
 * Excel tables (ListObjects) beside the rows a table of ours spans. Excel grows a table over a value
 * written in the column just right of it (AutoCorrect's "Include new rows and columns in table", on by
 * default), so our columns keep one blank column away from every such table, in both hosts.
 */
function nearbyTables(grid: SheetGrid, table: TableSpec): CellRange[] {
  return (grid.tables ?? []).map((t) => t.range).filter((r) => r.top <= table.lastRow + 1 && r.bottom >= table.headerRow);
}

/** Whether columns col..col+1 sit inside an Excel table or in the column just right of one. */
function againstTable(tables: CellRange[], col: number): boolean {
  return tables.some((r) => col <= r.right + 1 && col + 1 >= r.left);
}

/** The column the add-in writes for a table: its generated column if it has one, else the first free one to the right. */
export function ownedColumn(grid: SheetGrid, table: TableSpec): number {
  const tables = nearbyTables(grid, table);
  // Ours from an earlier run, unless it sits just right of an Excel table, which would grow over it.
  const reusable = (col: number): boolean => !tables.some((r) => col === r.right + 1);
  const generated = table.columns.find((c) => c.role === "generated");
  if (generated && reusable(generated.col)) return generated.col;
  // Our column from an earlier run: found by its header text, so a rebuild reuses it rather than adding another.
  const headerRow = table.headerRow + table.headerHeight - 1;
  const o = grid.origin ?? { row: 0, col: 0 };
  const headerCells = grid.values[headerRow - o.row] ?? [];
  const previous = headerCells.findIndex((v) => typeof v === "string" && v.trim() === GENERATED_STATUS_HEADER);
  if (previous >= 0 && reusable(previous + o.col)) return previous + o.col;
  let col = Math.max(...table.columns.filter((c) => c.role !== "generated").map((c) => c.col)) + 1;
  // A merged area that starts right of the table (a note box beside it) is stepped over: Excel refuses to
  // write or copy part of it. One starting within the table (a section row merged across) is cut around.
  // Nor is our heading put in a merged area of its row (the header's last) that reaches past the table (a note
  // merged over the last header cell and the next column): it would sit hidden under the merge, over an
  // officer's cell. A group merged over the upper header row ("2010/11" over the quarters) is no matter.
  // Nor in a record's row merged from a column of the table into ours (its commentary merged over two columns,
  // helper-79): nothing would be written there. A record's row is one the engine reads as a record's
  // (classifyBodyRow), so no status it rates is lost under a merge, whatever the row's heading or blanks
  // (helpers 81, 82); a section row (its title merged across) and a group over the header's periods
  // ("2021/22") are cut around, as ever (helper-80). A section the engine reads as a record ("1 | Housing")
  // steps our column past its merge, as it would any record's.
  const headingRow = table.headerRow + table.headerHeight - 1;
  let shape: { cells: SheetCells; shape: ReturnType<typeof tableShape> } | undefined;
  const recordMerge = (m: CellRange): boolean => {
    if (m.top <= headingRow || m.top > table.lastRow) return false;
    shape ??= { cells: new SheetCells(grid), shape: tableShape(table) };
    // Merged from the table's first column, the whole row is a banner: cut around.
    return m.left > shape.shape.left && classifyBodyRow(shape.cells, shape.shape, m.top).kind === "data";
  };
  const beside = (grid.merges ?? []).filter(
    (m) => m.right >= col && m.bottom >= table.headerRow && m.top <= table.lastRow && (m.left >= col || (m.top <= headingRow && m.bottom >= headingRow) || recordMerge(m)),
  );
  // A formula whose result is empty is an officer's cell all the same (helper-79: a helper column's formulas were overwritten).
  const formulas = (grid.formulaCells ?? []).filter((f) => f.bottom >= table.headerRow && f.top <= table.lastRow);
  const isFree = (c: number) => {
    if (beside.some((m) => m.left <= c && m.right >= c)) return false;
    if (formulas.some((f) => f.left <= c && f.right >= c)) return false;
    for (let r = table.headerRow; r <= table.lastRow; r++) {
      const v = cellValue(grid, r, c);
      if (v !== null && v !== "") return false;
    }
    return true;
  };
  while (!isFree(col) || !isFree(col + 1) || againstTable(tables, col)) col++;
  return col;
}

/** Rows where one of our cells (col..col+width-1) lies in a merged area that reaches outside our columns: nothing of ours is written there. */
function mergedRows(grid: SheetGrid, col: number, width: number): Set<number> {
  const rows = new Set<number>();
  for (const m of grid.merges ?? []) {
    if (m.right < col || m.left > col + width - 1) continue;
    if (m.left >= col && m.right <= col + width - 1 && m.top === m.bottom) continue;
    for (let r = m.top; r <= m.bottom; r++) rows.add(r);
  }
  return rows;
}

const NO_MERGES: readonly CellRange[] = [];

/** Rows a band of the merged-area index spans: a whole-column merge is 16,384 entries, a one-row merge one. */
const MERGE_BAND = 64;

/** Whether a cell lies in one of the sheet's merged areas (indexed by bands of rows: a sheet may have thousands). */
function mergedCells(grid: SheetGrid): (row: number, col: number) => boolean {
  // Most sheets have none: asked for every record's cells, the answer is then at once.
  const merges = grid.merges;
  if (!merges?.length) return () => false;
  const bands = new Map<number, CellRange[]>();
  for (const m of merges) {
    for (let b = Math.floor(m.top / MERGE_BAND); b <= Math.floor(m.bottom / MERGE_BAND); b++) {
      const list = bands.get(b);
      if (list) list.push(m);
      else bands.set(b, [m]);
    }
  }
  return (row, col) => (bands.get(Math.floor(row / MERGE_BAND)) ?? NO_MERGES).some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

export function statusText(symbol: string, label: string): string {
  return `${symbol} ${label}`;
}

const folded = (v: unknown): string => (typeof v === "string" ? v.replace(/\s+/g, " ").trim().toLowerCase() : "");

/** Columns by role, leaving out unrecognised ones and ours ("Status (auto)"), as detect/tables.ts compares repeats. */
function rolesKey(columns: ColumnMapping[]): string {
  return columns
    .filter((c) => c.role !== "ignore" && c.role !== "generated")
    .map((c) => `${c.col}:${c.role}`)
    .join("|");
}

/**
 * Rows inside a table where its header is printed again (a tracker laid out for paper): the row our
 * heading goes on, like the header's last row. Cheap first test: the first column reads as it does
 * in the header; then the whole row must map to the same roles.
 */
export function repeatedHeaderRows(grid: SheetGrid, table: TableSpec, recordRows: ReadonlySet<number>): number[] {
  const lastHeaderRow = table.headerRow + table.headerHeight - 1;
  const probe = Math.min(...table.columns.filter((c) => c.role !== "generated").map((c) => c.col));
  const text = Number.isFinite(probe) ? folded(cellValue(grid, lastHeaderRow, probe)) : "";
  if (!text) return [];
  let cells: SheetCells | undefined;
  let want: string | undefined;
  const rows: number[] = [];
  for (let r = table.firstRow; r <= table.lastRow; r++) {
    if (recordRows.has(r) || folded(cellValue(grid, r, probe)) !== text) continue;
    cells ??= new SheetCells(grid);
    want ??= rolesKey(readHeaderAt(cells, lastHeaderRow, table.headerRow)?.columns ?? table.columns);
    const repeat = readHeaderAt(cells, r, table.firstRow, ourColumns(table));
    const at = repeat ? repeat.top + repeat.height - 1 : -1;
    if (repeat && rolesKey(repeat.columns) === want && at <= table.lastRow && !recordRows.has(at)) rows.push(at);
  }
  return [...new Set(rows)];
}

/**
 * A width is set on a whole column, so ours are set only where nothing else on the sheet lives in
 * that column: not another table's column, and no cell outside the rows of the tables we write there.
 */
function widthIsOurs(grid: SheetGrid, col: number, sheetTables: TableSpec[], owned: Map<TableSpec, number>): boolean {
  const claims = sheetTables.filter((t) => owned.get(t) === col || owned.get(t) === col - 1);
  if (sheetTables.some((t) => !claims.includes(t) && t.columns.some((c) => c.col === col))) return false;
  const o = grid.origin ?? { row: 0, col: 0 };
  for (let i = 0; i < grid.values.length; i++) {
    const row = i + o.row;
    if (claims.some((t) => row >= t.headerRow && row <= t.lastRow)) continue;
    const v = grid.values[i]?.[col - o.col];
    if (v !== null && v !== undefined && v !== "") return false;
  }
  return true;
}

/**
 * Warnings for status columns that stay out of sight: hidden (officers hide the unused columns right of a
 * tracker), where other cells of the column are an officer's, so neither host shows or sizes it.
 */
export function hiddenStatusProblems(grids: SheetGrid[], tables: TableSpec[]): Problem[] {
  const problems: Problem[] = [];
  for (const grid of grids) {
    const spans = grid.hiddenColumns ?? [];
    const sheetTables = tables.filter((t) => t.sheet === grid.name);
    if (spans.length === 0 || sheetTables.length === 0) continue;
    const owned = new Map(sheetTables.map((t) => [t, ownedColumn(grid, t)]));
    for (const table of sheetTables) {
      const col = owned.get(table) as number;
      if (!spans.some((s) => col >= s.first && col <= s.last) || widthIsOurs(grid, col, sheetTables, owned)) continue;
      const letters = colToLetters(col);
      problems.push({
        sheet: grid.name,
        cell: toA1(table.headerRow + table.headerHeight - 1, col),
        severity: "warning",
        message: `The statuses of this table are written in column ${letters}, which is hidden. Other cells of column ${letters} are not ours, so it is left as it is: unhide it to see the statuses.`,
      });
    }
  }
  return problems;
}

/**
 * Warnings for tables reaching Excel's last column (XFD), where our status column (or the checks column
 * beside it) would be past the sheet's edge: nothing is written there, and the run says so (helper-137:
 * the statuses went nowhere, with no word, and the record named cells past XFD, so its backups were lost).
 */
export function offSheetStatusProblems(grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[]): Problem[] {
  const problems: Problem[] = [];
  for (const grid of grids) {
    for (const table of tables.filter((t) => t.sheet === grid.name)) {
      const { col, last } = statusColumns(grid, table, rated);
      if (last <= LAST_COL) continue;
      const headerRow = table.headerRow + table.headerHeight - 1;
      const what = col > LAST_COL ? "statuses" : "checks (where the officer's rating and the rules disagree)";
      problems.push({
        sheet: grid.name,
        cell: toA1(headerRow, Math.min(col, LAST_COL)),
        severity: "warning",
        message: `This table reaches Excel's last column (XFD), so its ${what} cannot be written beside it: move the table left to see them. They are on the summary.`,
      });
    }
  }
  return problems;
}

/** The rated records of a table. */
function tableRecords(rated: RatedRecord[], table: TableSpec): RatedRecord[] {
  return rated.filter((r) => r.record.sheet === table.sheet && r.record.row - 1 >= table.firstRow && r.record.row - 1 <= table.lastRow && r.record.kind === table.kind);
}

const DRAWING_WORDS: Record<DrawingPlace["kind"], string> = { chart: "a chart", picture: "a picture", shape: "a shape", control: "a form control", note: "a note shown on the sheet" };

/** Where a table's statuses are written: our column (and the checks column beside it), over the table's rows. */
export interface StatusPlace {
  sheet: string;
  /** The cell a warning names: our column's header cell. */
  cell: string;
  col: number;
  last: number;
  firstRow: number;
  lastRow: number;
}

/** Every table's status columns, for the hosts' checks of what may hide them. */
export function statusPlaces(grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[]): StatusPlace[] {
  const places: StatusPlace[] = [];
  for (const grid of grids) {
    for (const table of tables.filter((t) => t.sheet === grid.name)) {
      const onSheet = statusColumnsOnSheet(grid, table, rated);
      if (!onSheet) continue;
      const { col, last } = onSheet;
      places.push({ sheet: grid.name, cell: toA1(table.headerRow + table.headerHeight - 1, col), col, last, firstRow: table.firstRow, lastRow: table.lastRow });
    }
  }
  return places;
}

/** The warning for statuses under an officer's drawing; `where` names it as the host can ("over H2:M20", a chart's name). */
export function coveredStatusProblem(place: StatusPlace, kind: DrawingPlace["kind"], where: string): Problem {
  return {
    sheet: place.sheet,
    cell: place.cell,
    severity: "warning",
    message: `The statuses of this table are written in ${columnsText(place.col, place.last)}, under ${DRAWING_WORDS[kind]} (${where}): move it to see the statuses.`,
  };
}

/**
 * Warnings for status columns written under a chart, picture or shape beside the table (helper-67: a
 * chart right of a tracker hid every status, with no word). The drawing is the officer's: left where it is.
 * The file host reads where drawings are anchored, in cells; the add-in compares positions in points (excel/drawings.ts).
 */
export function coveredStatusProblems(grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[]): Problem[] {
  return placesUnder(grids, tables, rated, (g) => g.drawings ?? [], (d) => d.range).map(({ place, over }) => coveredStatusProblem(place, over.kind, `over ${rangeToA1(over.range)}`));
}

/** Each table's status place with the first of a sheet's `areasOf` (its drawings, its conditional fills) over it. */
function placesUnder<T>(grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[], areasOf: (grid: SheetGrid) => readonly T[], rangeOf: (area: T) => CellRange): { place: StatusPlace; over: T }[] {
  const found: { place: StatusPlace; over: T }[] = [];
  for (const grid of grids) {
    const areas = areasOf(grid);
    if (areas.length === 0) continue;
    for (const place of statusPlaces([grid], tables, rated)) {
      const over = areas.find((a) => {
        const r = rangeOf(a);
        return r.left <= place.last && place.col <= r.right && r.top <= place.lastRow && r.bottom >= place.firstRow;
      });
      if (over !== undefined) found.push({ place, over });
    }
  }
  return found;
}

/**
 * Warnings for status columns under an officer's conditional format that fills cells (helper-119: banding over
 * A4:Z100 printed every status grey or white, with no word). The rule is the officer's: left as it is. Where
 * it holds, its fill shows instead of ours; the symbol and label still say the status. Read by the file host
 * (the add-in reads each rule's kind only: excel/conditional-fills.ts).
 */
export function conditionalFillProblems(grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[]): Problem[] {
  return placesUnder(grids, tables, rated, (g) => g.conditionalFills ?? [], (a) => a).map(({ place, over }) => conditionalFillProblem(place, `over ${areaText(over)}`, "fills"));
}

/**
 * The warning for statuses under a conditional format; `what` names it as the host can (its area in the file,
 * its kind in the add-in), and `fills` says whether it surely fills cells or may (the add-in reads only its kind).
 */
export function conditionalFillProblem(place: StatusPlace, what: string, fills: "fills" | "may fill"): Problem {
  const where = fills === "fills" ? "where its rule holds, its colour shows" : "where its rule holds, any fill it sets shows";
  return {
    sheet: place.sheet,
    cell: place.cell,
    severity: "warning",
    message: `The statuses of this table are written in ${columnsText(place.col, place.last)}, under conditional formatting ${what} that ${fills} cells: ${where} instead of the status colour (Home > Conditional Formatting > Manage Rules, rules for This Worksheet).`,
  };
}

/**
 * Warnings for status columns outside the sheet's print area where the table itself prints (helper-73: a
 * print area over A:E left the statuses in F off every printed page). The print area is the officer's: left as it is.
 */
export function unprintedStatusProblems(grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[]): Problem[] {
  const problems: Problem[] = [];
  for (const grid of grids) {
    const areas = grid.printArea ?? [];
    const sheetTables = tables.filter((t) => t.sheet === grid.name);
    if (areas.length === 0 || sheetTables.length === 0) continue;
    for (const table of sheetTables) {
      const onSheet = statusColumnsOnSheet(grid, table, rated);
      if (!onSheet) continue;
      const { col, last } = onSheet;
      const left = Math.min(...table.columns.map((c) => c.col));
      // Where some of the table's rows print, our column must print beside them, in the same area or one of its
      // own: rows printed without it (an area split by rows, helper-76) are warned of by their first run.
      const rows = (a: CellRange): [number, number] => [Math.max(a.top, table.firstRow), Math.min(a.bottom, table.lastRow)];
      const printed = areas.filter((a) => a.top <= table.lastRow && a.bottom >= table.firstRow);
      const gap = firstGap(printed.filter((a) => a.left < col && a.right >= left).map(rows), printed.filter((a) => a.left <= col && a.right >= col).map(rows));
      if (!gap) continue;
      const some = printed.some((a) => a.left <= col && a.right >= col);
      const where = !some ? "" : gap[0] === gap[1] ? `, in row ${gap[0] + 1},` : `, in rows ${gap[0] + 1} to ${gap[1] + 1},`;
      problems.push({
        sheet: grid.name,
        cell: toA1(table.headerRow + table.headerHeight - 1, col),
        severity: "warning",
        message: `The statuses of this table are written in ${columnsText(col, last)}, outside the sheet's print area (${areas.map(areaText).join(", ")})${where}: they will not print. Widen the print area (Page Layout > Print Area) to take ${last > col ? "them" : "it"} in.`,
      });
    }
  }
  return problems;
}

/** The first run of rows in `want` that no span of `have` covers (spans of rows, inclusive), if any. */
function firstGap(want: [number, number][], have: [number, number][]): [number, number] | undefined {
  for (const [from, to] of [...want].sort((a, b) => a[0] - b[0])) {
    let row = from;
    for (;;) {
      const cover = have.find(([a, b]) => a <= row && b >= row);
      if (!cover) break;
      row = cover[1] + 1;
      if (row > to) break;
    }
    if (row > to) continue;
    const next = Math.min(...have.filter(([a]) => a > row).map(([a]) => a), to + 1);
    return [row, next - 1];
  }
  return undefined;
}

/** The status column of a table, and the Check column beside it where the rules and the officer disagree (colourTrackers writes it then). */
function statusColumns(grid: SheetGrid, table: TableSpec, rated: RatedRecord[]): { col: number; last: number } {
  const col = ownedColumn(grid, table);
  return { col, last: tableRecords(rated, table).some((r) => r.rating.checks.length > 0) ? col + 1 : col };
}

/**
 * Those of them on the sheet: nothing of ours is written past XFD (offSheetStatusProblems says so), so there is
 * no place there to read a range at (Excel refuses a column past XFD, failing the request), nor a warning to name.
 */
function statusColumnsOnSheet(grid: SheetGrid, table: TableSpec, rated: RatedRecord[]): { col: number; last: number } | undefined {
  const { col, last } = statusColumns(grid, table, rated);
  return col > LAST_COL ? undefined : { col, last: Math.min(last, LAST_COL) };
}

const columnsText = (col: number, last: number): string => (last > col ? `columns ${colToLetters(col)}:${colToLetters(last)}` : `column ${colToLetters(col)}`);

/** Excel's last row (zero-based): a print area of whole rows reaches it, as one of whole columns reaches LAST_COL. */
const LAST_ROW = 1048575;

/** A print area's or conditional format's rectangle as Excel shows it: "A:E" for whole columns, "1:40" for whole rows, else "A1:E40". */
function areaText(r: CellRange): string {
  if (r.top === 0 && r.bottom >= LAST_ROW) return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  if (r.left === 0 && r.right >= LAST_COL) return `${r.top + 1}:${r.bottom + 1}`;
  return rangeToA1(r);
}

/** Edit plans that colour every rated record's cells on the officers' sheets. */
export function colourTrackers(scheme: Scheme, grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[], written?: Record<string, CellsWritten>): SheetPlan[] {
  const plans: SheetPlan[] = [];
  for (const grid of grids) {
    const sheetTables = tables.filter((t) => t.sheet === grid.name);
    if (sheetTables.length === 0) continue;
    const plan = emptySheetPlan(grid.name, "edit");
    const styles = new StyleCollector();
    const owned = new Map(sheetTables.map((t) => [t, ownedColumn(grid, t)]));
    const inMerge = mergedCells(grid);
    for (const table of sheetTables) {
      const col = owned.get(table)!;
      const records = tableRecords(rated, table);
      const anyChecks = records.some((r) => r.rating.checks.length > 0);
      const header: PlanValue[] = anyChecks ? [GENERATED_STATUS_HEADER, GENERATED_CHECK_HEADER] : [GENERATED_STATUS_HEADER];
      const headerRow = table.headerRow + table.headerHeight - 1;
      const width = header.length;
      const foreign = foreignCells(grid, table, col, width, scheme, writtenOn(written, grid.name));
      // A table reaching Excel's last column leaves no room for ours past XFD (offSheetStatusProblems says so).
      const mine = (row: number, c: number): boolean => c <= LAST_COL && (foreign.size === 0 || !foreign.has(`${row},${c}`));
      if (foreign.size) (plan.leaveAlone ??= []).push(...foreign.values());
      if (mine(headerRow, col) && mine(headerRow, col + width - 1)) {
        plan.blocks.push({ row: headerRow, col, values: [header] });
        styles.addRange(HEADER_STYLE, { top: headerRow, left: col, bottom: headerRow, right: col + width - 1 });
      } else {
        for (let i = 0; i < width; i++) {
          if (!mine(headerRow, col + i)) continue;
          plan.blocks.push({ row: headerRow, col: col + i, values: [[header[i]]] });
          styles.add(HEADER_STYLE, headerRow, col + i);
        }
      }
      if (col <= LAST_COL && widthIsOurs(grid, col, sheetTables, owned)) plan.columnWidths.push({ col, width: statusWidth(scheme, table.kind) });
      if (anyChecks && col + 1 <= LAST_COL && widthIsOurs(grid, col + 1, sheetTables, owned)) plan.columnWidths.push({ col: col + 1, width: CHECK_WIDTH });
      // One block per table: the owned column is ours from the first data row to the last, so blank rows get "".
      const body: PlanValue[][] = [];
      for (let r = table.firstRow; r <= table.lastRow; r++) body.push(width === 2 ? ["", ""] : [""]);
      // No colour of ours goes on a merged cell: a section row merged across our column (its block is cut
      // around it, below), our two columns merged on a row, an officer's rating cell merged with another.
      // It is theirs to format, and Excel refuses to copy part of a merged area into the backups.
      const merged = mergedRows(grid, col, width);
      for (const { record, rating } of records) {
        const row = record.row - 1;
        const status = statusByKey(scheme, record.kind, rating.status);
        if (!status) continue;
        // An officer's rating shown because the rules could not rate is marked as such (RULES §7).
        body[row - table.firstRow][0] = statusText(status.symbol, status.label) + (rating.source === "officer" ? " (officer)" : "");
        if (anyChecks) body[row - table.firstRow][1] = rating.checks.join("; ");
        if (mine(row, col) && !inMerge(row, col)) styles.add(ownedStyle(status), row, col);
        if (anyChecks && rating.checks.length > 0 && mine(row, col + 1) && !inMerge(row, col + 1)) styles.add(CHECK_STYLE, row, col + 1);
        const manualCell = record.manual ? parseA1(record.manual.cell) : undefined;
        const manualStatus = record.manual ? matchRating(scheme, record.kind, record.manual.text) : undefined;
        if (manualCell && manualStatus && !inMerge(manualCell.row, manualCell.col)) {
          // The officer's cell shows what the officer said, in that rating's colours; its text is left alone.
          styles.add(officerStyle(manualStatus), manualCell.row, manualCell.col);
        }
      }
      // The header printed again further down gets our heading too, so every printed page has it.
      const recordRows = new Set(records.map((r) => r.record.row - 1));
      for (const row of repeatedHeaderRows(grid, table, recordRows)) {
        body[row - table.firstRow] = [...header];
        for (let i = 0; i < width; i++) if (mine(row, col + i)) styles.add(HEADER_STYLE, row, col + i);
      }
      // A section row merged across our column is cut around, as is a row where our column holds an
      // officer's value: the cells of ours there that are free are written alone.
      const cut = (row: number): boolean => merged.has(row) || !(mine(row, col) && mine(row, col + width - 1));
      for (let i = 0; i < body.length; ) {
        const row = table.firstRow + i;
        if (cut(row)) {
          if (!merged.has(row)) for (let k = 0; k < width; k++) if (mine(row, col + k)) plan.blocks.push({ row, col: col + k, values: [[body[i][k]]] });
          i++;
          continue;
        }
        let j = i;
        while (j < body.length && !cut(table.firstRow + j)) j++;
        plan.blocks.push({ row: table.firstRow + i, col, values: body.slice(i, j) });
        i = j;
      }
    }
    plan.styles = styles.toGroups();
    plans.push(plan);
  }
  return plans;
}
