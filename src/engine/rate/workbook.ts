// The whole engine in one call: grids → tables → records → ratings, with every problem named by sheet and cell.
import { periodEnd, periodFraction, type ReportingPeriod } from "../read/periods";
import { rateActivity, rateIndicator } from "./rate";
import { namesAPercentage } from "./indicator";
import { readRecords } from "../detect/records";
import { statusesOf } from "../scheme/schemes";
import { detectTables } from "../detect/tables";
import { settlePending } from "../detect/pending";
import { sideBySideProblems } from "../detect/side-by-side";
import { commentaryProblem, type CommentaryOptions } from "./commentary";
import type { Field, Problem, QualityNote, Rating, RecordKind, Role, Scheme, SheetGrid, SourceRecord, TableSpec } from "../vocab/types";

export interface RateOptions {
  scheme: Scheme;
  period?: ReportingPeriod;
  /** ISO date; defaults to the end of the period, else the caller's today. */
  reportDate?: string;
  /** Corrections to column roles made by the user (pane dropdown or the rules sheet). */
  columnOverrides?: ColumnOverride[];
  /** Count hidden rows with the rest (RULES §10); by default they are rated but left out of counts. */
  includeHidden?: boolean;
  /** Tables already found (detectWorkbookTables), so that they are not looked for twice. */
  tables?: TableSpec[];
  /** Each table's own year, where its title or headers name one (settlePending). */
  tableYears?: ReadonlyMap<TableSpec, number>;
  /** ISO date: no figure is for a period ending after it (a rolling year's dating, settlePending). */
  today?: string;
}

export interface ColumnOverride {
  sheet: string;
  header: string;
  role: Role;
}

export interface RatedRecord {
  record: SourceRecord;
  rating: Rating;
}

export interface WorkbookResult {
  tables: TableSpec[];
  rated: RatedRecord[];
  problems: Problem[];
  /** By status, as the pack's headline: hidden rows left out unless included (RULES §10). */
  counts: Record<RecordKind, Record<string, number>>;
  /** Hidden rows rated but left out of the counts (0 when included). */
  hiddenLeftOut?: number;
}

export function rateRecord(record: SourceRecord, options: RateOptions): Rating {
  const { scheme } = options;
  if (record.kind === "activity") {
    const { progress, due, start } = record;
    return rateActivity(scheme, {
      manual: record.manual?.value,
      progress: progress?.value,
      progressFormat: progress?.format,
      ...(record.progressFromUpdate ? { quietProgress: true } : {}),
      due: due?.value,
      dueFormat: due?.format,
      start: start?.value,
      startFormat: start?.format,
      reportDate: options.reportDate,
    });
  }
  const { target, annualTarget, actual, tolerance } = record;
  return rateIndicator(scheme, {
    target: target?.value,
    targetFormat: target?.format,
    annualTarget: annualTarget?.value,
    annualTargetFormat: annualTarget?.format,
    actual: actual?.value,
    actualFormat: actual?.format,
    polarity: record.polarity?.value,
    tolerance: tolerance?.value,
    toleranceFormat: tolerance?.format,
    toleranceUnit: record.toleranceUnit,
    manual: record.manual?.value,
    yearToDate: record.yearToDate,
    periodFraction: record.periodFraction ?? periodFraction(options.period),
    series: record.series.map((s) => s.field),
    yearAgo: record.yearAgo?.field,
    comparators: record.comparators,
    percentMeasure: namesAPercentage(record.name),
  });
}

/** The cell a data-quality note is about; a polarity taken from the target's operator points at the target. */
function fieldForNote(record: SourceRecord, note: QualityNote): Field | undefined {
  switch (note.about) {
    case "annualTarget":
      return record.annualTarget;
    case "target":
      return record.target ?? record.annualTarget;
    case "polarity":
      return record.polarity ?? record.target;
    case "comparator":
      return record.comparators.find((c) => c.label === note.label)?.field;
    default:
      return record[note.about];
  }
}

function cellForNote(record: SourceRecord, note: QualityNote): string {
  return fieldForNote(record, note)?.cell ?? record.actual?.cell ?? record.manual?.cell ?? `A${record.row}`;
}

