// Reporting periods: "Q3 2010/11" → quarter 3 of 2010/11, its elapsed share of the year and its last day.
import { lastDayOfMonth } from "./dates";

export interface ReportingPeriod {
  label: string;
  quarter?: number;
  /** First calendar year of the financial year (2010 for 2010/11). */
  startYear?: number;
}

const QUARTER_MONTHS = ["April to June", "July to September", "October to December", "January to March"];

/** Reads "Q3", "Q3 2010/11", "Quarter 3 2010-11", "2021/22 Q1". Undefined when no quarter or year is named. */
export function parseReportingPeriod(text: string): ReportingPeriod | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const q = /\b(?:q|quarter\s*)([1-4])\b/i.exec(t);
  const y = /\b(20\d\d|19\d\d|\d\d)\s*[/-]\s*(\d{2,4})\b/.exec(t);
  const quarter = q ? Number(q[1]) : undefined;
  let startYear: number | undefined;
  if (y) {
    const first = Number(y[1]);
    startYear = first < 100 ? 2000 + first : first;
  }
  if (quarter === undefined && startYear === undefined) return undefined;
  return { label: t, quarter, startYear };
}

/** Elapsed share of the financial year at the end of the period (Q1 ¼ … Q4 1). */
export function periodFraction(period: ReportingPeriod | undefined): number | undefined {
  return period?.quarter ? period.quarter / 4 : undefined;
}

/** ISO date of the last day of the period (UK financial year: Q1 ends 30 June). */
export function periodEnd(period: ReportingPeriod | undefined): string | undefined {
  if (!period || period.startYear === undefined) return undefined;
  const quarter = period.quarter ?? 4;
  const month = [6, 9, 12, 3][quarter - 1];
  const year = quarter === 4 ? period.startYear + 1 : period.startYear;
  return lastDayOfMonth(year, month);
}

/** "Quarter 3 (October to December) 2010/11", as report titles say it. */
export function describePeriod(period: ReportingPeriod | undefined): string {
  if (!period) return "";
  const year = period.startYear !== undefined ? `${period.startYear}/${String((period.startYear + 1) % 100).padStart(2, "0")}` : "";
  if (!period.quarter) return year ? `Year ${year}` : period.label;
  return `Quarter ${period.quarter} (${QUARTER_MONTHS[period.quarter - 1]})${year ? " " + year : ""}`;
}
