// Charts on a worksheet (ExcelApi 1.1; series values, x-axis values, marker and line style 1.7), as
// strict as their @types/office-js documentation: enumerations checked, series names up to 255
// characters, colours as HTML codes, a chart's cells on its own sheet. A sheet's charts live with the
// sheet's state, so deleting the sheet deletes them. What the fake does not model is NotImplemented.
import type { XlChart, XlChartAxes, XlChartAxis, XlChartCollection, XlChartFont, XlChartLegend, XlChartLegendFormat, XlChartLineFormat, XlChartSeries, XlChartSeriesCollection, XlChartSeriesFormat, XlChartTitle, XlChartTitleFormat } from "../excel/api";
import { quoteSheet, rangeAddress } from "../excel/a1";
import type { CellRange } from "../engine/vocab/types";
import { guard, normColor } from "./cells";
import type { Prop } from "./context";
import { FakeCollection, FakeObject } from "./context";
import type { Box } from "./drawings";
import { boxOf, NEW_CHART_POINTS } from "./drawings";
import { FakeOfficeError } from "./errors";
import { parseSheetAddress } from "./pagelayout";
import type { FakeRange } from "./range";
import type { SheetState, WorkbookState } from "./state";
import { versionAtMost } from "./version";

interface SheetRect {
  sheet: SheetState;
  rect: CellRange;
}

export interface ChartSeriesState {
  name: string;
  values?: SheetRect;
  xValues?: SheetRect;
  lineStyle: string;
  lineColor?: string;
  markerStyle: string;
}

export interface ChartState {
  name: string;
  type: string;
  title: string;
  legendPosition: string;
  /** Font sizes in points; undefined: Excel's default. */
  titleFontSize?: number;
  legendFontSize?: number;
  /** Cells the chart covers after setPosition (its top-left cell only when no end cell was given). */
  position?: CellRange;
  /** The value axis's number format (ChartAxis.numberFormat, ExcelApi 1.8); Excel's default "General". */
  valueAxisFormat: string;
  series: ChartSeriesState[];
}

/** Read-only view for tests and the preview: addresses with their sheet ("'Summary'!AN1:AR1"). */
export interface FakeChartView {
  name: string;
  type: string;
  title: string;
  legendPosition: string;
  titleFontSize?: number;
  legendFontSize?: number;
  position?: string;
  valueAxisFormat: string;
  series: { name: string; values?: string; xValues?: string; lineStyle: string; lineColor?: string; markerStyle: string }[];
}

const CHARTS = new WeakMap<SheetState, ChartState[]>();

export function chartsOf(sheet: SheetState): ChartState[] {
  let list = CHARTS.get(sheet);
  if (!list) CHARTS.set(sheet, (list = []));
  return list;
}

const where = (r: SheetRect | undefined): string | undefined => (r ? `${quoteSheet(r.sheet.name)}!${rangeAddress(r.rect)}` : undefined);

export function viewCharts(sheet: SheetState): FakeChartView[] {
  return chartsOf(sheet).map((c) => ({
    name: c.name,
    type: c.type,
    title: c.title,
    legendPosition: c.legendPosition,
    ...(c.titleFontSize !== undefined ? { titleFontSize: c.titleFontSize } : {}),
    ...(c.legendFontSize !== undefined ? { legendFontSize: c.legendFontSize } : {}),
    ...(c.position ? { position: rangeAddress(c.position) } : {}),
    valueAxisFormat: c.valueAxisFormat,
    series: c.series.map((s) => ({ name: s.name, values: where(s.values), xValues: where(s.xValues), lineStyle: s.lineStyle, lineColor: s.lineColor, markerStyle: s.markerStyle })),
  }));
}

/** The chart types the fake draws; Office.js has many more (Excel.ChartType), which are NotImplemented here. */
const TYPES = new Set(["Line", "LineMarkers", "ColumnClustered", "BarClustered", "Area", "Pie", "XYScatter"]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);
const LINE_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Grey25", "Grey50", "Grey75", "Automatic", "RoundDot"]);
const MARKER_STYLES = new Set(["Invalid", "Automatic", "None", "Square", "Diamond", "Triangle", "X", "Star", "Dot", "Dash", "Circle", "Plus", "Picture"]);
const LEGEND_POSITIONS = new Set(["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"]);
const MAX_SERIES_NAME = 255;

