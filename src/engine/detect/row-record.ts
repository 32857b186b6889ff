// Records as views of their rows: a record keeps its ref, name and section; every other cell is
// read from the grid when asked for. Rating reads a few cells of each row and the summary the rest,
// so keeping none of them per record keeps the heap (and the garbage collector's work) small at
// 100,000 rows. Grids are never changed once read, so a cell read later is the cell read now.
import { toA1 } from "../vocab/address";
import { readDate, readDueDate } from "../read/dates";
import { readValue } from "../read/values";
import { readsAsProgress } from "../read/progress";
import { monthsNamed, quarterOfMonth } from "../read/periods";
import { SheetCells, cellText, isBlank, splitRefAndName } from "../read/cells";
import type { ColumnPlan } from "./records";
import type { CellValue, ColumnMapping, Field, LabelledField, PeriodInfo, Problem, RecordKind, Role, SourceRecord, TableSpec } from "../vocab/types";

/**
 * A cell of a record, read from a column of its table, made when asked for. Most are only rated,
 * never shown, so the A1 address and the text as shown are worked out when read.
 */
class ColumnField implements Field {
  constructor(
    readonly value: CellValue,
    readonly format: string | undefined,
    private readonly at: number,
    private readonly col: number,
  ) {}

  get cell(): string {
    return toA1(this.at, this.col);
  }

  get text(): string {
    return cellText(this.value, this.format);
  }

  /** The JSON of a plain Field. */
  toJSON(): Field {
    const plain: Field = { cell: this.cell, value: this.value, text: this.text };
    if (this.format !== undefined) plain.format = this.format;
    return plain;
  }
}

/** A cell of a period or comparator column, labelled by the column's header and period. */
class ColumnLabelledField implements LabelledField {
  constructor(
    readonly field: ColumnField,
    private readonly column: ColumnMapping,
  ) {}

  get label(): string {
    return this.column.header;
  }

  get period(): PeriodInfo | undefined {
    return this.column.period;
  }

  toJSON(): LabelledField {
    const { label, field, period } = this;
    return period ? { label, field, period } : { label, field };
  }
}

/** Shared by records with no such columns; never changed (records are read-only to their readers). */
const NO_FIELDS: LabelledField[] = Object.freeze([]) as unknown as LabelledField[];

/** A header saying its figures are percentages: "Tolerance %", "Variance (%)", "% tolerance", "Tolerance (per cent)". */
const PERCENT_HEADER = /%|\bper ?cent\b/i;
/** …or percentage points: "Tolerance (% points)", "(%pts)", "% pts", "(pp)", "percentage points". */
const POINTS_HEADER = /%\s*(?:points?|pts?)\b|\bpercentage points?\b|\bp\.?p\.?t?s?\b|\bpoints?\b/i;

/**
 * A figure said, right after it and its unit, not to be final: "97% provisional at …", "97%, provisional,
 * awaiting validation", "97% (provisional, may be revised)", "21 working days (provisional) – …", "22 days
 * estimated, awaiting …", "97% (est.)" (helper-101, helper-102). The unit is a per cent, a span of time, or
 * words of the indicator's own name ("45 homes" for "Homes built"): "15 claims outstanding (provisional)"
 * beside average days, "£1.2m underspend (provisional)" or "3 posts vacant (provisional)" counts
 * something else (helper-102). Neither "draft" nor "TBC": "98% (draft target)", "0% (TBC)" are placeholders.
 */
