// Direction of travel (RULES §6): latest against previous, over 1 or 3 consecutive changes.
import type { Direction, Trend } from "../vocab/types";

export interface TrendOptions {
  direction?: Direction;
  /** Consecutive changes that must agree (Derby: 3). */
  periods: number;
  /** Relative change treated as static (0.01 = 1%). */
  staticBand: number;
}

type Step = "up" | "down" | "flat";

function step(previous: number, next: number, band: number): Step {
  const change = next - previous;
  if (previous === 0) return change === 0 ? "flat" : change > 0 ? "up" : "down";
  if (Math.abs(change) / Math.abs(previous) <= band + 1e-9) return "flat";
  return change > 0 ? "up" : "down";
}

/** Trend of a series oldest → newest. Without a direction of good performance there is no trend. */
export function computeTrend(series: readonly number[], options: TrendOptions): Trend {
  const periods = Math.max(1, Math.floor(options.periods));
  if (!options.direction || series.length < periods + 1) return "notrend";
  const recent = series.slice(series.length - periods - 1);
  const steps = recent.slice(1).map((value, i) => step(recent[i], value, options.staticBand));
  const better: Step = options.direction === "higher" ? "up" : "down";
  const worse: Step = options.direction === "higher" ? "down" : "up";
  if (steps.every((s) => s === better)) return "improving";
  if (steps.every((s) => s === worse)) return "worsening";
  return "static";
}

/** Arrows by direction of movement, coloured by meaning elsewhere (RULES §6). */
export const TREND_LABELS: Record<Trend, { label: string; description: string }> = {
  improving: { label: "Improving", description: "Better than the previous period" },
  static: { label: "Static", description: "Within 1% of the previous period, or mixed" },
  worsening: { label: "Worsening", description: "Worse than the previous period" },
  notrend: { label: "No trend data", description: "Too few comparable figures, or no direction set" },
};

/** Arrow for a trend given which way is better: improving on a lower-is-better measure points down. */
export function trendArrow(trend: Trend, direction: Direction | undefined): string {
  if (trend === "static") return "►";
  if (trend === "notrend") return "–";
  const up = (trend === "improving") === (direction !== "lower");
  return up ? "▲" : "▼";
}
