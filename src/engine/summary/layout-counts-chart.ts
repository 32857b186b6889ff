// The headline over time (issue 14, optional): under the headline table, a line chart of how many
// indicators had each rating in each period recorded, where there are three or more periods. Its
// data sits on its own row right of the printed columns, as the trend charts' does.
import { STYLES } from "../sheet-kit/layout-style";
import type { PlanWriter } from "../sheet-kit/layout-writer";
import type { ChartPlan, ChartSeriesPlan, PlanValue } from "../vocab/plan";
import { shortLabel } from "./layout-charts";
import type { PackModel } from "./history-model";
import type { Level, Scheme } from "../vocab/types";

/** Height of the row the chart covers, in points. */
export const COUNTS_CHART_HEIGHT = 170;
/** Grid columns it spans: A to E, about 90 characters. */
const COUNTS_CHART_RIGHT = 4;
export const COUNTS_CAPTION = "Indicators by rating over time";
const UNRATED = new Set<Level>(["nodata", "dataonly"]);

/**
 * Writes the caption, the chart's row and its data; returns the chart, or undefined where the pack
 * has fewer than three periods. `dataCol` is the first column right of the printed ones.
 */
export function writeCountsChart(w: PlanWriter, model: PackModel, scheme: Scheme, dataCol: number): ChartPlan | undefined {
  const periods = model.history?.indicatorsByPeriod;
  if (!periods) return undefined;
  // Ratings of performance that some period has, in the scheme's order (no data and data only say
  // nothing of how indicators are doing); off target dashed, so the worst stands out in greyscale.
  const statuses = scheme.indicator.filter((s) => !UNRATED.has(s.level) && periods.some((p) => (p.counts[s.key] ?? 0) > 0));
  if (statuses.length === 0) return undefined;

  const caption = w.row++;
  w.block(caption, 0, [[COUNTS_CAPTION]]);
  w.range(STYLES.caption, { top: caption, left: 0, bottom: caption, right: 0 });
  w.height(caption, 18);
  w.heading(caption);
  const row = w.row++;
  w.height(row, COUNTS_CHART_HEIGHT);
  w.skip();

  const n = periods.length;
  const values: PlanValue[] = ["Period", ...periods.map((p) => shortLabel(p.period))];
  const series: ChartSeriesPlan[] = [];
  for (const s of statuses) {
    const at = dataCol + values.length + 1;
    values.push(`${s.symbol} ${s.label}`, ...periods.map((p) => p.counts[s.key] ?? 0));
    series.push({ name: `${s.symbol} ${s.label}`, values: { top: row, left: at, bottom: row, right: at + n - 1 }, color: s.font, ...(s.level === "bad" ? { dashed: true } : {}) });
  }
  w.block(row, dataCol, [values]);
  w.range({ numberFormat: "@" }, { top: row, left: dataCol, bottom: row, right: dataCol + n });
  const first = periods[0].period;
  const last = periods[n - 1].period;
  const words = statuses.map((s) => `${s.label} from ${periods[0].counts[s.key] ?? 0} to ${periods[n - 1].counts[s.key] ?? 0}`);
  return {
    kind: "line",
    title: `Indicators by rating, ${first} to ${last}`,
    description: `Line chart of the number of indicators at each rating over ${n} periods, ${first} to ${last}: ${words.join("; ")}.`,
    categories: { top: row, left: dataCol + 1, bottom: row, right: dataCol + n },
    series,
    anchor: { top: row, left: 0, bottom: row, right: Math.min(COUNTS_CHART_RIGHT, w.lastCol) },
  };
}
