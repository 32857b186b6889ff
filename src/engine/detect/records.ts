// One SourceRecord per data row of each table, with the cells it came from.
import { toA1 } from "../vocab/address";
import { SheetCells, splitRefAndName } from "../read/cells";
import { actualKind, definitionBesideName, mentionsEarlierPeriod, periodFraction, periodPosition, yearStart } from "./headers";
import { datedColumn } from "./rolling-year";
import { narrativeColumn } from "./header-rows";
import { KeyBlocks } from "./legend";
import { TableRows } from "./row-record";
import { classifyBodyRow, gapRow, tableShape } from "./body-rows";
import type { ColumnMapping, PeriodInfo, Problem, Role, SheetGrid, SourceRecord, TableSpec } from "../vocab/types";

export { splitRefAndName };

export interface ReadResult {
  records: SourceRecord[];
  problems: Problem[];
}

/**
 * Records of every table on a sheet: blank rows, section rows, titles and repeated headers are
 * skipped; a row's priority is its priority cell, else the nearest section heading above it.
 * Problems are only what the reader knows: missing columns, rows with no ref and no name.
 */
export function readRecords(grid: SheetGrid, tables: TableSpec[], reportYear?: number, reportQuarter?: number): ReadResult {
  const cells = new SheetCells(grid);
  const records: SourceRecord[] = [];
  const problems: Problem[] = [];
  const ordered = tables.filter((t) => t.sheet === grid.name).sort((a, b) => a.headerRow - b.headerRow);
  let section: string | undefined;
  let cursor = cells.top;
  for (const table of ordered) {
    const shape = tableShape(table);
    for (let r = cursor; r < table.headerRow; r++) {
      const gap = gapRow(cells, r, shape.left);
      if (gap === "prose") section = undefined;
      else if (gap) section = gap.heading;
    }
    const plan = planColumns(table.columns, reportYear, reportQuarter);
    problems.push(...tableProblems(table, plan));
    const reader = new TableRows(cells, table, plan);
    const keys = new KeyBlocks(cells, table);
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const kind = classifyBodyRow(cells, shape, r);
      if (kind.kind === "blank") continue;
      // A key under the table ("Key:", "★ Better than target limits") is neither a heading nor a record.
      if (keys.isKeyRow(r)) continue;
      if (kind.kind === "section") {
        section = kind.text;
        keys.endKey();
      }
      if (kind.kind !== "data") continue;
      const record = reader.read(r, section, problems);
      if (record) records.push(record);
    }
    cursor = Math.max(cursor, table.lastRow + 1);
  }
  return { records, problems };
}

// ---- which columns a table's records take (RULES §4 "Which columns are rated") ----

/** Roles read from one column each; with several, the one naming the latest period, else the first. */
const SINGLE_ROLES: Role[] = ["ref", "name", "refAndName", "description", "directorate", "priority", "committee", "lead", "frequency", "polarity", "unit", "tolerance", "manual", "comment", "outcome", "progress", "start", "due"];

/** Dates a plan may move: the revised one is read, the original where no revision is entered. */
const RESCHEDULED_ROLES = ["due", "start"] as const;
const REVISED_DATE = /\b(?:revised|new|current|amended|updated|latest|re-?scheduled|re-?profiled|re-?baselined)\b/i;
// A forecast is not a revision: "Due Date | Latest forecast completion date" keeps the due date agreed.
const FORECAST_DATE = /\b(?:forecast|expected|anticipated|projected|estimated)\b/i;

/** Of two or more undated date columns of one role, the revised one and the original, where headers tell them apart. */
function rescheduled(cols: ColumnMapping[]): { revised: ColumnMapping; original: ColumnMapping } | undefined {
  if (cols.length < 2) return undefined;
  // "Revised agreed due date" is a revision of "Agreed due date".
  const revised = cols.filter((c) => REVISED_DATE.test(c.header) && !FORECAST_DATE.test(c.header));
  const original = cols.filter((c) => !REVISED_DATE.test(c.header) && !FORECAST_DATE.test(c.header));
  // Rightmost revision: a second revision is written after the first.
  return revised.length > 0 && original.length > 0 ? { revised: revised[revised.length - 1], original: original[0] } : undefined;
}

