// Cells of our columns holding what we never write there: figures, dates and column headings. Our Status
// (auto) column is reused from run to run, but a table can grow over rows it did not have (a header
// below typed over, so the table under it joins this one), and there our column may hold that table's
// cells: its "Q1 Actual" heading, its figures. Apply colours neither writes nor colours those.
//
// Only what cannot be ours counts: a status of ours (a symbol of a preset or of this scheme, or one of
// its labels, so one written before the rules sheet edited it), a check (free text) and a rating the
// officer typed over one of ours ("Green") are ours to write again, as they always were. Where the host
// keeps a record of the cells it wrote (the add-in does: SheetMemory.values), text in our status column
// that is neither in that record nor shaped like ours is the officer's too: a rating or a note of the
// table grown over. Without a record (the command line on a file the add-in never coloured) such text
// is still written over.
import { classifyHeader, isOurHeading, looksLikeOurs } from "../detect/headers";
import { cellValue, isBlank } from "../read/cells";
import { readValue } from "../read/values";
import { matchRating } from "../scheme/schemes";
import { PRESETS } from "../scheme/presets";
import { entryOfSheet } from "../sheets/ownership";
import type { CellRange, CellValue, Scheme, SheetGrid, TableSpec } from "../vocab/types";

/** A scheme's status symbols and labels, both kinds (a rules sheet may have edited them), worked out once per scheme. */
const wordsOf = new WeakMap<Scheme, { symbols: Set<string>; labels: Set<string> }>();
function schemeWords(scheme: Scheme): { symbols: Set<string>; labels: Set<string> } {
  let words = wordsOf.get(scheme);
  if (!words) {
    const statuses = [...scheme.indicator, ...scheme.activity];
    wordsOf.set(scheme, (words = { symbols: new Set(statuses.map((s) => s.symbol).filter((s) => s.trim() !== "")), labels: new Set(statuses.map((s) => s.label)) }));
  }
  return words;
}

/** Every preset's status labels: what a status of ours may say under any scheme. */
const PRESET_LABELS = new Set(Object.values(PRESETS).flatMap((s) => [...s.indicator, ...s.activity].map((x) => x.label)));

/** A status's text without " (officer)": "✓ On target" of "✓ On target (officer)". */
const withoutOfficer = (text: string): string => text.trim().replace(/ \(officer\)$/, "");

/** The label after a status's mark ("On target" of "G On target"); undefined when there is no mark. */
function labelAfterMark(rest: string): string | undefined {
  const space = rest.indexOf(" ");
  return space > 0 ? rest.slice(space + 1) : undefined;
}

/** A status as we write it: our shape with this scheme's symbols, or a label of it, after a mark ("G On target") or not. */
function isOurStatusText(text: string, scheme: Scheme): boolean {
  const { symbols, labels } = schemeWords(scheme);
  if (looksLikeOurs(text, symbols)) return true;
  const rest = withoutOfficer(text);
  const label = labelAfterMark(rest);
  return labels.has(rest) || (label !== undefined && labels.has(label));
}

/**
 * Text in the shape of something we write in our columns: a status (a mark, a space and a label of this
 * scheme or a preset, "(officer)" after it or not), a check ("manual Green, rules say …") or our
 * heading. A bare label ("Completed") is not: we always write a symbol before it. Without a scheme,
 * the presets' symbols and labels.
 */
export function isOurWrite(text: string, scheme?: Scheme): boolean {
  const t = text.trim();
  if (isOurHeading(t) || t.startsWith("manual ")) return true;
  const words = scheme ? schemeWords(scheme) : undefined;
  if (looksLikeOurs(t, words?.symbols)) return true;
  const label = labelAfterMark(withoutOfficer(t));
  return label !== undefined && (PRESET_LABELS.has(label) || (words?.labels.has(label) ?? false));
}

/** A status we could have written, or a rating typed over one of ours ("Green"). */
function isOurStatus(text: string, scheme: Scheme): boolean {
  const rest = withoutOfficer(text);
  return isOurStatusText(text, scheme) || matchRating(scheme, "indicator", rest) !== undefined || matchRating(scheme, "activity", rest) !== undefined;
}

/** A value Apply colours never writes in its status column. */
function cannotBeOurs(v: CellValue, scheme: Scheme): boolean {
  if (isBlank(v)) return false;
  if (typeof v !== "string") return true; // figures, dates, booleans, errors
  if (isOurStatus(v, scheme)) return false;
  // A figure or date, in any form ("88%", "31/12/2023", "≥ 95%", "< 5 days"), or a column heading.
  if (/\d/.test(v)) return true;
  const reading = readValue(v).kind;
  return reading === "number" || reading === "date" || classifyHeader(v.trim()).role !== "ignore";
}

const FIGURE = /^[-+(]?\s*[£$€]?\s*(\d[\d,]*(\.\d+)?|\.\d+)\s*%?\)?$/;
const DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$|^\d{4}-\d{1,2}-\d{1,2}$/;

/**
 * A figure or date, wherever it is found in a cell of ours, even one we wrote before: we only ever write
 * statuses, checks and headings there. Excel keeps what a person types into our text-formatted cells as
 * text ("42"), so text that is wholly a figure or a date counts too; a check that quotes figures does not.
 */