function oneOf(set: Set<string>, value: unknown, what: string): string {
  if (typeof value !== "string" || !set.has(value)) throw new FakeOfficeError("InvalidArgument", `${JSON.stringify(value)} is not a ${what}.`);
  return value;
}

function needs(wb: WorkbookState, version: string, member: string): void {
  if (!versionAtMost(version, wb.apiVersion)) throw new FakeOfficeError("ApiNotFound", `${member} needs ExcelApi ${version}, which this Excel does not support.`);
}

/** A range argument as a resolved rectangle; Office.js sends it as a reference to the range object. */
function rangeArg(value: unknown, what: string): SheetRect {
  const r = value as FakeRange | undefined;
  if (!r || typeof r._must !== "function") throw new FakeOfficeError("InvalidArgument", `${what} must be a Range.`);
  return r._must();
}

/** One row or one column: what a line's values or labels can be. */
function line(r: SheetRect, what: string): SheetRect {
  if (r.rect.top !== r.rect.bottom && r.rect.left !== r.rect.right) throw new FakeOfficeError("InvalidArgument", `${what} must be one row or one column (${rangeAddress(r.rect)}).`);
  return r;
}

const ref = (value: unknown): unknown => (value instanceof FakeObject ? { ObjectPathId: value._id } : value);

interface ChartOwner extends FakeObject {
  _sheet(): SheetState;
}

/** Excel's font sizes run from 1 to 409 points. */
const MAX_FONT = 409;

class FakeChartFont extends FakeObject implements XlChartFont {
  readonly _type = "ChartFont";
  constructor(parent: FakeObject, private readonly _size: { get: () => number | undefined; set: (v: number) => void }) {
    super(parent._ctx, parent, "font", []);
  }
  protected override _props(): Record<string, Prop> {
    return {
      size: {
        get: () => this._size.get() ?? 10,
        set: (v) => {
          if (typeof v !== "number" || !(v >= 1 && v <= MAX_FONT)) throw new FakeOfficeError("InvalidArgument", `A font size is 1 to ${MAX_FONT} points (${JSON.stringify(v)}).`);
          this._size.set(v);
        },
      },
    };
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v);
  }
}

/** ChartTitleFormat and ChartLegendFormat: only their font is modelled. */
class FakeChartTextFormat extends FakeObject implements XlChartTitleFormat, XlChartLegendFormat {
  readonly _type: string;
  readonly font: FakeChartFont;
  constructor(parent: FakeObject, type: string, size: { get: () => number | undefined; set: (v: number) => void }) {
    super(parent._ctx, parent, "format", []);
    this._type = type;
    this.font = new FakeChartFont(this, size);
  }
  protected override _navs(): Record<string, FakeObject> {
    return { font: this.font };
  }
}

class FakeChartTitle extends FakeObject implements XlChartTitle {
  readonly _type = "ChartTitle";
  readonly format: FakeChartTextFormat;
  constructor(private readonly _chart: FakeChart) {
    super(_chart._ctx, _chart, "title", []);
    this.format = new FakeChartTextFormat(this, "ChartTitleFormat", { get: () => _chart._state().titleFontSize, set: (v) => (_chart._state().titleFontSize = v) });
  }
  protected override _navs(): Record<string, FakeObject> {
    return { format: this.format };
  }
  protected override _props(): Record<string, Prop> {
    return { text: { get: () => this._chart._state().title, set: (v) => (this._chart._state().title = String(v)) } };
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v);
  }
}

