// Action plans laid out as indicator tables, told by what their cells hold (toSpec in tables.ts runs
// these once a table's rows are known): a target of dates is the due date, a "Completion" of dates too,
// words under "Current Position" make activities, and RAG letters under the quarters are the officer's
// ratings quarter by quarter. The live listener asks whether an edit changed any of it (tables.ts).
import { SheetCells, isBlank, isError } from "../read/cells";
import type { CellValue, ColumnMapping, TableSpec } from "../vocab/types";
import { isDateFormat, readDate, readDueDate } from "../read/dates";
import { readValue } from "../read/values";
import { asActivityColumns, namesActions, narrativeCandidates } from "./header-rows";
import { classifyBodyRow, tableShape } from "./body-rows";

/**
 * "Action | Lead Officer | Target | Status" with a date or month under Target on every row: an action plan's
 * target date, not an indicator's target (helper-107: read as indicators, the actions were shown "On target"
 * on the officer's Green, months overdue). Only with a name column naming actions, no figure column and one
 * undated target, whose cells are all dates but for words that hold none ("TBC", "Ongoing"). In place.
 */
function targetDates(cells: SheetCells, spec: TableSpec): void {
  const target = spec.kind === "indicator" ? targetDateCandidate(spec) : undefined;
  if (!target || !holdsDates(cells, spec, target)) return;
  spec.kind = "activity";
  spec.columns = spec.columns.map((c) => (c === target ? { ...c, role: "due" as const, headerRole: target.role } : c));
}

/**
 * "Action | Lead Officer | Completion | RAG" with dates under Completion, and no other due date: when the
 * action is to be complete, not how far it has got (each date was "not a percentage", and an overdue action
 * kept its officer's Green). In place; headerRole keeps the header's reading, so an edit is judged again.
 */
function progressDates(cells: SheetCells, spec: TableSpec): void {
  const progress = progressDateColumn(spec);
  if (!progress || progress.role === "due" || !holdsDates(cells, spec, progress)) return;
  spec.columns = spec.columns.map((c) => (c === progress ? { ...c, role: "due" as const, headerRole: "progress" as const } : c));
}

/** The progress column progressDates reads, or has read, as the due date. */
function progressDateColumn(spec: TableSpec): ColumnMapping | undefined {
  if (spec.kind !== "activity") return undefined;
  const read = spec.columns.find((c) => c.role === "due" && c.headerRole === "progress");
  if (read) return read;
  if (spec.columns.some((c) => c.role === "due")) return undefined;
  const progress = spec.columns.filter((c) => c.role === "progress");
  return progress.length === 1 && !progress[0].period && COMPLETION_WHEN.test(progress[0].header) ? progress[0] : undefined;
}

/** "Completion" says when; "Complete", "% Complete" or "Completed" beside dates says when it was done (helper-112), not when it is due. */
const COMPLETION_WHEN = /^\s*(?:(?:target|planned|expected|estimated|forecast|projected|anticipated|revised|scheduled)\s+)?completion(?:\s*\(?\s*(?:target|date|due)\s*\)?)?\s*$/i;

/**
 * A rating typed in a quarter's column: a letter, a colour or a symbol of the presets (RULES §2), two for a
 * rating between ("A/G"), a done word, and a few words after a dash ("G - on track"). No scheme is chosen
 * yet where tables are found, so every preset's words count (helper-111: Dudley's ★ ● ▲, Cannock's Yellow).
 */
