// Finding indicator and activity tables on a sheet by their header vocabulary.
import { SheetCells, cellText, headerValueText, isBareCode, isBlank, rowShape } from "../read/cells";
import { GENERATED_CHECK_HEADER, IDENTITY_ROLES, actualKind, exactRole, isOurHeading, isTitleText, periodPosition, undatedRunsFall, undatedSeries, settleHeader, yearStart } from "./headers";
import type { CellRange, CellValue, ColumnMapping, RecordKind, Role, SheetGrid, TableSpec } from "../vocab/types";
import { periodInTitle, type ReportingPeriod } from "../read/periods";
import { isDateFormat, readDate, readDueDate } from "../read/dates";
import { readValue } from "../read/values";
import { asActivityColumns, namesActions, narrativeCandidates, headerCells, isPeriodish, isSubLabel, judgeHeader, mapping, MAX_GROUP_LENGTH, NO_COLUMNS, readHeaderAt, type HeaderAt } from "./header-rows";
import { repeatsHeader, sideBySideAt } from "./side-by-side";
import { settleDifferences } from "./differences";
import { settleProse } from "./prose-columns";
import { afterReport, latestDay, rollingYears, rollsOver } from "./rolling-year";

// Header reading lives in header-rows.ts; these are used from here by the rest of the engine.
export { isPeriodish, isSubLabel, judgeHeader, readHeaderAt, type HeaderAt } from "./header-rows";

/** Longer single-cell rows are prose, not section headings. */
const MAX_SECTION_LENGTH = 200;
const PROSE_END = /[.:]$/;
/**
 * Footnotes under a table ("Key: G = on target…", "Source: …", "Note: …"): no heading. A colon is needed:
 * "Key-worker homes", "NB-01" and "* Percentage of calls answered" are an officer's rows.
 */
const FOOTNOTE = /^(?:notes?|key|sources?|n\.?b\.?)\s*:/i;
/**
 * A footnote's other spellings, read as one only when it is a row's one cell: "Note - …", "Notes", "NB …",
 * "N.B. …", "* Figures are provisional", "† …". With figures beside it, "* Percentage of calls answered" is a record.
 */
const LONE_FOOTNOTE = /^(?:notes?\s*(?:[-\u2013\u2014]|$)|n\.?\s?b\.?\s|\*+\s|\u2020)/i;
/** Scopes a total is taken over: "Council total", "Borough-wide total", "Directorate sub-total". */
const TOTAL_SCOPES = ["council", "authority", "borough", "county", "district", "city", "directorate", "department", "service", "services", "portfolio", "ward", "area", "team", "group", "overall", "combined"];
/** What a bracket after "Total" says when it names a scope ("(all wards)", "(excluding schools)"), not a unit ("(tonnes)"). */
const SCOPE_BRACKET = String.raw`\((?:all|every|whole|excl|excluding|incl|including|across|for|of)\b[^)]{0,40}\)`;

/**
 * A row naming no record where its ref or name would be: a total ("Total", "Grand total", "Sub-total",
 * "Council total", "Directorate sub-total", "Total (all wards)", "Total: Housing", "Sum"), or a footnote's
 * label alone ("Source:" with the source beside it). Where it could name a figure it is an indicator's:
 * "Total recorded crime", "Total (tonnes)" under a measure, "Annual total", "Average", "Overall". A row
 * that is a total by another name stays a record, rated: one too many is shown, none is lost.
 */
const FOOTER_LABEL = new RegExp(
  [
    String.raw`^(?:(?:${TOTAL_SCOPES.join("|")})(?:[\s-]wide)?\s+)?(?:(?:grand|sub)[\s-]?)?totals?(?:\s*${SCOPE_BRACKET})?\s*:?$`,
    String.raw`^totals?\s*[:\u2013-]\s*\S.{0,40}$`,
    String.raw`^sum\s*:?$`,
    String.raw`^(?:notes?|key|sources?|n\.?b\.?)\s*:$`,
    // A sign-off under the table: "Signed: | J Smith | | Date: | 14/01/2011" (helper-90).
    // With its colon only: "Sign-off" is also a milestone's name, and "Signed" a ref (helper-95).
    String.raw`^(?:signed|signature|sign[\s-]?off)\s*:$`,
    String.raw`^(?:approved|authori[sz]ed|completed|prepared|checked|signed off) by\s*:?$`,
    String.raw`^date\s*:$`,
  ].join("|"),
  "i",
);

// ---- rows inside a table ----

export interface TableShape {
  left: number;
  right: number;
  /** Columns whose header says which row this is (ref, name...): a header word there means a repeated header. */
  identityCols: number[];
  /** Columns naming who or which part of the council a row is for (lead officer, directorate, committee). */
  ownerCols: number[];
  /** The identity columns that hold refs: a row with a ref of its own is a record, whatever its name. */
  refCols: number[];
  /**
   * Our own columns (Status (auto)): what we wrote there last time is not read when deciding what a
   * row is, or a row we rated could read otherwise once its status is in (Apply colours twice would differ).
   */
  generated: number[];
}

