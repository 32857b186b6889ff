// The reporting period from the workbook itself (RULES §10): titles first, then the rated columns'
// headers, then a year alone. Each table's own period is kept, so a Quarter 2 return inside a
// Quarter 3 workbook can be flagged at its cell and its records marked ("Q2 figure").
import { toA1 } from "../vocab/address";
import { isBlank, rowShape, SheetCells } from "../read/cells";
import { periodPosition, undatedSeries, yearStart } from "./headers";
import { latestDay, mainRunYear, mostFilledRun, positionEnd, rollsOver } from "./rolling-year";
import { comparePeriods, dateInWords, formatPeriod, periodInTitle, quarterOfMonth, quarterYearOf, type ReportingPeriod } from "../read/periods";
import { planColumns, undatedYear } from "./records";
import type { ColumnMapping, SheetGrid, TableSpec } from "../vocab/types";

/** Where a period was read: the sheet, the cell and its text. */
export interface PeriodEvidence {
  period: ReportingPeriod;
  sheet: string;
  cell: string;
  text: string;
  from: "title" | "header";
}

/** A table whose figures or ratings belong to an earlier period than the report's. */
export interface StaleTable {
  sheet: string;
  /** Zero-based first and last data rows. */
  firstRow: number;
  lastRow: number;
  /** "Q2 figure", "2009/10 figure". */
  mark: string;
  /** "Q2 rating": beside the status of a record whose figure carries no mark (an officer's rating alone). */
  ratingMark: string;
  evidence: PeriodEvidence;
}

export interface PeriodInference {
  /** The report's period and where it was found; undefined when the workbook names none. */
  found?: PeriodEvidence;
  /** Each table's own latest period, where it names one; for a rolling year, its own year (that of its run with the most figures), where it names one. */
  tables: { table: TableSpec; evidence: PeriodEvidence; base?: number }[];
}

/** Rows read as a sheet's title block: those above its first table, at most this many. */
const TITLE_ROWS = 10;
/** Rows just above a table that may title it ("Quarter 2 return"). */
const ABOVE_TABLE = 3;

const full = (p: ReportingPeriod) => p.quarter !== undefined && p.startYear !== undefined;

/** A line about a later return, not this one: "Next update: Quarter 4 2010/11", "Quarter 4 returns are due by 15 April" (helper-90). */
const NEXT_PERIOD = /\bnext (?:update|report|return|review|submission)s?\b|\b(?:are|is) due (?:by|on|in)\b/i;

/** A title block's label with the period in the next cell: "Reporting period: | Quarter 3 2010/11". */
const PERIOD_LABEL = /^(?:report(?:ing)? (?:period|quarter)|period(?: covered)?|quarter)\s*:?$/i;

/** The cell a title row names its period in: its one cell, or the cell after a period label; else undefined. */
function titleCell(cells: SheetCells, row: number): number | undefined {
  const shape = rowShape(cells, row);
  if (shape.count === 1) return shape.first;
  // A row of several cells is data or a header, not a title, but for a label and its value (helper-90).
  if (shape.count !== 2) return undefined;
  const label = cells.at(row, shape.first);
  if (typeof label !== "string" || !PERIOD_LABEL.test(label.trim())) return undefined;
  for (let c = shape.first + 1; c <= cells.right; c++) if (!isBlank(cells.at(row, c))) return c;
  return undefined;
}

/** Title evidence in rows [from, to] of a sheet: title rows (one text cell) naming a quarter or a year. */
function titlesIn(cells: SheetCells, from: number, to: number): PeriodEvidence[] {
  const out: PeriodEvidence[] = [];
  for (let r = Math.max(from, cells.top); r <= Math.min(to, cells.bottom); r++) {
    const col = titleCell(cells, r);
    if (col === undefined) continue;
    const v = cells.at(r, col);
    if (typeof v !== "string" || NEXT_PERIOD.test(v)) continue;
    const period = periodInTitle(v);
    if (period) out.push({ period, sheet: cells.name, cell: toA1(r, col), text: v.replace(/\s+/g, " ").trim(), from: "title" });
  }
  return out;
}

/** A line about the plan's own history, not this report: "Plan approved by Council on 24 February 2010". */
const PLAN_HISTORY = /\b(?:approved|adopted|agreed|published|created|established|launched)\b/i;

