// Saves an ExcelJS workbook as an .xlsx package, streaming each sheet into the zip row by row.
//
// ExcelJS's own writer (workbook.xlsx.writeFile) copies every sheet's rows into a model, renders each
// sheet into one string and keeps every part in memory until the zip is made: 1.8 GB more for a
// 100,000-record tracker. This file runs the same ExcelJS code that makes the parts (its xforms and
// its XLSX.add… methods), in the same order, so the parts are the same, but a row's model lives only
// while that row is written, and the XML goes into the zip (zip.ts) a few dozen rows at a time.
// ExcelJS's streaming WorkbookWriter is no use here: it cannot write a workbook that was read.
import type { Workbook, Worksheet } from "exceljs";
import {
  CommentsXformClass,
  DEFAULT_THEME,
  RangeClass,
  RelationshipsXformClass,
  SharedStringsXformClass,
  StylesXformClass,
  VmlNotesXformClass,
  WorkbookXformClass,
  WorksheetXformClass,
  ValueType,
  XmlStream,
  xlsxParts,
  type PartSink,
  type PrepareOptions,
  type RowModel,
  type SheetModel,
  type WorkbookModel,
  type XmlAttributes,
} from "./exceljs-internals";
import { fileDefinedNames, withFileDefinedNames } from "./defined-names";
import { mergedValuesOf, withMergedValues } from "./merged-values";
import { deferredRows } from "./plan-rows";
import type { ZipEntry, ZipFile } from "./zip";

/**
 * XML fragments buffered before they are joined and handed to the zip: a few dozen rows. The joined
 * text stays under V8's large-object size (128 KB), so it dies young instead of filling the old space.
 */
const FLUSH_FRAGMENTS = 4000;

// The parts of ExcelJS rows and cells read here (stable across 4.x, not in its typings).
interface RawRow {
  number: number;
  height?: number;
  model: RowModel | null;
  _cells: ({ col: number; type: number; style: object } | undefined)[];
}
interface RawSheet {
  _rows: (RawRow | undefined)[];
}

/** An ExcelJS XmlStream that hands what it has built to a zip entry whenever it has built enough. */
class EntryXmlStream extends XmlStream {
  constructor(private readonly entry: ZipEntry) {
    super();
  }

  // A new node is a safe point to flush unless a rollback (which indexes the buffer) is pending.
  openNode(name: string, attributes?: XmlAttributes): void {
    if (this._xml.length >= FLUSH_FRAGMENTS && this._rollbacks.length === 0) this.flush();
    super.openNode(name, attributes);
  }

  /** Closes any open nodes and ends the entry. */
  end(): void {
    const rest = this.xml; // closes open nodes
    this._xml = [];
    this.entry.write(rest);
    this.entry.end();
  }

  private flush(): void {
    this.entry.write(this._xml.join(""));
    this._xml = [];
  }
}

/** The zip as ExcelJS's XLSX.add… methods expect it. */
function partSink(zip: ZipFile): PartSink {
  return {
    append: (data, options) => zip.add(options.name, options.base64 && typeof data === "string" ? Buffer.from(data, "base64") : data),
  };
}

/**
 * Workbook.model without the rows. ExcelJS's getter copies every row of every sheet, twice; the rows
 * are streamed from the worksheets instead, so they are hidden from it while it runs.
 */
function modelWithoutRows(workbook: Workbook, sheets: Worksheet[]): WorkbookModel {
  const raw = sheets.map((ws) => ws as unknown as RawSheet);
  const rows = raw.map((ws) => ws._rows);
  let model: WorkbookModel;
  try {
    for (const ws of raw) ws._rows = [];
    model = workbook.model as unknown as WorkbookModel;
  } finally {
    raw.forEach((ws, i) => (ws._rows = rows[i]));
  }
  model.worksheets.forEach((m, i) => {
    if (m.id !== sheets[i].id) throw new Error("ExcelJS listed the worksheets in an unexpected order");
    m.dimensions = dimensionsOf(sheets[i]);
  });
  return model;
}

/** The sheet's used range exactly as Worksheet.model works it out: rows with a height or any cell. */
function dimensionsOf(worksheet: Worksheet): unknown {
  const range = new RangeClass();
  const planned = deferredRows(worksheet);
  if (planned) {
    for (const row of planned.rows()) range.expand(row.number, row.min, row.number, row.max);
    return range;
  }
  for (const row of (worksheet as unknown as RawSheet)._rows) {
    if (!row) continue;
    let min = 0;
    let max = 0;
    let cells = 0;
    for (const cell of row._cells) {
      if (!cell) continue;
      cells++;
      if (!min || min > cell.col) min = cell.col;
      if (max < cell.col) max = cell.col;
    }
    if (row.height || cells) range.expand(row.number, min, row.number, max);
  }
  return range;
}

