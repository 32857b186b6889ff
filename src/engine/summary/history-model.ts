// The pack's memory (issue 14): last period's status of each record, what changed since, last
// period's counts, and the figures over time for the exceptions' trend charts. Attached to the
// summary model from the workbook's history; a pack with no previous period is unchanged.
import { commentaryText } from "../vocab/plain-words";
import { levelRank } from "../history/columns";
import { recordKey } from "../history/key";
import { statusesOf } from "../scheme/schemes";
import { bySheetRow, percentages, summarise, type KindCounts, type SummaryModel, type SummaryOptions } from "./summary";
import { MIN_POINTS, trendPoints, type TrendChartData } from "./chart-series";
import type { HistoryEntry, PreviousStatus } from "../history/types";
import type { RatedRecord, WorkbookResult } from "../rate/workbook";
import type { Level, RecordKind, Scheme, StatusSource } from "../vocab/types";

export type { TrendChartData } from "./chart-series";

/** What the pack reads from the workbook's history (the history stage's view satisfies it). */
export interface PackHistory {
  /** This run's period in RULES §10's written form ("Q3 2010/11"). */
  period?: string;
  /** The latest period recorded before this one; absent when there is none. */
  previousPeriod?: string;
  /** A record's latest status before this period. */
  previous(r: RatedRecord): PreviousStatus | undefined;
  /** A record's entries over time, oldest first (this period's may be among them). */
  series(r: RatedRecord): HistoryEntry[];
  /** Every entry recorded (the previous period's give last period's counts and the records gone since). */
  entries: HistoryEntry[];
}

/** The Last period cell: the status then, or "new" for a record the previous period did not have. */
export type LastPeriod = PreviousStatus | "new";

export type ChangeKind = "worse" | "better" | "changed" | "new" | "gone";

/** A record whose rating changed since the previous period, or that is new or gone. */
export interface ChangeRow {
  change: ChangeKind;
  kind: RecordKind;
  ref: string;
  name: string;
  /** Where it is now; where it was for a record gone. */
  sheet: string;
  previous?: PreviousStatus;
  /** This period's status (absent for a record gone). */
  status?: string;
  level?: Level;
  source?: StatusSource;
  /** "Q2 rating", as the scorecards mark an officer's rating from a table of an earlier period. */
  earlierRating?: string;
  commentary: string;
  lead: string;
  reason: string;
}

export interface PackHistoryModel {
  period?: string;
  previousPeriod: string;
  /** Last period's counts of the records this pack covers (and those gone, in a pack of every record). */
  previousHeadline: Record<RecordKind, KindCounts>;
  changes: ChangeRow[];
  /** Last period's status by "sheet\nrow" of this period's records. */
  lastPeriod: Map<string, LastPeriod>;
  /** Exceptions' trend charts by "sheet\nrow": the worst `maxCharts` drawn, the rest "omitted". */
  charts: Map<string, TrendChartData | "omitted">;
  /** Charts left out past the limit. */
  omitted: number;
  maxCharts: number;
  /** Indicators counted by status in each period recorded, oldest first, where there are three or more. */
  indicatorsByPeriod?: PeriodCounts[];
}

export interface PeriodCounts {
  period: string;
  counts: Record<string, number>;
}

/** A chart of the headline over time needs this many periods. */
export const MIN_PERIODS = 3;

/**
 * Indicators by status in each period up to this one: the entries of the records this pack covers
 * (in a pack of every record, those of records gone too); undefined with fewer than three periods.
 */