/** The first day's date in words on a title row of rows [from, to] that is not about the plan's history. */
function titleDate(cells: SheetCells, from: number, to: number): ReturnType<typeof dateInWords> {
  for (let r = Math.max(from, cells.top); r <= Math.min(to, cells.bottom); r++) {
    const col = titleCell(cells, r);
    const v = col === undefined ? undefined : cells.at(r, col);
    if (typeof v !== "string" || NEXT_PERIOD.test(v) || PLAN_HISTORY.test(v)) continue;
    const date = dateInWords(v);
    if (date) return date;
  }
  return undefined;
}

/**
 * A rolling table's own year (its title's or a target's), given to the run with the most figures: "Jan …
 * Dec" with January to March in is of their year, and "Q1 … Q4 | Q1" of the first four's. Undefined where
 * the table names no year, or two runs have as many figures ("Q3 | Q4 | Q1 | Q2").
 */
function runYears(table: TableSpec, reported: readonly ColumnMapping[], inherited: number | undefined, bound?: string): { years: Map<ColumnMapping, number>; base: number } | undefined {
  if (inherited === undefined || !rollsOver(table.columns)) return undefined;
  const years = new Map<ColumnMapping, number>();
  let base: number | undefined;
  // The actuals' figures date the table: targets are set ahead.
  const series = undatedSeries(table.columns).sort((a, b) => Number(b[0][0].role === "actual") - Number(a[0][0].role === "actual"));
  for (const runs of series) {
    const isReported = (x: ColumnMapping) => reported.includes(x);
    const main = mostFilledRun(runs, isReported);
    const most = runs[main].filter(isReported).length;
    if (runs.some((run, i) => i !== main && run.filter(isReported).length === most)) return undefined;
    // Its figures are for periods ended by today: under a "2011/12 Target", "Q1 … Q4 | Q1" filled in July
    // 2011 is 2010/11's four and 2011/12's Q1 (helper-98).
    base ??= mainRunYear(inherited, runs[main].filter(isReported).pop(), bound);
    runs.forEach((run, i) => run.forEach((c) => years.set(c, (base as number) + i - main)));
  }
  return base === undefined ? undefined : { years, base };
}

/** The year runYears gives a rolling table's run with the most figures (the table's own), where it gives one. */
function rollingBase(table: TableSpec, titleYear: number | undefined, bound?: string): number | undefined {
  const inherited = undatedYear(table.columns, titleYear) ?? titleYear;
  const reported = table.columns.filter((c) => !c.pending);
  return runYears(table, reported, inherited, bound)?.base;
}

/**
 * Where undated quarters or months roll over a year end ("Q4 | Q1 | Q2 | Q3", "Jan … Dec"), the latest is the
 * rightmost of each series reported, not the one latest in the year: "Q4 | Q1 | Q2 | Q3" is a Q3 report.
 * Its year: the one settlePending gave it (rolling-year.ts), else runYears'. A column of a period not
 * ended by `bound` (today) is passed over: "Performance 2011/12" over "Q1 … Q4 | Q1" in July 2011 is a Q4
 * 2011/12 return only once Q4 has ended, and a next year's Q1 of a template's zeros is not its period.
 */
function rollingLatest(table: TableSpec, columns: ColumnMapping[], inherited: number | undefined, bound?: string): { columns: ColumnMapping[]; yearOf: (c: ColumnMapping) => number | undefined } {
  // A column's own financial year is read by the caller; any other is of the table's year (a calendar
  // year in "Q3 2010" names none, helper-100).
  const own = () => inherited;
  if (!rollsOver(table.columns)) return { columns, yearOf: own };
  const series = undatedSeries(table.columns);
  const inSeries = (c: ColumnMapping) => series.some((runs) => runs.some((run) => run.includes(c)));
  const years = runYears(table, columns, inherited, bound)?.years;
  const yearOf = (c: ColumnMapping): number | undefined => {
    if (c.rollingYear !== undefined) return c.rollingYear >= 1990 ? c.rollingYear : undefined;
    return inSeries(c) ? years?.get(c) : own();
  };
  const ended = (c: ColumnMapping) => {
    const y = yearOf(c);
    return bound === undefined || y === undefined || positionEnd(periodPosition(c.period) ?? 12, y) <= bound;
  };
  const rightmost = new Set(series.map((runs) => [...runs.flat()].reverse().find((c) => columns.includes(c) && ended(c))));
  return { columns: columns.filter((c) => !inSeries(c) || rightmost.has(c)), yearOf };
}

