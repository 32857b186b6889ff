// Reading the "Scorecard History" sheet back, leniently: people filter, sort, move columns and fix
// rows by hand. Columns are found by their header text in any order; a row that cannot be read is a
// problem naming its cell, and is kept aside (written back as typed) rather than lost or thrown on.
import { toA1 } from "../vocab/address";
import { cellText, isBlank, SheetCells } from "../read/cells";
import { excelSerialToIso, isoFromDate, MAX_EXCEL_SERIAL, parseDateText } from "../read/dates";
import { columnOfHeader, HISTORY_COLUMNS, LEVELS, type HistoryColumn } from "./columns";
import { recordKey } from "./key";
import { readHistoryPeriod } from "./period";
import type { HistoryEntry } from "./types";
import type { CellValue, Level, Problem, RecordKind, Scheme, SheetGrid } from "../vocab/types";

/** A row the reader could not use, by column, as typed: the next layout writes it back for a person to fix. */
export type UnreadRow = Partial<Record<HistoryColumn, CellValue>>;

export interface HistoryRead {
  entries: HistoryEntry[];
  problems: Problem[];
  /** Rows that could not be read (each has a problem), kept so that rewriting the sheet loses nothing. */
  unread: UnreadRow[];
}

/** Header rows are looked for in the first rows only: the sheet we write has it in row 1. */
const HEADER_SEARCH_ROWS = 10;

/** Zero-based sheet row of the header and each known column's sheet column; undefined when the sheet is not a history. */
export function findHistoryHeader(grid: SheetGrid): { row: number; cols: Partial<Record<HistoryColumn, number>> } | undefined {
  const cells = new SheetCells(grid);
  for (let r = cells.top; r <= Math.min(cells.bottom, cells.top + HEADER_SEARCH_ROWS - 1); r++) {
    const cols: Partial<Record<HistoryColumn, number>> = {};
    for (let c = cells.left; c <= cells.right; c++) {
      const v = cells.at(r, c);
      const column = typeof v === "string" ? columnOfHeader(v) : undefined;
      if (column && cols[column] === undefined) cols[column] = c;
    }
    if (cols.period !== undefined && (cols.status !== undefined || cols.level !== undefined) && (cols.ref !== undefined || cols.name !== undefined)) return { row: r, cols };
  }
  return undefined;
}

const KIND_WORDS: Record<string, RecordKind> = {
  indicator: "indicator",
  indicators: "indicator",
  pi: "indicator",
  kpi: "indicator",
  measure: "indicator",
  activity: "activity",
  activities: "activity",
  action: "activity",
  project: "activity",
  milestone: "activity",
};

function figure(v: CellValue): number | string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  if (v instanceof Date) return isoFromDate(v) ?? "";
  return cellText(v).trim();
}

function date(v: CellValue): string {
  if (v instanceof Date) return isoFromDate(v) ?? "";
  if (typeof v === "number" && v > 0 && v <= MAX_EXCEL_SERIAL) return excelSerialToIso(v);
  return typeof v === "string" ? (parseDateText(v) ?? "") : "";
}

function yes(v: CellValue): boolean {
  if (v === true) return true;
  return typeof v === "string" && /^(yes|y|true|hidden)$/i.test(v.trim());
}

/** The level a status of the scheme has, by key, label or alias (case-insensitive). */
function schemeLevel(scheme: Scheme | undefined, kind: RecordKind, status: string): { key: string; level: Level } | undefined {
  if (!scheme || !status) return undefined;
  const t = status.trim().toLowerCase();
  const found = (kind === "indicator" ? scheme.indicator : scheme.activity).find((s) => s.key === t || s.label.toLowerCase() === t || s.aliases.some((a) => a.toLowerCase() === t));
  return found && { key: found.key, level: found.level };
}

/** A cell a person typed, to write back as it was: numbers and true/false as they are (a date's serial keeps its cell's date format), the rest as text. */
function asTyped(v: CellValue): string | number | boolean {
  return typeof v === "number" || typeof v === "boolean" ? v : cellText(v);
}

