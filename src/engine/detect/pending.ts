// Periods laid out but not reported yet: the quarters a tracker has columns for and no figure or rating in
// (unfilledColumns, markPending), then, once the report's period is known, only those after it left out
// (settlePending), with a rolling year's quarters dated (datePeriods).
import { SheetCells, isBlank, isError } from "../read/cells";
import { actualKind, periodPosition, undatedRunsFall, undatedSeries, yearStart } from "./headers";
import type { CellValue, ColumnMapping, Role, TableSpec } from "../vocab/types";
import type { ReportingPeriod } from "../read/periods";
import { afterReport, latestDay, rollingYears, rollsOver } from "./rolling-year";
import { classifyBodyRow, tableShape } from "./body-rows";

/** Roles whose dated columns are filled period by period: the figures, and officers' ratings. */
const REPORTED_ROLES: readonly Role[] = ["actual", "manual"];

/** A dated column of REPORTED_ROLES: filling or emptying it may change which quarters are reported (unfilledChanged). */
export function isReportedColumn(c: ColumnMapping): boolean {
  return c.period !== undefined && REPORTED_ROLES.includes(c.role);
}

/** A dated column's place in time: its year where it names one (else before any year), then its quarter or month. */
const whenOf = (c: ColumnMapping): number => (yearStart(c.period?.year) ?? -1) * 100 + (periodPosition(c.period) ?? 13);

/**
 * whenOf, but where a role's undated quarters or months fall back ("Jan … Dec", "Q4 | Q1 | Q2 | Q3") they
 * follow each other left to right: with January to March filled, April to December are not reported yet.
 */
function whenIn(columns: readonly ColumnMapping[]): (c: ColumnMapping) => number {
  if (!rollsOver(columns)) return whenOf;
  const order = new Map<ColumnMapping, number>();
  for (const runs of undatedSeries(columns)) runs.forEach((run, i) => run.forEach((c) => order.set(c, -100 + i * 13 + (periodPosition(c.period) ?? 0))));
  return (c) => order.get(c) ?? whenOf(c);
}

/** Text standing in for a figure not in yet ("-", "TBC", "n/a"): the period is not reported. */
const PLACEHOLDER = /^(?:[-–—]|tbc|tba|n\/?a)$/i;

/** Whether a cell holds a figure or rating, not a placeholder for one, nor an error (a formula awaiting its inputs: #DIV/0!). */
function reported(v: CellValue): boolean {
  if (isBlank(v)) return false;
  if (typeof v === "string") return !PLACEHOLDER.test(v.trim());
  return !isError(v);
}

/** Which of `cols` some data row of the table fills (reported). */
function filledColumns(cells: SheetCells, spec: TableSpec, cols: ColumnMapping[]): Set<ColumnMapping> {
  const filled = new Set<ColumnMapping>();
  if (cols.length === 0) return filled;
  const shape = tableShape(spec);
  for (let r = spec.firstRow; r <= spec.lastRow && filled.size < cols.length; r++) {
    if (classifyBodyRow(cells, shape, r).kind !== "data") continue;
    for (const c of cols) if (!filled.has(c) && reported(cells.at(r, c.col))) filled.add(c);
  }
  return filled;
}

/**
 * The columns of quarters or months laid out but not reported yet: of each of REPORTED_ROLES, the quarter
 * and month columns no data row fills that come after every one that is filled (a tracker laid out for the
 * whole year has Q4's columns empty in Q3). A year's own figure (an outturn, "2010/11 Actual") is never
 * one: empty, it is still the year's (RULES §4). Their sheet columns, in order.
 */
export function unfilledColumns(cells: SheetCells, spec: TableSpec): number[] {
  const inYear = (c: ColumnMapping) => (periodPosition(c.period) ?? 13) <= 12;
  const groups = REPORTED_ROLES.map((role) => spec.columns.filter((c) => c.role === role && isReportedColumn(c) && inYear(c))).filter((g) => g.length >= 2);
  if (groups.length === 0) return [];
  const filled = filledColumns(cells, spec, groups.flat());
  const when = whenIn(spec.columns);
  return groups
    .flatMap((g) => {
      // None filled: nothing is reported yet, and the latest columns are rated (every record has no data).
      const done = g.filter((c) => filled.has(c));
      if (done.length === 0) return [];
      const last = Math.max(...done.map(when));
      return g.filter((c) => !filled.has(c) && when(c) > last);
    })
    .map((c) => c.col)
    .sort((a, b) => a - b);
}

/** Same quarter or month, and the same year where both name one. */
function samePeriodAs(a: ColumnMapping, b: ColumnMapping): boolean {
  const pos = periodPosition(a.period);
  if (pos === undefined || pos > 12 || pos !== periodPosition(b.period)) return false;
  const ya = yearStart(a.period?.year);
  const yb = yearStart(b.period?.year);
  return ya === undefined || yb === undefined || ya === yb;
}

/**
 * Marks the columns of periods not reported yet (ColumnMapping.pending, TableSpec.unfilled): the unfilled
 * columns and the other columns of their quarters or months (targets set for the whole year, commentary),
 * so a Q3 figure is read against Q3's target with Q3's commentary; but not a rating an officer typed for
 * such a quarter (a rating is reported: unfilledColumns counts ratings). The table's period is then
 * inferred from the periods reported; settlePending keeps the marks only on periods after the report's.
 */