export function isOfficersFigure(v: CellValue): boolean {
  if (isBlank(v)) return false;
  if (typeof v !== "string") return true;
  const t = v.trim();
  return FIGURE.test(t) || DATE.test(t);
}

/**
 * Which cells of a host's record of ours (`recorded`) hold an officer's value now, given what each holds:
 * such a cell is never cleared as ours. In a column where a recorded cell still holds our heading the
 * column is ours, and only a figure or a date there is the officer's (a status of ours may be under a
 * symbol and label the rules sheet has changed since). Elsewhere the column moved under the record
 * (columns inserted with live colours off), and anything not in the shape of ours is the officer's.
 * Without a scheme, the presets' symbols and labels.
 */
export function officersAmong(recorded: readonly CellRange[], valueAt: (row: number, col: number) => CellValue, scheme?: Scheme): (row: number, col: number) => boolean {
  const ourColumns = headedColumns(recorded, valueAt);
  const stale = officersStale(valueAt, scheme);
  return (row, col) => (ourColumns.has(col) ? isOfficersFigure(valueAt(row, col)) : stale(row, col));
}

/** The columns of a record of ours where a recorded cell still holds our heading. */
export function headedColumns(recorded: readonly CellRange[], valueAt: (row: number, col: number) => CellValue): Set<number> {
  const out = new Set<number>();
  for (const r of recorded) {
    for (let col = r.left; col <= r.right; col++) {
      for (let row = r.top; row <= r.bottom && !out.has(col); row++) {
        const v = valueAt(row, col);
        if (typeof v === "string" && isOurHeading(v)) out.add(col);
      }
    }
  }
  return out;
}

/**
 * Whether a recorded cell that no run writes any more (below a table that got shorter) holds an
 * officer's value: anything there not in the shape of ours was typed since, whatever the column.
 */
export function officersStale(valueAt: (row: number, col: number) => CellValue, scheme?: Scheme): (row: number, col: number) => boolean {
  return (row, col) => {
    const v = valueAt(row, col);
    return !isBlank(v) && (typeof v !== "string" || !isOurWrite(v, scheme));
  };
}

/**
 * True when the columns of ours a record names still hold our cells: each holds our heading, or nothing
 * but blanks and text in the shape of ours (a check column emptied). A column holding anything else has
 * an officer's cells under the record now (columns inserted or deleted before ours with live colours off,
 * as Excel moves the cells but not the record), and formats must not be put back by its positions.
 */
export function recordInPlace(recorded: readonly CellRange[], valueAt: (row: number, col: number) => CellValue, scheme?: Scheme): boolean {
  const headed = headedColumns(recorded, valueAt);
  const foreign = officersStale(valueAt, scheme);
  return recorded.every((r) => {
    for (let col = r.left; col <= r.right; col++) {
      if (headed.has(col)) continue;
      for (let row = r.top; row <= r.bottom; row++) if (foreign(row, col)) return false;
    }
    return true;
  });
}

/** The cells of ours (`col` and, when `width` is 2, the check column beside it) holding what we never write, by "row,col". */
export type ForeignCells = ReadonlyMap<string, { row: number; col: number }>;

/** Cells a host wrote on a sheet in earlier runs (the add-in's record); CellSet has this shape. */
export interface CellsWritten {
  has(row: number, col: number): boolean;
}

/** The record of a sheet, by name as Excel compares names. */
export function writtenOn(written: Record<string, CellsWritten> | undefined, sheet: string): CellsWritten | undefined {
  return written && entryOfSheet(written, sheet);
}

/** Text we did not write there (by the record) and could not have written (by its shape). */
function notWrittenByUs(v: CellValue, row: number, col: number, written: CellsWritten, scheme: Scheme): boolean {
  return typeof v === "string" && v.trim() !== "" && !written.has(row, col) && !isOurWrite(v, scheme);
}

export function foreignCells(grid: SheetGrid, table: TableSpec, col: number, width: number, scheme: Scheme, record?: CellsWritten): ForeignCells {
  const headerRow = table.headerRow + table.headerHeight - 1;
  // The record speaks for this column only where it lists our heading there: a record from before the
  // column moved (columns inserted with live colours off) would make every status of ours look foreign.
  const written = record?.has(headerRow, col) ? record : undefined;
  let found: Map<string, { row: number; col: number }> | undefined;
  const add = (row: number, c: number): void => void (found ??= new Map()).set(`${row},${c}`, { row, col: c });
  for (let row = headerRow; row <= table.lastRow; row++) {
    const status = cellValue(grid, row, col);
    if (cannotBeOurs(status, scheme) || (written && notWrittenByUs(status, row, col, written, scheme))) add(row, col);
    if (width < 2) continue;
    // A check is free text ("manual Green, rules say Off target — Q2 Actual 80 against target 50"):
    // only a figure or a date can be the officer's.
    const check = cellValue(grid, row, col + 1);
    if (isOfficersFigure(check) || (written && notWrittenByUs(check, row, col + 1, written, scheme))) add(row, col + 1);
  }
  return found ?? NONE;
}

const NONE: ForeignCells = new Map();
