// The rows of a table found: which are records, section headings, repeated headers, totals and
// footnotes (classifyBodyRow), and a blank row's heading between tables (gapRow).
import { SheetCells, cellText, isBareCode, isBlank, rowShape } from "../read/cells";
import { GENERATED_CHECK_HEADER, IDENTITY_ROLES, exactRole, isTitleText } from "./headers";
import type { CellValue, TableSpec } from "../vocab/types";
import { headerCells, isPeriodish, isSubLabel, judgeHeader, mapping, MAX_GROUP_LENGTH } from "./header-rows";

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
