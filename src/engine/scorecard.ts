// One run of the add-in's job, host-free: choose the scheme, rate the workbook, plan every write.
// Both hosts (Office.js, ExcelJS) call this and then execute `plans`.
import { sameSheetName } from "./sheets/ownership";
import type { StatusPlace } from "./trackers/colour";
import { colourTrackers, conditionalFillProblems, coveredStatusProblems, hiddenStatusProblems, offSheetStatusProblems, statusPlaces, unprintedStatusProblems } from "./trackers/colour";
import type { CellsWritten } from "./trackers/foreign";
import { layoutSummary, summarySheetName, trackerTitle } from "./summary/layout";
import { presetByKey, RAG } from "./scheme/presets";
import { checkCommittee } from "./summary/committee";
import { formatIsoDate } from "./vocab/format";
import { inferPeriod, laterTables, staleTables, type StaleTable } from "./detect/period-infer";
import { latestDay, rollsOver } from "./detect/rolling-year";
import { settlePending } from "./detect/pending";
import { checkPeriod, describePeriod, formatPeriod, periodEnd, type ReportingPeriod } from "./read/periods";
import { layoutRulesSheet, readRulesSheet, RULES_SHEET, type RulesSettings } from "./rules-sheet/rules-sheet";
import { committeesOf } from "./summary/summary";
import { summariseWithHistory } from "./summary/history-model";
import { detectWorkbookTables, rateWorkbook, type ColumnOverride, type WorkbookResult } from "./rate/workbook";
import type { SheetPlan } from "./vocab/plan";
import type { ColumnMapping, Problem, Scheme, SheetGrid, TableSpec } from "./vocab/types";
import { toA1 } from "./vocab/address";
import { findHistoryGrid, runHistory } from "./history/run";
import type { HistoryView } from "./history/view";

export interface ScorecardOptions {
  /** Preset key chosen by the user; wins over the workbook's rules sheet. */
  preset?: string;
  period?: string;
  reportDate?: string;
  /** Today's ISO date, the last resort for the report date (the engine reads no clock). */
  today: string;
  committee?: string;
  allCommittees?: boolean;
  /** Sheets the add-in made earlier: never read as trackers. */
  ownedSheets?: string[];
  /** Column mapping chosen by the user; when given it replaces the rules sheet's overrides. */
  columnOverrides?: ColumnOverride[];
  /** Count and list hidden rows in the pack (`--include-hidden`); else the rules sheet's setting. */
  includeHidden?: boolean;
  /** The sheet holding the history when the host's record says it was renamed; else found by name or by its headers. */
  historySheet?: string;
  /**
   * The cells of ours each tracker sheet holds from earlier runs, by sheet name (the add-in's record):
   * text in our column outside it that is not shaped like ours is an officer's (trackers/foreign.ts).
   */
  written?: Record<string, CellsWritten>;
}

/** Where the period came from (RULES §10): the user's option, the rules sheet, or a cell of the workbook. */
export type PeriodSource = { kind: "option" } | { kind: "rules"; sheet?: string; cell?: string } | { kind: "workbook"; sheet: string; cell: string; text: string } | { kind: "none" };

/** Why the report date is what it is. */
export type ReportDateSource = "option" | "rules" | "periodEnd" | "todayNotEnded" | "todayNoPeriod";

export interface ScorecardRun {
  scheme: Scheme;
  settings: RulesSettings;
  period?: ReportingPeriod;
  periodSource: PeriodSource;
  reportDate: string;
  reportDateSource: ReportDateSource;
  /** Tables whose figures belong to an earlier period than the report's, marked in the pack. */
  stale: StaleTable[];
  /** Set when the committee asked for matches none the workbook names (nearest ones named): no plans are made. */
  committeeError?: string;
  result: WorkbookResult;
  plans: SheetPlan[];
  /** Last period's statuses, each record's figures over time and what changed (issue 14). */
  history: HistoryView;
  /** The sheet row where the history's next read may start (src/engine/history/layout.ts HISTORY_PERIODS_READ). */
  historyWindow?: number;
  /** The host read only the history's latest periods and the run needs more: read it whole and run again (no plans). */
  historyIncomplete?: true;
  /** Where each table's statuses are written, for the add-in's check of drawings over them (excel/drawings.ts). */
  statusPlaces?: StatusPlace[];
}

// Sheet names compare as Excel compares them, the one rule both hosts use.
const same = sameSheetName;