const NOT_FINAL = String.raw`(?:provisional|prov\.|estimated?|est\.?|unvalidated|unverified|unaudited|not yet (?:validated|verified|audited)|subject to (?:validation|verification|audit)|awaiting (?:validation|verification|audit))`;
const PROVISIONAL_FIGURE = new RegExp(
  String.raw`^\s*[<>~]?\s*[£€$]?\s*[-+]?\d[\d,]*(?:\.\d+)?(?:\s*(?:k|m|bn|million|thousand)\b)?` +
    // a unit (group 1): "%", or a word or two ("days", "working days", "homes"), not the words saying it is not final
    String.raw`(\s*%|\s*per ?cent\b|\s*(?!${NOT_FINAL}(?![a-z]))[a-z]+(?:\s+(?!${NOT_FINAL}(?![a-z]))[a-z]+)?)?\s*[,–—-]?\s*` +
    // the words, bracketed alone or before a clause of their own ("(provisional, Oct–Dec)", not "(estimated outturn)")
    String.raw`(?:\(\s*${NOT_FINAL}\s*(?:[,;:–—-][^)]*)?\)|${NOT_FINAL}(?![a-z]))` +
    // then nothing that makes it a noun's adjective ("provisional underspend", "estimated to clear the backlog")
    String.raw`\s*(?:$|[.,;:–—(-]|(?:at|as at|pending|awaiting|subject|until|figures?)\b)`,
  "i",
);
/** A unit that any measure may be counted in. */
const TIME_UNIT = /^(?:(?:working|calendar|business)\s+)?(?:days?|weeks?|hours?|hrs?|minutes?|mins?)$/i;
/** A figure for later, not the period's: "98% estimated at year end", "120 (estimated outturn)". */
// Not "outturn" alone: "£950k provisional, final outturn not yet known" is the period's figure (helper-103).
const FORECAST_WORDS = /\b(?:year[- ]?end|forecast|projected|projection|expected|anticipated|full[- ]year|(?:estimated|predicted|likely) outturn)\b/i;

/** "homes" and "home" are one word; so are "properties" and "property". */
const stem = (word: string): string => word.toLowerCase().replace(/ies$/, "y").replace(/s$/, "");

/** Whether the unit words after a figure are a per cent, a span of time, or all words of the indicator's name. */
function unitOfMeasure(unit: string | undefined, name: string): boolean {
  const words = (unit ?? "").trim();
  if (!words || /^%$|^per ?cent$/i.test(words) || TIME_UNIT.test(words)) return true;
  const named = new Set((name.match(/[a-z]+/gi) ?? []).map(stem));
  // "45 homes completed" for "Homes built": the thing named, then what was done with it.
  const [first, second] = words.split(/\s+/);
  return named.has(stem(first)) && (second === undefined || named.has(stem(second)) || /^[a-z]{3,}ed$/i.test(second));
}

/** A figure that is a count of something else: "2 of 5 milestones", "4 weeks behind", "12 month rolling figure". */
const COUNT_OF = /^\s*\S+\s+(?:of|out|months?|weeks?|years?)\b/i;
/** …or a difference or another figure, said in its own clause: "5% below target", "95% target; …", "3 days (estimated) behind the average". */
const COMPARED = /\b(?:below|above|under|over|short|behind|ahead|higher|lower|up|down|more|less|fewer|increase|decrease|better|worse|target|average|benchmark|national|forecast|projected)\b/i;
/** Another period named: the figure may be that period's ("94% at the end of Q2"). */
const OTHER_PERIOD = /\bQ[1-4]\b|\bquarter\b|\blast (?:year|month)\b|\bprevious\b|\b(?:19|20)\d\d\b/i;

/**
 * The period's figure given only in words: "97% provisional at the end of December", "23 days (estimate)".
 * A figure starting a sentence that says it is provisional, and names no other period (a month outside
 * the rated quarter included); not "5% below target", "2 of 5 milestones", "95% target; provisional
 * figures due" or "94% at the end of Q2; Q3 figure due in January" (helper-97, helper-98).
 */
function provisionalFigure(value: CellValue, rated: PeriodInfo | undefined, name: string): boolean {
  if (typeof value !== "string" || COUNT_OF.test(value) || OTHER_PERIOD.test(value) || FORECAST_WORDS.test(value)) return false;
  const figure = PROVISIONAL_FIGURE.exec(value);
  if (!figure || !unitOfMeasure(figure[1], name)) return false;
  // The figure's own clause, brackets left out: "97% (provisional) – on target" says nothing against it.
  const clause = value.replace(/\([^)]*\)/g, " ").split(/[;,–—:]|\s-\s/)[0];
  if (COMPARED.test(clause)) return false;
  // "may be revised" is no month (monthsNamed leaves it out).
  if (!monthsNamed(value).every((month) => inRatedPeriod(month, rated))) return false;
  const reading = readValue(value);
  return reading.kind === "number" && !reading.approximate;
}

