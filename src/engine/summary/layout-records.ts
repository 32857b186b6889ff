// The record tables of the summary: exceptions first, scorecards by group, then checks and problems.
// Text from the trackers goes in as plain strings, exactly as typed.
import type { ActivityRow, ExceptionRow, IndicatorRow, IssueRow, Labelled, SummaryModel } from "./summary";
import { exceptionHeaders, NO_COMMENTARY, NO_LEAD } from "../vocab/plain-words";
import { chartColumn, chartRowHeight, type ChartCollector } from "./layout-charts";
import { lastPeriodColumn, lastPeriodNote, withLastPeriod } from "./layout-last-period";
import { trendMethod } from "./layout-key";
import type { PackModel } from "./history-model";
import { isEmpty, MERGE_ROWS } from "../sheet-kit/layout-columns";
import { LAST_COL, STYLES, statusCell, statusCellText, trendColours, trendStyle, trendText } from "../sheet-kit/layout-style";
import { writeTable, type Column } from "../sheet-kit/layout-table";
import type { PlanWriter } from "../sheet-kit/layout-writer";
import type { PlanStyle } from "../vocab/plan";
import type { ComparatorResult, Scheme, Status, StatusSource, Trend } from "../vocab/types";

const GROUP_NONE = { priority: "No priority given", directorate: "No directorate given" } as const;

/** How a comparator status reads after the comparator's figure (RULES §4): "All England Average: 45% · better". */
export const COMPARISON_WORDS: Record<ComparatorResult, string> = { favourable: "better", within: "within tolerance", negative: "worse" };

const lines = (items: Labelled[]): string =>
  items.map((i) => `${i.label ? `${i.label}: ` : ""}${i.text}${i.result ? ` · ${COMPARISON_WORDS[i.result]}` : ""}`).join("\n");

/** An earlier actual or comparator left blank ("Q1 Actual" with no figure) says nothing: it gets no line of its own. */
const filled = (items: Labelled[]): Labelled[] => items.filter((i) => i.text.trim() !== "");

function note(w: PlanWriter, text: string): void {
  w.banner(text, { ...STYLES.note, wrap: true });
}

/** The trend cell's text and colour for a row (activities have none). */
function trendCell(colours: Record<Trend, string>, trend: Trend | undefined, direction: IndicatorRow["direction"]) {
  return trend ? { text: trendText(trend, direction), style: trendStyle(colours[trend]) } : { text: "", style: STYLES.body };
}

/** The grid column of the (short-term) trend in the exceptions and indicator tables; the next one is H. */
const TREND_COL = 6;

/** A row with a long-term trend to show: a comparison of its own that found a direction. */
const hasLongTerm = (row: { trendLongTerm?: Trend }): boolean => row.trendLongTerm !== undefined && row.trendLongTerm !== "notrend";

/**
 * A table with a long-term trend on some row takes a "Long term" column beside the short-term one
 * (RULES §6): it takes H, the comment keeps the wide I, and what H held (comparator, lead officer)
 * moves past the comment to J, or goes where it is empty on every row. Other tables are unchanged.
 */
function withLongTerm<T extends { trendLongTerm?: Trend }>(items: readonly T[], columns: Column<T>[], longTerm: Column<T>): Column<T>[] {
  if (!items.some(hasLongTerm)) return columns;
  const displaced = columns.find((c) => c.col === TREND_COL + 1);
  const out = columns.filter((c) => c !== displaced).map((c) => (c.col === TREND_COL ? { ...c, header: "Short term" } : c));
  out.push({ ...longTerm, col: TREND_COL + 1 });
  if (displaced && items.some((i) => !isEmpty(displaced.value(i)))) out.push({ ...displaced, col: LAST_COL + 1 });
  return out;
}

/** The long-term trend cell: "–" for an indicator without one, nothing for an activity. */
function longTermColumn<T extends { trendLongTerm?: Trend; direction?: IndicatorRow["direction"] }>(scheme: Scheme, isIndicator: (row: T) => boolean): Column<T> {
  const colours = trendColours(scheme);
  const cell = (r: T) => trendCell(colours, isIndicator(r) ? (r.trendLongTerm ?? "notrend") : undefined, r.direction);
  return { col: TREND_COL + 1, header: "Long term", value: (r) => cell(r).text, styleOf: (r) => cell(r).style };
}

/** Statuses at the scheme's exception levels, both kinds, each named once: "▲ Poor, ● Fair". */
function exceptionStatuses(model: SummaryModel, scheme: Scheme): string {
  const levels = new Set(model.exceptionLevels);
  const texts = statusesOfKindsPresent(model, scheme).filter((s: Status) => levels.has(s.level)).map(statusCellText);
  return [...new Set(texts)].join(", ");
}

