// The committee summary as data: counts by status, exceptions, scorecards by group, checks and problems.
// Layout (layout.ts) turns it into a sheet plan; nothing here knows about cells or colours.
import { commentaryText } from "../vocab/plain-words";
import { parseA1 } from "../vocab/address";
import { dateText, fieldText, progressFigure, progressText } from "./layout-text";
import { earlierOf, marked, markOf, ratingMarkOf, type EarlierMarks, type EarlierRecords } from "./earlier-records";
import { percentages } from "./percentages";
import { statusesOf } from "../scheme/schemes";
import { targetUsedText } from "./target-text";
import { checkRows } from "./officer-issues";
import type { ComparatorResult, Direction, Level, Problem, Rating, RecordKind, Scheme, SourceRecord, StatusSource, Trend } from "../vocab/types";
import type { RatedRecord, WorkbookResult } from "../rate/workbook";
import type { StaleTable } from "../detect/period-infer";

export { percentages } from "./percentages";
export { marked, type EarlierRecords } from "./earlier-records";

export type GroupBy = "priority" | "directorate";

export interface StatusCount {
  key: string;
  count: number;
  /** Whole percent of the kind's total (largest remainder, ties kept equal: the sum may fall short of 100). */
  percent: number;
}

export interface KindCounts {
  kind: RecordKind;
  total: number;
  /** Every status of the kind, in scheme order (zeros included). */
  statuses: StatusCount[];
}

export interface Labelled {
  label: string;
  text: string;
  /** A comparator's: how the actual compares with it, where it was compared (RULES §4). */
  result?: ComparatorResult;
}

export interface IndicatorRow {
  sheet: string;
  row: number;
  ref: string;
  name: string;
  earlier: Labelled[];
  target: string;
  actual: string;
  status: string;
  level: Level;
  /** "officer" where the officer's own rating is shown because the rules could not rate (RULES §7). */
  source?: StatusSource;
  /** "Q2 rating": a status from a table of an earlier period, where no figure shown carries the mark. */
  earlierRating?: string;
  trend: Trend;
  /** Against the same period last year, where that is a comparison of its own (longTermOf). */
  trendLongTerm?: Trend;
  direction?: Direction;
  /** Each comparator as typed, with how the actual compares with it where it could be compared. */
  comparators: Labelled[];
  comment: string;
  lead: string;
  reason: string;
}

export interface ActivityRow {
  sheet: string;
  row: number;
  ref: string;
  name: string;
  status: string;
  level: Level;
  source?: StatusSource;
  /** "Q2 rating": a status from a table of an earlier period, where no figure shown carries the mark. */
  earlierRating?: string;
  progress: string;
  start: string;
  due: string;
  update: string;
  lead: string;
  directorate: string;
  priority: string;
  reason: string;
}

export interface ExceptionRow {
  kind: RecordKind;
  sheet: string;
  row: number;
  ref: string;
  name: string;
  status: string;
  level: Level;
  source?: StatusSource;
  /** "Q2 rating": a status from a table of an earlier period, where no figure shown carries the mark. */
  earlierRating?: string;
  /** Indicators: target and actual text; activities: due date and progress. */
  target: string;
  actual: string;
  progress: string;
  due: string;
  /** The figures in one line, e.g. "Target: Less than 10,459; actual: 11,428". */
  figures: string;
  trend: Trend;
  trendLongTerm?: Trend;
  direction?: Direction;
  /** The officer's comment as typed ("" when none). */
  commentary: string;
  reason: string;
  lead: string;
  group: string;
}

export interface ScorecardGroup {
  /** The priority or directorate as typed ("" for records with none). */
  name: string;
  indicators: IndicatorRow[];
  activities: ActivityRow[];
  counts: Record<RecordKind, KindCounts>;
}

/** A status check or data-quality problem, named by sheet!cell. */
export interface IssueRow {
  ref: string;
  where: string;
  message: string;
  severity: "check" | "error" | "warning";
}