/** A row with no height and no cell that has a value or a format. */
function isBlank(row: RawRow | undefined): boolean {
  return !row || (!row.height && row._cells.every((cell) => !cell || (cell.type === ValueType.Null && Object.keys(cell.style).length === 0)));
}

/** The row models to write: the worksheet's own, or the plan's for a sheet whose cells were deferred. */
function* rowModels(worksheet: Worksheet): Generator<RowModel> {
  const rows = (worksheet as unknown as RawSheet)._rows;
  const planned = deferredRows(worksheet);
  if (planned) {
    // Its rows in ExcelJS are blank (page breaks and reads make empty ones); anything else would be lost.
    if (!rows.every(isBlank)) throw new Error(`cells were written to "${worksheet.name}" after its cells were left to the plan`);
    yield* planned.rows();
    return;
  }
  for (const row of rows) {
    const model = row?.model;
    if (model) yield model;
  }
}

const PRINT_NAMES = new Set(["_xlnm.Print_Area", "_xlnm.Print_Titles"]);

/**
 * WorkbookXform.prepare turns each sheet's print area and print titles into defined names written
 * `'${name}'!$1:$3`, leaving an apostrophe in the name single ('Children's Services'!$1:$3): not a
 * reference Excel can parse, as inside the quotes it must be doubled. Puts right the names it added.
 */
function quotePrintNames(model: WorkbookModel): void {
  for (const definedName of model.definedNames) {
    const sheet = definedName.localSheetId === undefined ? undefined : model.sheets?.[definedName.localSheetId]?.name;
    if (!PRINT_NAMES.has(definedName.name) || !sheet?.includes("'")) continue;
    const single = `'${sheet}'!`;
    const doubled = `'${sheet.replace(/'/g, "''")}'!`;
    definedName.ranges = definedName.ranges.map((r) => (r.startsWith(single) ? doubled + r.slice(single.length) : r));
  }
}

/** What XLSX.prepareModel does before it prepares the sheets (which writeSheet does, one at a time). */
function preparePackage(model: WorkbookModel): PrepareOptions {
  model.creator = model.creator || "ExcelJS";
  model.lastModifiedBy = model.lastModifiedBy || "ExcelJS";
  model.created = model.created || new Date();
  model.modified = model.modified || new Date();
  model.useSharedStrings = true;
  model.useStyles = true;
  model.sharedStrings = new SharedStringsXformClass();
  model.styles = new StylesXformClass(true);
  new WorkbookXformClass().prepare(model);
  quotePrintNames(model);

  const options: PrepareOptions = {
    sharedStrings: model.sharedStrings,
    styles: model.styles,
    date1904: Boolean(model.properties.date1904),
    drawingsCount: 0,
    media: model.media,
    drawings: (model.drawings = []),
    commentRefs: (model.commentRefs = []),
  };
  const tables: SheetModel["tables"] = [];
  for (const sheet of model.worksheets) {
    for (const table of sheet.tables) {
      tables.push(table);
      table.target = `table${tables.length}.xml`;
      table.id = tables.length;
    }
  }
  model.tables = tables;
  return options;
}

/**
 * A code-made shared formula (a master with no range yet) gets its range from the cells that share
 * it, which a streamed sheet has not seen when the master's row is written. Files read from disk
 * always give the range, and the add-in writes no formulas; refuse rather than write a broken file.
 */
function checkSharedFormulae(row: RowModel, options: PrepareOptions): void {
  for (const cell of row.cells) {
    if (!cell.sharedFormula) continue;
    const master = options.formulae?.[cell.sharedFormula];
    if (master?.range && !sameRow(master.address, row.number)) {
      throw new Error(`cannot save ${cell.address}: a shared formula made in code on another row (${master.address})`);
    }
  }
}

function sameRow(address: string, row: number): boolean {
  return Number(/\d+$/.exec(address)?.[0]) === row;
}

/**
 * Writes worksheets with ExcelJS's WorksheetXform. ExcelJS prepares a whole sheet (style ids, shared
 * strings, merges, links) before rendering it, because what follows <sheetData> needs what the rows
 * hold. Here the preparation runs when the renderer reaches <sheetData>: the part before it needs only
 * the column styles (prepared first), each row is prepared and rendered in turn, and the rest of the
 * sheet is rendered from the finished preparation. Same calls, same order, one row in memory.
 */
class SheetWriter {
  // One xform for every sheet, as XLSX.prepareModel uses (it keeps a little state between sheets).
  private readonly xform = new WorksheetXformClass();
  private readonly rowXform = this.xform.map.sheetData.childXform;

