// The parts of ExcelJS 4.4's writer that package-writer.ts drives directly. They are not in ExcelJS's
// public API or typings (package.json pins the version); these types name only what we use.
/* eslint-disable @typescript-eslint/no-require-imports -- deep requires: these classes have no typed entry point */
import type { Workbook } from "exceljs";

export type XmlAttributes = Record<string, unknown>;

/** ExcelJS's XML builder: every xform renders into one of these. */
export interface XmlStreamLike {
  openXml(docAttributes: XmlAttributes): void;
  openNode(name: string, attributes?: XmlAttributes): void;
  addAttribute(name: string, value: unknown): void;
  writeText(text: unknown): void;
  closeNode(): void;
  leafNode(name: string, attributes?: XmlAttributes, text?: unknown): void;
}

export interface XmlStreamClass {
  new (): XmlStreamLike & { _xml: string[]; _rollbacks: unknown[]; readonly xml: string };
  StdDocAttributes: XmlAttributes;
}

/** A cell as ExcelJS's writer sees it (Cell.model). `type` is an ExcelJS ValueType. */
export interface CellModel {
  address: string;
  type: number;
  value?: unknown;
  /** Merge: the address of the merged area's top-left cell. */
  master?: string;
  style?: object;
  sharedFormula?: string;
}

/** A row as ExcelJS's writer sees it (Row.model); null for a row with no cells and no height. */
export interface RowModel {
  number: number;
  cells: CellModel[];
  /** First and last column with a cell, one-based; 0 when none. */
  min: number;
  max: number;
  height?: number;
  style: object;
  hidden: boolean;
  outlineLevel: number;
  collapsed: boolean;
}

/** The per-package state every sheet's preparation adds to: style ids, shared strings, drawings, notes. */
export interface PrepareOptions {
  sharedStrings: SharedStringsXform;
  styles: StylesXform;
  date1904: boolean;
  drawingsCount: number;
  media: unknown[];
  drawings: unknown[];
  commentRefs: unknown[];
  /** Shared-formula masters by address, reset for each sheet. */
  formulae?: Record<string, { address: string; range?: unknown }>;
}

export interface Xform<M> {
  prepare(model: M, options: PrepareOptions): void;
  render(xmlStream: XmlStreamLike, model: M): void;
}

/** A worksheet's model (Worksheet.model), with the fields the writer reads or sets itself. */
export interface SheetModel {
  id: number;
  name: string;
  rows: RowModel[];
  cols: unknown;
  dimensions: unknown;
  tables: { target?: string; id?: number }[];
  rels?: unknown[];
  comments: unknown[];
  drawing?: unknown;
}

export interface WorksheetXform extends Xform<SheetModel> {
  map: {
    cols: Xform<unknown>;
    sheetData: Xform<RowModel[]> & { childXform: Xform<RowModel> & { map: { c: Xform<CellModel> } } };
  };
}

export interface SharedStringsXform {
  readonly count: number;
  model: unknown;
  render(xmlStream: XmlStreamLike, model: unknown): void;
}

export type StylesXform = object;

/** Workbook.model, as ExcelJS's XLSX.prepareModel fills it in. */
export interface WorkbookModel {
  creator?: string;
  lastModifiedBy?: string;
  created?: Date;
  modified?: Date;
  properties: { date1904?: boolean };
  worksheets: SheetModel[];
  /** Set by WorkbookXform.prepare: the worksheets, in the order localSheetId counts them. */
  sheets?: SheetModel[];
  definedNames: { name: string; ranges: string[]; localSheetId?: number }[];
  media: unknown[];
  useSharedStrings: boolean;
  useStyles: boolean;
  sharedStrings: SharedStringsXform;
  styles: StylesXform;
  drawings: unknown[];
  commentRefs: unknown[];
  tables: unknown[];
  /** Theme parts by name ("theme1"); {} when the file read had none. */
  themes?: Record<string, string>;
}

/** A zip as ExcelJS's XLSX.add… methods write to it. */
export interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

/** The methods of ExcelJS's XLSX (workbook.xlsx) that write the small parts of a package. */
export interface XlsxParts {
  addContentTypes(zip: PartSink, model: WorkbookModel): Promise<void>;
  addOfficeRels(zip: PartSink): Promise<void>;
  addWorkbookRels(zip: PartSink, model: WorkbookModel): Promise<void>;
  addDrawings(zip: PartSink, model: WorkbookModel): void;
  addTables(zip: PartSink, model: WorkbookModel): void;
  addThemes(zip: PartSink, model: WorkbookModel): Promise<void>;
  addStyles(zip: PartSink, model: WorkbookModel): Promise<void>;
  addMedia(zip: PartSink, model: WorkbookModel): Promise<void>;
  addApp(zip: PartSink, model: WorkbookModel): Promise<void>;
  addCore(zip: PartSink, model: WorkbookModel): Promise<void>;
  addWorkbook(zip: PartSink, model: WorkbookModel): Promise<void>;
}