/** The scheme and settings: the user's choice, else the workbook's rules sheet, else the default preset. */
function chooseScheme(grids: SheetGrid[], options: ScorecardOptions): { scheme: Scheme; settings: RulesSettings; problems: Problem[]; periodAt?: { sheet: string; cell: string } } {
  const rulesGrid = grids.find((g) => same(g.name, RULES_SHEET));
  const fromSheet = rulesGrid ? readRulesSheet(rulesGrid) : undefined;
  const chosen = options.preset ? presetByKey(options.preset) : undefined;
  const sheetMatches = fromSheet && (!chosen || fromSheet.scheme.key === chosen.key);
  const scheme = sheetMatches && fromSheet ? fromSheet.scheme : (chosen ?? RAG);
  // Switching preset replaces the statuses, not the workbook's period, date, committee or column mapping.
  const settings: RulesSettings = { ...(fromSheet?.settings ?? { columnOverrides: [] }), preset: scheme.key };
  if (options.period) settings.period = options.period;
  if (options.reportDate) settings.reportDate = options.reportDate;
  if (options.committee) settings.committee = options.committee;
  if (options.columnOverrides) settings.columnOverrides = options.columnOverrides;
  if (options.includeHidden) settings.includeHidden = true;
  const periodAt = rulesGrid && fromSheet?.periodCell ? { sheet: rulesGrid.name, cell: fromSheet.periodCell } : undefined;
  return { scheme, settings, problems: fromSheet?.problems ?? [], periodAt };
}

/** The report date (RULES §10): as set, else the period's last day, else today, saying which. */
function chooseReportDate(settings: RulesSettings, options: ScorecardOptions, period: ReportingPeriod | undefined): { reportDate: string; reportDateSource: ReportDateSource } {
  if (options.reportDate) return { reportDate: options.reportDate, reportDateSource: "option" };
  if (settings.reportDate) return { reportDate: settings.reportDate, reportDateSource: "rules" };
  const end = periodEnd(period);
  if (!end) return { reportDate: options.today, reportDateSource: "todayNoPeriod" };
  return end <= options.today ? { reportDate: end, reportDateSource: "periodEnd" } : { reportDate: options.today, reportDateSource: "todayNotEnded" };
}

const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/**
 * What was assumed and where it was found, for people (the CLI prints it; the pane shows it):
 * "Period Q3 2010/11, from 'Q3 Scorecard'!A1; report date 31/12/2010, the end of that period".
 */
export function describeAssumptions(run: Pick<ScorecardRun, "period" | "periodSource" | "reportDate" | "reportDateSource">): string {
  const { period, periodSource: src } = run;
  const where =
    src.kind === "option" ? "as given" : src.kind === "rules" ? (src.cell ? `from ${quoteSheet(src.sheet ?? RULES_SHEET)}!${src.cell}` : "from the Scorecard Rules sheet") : src.kind === "workbook" ? `from ${quoteSheet(src.sheet)}!${src.cell}` : "";
  const periodText = period ? `Period ${formatPeriod(period)}, ${where}` : "No period found in the workbook's titles or headers";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(run.reportDate) ? formatIsoDate(run.reportDate) : run.reportDate;
  const why: Record<ReportDateSource, string> = {
    option: "as given",
    rules: "from the Scorecard Rules sheet",
    periodEnd: "the end of that period",
    todayNotEnded: "today, as the period has not ended yet",
    todayNoPeriod: "today, as no period was found",
  };
  return `${periodText}; report date ${date}, ${why[run.reportDateSource]}`;
}

