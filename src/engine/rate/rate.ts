// Manual versus computed (RULES §7): which source wins, and the status checks where they disagree.
import { computeActivity, type ActivityInput } from "./activity";
import { textOf, type LazyText } from "../vocab/format";
import { alignPercentages, compareWithAverage, computeIndicator, readToleranceOrDefault, type IndicatorInput, type IndicatorResult } from "./indicator";
import { matchRating, statusForLevel } from "../scheme/schemes";
import { computeTrend } from "./trend";
import { readValue } from "../read/values";
import type { CellValue, Comparison, Direction, Level, QualityNote, Rating, RecordKind, Scheme, Status, StatusSource, Tolerance, Trend, Unrated } from "../vocab/types";

const COMPUTED_WINS: ReadonlySet<Level> = new Set(["ahead", "good", "near", "bad"]);
const DETERMINABLE: ReadonlySet<Level> = new Set(["ahead", "good", "near", "bad", "done", "closed"]);

function fallbackStatus(scheme: Scheme, kind: RecordKind, level: Level): Status {
  const found = statusForLevel(scheme, kind, level) ?? statusForLevel(scheme, kind, "nodata");
  if (!found) throw new Error(`scheme ${scheme.key} has no ${kind} status for ${level} or nodata`);
  return found;
}

/** The empty list of checks and notes most ratings share; never changed (ratings are read-only to their readers). */
const NONE: string[] = Object.freeze([]) as unknown as string[];
const NO_NOTES: QualityNote[] = Object.freeze([]) as unknown as QualityNote[];
const NONE_COMPARED: Comparison[] = Object.freeze([]) as unknown as Comparison[];

/** What an indicator's other figures say beside its status: long-term trend and comparator status. */
interface History {
  trendLongTerm: Trend;
  comparisons: Comparison[];
}

/** Activities, and indicators with no figure a year earlier and no comparator: nothing to say. */
const NO_HISTORY: History = Object.freeze({ trendLongTerm: "notrend", comparisons: NONE_COMPARED });

interface Sources {
  kind: RecordKind;
  /** The level the rules give; undefined when they cannot decide (an activity with no due date). */
  level?: Level;
  /** Why the rules give that level. */
  reason: LazyText;
  manualText: string;
  useComputed: boolean;
  /** What stopped the rules, where they could not rate. */
  unrated?: Unrated;
}

/**
 * A Rating whose reason is written when first read: classification rates every record, but
 * only the summary (and the --json report) reads reasons.
 */
class ChosenRating implements Rating {
  constructor(
    readonly status: string,
    readonly level: Level,
    readonly computed: string | undefined,
    readonly manual: string | undefined,
    readonly manualText: string | undefined,
    readonly checks: string[],
    private why: LazyText,
    readonly quality: QualityNote[],
    readonly trend: Trend,
    readonly direction: Direction | undefined,
    private readonly history: History,
    readonly unrated: Unrated | undefined,
    readonly source: StatusSource,
  ) {}

  get trendLongTerm(): Trend {
    return this.history.trendLongTerm;
  }

  get comparisons(): Comparison[] {
    return this.history.comparisons;
  }

  get reason(): string {
    const why = this.why;
    if (typeof why === "string") return why;
    const text = why.text();
    this.why = text;
    return text;
  }

  /** The same JSON as a plain Rating. */
  toJSON(): Rating {
    const { status, level, source, computed, manual, manualText, checks, reason, quality, trend, trendLongTerm, comparisons, direction } = this;
    return { status, level, source, computed, manual, manualText, checks, reason, quality, trend, trendLongTerm, comparisons, direction };
  }
}

/**
 * Chooses the status from computed and manual, and writes the check when both are known and differ.
 * `quality` holds the rule's own notes; a rating that is not a status of the scheme is added to them.
 */
function combine(scheme: Scheme, sources: Sources, quality: QualityNote[], trend: Trend, direction: Direction | undefined, history: History): Rating {
  const { kind, level, manualText } = sources;
  const typed = manualText.trim();
  const manual = typed ? matchRating(scheme, kind, manualText) : undefined;
  if (typed && !manual) quality = quality.concat({ about: "manual", text: `rating "${typed}" is not a ${scheme.name} ${kind} status` });
  const computedStatus = sources.useComputed && level ? fallbackStatus(scheme, kind, level) : undefined;

  let chosen: Status;
  let reason: LazyText;
  let unrated: Unrated | undefined;
  let source: StatusSource = "rules";
  if (computedStatus && level && (COMPUTED_WINS.has(level) || (kind === "activity" && DETERMINABLE.has(level)))) {
    chosen = computedStatus;
    reason = sources.reason;
    unrated = sources.unrated;
  } else if (manual) {
    chosen = manual;
    // What stopped the rules is still the officer's to mend (an unreadable figure is a problem, RULES §7).
    unrated = sources.unrated;
    // Where the rules give the same status (both say Data Only), it is the rules' verdict too.
    if (!computedStatus || computedStatus.key !== manual.key) source = "officer";
    reason = level && sources.useComputed ? `officer's rating (${textOf(sources.reason)})` : "officer's rating";
  } else if (computedStatus) {
    chosen = computedStatus;
    reason = sources.reason;
    unrated = sources.unrated;
  } else {
    chosen = fallbackStatus(scheme, kind, "nodata");
    reason = typed ? `rating "${typed}" not recognised` : "no rating";
  }

  const disagree = computedStatus && level && manual && DETERMINABLE.has(level) && manual.key !== computedStatus.key;
  const checks = disagree ? [`manual ${typed}, rules say ${computedStatus.label} — ${textOf(sources.reason)}`] : NONE;
  return new ChosenRating(chosen.key, chosen.level, computedStatus?.key, manual?.key, typed || undefined, checks, reason, quality.length === 0 ? NO_NOTES : quality, trend, direction, history, unrated, source);
}