/**
 * Whether calendar month `month` (1–12) falls in the rated column's quarter or is its month, or, for a year
 * to date, in the year up to it ("April to December cumulative" under "Q3 YTD Actual"); any month where
 * the column names neither.
 */
function inRatedPeriod(month: number, rated: PeriodInfo | undefined): boolean {
  if (rated?.month !== undefined) return rated.month === month;
  // An undated "Actual" with no report's quarter to go by: a month named may be any period's (helper-102).
  if (rated?.quarter === undefined) return false;
  return rated.yearToDate ? quarterOfMonth(month) <= rated.quarter : quarterOfMonth(month) === rated.quarter;
}

/** The rows of one table: reads the texts that name a record, and its cells when asked for. */
export class TableRows {
  constructor(
    private readonly cells: SheetCells,
    readonly table: TableSpec,
    readonly plan: ColumnPlan,
  ) {}

  isHidden(at: number): boolean {
    return this.cells.isHidden(at);
  }

  field(at: number, m: ColumnMapping | undefined): Field | undefined {
    return m && this.cellField(at, m);
  }

  /**
   * A cell that may be merged down from a row above: one commentary typed for several records ("Both short:
   * the builder went bust" over two rows). A covered cell holds nothing; it reads as the merge's own cell,
   * and keeps its address: the row's (its problems name its record; Excel selects the whole merge from it).
   */
  mergedField(at: number, m: ColumnMapping | undefined): Field | undefined {
    if (!m) return undefined;
    if (isBlank(this.cells.at(at, m.col))) {
      const merge = this.cells.mergeAt(at, m.col);
      if (merge && merge.top < at && merge.left === m.col && merge.top >= this.table.firstRow) {
        return new ColumnField(this.cells.at(merge.top, m.col), this.cells.formatAt(merge.top, m.col), at, m.col);
      }
    }
    return this.cellField(at, m);
  }

  labelled(at: number, columns: ColumnMapping[]): LabelledField[] {
    return columns.length === 0 ? NO_FIELDS : columns.map((m) => new ColumnLabelledField(this.cellField(at, m), m));
  }

  labelledOne(at: number, m: ColumnMapping | undefined): LabelledField | undefined {
    return m && new ColumnLabelledField(this.cellField(at, m), m);
  }

  private cellField(at: number, m: ColumnMapping): ColumnField {
    return new ColumnField(this.cells.at(at, m.col), this.cells.formatAt(at, m.col), at, m.col);
  }

  private text(at: number, m: ColumnMapping | undefined): string {
    if (!m) return "";
    return cellText(this.cells.at(at, m.col)).trim();
  }

  /** Group columns (directorate, committee...) are often merged down a block of rows: read the merge's value. */
  groupText(at: number, role: Role): string | undefined {
    const m = this.plan.single[role];
    if (!m) return undefined;
    let value: CellValue = this.cells.at(at, m.col);
    if (isBlank(value)) {
      const merge = this.cells.mergeAt(at, m.col);
      if (merge) value = this.cells.at(merge.top, merge.left);
      else if (m.group) value = this.groupAbove(at, m.col, m.header.trim().toLowerCase());
    }
    const text = cellText(value).trim();
    return text === "" ? undefined : text;
  }

  /** The last group cell carried down ("Project" typed once over its milestones), remembered so a long block is not walked again for each row. */
  private carried?: { at: number; col: number; value: CellValue };

  private groupAbove(at: number, col: number, header: string): CellValue {
    let value: CellValue = null;
    for (let r = at - 1; r >= this.table.firstRow; r--) {
      const known = this.carried;
      if (known && known.at === r && known.col === col) {
        value = known.value;
        break;
      }
      const v = this.cells.at(r, col);
      // The header printed again at a page break is no group (helper-112): the one above it carries on.
      if (!isBlank(v) && cellText(v).trim().toLowerCase() !== header) {
        value = v;
        break;
      }
    }
    this.carried = { at, col, value };
    return value;
  }