/** The columns a previous Apply wrote (Status (auto), and Check (auto) beside it): not the officers'. */
export function ourColumns(t: Pick<TableSpec, "columns">): number[] {
  return t.columns.filter((c) => c.role === "generated" || (c.role === "ignore" && c.header.trim() === GENERATED_CHECK_HEADER)).map((c) => c.col);
}

export function tableShape(t: TableSpec): TableShape {
  const generated = ourColumns(t);
  // The table's edges are the officers' columns: ours, placed right of them, must not widen it.
  const cols = t.columns.filter((c) => !generated.includes(c.col)).map((c) => c.col);
  return {
    left: cols.length ? Math.min(...cols) : 0,
    right: cols.length ? Math.max(...cols) : -1,
    identityCols: t.columns.filter((c) => IDENTITY_ROLES.has(c.role)).map((c) => c.col),
    ownerCols: t.columns.filter((c) => c.role === "lead" || c.role === "directorate" || c.role === "committee").map((c) => c.col),
    refCols: t.columns.filter((c) => c.role === "ref").map((c) => c.col),
    generated,
  };
}

export type BodyRowKind = "blank" | "section" | "skip" | "data";

// Every row of every table is classified: the answers without text are shared, not made per row.
const BLANK: { kind: BodyRowKind } = Object.freeze({ kind: "blank" });
const SKIP: { kind: BodyRowKind } = Object.freeze({ kind: "skip" });
const DATA: { kind: BodyRowKind } = Object.freeze({ kind: "data" });

/** A single text cell heading the rows below, or undefined (titles, page headers and prose are not sections). */
function headingText(value: string): string | undefined {
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_SECTION_LENGTH || isTitleText(text)) return undefined;
  // Sentences and links are prose: headings do not end in a full stop or colon.
  if (PROSE_END.test(text) || text.includes("://") || FOOTNOTE.test(text)) return undefined;
  return text;
}

/**
 * What a row outside any table says about the priority of the rows below: a heading (its only
 * cell, at or left of the table's first column `maxCol`, or merged across columns), "prose"
 * (a sentence there, which ends the heading above: a report's paragraphs are not a priority),
 * or nothing (blank rows, titles, legend entries further right, rows of several cells).
 */
export function gapRow(cells: SheetCells, row: number, maxCol: number): { heading: string } | "prose" | undefined {
  const shape = rowShape(cells, row);
  if (shape.count !== 1) return undefined;
  const m = cells.mergeAt(row, shape.first);
  if (shape.first > maxCol && !(m && m.right > m.left)) return undefined;
  const v = cells.at(row, shape.first);
  if (typeof v !== "string" || isTitleText(v)) return undefined;
  const heading = headingText(v);
  return heading === undefined ? "prose" : { heading };
}

/**
 * How a row inside a table reads: blank; a section heading (one text cell at or left of the
 * table's first column, or merged across columns); skipped (titles, repeated header rows,
 * group header rows, cells only outside the table); or data.
 */
export function classifyBodyRow(cells: SheetCells, shape: TableShape, row: number): { kind: BodyRowKind; text?: string } {
  const values = cells.row(row);
  let count = 0;
  let first = -1;
  let inSpan = 0;
  let headerish = true;
  const ours = shape.generated;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlank(v)) continue;
    const col = cells.left + i;
    if (ours.length && ours.includes(col)) continue;
    count++;
    if (first < 0) first = col;
    if (col >= shape.left && col <= shape.right) inSpan++;
    if (headerish && typeof v !== "string") headerish = false;
  }
  if (count === 0) return BLANK;
  if (count === 1) {
    const v = cells.at(row, first);
    const m = cells.mergeAt(row, first);
    // A lone code in the table's first column is a row with only its ref filled in, not a heading.
    const atStart = first === shape.left && typeof v === "string" && !(shape.identityCols.includes(first) && isBareCode(v));
    const apart = atStart || first < shape.left || first > shape.right || (m !== undefined && m.right > m.left);
    if (typeof v === "string" && apart) {
      const text = headingText(v);
      return text === undefined ? SKIP : { kind: "section", text };
    }
    // "Note: figures for HE 2 are provisional" typed alone in the name column: a footnote, not a record.
    if (typeof v === "string" && (FOOTNOTE.test(v.trim()) || LONE_FOOTNOTE.test(v.trim()))) return SKIP;
  }
  if (inSpan === 0) return SKIP;
  if (count === 2) {
    const text = numberedSection(cells, shape, row, first) ?? labelledSection(cells, shape, row, first);
    if (text !== undefined) return { kind: "section", text };
  }
  if (count === 3) {
    const text = labelledSection(cells, shape, row, first, true);
    if (text !== undefined) return { kind: "section", text };
  }
  if (headerish && looksLikeHeader(cells, shape, row)) return SKIP;
  if (headerish && count <= 2 && allTitles(values, cells.left, ours)) return SKIP; // "Key Performance Indicators | 2021/22"
  if (isFooterRow(cells, shape, row)) return SKIP;
  return DATA;
}