function manualTextOf(cell: CellValue | undefined): string {
  if (cell === undefined || cell === null) return "";
  if (typeof cell === "object" && !(cell instanceof Date)) return "";
  return String(cell);
}

/** A cell (or a plain number) as rated. */
interface Figure {
  value: CellValue;
  format?: string;
}

export interface IndicatorRatingInput extends IndicatorInput {
  manual?: CellValue;
  /** Comparable values oldest → newest (cells or numbers). */
  series?: Figure[];
  /** The figure of the same period a year earlier: the long-term trend (RULES §6). */
  yearAgo?: Figure;
  /** Comparator averages ("All England Average"): each compared with the actual by the target rule. */
  comparators?: { label: string; field: Figure }[];
  /** Overrides the scheme's trend periods. */
  trendPeriods?: number;
}

export function rateIndicator(scheme: Scheme, input: IndicatorRatingInput): Rating {
  const result = computeIndicator(scheme, input);
  const periods = input.trendPeriods ?? scheme.trendPeriods;
  // A band target says where to be, not which way is better: no direction of travel (RULES §6).
  const band = result.goal?.kind === "band";
  const trend = band ? "notrend" : computeTrend(latestFigures(input.series ?? [], periods + 1), { direction: result.direction, periods, staticBand: scheme.staticBand });
  const history = input.yearAgo || input.comparators?.length ? historyOf(scheme, input, result, band) : NO_HISTORY;
  const sources = { kind: "indicator" as const, level: result.level, reason: result.reason, manualText: manualTextOf(input.manual), useComputed: true, unrated: result.unrated };
  return combine(scheme, sources, result.quality, trend, result.direction, history);
}

/**
 * The long-term trend (the actual against the same period a year earlier: one change, whatever the
 * scheme's trend periods) and the comparator status. Unreadable comparators are noted in `result.quality`.
 */
function historyOf(scheme: Scheme, input: IndicatorRatingInput, result: IndicatorResult, band: boolean): History {
  const actual = readValue(input.actual ?? null, input.actualFormat);
  const now = actual.kind === "number" ? actual : undefined;
  const direction = result.direction;
  let trendLongTerm: Trend = "notrend";
  if (now && input.yearAgo && !band) {
    const before = readValue(input.yearAgo.value, input.yearAgo.format);
    if (before.kind === "number") {
      const [then, latest] = alignPercentages(before, now);
      trendLongTerm = computeTrend([then, latest], { direction, periods: 1, staticBand: scheme.staticBand });
    }
  }
  let tolerance: Tolerance | undefined = result.tolerance;
  // On a data-only row the tolerance is read here: beside percentages as on a rated row (helper-98).
  const toleranceNow = () => (tolerance ??= readToleranceOrDefault(scheme, input, result.quality, now?.percent ?? false));
  const comparisons: Comparison[] = [];
  for (const { label, field } of input.comparators ?? []) {
    const average = readValue(field.value, field.format);
    if (average.kind === "number") {
      if (now && direction) comparisons.push({ label, ...compareWithAverage(now, average, direction, toleranceNow()) });
    } else if (average.kind !== "missing") {
      // A date, a target or a band where an average belongs: worth a look, but no reason to stop.
      result.quality.push({ about: "comparator", label, text: `comparator ${label} "${average.text}" is not a figure, so it is not compared` });
    }
  }
  return { trendLongTerm, comparisons: comparisons.length > 0 ? comparisons : NONE_COMPARED };
}

/** The last `count` figures of a series, oldest first: only those can move the trend, so only those are read. */
function latestFigures(series: { value: CellValue; format?: string }[], count: number): number[] {
  const out: number[] = [];
  for (let i = series.length - 1; i >= 0 && out.length < count; i--) {
    const reading = readValue(series[i].value, series[i].format);
    if (reading.kind === "number") out.push(reading.value);
  }
  return out.reverse();
}

export function rateActivity(scheme: Scheme, input: ActivityInput): Rating {
  const useComputed = scheme.activitySource === "computed";
  const result = computeActivity(scheme, input);
  const sources = { kind: "activity" as const, level: result.level, reason: result.reason, manualText: manualTextOf(input.manual), useComputed };
  return combine(scheme, sources, result.quality, "notrend", undefined, NO_HISTORY);
}