/** The latest period among a table's rated columns and its rating column (RULES §10 step 3). */
function headerEvidence(table: TableSpec, titleYear: number | undefined, today?: string): PeriodEvidence | undefined {
  const plan = planColumns(table.columns, titleYear);
  const inherited = undatedYear(table.columns, titleYear) ?? titleYear;
  // A period laid out but not reported yet (pending: its columns empty) is not the table's period.
  const columns: ColumnMapping[] = table.columns.filter((c) => c.period && !c.pending && (c.role === "actual" || c.role === "manual" || c.role === "periodTarget"));
  if (plan.actual && !columns.includes(plan.actual)) columns.push(plan.actual);
  let best: PeriodEvidence | undefined;
  const rolling = rollingLatest(table, columns, inherited, today);
  for (const c of rolling.columns) {
    const p = c.period;
    if (!p) continue;
    const y = yearStart(p.year);
    const startYear = y !== undefined && y >= 1990 && p.year?.includes("/") ? y : rolling.yearOf(c);
    const quarter = p.quarter ?? (p.month !== undefined ? quarterOfMonth(p.month) : undefined);
    if (quarter === undefined && startYear === undefined) continue;
    // A calendar year alone ("2009 | 2010 | 2011") names no financial year: 2011 could be 2010/11 or 2011/12.
    if (quarter === undefined && p.year !== undefined && !p.year.includes("/")) continue;
    if (c.role === "actual" && /baseline/i.test(c.header)) continue;
    const period: ReportingPeriod = { label: c.header, quarter, startYear };
    const evidence: PeriodEvidence = { period, sheet: table.sheet, cell: toA1(table.headerRow + table.headerHeight - 1, c.col), text: c.header, from: "header" };
    if (!best || comparePeriods(period, best.period) > 0 || (full(period) && !full(best.period) && comparePeriods(period, best.period) === 0)) best = evidence;
  }
  return best;
}

/**
 * The better of two pieces of evidence: a quarter and year over a year alone, else the later period. A year
 * alone is RULES §10's last resort, so a table of yearly figures ("2009 | 2010 | 2011") on another sheet
 * does not make a Quarter 3 2010/11 workbook's report one for 2011/12 (helper-88).
 */
function later(a: PeriodEvidence | undefined, b: PeriodEvidence | undefined): PeriodEvidence | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.period.startYear === undefined && b.period.startYear !== undefined) return b;
  if (b.period.startYear === undefined && a.period.startYear !== undefined) return a;
  if (full(a.period) !== full(b.period)) return full(a.period) ? a : b;
  const c = comparePeriods(a.period, b.period);
  if (c !== 0) return c > 0 ? a : b;
  return full(b.period) && !full(a.period) ? b : a;
}

/** A title naming only a quarter borrows the year from the table's headers, and the reverse. */
function completed(evidence: PeriodEvidence, other: PeriodEvidence | undefined): PeriodEvidence {
  const p = evidence.period;
  if (full(p) || !other) return evidence;
  const o = other.period;
  const quarter = p.quarter ?? (p.startYear !== undefined && o.startYear === p.startYear ? o.quarter : undefined);
  const startYear = p.startYear ?? o.startYear;
  return { ...evidence, period: { ...p, quarter, startYear } };
}