/** A section's number in a ref column: "1", "2.", "3)" or the number 4 (not "1.1", a record's ref under it). */
function isSectionNumber(v: CellValue): boolean {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 && v < 1000;
  return typeof v === "string" && /^\s*\d{1,3}[.)]?\s*$/.test(v);
}

/** How far below a numbered section its first record is looked for. */
const SECTION_REACH = 50;
/** How far from a numbered section another is looked for. */
const SECTIONS_APART = 400;

/** The officer's cells in a row (ours left out). */
function officersCells(cells: SheetCells, shape: TableShape, row: number): number {
  const values = cells.row(row);
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!isBlank(values[i]) && !shape.generated.includes(cells.left + i)) count++;
  return count;
}

/** "1 | Housing": a number in the ref column `col`, a title in another identity column, nothing else; its title. */
function numberedTitle(cells: SheetCells, shape: TableShape, row: number, col: number): string | undefined {
  if (!isSectionNumber(cells.at(row, col)) || officersCells(cells, shape, row) !== 2) return undefined;
  let title: string | undefined;
  for (const c of shape.identityCols) {
    const v = cells.at(row, c);
    if (c !== col && typeof v === "string" && !isBlank(v)) title = v;
  }
  return title === undefined || isBareCode(title) ? undefined : headingText(title);
}

/**
 * "1 | Housing": a section's number in the ref column and its title in a name column, nothing else, read as a
 * heading where the table has another such row near it ("2 | Environment") and the first row under it is a
 * record with figures and a ref of another kind ("HS01", "1.1"). Read as records, such sections were rated
 * "data only" and grouped on their own. Anything less stays a record, as a new measure whose figures are not
 * in yet does ("7 | Rent collected" in a table numbered 1, 2, 3…; one such row over "HS03"; a footnote or a
 * total under it): one too many is shown, none is lost (helper-86).
 */
function numberedSection(cells: SheetCells, shape: TableShape, row: number, first: number): string | undefined {
  if (!shape.refCols.includes(first)) return undefined;
  const text = numberedTitle(cells, shape, row, first);
  if (text === undefined) return undefined;
  let next: number | undefined;
  for (let r = row + 1; r <= Math.min(cells.bottom, row + SECTION_REACH) && next === undefined; r++) if (officersCells(cells, shape, r) > 0) next = r;
  if (next === undefined) return undefined;
  const ref = cells.at(next, first);
  if (isBlank(ref) || isSectionNumber(ref) || officersCells(cells, shape, next) < 3 || looksLikeHeader(cells, shape, next) || isFooterRow(cells, shape, next)) return undefined;
  let another = false;
  for (let r = Math.max(cells.top, row - SECTIONS_APART); r <= Math.min(cells.bottom, row + SECTIONS_APART) && !another; r++) another = r !== row && numberedTitle(cells, shape, r, first) !== undefined;
  return another ? `${cellText(cells.at(row, first)).trim()} ${text}` : undefined;
}

/**
 * A heading's label in a ref column: "Priority 2", "Theme:", "Workstream 1 –". Words a ref may also start
 * with ("Area 3", "Section B", "Objective 2") count only as a label with its colon ("Area:", "Objective 2:").
 */
const SECTION_LABEL = /^(?:(?:priority|theme|ambition|pillar|strand|workstream)(?:\s+(?:\d{1,2}|[a-z]|[ivx]{1,4}))?\s*[:.\-\u2013]?|(?:objective|outcome|aim|goal|section|part|chapter|area|directorate|portfolio|service area)(?:\s+(?:\d{1,2}|[a-z]|[ivx]{1,4}))?\s*:)$/i;

/**
 * "Priority 2 | Safer and stronger communities", "Theme: | Housing": a heading's label in the ref column and
 * its title in a name column, and with `owner`, its lead officer or directorate beside them ("Priority 1 |
 * A clean borough | J Smith"); nothing else. Rated as records, they were "data only" rows (helper-90, helper-96).
 */
function labelledSection(cells: SheetCells, shape: TableShape, row: number, first: number, owner = false): string | undefined {
  if (!shape.refCols.includes(first)) return undefined;
  const label = cells.at(row, first);
  if (typeof label !== "string" || !SECTION_LABEL.test(label.trim())) return undefined;
  let title: string | undefined;
  let titleCol = -1;
  for (const c of shape.identityCols) {
    const v = cells.at(row, c);
    if (c === first || typeof v !== "string" || isBlank(v) || isBareCode(v)) continue;
    title = headingText(v);
    titleCol = c;
    break;
  }
  if (title === undefined) return undefined;
  if (owner) {
    // The third cell must be an owner's: a figure or a date beside a label makes the row a record.
    const values = cells.row(row);
    for (let i = 0; i < values.length; i++) {
      const col = cells.left + i;
      if (isBlank(values[i]) || col === first || col === titleCol || shape.generated.includes(col)) continue;
      if (!shape.ownerCols.includes(col) || typeof values[i] !== "string") return undefined;
    }
  }
  return `${label.trim()} ${title}`;
}