export interface ColumnPlan {
  single: Partial<Record<Role, ColumnMapping>>;
  /** The report's quarter: a Current Position's month is checked against it under an undated actual. */
  reportQuarter?: number;
  /**
   * Where a tracker keeps an original and a revised date ("Original Due Date | Revised Due Date"), the
   * single column is the revised one and this the original, read on rows with no revised date.
   */
  dateFallback?: Partial<Record<"due" | "start", ColumnMapping>>;
  /** A loose due date ("When") beside the firm one: read on rows where the firm one is blank. */
  looseDue?: ColumnMapping;
  actual?: ColumnMapping;
  /**
   * A position column of sentences read as the comment (prose-columns.ts): on a row whose rated figure is
   * blank, its text is the figure where it starts with one ("97% provisional at the end of December").
   */
  actualFallback?: ColumnMapping;
  /**
   * An action plan's "Current Position" read as its update (header-rows.ts asActivityColumns), where the
   * table has no progress column: on each row its text is the progress where it says how far the action
   * has got ("Complete", "Cancelled", "75% complete"; read/progress.ts readsAsProgress).
   */
  progressFallback?: ColumnMapping;
  /** The target to compare as it stands: the rated period's own target, else (not year-to-date) the annual one. */
  target?: ColumnMapping;
  annualTarget?: ColumnMapping;
  yearToDate: boolean;
  periodFraction?: number;
  series: ColumnMapping[];
  /** The actual of the same period one year before the rated one: the long-term trend's comparison. */
  yearAgo?: ColumnMapping;
  earlier: ColumnMapping[];
  comparators: ColumnMapping[];
}

type Frequency = "none" | "month" | "quarter" | "year";

function frequency(m: ColumnMapping): Frequency {
  if (actualKind(m.header) !== "period" || !m.period) return "none";
  if (m.period.month !== undefined) return "month";
  return m.period.quarter !== undefined ? "quarter" : "year";
}

/**
 * Chooses, once per table, the rated actual, its target, the trend series and the rest.
 * Period columns without a year ("Q3 YTD Actual") belong to the latest year a target names
 * (Dudley's "10/11 Target"), else to the latest year any period column names.
 * Rated: a headline column ("Outturn", "Latest", "Actual"), else the latest period, a whole
 * year ranking after its quarters ("09/10 actual" beats "Q4 2009/10"); baselines never.
 */
/**
 * The year of the period columns that name none ("Q3 YTD Actual"): the latest year a target names, else
 * the latest any column names. Where whole years are reported already and targets are set ahead ("09/10
 * Actual | 10/11 Target | 11/12 Target | 12/13 Target"), the first target year after them: rated against
 * 2012/13's target, 740 against 900 was red where 2010/11's gave 750, amber (helper-90).
 */
export function undatedYear(columns: readonly ColumnMapping[], reportYear?: number): number | undefined {
  const years = (cols: readonly ColumnMapping[]) => cols.map((c) => yearStart(c.period?.year)).filter((y): y is number => y !== undefined);
  const targetYears = years(columns.filter((c) => c.role === "annualTarget" || c.role === "periodTarget"));
  // The report's year, where a target names it: "2008/09 Actual | 2009/10 Target | 2010/11 Target" in a
  // Quarter 3 2010/11 report is 2010/11's, not the year after the last actual (helper-92).
  if (reportYear !== undefined && targetYears.includes(reportYear)) return reportYear;
  const reported = years(columns.filter((c) => c.role === "actual" && c.period?.quarter === undefined && c.period?.month === undefined && actualKind(c.header) === "period"));
  const inYear = years(columns.filter((c) => c.role === "actual" && (c.period?.quarter !== undefined || c.period?.month !== undefined)));
  const last = maxOrUndefined(reported);
  if (last !== undefined && inYear.length === 0) {
    const ahead = targetYears.filter((y) => y > last);
    if (ahead.length) return Math.min(...ahead);
  }
  return maxOrUndefined(targetYears) ?? maxOrUndefined(years(columns));
}