  /** The record of a data row (zero-based sheet row `at`); undefined for a row with no ref and no name. */
  read(at: number, section: string | undefined, problems: Problem[]): SourceRecord | undefined {
    const c = this.plan.single;
    let ref = this.text(at, c.ref);
    let name = this.text(at, c.name);
    if (c.refAndName) {
      const both = this.text(at, c.refAndName);
      const split = splitRefAndName(both);
      if (!ref) ref = split.ref;
      if (!name) name = split.ref && split.ref !== ref && c.ref ? both : split.name;
    }
    if (!name) name = this.text(at, c.description);
    // A project's own line in a "Project | Milestone" plan (its dates or rating, no milestone): the project.
    if (!name && c.priority?.group && [c.manual, c.due, c.progress, this.plan.actual].some((m) => m && !isBlank(this.cells.at(at, m.col)))) name = this.text(at, c.priority);
    if (!ref && !name) {
      const problem = this.unnamed(at);
      if (problem) problems.push(problem);
      return undefined;
    }
    return new RowRecord(this, at, ref, name, section);
  }

  /** A row with no ref and no name: a problem when it holds anything in a known column, else a note row. */
  private unnamed(at: number): Problem | undefined {
    const filled = this.table.columns.find((m) => m.role !== "ignore" && !isBlank(this.cells.at(at, m.col)));
    if (!filled) return undefined;
    const first = this.plan.single.ref ?? this.plan.single.refAndName ?? this.plan.single.name ?? this.plan.single.description ?? filled;
    return {
      sheet: this.table.sheet,
      cell: toA1(at, first.col),
      severity: "warning",
      message: `Row ${at + 1} has entries but no reference or name, so it was left out.`,
    };
  }
}

/**
 * A record as a view of its row. Its ref and name are read at once (they decide whether the row
 * is a record); everything else (the texts that group it, its figures, dates, comment and earlier
 * actuals) each time it is asked for, cells as fresh Fields. Rating reads a few cells of each row
 * and the summary the rest: keeping none of them per record keeps the heap, and the garbage
 * collector's work, small at 100,000 rows. Grids are never changed once read, so a cell read
 * later is the cell read now.
 */
class RowRecord implements SourceRecord {
  constructor(
    private readonly rows: TableRows,
    /** Zero-based sheet row. */
    private readonly at: number,
    readonly ref: string,
    readonly name: string,
    /** The section heading above the row: the priority where the row has no priority cell. */
    private readonly section: string | undefined,
  ) {}

  get kind(): RecordKind {
    return this.rows.table.kind;
  }
  get sheet(): string {
    return this.rows.table.sheet;
  }
  get row(): number {
    return this.at + 1;
  }
  get hidden(): true | undefined {
    return this.rows.isHidden(this.at) ? true : undefined;
  }

  get priority(): string | undefined {
    return this.rows.groupText(this.at, "priority") ?? this.section;
  }
  get directorate(): string | undefined {
    return this.rows.groupText(this.at, "directorate");
  }
  get committee(): string | undefined {
    return this.rows.groupText(this.at, "committee");
  }
  get lead(): string | undefined {
    return this.rows.groupText(this.at, "lead");
  }
  get frequency(): string | undefined {
    return this.rows.groupText(this.at, "frequency");
  }
  get outcome(): string | undefined {
    return this.rows.groupText(this.at, "outcome");
  }

  private single(role: Role): Field | undefined {
    return this.rows.field(this.at, this.rows.plan.single[role]);
  }
  private activityField(role: "progress" | "start" | "due"): Field | undefined {
    if (this.kind !== "activity") return undefined;
    const field = this.single(role);
    const position = role === "progress" ? this.rows.plan.progressFallback : undefined;
    if (position) {
      // An action plan's position in words: the progress where it says how far the action has got (helper-108).
      const said = this.rows.field(this.at, position);
      return said && typeof said.value === "string" && readsAsProgress(said.value) ? said : undefined;
    }
    // A revised date left blank, or holding no date ("N/A", "No change", "TBC"): the original stands,
    // where there is one (helper-93: "N/A" beside 30/09/2010 gave no data, not overdue).
    const original = role === "progress" ? undefined : this.rows.plan.dateFallback?.[role];
    const read = role === "due" ? readDueDate : readDate;
    let chosen = field;
    if (original && !(field && !isBlank(field.value) && read(field.value, field.format) !== undefined)) {
      const first = this.rows.field(this.at, original);
      if (first && !isBlank(first.value)) chosen = first;
    }
    // "When" beside the firm date(s), read only where they are all blank (helper-114, helper-115).
    const loose = role === "due" ? this.rows.plan.looseDue : undefined;
    if (loose && (!chosen || isBlank(chosen.value))) return this.rows.field(this.at, loose) ?? chosen;
    return chosen;
  }
  private indicatorField(m: ColumnMapping | undefined): Field | undefined {
    return this.kind === "indicator" ? this.rows.field(this.at, m) : undefined;
  }
  private indicatorFields(columns: ColumnMapping[]): LabelledField[] {
    return this.kind === "indicator" ? this.rows.labelled(this.at, columns) : NO_FIELDS;
  }