/**
 * A totals row ("Total | | 100 | 182") or a footnote ("Source: | Waste Data Flow"): its first identity cell
 * says so, and it has no ref of its own ("Council total | CT1", the name first, is a record).
 */
function isFooterRow(cells: SheetCells, shape: TableShape, row: number): boolean {
  for (const col of shape.identityCols) {
    const v = cells.at(row, col);
    if (isBlank(v)) continue;
    if (!(typeof v === "string" && v.length <= 60 && FOOTER_LABEL.test(v.trim()))) return false;
    return shape.refCols.every((ref) => ref === col || isBlank(cells.at(row, ref)));
  }
  return false;
}

function allTitles(values: readonly CellValue[], left: number, ours: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "string" && !isBlank(v) && !ours.includes(left + i) && !isTitleText(v)) return false;
  }
  return true;
}

/** A repeated header row (reads as a header on its own) or a group header row (periods only). */
function looksLikeHeader(cells: SheetCells, shape: TableShape, row: number): boolean {
  let named = false;
  for (const col of shape.identityCols) {
    const v = cells.at(row, col);
    if (isBlank(v)) continue;
    named = true;
    // Cheap test first; then the whole row, as an action called "Name" could be data.
    if (typeof v !== "string") continue;
    const role = exactRole(v);
    if (role !== undefined && IDENTITY_ROLES.has(role)) {
      const own = headerCells(cells, row, shape.generated);
      // The table's own columns: a legend or a second table beside a repeated header is not its header's.
      if (own && judgeHeader([...own].filter(([col]) => col >= shape.left && col <= shape.right).map(([col, text]) => mapping(col, text)))) return true;
    }
  }
  if (named) return false;
  // A group row, or the lower row of a two-row header printed again ("Target | Actual | RAG" under each
  // quarter): its "Actual" in Q4's column was taken for a Q4 figure, and every indicator rated on Q4 (helper-76).
  let periods = 0;
  for (let col = shape.left; col <= shape.right; col++) {
    const v = cells.at(row, col);
    if (typeof v !== "string" || isBlank(v) || shape.generated.includes(col)) continue;
    if (v.length > MAX_GROUP_LENGTH) return false;
    if (isPeriodish(v)) periods++;
    else if (!isSubLabel(v)) return false;
  }
  return periods > 0;
}

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
  narrativePlan(cells, spec);
  quarterRatings(cells, spec);
  targetDates(cells, spec);
  progressDates(cells, spec);
  markPending(cells, spec);
  return spec;
}

/**
 * "Action | Lead Officer | Target | Status" with a date or month under Target on every row: an action plan's
 * target date, not an indicator's target (helper-107: read as indicators, the actions were shown "On target"
 * on the officer's Green, months overdue). Only with a name column naming actions, no figure column and one
 * undated target, whose cells are all dates but for words that hold none ("TBC", "Ongoing"). In place.
 */
function targetDates(cells: SheetCells, spec: TableSpec): void {
  const target = spec.kind === "indicator" ? targetDateCandidate(spec) : undefined;
  if (!target || !holdsDates(cells, spec, target)) return;
  spec.kind = "activity";
  spec.columns = spec.columns.map((c) => (c === target ? { ...c, role: "due" as const, headerRole: target.role } : c));
}

/**
 * "Action | Lead Officer | Completion | RAG" with dates under Completion, and no other due date: when the
 * action is to be complete, not how far it has got (each date was "not a percentage", and an overdue action
 * kept its officer's Green). In place; headerRole keeps the header's reading, so an edit is judged again.
 */
function progressDates(cells: SheetCells, spec: TableSpec): void {
  const progress = progressDateColumn(spec);
  if (!progress || progress.role === "due" || !holdsDates(cells, spec, progress)) return;
  spec.columns = spec.columns.map((c) => (c === progress ? { ...c, role: "due" as const, headerRole: "progress" as const } : c));
}

/** The progress column progressDates reads, or has read, as the due date. */
function progressDateColumn(spec: TableSpec): ColumnMapping | undefined {
  if (spec.kind !== "activity") return undefined;
  const read = spec.columns.find((c) => c.role === "due" && c.headerRole === "progress");
  if (read) return read;
  if (spec.columns.some((c) => c.role === "due")) return undefined;
  const progress = spec.columns.filter((c) => c.role === "progress");
  return progress.length === 1 && !progress[0].period && COMPLETION_WHEN.test(progress[0].header) ? progress[0] : undefined;
}

/** "Completion" says when; "Complete", "% Complete" or "Completed" beside dates says when it was done (helper-112), not when it is due. */
const COMPLETION_WHEN = /^\s*(?:(?:target|planned|expected|estimated|forecast|projected|anticipated|revised|scheduled)\s+)?completion(?:\s*\(?\s*(?:target|date|due)\s*\)?)?\s*$/i;

/**
 * A rating typed in a quarter's column: a letter, a colour or a symbol of the presets (RULES §2), two for a
 * rating between ("A/G"), a done word, and a few words after a dash ("G - on track"). No scheme is chosen
 * yet where tables are found, so every preset's words count (helper-111: Dudley's ★ ● ▲, Cannock's Yellow).
 */