/** `today`: the last day a figure can be for (a rolling year's columns are dated by it). */
export function inferPeriod(grids: SheetGrid[], tables: TableSpec[], today?: string): PeriodInference {
  const perTable: PeriodInference["tables"] = [];
  let found: PeriodEvidence | undefined;
  for (const grid of grids) {
    const cells = new SheetCells(grid);
    const own = tables.filter((t) => t.sheet === grid.name).sort((a, b) => a.headerRow - b.headerRow);
    const firstHeader = own.length ? own[0].headerRow : cells.top + TITLE_ROWS;
    const sheetTitles = titlesIn(cells, cells.top, Math.min(firstHeader - 1, cells.top + TITLE_ROWS - 1));
    const sheetTitle = sheetTitles.reduce<PeriodEvidence | undefined>((a, b) => later(a, b), undefined);
    let previousEnd = firstHeader - 1;
    for (const table of own) {
      const from = Math.max(table.headerRow - ABOVE_TABLE, previousEnd + 1, firstHeader);
      previousEnd = Math.max(previousEnd, table.lastRow);
      const above = titlesIn(cells, from, table.headerRow - 1)
        .filter((e) => !sheetTitles.some((s) => s.cell === e.cell))
        .reduce<PeriodEvidence | undefined>((a, b) => later(a, b), undefined);
      const title = above ?? sheetTitle;
      // A title naming a quarter extends the last day a figure can be for; a year alone does not.
      const bound = title?.period.quarter !== undefined ? latestDay(today, title.period) : today;
      const header = headerEvidence(table, title?.period.startYear, bound);
      // The table's own period: its title where that names a quarter and year, else its headers
      // (a year from the title where they name none), else the title as far as it goes.
      let evidence = title && full(title.period) ? title : header ? completed(header, title) : title && completed(title, header);
      if (evidence && !full(evidence.period) && title && header && full(completed(title, header).period)) evidence = completed(title, header);
      if (evidence && header && title && full(header.period) && comparePeriods(header.period, evidence.period) < 0) evidence = header;
      // The last resort for a quarter's year, where neither titles nor headers name one: a date on the
      // title rows ("Quarter 3 Performance Report" over "Cabinet – 15 March 2011"), the quarter of that
      // number it falls in or last ended by then (helper-90: the report date was today, every action overdue).
      if (evidence && evidence.period.quarter !== undefined && evidence.period.startYear === undefined) {
        const date = titleDate(cells, table === own[0] ? cells.top : from, table.headerRow - 1);
        if (date) evidence = { ...evidence, period: { ...evidence.period, startYear: quarterYearOf(evidence.period.quarter, date) } };
      }
      const base = rollingBase(table, title?.period.startYear, bound);
      if (evidence) perTable.push({ table, evidence, ...(base !== undefined ? { base } : {}) });
      // A title naming a later quarter than its table's headers still sets the report's period
      // (RULES §10: the latest period is the report's); the table is then flagged as earlier.
      found = later(later(found, evidence), title && full(title.period) ? title : undefined);
    }
    if (own.length === 0) found = later(found, sheetTitle);
  }
  return { found, tables: perTable };
}

/**
 * Tables whose own period is later than the report's: a pack built for an earlier quarter on a
 * workbook already holding a later one rates the later figures (the columns it has), so it says so.
 */
export function laterTables(inference: PeriodInference, report: ReportingPeriod | undefined): { table: TableSpec; evidence: PeriodEvidence }[] {
  if (!report || report.startYear === undefined) return [];
  return inference.tables.filter(({ evidence }) => {
    const p = evidence.period;
    if (p.startYear === undefined) return false;
    return p.startYear > report.startYear! || (p.startYear === report.startYear && p.quarter !== undefined && report.quarter !== undefined && p.quarter > report.quarter);
  });
}

/** The table of an earlier period a record is in (`row` one-based, as records hold it), if any. */
export function staleTableOf(stale: readonly StaleTable[] | undefined, record: { sheet: string; row: number }): StaleTable | undefined {
  if (!stale?.length) return undefined;
  const at = record.row - 1;
  return stale.find((s) => s.sheet === record.sheet && at >= s.firstRow && at <= s.lastRow);
}

/** Tables whose own period is earlier than the report's (RULES §10): each with its mark. */
export function staleTables(inference: PeriodInference, report: ReportingPeriod | undefined): StaleTable[] {
  if (!report || report.startYear === undefined) return [];
  const out: StaleTable[] = [];
  for (const { table, evidence } of inference.tables) {
    const p = evidence.period;
    if (p.startYear === undefined) continue;
    const earlierYear = p.startYear < report.startYear;
    const earlierQuarter = p.startYear === report.startYear && p.quarter !== undefined && report.quarter !== undefined && p.quarter < report.quarter;
    if (!earlierYear && !earlierQuarter) continue;
    const period = earlierQuarter ? `Q${p.quarter}` : formatPeriod(p);
    out.push({ sheet: table.sheet, firstRow: table.firstRow, lastRow: table.lastRow, mark: `${period} figure`, ratingMark: `${period} rating`, evidence });
  }
  return out;
}