/** Only the kinds of record the summary holds are named (issue 12 item 5); both where it holds none. */
function statusesOfKindsPresent(model: SummaryModel, scheme: Scheme): Status[] {
  const indicators = model.headline.indicator.total > 0;
  const activities = model.headline.activity.total > 0;
  if (indicators === activities) return [...scheme.indicator, ...scheme.activity];
  return indicators ? scheme.indicator : scheme.activity;
}

/** "Indicators and activities", "Indicators" or "Activities": what the exceptions list can hold. */
function kindsPresent(model: SummaryModel): string {
  const indicators = model.headline.indicator.total > 0;
  const activities = model.headline.activity.total > 0;
  if (indicators === activities) return "Indicators and activities";
  return indicators ? "Indicators" : "Activities";
}

export function writeExceptions(w: PlanWriter, model: PackModel, scheme: Scheme, charts?: ChartCollector): void {
  w.banner("Exceptions", STYLES.section, 20);
  const rated = exceptionStatuses(model, scheme);
  if (model.exceptions.length === 0) {
    note(w, `No exceptions: nothing is rated ${rated || "at an exception level"}.`);
    w.skip();
    return;
  }
  note(w, `${kindsPresent(model)} rated ${rated}, worst first, with the lead officer's commentary.`);
  if (charts?.active) note(w, charts.note());
  const columns = exceptionColumns(model, scheme);
  w.row = writeTable(w, model.exceptions, columns, { minHeight: (e) => chartRowHeight(model, e), onRow: charts?.active ? (e, row) => charts.place(e, row) : undefined }) + 1;
  charts?.placeColumns(model.exceptions, columns);
}

function exceptionColumns(model: PackModel, scheme: Scheme): Column<ExceptionRow>[] {
  const exceptions = model.exceptions;
  const colours = trendColours(scheme);
  const isIndicator = (e: ExceptionRow) => e.kind === "indicator";
  // A Trend column with no trend on any row says nothing: left out (issue 12 item 5).
  const anyTrend = exceptions.some((e) => isIndicator(e) && e.trend !== "notrend");
  // Likewise a Lead officer column no row fills; where some do, a blank says so (Dudley's indicators name no lead).
  const anyLead = exceptions.some((e) => e.lead.trim() !== "");
  // Headers name what the table holds; a Type column only where it holds both kinds.
  const named = exceptionHeaders(exceptions.map((e) => e.kind));
  const columns: Column<ExceptionRow>[] = [
    { col: 0, header: "Ref", value: (e) => e.ref, style: STYLES.label, optional: true },
    { col: 1, header: named.name, value: (e) => e.name, style: STYLES.body },
    { col: 2, header: "Type", value: (e) => (!named.mixed ? "" : isIndicator(e) ? "Indicator" : "Activity"), style: STYLES.body, optional: true },
    { col: 3, header: named.target, value: (e) => (isIndicator(e) ? e.target : e.due), style: STYLES.figure, optional: true },
    { col: 4, header: named.actual, value: (e) => (isIndicator(e) ? e.actual : e.progress), style: STYLES.figure, optional: true },
    {
      col: 5,
      header: "Status",
      value: (e) => statusText(scheme, e.kind, e),
      styleOf: (e) => statusCell(scheme, e.kind, e.status).style,
      leadWordsWhole: true,
    },
    {
      col: 6,
      header: "Trend",
      value: (e) => (anyTrend ? trendCell(colours, isIndicator(e) ? e.trend : undefined, e.direction).text : ""),
      styleOf: (e) => trendCell(colours, isIndicator(e) ? e.trend : undefined, e.direction).style,
      optional: true,
    },
    { col: 7, header: "Lead officer", value: (e) => leadText(e.lead, anyLead), styleOf: (e) => leadStyle(e.lead, anyLead), optional: true },
    {
      col: 8,
      header: "Commentary",
      // Councillors read plain words; what the rules found is in the officers' section.
      value: (e) => e.commentary || NO_COMMENTARY,
      styleOf: (e) => (e.commentary ? STYLES.body : STYLES.quiet),
    },
  ];
  const placed = withLastPeriod(withLongTerm(exceptions, columns, longTermColumn(scheme, isIndicator)), lastPeriodColumn(model, scheme, (e) => e.kind));
  const chart = chartColumn(model, placed);
  return chart ? [...placed, chart] : placed;
}