export interface SummaryModel {
  committee?: string;
  groupBy: GroupBy;
  /** Same shape and numbers as the JSON `counts` for the records summarised. */
  counts: Record<RecordKind, Record<string, number>>;
  headline: Record<RecordKind, KindCounts>;
  total: number;
  /** Levels listed as exceptions (the scheme's). */
  exceptionLevels: Level[];
  exceptions: ExceptionRow[];
  groups: ScorecardGroup[];
  checks: IssueRow[];
  problems: IssueRow[];
  /** Hidden rows of this committee rated but left out of the summary (RULES §10). */
  hiddenLeftOut: number;
  /** Records counted here from tables of an earlier period than the report's, by period (RULES §10). */
  earlier: EarlierRecords[];
}

const fold = (s: string | undefined): string => (s ?? "").trim().toLowerCase();

/** Distinct committees named by records (first spelling kept, case ignored), sorted: one summary each. */
export function committeesOf(rated: RatedRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const { record } of rated) {
    const name = (record.committee ?? "").trim();
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "en-GB"));
}

function countRecords(scheme: Scheme, rated: RatedRecord[]): Record<RecordKind, Record<string, number>> {
  const zero = (kind: RecordKind) => Object.fromEntries(statusesOf(scheme, kind).map((s) => [s.key, 0])) as Record<string, number>;
  const counts = { indicator: zero("indicator"), activity: zero("activity") };
  for (const { record, rating } of rated) counts[record.kind][rating.status] = (counts[record.kind][rating.status] ?? 0) + 1;
  return counts;
}

function kindCounts(kind: RecordKind, counts: Record<string, number>): KindCounts {
  const keys = Object.keys(counts);
  const values = keys.map((k) => counts[k]);
  const percents = percentages(values);
  return { kind, total: values.reduce((a, b) => a + b, 0), statuses: keys.map((key, i) => ({ key, count: values[i], percent: percents[i] })) };
}

function headlineOf(counts: Record<RecordKind, Record<string, number>>): Record<RecordKind, KindCounts> {
  return { indicator: kindCounts("indicator", counts.indicator), activity: kindCounts("activity", counts.activity) };
}

const labelled = (fields: SourceRecord["earlier"]): Labelled[] => fields.map((f) => ({ label: f.label, text: fieldText(f.field) }));

/** The comparators as typed, each with how the actual compares with it where it was compared. */
function comparatorsOf(record: SourceRecord, rating: Rating): Labelled[] {
  const shown = labelled(record.comparators);
  const results = rating.comparisons ?? [];
  if (results.length === 0) return shown;
  const pending = [...results];
  return shown.map((item) => {
    const at = pending.findIndex((c) => c.label === item.label);
    if (at < 0) return item;
    const [comparison] = pending.splice(at, 1);
    return { ...item, result: comparison.result };
  });
}

/**
 * The long-term trend where it is a comparison of its own. Where the short term already compares
 * with the same period last year (a series of whole years, or of one year-to-date point) the two
 * are one comparison, so it is shown once: as the short term.
 */
export function longTermOf(record: SourceRecord, rating: Rating): Trend | undefined {
  if (rating.trendLongTerm === undefined || record.kind !== "indicator") return undefined;
  const yearAgo = record.yearAgo;
  if (!yearAgo) return undefined;
  const series = record.series;
  const previous = series.length >= 2 ? series[series.length - 2] : undefined;
  return previous?.field.cell === yearAgo.field.cell ? undefined : rating.trendLongTerm;
}

function indicatorRow({ record, rating }: RatedRecord, marks?: EarlierMarks): IndicatorRow {
  return {
    sheet: record.sheet,
    row: record.row,
    ref: record.ref,
    name: record.name,
    earlier: labelled(record.earlier),
    target: targetUsedText(record),
    actual: marked(fieldText(record.actual), marks?.figure),
    earlierRating: ratingMarkOf(fieldText(record.actual), marks, rating),
    status: rating.status,
    level: rating.level,
    source: rating.source,
    trend: rating.trend,
    trendLongTerm: longTermOf(record, rating),
    direction: rating.direction,
    comparators: comparatorsOf(record, rating),
    comment: commentaryText(record.comment?.text),
    lead: record.lead ?? "",
    reason: rating.reason,
  };
}

