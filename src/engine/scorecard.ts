// One run of the add-in's job, host-free: choose the scheme, rate the workbook, plan every write.
// Both hosts (Office.js, ExcelJS) call this and then execute `plans`.
import { colourTrackers } from "./colour";
import { layoutSummary, summarySheetName, trackerTitle } from "./layout";
import { presetByKey, RAG } from "./presets";
import { describePeriod, parseReportingPeriod, periodEnd, type ReportingPeriod } from "./periods";
import { layoutRulesSheet, readRulesSheet, RULES_SHEET, type RulesSettings } from "./rules-sheet";
import { committeesOf, summarise } from "./summary";
import { rateWorkbook, type ColumnOverride, type WorkbookResult } from "./workbook";
import type { SheetPlan } from "./plan";
import type { Problem, Scheme, SheetGrid } from "./types";

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
}

export interface ScorecardRun {
  scheme: Scheme;
  settings: RulesSettings;
  period?: ReportingPeriod;
  reportDate: string;
  result: WorkbookResult;
  plans: SheetPlan[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The scheme and settings: the user's choice, else the workbook's rules sheet, else the default preset. */
function chooseScheme(grids: SheetGrid[], options: ScorecardOptions): { scheme: Scheme; settings: RulesSettings; problems: Problem[] } {
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
  return { scheme, settings, problems: fromSheet?.problems ?? [] };
}

export function runScorecard(grids: SheetGrid[], options: ScorecardOptions): ScorecardRun {
  const { scheme, settings, problems: ruleProblems } = chooseScheme(grids, options);
  const period = settings.period ? parseReportingPeriod(settings.period) : undefined;
  const reportDate = settings.reportDate ?? periodEnd(period) ?? options.today;
  const owned = new Set((options.ownedSheets ?? []).map((s) => s.toLowerCase()));
  const trackers = grids.filter((g) => !owned.has(g.name.toLowerCase()) && !same(g.name, RULES_SHEET));

  const includeHidden = settings.includeHidden === true;
  const result = rateWorkbook(trackers, { scheme, period, reportDate, columnOverrides: settings.columnOverrides, includeHidden });
  result.problems.unshift(...ruleProblems);

  const plans: SheetPlan[] = colourTrackers(scheme, trackers, result.tables, result.rated);
  const meta = {
    periodLabel: describePeriod(period) || settings.period || "",
    reportDate,
    title: settings.title,
    source: trackerTitle(trackers, result.tables),
  };
  const committees = options.allCommittees ? committeesOf(result.rated) : [options.committee ?? settings.committee];
  for (const committee of committees.length ? committees : [undefined]) {
    const model = summarise(result, scheme, { committee, includeHidden });
    plans.push(layoutSummary(model, scheme, { ...meta, committee, sheetName: summarySheetName(committee) }));
  }
  plans.push(layoutRulesSheet(scheme, settings));
  return { scheme, settings, period, reportDate, result, plans };
}