/** One row as an entry, or the column and reason it cannot be used. `one` gives repeated texts one string. */
function readRow(at: (c: HistoryColumn) => CellValue, scheme: Scheme | undefined, one: (text: string) => string): { entry: HistoryEntry } | { column: HistoryColumn; message: string } {
  const text = (c: HistoryColumn): string => cellText(at(c)).trim();
  const period = readHistoryPeriod(text("period"));
  if (typeof period === "string") return { column: "period", message: text("period") ? `History: ${period}` : "History: the period is blank" };
  const kindText = text("kind").toLowerCase();
  const kind: RecordKind | undefined = kindText ? KIND_WORDS[kindText] : "indicator";
  if (!kind) return { column: "kind", message: `History: kind "${text("kind")}" is neither indicator nor activity` };
  const ref = text("ref");
  const name = text("name");
  const key = recordKey({ kind, ref, name });
  if (!key) return { column: "ref", message: "History: the row has neither a ref nor a name" };
  const typedStatus = text("status");
  const known = schemeLevel(scheme, kind, typedStatus);
  const levelText = text("level").toLowerCase();
  const level = levelText ? LEVELS.find((l) => l === levelText) : known?.level;
  if (!level) {
    if (levelText) return { column: "level", message: `History: level "${text("level")}" is not one of ${LEVELS.join(", ")}` };
    return { column: "level", message: typedStatus ? `History: status "${typedStatus}" is not one of the scheme's and the level is blank` : "History: the status and level are blank" };
  }
  const entry: HistoryEntry = {
    period: one(period.text),
    periodOrder: period.order,
    kind,
    key: one(key),
    ref,
    name,
    sheet: text("sheet"),
    status: known?.key ?? (typedStatus || level),
    level,
    source: /^officer/i.test(text("source")) ? "officer" : "rules",
    actual: figure(at("actual")),
    target: figure(at("target")),
    recordedOn: one(date(at("recordedOn"))),
  };
  const unit = text("unit");
  if (unit) entry.unit = unit;
  if (yes(at("hidden"))) entry.hidden = true;
  // A period that cannot be read, or is not earlier than the row's, is no earlier period's: the row's own figures.
  const figuresFor = text("figuresFor") ? readHistoryPeriod(text("figuresFor")) : undefined;
  if (figuresFor && typeof figuresFor !== "string" && figuresFor.order < period.order) entry.figuresFor = { text: one(figuresFor.text), order: figuresFor.order };
  else if (figuresFor) entry.figuresForTyped = asTyped(at("figuresFor")); // a person's words, kept (helper-127: they were wiped)
  return { entry };
}

/**
 * The entries of a history sheet. With `scheme`, a status typed as a label or alias ("Off target",
 * "Red") is read as its key, and a blank level is the status's own.
 */
export function readHistory(grid: SheetGrid, scheme?: Scheme): HistoryRead {
  const out: HistoryRead = { entries: [], problems: [], unread: [] };
  const cells = new SheetCells(grid);
  if (cells.bottom < cells.top) return out;
  const header = findHistoryHeader(grid);
  if (!header) {
    const wanted = HISTORY_COLUMNS.filter((c) => ["period", "status", "ref"].includes(c.column)).map((c) => c.header);
    out.problems.push({
      sheet: grid.name,
      cell: "",
      severity: "warning",
      message: `No history was read: no row has the headers ${wanted.join(", ")} (the next build writes the sheet afresh).`,
    });
    return out;
  }
  const { cols } = header;
  // One string for each key, period and date the rows repeat (a record's key is in every period's row):
  // at 100,000 records a copy per row was tens of MB a period.
  const seen = new Map<string, string>();
  const one = (text: string): string => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    seen.set(text, text);
    return text;
  };
  for (let r = header.row + 1; r <= cells.bottom; r++) {
    const at = (c: HistoryColumn): CellValue => (cols[c] === undefined ? null : cells.at(r, cols[c] as number));
    if (Object.values(cols).every((c) => isBlank(cells.at(r, c as number)))) continue;
    const read = readRow(at, scheme, one);
    if ("entry" in read) {
      out.entries.push(read.entry);
      continue;
    }
    out.problems.push({
      sheet: grid.name,
      // A missing column's problem is told at its neighbour's cell (name for ref, status for level).
      cell: toA1(r, cols[read.column] ?? cols[read.column === "ref" ? "name" : "status"] ?? cols.period!),
      severity: "error",
      message: `${read.message}: the row is not used (fix it, or delete the row).`,
    });
    const row: UnreadRow = {};
    for (const spec of HISTORY_COLUMNS) if (cols[spec.column] !== undefined) row[spec.column] = at(spec.column);
    out.unread.push(row);
  }
  return out;
}

/** The history's headers in row 1, as we write them: the only layout the file host's window reads. */
function laidOutAsWritten(header: readonly CellValue[] | undefined): boolean {
  return !!header && HISTORY_COLUMNS.every((c, i) => typeof header[i] === "string" && (header[i] as string).trim() === c.header);
}

const NO_SCHEME_TEXTS = (text: string): string => text;

/**
 * The period order of a history row (columns as we write them) that readHistory would read as an entry
 * without a scheme; undefined for any other row. The file host's window passes over rows only of this
 * kind: a row readHistory would report and move to the foot is read with the rest (the sheet whole).
 */
export function usableHistoryRowOrder(row: readonly CellValue[] | undefined, header: readonly CellValue[] | undefined): number | undefined {
  // A cell right of our columns (a column a person added, a stray) is dropped, with a warning for a stray,
  // when the sheet is written whole: read it whole.
  if (!row || row.length > HISTORY_COLUMNS.length || !laidOutAsWritten(header)) return undefined;
  const read = readRow((c) => row[COLUMN_INDEX[c]] ?? null, undefined, NO_SCHEME_TEXTS);
  return "entry" in read ? read.entry.periodOrder : undefined;
}

const COLUMN_INDEX = Object.fromEntries(HISTORY_COLUMNS.map((c, i) => [c.column, i])) as Record<HistoryColumn, number>;
