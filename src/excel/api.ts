// The subset of the Excel JavaScript API the add-in uses, as structural types.
// Leaf members are `Pick`ed from @types/office-js so their names and signatures
// cannot drift from the real API; members returning API objects are redeclared
// with the narrower subset types. The `Assert` lines at the bottom make the
// compiler prove every real Excel class is assignable to its subset, so both
// the real `Excel.run` and the fake (src/fake-excel) satisfy `ExcelRun`.
// Type-only: nothing here touches the `Excel` global at run time.

/** Properties can be loaded by name list or comma string; we use no other load form. */
type LoadNames = string | string[];

export type XlClientResult<T> = Pick<OfficeExtension.ClientResult<T>, "value">;

export type XlCellProperties = Excel.CellProperties;
export type XlSettableCellProperties = Excel.SettableCellProperties;
export type XlCellPropertiesLoadOptions = Excel.CellPropertiesLoadOptions;
export type XlCellBorder = Excel.CellBorder;
export type XlColumnProperties = Excel.ColumnProperties;
export type XlColumnPropertiesLoadOptions = Excel.ColumnPropertiesLoadOptions;

export interface XlRangeFill extends Pick<Excel.RangeFill, "color" | "pattern" | "clear"> {
  load(propertyNames?: LoadNames): XlRangeFill;
}

export interface XlRangeFont extends Pick<Excel.RangeFont, "bold" | "color" | "italic" | "name" | "size"> {
  load(propertyNames?: LoadNames): XlRangeFont;
}

export interface XlRangeBorder extends Pick<Excel.RangeBorder, "color" | "style" | "weight"> {
  load(propertyNames?: LoadNames): XlRangeBorder;
}

export type XlBorderIndex =
  | "EdgeTop"
  | "EdgeBottom"
  | "EdgeLeft"
  | "EdgeRight"
  | "InsideVertical"
  | "InsideHorizontal"
  | "DiagonalDown"
  | "DiagonalUp";

export interface XlRangeBorderCollection {
  getItem(index: XlBorderIndex): XlRangeBorder;
}

export interface XlRangeFormat
  extends Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment"> {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  readonly borders: XlRangeBorderCollection;
  load(propertyNames?: LoadNames): XlRangeFormat;
}

export interface XlRange
  extends Pick<
    Excel.Range,
    | "isNullObject"
    | "values"
    | "numberFormat"
    | "text"
    | "address"
    | "rowCount"
    | "columnCount"
    | "rowIndex"
    | "columnIndex"
    | "columnHidden"
    | "left"
    | "top"
    | "width"
    | "height"
    | "merge"
    | "select"
    | "getCellProperties"
    | "getColumnProperties"
    | "setCellProperties"
  > {
  readonly format: XlRangeFormat;
  load(propertyNames?: LoadNames): XlRange;
  getCell(row: number, column: number): XlRange;
  getResizedRange(deltaRows: number, deltaColumns: number): XlRange;
  getOffsetRange(rowOffset: number, columnOffset: number): XlRange;
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  /**
   * Paste Special > Formats from another range (ExcelApi 1.9): every format, theme colours and patterns
   * included. The source is an address with its sheet ("'Q3 report'!B2:B9"), one rectangle.
   */
  copyFrom(sourceRange: string, copyType: "Formats"): void;
  /** The used part of this range (ExcelApi 1.4); a null object when it holds nothing. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** The range's formula cells (ExcelApi 1.9); a null object where it has none. */
  getSpecialCellsOrNullObject(cellType: "Formulas"): XlRangeAreas;
  /** Merged areas in the range (ExcelApi 1.13: feature-detected before use; fails past 512 areas). */
  getMergedAreasOrNullObject(): XlRangeAreas;
  /** The conditional formats that intersect the range (ExcelApi 1.6). */
  readonly conditionalFormats: XlConditionalFormatCollection;
}

/** A conditional format: only its kind is read (conditional-fills.ts: which kinds may fill a cell of text). */
export type XlConditionalFormat = Pick<Excel.ConditionalFormat, "type">;

export interface XlConditionalFormatCollection {
  readonly items: XlConditionalFormat[];
  load(propertyNames?: LoadNames): XlConditionalFormatCollection;
}

/** Several rectangles on one sheet, formatted with one call per property (ExcelApi 1.9). */
export interface XlRangeAreas extends Pick<Excel.RangeAreas, "isNullObject" | "address" | "areaCount" | "cellCount" | "select"> {
  readonly format: XlRangeFormat;
  load(propertyNames?: LoadNames): XlRangeAreas;
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
}

export interface XlWorksheetProtection extends Pick<Excel.WorksheetProtection, "protected"> {
  load(propertyNames?: LoadNames): XlWorksheetProtection;
}

export interface XlWorkbookProtection extends Pick<Excel.WorkbookProtection, "protected"> {
  load(propertyNames?: LoadNames): XlWorkbookProtection;
}

