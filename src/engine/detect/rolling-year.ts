// Undated quarters or months laid out over a year end: "Q4 | Q1 | Q2 | Q3" (the last four quarters),
// "Jan … Dec" (a calendar year), "Q1 … Q4 | Q1" (next year's first quarter added). Which year each column
// is of is not written. Left to right they follow each other in time, so one column's year gives every
// other's: the latest figure's, from the table's own year where its title or headers name one, else as
// the period nearest the report's (a figure for the quarter after it, or one before it).
import { financialYear, periodPosition, undatedSeries } from "./headers";
import type { ColumnMapping } from "../vocab/types";
import { periodEnd, type ReportingPeriod } from "../read/periods";
import { daysInMonth } from "../read/dates";

/** The report's period as far as dating columns needs it: its first year and its quarter. */
type ReportPoint = Pick<ReportingPeriod, "startYear" | "quarter">;

const position = (c: ColumnMapping): number => periodPosition(c.period) ?? 0;

/**
 * Whether some series of undated quarters or months falls back, each fall one step forward in time (Q4
 * to Q1, March to April, or a quarter's months apart): a year rolls over there. Latest-first layouts
 * ("Q3 | Q2 | Q1") fall back too, but step back in time, and are not read so.
 */
export function rollsOver(columns: readonly ColumnMapping[]): boolean {
  let rolls = false;
  for (const runs of undatedSeries(columns)) {
    for (let i = 1; i < runs.length; i++) {
      const step = (position(runs[i][0]) - position(runs[i - 1][runs[i - 1].length - 1]) + 12) % 12;
      if (step < 1 || step > 3) return false;
      rolls = true;
    }
  }
  return rolls;
}

/**
 * The financial year each undated quarter or month column of a rolling table is of (rollsOver), once the
 * report's quarter is known; undefined for other tables. `filled`: whether some record has a figure in
 * the column. `base`: the table's own year (its title's, a target's), given to its run with the most
 * figures, where it names one. Without the report's year the years are counted from 0: only their order
 * is known.
 */
export function rollingYears(columns: readonly ColumnMapping[], report: ReportPoint, filled: (c: ColumnMapping) => boolean, base?: number, today?: string): Map<ColumnMapping, number> | undefined {
  if (report.quarter === undefined || !rollsOver(columns)) return undefined;
  const series = undatedSeries(columns);
  const actual = series.filter((runs) => runs[0][0].role === "actual");
  // The series the years are read from: the actuals' longest, else any.
  const main = (actual.length ? actual : series).reduce((a, b) => (b.flat().length > a.flat().length ? b : a));
  const sequence = main.flat();
  const latest = [...sequence].reverse().find(filled) ?? sequence[sequence.length - 1];
  const runOf = (runs: ColumnMapping[][], c: ColumnMapping) => runs.findIndex((run) => run.includes(c));
  const reportYear = report.startYear ?? 0;
  const end = report.quarter * 3;
  let yearOfRun: (i: number) => number;
  if (base !== undefined && report.startYear !== undefined) {
    // The table's own year is its run with the most figures' (period-infer.ts runYears).
    const mainRun = mostFilledRun(main, filled);
    const year = mainRunYear(base, main[mainRun].filter(filled).pop(), today);
    yearOfRun = (i) => year + i - mainRun;
  } else {
    // The latest figure's year: the nearer of a figure months ahead of the report's period or months
    // behind it (ties: behind, a report moved on before the tracker did), for a period ended by today.
    const ahead = (position(latest) - end + 12) % 12;
    const behind = (end - position(latest) + 12) % 12;
    const aheadYear = position(latest) >= end ? reportYear : reportYear + 1;
    const behindYear = position(latest) <= end ? reportYear : reportYear - 1;
    const readings = ahead === 0 ? [reportYear, reportYear - 1] : ahead < behind ? [aheadYear, behindYear] : [behindYear, aheadYear];
    readings.push(Math.min(...readings) - 1);
    const ended = (year: number) => today === undefined || report.startYear === undefined || positionEnd(position(latest), year) <= today;
    const at = readings.find(ended) ?? readings[0];
    const latestRun = runOf(main, latest);
    yearOfRun = (i) => at - (latestRun - i);
  }
  const latestAt = yearOfRun(runOf(main, latest));
  const years = new Map<ColumnMapping, number>();
  for (const runs of series) {
    runs.forEach((run, i) => {
      for (const c of run) {
        // A series laid out as the main one is dated run by run; one that does not roll ("Q1 Target … Q4
        // Target") is of the latest figure's year; others by where each column falls in that year.
        if (runs.length === main.length) years.set(c, yearOfRun(i));
        else if (runs.length === 1) years.set(c, latestAt);
        else years.set(c, position(c) > position(latest) ? latestAt - 1 : latestAt);
      }
    });
  }
  return years;
}

/** The run with the most filled columns (the first of those with as many). */
export function mostFilledRun(runs: readonly ColumnMapping[][], filled: (c: ColumnMapping) => boolean): number {
  const counts = runs.map((run) => run.filter(filled).length);
  return counts.indexOf(Math.max(...counts));
}

/**
 * The year of a rolling table's run with the most figures: the table's own (`base`), or earlier where its
 * last figure `last` would then be for a period not ended by `bound` (real figures are not for the future).
 */
export function mainRunYear(base: number, last: ColumnMapping | undefined, bound: string | undefined): number {
  let year = base;
  while (last && bound !== undefined && year > base - 3 && positionEnd(position(last), year) > bound) year--;
  return year;
}

/** The last day (ISO) of the month at `position` (1 April … 12 March) of financial year `year`. */
export function positionEnd(position: number, year: number): string {
  const month = ((position + 2) % 12) + 1;
  const calendarYear = position <= 9 ? year : year + 1;
  return `${calendarYear}-${String(month).padStart(2, "0")}-${String(daysInMonth(calendarYear, month)).padStart(2, "0")}`;
}

/** The last day a figure can be for: today, or the end of the period a report or title names where that is later. */
export function latestDay(today: string | undefined, period: ReportingPeriod | undefined): string | undefined {
  const end = periodEnd(period);
  return today === undefined || end === undefined ? today : today > end ? today : end;
}

/** A column of a period after the report's (rollingYears). */
export function afterReport(year: number, c: ColumnMapping, report: ReportPoint): boolean {
  const reportYear = report.startYear ?? 0;
  return year > reportYear || (year === reportYear && position(c) > (report.quarter ?? 4) * 3);
}

/** The column with the year rollingYears gave it written into its period, so labels and charts place it. */
export function datedColumn(c: ColumnMapping): ColumnMapping {
  if (c.rollingYear === undefined || !c.period || c.rollingYear < 1900) return c;
  return { ...c, period: { ...c.period, year: financialYear(c.rollingYear) } };
}