export function runScorecard(grids: SheetGrid[], options: ScorecardOptions): ScorecardRun {
  const { scheme, settings, problems: ruleProblems, periodAt } = chooseScheme(grids, options);
  const owned = new Set((options.ownedSheets ?? []).map((s) => s.toLowerCase()));
  // The history sheet is ours: never read as a tracker, whatever it is called now.
  const historyGrid = findHistoryGrid(grids, options.historySheet, owned);
  const officers = grids.filter((g) => !owned.has(g.name.toLowerCase()) && !same(g.name, RULES_SHEET) && g !== historyGrid);
  // A very hidden sheet is no officer's: the add-in does not read one (excel/read.ts), nor is one read here.
  const readable = officers.filter((g) => g.visibility !== "veryHidden");
  const tables = detectWorkbookTables(readable, settings.columnOverrides);
  const trackers = asRated(readable, tables);
  // Hidden sheets whose tables are left out of the pack. The report's period is not theirs: a hidden draft of
  // next quarter is not the report's (helper-120, helper-122); a hidden cover or settings sheet's title still counts (helper-121).
  const leftOut = new Set(trackers.filter((g) => g.visibility === "hidden" && tables.some((t) => t.sheet === g.name)).map((g) => g.name));

  // The period a person set (option or rules sheet) wins; else the workbook's titles and headers.
  // An inferred period is never put in `settings`, so the rules sheet never saves it as if set.
  // A set period that is not Q1–Q4 of a real year, or a year ("Q5 2010/11", "June 2021"), is not
  // used: the rules sheet reports it, and the workbook's own titles and headers give the period.
  const set = settings.period ? checkPeriod(settings.period) : undefined;
  let period = typeof set === "object" ? set : undefined;
  // A rolling year's latest figure is for a period ended by today, or by the end of the period set.
  const latestFigureDay = latestDay(options.today, period);
  const inference = inferPeriod(trackers, tables, latestFigureDay);
  const found = leftOut.size > 0 ? inferPeriod(trackers.filter((g) => !leftOut.has(g.name)), tables.filter((t) => !leftOut.has(t.sheet)), latestFigureDay).found : inference.found;
  let periodSource: PeriodSource = period ? (options.period ? { kind: "option" } : { kind: "rules", ...periodAt }) : { kind: "none" };
  if (!period && found) {
    period = { ...found.period, label: formatPeriod(found.period) };
    const { sheet, cell, text } = found;
    periodSource = { kind: "workbook", sheet, cell, text };
  }
  const { reportDate, reportDateSource } = chooseReportDate(settings, options, period);

  const includeHidden = settings.includeHidden === true;
  // A table's own year: a rolling year's (its run with the most figures'), else its latest period's.
  const ownYear = (t: (typeof inference.tables)[number]) => (rollsOver(t.table.columns) ? t.base : t.evidence.period.startYear);
  const tableYears = new Map(inference.tables.filter((t) => ownYear(t) !== undefined).map((t) => [t.table, ownYear(t) as number]));
  const result = rateWorkbook(trackers, { scheme, period, reportDate, columnOverrides: settings.columnOverrides, includeHidden, tables, tableYears, today: options.today });
  result.problems.unshift(...ruleProblems);
  result.problems.push(...offSheetStatusProblems(trackers, tables, result.rated), ...hiddenStatusProblems(trackers, tables), ...coveredStatusProblems(trackers, tables, result.rated), ...unprintedStatusProblems(trackers, tables, result.rated));
  result.problems.push(...conditionalFillProblems(trackers, tables, result.rated));
  // Said of a hidden sheet's tables only where its records are in the pack.
  const inPack = (sheet: string): boolean => includeHidden || !leftOut.has(sheet);
  // Quarters laid out but not reported yet are the report's own where it is for them: the tables' periods
  // are judged again, so a table rated on the report's quarter (empty) is not called an earlier one.
  settlePending(tables, period, tableYears, options.today);
  const judged = tables.some((t) => t.unfilled || t.columns.some((c) => c.pending || c.rollingYear !== undefined)) ? inferPeriod(trackers, tables, latestFigureDay) : inference;
  const stale = staleTables(judged, period);
  const flagged = new Set<string>();
  for (const { table, evidence } of laterTables(judged, period)) {
    const at = `${table.sheet}!${evidence.cell}`;
    if (flagged.has(at) || !inPack(table.sheet)) continue;
    flagged.add(at);
    result.problems.push({
      sheet: table.sheet,
      cell: evidence.cell,
      severity: "warning",
      message: `"${evidence.text}" is for ${formatPeriod(evidence.period)}, later than the report's ${formatPeriod(period)}: the table's latest figures were rated, not ${formatPeriod(period)}'s.`,
    });
  }
  for (const s of stale) {
    const at = `${s.sheet}!${s.evidence.cell}`;
    if (flagged.has(at) || !inPack(s.sheet)) continue; // one sheet title stands for all its tables
    flagged.add(at);
    const p = s.evidence.period;
    result.problems.push({
      sheet: s.sheet,
      cell: s.evidence.cell,
      severity: "warning",
      message: `"${s.evidence.text}" is for ${formatPeriod(p)}, but the report is for ${formatPeriod(period)}: the summary marks the table's figures "${s.mark}" (a rating given without a figure, "${s.ratingMark}"), and the history records them as ${formatPeriod(p)}'s.`,
    });
  }
  // A very hidden table is named only where no other is read: a code-kept list or lookup is no officer's to act on (helper-121).
  result.problems.push(...skippedLaterProblems(tables, period), ...(tables.length === 0 ? veryHiddenProblems(officers, settings.columnOverrides) : []));

  const { view: history, plan: historyPlan, window: historyWindow, incomplete } = runHistory(historyGrid, scheme, period, result.rated, options.today, stale);
  if (incomplete) return { scheme, settings, period, periodSource, reportDate, reportDateSource, stale, result, plans: [], history, historyIncomplete: true };
  result.problems.push(...history.problems);

  const plans: SheetPlan[] = colourTrackers(scheme, trackers, result.tables, result.rated, options.written);
  const meta = {
    periodLabel: describePeriod(period) || settings.period || "",
    reportDate,
    title: settings.title,
    source: trackerTitle(trackers, result.tables),
  };
  const known = committeesOf(result.rated);
  // A committee set on the rules sheet is checked too: misspelt there, it would build a pack of the
  // records that name no committee, with no warning (issue 12 item 4).
  const committeeError = options.allCommittees ? undefined : checkCommittee(options.committee ?? settings.committee, known);
  if (committeeError) return { scheme, settings, period, periodSource, reportDate, reportDateSource, stale, result, plans: [], committeeError, history };
  const committees = options.allCommittees ? known : [options.committee ?? settings.committee];
  for (const committee of committees.length ? committees : [undefined]) {
    const model = summariseWithHistory(result, scheme, { committee, includeHidden, stale }, history);
    plans.push(layoutSummary(model, scheme, { ...meta, committee, sheetName: summarySheetName(committee, committees) }));
  }
  plans.push(layoutRulesSheet(scheme, settings));
  if (historyPlan) plans.push(historyPlan);
  const places = statusPlaces(trackers, tables, result.rated);
  return { scheme, settings, period, periodSource, reportDate, reportDateSource, stale, result, plans, history, ...(historyWindow !== undefined ? { historyWindow } : {}), statusPlaces: places };
}

