// The Office.js members live colours use beyond the host's subset (src/excel/api.ts): worksheet events
// (ExcelApi 1.7; the collection's onChanged and onFormatChanged 1.9; onNameChanged 1.17), event arguments, data validation
// (1.8) and inserting or deleting cells (1.1). Leaf members are picked from @types/office-js, and the
// Assert lines prove the real classes satisfy these subsets, as api.ts does for the rest.
import type { XlRange, XlRequestContext, XlWorkbook, XlWorksheet, XlWorksheetCollection } from "../api";

type LoadNames = string | string[];

/** What a changed-data event tells (address without the sheet; `details` only for a single cell, ExcelApi 1.9). */
export type XlChangedEventArgs = Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType" | "source" | "triggerSource" | "details" | "worksheetId" | "changeDirectionState">;
export type XlAddedEventArgs = Pick<Excel.WorksheetAddedEventArgs, "source" | "worksheetId">;
export type XlDeletedEventArgs = Pick<Excel.WorksheetDeletedEventArgs, "source" | "worksheetId">;
export type XlNameChangedEventArgs = Pick<Excel.WorksheetNameChangedEventArgs, "source" | "worksheetId" | "nameBefore" | "nameAfter">;
/** A format changed (ExcelApi 1.9): which cells, not which property, and nothing telling this add-in's writes apart. */
export type XlFormatChangedEventArgs = Pick<Excel.WorksheetFormatChangedEventArgs, "address" | "source" | "worksheetId">;

/** Returned by `add`; `remove` must be sent in the request context the handler was added in. */
export type XlEventHandlerResult = Pick<OfficeExtension.EventHandlerResult<unknown>, "remove">;

export interface XlEventHandlers<T> {
  add(handler: (args: T) => Promise<unknown>): XlEventHandlerResult;
}

export interface XlDataValidation extends Pick<Excel.DataValidation, "type" | "rule" | "errorAlert" | "prompt" | "clear"> {
  load(propertyNames?: LoadNames): XlDataValidation;
}

export interface XlLiveRange extends XlRange {
  readonly dataValidation: XlDataValidation;
  /** Inserts blank cells here, shifting the others down or right (ExcelApi 1.1). */
  insert(shift: "Down" | "Right"): XlRange;
  /** Deletes these cells, shifting the others up or left (ExcelApi 1.1). */
  delete(shift: "Up" | "Left"): void;
}

export interface XlLiveWorksheet extends XlWorksheet, Pick<Excel.Worksheet, "id"> {
  readonly onChanged: XlEventHandlers<XlChangedEventArgs>;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlLiveRange;
  getRange(address?: string): XlLiveRange;
}

export interface XlLiveWorksheetCollection extends XlWorksheetCollection {
  readonly items: XlLiveWorksheet[];
  getItem(key: string): XlLiveWorksheet;
  getItemOrNullObject(key: string): XlLiveWorksheet;
  load(propertyNames?: LoadNames): XlLiveWorksheetCollection;
  readonly onChanged: XlEventHandlers<XlChangedEventArgs>;
  readonly onAdded: XlEventHandlers<XlAddedEventArgs>;
  readonly onDeleted: XlEventHandlers<XlDeletedEventArgs>;
  /** ExcelApi 1.9, as the collection's onChanged. */
  readonly onFormatChanged: XlEventHandlers<XlFormatChangedEventArgs>;
  /** ExcelApi 1.17: feature-detected before use. */
  readonly onNameChanged: XlEventHandlers<XlNameChangedEventArgs>;
}

export interface XlLiveWorkbook extends XlWorkbook {
  readonly worksheets: XlLiveWorksheetCollection;
}

export interface XlLiveRequestContext extends XlRequestContext {
  readonly workbook: XlLiveWorkbook;
}

/** The request context of a batch, seen with the members live colours use (the fake and Excel both have them). */
export const live = (context: XlRequestContext): XlLiveRequestContext => context as XlLiveRequestContext;

/**
 * A batch in an earlier request context, the one event handlers were added in (removing them anywhere
 * else fails, OfficeExtension.EventHandlerResult).
 */
export type RunInContext = <T>(context: XlRequestContext, batch: (context: XlRequestContext) => Promise<T>) => Promise<T>;

/**
 * `Excel.run({ previousObjects, delayForCellEdit }, batch)` (OfficeExtension.RunOptions.previousObjects): the
 * batch runs in that earlier context, with the options. `Excel.run(context, batch)` sends none, so it fails
 * while someone is typing in a cell.
 */
export type RunInEarlier = <T>(options: { previousObjects: XlRequestContext; delayForCellEdit: boolean }, batch: (context: XlRequestContext) => Promise<T>) => Promise<T>;

type Assert<Real extends Subset, Subset> = [Real, Subset];
export type LiveApiChecks = [
  Assert<Excel.RequestContext, XlLiveRequestContext>,
  Assert<Excel.Workbook, XlLiveWorkbook>,
  Assert<Excel.WorksheetCollection, XlLiveWorksheetCollection>,
  Assert<Excel.Worksheet, XlLiveWorksheet>,
  Assert<Excel.Range, XlLiveRange>,
  Assert<Excel.DataValidation, XlDataValidation>,
  Assert<OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>, XlEventHandlers<XlChangedEventArgs>>,
  Assert<OfficeExtension.EventHandlers<Excel.WorksheetAddedEventArgs>, XlEventHandlers<XlAddedEventArgs>>,
  Assert<OfficeExtension.EventHandlers<Excel.WorksheetNameChangedEventArgs>, XlEventHandlers<XlNameChangedEventArgs>>,
  Assert<OfficeExtension.EventHandlers<Excel.WorksheetFormatChangedEventArgs>, XlEventHandlers<XlFormatChangedEventArgs>>,
  Assert<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>, XlEventHandlerResult>,
];
