// The history's part in a run (src/engine/scorecard.ts): find the sheet, read it, view it with this
// run's statuses, and plan it rewritten with this run's period replaced.
import { sameSheetName } from "../sheets/ownership";
import { HISTORY_PERIODS_USED, layoutHistory } from "./layout";
import { ownEntries } from "./entries";
import { HISTORY_COLUMNS } from "./columns";
import { historyPeriod, readHistoryPeriod, type HistoryPeriod } from "./period";
import { cellText } from "../read/cells";
import { findHistoryHeader, readHistory } from "./read";
import { HISTORY_SHEET, type HistoryEntry } from "./types";
import { historyFor, type HistoryView } from "./view";
import type { RatedRecord } from "../rate/workbook";
import type { ReportingPeriod } from "../read/periods";
import type { StaleTable } from "../detect/period-infer";
import type { SheetPlan } from "../vocab/plan";
import type { Scheme, SheetGrid } from "../vocab/types";

/**
 * The grid holding the history: the sheet the host names, else the one called "Scorecard History",
 * else a sheet of ours (by the host's record) whose first rows carry the history's headers: a person
 * may rename it, and it is still the history, never a tracker.
 */
export function findHistoryGrid(grids: SheetGrid[], named: string | undefined, owned: ReadonlySet<string>): SheetGrid | undefined {
  if (named) {
    const found = grids.find((g) => sameSheetName(g.name, named));
    if (found) return found;
  }
  return grids.find((g) => sameSheetName(g.name, HISTORY_SHEET)) ?? grids.find((g) => owned.has(g.name.toLowerCase()) && findHistoryHeader(g) !== undefined);
}

export interface HistoryRun {
  view: HistoryView;
  plan?: SheetPlan;
  /** Where the next read's window starts (the Office.js host keeps it in its read hint). */
  window?: number;
  /**
   * The host read only the latest periods (grid.skippedRows) and they do not suffice: the run needs
   * rows above them, or the sheet is no longer as we wrote it. Nothing is planned: read it whole.
   */
  incomplete?: true;
}

/** The headers in row 1 exactly as we write them: only then may rows be rewritten in place below a window. */
function laidOutAsOurs(grid: SheetGrid): boolean {
  const o = grid.origin ?? { row: 0, col: 0 };
  const header = o.row === 0 && o.col === 0 ? grid.values[0] : undefined;
  return !!header && HISTORY_COLUMNS.every((c, i) => typeof header[i] === "string" && (header[i] as string).trim() === c.header);
}

/** Entries of this run's period and later, and of the latest HISTORY_PERIODS_USED earlier periods: all a pack shows. */
function used(entries: HistoryEntry[], at: HistoryPeriod | undefined): HistoryEntry[] {
  if (!at) return entries;
  const earlier = [...new Set(entries.map((e) => e.periodOrder).filter((o) => o < at.order))].sort((a, b) => b - a);
  if (earlier.length <= HISTORY_PERIODS_USED) return entries;
  const oldest = earlier[HISTORY_PERIODS_USED - 1];
  return entries.filter((e) => e.periodOrder >= oldest);
}

/**
 * The periods of the rows above the window, as the host read them: each a period, never going back,
 * none later than the window's first. Else a person sorted or moved rows, and the window may miss rows
 * of the periods it holds.
 */
function periodsAboveFit(grid: SheetGrid, firstInWindow: number | undefined): boolean {
  const above = grid.skippedRows?.firstColumn;
  if (!above || firstInWindow === undefined) return false;
  let last = -Infinity;
  for (const v of above) {
    const p = readHistoryPeriod(cellText(v).trim());
    if (typeof p === "string" || p.order < last) return false;
    last = p.order;
  }
  return last <= firstInWindow;
}

/** `stale`: tables of an earlier period than the report's, whose figures are recorded as that period's. */
export function runHistory(grid: SheetGrid | undefined, scheme: Scheme, period: ReportingPeriod | undefined, rated: RatedRecord[], today: string, stale?: readonly StaleTable[]): HistoryRun {
  const read = grid ? readHistory(grid, scheme) : { entries: [], problems: [], unread: [] };
  const at = historyPeriod(period);
  const windowed = grid?.skippedRows !== undefined;
  if (windowed) {
    // Enough only when the rows read are as we wrote them (in period order under our header) and hold
    // more earlier periods than a pack uses: the earliest read may be cut by the window's top.
    const inOrder = read.entries.every((e, i) => i === 0 || read.entries[i - 1].periodOrder <= e.periodOrder) && periodsAboveFit(grid, read.entries[0]?.periodOrder);
    const earlier = new Set(read.entries.filter((e) => !at || e.periodOrder < at.order).map((e) => e.periodOrder)).size;
    if (!at || !inOrder || !laidOutAsOurs(grid) || earlier <= HISTORY_PERIODS_USED) return { view: historyFor({ sheet: grid.name, entries: [], rated, today, scheme }), incomplete: true };
  }
  const own = at ? ownEntries(rated, at, today, stale) : undefined;
  const view = historyFor({
    sheet: grid?.name,
    entries: used(read.entries, at),
    problems: read.problems,
    period: at,
    rated,
    today,
    scheme,
    own,
  });
  if (!at) {
    if (rated.length === 0) return { view };
    view.problems.push({
      sheet: grid?.name ?? HISTORY_SHEET,
      cell: "",
      severity: "warning",
      message: period
        ? `The period ${period.label} names no year, so this run's statuses are not recorded in the history: set the period (as Q3 2010/11) to record them.`
        : "No period is known, so this run's statuses are not recorded in the history: set the period (as Q3 2010/11) to record them.",
    });
    // Nothing to record: the sheet, if any, is left as it is.
    return { view };
  }
  if (rated.length === 0 && !grid) return { view };
  const firstRow = windowed ? (grid.skippedRows as { bottom: number }).bottom + 1 : undefined;
  const laid = layoutHistory(read.entries, rated, at, today, { unread: read.unread, firstRow, own });
  return { view, plan: laid.plan, ...(laid.window !== undefined ? { window: laid.window } : {}) };
}
