// Manual versus computed (RULES §7): which source wins, and the status checks where they disagree.
import { computeActivity, type ActivityInput } from "./activity";
import { textOf, type LazyText } from "./format";
import { computeIndicator, type IndicatorInput } from "./indicator";
import { matchRating, statusForLevel } from "./schemes";
import { computeTrend } from "./trend";
import { readValue } from "./values";
import type { CellValue, Direction, Level, Rating, RecordKind, Scheme, Status, Trend } from "./types";

const COMPUTED_WINS: ReadonlySet<Level> = new Set(["ahead", "good", "near", "bad"]);
const DETERMINABLE: ReadonlySet<Level> = new Set(["ahead", "good", "near", "bad", "done", "closed"]);

function fallbackStatus(scheme: Scheme, kind: RecordKind, level: Level): Status {
  const found = statusForLevel(scheme, kind, level) ?? statusForLevel(scheme, kind, "nodata");
  if (!found) throw new Error(`scheme ${scheme.key} has no ${kind} status for ${level} or nodata`);
  return found;
}

/** The empty list of checks and notes most ratings share; never changed (ratings are read-only to their readers). */
const NONE: string[] = Object.freeze([]) as unknown as string[];

interface Sources {
  kind: RecordKind;
  /** The level the rules give; undefined when they cannot decide (an activity with no due date). */
  level?: Level;
  /** Why the rules give that level. */
  reason: LazyText;
  manualText: string;
  useComputed: boolean;
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
    readonly quality: string[],
    readonly trend: Trend,
    readonly direction: Direction | undefined,
  ) {}

  get reason(): string {
    const why = this.why;
    if (typeof why === "string") return why;
    const text = why.text();
    this.why = text;
    return text;
  }

  /** The same JSON as a plain Rating. */
  toJSON(): Rating {
    const { status, level, computed, manual, manualText, checks, reason, quality, trend, direction } = this;
    return { status, level, computed, manual, manualText, checks, reason, quality, trend, direction };
  }
}

/**
 * Chooses the status from computed and manual, and writes the check when both are known and differ.
 * `quality` holds the rule's own notes; a rating that is not a status of the scheme is added to them.
 */
function combine(scheme: Scheme, sources: Sources, quality: string[], trend: Trend, direction: Direction | undefined): Rating {
  const { kind, level, manualText } = sources;
  const typed = manualText.trim();
  const manual = typed ? matchRating(scheme, kind, manualText) : undefined;
  if (typed && !manual) quality = quality.concat(`rating "${typed}" is not a ${scheme.name} ${kind} status`);
  const computedStatus = sources.useComputed && level ? fallbackStatus(scheme, kind, level) : undefined;

  let chosen: Status;
  let reason: LazyText;
  if (computedStatus && level && (COMPUTED_WINS.has(level) || (kind === "activity" && DETERMINABLE.has(level)))) {
    chosen = computedStatus;
    reason = sources.reason;
  } else if (manual) {
    chosen = manual;
    reason = level && sources.useComputed ? `officer's rating (${textOf(sources.reason)})` : "officer's rating";
  } else if (computedStatus) {
    chosen = computedStatus;
    reason = sources.reason;
  } else {
    chosen = fallbackStatus(scheme, kind, "nodata");
    reason = typed ? `rating "${typed}" not recognised` : "no rating";
  }

  const disagree = computedStatus && level && manual && DETERMINABLE.has(level) && manual.key !== computedStatus.key;
  const checks = disagree ? [`manual ${typed}, rules say ${computedStatus.label} — ${textOf(sources.reason)}`] : NONE;
  return new ChosenRating(chosen.key, chosen.level, computedStatus?.key, manual?.key, typed || undefined, checks, reason, quality.length === 0 ? NONE : quality, trend, direction);
}

function manualTextOf(cell: CellValue | undefined): string {
  if (cell === undefined || cell === null) return "";
  if (typeof cell === "object" && !(cell instanceof Date)) return "";
  return String(cell);
}

export interface IndicatorRatingInput extends IndicatorInput {
  manual?: CellValue;
  /** Comparable values oldest → newest (cells or numbers). */
  series?: { value: CellValue; format?: string }[];
  /** Overrides the scheme's trend periods. */
  trendPeriods?: number;
}

export function rateIndicator(scheme: Scheme, input: IndicatorRatingInput): Rating {
  const result = computeIndicator(scheme, input);
  const periods = input.trendPeriods ?? scheme.trendPeriods;
  const trend =
    result.goal?.kind === "band"
      ? "notrend"
      : computeTrend(latestFigures(input.series ?? [], periods + 1), { direction: result.direction, periods, staticBand: scheme.staticBand });
  const sources = { kind: "indicator" as const, level: result.level, reason: result.reason, manualText: manualTextOf(input.manual), useComputed: true };
  return combine(scheme, sources, result.quality, trend, result.direction);
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
  return combine(scheme, sources, result.quality, "notrend", undefined);
}