class FakeChartLegend extends FakeObject implements XlChartLegend {
  readonly _type = "ChartLegend";
  readonly format: FakeChartTextFormat;
  constructor(private readonly _chart: FakeChart) {
    super(_chart._ctx, _chart, "legend", []);
    this.format = new FakeChartTextFormat(this, "ChartLegendFormat", { get: () => _chart._state().legendFontSize, set: (v) => (_chart._state().legendFontSize = v) });
  }
  protected override _navs(): Record<string, FakeObject> {
    return { format: this.format };
  }
  protected override _props(): Record<string, Prop> {
    return { position: { get: () => this._chart._state().legendPosition, set: (v) => (this._chart._state().legendPosition = oneOf(LEGEND_POSITIONS, v, "legend position")) } };
  }
  get position(): XlChartLegend["position"] {
    return this._get("position");
  }
  set position(v: XlChartLegend["position"]) {
    this._set("position", v);
  }
}

class FakeChartAxis extends FakeObject implements XlChartAxis {
  readonly _type = "ChartAxis";
  constructor(axes: FakeChartAxes, private readonly _chart: FakeChart) {
    super(axes._ctx, axes, "valueAxis", []);
  }
  protected override _props(): Record<string, Prop> {
    return { numberFormat: { get: () => this._chart._state().valueAxisFormat, set: (v) => (this._chart._state().valueAxisFormat = String(v)) } };
  }
  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(v: string) {
    this._set("numberFormat", v);
  }
}

class FakeChartAxes extends FakeObject implements XlChartAxes {
  readonly _type = "ChartAxes";
  readonly valueAxis: FakeChartAxis;
  constructor(chart: FakeChart) {
    super(chart._ctx, chart, "axes", []);
    this.valueAxis = new FakeChartAxis(this, chart);
  }
  protected override _navs(): Record<string, FakeObject> {
    return { valueAxis: this.valueAxis };
  }
}

class FakeChartLineFormat extends FakeObject implements XlChartLineFormat {
  readonly _type = "ChartLineFormat";
  constructor(format: FakeObject, private readonly _series: FakeChartSeries) {
    super(format._ctx, format, "line", []);
  }
  protected override _props(): Record<string, Prop> {
    const s = (): ChartSeriesState => this._series._state();
    return {
      color: { get: () => s().lineColor ?? "", set: (v) => (s().lineColor = normColor(v)) },
      lineStyle: {
        get: () => s().lineStyle,
        set: (v) => {
          needs(this._ctx._state, "1.7", "ChartLineFormat.lineStyle");
          s().lineStyle = oneOf(LINE_STYLES, v, "line style");
        },
      },
    };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v);
  }
  get lineStyle(): XlChartLineFormat["lineStyle"] {
    return this._get("lineStyle");
  }
  set lineStyle(v: XlChartLineFormat["lineStyle"]) {
    this._set("lineStyle", v);
  }
}

class FakeChartSeriesFormat extends FakeObject implements XlChartSeriesFormat {
  readonly _type = "ChartSeriesFormat";
  readonly line: FakeChartLineFormat;
  constructor(series: FakeChartSeries) {
    super(series._ctx, series, "format", []);
    this.line = new FakeChartLineFormat(this, series);
  }
  protected override _navs(): Record<string, FakeObject> {
    return { line: this.line };
  }
}

