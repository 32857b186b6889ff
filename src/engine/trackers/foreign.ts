// Cells of our columns holding what we never write there: figures, dates and column headings. Our Status
// (auto) column is reused from run to run, but a table can grow over rows it did not have (a header
// below typed over, so the table under it joins this one), and there our column may hold that table's
// cells: its "Q1 Actual" heading, its figures. Apply colours neither writes nor colours those.
//
// Only what cannot be ours counts: a status of ours (a symbol of a preset or of this scheme, or one of
// its labels, so one written before the rules sheet edited it), a check (free text) and a rating the
// officer typed over one of ours ("Green") are ours to write again, as they always were. So an
// officer's rating or note in a grown-over table's column is still written over (a test.failing in
// colour.test.ts): telling those apart needs a record of the cells we wrote.
import { classifyHeader, looksLikeOurs } from "../detect/headers";
import { cellValue, isBlank } from "../read/cells";
import { readValue } from "../read/values";
import { matchRating } from "../scheme/schemes";
import type { CellValue, Scheme, SheetGrid, TableSpec } from "../vocab/types";

/** The symbols of a scheme's statuses, both kinds (a rules sheet may have edited them). */
const symbolsOf = new WeakMap<Scheme, Set<string>>();
function schemeSymbols(scheme: Scheme): Set<string> {
  let symbols = symbolsOf.get(scheme);
  if (!symbols) symbolsOf.set(scheme, (symbols = new Set([...scheme.indicator, ...scheme.activity].map((s) => s.symbol).filter((s) => s.trim() !== ""))));
  return symbols;
}

/** A status we could have written: our shape with this scheme's symbols, or a label of it after a mark ("G On target"). */
function isOurStatus(text: string, scheme: Scheme): boolean {
  if (looksLikeOurs(text, schemeSymbols(scheme))) return true;
  const rest = text.trim().replace(/ \(officer\)$/, "");
  const label = rest.slice(rest.indexOf(" ") + 1);
  const statuses = [...scheme.indicator, ...scheme.activity];
  return statuses.some((s) => s.label === label || s.label === rest) || matchRating(scheme, "indicator", rest) !== undefined || matchRating(scheme, "activity", rest) !== undefined;
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

/** The cells of ours (`col` and, when `width` is 2, the check column beside it) holding what we never write, by "row,col". */
export type ForeignCells = ReadonlyMap<string, { row: number; col: number }>;

export function foreignCells(grid: SheetGrid, table: TableSpec, col: number, width: number, scheme: Scheme): ForeignCells {
  const headerRow = table.headerRow + table.headerHeight - 1;
  let found: Map<string, { row: number; col: number }> | undefined;
  const add = (row: number, c: number): void => void (found ??= new Map()).set(`${row},${c}`, { row, col: c });
  for (let row = headerRow; row <= table.lastRow; row++) {
    if (cannotBeOurs(cellValue(grid, row, col), scheme)) add(row, col);
    if (width < 2) continue;
    // A check is free text ("manual Green, rules say Off target — Q2 Actual 80 against target 50"):
    // only a value that is not text at all can be the officer's.
    const check = cellValue(grid, row, col + 1);
    if (!isBlank(check) && typeof check !== "string") add(row, col + 1);
  }
  return found ?? NONE;
}

const NONE: ForeignCells = new Map();
