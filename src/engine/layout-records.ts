// The record tables of the summary: exceptions first, scorecards by group, then checks and problems.
// Text from the trackers goes in as plain strings, exactly as typed.
import type { ActivityRow, ExceptionRow, IndicatorRow, IssueRow, Labelled, SummaryModel } from "./summary";
import { MERGE_ROWS } from "./layout-columns";
import { STYLES, statusCell, statusCellText, trendColours, trendStyle, trendText } from "./layout-style";
import { writeTable, type Column } from "./layout-table";
import type { PlanWriter } from "./layout-writer";
import type { PlanStyle } from "./plan";
import type { Scheme, Status, Trend } from "./types";

const GROUP_NONE = { priority: "No priority given", directorate: "No directorate given" } as const;

const lines = (items: Labelled[]): string => items.map((i) => (i.label ? `${i.label}: ${i.text}` : i.text)).join("\n");

function note(w: PlanWriter, text: string): void {
  w.banner(text, { ...STYLES.note, wrap: true });
}

/** The trend cell's text and colour for a row (activities have none). */
function trendCell(colours: Record<Trend, string>, trend: Trend | undefined, direction: IndicatorRow["direction"]) {
  return trend ? { text: trendText(trend, direction), style: trendStyle(colours[trend]) } : { text: "", style: STYLES.body };
}

/** Statuses at the scheme's exception levels, both kinds, each named once: "▲ Poor, ● Fair". */
function exceptionStatuses(model: SummaryModel, scheme: Scheme): string {
  const levels = new Set(model.exceptionLevels);
  const texts = [...scheme.indicator, ...scheme.activity].filter((s: Status) => levels.has(s.level)).map(statusCellText);
  return [...new Set(texts)].join(", ");
}

export function writeExceptions(w: PlanWriter, model: SummaryModel, scheme: Scheme): void {
  w.banner("Exceptions", STYLES.section, 20);
  const rated = exceptionStatuses(model, scheme);
  if (model.exceptions.length === 0) {
    note(w, `No exceptions: nothing is rated ${rated || "at an exception level"}.`);
    w.skip();
    return;
  }
  note(w, `Indicators and activities rated ${rated}, worst first, with the lead officer's commentary.`);
  const colours = trendColours(scheme);
  const isIndicator = (e: ExceptionRow) => e.kind === "indicator";
  const columns: Column<ExceptionRow>[] = [
    { col: 0, header: "Ref", value: (e) => e.ref, style: STYLES.label, optional: true },
    { col: 1, header: "Indicator or activity", value: (e) => e.name, style: STYLES.body },
    { col: 2, header: "Type", value: (e) => (isIndicator(e) ? "Indicator" : "Activity"), style: STYLES.body },
    { col: 3, header: "Target or due date", value: (e) => (isIndicator(e) ? e.target : e.due), style: STYLES.figure, optional: true },
    { col: 4, header: "Actual or progress", value: (e) => (isIndicator(e) ? e.actual : e.progress), style: STYLES.figure, optional: true },
    { col: 5, header: "Status", value: (e) => statusCell(scheme, e.kind, e.status).text, styleOf: (e) => statusCell(scheme, e.kind, e.status).style },
    {
      col: 6,
      header: "Trend",
      value: (e) => trendCell(colours, isIndicator(e) ? e.trend : undefined, e.direction).text,
      styleOf: (e) => trendCell(colours, isIndicator(e) ? e.trend : undefined, e.direction).style,
      optional: true,
    },
    { col: 7, header: "Lead officer", value: (e) => e.lead, style: STYLES.body, optional: true },
    {
      col: 8,
      header: "Commentary",
      value: (e) => e.commentary || `No commentary given (${e.reason}).`,
      styleOf: (e) => (e.commentary ? STYLES.body : STYLES.quiet),
    },
  ];
  w.row = writeTable(w, model.exceptions, columns) + 1;
}

function indicatorColumns(scheme: Scheme): Column<IndicatorRow>[] {
  const colours = trendColours(scheme);
  return [
    { col: 0, header: "Ref", value: (r) => r.ref, style: STYLES.label, optional: true },
    { col: 1, header: "Definition", value: (r) => r.name, style: STYLES.body },
    { col: 2, header: "Earlier actuals", value: (r) => lines(r.earlier), style: STYLES.body, optional: true },
    { col: 3, header: "Target", value: (r) => r.target, style: STYLES.figure, optional: true },
    { col: 4, header: "Actual", value: (r) => r.actual, style: STYLES.figure, optional: true },
    { col: 5, header: "Status", value: (r) => statusCell(scheme, "indicator", r.status).text, styleOf: (r) => statusCell(scheme, "indicator", r.status).style },
    { col: 6, header: "Trend", value: (r) => trendCell(colours, r.trend, r.direction).text, styleOf: (r) => trendCell(colours, r.trend, r.direction).style },
    { col: 7, header: "Comparator", value: (r) => lines(r.comparators), style: STYLES.body, optional: true },
    { col: 8, header: "Comment", value: (r) => r.comment, style: STYLES.body, optional: true },
  ];
}