function activityRow({ record, rating }: RatedRecord, marks?: EarlierMarks): ActivityRow {
  return {
    sheet: record.sheet,
    row: record.row,
    ref: record.ref,
    name: record.name,
    status: rating.status,
    level: rating.level,
    source: rating.source,
    progress: marked(shownProgress(record), marks?.figure),
    earlierRating: ratingMarkOf(shownProgress(record), marks, rating),
    start: dateText(record.start),
    due: dateText(record.due),
    update: commentaryText(record.comment?.text),
    lead: record.lead ?? "",
    directorate: record.directorate ?? "",
    priority: record.priority ?? "",
    reason: rating.reason,
  };
}

/** Worst first; then the order of the trackers. */
const SEVERITY: Level[] = ["bad", "near", "closed", "nodata", "dataonly", "good", "ahead", "done"];

/** An activity's progress as the pack shows it: a position read as progress is shown once, as the update; only a figure in it is the progress too. */
function shownProgress(record: SourceRecord): string {
  return record.progressFromUpdate ? progressFigure(record.progress) : progressText(record.progress);
}

function exceptionRow(item: RatedRecord, group: string, marks?: EarlierMarks): ExceptionRow {
  const { record, rating } = item;
  const isIndicator = record.kind === "indicator";
  const target = isIndicator ? targetUsedText(record) : "";
  const figure = isIndicator ? fieldText(record.actual) : shownProgress(record);
  const actual = isIndicator ? marked(figure, marks?.figure) : "";
  const progress = isIndicator ? "" : marked(figure, marks?.figure);
  const due = isIndicator ? "" : dateText(record.due);
  const parts = isIndicator
    ? [target && `Target: ${target}`, actual && `Actual: ${actual}`]
    : [progress && `Progress: ${progress}`, due && `Due: ${due}`];
  return {
    kind: record.kind,
    sheet: record.sheet,
    row: record.row,
    ref: record.ref,
    name: record.name,
    status: rating.status,
    level: rating.level,
    source: rating.source,
    target,
    actual,
    progress,
    due,
    earlierRating: ratingMarkOf(figure, marks, rating),
    figures: parts.filter(Boolean).join("; "),
    trend: rating.trend,
    trendLongTerm: longTermOf(record, rating),
    direction: rating.direction,
    commentary: commentaryText(record.comment?.text),
    reason: rating.reason,
    lead: record.lead ?? "",
    group,
  };
}

/** Every ref the summary shows, for the width of its Ref column (gridForRefs). */
export function packRefs(model: SummaryModel): string[] {
  const refs = new Set<string>();
  for (const e of model.exceptions) refs.add(e.ref);
  for (const g of model.groups) for (const r of [...g.indicators, ...g.activities]) refs.add(r.ref);
  for (const i of [...model.checks, ...model.problems]) refs.add(i.ref);
  return [...refs];
}

/** Records by sheet, then row: numbers for keys, not a string made per record (100,000 of them). */
export function bySheetRow<T>(records: RatedRecord[], value: (r: RatedRecord) => T): Map<string, Map<number, T>> {
  const out = new Map<string, Map<number, T>>();
  for (const r of records) {
    let rows = out.get(r.record.sheet);
    if (!rows) out.set(r.record.sheet, (rows = new Map()));
    rows.set(r.record.row, value(r));
  }
  return out;
}

