// Manual versus computed (RULES §7): which source wins, and the status checks where they disagree.
import { computeActivity, type ActivityInput } from "./activity";
import { computeIndicator, type IndicatorInput } from "./indicator";
import { matchRating, statusForLevel } from "./schemes";
import { computeTrend } from "./trend";
import { readValue } from "./values";
import type { CellValue, Level, Rating, RecordKind, Scheme, Status } from "./types";

const COMPUTED_WINS: ReadonlySet<Level> = new Set(["ahead", "good", "near", "bad"]);
const DETERMINABLE: ReadonlySet<Level> = new Set(["ahead", "good", "near", "bad", "done", "closed"]);

function fallbackStatus(scheme: Scheme, kind: RecordKind, level: Level): Status {
  const found = statusForLevel(scheme, kind, level) ?? statusForLevel(scheme, kind, "nodata");
  if (!found) throw new Error(`scheme ${scheme.key} has no ${kind} status for ${level} or nodata`);
  return found;
}

interface Sources {
  kind: RecordKind;
  computed?: { level: Level; reason: string };
  manualText: string;
  useComputed: boolean;
}

/** Chooses the status from computed and manual, and writes the check when both are known and differ. */
function combine(scheme: Scheme, sources: Sources): Pick<Rating, "status" | "level" | "computed" | "manual" | "manualText" | "checks" | "reason"> & { quality: string[] } {
  const { kind, computed, manualText } = sources;
  const quality: string[] = [];
  const manual = manualText.trim() ? matchRating(scheme, kind, manualText) : undefined;
  if (manualText.trim() && !manual) quality.push(`rating "${manualText.trim()}" is not a ${scheme.name} ${kind} status`);
  const computedStatus = sources.useComputed && computed ? fallbackStatus(scheme, kind, computed.level) : undefined;

  let chosen: Status;
  let reason: string;
  if (computedStatus && computed && (COMPUTED_WINS.has(computed.level) || (kind === "activity" && DETERMINABLE.has(computed.level)))) {
    chosen = computedStatus;
    reason = computed.reason;
  } else if (manual) {
    chosen = manual;
    reason = computed && sources.useComputed ? `officer's rating (${computed.reason})` : "officer's rating";
  } else if (computedStatus && computed) {
    chosen = computedStatus;
    reason = computed.reason;
  } else {
    chosen = fallbackStatus(scheme, kind, "nodata");
    reason = manualText.trim() ? `rating "${manualText.trim()}" not recognised` : "no rating";
  }

  const checks: string[] = [];
  if (computedStatus && computed && manual && DETERMINABLE.has(computed.level) && manual.key !== computedStatus.key) {
    checks.push(`manual ${manualText.trim()}, rules say ${computedStatus.label} — ${computed.reason}`);
  }
  return {
    status: chosen.key,
    level: chosen.level,
    computed: computedStatus?.key,
    manual: manual?.key,
    manualText: manualText.trim() || undefined,
    checks,
    reason,
    quality,
  };
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
  const combined = combine(scheme, { kind: "indicator", computed: result, manualText: manualTextOf(input.manual), useComputed: true });
  const periods = input.trendPeriods ?? scheme.trendPeriods;
  const trend =
    result.goal?.kind === "band"
      ? "notrend"
      : computeTrend(latestFigures(input.series ?? [], periods + 1), { direction: result.direction, periods, staticBand: scheme.staticBand });
  combined.quality = result.quality.length === 0 ? combined.quality : result.quality.concat(combined.quality);
  return Object.assign(combined, { trend, direction: result.direction });
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
  const computed = result.level ? { level: result.level, reason: result.reason } : undefined;
  const combined = combine(scheme, { kind: "activity", computed, manualText: manualTextOf(input.manual), useComputed });
  combined.quality = result.quality.length === 0 ? combined.quality : result.quality.concat(combined.quality);
  return Object.assign(combined, { trend: "notrend" as const });
}