function indicatorColumns(model: PackModel, rows: readonly IndicatorRow[], scheme: Scheme): Column<IndicatorRow>[] {
  const colours = trendColours(scheme);
  const anyTrend = rows.some((r) => r.trend !== "notrend");
  const columns: Column<IndicatorRow>[] = [
    { col: 0, header: "Ref", value: (r) => r.ref, style: STYLES.label, optional: true },
    { col: 1, header: "Definition", value: (r) => r.name, style: STYLES.body },
    {
      col: 2,
      header: "Earlier actuals",
      value: (r) => lines(filled(r.earlier)),
      style: STYLES.body,
      optional: true,
    },
    { col: 3, header: "Target", value: (r) => r.target, style: STYLES.figure, optional: true },
    { col: 4, header: "Actual", value: (r) => r.actual, style: STYLES.figure, optional: true },
    {
      col: 5,
      header: "Status",
      value: (r) => statusText(scheme, "indicator", r),
      styleOf: (r) => statusCell(scheme, "indicator", r.status).style,
      leadWordsWhole: true,
    },
    { col: 6, header: "Trend", value: (r) => (anyTrend ? trendCell(colours, r.trend, r.direction).text : ""), styleOf: (r) => trendCell(colours, r.trend, r.direction).style, optional: true },
    {
      col: 7,
      header: "Comparator",
      value: (r) => lines(filled(r.comparators)),
      style: STYLES.body,
      optional: true,
    },
    { col: 8, header: "Comment", value: (r) => r.comment, style: STYLES.body, optional: true },
  ];
  return withLastPeriod(withLongTerm(rows, columns, longTermColumn(scheme, () => true)), lastPeriodColumn(model, scheme, () => "indicator"));
}

/** Rightmost grid column the record tables take: past I where a long-term trend, last period or a chart push columns on. */
export function recordsLastCol(model: PackModel, scheme: Scheme): number {
  const tables = [
    exceptionColumns(model, scheme),
    ...model.groups.map((g) => indicatorColumns(model, g.indicators, scheme)),
    ...(model.groups.some((g) => g.activities.length > 0) ? [activityColumns(scheme, model)] : []),
  ];
  return Math.max(LAST_COL, ...tables.flat().map((c) => c.to ?? c.col));
}

/**
 * Lines for the key, only where the summary shows what they explain: the two directions of travel
 * (RULES §6) and the comparator words (RULES §4).
 */
export function keyNotes(model: PackModel, scheme: Scheme): string[] {
  const indicators = model.groups.flatMap((g) => g.indicators);
  const notes: string[] = [];
  const rows = [...indicators, ...model.groups.flatMap((g) => g.activities)];
  if (rows.some((r) => r.source === "officer")) notes.push(`${OFFICER_MARK}: the officer's own rating, shown where the rules had nothing to rate (no target, figure or due date).`);
  // The short term is the arrows' own method (helper-124: "against the previous period" beside arrows worked out over three periods).
  if (indicators.some(hasLongTerm)) notes.push(`Short term: ${trendMethod(scheme)}, as above. Long term: against the same period last year.`);
  if (indicators.some((r) => r.comparators.some((c) => c.result))) {
    notes.push("Comparator: after each average, how the actual compares with it by the same rule and tolerance as the target: better, within tolerance or worse.");
  }
  const last = lastPeriodNote(model);
  if (last) notes.push(last);
  return notes;
}

/** The mark beside a status that is the officer's own rating (RULES §7), explained in the key. */
export const OFFICER_MARK = "(officer)";

export function officerMarked(text: string, source: StatusSource | undefined): string {
  return source === "officer" ? `${text} ${OFFICER_MARK}` : text;
}

/** A row's status as the tables show it: "★ Good (officer)", "★ Good (officer) (Q2 rating)" for one of an earlier period with no figure. */
function statusText(scheme: Scheme, kind: "indicator" | "activity", row: { status: string; source?: StatusSource; earlierRating?: string }): string {
  return sourceMarked(statusCell(scheme, kind, row.status).text, row);
}

/**
 * A Lead officer cell: "Not given." in the quiet style where the row names none but others in its table do (a
 * blank beside named leads reads as no one answerable); where none does, the column is left out (optional).
 */
const unnamed = (lead: string, anyLead: boolean): boolean => anyLead && lead.trim() === "";
export const leadText = (lead: string, anyLead: boolean): string => (unnamed(lead, anyLead) ? NO_LEAD : lead);
export const leadStyle = (lead: string, anyLead: boolean) => (unnamed(lead, anyLead) ? STYLES.quiet : STYLES.body);