class FakeChartSeries extends FakeObject implements XlChartSeries {
  readonly _type = "ChartSeries";
  readonly format: FakeChartSeriesFormat;
  constructor(parent: FakeObject, method: string, args: unknown[], private readonly _chart: FakeChart, private readonly _resolve: () => ChartSeriesState) {
    super(parent._ctx, parent, method, args);
    this.format = new FakeChartSeriesFormat(this);
  }
  _state(): ChartSeriesState {
    this._chart._state();
    return this._resolve();
  }
  protected override _props(): Record<string, Prop> {
    return {
      name: {
        get: () => this._state().name,
        set: (v) => {
          if (typeof v !== "string" || v.length > MAX_SERIES_NAME) throw new FakeOfficeError("InvalidArgument", `A series name is text of at most ${MAX_SERIES_NAME} characters.`);
          this._state().name = v;
        },
      },
      markerStyle: {
        get: () => this._state().markerStyle,
        set: (v) => {
          needs(this._ctx._state, "1.7", "ChartSeries.markerStyle");
          this._state().markerStyle = oneOf(MARKER_STYLES, v, "marker style");
        },
      },
    };
  }
  protected override _navs(): Record<string, FakeObject> {
    return { format: this.format };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v);
  }
  get markerStyle(): XlChartSeries["markerStyle"] {
    return this._get("markerStyle");
  }
  set markerStyle(v: XlChartSeries["markerStyle"]) {
    this._set("markerStyle", v);
  }
  setValues(sourceData: FakeRange): void {
    this._call("setValues", [ref(sourceData)], () => {
      needs(this._ctx._state, "1.7", "ChartSeries.setValues");
      this._state().values = line(rangeArg(sourceData, "setValues' source"), "A series' values");
    });
  }
  setXAxisValues(sourceData: FakeRange): void {
    this._call("setXAxisValues", [ref(sourceData)], () => {
      needs(this._ctx._state, "1.7", "ChartSeries.setXAxisValues");
      this._state().xValues = line(rangeArg(sourceData, "setXAxisValues' source"), "A series' x-axis values");
    });
  }
}

class FakeChartSeriesCollection extends FakeObject implements XlChartSeriesCollection {
  readonly _type = "ChartSeriesCollection";
  constructor(private readonly _chart: FakeChart) {
    super(_chart._ctx, _chart, "series", []);
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this, "getItemAt", [index], this._chart, () => {
      const s = this._chart._state().series[index];
      if (!Number.isInteger(index) || !s) throw new FakeOfficeError("ItemNotFound", `The chart has no series at index ${index}.`, "ChartSeriesCollection.getItemAt");
      return s;
    });
  }
  add(name?: string, index?: number): FakeChartSeries {
    let made: ChartSeriesState | undefined;
    this._call("add", [name ?? null, index ?? null], () => {
      needs(this._ctx._state, "1.7", "ChartSeriesCollection.add");
      const list = this._chart._state().series;
      if (name !== undefined && (typeof name !== "string" || name.length > MAX_SERIES_NAME)) throw new FakeOfficeError("InvalidArgument", `A series name is text of at most ${MAX_SERIES_NAME} characters.`);
      if (index !== undefined && (!Number.isInteger(index) || index < 0 || index > list.length)) throw new FakeOfficeError("InvalidArgument", `No series index ${index} in a chart of ${list.length}.`);
      made = { name: name ?? `Series${list.length + 1}`, lineStyle: "Automatic", markerStyle: "Automatic" };
      list.splice(index ?? list.length, 0, made);
    });
    return new FakeChartSeries(this, "add", [name ?? null, index ?? null], this._chart, () => {
      if (!made) throw new FakeOfficeError("InvalidOperation", "The added series was used before it was added.");
      return made;
    });
  }
}