/** A rating's problems at their cells; with `commentary`, an exception with no commentary too (rate/commentary.ts). */
export function addRatingProblems(problems: Problem[], record: SourceRecord, rating: Rating, commentary?: CommentaryOptions): void {
  // Indexed: most ratings have no notes, and for…of makes an iterator for each (a record at a time).
  for (let i = 0; i < rating.quality.length; i++) {
    const note = rating.quality[i];
    problems.push({ sheet: record.sheet, cell: cellForNote(record, note), message: `${record.ref || record.name}: ${note.text}`, severity: "warning" });
  }
  // A record the rules could not rate because of one of its cells: a problem at that cell. Reasons
  // are written out only for these (they are made when first read).
  // Whatever status is shown (the officer's own where the rules could not rate), the cell that
  // stopped the rules is a problem.
  const unrated = rating.unrated !== undefined;
  if (unrated && rating.unrated === "noDirection") {
    problems.push({ sheet: record.sheet, cell: record.target?.cell ?? `A${record.row}`, message: `${record.ref || record.name}: ${rating.reason}`, severity: "warning" });
  }
  if (unrated && (rating.unrated === "unreadableActual" || rating.unrated === "unreadableTarget")) {
    const field = rating.unrated === "unreadableActual" ? record.actual : (record.target ?? record.annualTarget);
    problems.push({ sheet: record.sheet, cell: field?.cell ?? `A${record.row}`, message: `${record.ref || record.name}: unreadable figure: ${rating.reason.replace(/^officer's rating \((.*)\)$/, "$1")}`, severity: "error" });
  }
  if (unrated && rating.unrated === "missingActual") {
    const what = record.periodLabel ? `no ${record.periodLabel} figure` : "no figure for the period";
    const reason = rating.reason.replace(/^officer's rating \((.*)\)$/, "$1");
    const why = reason === "no actual" ? "" : `: ${reason}`;
    problems.push({ sheet: record.sheet, cell: record.actual?.cell ?? `A${record.row}`, message: `${record.ref || record.name}: ${what}${why}`, severity: "warning" });
  }
  const uncommented = commentary && commentaryProblem(record, rating, commentary);
  if (uncommented) problems.push(uncommented);
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** The user's corrections win over detection: same sheet, same header text. */
export function applyOverrides(tables: TableSpec[], overrides: ColumnOverride[]): TableSpec[] {
  if (overrides.length === 0) return tables;
  return tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) => {
      const o = overrides.find((x) => norm(x.sheet) === norm(t.sheet) && norm(x.header) === norm(c.header));
      if (!o) return c;
      // The user's role stands: not judged again by the column's figures (detect/differences.ts).
      const { headerRole: _judged, ...rest } = c;
      return { ...rest, role: o.role };
    }),
  }));
}

export function emptyCounts(scheme: Scheme): Record<RecordKind, Record<string, number>> {
  const zero = (kind: RecordKind) => Object.fromEntries(statusesOf(scheme, kind).map((s) => [s.key, 0]));
  return { indicator: zero("indicator"), activity: zero("activity") };
}

/** The tables of every sheet, with the user's column corrections applied. */
export function detectWorkbookTables(grids: SheetGrid[], overrides: ColumnOverride[]): TableSpec[] {
  return grids.flatMap((grid) => applyOverrides(detectTables(grid), overrides));
}

/** Rates every record of every sheet. One bad row never stops the rest: its trouble becomes a problem. */
export function rateWorkbook(grids: SheetGrid[], options: RateOptions): WorkbookResult {
  const reportDate = options.reportDate ?? periodEnd(options.period);
  const opts = { ...options, reportDate };
  const tables: TableSpec[] = [];
  const rated: RatedRecord[] = [];
  const problems: Problem[] = [];
  const counts = emptyCounts(options.scheme);
  let hiddenLeftOut = 0;
  for (const grid of grids) {
    const found = options.tables ? options.tables.filter((t) => t.sheet === grid.name) : applyOverrides(detectTables(grid), options.columnOverrides ?? []);
    problems.push(...sideBySideProblems(grid, found));
    settlePending(found, options.period, options.tableYears, options.today);
    tables.push(...found);
    const read = readRecords(grid, found, options.period?.startYear, options.period?.quarter);
    problems.push(...read.problems);
    for (const record of read.records) {
      const rating = rateRecord(record, opts);
      rated.push({ record, rating });
      if (record.hidden && !options.includeHidden) {
        hiddenLeftOut++;
      } else {
        const kindCounts = counts[record.kind];
        kindCounts[rating.status] = (kindCounts[rating.status] ?? 0) + 1;
      }
      addRatingProblems(problems, record, rating, options);
    }
  }
  return { tables, rated, problems, counts, hiddenLeftOut };
}