export function planColumns(columns: ColumnMapping[], reportYear?: number, reportQuarter?: number): ColumnPlan {
  const inherited = undatedYear(columns, reportYear);
  // A rolling layout's quarters carry the year settlePending worked out for them (rolling-year.ts).
  const yearOf = (c: ColumnMapping) => yearStart(c.period?.year) ?? c.rollingYear ?? inherited;
  // An officer's rating or comment under "Q3 YTD" (no year) is of the same year as the actual beside it:
  // read as year 0, the quarter's own RAG beat it, and was checked against the year to date's status.
  const single: Partial<Record<Role, ColumnMapping>> = {};
  const plan0: Pick<ColumnPlan, "dateFallback" | "progressFallback" | "looseDue"> = {};
  // "Indicator | Definition": the definition describes the indicator the other column names.
  const definition = definitionBesideName(columns);
  for (const role of SINGLE_ROLES) {
    const all = columns.filter((c) => c.role === role && c !== definition);
    const dated = all.filter((c) => c.period);
    single[role] = dated.length > 0 ? latest(reportedOr(dated), yearOf) : all[0];
  }
  for (const role of RESCHEDULED_ROLES) {
    const chosen = rescheduled(columns.filter((c) => c.role === role && !c.period));
    if (!chosen) continue;
    single[role] = chosen.revised;
    (plan0.dateFallback ??= {})[role] = chosen.original;
  }
  // "When | Target Date": where the target date is blank, the loose one is read (helper-113); a word there
  // ("Complete", "Ongoing") is the officer's, and stands (helper-114).
  const loose = columns.find((c) => c.looseDue);
  if (loose && single.due) plan0.looseDue = loose;
  if (definition) single.description ??= definition;
  const narrative = single.progress ? undefined : narrativeColumn(columns);
  if (narrative) plan0.progressFallback = narrative;

  const actuals = columns.filter((c) => c.role === "actual");
  // An earlier period's figure ("Last quarter actual") is rated only where there is no other: alone, it is the latest there is.
  const current = actuals.filter((c) => actualKind(c.header) !== "baseline" && actualKind(c.header) !== "earlier");
  const candidates = current.length ? current : actuals.filter((c) => actualKind(c.header) === "earlier");
  const rated = candidates.length > 0 ? latest(reportedOr(candidates), yearOf) : undefined;
  const plan: ColumnPlan = { single, ...plan0, ...(reportQuarter !== undefined ? { reportQuarter } : {}), yearToDate: false, series: [], earlier: actuals.filter((c) => c !== rated && !c.pending), comparators: columns.filter((c) => c.role === "comparator") };
  if (!rated) {
    plan.annualTarget = pickAnnual(columns, inherited, yearOf);
    return plan;
  }
  plan.actual = rated;
  const position = columns.find((c) => c.role === "comment" && c.headerRole === "actual");
  if (position) plan.actualFallback = position;
  const headline = frequency(rated) === "none";
  plan.yearToDate = rated.period?.yearToDate ?? false;
  if (!headline) plan.periodFraction = periodFraction(rated.period);
  const ratedYear = yearOf(rated);
  const ratedPos = headline ? undefined : periodPosition(rated.period);
  plan.annualTarget = pickAnnual(columns, ratedYear, yearOf);
  const forPeriod = plainFirst(
    columns.filter((c) => c.role === "periodTarget" && yearOf(c) === ratedYear && (periodPosition(c.period) === ratedPos || (c.period?.yearToDate && plan.yearToDate && periodPosition(c.period) === undefined))),
  );
  // A year-to-date figure against the year-to-date target, a quarter's against the quarter's. Where the
  // quarter's own figure is there too, its target is not the year to date's: the annual target, pro-rated.
  const matching = forPeriod.find((c) => (c.period?.yearToDate ?? false) === plan.yearToDate);
  const ownFigureBeside = actuals.some((c) => c !== rated && yearOf(c) === ratedYear && periodPosition(c.period) === ratedPos && (c.period?.yearToDate ?? false) !== plan.yearToDate);
  const own = matching ?? (ownFigureBeside ? undefined : forPeriod[0]);
  plan.target = own ?? (plan.yearToDate ? undefined : plan.annualTarget);
  plan.series = seriesFor(rated, actuals.filter((c) => c === rated || !c.pending), yearOf).map(datedColumn);
  const yearAgo = yearAgoFor(rated, actuals, yearOf);
  if (yearAgo) plan.yearAgo = datedColumn(yearAgo);
  return plan;
}

/** The columns of periods reported (not pending), where there are any: a period laid out but not reported yet is not read while an earlier one has figures. */
function reportedOr(cols: ColumnMapping[]): ColumnMapping[] {
  const reported = cols.filter((c) => !c.pending);
  return reported.length ? reported : cols;
}

function maxOrUndefined(values: number[]): number | undefined {
  return values.length > 0 ? values.reduce((a, b) => Math.max(a, b)) : undefined;
}

/** The column with the latest period; ties go to the rightmost. */
function latest(cols: ColumnMapping[], yearOf: (c: ColumnMapping) => number | undefined): ColumnMapping {
  // Year, point in the year, then the year to date over the quarter's or month's own figure at the same
  // point (RULES §4: the year's own figure is rated); then the later column.
  const key = (c: ColumnMapping): [number, number, number] => {
    const kind = actualKind(c.header);
    if (c.role === "actual" && (kind === "baseline" || kind === "earlier")) return [-Infinity, 0, 0];
    if (c.role === "actual" && kind === "headline") return [Infinity, 0, 0];
    const pos = periodPosition(c.period) ?? 13;
    // At the year's end an outturn and a "year to date" are the same point: the later column, as before.
    return [yearOf(c) ?? yearStart(c.period?.year) ?? 0, pos, c.period?.yearToDate && pos < 13 ? 1 : 0];
  };
  let best = cols[0];
  let bestKey = key(best);
  for (const c of cols.slice(1)) {
    const k = key(c);
    if (k[0] > bestKey[0] || (k[0] === bestKey[0] && (k[1] > bestKey[1] || (k[1] === bestKey[1] && k[2] >= bestKey[2])))) {
      best = c;
      bestKey = k;
    }
  }
  return best;
}

