// The history sheet written in place (issue 14): the engine plans the whole sheet, sorted by period, so
// after a first run each run changes only its own period's rows, at the foot. Rewriting the whole sheet
// would cost a request per ~4 MB of history, growing every quarter; writing from the first row that
// differs from the sheet as read keeps the write to about one period, so the sync budgets hold.
import type { PlanValue, SheetPlan } from "../engine/vocab/plan";
import type { CellValue, SheetGrid } from "../engine/vocab/types";

function sameCell(a: PlanValue | undefined, b: CellValue | undefined): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b;
}

function sameRow(plan: PlanValue[], read: CellValue[] | undefined, width: number): boolean {
  for (let c = 0; c < width; c++) if (!sameCell(plan[c], read?.[c])) return false;
  return true;
}

/**
 * The history plan cut to what differs from `grid` (the sheet as read this run, values only): rows
 * from the first that differs, and blanks over rows the sheet no longer needs; formats clipped to
 * those rows; sheet-wide settings left as the first run set them. Undefined when the sheet is not
 * laid out as the plan (another header, not at A1): then the sheet is replaced whole.
 */
export function historyInPlace(plan: SheetPlan, grid: SheetGrid | undefined): SheetPlan | undefined {
  const block = plan.blocks[0];
  if (!grid || plan.blocks.length !== 1 || !block || block.col !== 0) return undefined;
  if ((grid.origin?.row ?? 0) !== 0 || (grid.origin?.col ?? 0) !== 0) return undefined;
  // A plan from row 1 holds the header; one further down holds the latest periods only (the host read
  // the sheet's window, and the engine checked the header and the order): rows above it stay as they are.
  const at = block.row;
  if (at !== 0 && grid.skippedRows?.bottom !== at - 1) return undefined;
  const rows = block.values;
  const old = grid.values;
  // A loop, not Math.max(...rows): a spread of 100,000 rows overflows the call stack.
  let width = 0;
  for (const r of rows) width = Math.max(width, r.length);
  if (at === 0 && (!rows.length || !sameRow(rows[0], old[0], width))) return undefined;
  let first = at === 0 ? 1 : 0;
  while (first < rows.length && sameRow(rows[first], old[at + first], width)) first++;
  let oldWidth = width;
  for (let r = at; r < old.length; r++) oldWidth = Math.max(oldWidth, old[r]?.length ?? 0);
  const blanks: PlanValue[][] = [];
  for (let r = at + rows.length; r < old.length; r++) blanks.push(new Array<PlanValue>(oldWidth).fill(""));
  const start = Math.min(first, rows.length);
  const values = [...rows.slice(start), ...blanks];
  const from = at + start;
  const styles = plan.styles
    .map((g) => ({ style: g.style, ranges: g.ranges.filter((r) => r.bottom >= from).map((r) => ({ ...r, top: Math.max(r.top, from) })) }))
    .filter((g) => g.ranges.length > 0);
  return {
    sheet: plan.sheet,
    action: plan.action,
    blocks: values.length ? [{ row: from, col: 0, values }] : [],
    styles,
    merges: [],
    columnWidths: [],
    rowHeights: [],
  };
}