  constructor(
    private readonly zip: ZipFile,
    private readonly options: PrepareOptions,
  ) {}

  write(model: SheetModel, worksheet: Worksheet): void {
    const { xform, zip, options } = this;
    const xml = new EntryXmlStream(zip.entry(`xl/worksheets/sheet${model.id}.xml`));
    xform.map.sheetData = {
      childXform: this.rowXform,
      render: () => xform.prepare(model, options),
      prepare: () => this.streamRows(worksheet, xml),
    };
    xform.map.cols.prepare(model.cols, options);
    xform.render(xml, model);
    xml.end();

    // As XLSX.addWorksheets: the sheet's relationships, then its notes.
    if (model.rels && model.rels.length) zip.add(`xl/worksheets/_rels/sheet${model.id}.xml.rels`, new RelationshipsXformClass().toXml(model.rels));
    if (model.comments.length > 0) {
      zip.add(`xl/comments${model.id}.xml`, new CommentsXformClass().toXml(model));
      zip.add(`xl/drawings/vmlDrawing${model.id}.vml`, new VmlNotesXformClass().toXml(model));
    }
  }

  /** <sheetData>, as its ListXform renders it, each row prepared just before it is rendered. */
  private streamRows(worksheet: Worksheet, xml: EntryXmlStream): void {
    const mergedValues = mergedValuesOf(worksheet);
    let open = false;
    for (const rowModel of rowModels(worksheet)) {
      if (!open) xml.openNode("sheetData");
      open = true;
      this.rowXform.prepare(rowModel, this.options);
      checkSharedFormulae(rowModel, this.options);
      this.rowXform.render(xml, mergedValues ? withMergedValues(rowModel, mergedValues, this.rowXform.map.c, this.options) : rowModel);
    }
    if (open) xml.closeNode();
    else xml.leafNode("sheetData");
  }
}

/**
 * The workbook's themes with a theme1. ExcelJS's workbook relationships and content types always name
 * xl/theme/theme1.xml, but a file read without one (saved by a tool that writes no theme) leaves
 * ExcelJS nothing to write there: a relationship to a missing part, which makes the package invalid.
 * The file's own theme fills the name if it has one under another; else ExcelJS's default (the
 * Office theme it gives a new workbook).
 */
function withTheme1(model: WorkbookModel): WorkbookModel {
  const themes = model.themes ?? {};
  if (themes.theme1) return model;
  return { ...model, themes: { ...themes, theme1: Object.values(themes)[0] ?? DEFAULT_THEME } };
}

/**
 * Writes the workbook's package into `zip` (which the caller finishes). The parts and their XML are
 * ExcelJS's, but for two repairs of what its writer gets wrong (withTheme1, quotePrintNames) and, for
 * a workbook readXlsx read, what ExcelJS's reader does not keep: the file's own defined names
 * (defined-names.ts) and the values under merged areas (merged-values.ts). Their order in the zip differs: the parts that list what the sheets turned out
 * to hold (content types, workbook relationships) come after the sheets.
 */
export async function writePackage(workbook: Workbook, zip: ZipFile): Promise<void> {
  const sheets = workbook.worksheets;
  const model = modelWithoutRows(workbook, sheets);
  const options = preparePackage(model);
  const fileNames = fileDefinedNames(workbook, sheets, model);
  const parts = xlsxParts(workbook);
  const sink = partSink(zip);

  await parts.addOfficeRels(sink);
  const sheetWriter = new SheetWriter(zip, options);
  model.worksheets.forEach((sheet, i) => sheetWriter.write(sheet, sheets[i]));
  if (model.sharedStrings.count) {
    const xml = new EntryXmlStream(zip.entry("xl/sharedStrings.xml"));
    model.sharedStrings.render(xml, model.sharedStrings.model);
    xml.end();
  }
  parts.addDrawings(sink, model);
  parts.addTables(sink, model);
  await parts.addThemes(sink, withTheme1(model));
  await parts.addStyles(sink, model);
  await parts.addMedia(sink, model);
  await parts.addApp(sink, model);
  await parts.addCore(sink, model);
  await parts.addContentTypes(sink, model);
  await parts.addWorkbookRels(sink, model);
  await parts.addWorkbook(withNames(sink, fileNames), model);
}

/** The sink with the file's own defined names put into the workbook part (defined-names.ts). */
function withNames(sink: PartSink, namesXml: string | undefined): PartSink {
  if (!namesXml) return sink;
  return {
    append: (data, options) => sink.append(options.name === "xl/workbook.xml" && typeof data === "string" ? withFileDefinedNames(data, namesXml) : data, options),
  };
}