export interface XlFreezePanes extends Pick<Excel.WorksheetFreezePanes, "freezeRows" | "freezeColumns" | "unfreeze"> {
  freezeAt(frozenRange: string): void;
}

export interface XlHeaderFooter
  extends Pick<
    Excel.HeaderFooter,
    "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter"
  > {
  load(propertyNames?: LoadNames): XlHeaderFooter;
}

export interface XlHeaderFooterGroup {
  readonly defaultForAllPages: XlHeaderFooter;
}

export interface XlPageLayout extends Pick<Excel.PageLayout, "orientation" | "paperSize" | "zoom"> {
  readonly headersFooters: XlHeaderFooterGroup;
  setPrintTitleRows(printTitleRows: string): void;
  setPrintArea(printArea: string): void;
  /** The print area (ExcelApi 1.9); a null object when the sheet has none. */
  getPrintAreaOrNullObject(): XlRangeAreas;
  load(propertyNames?: LoadNames): XlPageLayout;
}

export interface XlTable extends Pick<Excel.Table, "name" | "showTotals"> {
  readonly worksheet: XlWorksheet;
  getRange(): XlRange;
  load(propertyNames?: LoadNames): XlTable;
}

export interface XlTableCollection {
  readonly items: XlTable[];
  load(propertyNames?: LoadNames): XlTableCollection;
}

/** Manual page breaks (ExcelApi 1.9): a break goes above the row of the cell given. */
export interface XlPageBreakCollection {
  add(pageBreakRange: string): unknown;
}

export interface XlNamedItem extends Pick<Excel.NamedItem, "isNullObject" | "name" | "formula" | "visible" | "delete"> {
  load(propertyNames?: LoadNames): XlNamedItem;
}

/** A sheet's own defined names (ExcelApi 1.4; formula 1.7): the add-in's hidden ownership mark. */
export interface XlNamedItemCollection {
  readonly items: XlNamedItem[];
  load(propertyNames?: LoadNames): XlNamedItemCollection;
  add(name: string, reference: string): XlNamedItem;
  getItemOrNullObject(name: string): XlNamedItem;
}

/** Charts (ExcelApi 1.1; series values, x-axis values, markers and line style 1.7): the summary's trend charts. */
export type XlChartLineFormat = Pick<Excel.ChartLineFormat, "color" | "lineStyle">;

export interface XlChartSeriesFormat {
  readonly line: XlChartLineFormat;
}

export interface XlChartSeries extends Pick<Excel.ChartSeries, "name" | "markerStyle"> {
  readonly format: XlChartSeriesFormat;
  setValues(sourceData: XlRange): void;
  setXAxisValues(sourceData: XlRange): void;
}

export interface XlChartSeriesCollection {
  getItemAt(index: number): XlChartSeries;
  add(name?: string, index?: number): XlChartSeries;
}

export type XlChartFont = Pick<Excel.ChartFont, "size">;

export interface XlChartTitleFormat {
  readonly font: XlChartFont;
}

export interface XlChartLegendFormat {
  readonly font: XlChartFont;
}

export interface XlChartTitle extends Pick<Excel.ChartTitle, "text"> {
  readonly format: XlChartTitleFormat;
}

export interface XlChartLegend extends Pick<Excel.ChartLegend, "position"> {
  readonly format: XlChartLegendFormat;
}

export type XlChartAxis = Pick<Excel.ChartAxis, "numberFormat">;

export interface XlChartAxes {
  readonly valueAxis: XlChartAxis;
}

/** A chart's place in points (ExcelApi 1.1), read to warn of one over our status column (drawings.ts). */
export interface XlChart extends Pick<Excel.Chart, "name" | "left" | "top" | "width" | "height"> {
  readonly axes: XlChartAxes;
  readonly title: XlChartTitle;
  readonly legend: XlChartLegend;
  readonly series: XlChartSeriesCollection;
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlChartCollection {
  readonly items: XlChart[];
  load(propertyNames?: LoadNames): XlChartCollection;
  add(type: "Line", sourceData: XlRange, seriesBy?: "Auto" | "Columns" | "Rows"): XlChart;
}

/** Pictures, shapes, text boxes and groups on a sheet (ExcelApi 1.9), read only for where they sit. */
export interface XlShape extends Pick<Excel.Shape, "name" | "type" | "visible" | "left" | "top" | "width" | "height"> {
  load(propertyNames?: LoadNames): XlShape;
}

export interface XlShapeCollection {
  readonly items: XlShape[];
  load(propertyNames?: LoadNames): XlShapeCollection;
}

export interface XlWorksheet
  extends Pick<Excel.Worksheet, "isNullObject" | "name" | "position" | "tabColor" | "visibility" | "delete" | "activate"> {
  readonly protection: XlWorksheetProtection;
  readonly horizontalPageBreaks: XlPageBreakCollection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;
  readonly tables: XlTableCollection;
  readonly names: XlNamedItemCollection;
  readonly charts: XlChartCollection;
  readonly shapes: XlShapeCollection;
  load(propertyNames?: LoadNames): XlWorksheet;
  getRange(address?: string): XlRange;
  getRanges(address?: string): XlRangeAreas;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getCell(row: number, column: number): XlRange;
  getUsedRange(valuesOnly?: boolean): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames?: LoadNames): XlWorksheetCollection;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
  getActiveWorksheet(): XlWorksheet;
}

