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
  if (!grid || plan.blocks.length !== 1 || !block || block.row !== 0 || block.col !== 0) return undefined;
  if ((grid.origin?.row ?? 0) !== 0 || (grid.origin?.col ?? 0) !== 0) return undefined;
  const rows = block.values;
  const old = grid.values;
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!rows.length || !sameRow(rows[0], old[0], width)) return undefined;
  let first = 1;
  while (first < rows.length && sameRow(rows[first], old[first], width)) first++;
  const oldWidth = Math.max(width, ...old.map((r) => r?.length ?? 0));
  const blanks: PlanValue[][] = [];
  for (let r = rows.length; r < old.length; r++) blanks.push(new Array<PlanValue>(oldWidth).fill(""));
  const start = Math.min(first, rows.length);
  const values = [...rows.slice(start), ...blanks];
  const styles = plan.styles
    .map((g) => ({ style: g.style, ranges: g.ranges.filter((r) => r.bottom >= start).map((r) => ({ ...r, top: Math.max(r.top, start) })) }))
    .filter((g) => g.ranges.length > 0);
  return {
    sheet: plan.sheet,
    action: plan.action,
    blocks: values.length ? [{ row: start, col: 0, values }] : [],
    styles,
    merges: [],
    columnWidths: [],
    rowHeights: [],
  };
}