const RATING = "(?:[rgabc]|red|amber|green|blue|yellow|orange|complete|completed|[\u2605\u25cf\u25b2\u25a0\u25c6\u2713\u2714\u2717\u2718\u2715])";
const RAG_WORD = new RegExp(`^\\s*${RATING}(?:\\s*\\/\\s*${RATING})?(?:\\s*[-\\u2013:]\\s*[a-z ]{1,30})?\\s*$`, "i");
/** Cells of a quarter's column that rate nothing yet ("n/a", "-", "TBC") or hold a formula's error. */
const NOT_RATED_YET = /^\s*(?:n\/?a|-|\u2013|tbc|tba|not due|not started|#n\/a|#value!|#ref!|#div\/0!|#name\?)\s*\.?\s*$/i;

/**
 * "Action | Lead Officer | Target Date | Q1 | Q2 | Q3 | Q4" with G, A or R under the quarters: the officer's
 * rating quarter by quarter, as "Q1 RAG … Q4 RAG" would be (read as figures, every action was "Data only"
 * with an unreadable figure per quarter). Only with a name column naming actions, every figure column a
 * quarter's or month's and every rating in them a RAG word, and no target but one of dates (targetDates
 * reads it as the due date). The quarters keep the header's role as headerRole, so an edit is judged again.
 */
function quarterRatingColumns(spec: TableSpec): ColumnMapping[] {
  if (spec.kind === "activity") return spec.columns.filter((c) => c.role === "manual" && c.headerRole === "actual");
  if (!namesActions(spec.columns)) return [];
  const actuals = spec.columns.filter((c) => c.role === "actual");
  return actuals.length > 0 && actuals.every((c) => c.period?.quarter !== undefined || c.period?.month !== undefined) ? actuals : [];
}

function holdsRatings(cells: SheetCells, spec: TableSpec, cols: readonly ColumnMapping[]): boolean {
  return everyFilled(cells, spec, cols, (v) => (isError(v) ? "skip" : typeof v !== "string" ? false : NOT_RATED_YET.test(v) ? "skip" : RAG_WORD.test(v)));
}

/** The activity table quarterRatings makes of an indicator table, or undefined. */
function asQuarterRatings(cells: SheetCells, spec: TableSpec): TableSpec | undefined {
  const cols = spec.kind === "indicator" ? quarterRatingColumns(spec) : [];
  if (cols.length === 0 || !holdsRatings(cells, spec, cols)) return undefined;
  const trial: TableSpec = { ...spec, columns: spec.columns.map((c) => (cols.includes(c) ? { ...c, role: "manual" as const, headerRole: "actual" as const } : c)) };
  const isTarget = (c: ColumnMapping): boolean => c.role === "annualTarget" || c.role === "periodTarget";
  if (!trial.columns.some(isTarget)) return { ...trial, kind: "activity" };
  targetDates(cells, trial);
  return trial.kind === "activity" ? trial : undefined;
}

function quarterRatings(cells: SheetCells, spec: TableSpec): void {
  const plan = asQuarterRatings(cells, spec);
  if (!plan) return;
  spec.kind = plan.kind;
  spec.columns = plan.columns;
}

/**
 * "Action | Target Date | Current Position | RAG" with words under the position: an action plan, read as
 * activities with the position as their update (header-rows.ts narrativeActuals). Figures under it keep it
 * an indicator table (helper-110). In place.
 */
function narrativePlan(cells: SheetCells, spec: TableSpec): void {
  if (spec.kind !== "indicator") return;
  const cols = narrativeCandidates(spec.columns);
  if (cols.length === 0 || !holdsWords(cells, spec, cols)) return;
  spec.kind = "activity";
  spec.columns = asActivityColumns(spec.columns);
}

/** The columns narrativePlan reads, or has read, as an action plan's words. */
function narrativeColumns(spec: TableSpec): ColumnMapping[] {
  return spec.kind === "activity" ? spec.columns.filter((c) => c.narrative) : narrativeCandidates(spec.columns);
}

/** Words from which a position is a sentence, not a figure with its unit ("85%", "100% complete", "250 homes"). */
const SENTENCE_WORDS = 4;

/** Whether the columns' filled data cells are all words (text that reads as no figure: "Complete", "Delayed by the contractor"), and one at least. */
function holdsWords(cells: SheetCells, spec: TableSpec, cols: readonly ColumnMapping[]): boolean {
  // A sentence is words whatever figure it names ("Complete. Strategy adopted by Cabinet 14 September 2010.").
  return everyFilled(cells, spec, cols, (v, format) => typeof v === "string" && (readValue(v, format).kind !== "number" || v.trim().split(/\s+/).length >= SENTENCE_WORDS));
}

/**
 * Whether `test` holds for every filled cell of the columns in the table's data rows (the cells it skips
 * by returning "skip" aside), and there is one at least: what targetDates and narrativePlan read a column by.
 */
function everyFilled(cells: SheetCells, spec: TableSpec, cols: readonly ColumnMapping[], test: (v: CellValue, format: string | undefined) => boolean | "skip"): boolean {
  const shape = tableShape(spec);
  let counted = 0;
  for (let r = spec.firstRow; r <= spec.lastRow; r++) {
    let data: boolean | undefined;
    for (const c of cols) {
      const v = cells.at(r, c.col);
      if (isBlank(v)) continue;
      if ((data ??= classifyBodyRow(cells, shape, r).kind === "data") === false) break;
      const ok = test(v, cells.formatAt(r, c.col));
      if (ok === false) return false;
      if (ok === true) counted++;
    }
  }
  return counted > 0;
}

/** The column targetDates would read as the due date of an indicator table, or read so in an activity table. */
function targetDateColumn(spec: TableSpec): ColumnMapping | undefined {
  if (spec.kind === "activity") return spec.columns.find((c) => c.role === "due" && (c.headerRole === "annualTarget" || c.headerRole === "periodTarget"));
  return targetDateCandidate(spec);
}

function targetDateCandidate(spec: TableSpec): ColumnMapping | undefined {
  if (!namesActions(spec.columns) || spec.columns.some((c) => c.role === "actual")) return undefined;
  const targets = spec.columns.filter((c) => c.role === "annualTarget" || c.role === "periodTarget");
  return targets.length === 1 && !targets[0].period ? targets[0] : undefined;
}

/** Words under a target date that hold no date: a date to come, not a figure ("Increase", "Yes" are targets). */
const NO_DATE_YET = /^\s*(?:tbc|tba|tbd|to be (?:confirmed|agreed|decided)|n\/?a|not applicable|ongoing|on-going|continuous|none|not set|-|\u2013)\s*\.?\s*$/i;

/** Whether the column's filled data cells are all dates (a date-formatted serial, a date, or a due date in words), and one at least. */
function holdsDates(cells: SheetCells, spec: TableSpec, col: ColumnMapping): boolean {
  return everyFilled(cells, spec, [col], (v, format) => {
    if (typeof v === "string" && NO_DATE_YET.test(v)) return "skip";
    return (typeof v === "number" ? (isDateFormat(format) ? readDate(v, format) : undefined) : readDueDate(v)) !== undefined;
  });
}

/** Roles whose dated columns are filled period by period: the figures, and officers' ratings. */
const REPORTED_ROLES: readonly Role[] = ["actual", "manual"];

/** A dated column of REPORTED_ROLES: filling or emptying it may change which quarters are reported (unfilledChanged). */
export function isReportedColumn(c: ColumnMapping): boolean {
  return c.period !== undefined && REPORTED_ROLES.includes(c.role);
}

/** A dated column's place in time: its year where it names one (else before any year), then its quarter or month. */
const whenOf = (c: ColumnMapping): number => (yearStart(c.period?.year) ?? -1) * 100 + (periodPosition(c.period) ?? 13);

/**
 * whenOf, but where a role's undated quarters or months fall back ("Jan … Dec", "Q4 | Q1 | Q2 | Q3") they
 * follow each other left to right: with January to March filled, April to December are not reported yet.
 */
function whenIn(columns: readonly ColumnMapping[]): (c: ColumnMapping) => number {
  if (!rollsOver(columns)) return whenOf;
  const order = new Map<ColumnMapping, number>();
  for (const runs of undatedSeries(columns)) runs.forEach((run, i) => run.forEach((c) => order.set(c, -100 + i * 13 + (periodPosition(c.period) ?? 0))));
  return (c) => order.get(c) ?? whenOf(c);
}

/** Text standing in for a figure not in yet ("-", "TBC", "n/a"): the period is not reported. */
const PLACEHOLDER = /^(?:[-–—]|tbc|tba|n\/?a)$/i;

/** Whether a cell holds a figure or rating, not a placeholder for one, nor an error (a formula awaiting its inputs: #DIV/0!). */
function reported(v: CellValue): boolean {
  if (isBlank(v)) return false;
  if (typeof v === "string") return !PLACEHOLDER.test(v.trim());
  return !isError(v);
}

/** A formula's error (#N/A, #DIV/0!): a cell awaiting its inputs, not a figure or a rating. */
function isError(v: CellValue): boolean {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Which of `cols` some data row of the table fills (reported). */
function filledColumns(cells: SheetCells, spec: TableSpec, cols: ColumnMapping[]): Set<ColumnMapping> {
  const filled = new Set<ColumnMapping>();
  if (cols.length === 0) return filled;
  const shape = tableShape(spec);
  for (let r = spec.firstRow; r <= spec.lastRow && filled.size < cols.length; r++) {
    if (classifyBodyRow(cells, shape, r).kind !== "data") continue;
    for (const c of cols) if (!filled.has(c) && reported(cells.at(r, c.col))) filled.add(c);
  }
  return filled;
}

/**
 * The columns of quarters or months laid out but not reported yet: of each of REPORTED_ROLES, the quarter
 * and month columns no data row fills that come after every one that is filled (a tracker laid out for the
 * whole year has Q4's columns empty in Q3). A year's own figure (an outturn, "2010/11 Actual") is never
 * one: empty, it is still the year's (RULES §4). Their sheet columns, in order.
 */
export function unfilledColumns(cells: SheetCells, spec: TableSpec): number[] {
  const inYear = (c: ColumnMapping) => (periodPosition(c.period) ?? 13) <= 12;
  const groups = REPORTED_ROLES.map((role) => spec.columns.filter((c) => c.role === role && isReportedColumn(c) && inYear(c))).filter((g) => g.length >= 2);
  if (groups.length === 0) return [];
  const filled = filledColumns(cells, spec, groups.flat());
  const when = whenIn(spec.columns);
  return groups
    .flatMap((g) => {
      // None filled: nothing is reported yet, and the latest columns are rated (every record has no data).
      const done = g.filter((c) => filled.has(c));
      if (done.length === 0) return [];
      const last = Math.max(...done.map(when));
      return g.filter((c) => !filled.has(c) && when(c) > last);
    })
    .map((c) => c.col)
    .sort((a, b) => a - b);
}

/** Same quarter or month, and the same year where both name one. */
function samePeriodAs(a: ColumnMapping, b: ColumnMapping): boolean {
  const pos = periodPosition(a.period);
  if (pos === undefined || pos > 12 || pos !== periodPosition(b.period)) return false;
  const ya = yearStart(a.period?.year);
  const yb = yearStart(b.period?.year);
  return ya === undefined || yb === undefined || ya === yb;
}

/**
 * Marks the columns of periods not reported yet (ColumnMapping.pending, TableSpec.unfilled): the unfilled
 * columns and the other columns of their quarters or months (targets set for the whole year, commentary),
 * so a Q3 figure is read against Q3's target with Q3's commentary; but not a rating an officer typed for
 * such a quarter (a rating is reported: unfilledColumns counts ratings). The table's period is then
 * inferred from the periods reported; settlePending keeps the marks only on periods after the report's.
 */
function markPending(cells: SheetCells, spec: TableSpec): void {
  const unfilled = unfilledColumns(cells, spec);
  if (unfilled.length === 0) return;
  spec.unfilled = unfilled;
  const empty = spec.columns.filter((c) => unfilled.includes(c.col));
  const others = spec.columns.filter((c) => c.period && !empty.includes(c) && empty.some((e) => samePeriodAs(c, e)));
  const kept = filledColumns(cells, spec, others.filter((c) => c.role === "manual"));
  spec.columns = spec.columns.map((c) => (empty.includes(c) || (others.includes(c) && !kept.has(c)) ? { ...c, pending: true as const } : c));
}

/**
 * Once the report's period is known: a pending column of that period or an earlier one is rated after all
 * (RULES §4: the column for the reporting period, filled or not), so only later periods stay pending: a Q3
 * report on a tracker laid out to Q4 rates Q3, not Q4's empty columns. A later period's columns that are
 * filled (a template's zeros, figures typed early) are pending too, where the table has a figure for the
 * report's period or before it: with `--period Q3 2010/11`, Q4's zeros were rated red. A table with only
 * later figures keeps them, rated and flagged (laterTables). `tableYears` holds each table's own year
 * where its title or headers name one. In place; idempotent.
 */
export function settlePending(tables: TableSpec[], period: ReportingPeriod | undefined, tableYears?: ReadonlyMap<TableSpec, number>, today?: string): void {
  if (!period || (period.quarter === undefined && period.startYear === undefined)) return;
  const reportYear = period.startYear;
  // A year's report is for the whole year: every quarter of it is the report's.
  const reportPos = period.quarter !== undefined ? period.quarter * 3 : 13;
  const later = (c: ColumnMapping): boolean => {
    const y = yearStart(c.period?.year);
    const pos = periodPosition(c.period) ?? 13;
    if (y !== undefined && reportYear !== undefined && y !== reportYear) return y > reportYear;
    return pos > reportPos;
  };
  for (const t of tables) {
    const tableYear = tableYears?.get(t);
    datePeriods(t, period, tableYear, latestDay(today, period));
    const rolling = (c: ColumnMapping): boolean => c.rollingYear !== undefined && afterReport(c.rollingYear, c, { ...period, startYear: period.startYear ?? tableYear });
    const unsettled = undatedRunsFall(t.columns);
    // A figure after the report's period. "Actual" or "Outturn" names no period, and "2010/11 Actual" is the
    // year's own figure in a Q3 2010/11 report (RULES §4). A quarter with no year of its own is of its
    // table's year: last year's "Q2 Actual" is not after a Q1 2011/12 report (helper-93).
    const laterFigure = (c: ColumnMapping): boolean => {
      const p = c.period;
      if (!p) return false;
      const own = yearStart(p.year);
      if (p.quarter === undefined && p.month === undefined) return own !== undefined && reportYear !== undefined && own > reportYear;
      // A rolling year ("Q4 | Q1 | Q2 | Q3", "Q1 … Q4 | Q1") is dated (datePeriods); in other layouts that
      // fall back, which year an undated quarter is of is not known, so none is called later (helper-95).
      if (own === undefined && c.rollingYear !== undefined) return rolling(c);
      if (own === undefined && unsettled) return false;
      const y = own ?? tableYear;
      if (y !== undefined && reportYear !== undefined && y !== reportYear) return y > reportYear;
      return (periodPosition(p) ?? 13) > reportPos;
    };
    // A baseline or last year's figure is no figure for the report's period. An officer's rating of a quarter
    // counts as one: in a plan rated quarter by quarter, a Q4 rating typed early is not the Q3 report's (helper-111).
    const reported = t.columns.filter(
      (c) => !laterFigure(c) && ((c.role === "actual" && actualKind(c.header) !== "baseline" && actualKind(c.header) !== "earlier") || (c.role === "manual" && c.period !== undefined)),
    );
    // A quarter with no year is later only to the right of one of the report's figures.
    const isLater = (c: ColumnMapping): boolean => laterFigure(c) && (yearStart(c.period?.year) !== undefined || c.rollingYear !== undefined || reported.some((r) => r.period && r.col < c.col));
    const marks = (c: ColumnMapping): boolean => (c.pending ? (c.rollingYear !== undefined ? rolling(c) : later(c)) : reported.length > 0 && isLater(c));
    if (!t.columns.some((c) => (c.pending ?? false) !== marks(c))) continue;
    t.columns = t.columns.map((c) => {
      if ((c.pending ?? false) === marks(c)) return c;
      if (!c.pending) return { ...c, pending: true as const };
      const { pending: _pending, ...rest } = c;
      return rest;
    });
  }
}

/**
 * Gives each undated quarter or month of a rolling year its year (ColumnMapping.rollingYear), from the
 * report's quarter and the latest figure (rolling-year.ts); takes it off where the layout or period no
 * longer makes one. `tableYear`: the year the table's own title or headers give its latest figure.
 */
function datePeriods(t: TableSpec, period: ReportingPeriod, tableYear: number | undefined, today: string | undefined): void {
  const unfilled = new Set(t.unfilled ?? []);
  const bare = t.columns.map((c) => {
    if (c.rollingYear === undefined) return c;
    const { rollingYear: _year, ...rest } = c;
    return rest;
  });
  const years = rollingYears(bare, { ...period, startYear: period.startYear ?? tableYear }, (c) => !unfilled.has(c.col), tableYear, today);
  if (!years && bare.every((c, i) => c === t.columns[i])) return;
  t.columns = bare.map((c) => (years?.has(c) ? { ...c, rollingYear: years.get(c) } : c));
}

/** Columns whose headers could mean two things, settled by their figures ("Variance", "Current Position"). */
function settleByFigures(cells: SheetCells, spec: TableSpec): ColumnMapping[] {
  return settleProse(cells, { ...spec, columns: settleDifferences(cells, spec) });
}

/** Whether a figure typed in sheet column `col` could change what settleByFigures makes of the table's columns. */
export function judgedByFigures(spec: TableSpec, col: number): boolean {
  // targetDates, progressDates, narrativePlan, quarterRatings
  if (targetDateColumn(spec)?.col === col || progressDateColumn(spec)?.col === col || narrativeColumns(spec).some((c) => c.col === col) || quarterRatingColumns(spec).some((c) => c.col === col)) return true;
  if (!spec.columns.some((c) => c.headerRole)) return false;
  const read: ReadonlySet<Role> = new Set<Role>(["actual", "annualTarget", "periodTarget"]);
  return spec.columns.some((c) => c.col === col && (c.headerRole !== undefined || read.has(c.role)));
}

/** Whether an edit changed what a column's figures make it (settleByFigures): the table is then planned again. */
export function figureRolesChanged(cells: SheetCells, spec: TableSpec): boolean {
  // A target of dates read as the due date (targetDates), or one that now would be or no longer is (helper-109).
  const target = targetDateColumn(spec);
  if (target && holdsDates(cells, spec, target) !== (spec.kind === "activity")) return true;
  const progress = progressDateColumn(spec);
  if (progress && holdsDates(cells, spec, progress) !== (progress.role === "due")) return true;
  const narrative = narrativeColumns(spec);
  if (narrative.length > 0 && holdsWords(cells, spec, narrative) !== (spec.kind === "activity")) return true;
  const quarters = quarterRatingColumns(spec);
  if (quarters.length > 0 && (spec.kind === "activity" ? !holdsRatings(cells, spec, quarters) : asQuarterRatings(cells, spec) !== undefined)) return true;
  if (!spec.columns.some((c) => c.headerRole)) return false;
  const again = settleByFigures(cells, spec);
  return again.some((c, i) => c.role !== spec.columns[i].role);
}

/** Whether an edit changed which columns of the table are unfilled (unfilledColumns): its columns are then planned again. */
export function unfilledChanged(cells: SheetCells, spec: TableSpec): boolean {
  return unfilledColumns(cells, spec).join() !== (spec.unfilled ?? []).join();
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