/** A status's text with where it came from: "(officer)", and "(Q2 rating)" for an officer's rating of an earlier period (summary.ts earlierRating). */
export function sourceMarked(text: string, row: { source?: StatusSource; earlierRating?: string }): string {
  const marked = officerMarked(text, row.source);
  return row.earlierRating ? `${marked} (${row.earlierRating})` : marked;
}

function activityColumns(scheme: Scheme, model: PackModel): Column<ActivityRow>[] {
  const byPriority = model.groupBy === "priority";
  const columns: Column<ActivityRow>[] = [
    { col: 0, header: "Ref", value: (r) => r.ref, style: STYLES.label, optional: true },
    { col: 1, header: "Description", value: (r) => r.name, style: STYLES.body },
    { col: 2, header: "Lead officer", value: (r) => r.lead, style: STYLES.body, optional: true },
    { col: 3, header: "Start", value: (r) => r.start, style: STYLES.figure, optional: true },
    { col: 4, header: "Due date", value: (r) => r.due, style: STYLES.figure, optional: true },
    {
      col: 5,
      header: "Status",
      value: (r) => statusText(scheme, "activity", r),
      styleOf: (r) => statusCell(scheme, "activity", r.status).style,
      leadWordsWhole: true,
    },
    { col: 6, header: "Progress", value: (r) => r.progress, style: STYLES.figure, optional: true },
    { col: 7, header: byPriority ? "Directorate" : "Priority", value: (r) => (byPriority ? r.directorate : r.priority), style: STYLES.body, optional: true },
    { col: 8, header: "Update", value: (r) => r.update, style: STYLES.body, optional: true },
  ];
  return withLastPeriod(columns, lastPeriodColumn(model, scheme, () => "activity"));
}

function caption(w: PlanWriter, text: string): void {
  const row = w.row++;
  w.block(row, 0, [[text]]);
  w.range(STYLES.caption, { top: row, left: 0, bottom: row, right: 0 });
  w.height(row, 18);
  w.heading(row);
}

export function writeScorecards(w: PlanWriter, model: PackModel, scheme: Scheme): void {
  w.banner(`Scorecards by ${model.groupBy}`, STYLES.section, 20);
  if (model.groups.length === 0) {
    note(w, "No indicators or activities were found for this summary.");
    w.skip();
    return;
  }
  const activities = activityColumns(scheme, model);
  for (const group of model.groups) {
    // A lone group with no name needs no heading of its own.
    if (group.name || model.groups.length > 1) w.banner(group.name || GROUP_NONE[model.groupBy], STYLES.group, 20);
    if (group.indicators.length > 0) {
      caption(w, `Key performance indicators (${group.indicators.length})`);
      w.row = writeTable(w, group.indicators, indicatorColumns(model, group.indicators, scheme)) + 1;
    }
    if (group.activities.length > 0) {
      caption(w, `Key activities (${group.activities.length})`);
      w.row = writeTable(w, group.activities, activities) + 1;
    }
  }
}

const SEVERITY_WORDS: Record<IssueRow["severity"], string> = { check: "Rating to check", error: "Error", warning: "Warning" };
const SEVERITY_STYLES: Record<IssueRow["severity"], PlanStyle> = {
  check: { ...STYLES.body, bold: true, fontColor: "#7A4B00" },
  error: { ...STYLES.body, bold: true, fontColor: "#9C0006" },
  warning: STYLES.body,
};

export function writeIssues(w: PlanWriter, model: SummaryModel): void {
  w.banner("For officers: ratings to check and data to correct", STYLES.section, 20);
  const issues = [...model.checks, ...model.problems];
  if (issues.length === 0) {
    note(w, "Nothing to check: every officer's rating agrees with the rules and every figure could be read.");
    return;
  }
  note(w, "Ratings to check: the officer's rating differs from what the rules give. Errors and warnings: a figure that could not be read, is missing or looks wrong, or an exception with no commentary. Each names the sheet and cell to correct in the tracker.");
  // The message takes the rest of the grid (merged across); a very long list keeps to single cells.
  const wide = issues.length <= MERGE_ROWS;
  const columns: Column<IssueRow>[] = [
    { col: 0, header: "Ref", value: (i) => i.ref, style: STYLES.label },
    { col: wide ? 1 : 2, header: "Sheet and cell", value: (i) => i.where, style: STYLES.body },
    { col: wide ? 2 : 3, header: "Type", value: (i) => SEVERITY_WORDS[i.severity], styleOf: (i) => SEVERITY_STYLES[i.severity] },
    { col: wide ? 3 : 1, to: wide ? w.lastCol : undefined, header: "Issue", value: (i) => i.message, style: STYLES.body },
  ];
  w.row = writeTable(w, issues, columns);
}
