// Shared vocabulary of the engine. Pure data types: no Office, DOM or Node.

/** An Excel error value such as #DIV/0! or #N/A, as both hosts hand it over. */
export interface CellError {
  error: string;
}

/** One cell as a host reads it. Dates arrive as Date (ExcelJS) or as serial numbers with a date format (Office.js). */
export type CellValue = number | string | boolean | Date | CellError | null;

/** Zero-based, inclusive rectangle on a sheet. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet as the engine sees it, whichever host read it. */
/** A chart, picture or shape on a sheet, and the cells it covers (what the host could read of it). */
export interface DrawingPlace {
  range: CellRange;
  kind: "chart" | "picture" | "shape" | "control" | "note";
}

export interface SheetGrid {
  name: string;
  /** Row-major values; values[0][0] is the cell at `origin` (A1 unless the used range starts later). */
  values: CellValue[][];
  /** Number formats, same shape as values (optional: used to tell dates and percentages). */
  numberFormats?: string[][];
  /** Zero-based sheet row/column of values[0][0]. Defaults to {row:0,col:0}. */
  origin?: { row: number; col: number };
  /** Merged areas in sheet coordinates. */
  merges?: CellRange[];
  /** Zero-based sheet rows that are hidden (still read). */
  hiddenRows?: number[];
  /**
   * The sheet's own visibility where it is not shown (absent: visible). A hidden sheet's records are hidden
   * records, as a hidden row's are: coloured, but left out of the pack unless the rules sheet includes hidden
   * rows. A very hidden sheet (only code can show it) is no officer's tracker: not read as one.
   */
  visibility?: "hidden" | "veryHidden";
  /** Hidden columns, as spans of zero-based sheet columns, where the host read them (the add-in reads the first 40). */
  hiddenColumns?: { first: number; last: number }[];
  /**
   * Cells holding a formula, where the host read them: the file host lists those whose result is empty (the
   * others hold a value anyway), the add-in every formula cell. Never written over, though they read as empty.
   */
  formulaCells?: CellRange[];
  /**
   * Areas of conditional formats whose rules can fill a cell of text (a fill in the rule's format; not a colour
   * scale, which formats numbers only), where the host read them (the file host; the add-in reads each rule's
   * kind once the statuses are written): where such a rule holds, its fill shows over a status colour.
   */
  conditionalFills?: CellRange[];
  /** Charts, pictures and shapes over the sheet's cells, where the host read them (the file host does). */
  drawings?: DrawingPlace[];
  /** The sheet's print area, where one is set (Page Layout > Print Area): its rectangles in sheet coordinates. */
  printArea?: CellRange[];
  /**
   * Excel tables (ListObjects) on the sheet, in sheet coordinates. `totalsRows`: rows at the bottom of
   * the range that are the table's totals row (0 or 1; absent = 0), not records.
   */
  tables?: { name: string; range: CellRange; totalsRows?: number }[];
  /**
   * Zero-based sheet rows the host left unread (blank here, not on the sheet): the history read from its
   * hinted window. `firstColumn`: those rows' first cells (the history's periods), read to check them.
   */
  skippedRows?: { top: number; bottom: number; firstColumn?: CellValue[] };
}

export type Level = "ahead" | "good" | "near" | "bad" | "done" | "closed" | "nodata" | "dataonly";
export type RecordKind = "indicator" | "activity";
/** The input a data-quality note is about, so a host can point at its cell. */
export type NoteSubject = "actual" | "target" | "annualTarget" | "polarity" | "tolerance" | "manual" | "progress" | "due" | "comparator";

/** A data-quality note: what it is about, and what it says. */
export interface QualityNote {
  about: NoteSubject;
  /** The comparator column's header, for a note about a comparator. */
  label?: string;
  text: string;
}

export type Trend = "improving" | "static" | "worsening" | "notrend";
export type Direction = "higher" | "lower";

/** One status of a scheme (RULES §2). Colours are #RRGGBB. */
export interface Status {
  key: string;
  label: string;
  description: string;
  level: Level;
  fill: string;
  font: string;
  symbol: string;
  aliases: string[];
}

/** How far a miss may go before it is `bad` (RULES §4 step 5). */
export interface Tolerance {
  kind: "relative" | "points" | "absolute";
  value: number;
}