/**
 * Targets whose header names no earlier period, where there are any: "Target" beside "Target (last year,
 * as agreed)" is this year's, whatever the note says of how the other was set (helper-66).
 */
function plainFirst(targets: ColumnMapping[]): ColumnMapping[] {
  const plain = targets.filter((c) => !mentionsEarlierPeriod(c.header));
  return plain.length ? plain : targets;
}

/** The annual target for a year: that year's, else one naming no year, else the latest. */
function pickAnnual(columns: ColumnMapping[], year: number | undefined, yearOf: (c: ColumnMapping) => number | undefined): ColumnMapping | undefined {
  const annual = plainFirst(columns.filter((c) => c.role === "annualTarget"));
  if (annual.length === 0) return undefined;
  return annual.find((c) => year !== undefined && yearStart(c.period?.year) === year) ?? annual.find((c) => !c.period?.year) ?? latest(annual, yearOf);
}

/**
 * Comparable actuals, oldest → newest, each period once. Beside a whole-year or headline figure,
 * the quarter (or month) columns are the series, else the years; beside a quarter or month, the
 * columns of that frequency. Year-to-date figures are cumulative, so a year-to-date rated
 * actual compares only with the same point of other years.
 */
function seriesFor(rated: ColumnMapping, actuals: ColumnMapping[], yearOf: (c: ColumnMapping) => number | undefined): ColumnMapping[] {
  const pos = periodPosition(rated.period);
  const ratedFreq = frequency(rated);
  const ytd = rated.period?.yearToDate === true && ratedFreq !== "none" && pos !== undefined && pos < 12;
  const comparable = (c: ColumnMapping, freq: Frequency) => frequency(c) === freq && (ytd ? periodPosition(c.period) === pos : !c.period?.yearToDate || c === rated);
  let freq: Frequency = ratedFreq;
  if (ratedFreq === "none" || ratedFreq === "year") {
    const count = (f: Frequency) => actuals.filter((c) => comparable(c, f)).length;
    const within: Frequency = count("quarter") >= count("month") ? "quarter" : "month";
    freq = count(within) >= 2 ? within : "year";
  }
  const chosen = new Map<string, ColumnMapping>();
  for (const c of actuals) {
    if (!comparable(c, freq)) continue;
    const key = yearOf(c) + ":" + periodPosition(c.period);
    if (chosen.get(key) !== rated) chosen.set(key, c);
  }
  const sortKey = (c: ColumnMapping) => (yearOf(c) ?? 0) * 100 + (periodPosition(c.period) ?? 13);
  return [...chosen.values()].sort((a, b) => sortKey(a) - sortKey(b) || a.col - b.col);
}

/**
 * The actual of the same period a year before the rated one (RULES §6, long term): the same quarter
 * or month, or the whole year, the same year-to-date-ness, year − 1. Baselines count ("Baseline
 * 2008/09" is last year's figure beside "2009/10"); a rated column naming no period has none.
 * Ties go to the rightmost.
 */
function yearAgoFor(rated: ColumnMapping, actuals: ColumnMapping[], yearOf: (c: ColumnMapping) => number | undefined): ColumnMapping | undefined {
  const period = rated.period;
  const year = yearOf(rated);
  if (!period || year === undefined) return undefined;
  const samePoint = (p: PeriodInfo) => p.quarter === period.quarter && p.month === period.month && p.yearToDate === period.yearToDate;
  let found: ColumnMapping | undefined;
  for (const c of actuals) {
    if (c !== rated && c.period && yearOf(c) === year - 1 && samePoint(c.period)) found = c;
  }
  return found;
}

function tableProblems(table: TableSpec, plan: ColumnPlan): Problem[] {
  if (table.kind !== "indicator") return [];
  const cell = toA1(table.headerRow, Math.min(...table.columns.map((c) => c.col)));
  const where = table.name ? `Table ${table.name}` : `The indicator table with its header in row ${table.headerRow + 1}`;
  const out: Problem[] = [];
  if (!plan.actual) {
    out.push({ sheet: table.sheet, cell, severity: "error", message: `${where} has no actual column (such as "Actual", "Q3 YTD Actual", "2021/22 Q1" or "Outturn"), so its indicators cannot be rated.` });
  }
  if (!plan.target && !plan.annualTarget) {
    out.push({ sheet: table.sheet, cell, severity: "warning", message: `${where} has no target column (such as "Target", "10/11 Target" or "Q3 YTD Target"), so its indicators are reported as data only.` });
  }
  return out;
}