function activityColumns(scheme: Scheme, model: SummaryModel): Column<ActivityRow>[] {
  const byPriority = model.groupBy === "priority";
  return [
    { col: 0, header: "Ref", value: (r) => r.ref, style: STYLES.label, optional: true },
    { col: 1, header: "Description", value: (r) => r.name, style: STYLES.body },
    { col: 2, header: "Lead officer", value: (r) => r.lead, style: STYLES.body, optional: true },
    { col: 3, header: "Start", value: (r) => r.start, style: STYLES.figure, optional: true },
    { col: 4, header: "Due date", value: (r) => r.due, style: STYLES.figure, optional: true },
    { col: 5, header: "Status", value: (r) => statusCell(scheme, "activity", r.status).text, styleOf: (r) => statusCell(scheme, "activity", r.status).style },
    { col: 6, header: "Progress", value: (r) => r.progress, style: STYLES.figure, optional: true },
    { col: 7, header: byPriority ? "Directorate" : "Priority", value: (r) => (byPriority ? r.directorate : r.priority), style: STYLES.body, optional: true },
    { col: 8, header: "Update", value: (r) => r.update, style: STYLES.body, optional: true },
  ];
}

function caption(w: PlanWriter, text: string): void {
  const row = w.row++;
  w.block(row, 0, [[text]]);
  w.range(STYLES.caption, { top: row, left: 0, bottom: row, right: 0 });
  w.height(row, 18);
  w.heading(row);
}

export function writeScorecards(w: PlanWriter, model: SummaryModel, scheme: Scheme): void {
  w.banner(`Scorecards by ${model.groupBy}`, STYLES.section, 20);
  if (model.groups.length === 0) {
    note(w, "No indicators or activities were found for this summary.");
    w.skip();
    return;
  }
  const indicators = indicatorColumns(scheme);
  const activities = activityColumns(scheme, model);
  for (const group of model.groups) {
    // A lone group with no name needs no heading of its own.
    if (group.name || model.groups.length > 1) w.banner(group.name || GROUP_NONE[model.groupBy], STYLES.group, 20);
    if (group.indicators.length > 0) {
      caption(w, `Key performance indicators (${group.indicators.length})`);
      w.row = writeTable(w, group.indicators, indicators) + 1;
    }
    if (group.activities.length > 0) {
      caption(w, `Key activities (${group.activities.length})`);
      w.row = writeTable(w, group.activities, activities) + 1;
    }
  }
}

const SEVERITY_WORDS: Record<IssueRow["severity"], string> = { check: "Status check", error: "Error", warning: "Warning" };
const SEVERITY_STYLES: Record<IssueRow["severity"], PlanStyle> = {
  check: { ...STYLES.body, bold: true, fontColor: "#7A4B00" },
  error: { ...STYLES.body, bold: true, fontColor: "#9C0006" },
  warning: STYLES.body,
};

export function writeIssues(w: PlanWriter, model: SummaryModel): void {
  w.banner("Status checks and data quality", STYLES.section, 20);
  const issues = [...model.checks, ...model.problems];
  if (issues.length === 0) {
    note(w, "No status checks or data-quality problems.");
    return;
  }
  note(w, "Status checks: an officer's rating that differs from the rules. Errors and warnings: figures the rules could not read or that look wrong. Each names the sheet and cell to correct.");
  // The message takes the rest of the grid (one merge a row); a very long list keeps to single cells.
  const wide = issues.length <= MERGE_ROWS;
  const columns: Column<IssueRow>[] = [
    { col: 0, header: "Ref", value: (i) => i.ref, style: STYLES.label },
    { col: wide ? 1 : 2, header: "Sheet and cell", value: (i) => i.where, style: STYLES.body },
    { col: wide ? 2 : 3, header: "Type", value: (i) => SEVERITY_WORDS[i.severity], styleOf: (i) => SEVERITY_STYLES[i.severity] },
    { col: wide ? 3 : 1, to: wide ? w.lastCol : undefined, header: "Issue", value: (i) => i.message, style: STYLES.body },
  ];
  w.row = writeTable(w, issues, columns);
}