/** A status scheme: data, not code (RULES §2). */
export interface Scheme {
  key: string;
  name: string;
  indicator: Status[];
  activity: Status[];
  /** Default tolerance for the amber band. */
  tolerance: Tolerance;
  /** Relative margin by which beating the target gives the `ahead` level (none by default). */
  exceedMargin?: number;
  /** Days before the due date when an activity becomes `near`. */
  warningDays: number;
  /** Number of consecutive changes a trend needs (1 or 3). */
  trendPeriods: number;
  /** Relative change treated as static. */
  staticBand: number;
  /** Which source wins for activities. Indicators are always computed-first. */
  activitySource: "computed" | "manual";
  /** Levels listed as exceptions in the summary. */
  exceptionLevels: Level[];
  /** Expected-progress option (RULES §5): slack in progress points (0.1 = 10 points). */
  expectedProgress?: { slack: number };
}

/** An indicator's actual against a comparator average (RULES §4 "Comparator status"), by the target rule. */
export type ComparatorResult = "favourable" | "within" | "negative";

export interface Comparison {
  /** The comparator column's header ("All England Average 2008/09"). */
  label: string;
  /** The comparator's figure as compared (percentages as fractions). */
  value: number;
  result: ComparatorResult;
}

/** The outcome of rating one record. */
/** Why the rules could not rate an indicator, where that is the officer's to fix: a problem at the cell. */
export type Unrated = "unreadableActual" | "unreadableTarget" | "noDirection" | "missingActual";

/** Where a status came from (RULES §7): the rules, or the officer's own rating where the rules could not rate. */
export type StatusSource = "rules" | "officer";

export interface Rating {
  /** Status key of the scheme for this record kind. */
  status: string;
  /** Absent on hand-made ratings: read it as "rules". */
  source?: StatusSource;
  level: Level;
  /** Key the rules give (undefined where the scheme does not compute this kind). */
  computed?: string;
  /** Key the officer's rating maps to, when recognised. */
  manual?: string;
  /** The officer's rating text as typed. */
  manualText?: string;
  /** Short-term direction of travel: against the previous period (RULES §6). */
  trend: Trend;
  /**
   * Long-term direction of travel: the rated figure against the same period a year earlier, one
   * change; "notrend" where the table has no such figure. Activities and hand-made ratings may leave it out.
   */
  trendLongTerm?: Trend;
  /** The actual against each comparator average that holds a figure, where the direction is known. */
  comparisons?: Comparison[];
  /** Human-readable disagreements between manual and computed status. */
  checks: string[];
  /** Why this status, in plain words. */
  reason: string;
  /** Data-quality notes about the figures (rescaled percentages, unreadable tolerance…). */
  quality: QualityNote[];
  /** Which way is better, where known (drives trend arrows). */
  direction?: Direction;
  /** Set when the status is the rules' and they could not rate: what stopped them. */
  unrated?: Unrated;
}

/** Comparison operator written in a target ("Less than 10,459" is `<`). */
export type TargetOp = "<" | "<=" | ">" | ">=";

/**
 * What a cell means once read (RULES §3). Percentages are fractions (78.9% → 0.789)
 * and `percent` says the text carried a % sign. `text` is always the original text.
 */
export type Reading =
  | {
      kind: "number";
      value: number;
      percent: boolean;
      text: string;
      note?: string;
      numerator?: number;
      denominator?: number;
      approximate?: boolean;
      /** The currency typed before the figure ("£"), kept as its unit. */
      unit?: string;
    }
  | { kind: "target"; op: TargetOp; value: number; percent: boolean; text: string; note?: string }
  | { kind: "band"; low: number; high: number; percent: boolean; text: string }
  | { kind: "date"; date: string; text: string }
  /** `unreadable`: text that is neither a figure nor a phrase for "no figure" (a problem at its cell). */
  | { kind: "missing"; reason: string; text: string; unreadable?: boolean };

/** A problem the user can act on: always names the sheet and cell. */
export interface Problem {
  sheet: string;
  /** A1 address on that sheet ("" only when the problem is about the whole sheet). */
  cell: string;
  message: string;
  severity: "error" | "warning";
}

/** What a column holds, decided from its header (issue: column roles). */
export type Role =
  | "ref"
  | "name"
  | "refAndName" // "Code & Short Name", "Action Title": split when the text starts with a code
  | "description"
  | "directorate"
  | "priority"
  | "committee"
  | "lead"
  | "frequency"
  | "polarity"
  | "unit"
  | "tolerance"
  | "manual"
  | "comment"
  | "outcome"
  | "progress"
  | "start"
  | "due"
  | "comparator"
  | "annualTarget"
  | "periodTarget"
  | "actual" // a period or year actual; the latest one is rated, comparable ones form the trend
  | "generated" // the add-in's own "Status (auto)" column
  | "ignore";

