// One SourceRecord per data row of each table, with the cells it came from.
import { toA1 } from "./address";
import { SheetCells, cellText, isBlank, splitRefAndName } from "./cells";
import { actualKind, periodFraction, periodPosition, yearStart } from "./headers";
import { classifyBodyRow, gapRow, tableShape } from "./tables";
import type { CellValue, ColumnMapping, Field, LabelledField, PeriodInfo, Problem, RecordKind, Role, SheetGrid, SourceRecord, TableSpec } from "./types";

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
export function readRecords(grid: SheetGrid, tables: TableSpec[]): ReadResult {
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
    const plan = planColumns(table.columns);
    problems.push(...tableProblems(table, plan));
    const reader = new TableRows(cells, table, plan);
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const kind = classifyBodyRow(cells, shape, r);
      if (kind.kind === "section") section = kind.text;
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

export interface ColumnPlan {
  single: Partial<Record<Role, ColumnMapping>>;
  actual?: ColumnMapping;
  /** The target to compare as it stands: the rated period's own target, else (not year-to-date) the annual one. */
  target?: ColumnMapping;
  annualTarget?: ColumnMapping;
  yearToDate: boolean;
  periodFraction?: number;
  series: ColumnMapping[];
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
export function planColumns(columns: ColumnMapping[]): ColumnPlan {
  const single: Partial<Record<Role, ColumnMapping>> = {};
  for (const role of SINGLE_ROLES) {
    const all = columns.filter((c) => c.role === role);
    const dated = all.filter((c) => c.period);
    single[role] = dated.length > 0 ? latest(dated, () => undefined) : all[0];
  }
  const targets = columns.filter((c) => c.role === "annualTarget" || c.role === "periodTarget");
  const periodYears = (cols: ColumnMapping[]) => cols.map((c) => yearStart(c.period?.year)).filter((y): y is number => y !== undefined);
  const inherited = maxOrUndefined(periodYears(targets)) ?? maxOrUndefined(periodYears(columns));
  const yearOf = (c: ColumnMapping) => yearStart(c.period?.year) ?? inherited;

  const actuals = columns.filter((c) => c.role === "actual");
  const candidates = actuals.filter((c) => actualKind(c.header) !== "baseline");
  const rated = candidates.length > 0 ? latest(candidates, yearOf) : undefined;
  const plan: ColumnPlan = { single, yearToDate: false, series: [], earlier: actuals.filter((c) => c !== rated), comparators: columns.filter((c) => c.role === "comparator") };
  if (!rated) {
    plan.annualTarget = pickAnnual(columns, inherited, yearOf);
    return plan;
  }
  plan.actual = rated;
  const headline = frequency(rated) === "none";
  plan.yearToDate = rated.period?.yearToDate ?? false;
  if (!headline) plan.periodFraction = periodFraction(rated.period);
  const ratedYear = yearOf(rated);
  const ratedPos = headline ? undefined : periodPosition(rated.period);
  plan.annualTarget = pickAnnual(columns, ratedYear, yearOf);
  const own = columns.find(
    (c) => c.role === "periodTarget" && yearOf(c) === ratedYear && (periodPosition(c.period) === ratedPos || (c.period?.yearToDate && plan.yearToDate && periodPosition(c.period) === undefined)),
  );
  plan.target = own ?? (plan.yearToDate ? undefined : plan.annualTarget);
  plan.series = seriesFor(rated, actuals, yearOf);
  return plan;
}

function maxOrUndefined(values: number[]): number | undefined {
  return values.length > 0 ? Math.max(...values) : undefined;
}

/** The column with the latest period; ties go to the rightmost. */
function latest(cols: ColumnMapping[], yearOf: (c: ColumnMapping) => number | undefined): ColumnMapping {
  const key = (c: ColumnMapping): [number, number] => {
    const kind = actualKind(c.header);
    if (c.role === "actual" && kind === "baseline") return [-Infinity, 0];
    if (c.role === "actual" && kind === "headline") return [Infinity, 0];
    return [yearOf(c) ?? yearStart(c.period?.year) ?? 0, periodPosition(c.period) ?? 13];
  };
  let best = cols[0];
  let bestKey = key(best);
  for (const c of cols.slice(1)) {
    const k = key(c);
    if (k[0] > bestKey[0] || (k[0] === bestKey[0] && k[1] >= bestKey[1])) {
      best = c;
      bestKey = k;
    }
  }
  return best;
}

/** The annual target for a year: that year's, else one naming no year, else the latest. */
function pickAnnual(columns: ColumnMapping[], year: number | undefined, yearOf: (c: ColumnMapping) => number | undefined): ColumnMapping | undefined {
  const annual = columns.filter((c) => c.role === "annualTarget");
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

/** The rows of one table: reads the texts that name a record, and its cells when asked for. */
class TableRows {
  constructor(
    private readonly cells: SheetCells,
    readonly table: TableSpec,
    readonly plan: ColumnPlan,
  ) {}

  field(at: number, m: ColumnMapping | undefined): Field | undefined {
    return m && this.cellField(at, m);
  }

  labelled(at: number, columns: ColumnMapping[]): LabelledField[] {
    return columns.length === 0 ? NO_FIELDS : columns.map((m) => new ColumnLabelledField(this.cellField(at, m), m));
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
    }
    const text = cellText(value).trim();
    return text === "" ? undefined : text;
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
    return this.kind === "activity" ? this.single(role) : undefined;
  }
  private indicatorField(m: ColumnMapping | undefined): Field | undefined {
    return this.kind === "indicator" ? this.rows.field(this.at, m) : undefined;
  }
  private indicatorFields(columns: ColumnMapping[]): LabelledField[] {
    return this.kind === "indicator" ? this.rows.labelled(this.at, columns) : NO_FIELDS;
  }

  get comment(): Field | undefined {
    return this.single("comment");
  }
  get polarity(): Field | undefined {
    return this.single("polarity");
  }
  get tolerance(): Field | undefined {
    return this.single("tolerance");
  }
  get manual(): Field | undefined {
    return this.single("manual");
  }
  get progress(): Field | undefined {
    return this.activityField("progress");
  }
  get start(): Field | undefined {
    return this.activityField("start");
  }
  get due(): Field | undefined {
    return this.activityField("due");
  }
  get actual(): Field | undefined {
    return this.indicatorField(this.rows.plan.actual);
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
  get earlier(): LabelledField[] {
    return this.indicatorFields(this.rows.plan.earlier);
  }
  get comparators(): LabelledField[] {
    return this.indicatorFields(this.rows.plan.comparators);
  }

  /** The same JSON as a plain SourceRecord (properties a record lacks are undefined, so left out). */
  toJSON(): SourceRecord {
    const { kind, sheet, row, ref, name, series, earlier, comparators, priority, directorate, committee, lead, frequency, outcome } = this;
    const { comment, polarity, tolerance, manual, progress, start, due, actual, periodLabel, target, annualTarget, yearToDate, periodFraction } = this;
    return { kind, sheet, row, ref, name, series, earlier, comparators, priority, directorate, committee, lead, frequency, outcome, comment, polarity, tolerance, manual, progress, start, due, actual, periodLabel, target, annualTarget, yearToDate, periodFraction };
  }
}
