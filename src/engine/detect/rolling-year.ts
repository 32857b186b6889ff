// Undated quarters or months laid out over a year end: "Q4 | Q1 | Q2 | Q3" (the last four quarters),
// "Jan … Dec" (a calendar year), "Q1 … Q4 | Q1" (next year's first quarter added). Which year each column
// is of is not written, so it is worked out from the report's quarter: the rightmost run of columns that
// reaches into the report's quarter is the report's year, the runs before it the years before.
import { financialYear, periodPosition, undatedRuns, yearStart } from "./headers";
import type { ColumnMapping } from "../vocab/types";

/** The report's period as far as planning columns needs it: its first year and its quarter. */
export interface ReportPoint {
  startYear?: number;
  quarter?: number;
}

/**
 * Whether some role's undated quarters or months fall back, each fall one step forward in time (Q4 to
 * Q1, March to April, or a quarter's months apart): a year rolls over there. Latest-first layouts ("Q3 |
 * Q2 | Q1") fall back too, but step back in time, and are not read so.
 */
export function rollsOver(columns: readonly ColumnMapping[]): boolean {
  let rolls = false;
  for (const role of new Set(columns.map((c) => c.role))) {
    const runs = undatedRuns(columns, role);
    for (let i = 1; i < runs.length; i++) {
      const from = periodPosition(runs[i - 1][runs[i - 1].length - 1].period) ?? 0;
      const to = periodPosition(runs[i][0].period) ?? 0;
      const step = (to - from + 12) % 12;
      if (step < 1 || step > 3) return false;
      rolls = true;
    }
  }
  return rolls;
}

export interface RollingYears {
  yearOf(c: ColumnMapping): number | undefined;
  /** A column of a period after the report's: next year's, or this year's after the report's quarter. */
  afterReport(c: ColumnMapping): boolean;
  /** The column with its worked-out year written into its period where that is not the report's, so labels and charts place it. */
  dated(c: ColumnMapping): ColumnMapping;
}

/** The years of a rolling layout's undated columns (rollsOver), once the report's quarter is known; undefined for other layouts. */
export function rollingYears(columns: readonly ColumnMapping[], inherited: number | undefined, report: ReportPoint | undefined): RollingYears | undefined {
  if (report?.quarter === undefined || !rollsOver(columns)) return undefined;
  const reportPos = report.quarter * 3;
  const base = inherited ?? report.startYear;
  // A notional year where nothing names one: only the order of the years matters then.
  const year = base ?? 0;
  const position = (c: ColumnMapping) => periodPosition(c.period) ?? 0;
  const inReportQuarter = (c: ColumnMapping) => position(c) > reportPos - 3 && position(c) <= reportPos;
  const years = new Map<ColumnMapping, number>();
  for (const role of new Set(columns.map((c) => c.role))) {
    const runs = undatedRuns(columns, role);
    let anchor = -1;
    runs.forEach((run, i) => {
      if (run.some(inReportQuarter)) anchor = i;
    });
    runs.forEach((run, i) => {
      for (const c of run) {
        // With no column of the report's quarter, those after it in the year are last year's.
        years.set(c, anchor >= 0 ? year - (anchor - i) : position(c) > reportPos ? year - 1 : year);
      }
    });
  }
  const yearOf = (c: ColumnMapping) => yearStart(c.period?.year) ?? years.get(c) ?? inherited;
  return {
    yearOf,
    afterReport: (c) => {
      const y = years.get(c);
      return y !== undefined && (y > year || (y === year && position(c) > reportPos));
    },
    dated: (c) => {
      const y = years.get(c);
      if (y === undefined || y === year || base === undefined || !c.period) return c;
      return { ...c, period: { ...c.period, year: financialYear(y) } };
    },
  };
}
