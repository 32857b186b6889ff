// One SourceRecord per data row of each table, with the cells it came from.
import { colToLetters, toA1 } from "./address";
import { SheetCells, cellText, isBlank, splitRefAndName } from "./cells";
import { actualKind, periodFraction, periodPosition, yearStart } from "./headers";
import { classifyBodyRow, gapRow, tableShape } from "./tables";
import type { CellValue, ColumnMapping, Field, LabelledField, Problem, Role, SheetGrid, SourceRecord, TableSpec } from "./types";

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
    const reader = new RowReader(cells, table, plan);
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const kind = classifyBodyRow(cells, shape, r);
      if (kind.kind === "section") section = kind.text;
      if (kind.kind !== "data") continue;
      const read = reader.read(r, section);
      if (read.ok) records.push(read.record);
      else if (read.problem) problems.push(read.problem);
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

type RowRead = { ok: true; record: SourceRecord } | { ok: false; problem?: Problem };

/**
 * Reads the rows of one table. Hot path: column letters are worked out once, and one Field
 * per column per row is shared by actual, series and earlier (readers never change them).
 */
class RowReader {
  private readonly letters: string[] = [];
  private fieldRow = -1;
  private fields: (Field | undefined)[] = [];
  private labels: (LabelledField | undefined)[] = [];

  constructor(
    private readonly cells: SheetCells,
    private readonly table: TableSpec,
    private readonly plan: ColumnPlan,
  ) {
    for (const c of table.columns) this.letters[c.col] = colToLetters(c.col);
  }

  private field(row: number, m: ColumnMapping): Field {
    if (row !== this.fieldRow) {
      this.fieldRow = row;
      this.fields = [];
      this.labels = [];
    }
    const had = this.fields[m.col];
    if (had) return had;
    const value = this.cells.at(row, m.col);
    const format = this.cells.formatAt(row, m.col);
    const made: Field = { cell: (this.letters[m.col] ?? colToLetters(m.col)) + (row + 1), value, text: cellText(value, format) };
    if (format) made.format = format;
    this.fields[m.col] = made;
    return made;
  }

  private labelled(row: number, m: ColumnMapping): LabelledField {
    const field = this.field(row, m);
    const had = this.labels[m.col];
    if (had) return had;
    const made: LabelledField = m.period ? { label: m.header, field, period: m.period } : { label: m.header, field };
    this.labels[m.col] = made;
    return made;
  }

  private text(row: number, m: ColumnMapping | undefined): string {
    if (!m) return "";
    return cellText(this.cells.at(row, m.col)).trim();
  }

  /** Group columns (directorate, committee...) are often merged down a block of rows: read the merge's value. */
  private groupText(row: number, m: ColumnMapping | undefined): string | undefined {
    if (!m) return undefined;
    let value: CellValue = this.cells.at(row, m.col);
    if (isBlank(value)) {
      const merge = this.cells.mergeAt(row, m.col);
      if (merge) value = this.cells.at(merge.top, merge.left);
    }
    const text = cellText(value).trim();
    return text === "" ? undefined : text;
  }

  read(row: number, section: string | undefined): RowRead {
    const { plan, table } = this;
    const c = plan.single;
    let ref = this.text(row, c.ref);
    let name = this.text(row, c.name);
    if (c.refAndName) {
      const both = this.text(row, c.refAndName);
      const split = splitRefAndName(both);
      if (!ref) ref = split.ref;
      if (!name) name = split.ref && split.ref !== ref && c.ref ? both : split.name;
    }
    if (!name) name = this.text(row, c.description);
    if (!ref && !name) return { ok: false, problem: this.unnamed(row) };

    const record: SourceRecord = { kind: table.kind, sheet: table.sheet, row: row + 1, ref, name, series: [], earlier: [], comparators: [] };
    const priority = this.groupText(row, c.priority) ?? section;
    if (priority !== undefined) record.priority = priority;
    const directorate = this.groupText(row, c.directorate);
    if (directorate !== undefined) record.directorate = directorate;
    const committee = this.groupText(row, c.committee);
    if (committee !== undefined) record.committee = committee;
    const lead = this.groupText(row, c.lead);
    if (lead !== undefined) record.lead = lead;
    const frequency = this.groupText(row, c.frequency);
    if (frequency !== undefined) record.frequency = frequency;
    const outcome = this.groupText(row, c.outcome);
    if (outcome !== undefined) record.outcome = outcome;
    if (c.comment) record.comment = this.field(row, c.comment);
    if (c.polarity) record.polarity = this.field(row, c.polarity);
    if (c.tolerance) record.tolerance = this.field(row, c.tolerance);
    if (c.manual) record.manual = this.field(row, c.manual);

    if (table.kind === "activity") {
      if (c.progress) record.progress = this.field(row, c.progress);
      if (c.start) record.start = this.field(row, c.start);
      if (c.due) record.due = this.field(row, c.due);
      return { ok: true, record };
    }
    if (plan.actual) {
      record.actual = this.field(row, plan.actual);
      record.periodLabel = plan.actual.header;
    }
    if (plan.target) record.target = this.field(row, plan.target);
    if (plan.annualTarget) record.annualTarget = this.field(row, plan.annualTarget);
    if (plan.yearToDate) record.yearToDate = true;
    if (plan.periodFraction !== undefined) record.periodFraction = plan.periodFraction;
    record.series = plan.series.map((m) => this.labelled(row, m));
    record.earlier = plan.earlier.map((m) => this.labelled(row, m));
    record.comparators = plan.comparators.map((m) => this.labelled(row, m));
    return { ok: true, record };
  }

  /** A row with no ref and no name: a problem when it holds anything in a known column, else a note row. */
  private unnamed(row: number): Problem | undefined {
    const filled = this.table.columns.find((m) => m.role !== "ignore" && !isBlank(this.cells.at(row, m.col)));
    if (!filled) return undefined;
    const first = this.plan.single.ref ?? this.plan.single.refAndName ?? this.plan.single.name ?? this.plan.single.description ?? filled;
    return {
      sheet: this.table.sheet,
      cell: toA1(row, first.col),
      severity: "warning",
      message: `Row ${row + 1} has entries but no reference or name, so it was left out.`,
    };
  }
}