export interface XlSetting extends Pick<Excel.Setting, "isNullObject" | "key" | "value" | "delete"> {
  load(propertyNames?: LoadNames): XlSetting;
}

export interface XlSettingCollection {
  readonly items: XlSetting[];
  load(propertyNames?: LoadNames): XlSettingCollection;
  add(key: string, value: string | number | boolean): XlSetting;
  getItem(key: string): XlSetting;
  getItemOrNullObject(key: string): XlSetting;
}

/** A worksheet function's result (ExcelApi 1.2): `error` set where it failed. */
export interface XlFunctionResult<T> extends Pick<Excel.FunctionResult<T>, "value" | "error"> {
  load(propertyNames?: LoadNames): XlFunctionResult<T>;
}

/** Worksheet functions, evaluated by Excel (ExcelApi 1.2): YEAR(1) tells the workbook's date system. */
export interface XlFunctions {
  year(serialNumber: number): XlFunctionResult<number>;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly functions: XlFunctions;
  readonly settings: XlSettingCollection;
  readonly tables: XlTableCollection;
  readonly protection: XlWorkbookProtection;
  getSelectedRange(): XlRange;
}

export interface XlRequestContext extends Pick<Excel.RequestContext, "sync"> {
  readonly workbook: XlWorkbook;
}

/** `Office.context.requirements.isSetSupported`, injected for the same reason. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

/** The options the host passes to every run (Excel.RunOptions). `mergeUndoGroup` is ExcelApi 1.20. */
export type XlRunOptions = Pick<Excel.RunOptions, "delayForCellEdit" | "mergeUndoGroup">;

/**
 * `Excel.run` as the host needs it: production passes `Excel.run`, tests and the preview pass the fake's.
 * `isSetSupported` is the same host's requirement check, so options above ExcelApi 1.9 are sent only
 * where that Excel has them.
 */
export interface ExcelRun {
  <T>(batch: (context: XlRequestContext) => Promise<T>): Promise<T>;
  <T>(options: XlRunOptions, batch: (context: XlRequestContext) => Promise<T>): Promise<T>;
  readonly isSetSupported?: IsSetSupported;
}

// Compile-time proof that the real API satisfies the subset (no run-time code).
type Assert<Real extends Subset, Subset> = [Real, Subset];
export type ApiSubsetChecks = [
  Assert<typeof Excel.run, ExcelRun>,
  Assert<Excel.RequestContext, XlRequestContext>,
  Assert<Excel.Workbook, XlWorkbook>,
  Assert<Excel.WorksheetCollection, XlWorksheetCollection>,
  Assert<Excel.Worksheet, XlWorksheet>,
  Assert<Excel.Range, XlRange>,
  Assert<Excel.RangeAreas, XlRangeAreas>,
  Assert<Excel.ConditionalFormatCollection, XlConditionalFormatCollection>,
  Assert<Excel.ConditionalFormat, XlConditionalFormat>,
  Assert<Excel.RangeFormat, XlRangeFormat>,
  Assert<Excel.RangeBorderCollection, XlRangeBorderCollection>,
  Assert<Excel.PageLayout, XlPageLayout>,
  Assert<Excel.SettingCollection, XlSettingCollection>,
  Assert<Excel.TableCollection, XlTableCollection>,
  Assert<Excel.NamedItemCollection, XlNamedItemCollection>,
  Assert<Excel.WorksheetFreezePanes, XlFreezePanes>,
  Assert<Excel.PageBreakCollection, XlPageBreakCollection>,
  Assert<Excel.ChartCollection, XlChartCollection>,
  Assert<Excel.Chart, XlChart>,
  Assert<Excel.ShapeCollection, XlShapeCollection>,
  Assert<Excel.Functions, XlFunctions>,
  Assert<Excel.FunctionResult<number>, XlFunctionResult<number>>,
  Assert<Excel.Shape, XlShape>,
  Assert<Excel.ChartSeriesCollection, XlChartSeriesCollection>,
  Assert<Excel.ChartSeries, XlChartSeries>,
  Assert<Excel.ChartLineFormat, XlChartLineFormat>,
  Assert<Excel.ChartTitle, XlChartTitle>,
  Assert<Excel.ChartLegend, XlChartLegend>,
  Assert<Excel.ChartAxes, XlChartAxes>,
  Assert<Excel.ChartAxis, XlChartAxis>,
  Assert<Excel.ChartFont, XlChartFont>,
  Assert<Excel.ChartTitleFormat, XlChartTitleFormat>,
  Assert<Excel.ChartLegendFormat, XlChartLegendFormat>,
  Assert<OfficeExtension.ClientResult<number>, XlClientResult<number>>,
];