/** Period a header names, e.g. "Q3 YTD Actual" → quarter 3, year to date. */
export interface PeriodInfo {
  label: string;
  /** Financial year as "2010/11" when the header names one. */
  year?: string;
  quarter?: number;
  month?: number;
  yearToDate: boolean;
}

export interface ColumnMapping {
  /** Zero-based sheet column. */
  col: number;
  header: string;
  role: Role;
  period?: PeriodInfo;
  /**
   * A period not reported yet: a tracker laid out for the whole year has Q4's columns before Q4's
   * figures. Set on an actual (or rating) column empty in every record after the filled ones, and on the
   * targets of its period (pending.ts markPending); once the report's period is known, only on periods
   * after it (settlePending). Such columns are not rated, nor give the table's period.
   */
  pending?: true;
  /**
   * The role the header gave, where the column's figures may decide another ("Variance" a tolerance or
   * a difference, "Current Position" a figure or a comment: detect/differences.ts, prose-columns.ts), so
   * that an edit can have it judged again (live colours).
   */
  headerRole?: Role;
  /** An action plan's "Current Position" of words, read as its update (detect/header-rows.ts asActivityColumns). */
  narrative?: true;
  /**
   * A name column naming what holds the records ("Project" left of "Milestone"), read as their group
   * (role "priority"), its value carried down the blank cells under it (detect/headers.ts groupBesideName).
   */
  group?: true;
  /** A loose due date ("When", "Timeframe") set aside beside a firmer one: read on rows where that holds no date (detect/headers.ts settleHeader). */
  looseDue?: true;
  /**
   * The financial year (its first calendar year) of an undated quarter or month in a rolling layout ("Q4
   * | Q1 | Q2 | Q3"), worked out once the report's quarter is known (settlePending, detect/rolling-year.ts).
   * Counted from 0 where the report names no year.
   */
  rollingYear?: number;
}

/** A table found on a sheet. Rows are zero-based sheet rows. */
export interface TableSpec {
  sheet: string;
  kind: RecordKind;
  /** Excel table name, where the table is a ListObject. */
  name?: string;
  headerRow: number;
  /** Header rows counted from headerRow (2 for two-row headers). */
  headerHeight: number;
  firstRow: number;
  lastRow: number;
  columns: ColumnMapping[];
  /** Sheet columns of periods laid out but not reported yet, when the table was read (pending.ts unfilledColumns). */
  unfilled?: number[];
  /** Rows where its header is printed again with another table's header beside it, which is not read (side-by-side.ts). */
  besideRepeats?: number[];
}

/** A cell copied from the tracker with where it came from. */
export interface Field {
  /** A1 address on the record's sheet. */
  cell: string;
  value: CellValue;
  text: string;
  /** The cell's number format, where the host gave one (tells 0.79 formatted as % from 0.79). */
  format?: string;
}

/** A labelled value from a period or comparator column. */
export interface LabelledField {
  label: string;
  field: Field;
  period?: PeriodInfo;
}

/** One indicator or activity row, as read from a tracker, before rating. */
export interface SourceRecord {
  kind: RecordKind;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** The row is hidden: rated and coloured, but left out of the pack unless asked for (RULES §10). */
  hidden?: boolean;
  ref: string;
  name: string;
  priority?: string;
  directorate?: string;
  committee?: string;
  lead?: string;
  frequency?: string;
  outcome?: string;
  comment?: Field;
  polarity?: Field;
  tolerance?: Field;
  /** The tolerance column's header says its figures are percentages ("Tolerance %", "Variance (%)") or percentage points ("Tolerance (% pts)"). */
  toleranceUnit?: "percent" | "points";
  manual?: Field;
  // indicators
  target?: Field;
  annualTarget?: Field;
  actual?: Field;
  /** Label of the rated period ("Q3 YTD Actual"). */
  periodLabel?: string;
  /** True when the rated actual is year-to-date (enables pro-rating the annual target). */
  yearToDate?: boolean;
  /** Elapsed share of the year for the rated period (Q1 0.25 … Q4 1). */
  periodFraction?: number;
  /** Comparable values oldest → newest for the trend. */
  series: LabelledField[];
  /** The actual of the same period a year before the rated one (long-term trend), where the table has it. */
  yearAgo?: LabelledField;
  /** Earlier actuals shown in scorecards (all actual columns but the rated one). */
  earlier: LabelledField[];
  comparators: LabelledField[];
  // activities
  progress?: Field;
  /** The progress is an action plan's position in words read as progress (detect/records.ts progressFallback): not a figure the officer meant, so not noted when unread. */
  progressFromUpdate?: boolean;
  start?: Field;
  due?: Field;
}
