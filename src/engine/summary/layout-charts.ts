// Trend charts beside the exceptions (issue 14): a "Trend chart" column whose rows are tall enough
// for a small line chart, the figures and target written to cells right of the printed columns
// (one row per chart, on the chart's own row), and a ChartPlan pointing at those cells.
import { fitColumns, type Column } from "../sheet-kit/layout-columns";
import { STYLES, widthOf } from "../sheet-kit/layout-style";
import type { PlanWriter } from "../sheet-kit/layout-writer";
import type { ChartPlan, PlanValue } from "../vocab/plan";
import { rowKey, type PackModel } from "./history-model";
import type { TrendChartData } from "./chart-series";
import type { ExceptionRow } from "./summary";
import type { CellRange } from "../vocab/types";

/** Height of a row holding a chart, in points: room for a title, a small plot and the period labels. */
export const CHART_ROW_HEIGHT = 150;
/** Grid columns the chart spans (about 39 characters, three inches): room for a two-line title and four period labels. */
const CHART_SPAN = 3;
/** The name is cut to this many characters in a chart's title (the row beside it has it whole). */
const TITLE_NAME = 40;
export const CHART_HEADER = "Trend chart";
export const ACTUAL_COLOUR = "#1F3864";
export const TARGET_COLOUR = "#7F7F7F";

const chartOf = (model: PackModel, e: { sheet: string; row: number }) => model.history?.charts.get(rowKey(e));

export function omittedText(max: number): string {
  return `Chart omitted: only the ${max} worst exceptions have a chart.`;
}

/** The chart column, right of every other column of the exceptions table; absent when nothing is charted. */
export function chartColumn(model: PackModel, columns: Column<ExceptionRow>[]): Column<ExceptionRow> | undefined {
  const history = model.history;
  if (!history || history.charts.size === 0) return undefined;
  const col = Math.max(...columns.map((c) => c.to ?? c.col)) + 1;
  return {
    col,
    to: col + CHART_SPAN - 1,
    header: CHART_HEADER,
    value: (e) => (chartOf(model, e) === "omitted" ? omittedText(history.maxCharts) : null),
    style: STYLES.quiet,
    // A chart has no text to measure: without a floor its own width, fitting the columns gave its grid columns to the comment.
    minWidth: widthOf(col, col + CHART_SPAN - 1),
  };
}

/** A charted exception's row is tall enough for its chart. */
export function chartRowHeight(model: PackModel, e: ExceptionRow): number | undefined {
  const chart = chartOf(model, e);
  return chart && chart !== "omitted" ? CHART_ROW_HEIGHT : undefined;
}

const number = (v: number, percent: boolean): string =>
  percent ? `${(v * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%` : v.toLocaleString("en-GB", { maximumFractionDigits: 2 });

/** "Q3 10/11" for "Q3 2010/11": short enough for four labels to sit level under a small chart. */
export function shortLabel(label: string): string {
  return label.replace(/^(Q[1-4]) (?:19|20)(\d\d\/\d\d)$/, "$1 $2");
}

/** "<ref> <name>: actual against target", the name cut where long. */
export function chartTitle(e: ExceptionRow, hasTarget: boolean): string {
  const name = e.name.length > TITLE_NAME ? `${e.name.slice(0, TITLE_NAME - 1).trimEnd()}…` : e.name;
  return `${[e.ref.trim(), name.trim()].filter(Boolean).join(" ")}: ${hasTarget ? "actual against target" : "actual over time"}`;
}

