// Queue the charts a sheet plan describes (issue 14): one line chart per plan, every call queued in the
// write requests already being sent, so 40 charts cost no sync of their own. Each series is given its
// values and period labels explicitly (ExcelApi 1.7, within the add-in's 1.9) rather than left to
// Excel's guess at headers, and the target line is dashed so the chart reads in greyscale. Office.js
// has no alt text for charts: the title carries the meaning.
import type { CellRange } from "../engine/vocab/types";
import type { ChartPlan, ChartSeriesPlan, SheetPlan } from "../engine/vocab/plan";
import type { XlChart, XlChartSeries, XlRange, XlWorksheet } from "./api";
import { cellAddress } from "./a1";
import type { Batcher } from "./chunk";
import { OP_OVERHEAD, utf8Bytes } from "./chunk";

/** Excel keeps a series name to 255 characters; titles are held to the same. */
const MAX_TEXT = 255;
/** Font sizes in points, as the file host writes them (src/xlsx/patch/chart-xml.ts): the charts are small. */
const TITLE_POINTS = 9;
const LEGEND_POINTS = 7;
/** The file host's colours (src/xlsx/patch/chart-xml.ts), so both hosts draw the same chart. */
const SERIES_COLOURS = ["#1F4E79", "#C55A11", "#548235", "#7030A0"];
const TARGET_COLOUR = "#595959";

const isLine = (r: CellRange): boolean => r.top === r.bottom || r.left === r.right;
const lengthOf = (r: CellRange): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** A chart both hosts can draw: a line chart whose labels and series are single rows or columns of one length. */
export function drawable(c: ChartPlan): boolean {
  return c.kind === "line" && c.series.length > 0 && isLine(c.categories) && c.series.every((s) => isLine(s.values) && lengthOf(s.values) === lengthOf(c.categories));
}

export function seriesColour(s: ChartSeriesPlan, i: number): string {
  return s.color && /^#[0-9A-Fa-f]{6}$/.test(s.color) ? s.color.toUpperCase() : s.dashed ? TARGET_COLOUR : SERIES_COLOURS[i % SERIES_COLOURS.length];
}

function rangeOf(ws: XlWorksheet, r: CellRange): XlRange {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

function queueSeries(ws: XlWorksheet, chart: XlChart, plan: ChartPlan, i: number): void {
  const s = plan.series[i];
  const name = s.name.slice(0, MAX_TEXT);
  // The chart was added with the first series' cells: that series is there to be set, the rest are added.
  const series: XlChartSeries = i === 0 ? chart.series.getItemAt(0) : chart.series.add(name);
  if (i === 0) series.name = name;
  series.setValues(rangeOf(ws, s.values));
  series.setXAxisValues(rangeOf(ws, plan.categories));
  series.format.line.color = seriesColour(s, i);
  if (s.dashed) series.format.line.lineStyle = "Dash";
  series.markerStyle = s.dashed ? "None" : "Circle";
}

/** Operations one chart queues, for the request budget. */
function opsOf(c: ChartPlan): number {
  return 7 + 9 * c.series.length;
}

/** Queue every chart of `plan` on `ws` (a sheet just made for it). Returns the charts queued. */
export async function queueCharts(batcher: Batcher, ws: XlWorksheet, plan: SheetPlan): Promise<number> {
  let queued = 0;
  for (const c of plan.charts ?? []) {
    // The engine only plans drawable charts; one that is not is left out rather than failing the build.
    if (!drawable(c)) continue;
    const cost = OP_OVERHEAD * opsOf(c) + utf8Bytes(c.title) + c.series.reduce((n, s) => n + utf8Bytes(s.name), 0);
    await batcher.add(cost, () => {
      const first = c.series[0].values;
      const chart = ws.charts.add("Line", rangeOf(ws, first), first.top === first.bottom ? "Rows" : "Columns");
      chart.title.text = c.title.slice(0, MAX_TEXT);
      chart.title.format.font.size = TITLE_POINTS;
      chart.legend.position = "Bottom";
      chart.legend.format.font.size = LEGEND_POINTS;
      chart.setPosition(cellAddress(c.anchor.top, c.anchor.left), cellAddress(c.anchor.bottom, c.anchor.right));
      if (c.valueFormat) chart.axes.valueAxis.numberFormat = c.valueFormat;
      for (let i = 0; i < c.series.length; i++) queueSeries(ws, chart, c, i);
    });
    queued++;
  }
  return queued;
}