const RATING = "(?:[rgabc]|red|amber|green|blue|yellow|orange|complete|completed|[\u2605\u25cf\u25b2\u25a0\u25c6\u2713\u2714\u2717\u2718\u2715])";
const RAG_WORD = new RegExp(`^\\s*${RATING}(?:\\s*\\/\\s*${RATING})?(?:\\s*[-\\u2013:]\\s*[a-z ]{1,30})?\\s*$`, "i");
/** Cells of a quarter's column that rate nothing yet ("n/a", "-", "TBC") or hold a formula's error. */
const NOT_RATED_YET = /^\s*(?:n\/?a|-|\u2013|tbc|tba|not due|not started|#n\/a|#value!|#ref!|#div\/0!|#name\?)\s*\.?\s*$/i;

/**
 * "Action | Lead Officer | Target Date | Q1 | Q2 | Q3 | Q4" with G, A or R under the quarters: the officer's
 * rating quarter by quarter, as "Q1 RAG … Q4 RAG" would be (read as figures, every action was "Data only"
 * with an unreadable figure per quarter). Only with a name column naming actions, every figure column a
 * quarter's or month's and every rating in them a RAG word, and no target but one of dates (targetDates
 * reads it as the due date). The quarters keep the header's role as headerRole, so an edit is judged again.
 */
function quarterRatingColumns(spec: TableSpec): ColumnMapping[] {
  if (spec.kind === "activity") return spec.columns.filter((c) => c.role === "manual" && c.headerRole === "actual");
  if (!namesActions(spec.columns)) return [];
  const actuals = spec.columns.filter((c) => c.role === "actual");
  return actuals.length > 0 && actuals.every((c) => c.period?.quarter !== undefined || c.period?.month !== undefined) ? actuals : [];
}

function holdsRatings(cells: SheetCells, spec: TableSpec, cols: readonly ColumnMapping[]): boolean {
  return everyFilled(cells, spec, cols, (v) => (isError(v) ? "skip" : typeof v !== "string" ? false : NOT_RATED_YET.test(v) ? "skip" : RAG_WORD.test(v)));
}

/** The activity table quarterRatings makes of an indicator table, or undefined. */
function asQuarterRatings(cells: SheetCells, spec: TableSpec): TableSpec | undefined {
  const cols = spec.kind === "indicator" ? quarterRatingColumns(spec) : [];
  if (cols.length === 0 || !holdsRatings(cells, spec, cols)) return undefined;
  const trial: TableSpec = { ...spec, columns: spec.columns.map((c) => (cols.includes(c) ? { ...c, role: "manual" as const, headerRole: "actual" as const } : c)) };
  const isTarget = (c: ColumnMapping): boolean => c.role === "annualTarget" || c.role === "periodTarget";
  if (!trial.columns.some(isTarget)) return { ...trial, kind: "activity" };
  targetDates(cells, trial);
  return trial.kind === "activity" ? trial : undefined;
}

function quarterRatings(cells: SheetCells, spec: TableSpec): void {
  const plan = asQuarterRatings(cells, spec);
  if (!plan) return;
  spec.kind = plan.kind;
  spec.columns = plan.columns;
}

/**
 * "Action | Target Date | Current Position | RAG" with words under the position: an action plan, read as
 * activities with the position as their update (header-rows.ts narrativeActuals). Figures under it keep it
 * an indicator table (helper-110). In place.
 */
function narrativePlan(cells: SheetCells, spec: TableSpec): void {
  if (spec.kind !== "indicator") return;
  const cols = narrativeCandidates(spec.columns);
  if (cols.length === 0 || !holdsWords(cells, spec, cols)) return;
  spec.kind = "activity";
  spec.columns = asActivityColumns(spec.columns);
}

/** The columns narrativePlan reads, or has read, as an action plan's words. */
function narrativeColumns(spec: TableSpec): ColumnMapping[] {
  return spec.kind === "activity" ? spec.columns.filter((c) => c.narrative) : narrativeCandidates(spec.columns);
}

/** Words from which a position is a sentence, not a figure with its unit ("85%", "100% complete", "250 homes"). */
const SENTENCE_WORDS = 4;

/** Whether the columns' filled data cells are all words (text that reads as no figure: "Complete", "Delayed by the contractor"), and one at least. */
function holdsWords(cells: SheetCells, spec: TableSpec, cols: readonly ColumnMapping[]): boolean {
  // A sentence is words whatever figure it names ("Complete. Strategy adopted by Cabinet 14 September 2010.").
  return everyFilled(cells, spec, cols, (v, format) => typeof v === "string" && (readValue(v, format).kind !== "number" || v.trim().split(/\s+/).length >= SENTENCE_WORDS));
}

/**
 * Whether `test` holds for every filled cell of the columns in the table's data rows (the cells it skips
 * by returning "skip" aside), and there is one at least: what targetDates and narrativePlan read a column by.
 */
function everyFilled(cells: SheetCells, spec: TableSpec, cols: readonly ColumnMapping[], test: (v: CellValue, format: string | undefined) => boolean | "skip"): boolean {
  const shape = tableShape(spec);
  let counted = 0;
  for (let r = spec.firstRow; r <= spec.lastRow; r++) {
    let data: boolean | undefined;
    for (const c of cols) {
      const v = cells.at(r, c.col);
      if (isBlank(v)) continue;
      if ((data ??= classifyBodyRow(cells, shape, r).kind === "data") === false) break;
      const ok = test(v, cells.formatAt(r, c.col));
      if (ok === false) return false;
      if (ok === true) counted++;
    }
  }
  return counted > 0;
}

/** The column targetDates would read as the due date of an indicator table, or read so in an activity table. */
function targetDateColumn(spec: TableSpec): ColumnMapping | undefined {
  if (spec.kind === "activity") return spec.columns.find((c) => c.role === "due" && (c.headerRole === "annualTarget" || c.headerRole === "periodTarget"));
  return targetDateCandidate(spec);
}

function targetDateCandidate(spec: TableSpec): ColumnMapping | undefined {
  if (!namesActions(spec.columns) || spec.columns.some((c) => c.role === "actual")) return undefined;
  const targets = spec.columns.filter((c) => c.role === "annualTarget" || c.role === "periodTarget");
  return targets.length === 1 && !targets[0].period ? targets[0] : undefined;
}

/** Words under a target date that hold no date: a date to come, not a figure ("Increase", "Yes" are targets). */
const NO_DATE_YET = /^\s*(?:tbc|tba|tbd|to be (?:confirmed|agreed|decided)|n\/?a|not applicable|ongoing|on-going|continuous|none|not set|-|\u2013)\s*\.?\s*$/i;

/** Whether the column's filled data cells are all dates (a date-formatted serial, a date, or a due date in words), and one at least. */
function holdsDates(cells: SheetCells, spec: TableSpec, col: ColumnMapping): boolean {
  return everyFilled(cells, spec, [col], (v, format) => {
    if (typeof v === "string" && NO_DATE_YET.test(v)) return "skip";
    return (typeof v === "number" ? (isDateFormat(format) ? readDate(v, format) : undefined) : readDueDate(v)) !== undefined;
  });
}

/** The action-plan readings of a table whose rows are known, in order; in place. */
export function readActionPlan(cells: SheetCells, spec: TableSpec): void {
  narrativePlan(cells, spec);
  quarterRatings(cells, spec);
  targetDates(cells, spec);
  progressDates(cells, spec);
}

/** Whether a figure typed in sheet column `col` could change a reading of readActionPlan. */
export function actionPlanColumn(spec: TableSpec, col: number): boolean {
  return targetDateColumn(spec)?.col === col || progressDateColumn(spec)?.col === col || narrativeColumns(spec).some((c) => c.col === col) || quarterRatingColumns(spec).some((c) => c.col === col);
}

/** Whether an edit changed a reading of readActionPlan: the table is then planned again. */
export function actionPlanChanged(cells: SheetCells, spec: TableSpec): boolean {
  // A target of dates read as the due date (targetDates), or one that now would be or no longer is (helper-109).
  const target = targetDateColumn(spec);
  if (target && holdsDates(cells, spec, target) !== (spec.kind === "activity")) return true;
  const progress = progressDateColumn(spec);
  if (progress && holdsDates(cells, spec, progress) !== (progress.role === "due")) return true;
  const narrative = narrativeColumns(spec);
  if (narrative.length > 0 && holdsWords(cells, spec, narrative) !== (spec.kind === "activity")) return true;
  const quarters = quarterRatingColumns(spec);
  return quarters.length > 0 && (spec.kind === "activity" ? !holdsRatings(cells, spec, quarters) : asQuarterRatings(cells, spec) !== undefined);
}