/** The trend in words, for the alt text: from, to, the lowest and highest, and the latest against the target. */
export function describeTrend(e: ExceptionRow, data: TrendChartData): string {
  const { points, percent } = data;
  const first = points[0];
  const last = points[points.length - 1];
  const fmt = (v: number) => number(v, percent);
  const move = last.value > first.value ? "rose" : last.value < first.value ? "fell" : "was unchanged";
  const parts = [`Line chart of ${e.name.trim() || e.ref.trim()} over ${points.length} periods, ${first.label} to ${last.label}.`];
  parts.push(move === "was unchanged" ? `The figure was ${fmt(first.value)} at the start and at the end.` : `The figure ${move} from ${fmt(first.value)} to ${fmt(last.value)}.`);
  const low = points.reduce((a, p) => (p.value < a.value ? p : a));
  const high = points.reduce((a, p) => (p.value > a.value ? p : a));
  if (low !== high) parts.push(`Lowest ${fmt(low.value)} in ${low.label}; highest ${fmt(high.value)} in ${high.label}.`);
  if (last.target !== null) {
    const side = last.value > last.target ? "above" : last.value < last.target ? "below" : "level with";
    const better = e.direction ? ` (${e.direction} is better)` : "";
    parts.push(`The target, a dashed line, is ${fmt(last.target)} in ${last.label}: the latest figure is ${side} it${better}.`);
  }
  return parts.join(" ");
}

/** Collects the exceptions' rows as the table is written, then writes each chart's data and plan. */
export class ChartCollector {
  readonly charts: ChartPlan[] = [];
  private readonly rows = new Map<ExceptionRow, number>();
  /** Rightmost column the chart data uses. */
  lastDataCol = -1;

  constructor(
    private readonly w: PlanWriter,
    private readonly model: PackModel,
  ) {}

  get active(): boolean {
    return (this.model.history?.charts.size ?? 0) > 0;
  }

  note(): string {
    const h = this.model.history;
    const limit = h && h.omitted > 0 ? ` Only the ${h.maxCharts} worst have a chart.` : "";
    return `Trend chart: the indicator's figures over time (solid line) against its target (dashed line), where three or more figures are known from the tracker and the Scorecard History sheet.${limit}`;
  }

  place(e: ExceptionRow, row: number): void {
    this.rows.set(e, row);
  }

  /** The data of each chart on its own row, from the first column right of the printed ones: "Period", labels, "Actual", figures, "Target", targets. */
  placeColumns(items: readonly ExceptionRow[], columns: Column<ExceptionRow>[]): void {
    const placed = fitColumns(items, columns, this.w.grid).find((c) => c.header === CHART_HEADER);
    if (!placed) return;
    const dataCol = this.w.lastCol + 2;
    for (const [e, row] of this.rows) {
      const data = chartOf(this.model, e);
      if (!data || data === "omitted") continue;
      this.charts.push(this.writeChart(e, data, row, dataCol, { top: row, left: placed.col, bottom: row, right: placed.to ?? placed.col }));
    }
  }

  private writeChart(e: ExceptionRow, data: TrendChartData, row: number, at: number, anchor: CellRange): ChartPlan {
    const n = data.points.length;
    const hasTarget = data.points.some((p) => p.target !== null);
    const values: PlanValue[] = ["Period", ...data.points.map((p) => shortLabel(p.label)), "Actual", ...data.points.map((p) => p.value)];
    if (hasTarget) values.push("Target", ...data.points.map((p) => p.target));
    this.w.block(row, at, [values]);
    const span = (from: number): CellRange => ({ top: row, left: from, bottom: row, right: from + n - 1 });
    const categories = span(at + 1);
    const actual = span(at + n + 2);
    const target = span(at + 2 * n + 3);
    // Labels stay text: "2009/10" typed into a General cell would become a date.
    this.w.range({ numberFormat: "@" }, categories);
    if (data.percent) {
      this.w.range({ numberFormat: "0.0%" }, actual);
      if (hasTarget) this.w.range({ numberFormat: "0.0%" }, target);
    }
    this.lastDataCol = Math.max(this.lastDataCol, at + values.length - 1);
    const series: ChartPlan["series"] = [{ name: "Actual", values: actual, color: ACTUAL_COLOUR }];
    if (hasTarget) series.push({ name: "Target", values: target, dashed: true, color: TARGET_COLOUR });
    return { kind: "line", title: chartTitle(e, hasTarget), description: describeTrend(e, data), categories, series, anchor, ...(data.percent ? { valueFormat: "0%" } : {}) };
  }
}
