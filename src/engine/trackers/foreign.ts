// Cells of our columns holding what we never write there: figures, dates and column headings. Our Status
// (auto) column is reused from run to run, but a table can grow over rows it did not have (a header
// below typed over, so the table under it joins this one), and there our column may hold that table's
// cells: its "Q1 Actual" heading, its figures. Apply colours neither writes nor colours those.
//
// Only what cannot be ours counts. Text is not guessed at: a status written under a symbol since
// edited, a check, a rating the officer typed over one of ours ("Green") are all ours to write again,
// as they always were. So an officer's rating or note in a grown-over table's column is still written
// over (a test.failing in live.test.ts): telling those apart needs a record of the cells we wrote.
import { classifyHeader, looksLikeOurs } from "../detect/headers";
import { readValue } from "../read/values";
import { matchRating, statusesOf } from "../scheme/schemes";
import type { Scheme, SheetGrid, TableSpec } from "../vocab/types";

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

function valueAt(grid: SheetGrid, row: number, col: number): unknown {
  const o = grid.origin ?? { row: 0, col: 0 };
  return grid.values[row - o.row]?.[col - o.col];
}

/** A status we could have written: our shape, or a label of this scheme after any mark ("G On target"). */
function isOurStatus(text: string, scheme: Scheme, table: TableSpec): boolean {
  if (looksLikeOurs(text)) return true;
  const rest = text.trim().replace(/ \(officer\)$/, "");
  const label = rest.slice(rest.indexOf(" ") + 1);
  return statusesOf(scheme, table.kind).some((s) => s.label === label || s.label === rest) || matchRating(scheme, table.kind, rest) !== undefined;
}

/** A value Apply colours never writes in its status column. */
function cannotBeOurs(v: unknown, scheme: Scheme, table: TableSpec): boolean {
  if (isBlank(v)) return false;
  if (typeof v !== "string") return true; // figures, dates, booleans, errors
  if (isOurStatus(v, scheme, table)) return false;
  const reading = readValue(v).kind;
  return reading === "number" || reading === "date" || classifyHeader(v.trim()).role !== "ignore";
}

/** "row,col" of the cells of ours (`col` and, when `width` is 2, the check column beside it) that hold what we never write. */
export function foreignCells(grid: SheetGrid, table: TableSpec, col: number, width: number, scheme: Scheme): ReadonlySet<string> {
  const headerRow = table.headerRow + table.headerHeight - 1;
  let found: Set<string> | undefined;
  for (let row = headerRow; row <= table.lastRow; row++) {
    const status = valueAt(grid, row, col);
    const statusForeign = cannotBeOurs(status, scheme, table);
    if (statusForeign) (found ??= new Set()).add(`${row},${col}`);
    if (width < 2) continue;
    // A check is free text: it is ours beside a status of ours, and only a figure or date is not.
    const check = valueAt(grid, row, col + 1);
    if (isBlank(check) || (!statusForeign && !isBlank(status) && typeof check === "string")) continue;
    if (typeof check !== "string" || cannotBeOurs(check, scheme, table)) (found ??= new Set()).add(`${row},${col + 1}`);
  }
  return found ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();