export class FakeChart extends FakeObject implements XlChart {
  readonly _type = "Chart";
  readonly title: FakeChartTitle;
  readonly legend: FakeChartLegend;
  readonly series: FakeChartSeriesCollection;
  readonly axes: FakeChartAxes;
  constructor(parent: FakeObject, method: string, args: unknown[], private readonly _owner: ChartOwner, private readonly _resolve: () => ChartState) {
    super(parent._ctx, parent, method, args);
    this.axes = new FakeChartAxes(this);
    this.title = new FakeChartTitle(this);
    this.legend = new FakeChartLegend(this);
    this.series = new FakeChartSeriesCollection(this);
  }
  _state(): ChartState {
    const state = this._resolve();
    if (!chartsOf(this._owner._sheet()).includes(state)) throw new FakeOfficeError("ItemNotFound", "The chart no longer exists.", "Chart");
    return state;
  }
  /** Its place in points: over its cells, or where it was added (A1 in the fake) at Excel's size for a new chart. */
  private _box(): Box {
    const state = this._state();
    const sheet = this._owner._sheet();
    const at = state.position ?? { top: 0, left: 0, bottom: 0, right: 0 };
    const box = boxOf(sheet, at);
    const sized = state.position && (at.bottom > at.top || at.right > at.left);
    return sized ? box : { left: box.left, top: box.top, ...NEW_CHART_POINTS };
  }
  protected override _props(): Record<string, Prop> {
    return {
      name: { get: () => this._state().name, set: (v) => (this._state().name = String(v)) },
      left: { get: () => this._box().left },
      top: { get: () => this._box().top },
      width: { get: () => this._box().width },
      height: { get: () => this._box().height },
    };
  }
  protected override _navs(): Record<string, FakeObject> {
    return { title: this.title, legend: this.legend, axes: this.axes };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v);
  }
  get left(): number {
    return this._get("left");
  }
  get top(): number {
    return this._get("top");
  }
  get width(): number {
    return this._get("width");
  }
  get height(): number {
    return this._get("height");
  }
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this._call("setPosition", [ref(startCell), ref(endCell ?? null)], () => {
      const sheet = this._owner._sheet();
      const cell = (c: FakeRange | string): CellRange => {
        if (typeof c === "string") return parseSheetAddress(sheet, c, false)[0];
        const t = rangeArg(c, "setPosition's cell");
        if (t.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", `A chart on '${sheet.name}' cannot be placed on cells of '${t.sheet.name}'.`);
        return t.rect;
      };
      const start = cell(startCell);
      const end = endCell === undefined ? undefined : cell(endCell);
      if (end && (end.bottom < start.top || end.right < start.left)) throw new FakeOfficeError("InvalidArgument", "setPosition's end cell is above or left of its start cell.");
      this._state().position = { top: start.top, left: start.left, bottom: end ? end.bottom : start.top, right: end ? end.right : start.left };
    });
  }
}

export class FakeChartCollection extends FakeCollection<FakeChart> implements XlChartCollection {
  readonly _type = "ChartCollection";
  constructor(private readonly _ws: ChartOwner) {
    super(_ws._ctx, _ws, "charts", []);
  }
  protected _list(): FakeChart[] {
    return chartsOf(this._ws._sheet()).map((state, i) => new FakeChart(this, "_item", [i], this._ws, () => state));
  }
  /**
   * A chart of the source range's figures. Series by rows or columns as asked; "Auto" takes series
   * along the longer side, as Excel does. (Excel may also take a first row or column of text as
   * labels; the fake never does, so a host that relies on it is caught.)
   */
  add(type: string, sourceData: FakeRange, seriesBy?: "Auto" | "Columns" | "Rows"): FakeChart {
    let made: ChartState | undefined;
    const args = [type, ref(sourceData), seriesBy ?? null];
    this._call("add", args, () => {
      const sheet = this._ws._sheet();
      guard(sheet);
      if (typeof type !== "string" || !TYPES.has(type)) throw new FakeOfficeError("NotImplemented", `The chart type ${JSON.stringify(type)} is not in the fake.`);
      const by = seriesBy === undefined ? "Auto" : oneOf(SERIES_BY, seriesBy, "ChartSeriesBy");
      const src = rangeArg(sourceData, "The chart's source data");
      const height = src.rect.bottom - src.rect.top + 1;
      const width = src.rect.right - src.rect.left + 1;
      const byRows = by === "Rows" || (by === "Auto" && width > height);
      const count = byRows ? height : width;
      const series = Array.from({ length: count }, (_, i): ChartSeriesState => ({
        name: `Series${i + 1}`,
        values: { sheet: src.sheet, rect: byRows ? { ...src.rect, top: src.rect.top + i, bottom: src.rect.top + i } : { ...src.rect, left: src.rect.left + i, right: src.rect.left + i } },
        lineStyle: "Automatic",
        markerStyle: "Automatic",
      }));
      const list = chartsOf(sheet);
      let n = list.length + 1;
      while (list.some((c) => c.name === `Chart ${n}`)) n++;
      made = { name: `Chart ${n}`, type, title: "", legendPosition: "Right", valueAxisFormat: "General", series };
      list.push(made);
    });
    return new FakeChart(this, "add", args, this._ws, () => {
      if (!made) throw new FakeOfficeError("InvalidOperation", "The added chart was used before it was added.");
      return made;
    });
  }
}
