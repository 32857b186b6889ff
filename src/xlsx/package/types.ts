// Shared vocabulary of the package layer: the zip's entries and the small parts every reader and the
// package patcher need. Part names are zip entry names: no leading slash ("xl/workbook.xml").
// Each parsed part keeps its original XML text, so an edit can patch it instead of rebuilding it.

/** One zip entry, with what a writer needs to copy its compressed bytes without inflating them. */
export interface ZipEntryInfo {
  /** Entry name as stored in the zip ("xl/worksheets/sheet1.xml"). */
  name: string;
  /** 0 stored, 8 deflate. */
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** True for a folder entry ("xl/"), which holds no part. */
  isDirectory: boolean;
  /** Modification time as stored, so a copy can keep it. */
  lastModified: Date;
}

/** [Content_Types].xml. Keys: extensions in lower case; part names with no leading slash, in lower case. */
export interface ContentTypes {
  xml: string;
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export type TargetMode = "Internal" | "External";

/** One <Relationship>. `part` is the resolved part name for an internal target. */
export interface Relationship {
  id: string;
  type: string;
  /** The Target attribute as written (absolute "/xl/x.xml" or relative "../x.xml"). */
  target: string;
  targetMode: TargetMode;
  /** Internal targets: the part it names, resolved against the source part ("xl/tables/table1.xml"). */
  part?: string;
}

/** A .rels part. */
export interface Relationships {
  /** The part the relationships belong to ("" for the package itself). */
  source: string;
  /** The .rels part's own name ("xl/_rels/workbook.xml.rels"); it may be absent from the zip. */
  partName: string;
  /** Original XML; "" when the part is absent. */
  xml: string;
  list: Relationship[];
}

export type SheetState = "visible" | "hidden" | "veryHidden";
export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

/** One <sheet> of xl/workbook.xml, in tab order. */
export interface WorkbookSheet {
  name: string;
  sheetId: number;
  /** The r:id attribute. */
  relId: string;
  state: SheetState;
  kind: SheetKind;
  /** The sheet's part, resolved through the workbook's relationships; undefined when the relationship is missing. */
  part?: string;
  /** Position in <sheets> (what localSheetId counts). */
  index: number;
}

/** One <definedName>, with its text decoded. */
export interface DefinedName {
  name: string;
  /** The formula text as Excel saves it (no leading "="). */
  formula: string;
  /** Sheet-level names: the index in <sheets> of the sheet in scope. */
  localSheetId?: number;
  hidden: boolean;
}

/** xl/workbook.xml as read. */
export interface WorkbookPart {
  /** Its part name, found through /_rels/.rels. */
  partName: string;
  xml: string;
  rels: Relationships;
  sheets: WorkbookSheet[];
  definedNames: DefinedName[];
  date1904: boolean;
  /**
   * <calcPr fullCalcOnLoad="1">: Excel is to recalculate every formula on opening. XlsxWriter and openpyxl
   * write it (they do not calculate, and save 0 or nothing as a formula's result); Excel does not.
   */
  recalculatedOnLoad: boolean;
  /** <workbookProtection lockStructure="1"> (or lockWindows): sheets cannot be added, removed or renamed in Excel. */
  protected: boolean;
}

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  chartsheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet",
  dialogsheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/dialogsheet",
  macrosheet: "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
} as const;

/** Namespaces of Strict Open XML, which this file host refuses (see workbook-part.ts). */
export const STRICT_NAMESPACE_PREFIX = "http://purl.oclc.org/ooxml/";