  get comment(): Field | undefined {
    return this.rows.mergedField(this.at, this.rows.plan.single.comment);
  }
  get polarity(): Field | undefined {
    return this.single("polarity");
  }
  get tolerance(): Field | undefined {
    return this.single("tolerance");
  }
  get toleranceUnit(): "percent" | "points" | undefined {
    const header = this.rows.plan.single.tolerance?.header ?? "";
    if (POINTS_HEADER.test(header)) return "points";
    return PERCENT_HEADER.test(header) ? "percent" : undefined;
  }
  get manual(): Field | undefined {
    return this.single("manual");
  }
  get progress(): Field | undefined {
    return this.activityField("progress");
  }
  get progressFromUpdate(): boolean {
    return this.kind === "activity" && this.rows.plan.progressFallback !== undefined;
  }
  get start(): Field | undefined {
    return this.activityField("start");
  }
  get due(): Field | undefined {
    return this.activityField("due");
  }
  get actual(): Field | undefined {
    const field = this.indicatorField(this.rows.plan.actual);
    const fallback = this.rows.plan.actualFallback;
    if (!fallback || this.kind !== "indicator" || (field && !isBlank(field.value))) return field;
    // The officer gave the figure only in words: read, as at the start of 6 December, not "no data".
    const position = this.rows.field(this.at, fallback);
    // Under an undated "Actual", the report's quarter is the one its months are checked against.
    const plan = this.rows.plan;
    const rated = plan.actual?.period ?? (plan.reportQuarter !== undefined ? { label: "", quarter: plan.reportQuarter, yearToDate: false } : undefined);
    return position && provisionalFigure(position.value, rated, this.name) ? position : field;
  }
  get periodLabel(): string | undefined {
    return this.kind === "indicator" ? this.rows.plan.actual?.header : undefined;
  }
  get target(): Field | undefined {
    return this.indicatorField(this.rows.plan.target);
  }
  get annualTarget(): Field | undefined {
    return this.indicatorField(this.rows.plan.annualTarget);
  }
  get yearToDate(): true | undefined {
    return this.kind === "indicator" && this.rows.plan.yearToDate ? true : undefined;
  }
  get periodFraction(): number | undefined {
    return this.kind === "indicator" ? this.rows.plan.periodFraction : undefined;
  }
  get series(): LabelledField[] {
    return this.indicatorFields(this.rows.plan.series);
  }
  get yearAgo(): LabelledField | undefined {
    return this.kind === "indicator" ? this.rows.labelledOne(this.at, this.rows.plan.yearAgo) : undefined;
  }
  get earlier(): LabelledField[] {
    return this.indicatorFields(this.rows.plan.earlier);
  }
  get comparators(): LabelledField[] {
    return this.indicatorFields(this.rows.plan.comparators);
  }

  /** The same JSON as a plain SourceRecord (properties a record lacks are undefined, so left out). */
  toJSON(): SourceRecord {
    const { kind, sheet, row, hidden, ref, name, series, yearAgo, earlier, comparators, priority, directorate, committee, lead, frequency, outcome } = this;
    const { comment, polarity, tolerance, toleranceUnit, manual, progress, start, due, actual, periodLabel, target, annualTarget, yearToDate, periodFraction } = this;
    const fromUpdate = this.progressFromUpdate ? { progressFromUpdate: true } : {};
    return { kind, sheet, row, hidden, ref, name, series, yearAgo, earlier, comparators, priority, directorate, committee, lead, frequency, outcome, comment, polarity, tolerance, toleranceUnit, manual, progress, ...fromUpdate, start, due, actual, periodLabel, target, annualTarget, yearToDate, periodFraction };
  }
}
