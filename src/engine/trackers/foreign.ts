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
import type { CellValue, Scheme, SheetGrid, TableSpec } from "../vocab/types";

/** The symbols of a scheme's statuses, both kinds (a rules sheet may have edited them). */
const symbolsOf = new WeakMap<Scheme, Set<string>>();
function schemeSymbols(scheme: Scheme): Set<string> {
  let symbols = symbolsOf.get(scheme);
  if (!symbols) symbolsOf.set(scheme, (symbols = new Set([...scheme.indicator, ...scheme.activity].map((s) => s.symbol).filter((s) => s.trim() !== ""))));
  return symbols;
}

/** Every preset's status labels: what a status of ours may say under any scheme. */
const PRESET_LABELS = new Set(Object.values(PRESETS).flatMap((s) => [...s.indicator, ...s.activity].map((x) => x.label)));

/** A status as we write it: our shape with this scheme's symbols, or a label of it after a mark ("G On target"). */
function isOurStatusText(text: string, scheme: Scheme): boolean {
  if (looksLikeOurs(text, schemeSymbols(scheme))) return true;
  const rest = text.trim().replace(/ \(officer\)$/, "");
  const label = rest.slice(rest.indexOf(" ") + 1);
  return [...scheme.indicator, ...scheme.activity].some((s) => s.label === label || s.label === rest);
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
  if (looksLikeOurs(t, scheme ? schemeSymbols(scheme) : undefined)) return true;
  const rest = t.replace(/ \(officer\)$/, "");
  const space = rest.indexOf(" ");
  if (space <= 0) return false;
  const label = rest.slice(space + 1);
  return PRESET_LABELS.has(label) || (scheme !== undefined && [...scheme.indicator, ...scheme.activity].some((s) => s.label === label));
}

/** A status we could have written, or a rating typed over one of ours ("Green"). */
function isOurStatus(text: string, scheme: Scheme): boolean {
  const rest = text.trim().replace(/ \(officer\)$/, "");
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
  if (v === null || v === undefined || v === "") return false;
  if (typeof v !== "string") return true;
  const t = v.trim();
  return FIGURE.test(t) || DATE.test(t);
}

/**
 * A cell of ours holding what an officer put there: a figure or date, or text not in the shape of
 * anything we write. Such a cell is never cleared as ours, even where a record says we wrote it: the
 * record may be from before columns moved. Without a scheme, the presets' symbols and labels.
 */
export function isOfficersValue(v: CellValue, scheme?: Scheme): boolean {
  if (isBlank(v)) return false;
  return typeof v !== "string" || !isOurWrite(v, scheme);
}

/**
 * A recorded cell of ours holding an officer's value now. `ourColumn`: a recorded cell of its column still
 * holds our heading, so the column is ours, and only a figure or a date there is the officer's (a status
 * of ours may be under a symbol and label the rules sheet has changed since). Otherwise the column moved
 * under the record (columns inserted with live colours off), and anything not in the shape of ours is theirs.
 */
export function isOfficersAt(v: CellValue, ourColumn: boolean, scheme?: Scheme): boolean {
  return ourColumn ? isOfficersFigure(v) : isOfficersValue(v, scheme);
}

/** The columns among recorded cells where one still holds our heading. */
export function columnsHeadedByUs(cells: Iterable<{ col: number; value: CellValue }>): Set<number> {
  const cols = new Set<number>();
  for (const { col, value } of cells) if (typeof value === "string" && isOurHeading(value)) cols.add(col);
  return cols;
}

/** The cells of ours (`col` and, when `width` is 2, the check column beside it) holding what we never write, by "row,col". */
export type ForeignCells = ReadonlyMap<string, { row: number; col: number }>;

/** Cells a host wrote on a sheet in earlier runs (the add-in's record); CellSet has this shape. */
export interface CellsWritten {
  has(row: number, col: number): boolean;
}

/** The record of a sheet, by name as Excel compares names. */
export function writtenOn(written: Record<string, CellsWritten> | undefined, sheet: string): CellsWritten | undefined {
  if (!written) return undefined;
  if (written[sheet]) return written[sheet];
  const folded = sheet.toLowerCase();
  const key = Object.keys(written).find((k) => k.toLowerCase() === folded);
  return key === undefined ? undefined : written[key];
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