export function markPending(cells: SheetCells, spec: TableSpec): void {
  const unfilled = unfilledColumns(cells, spec);
  if (unfilled.length === 0) return;
  spec.unfilled = unfilled;
  const empty = spec.columns.filter((c) => unfilled.includes(c.col));
  const others = spec.columns.filter((c) => c.period && !empty.includes(c) && empty.some((e) => samePeriodAs(c, e)));
  const kept = filledColumns(cells, spec, others.filter((c) => c.role === "manual"));
  spec.columns = spec.columns.map((c) => (empty.includes(c) || (others.includes(c) && !kept.has(c)) ? { ...c, pending: true as const } : c));
}

/**
 * Once the report's period is known: a pending column of that period or an earlier one is rated after all
 * (RULES §4: the column for the reporting period, filled or not), so only later periods stay pending: a Q3
 * report on a tracker laid out to Q4 rates Q3, not Q4's empty columns. A later period's columns that are
 * filled (a template's zeros, figures typed early) are pending too, where the table has a figure for the
 * report's period or before it: with `--period Q3 2010/11`, Q4's zeros were rated red. A table with only
 * later figures keeps them, rated and flagged (laterTables). `tableYears` holds each table's own year
 * where its title or headers name one. In place; idempotent.
 */
export function settlePending(tables: TableSpec[], period: ReportingPeriod | undefined, tableYears?: ReadonlyMap<TableSpec, number>, today?: string): void {
  if (!period || (period.quarter === undefined && period.startYear === undefined)) return;
  const reportYear = period.startYear;
  // A year's report is for the whole year: every quarter of it is the report's.
  const reportPos = period.quarter !== undefined ? period.quarter * 3 : 13;
  const later = (c: ColumnMapping): boolean => {
    const y = yearStart(c.period?.year);
    const pos = periodPosition(c.period) ?? 13;
    if (y !== undefined && reportYear !== undefined && y !== reportYear) return y > reportYear;
    return pos > reportPos;
  };
  for (const t of tables) {
    const tableYear = tableYears?.get(t);
    datePeriods(t, period, tableYear, latestDay(today, period));
    const rolling = (c: ColumnMapping): boolean => c.rollingYear !== undefined && afterReport(c.rollingYear, c, { ...period, startYear: period.startYear ?? tableYear });
    const unsettled = undatedRunsFall(t.columns);
    // A figure after the report's period. "Actual" or "Outturn" names no period, and "2010/11 Actual" is the
    // year's own figure in a Q3 2010/11 report (RULES §4). A quarter with no year of its own is of its
    // table's year: last year's "Q2 Actual" is not after a Q1 2011/12 report (helper-93).
    const laterFigure = (c: ColumnMapping): boolean => {
      const p = c.period;
      if (!p) return false;
      const own = yearStart(p.year);
      if (p.quarter === undefined && p.month === undefined) return own !== undefined && reportYear !== undefined && own > reportYear;
      // A rolling year ("Q4 | Q1 | Q2 | Q3", "Q1 … Q4 | Q1") is dated (datePeriods); in other layouts that
      // fall back, which year an undated quarter is of is not known, so none is called later (helper-95).
      if (own === undefined && c.rollingYear !== undefined) return rolling(c);
      if (own === undefined && unsettled) return false;
      const y = own ?? tableYear;
      if (y !== undefined && reportYear !== undefined && y !== reportYear) return y > reportYear;
      return (periodPosition(p) ?? 13) > reportPos;
    };
    // A baseline or last year's figure is no figure for the report's period. An officer's rating of a quarter
    // counts as one: in a plan rated quarter by quarter, a Q4 rating typed early is not the Q3 report's (helper-111).
    const reported = t.columns.filter(
      (c) => !laterFigure(c) && ((c.role === "actual" && actualKind(c.header) !== "baseline" && actualKind(c.header) !== "earlier") || (c.role === "manual" && c.period !== undefined)),
    );
    // A quarter with no year is later only to the right of one of the report's figures.
    const isLater = (c: ColumnMapping): boolean => laterFigure(c) && (yearStart(c.period?.year) !== undefined || c.rollingYear !== undefined || reported.some((r) => r.period && r.col < c.col));
    const marks = (c: ColumnMapping): boolean => (c.pending ? (c.rollingYear !== undefined ? rolling(c) : later(c)) : reported.length > 0 && isLater(c));
    if (!t.columns.some((c) => (c.pending ?? false) !== marks(c))) continue;
    t.columns = t.columns.map((c) => {
      if ((c.pending ?? false) === marks(c)) return c;
      if (!c.pending) return { ...c, pending: true as const };
      const { pending: _pending, ...rest } = c;
      return rest;
    });
  }
}

/**
 * Gives each undated quarter or month of a rolling year its year (ColumnMapping.rollingYear), from the
 * report's quarter and the latest figure (rolling-year.ts); takes it off where the layout or period no
 * longer makes one. `tableYear`: the year the table's own title or headers give its latest figure.
 */
function datePeriods(t: TableSpec, period: ReportingPeriod, tableYear: number | undefined, today: string | undefined): void {
  const unfilled = new Set(t.unfilled ?? []);
  const bare = t.columns.map((c) => {
    if (c.rollingYear === undefined) return c;
    const { rollingYear: _year, ...rest } = c;
    return rest;
  });
  const years = rollingYears(bare, { ...period, startYear: period.startYear ?? tableYear }, (c) => !unfilled.has(c.col), tableYear, today);
  if (!years && bare.every((c, i) => c === t.columns[i])) return;
  t.columns = bare.map((c) => (years?.has(c) ? { ...c, rollingYear: years.get(c) } : c));
}

/** Whether an edit changed which columns of the table are unfilled (unfilledColumns): its columns are then planned again. */
export function unfilledChanged(cells: SheetCells, spec: TableSpec): boolean {
  return unfilledColumns(cells, spec).join() !== (spec.unfilled ?? []).join();
}