/**
 * The trackers as rated. A hidden sheet's records are hidden records (a draft or last quarter's copy kept out
 * of sight, left out of the pack as hidden rows are), unless no shown sheet holds a table: a dashboard fed by
 * hidden data sheets, whose records are the report (helper-120: the pack was empty).
 */
export function asRated(trackers: SheetGrid[], tables: readonly TableSpec[]): SheetGrid[] {
  if (!trackers.some((g) => g.visibility === "hidden")) return trackers;
  if (tables.some((t) => trackers.some((g) => g.name === t.sheet && g.visibility === undefined))) return trackers;
  return trackers.map((g) => {
    if (g.visibility !== "hidden") return g;
    const { visibility: _hidden, ...shownGrid } = g;
    return shownGrid;
  });
}

const VERY_HIDDEN = "is very hidden (only code or the VBA editor can show it), so its table was not read.";

/** The problem veryHiddenProblems gives, for the command line's "no table" line. */
export function isVeryHiddenProblem(p: Problem): boolean {
  return p.message.includes(VERY_HIDDEN);
}

/** A table on a very hidden sheet is not read: said, so a workbook kept by code does not lose one without a word. */
function veryHiddenProblems(officers: SheetGrid[], overrides: Parameters<typeof detectWorkbookTables>[1]): Problem[] {
  const veryHidden = officers.filter((g) => g.visibility === "veryHidden");
  if (veryHidden.length === 0) return [];
  // One warning a sheet, at its first table's header.
  const first = new Map<string, TableSpec>();
  for (const t of detectWorkbookTables(veryHidden, overrides)) if (!first.has(t.sheet)) first.set(t.sheet, t);
  return [...first.values()].map((t) => ({ sheet: t.sheet, cell: toA1(t.headerRow, t.columns[0]?.col ?? 0), severity: "warning" as const, message: `Sheet '${t.sheet}' ${VERY_HIDDEN}` }));
}

/**
 * Tables with figures for a period after the report's, which settlePending left unrated in favour of the
 * report's own (RULES §4): said once per table, so a period set last quarter and not moved on is noticed.
 */
function skippedLaterProblems(tables: readonly TableSpec[], period: ReportingPeriod | undefined): Problem[] {
  if (!period) return [];
  const out: Problem[] = [];
  for (const t of tables) {
    const unused = (c: ColumnMapping, role: ColumnMapping["role"]): boolean => c.pending === true && c.role === role && !(t.unfilled ?? []).includes(c.col);
    // An officer's rating typed ahead, in a plan rated quarter by quarter, is said as a figure is (helper-111).
    const skipped = t.columns.find((c) => unused(c, "actual")) ?? (t.columns.some((c) => c.role === "actual") ? undefined : t.columns.find((c) => unused(c, "manual")));
    if (!skipped) continue;
    const [what, done, doing] = skipped.role === "actual" ? ["figures", "rated", "rate"] : ["ratings", "used", "use"];
    out.push({
      sheet: t.sheet,
      cell: toA1(t.headerRow + t.headerHeight - 1, skipped.col),
      severity: "warning",
      message: `"${skipped.header}" has ${what} for a period after the report's ${formatPeriod(period)}: they were not ${done}. To ${doing} them, set the period to theirs (--period, or the Scorecard Rules sheet).`,
    });
  }
  return out;
}