/** Problems about the records summarised, and problems about no record at all (headers, rules sheet). */
function problemsFor(problems: Problem[], all: RatedRecord[], included: RatedRecord[]): IssueRow[] {
  if (problems.length === 0) return [];
  const ours = bySheetRow(included, (r) => r.record);
  // Only where some records were left out (another committee's, hidden) can a problem's row be one of theirs.
  const everyRow = included.length < all.length ? bySheetRow(all, () => true) : undefined;
  const out: IssueRow[] = [];
  for (const p of problems) {
    const at = p.cell ? parseA1(p.cell) : undefined;
    const record = at ? ours.get(p.sheet)?.get(at.row + 1) : undefined;
    if (!record && at && everyRow?.get(p.sheet)?.has(at.row + 1)) continue; // another committee's record
    // The Ref column names the record: its message need not begin with it too ("F2: Rated Alert with no commentary…").
    const ref = record?.ref ?? "";
    const message = ref && p.message.startsWith(`${ref}: `) ? p.message.slice(ref.length + 2) : p.message;
    out.push({ ref, where: p.cell ? `${p.sheet}!${p.cell}` : p.sheet, message, severity: p.severity });
  }
  return out;
}

function groupName(record: SourceRecord, groupBy: GroupBy): string {
  return ((groupBy === "directorate" ? record.directorate : record.priority) ?? "").trim();
}

export interface SummaryOptions {
  committee?: string;
  groupBy?: GroupBy;
  /** Hidden rows counted and listed with the rest (RULES §10); by default they are left out. */
  includeHidden?: boolean;
  /** Tables of an earlier period than the report's: their records are marked ("Q2 figure"). */
  stale?: StaleTable[];
}

export function summarise(result: WorkbookResult, scheme: Scheme, options: SummaryOptions): SummaryModel {
  const groupBy = options.groupBy ?? "priority";
  const wanted = fold(options.committee);
  // A record with no committee belongs to every committee's summary.
  const ours = wanted ? result.rated.filter(({ record }) => !fold(record.committee) || fold(record.committee) === wanted) : result.rated;
  const rated = options.includeHidden ? ours : ours.filter(({ record }) => !record.hidden);
  const counts = countRecords(scheme, rated);

  const byName = new Map<string, RatedRecord[]>();
  for (const item of rated) {
    const name = groupName(item.record, groupBy);
    const list = byName.get(name.toLowerCase());
    if (list) list.push(item);
    else byName.set(name.toLowerCase(), [item]);
  }
  // Groups in tracker order; records with no group last.
  const lists = [...byName.entries()].sort(([a], [b]) => Number(a === "") - Number(b === "")).map(([, list]) => list);
  const groups: ScorecardGroup[] = lists.map((list) => ({
    name: groupName(list[0].record, groupBy),
    indicators: list.filter((r) => r.record.kind === "indicator").map((r) => indicatorRow(r, markOf(options.stale, r.record))),
    activities: list.filter((r) => r.record.kind === "activity").map((r) => activityRow(r, markOf(options.stale, r.record))),
    counts: headlineOf(countRecords(scheme, list)),
  }));

  const levels = new Set(scheme.exceptionLevels);
  const exceptions = rated
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => levels.has(item.rating.level))
    .sort((a, b) => SEVERITY.indexOf(a.item.rating.level) - SEVERITY.indexOf(b.item.rating.level) || a.index - b.index)
    .map(({ item }) => exceptionRow(item, groupName(item.record, groupBy), markOf(options.stale, item.record)));

  const checks = checkRows(rated, scheme);
  const earlier = earlierOf(options.stale, rated);
  // What the headline's note says is marked, it counts from the scorecards (helper-126).
  const scorecardRows = groups.flatMap((g) => [...g.indicators, ...g.activities]);
  for (const e of earlier) {
    e.ratings = scorecardRows.filter((r) => r.earlierRating === e.ratingMark).length;
    e.figures = scorecardRows.filter((r) => ("actual" in r ? r.actual : r.progress).endsWith(`(${e.mark})`)).length;
  }

  return {
    committee: options.committee?.trim() || undefined,
    groupBy,
    counts,
    headline: headlineOf(counts),
    total: rated.length,
    exceptionLevels: [...scheme.exceptionLevels],
    exceptions,
    groups,
    checks,
    // An exception with no commentary is among them (rate/commentary.ts), at its comment cell.
    problems: problemsFor(result.problems, result.rated, rated),
    hiddenLeftOut: ours.length - rated.length,
    earlier,
  };
}
