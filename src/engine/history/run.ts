// The history's part in a run (src/engine/scorecard.ts): find the sheet, read it, view it with this
// run's statuses, and plan it rewritten with this run's period replaced.
import { sameSheetName } from "../sheets/ownership";
import { layoutHistorySheet } from "./layout";
import { historyPeriod } from "./period";
import { findHistoryHeader, readHistory } from "./read";
import { HISTORY_SHEET } from "./types";
import { historyFor, type HistoryView } from "./view";
import type { RatedRecord } from "../rate/workbook";
import type { ReportingPeriod } from "../read/periods";
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

export function runHistory(
  grid: SheetGrid | undefined,
  scheme: Scheme,
  period: ReportingPeriod | undefined,
  rated: RatedRecord[],
  today: string,
): { view: HistoryView; plan?: SheetPlan } {
  const read = grid ? readHistory(grid, scheme) : { entries: [], problems: [], unread: [] };
  const at = historyPeriod(period);
  const view = historyFor({
    sheet: grid?.name,
    entries: read.entries,
    problems: read.problems,
    period: at,
    rated,
    today,
    scheme,
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
  return {
    view,
    plan: layoutHistorySheet(read.entries, rated, at, today, {
      unread: read.unread,
    }),
  };
}