function indicatorsByPeriod(history: PackHistory, keys: Set<string>, everyRecord: boolean, includeHidden: boolean): PeriodCounts[] | undefined {
  const current = history.entries.find((e) => e.period === history.period)?.periodOrder;
  if (current === undefined) return undefined;
  const byOrder = new Map<number, PeriodCounts>();
  for (const e of history.entries) {
    if (e.kind !== "indicator" || e.periodOrder > current || (e.hidden && !includeHidden) || (!everyRecord && !keys.has(e.key))) continue;
    let at = byOrder.get(e.periodOrder);
    if (!at) byOrder.set(e.periodOrder, (at = { period: e.period, counts: {} }));
    at.counts[e.status] = (at.counts[e.status] ?? 0) + 1;
  }
  if (byOrder.size < MIN_PERIODS) return undefined;
  return [...byOrder.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

function pushDefined<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

/** A summary with its history attached (layoutSummary takes either). */
export type PackModel = SummaryModel & { history?: PackHistoryModel };

/** At most this many charts in a pack, so a tracker with thousands of exceptions stays printable. */
export const MAX_CHARTS = 40;

export const rowKey = (r: { sheet: string; row: number }): string => `${r.sheet}\n${r.row}`;

/**
 * How a record's rating moved: better or worse by the history's order of levels (best first);
 * "changed" to or from a level that says nothing of performance (closed, no data, data only).
 */
export function changeOf(previous: PreviousStatus, status: string, level: Level): ChangeKind | undefined {
  if (previous.status === status && previous.level === level) return undefined;
  const was = levelRank(previous.level);
  const now = levelRank(level);
  if (was === undefined || now === undefined || was === now) return previous.status === status ? undefined : "changed";
  return now < was ? "better" : "worse";
}

const ORDER: ChangeKind[] = ["worse", "better", "changed", "new", "gone"];
const SEVERITY: Level[] = ["bad", "near", "closed", "nodata", "dataonly", "good", "ahead", "done"];

function counts(scheme: Scheme, entries: HistoryEntry[]): Record<RecordKind, KindCounts> {
  const out = {} as Record<RecordKind, KindCounts>;
  for (const kind of ["indicator", "activity"] as const) {
    const byKey = new Map<string, number>(statusesOf(scheme, kind).map((s) => [s.key, 0]));
    for (const e of entries) if (e.kind === kind) byKey.set(e.status, (byKey.get(e.status) ?? 0) + 1);
    const keys = [...byKey.keys()];
    const values = keys.map((k) => byKey.get(k) ?? 0);
    const percents = percentages(values);
    out[kind] = { kind, total: values.reduce((a, b) => a + b, 0), statuses: keys.map((key, i) => ({ key, count: values[i], percent: percents[i] })) };
  }
  return out;
}

export interface HistoryOptions {
  maxCharts?: number;
}

/**
 * The summary with last period's statuses, changes and trend charts attached, where the history has
 * a previous period (or figures to chart); otherwise exactly `summarise`'s model.
 */
export function summariseWithHistory(result: WorkbookResult, scheme: Scheme, options: SummaryOptions, history: PackHistory | undefined, chartOptions: HistoryOptions = {}): PackModel {
  const model: PackModel = summarise(result, scheme, options);
  if (!history) return model;
  const bySheet = bySheetRow(result.rated, (r) => r);
  const ratedAt = (at: { sheet: string; row: number }): RatedRecord | undefined => bySheet.get(at.sheet)?.get(at.row);
  const ours: RatedRecord[] = [];
  for (const g of model.groups) {
    for (const row of g.indicators) pushDefined(ours, ratedAt(row));
    for (const row of g.activities) pushDefined(ours, ratedAt(row));
  }
  const maxCharts = chartOptions.maxCharts ?? MAX_CHARTS;

  // Trend charts for the exceptions with enough figures, worst first (the exceptions' own order).
  const charts = new Map<string, TrendChartData | "omitted">();
  let drawn = 0;
  let omitted = 0;
  for (const e of model.exceptions) {
    const rated = e.kind === "indicator" ? ratedAt(e) : undefined;
    if (!rated) continue;
    const data = trendPoints(rated.record, history.series(rated), history.period);
    if (data.points.length < MIN_POINTS) continue;
    if (drawn < maxCharts) {
      charts.set(rowKey(e), data);
      drawn++;
    } else {
      charts.set(rowKey(e), "omitted");
      omitted++;
    }
  }

  const previousPeriod = history.previousPeriod;
  if (!previousPeriod) {
    if (charts.size === 0) return model;
    return { ...model, history: { period: history.period, previousPeriod: "", previousHeadline: counts(scheme, []), changes: [], lastPeriod: new Map(), charts, omitted, maxCharts } };
  }

  const lastPeriod = new Map<string, LastPeriod>();
  const changes: ChangeRow[] = [];
  // The scorecards' marks, so "New this period" does not show last quarter's rating as this one's (helper-126).
  const earlierRatings = new Map(model.groups.flatMap((g) => [...g.indicators, ...g.activities]).filter((row) => row.earlierRating).map((row) => [rowKey(row), row.earlierRating]));
  const keys = new Set<string>();
  for (const r of ours) {
    const { record, rating } = r;
    keys.add(recordKey(record));
    const previous = history.previous(r);
    lastPeriod.set(rowKey(record), previous ?? "new");
    const change = previous ? changeOf(previous, rating.status, rating.level) : "new";
    if (!change) continue;
    changes.push({
      change,
      kind: record.kind,
      ref: record.ref,
      name: record.name,
      sheet: record.sheet,
      previous,
      status: rating.status,
      level: rating.level,
      source: rating.source,
      earlierRating: earlierRatings.get(rowKey(record)),
      commentary: commentaryText(record.comment?.text),
      lead: record.lead ?? "",
      reason: rating.reason,
    });
  }

  // Records gone: last period's, matched by no record of the workbook now. Their committee is not
  // recorded, so a committee's pack cannot tell which were its own: only a pack of every record lists them.
  const everyKey = new Set(result.rated.map((r) => recordKey(r.record)));
  const everyRecord = !model.committee;
  const previousEntries = history.entries.filter((e) => e.period === previousPeriod && (options.includeHidden || !e.hidden));
  const gone = everyRecord ? previousEntries.filter((e) => !everyKey.has(e.key)) : [];
  for (const e of gone) {
    changes.push({
      change: "gone",
      kind: e.kind,
      ref: e.ref,
      name: e.name,
      sheet: e.sheet,
      previous: { period: e.period, status: e.status, level: e.level },
      commentary: "",
      lead: "",
      reason: "",
    });
  }
  const level = (c: ChangeRow) => SEVERITY.indexOf(c.level ?? c.previous?.level ?? "good");
  const index = new Map(changes.map((c, i) => [c, i]));
  changes.sort((a, b) => ORDER.indexOf(a.change) - ORDER.indexOf(b.change) || level(a) - level(b) || (index.get(a) ?? 0) - (index.get(b) ?? 0));

  const goneSet = new Set(gone);
  const counted = previousEntries.filter((e) => keys.has(e.key) || goneSet.has(e));
  return {
    ...model,
    history: {
      period: history.period,
      previousPeriod,
      previousHeadline: counts(scheme, counted),
      changes,
      lastPeriod,
      charts,
      omitted,
      maxCharts,
      indicatorsByPeriod: indicatorsByPeriod(history, keys, everyRecord, options.includeHidden === true),
    },
  };
}