export function xlsxParts(workbook: Workbook): XlsxParts {
  return workbook.xlsx as unknown as XlsxParts;
}

// ---------------------------------------------------------------------------------------------
// The reading side: what XLSX.load parses, before reconcile turns it into Workbook.model.

/** A parsed <c>. `type` is an ExcelJS ValueType; `text` is set on a hyperlink cell by reconcile. */
export interface ParsedCell {
  address?: string;
  type: number;
  value?: unknown;
  result?: unknown;
  text?: unknown;
}

export interface ParsedRow {
  number: number;
  cells: ParsedCell[];
}

/** A parsed worksheet part; `sheetNo` is the number in its part name (sheet3.xml: "3"). */
export interface ParsedSheet {
  sheetNo: string;
  /** The sheet's id, once reconcile has matched the part to the workbook's sheets. */
  id?: number;
  rows?: (ParsedRow | undefined)[];
  /** Merged areas, "A1:C1". */
  mergeCells?: string[];
}

/** XLSX.load's model as reconcile receives it (the fields read here). */
export interface ParsedWorkbook {
  worksheets: ParsedSheet[];
  worksheetHash: Record<string, ParsedSheet>;
  worksheetRels: Record<string, { Type: string; Target: string }[] | undefined>;
  comments: Record<string, { comments?: { ref?: string }[] } | undefined>;
  properties?: { date1904?: boolean };
}

/** The parsed workbook part: its sheets in tab order (the order localSheetId counts). */
export interface ParsedWorkbookPart {
  sheets?: { name: string }[];
}

/** The methods of ExcelJS's XLSX that XLSX.load calls through `this`, so one reader can wrap them. */
export interface XlsxReader {
  parseWorkbook(stream: NodeJS.ReadableStream): Promise<ParsedWorkbookPart>;
  _processWorksheetEntry(stream: NodeJS.ReadableStream, model: ParsedWorkbook, sheetNo: string, options: unknown, path: string): Promise<void>;
  reconcile(model: ParsedWorkbook, options: unknown): void;
}

export function xlsxReader(workbook: Workbook): XlsxReader {
  return workbook.xlsx as unknown as XlsxReader;
}

/** A WorksheetXform as the reader uses it: the one CellXform that parses every <c> of the sheet. */
export interface WorksheetParser {
  parseStream(stream: NodeJS.ReadableStream): Promise<ParsedSheet>;
  map: { sheetData: { childXform: { map: { c: CellParser } } } };
}

export interface CellParser {
  /** The `t` attribute of the <c> being parsed. */
  t?: string;
  model: ParsedCell;
  parseClose(name: string): boolean;
}

/** ExcelJS ValueType numbers, as parsed cell models carry them. */
export const ValueType = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, RichText: 8, Boolean: 9, Error: 10 } as const;

/** The relationship type of a sheet's comments part. */
export const COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

type Ctor<T> = new (...args: unknown[]) => T;

export const XmlStream = require("exceljs/lib/utils/xml-stream") as XmlStreamClass;
export const WorksheetXformClass = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as Ctor<WorksheetXform>;
export const SharedStringsXformClass = require("exceljs/lib/xlsx/xform/strings/shared-strings-xform") as Ctor<SharedStringsXform>;
export const StylesXformClass = require("exceljs/lib/xlsx/xform/style/styles-xform") as Ctor<StylesXform>;
export const WorkbookXformClass = require("exceljs/lib/xlsx/xform/book/workbook-xform") as Ctor<{ prepare(model: WorkbookModel): void }>;
export const RelationshipsXformClass = require("exceljs/lib/xlsx/xform/core/relationships-xform") as Ctor<Xform<unknown> & { toXml(m: unknown): string }>;
export const CommentsXformClass = require("exceljs/lib/xlsx/xform/comment/comments-xform") as Ctor<{ toXml(m: unknown): string }>;
export const VmlNotesXformClass = require("exceljs/lib/xlsx/xform/comment/vml-notes-xform") as Ctor<{ toXml(m: unknown): string }>;
/** The theme ExcelJS writes for a workbook made in code. */
export const DEFAULT_THEME = require("exceljs/lib/xlsx/xml/theme1") as string;
export const RangeClass = require("exceljs/lib/doc/range") as Ctor<{ expand(top: number, left: number, bottom: number, right: number): void }>;
/** The same class, as XLSX.load uses it to parse a worksheet part. */
export const WorksheetParserClass = WorksheetXformClass as unknown as Ctor<WorksheetParser>;
