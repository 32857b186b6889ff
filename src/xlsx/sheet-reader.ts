// Streams one worksheet part with saxes straight into a SheetGrid: values (shared, inline and rich
// strings, formula results, errors, booleans, ISO dates, numbers as Dates where their format shows a
// date, in the workbook's date system), number formats, merges, hidden rows and columns, whether the
// sheet is protected, and the relationship ids of its tables. Cells under a merged area read as empty,
// as Excel shows them. Only the cells present are held (sheet-extent.ts squares them).
import type { CellRange, CellValue, Problem, SheetGrid } from "../engine/vocab/types";
import { InputError } from "./errors";
import { cellAddress, cellRowIndex, columnIndex, isoCellDate, MAX_COL, MAX_ROW, rowIndex, serialToDate } from "./package/cell-values";
import { decodeEscapes, MAX_CELL_CHARS, type SharedStrings } from "./package/shared-strings";
import { NO_FORMATS, type CellFormats } from "./package/styles-read";
import type { ZipPackage } from "./package/zip-reader";
import { attr, parseXmlStream, TextInterner } from "./package/xml";
import { squareCells, type SparseCells } from "./sheet-extent";

/** Conditional format rule types that format numbers (and dates) only: never a cell of text. */
const NUMBERS_ONLY = new Set(["colorScale", "top10", "aboveAverage", "timePeriod"]);

export interface SheetReadContext {
  /** Sheet name, for messages and the grid. */
  name: string;
  part: string;
  strings?: SharedStrings;
  formats?: CellFormats;
  date1904: boolean;
  /** The workbook asks to be recalculated on opening (WorkbookPart.recalculatedOnLoad): its formulas' saved results are not to be trusted. */
  recalculatedOnLoad?: boolean;
  /** Told the format index of each cell that has one (the record sheet's backups, record-backups.ts). */
  onCellFormat?: (row: number, col: number, xf: number) => void;
  /**
   * Keep the rows of the latest `groups` values of column A only, and of the rows above them column A
   * alone (grid.skippedRows): our history, one row per record per period in period order, whose earlier
   * periods a rebuild copies as they are. `orderOf` orders a row below the header (row 1) by its group;
   * undefined: a row the window cannot pass over (the sheet is then read whole).
   */
  window?: { groups: number; orderOf: (row: readonly CellValue[] | undefined, header: readonly CellValue[] | undefined) => number | undefined };
}

/** Zero-based, inclusive run of columns. */
export interface ColumnSpan {
  first: number;
  last: number;
}

export interface SheetRead {
  grid: SheetGrid;
  hiddenColumns: ColumnSpan[];
  /** <sheetProtection sheet="1">: the sheet is protected. */
  protected: boolean;
  /** r:id of each <tablePart>, in order. */
  tableRelIds: string[];
  /** r:id of the sheet's <drawing> (its charts, pictures and shapes), if it has one. */
  drawingRelId?: string;
  /** r:id of the sheet's <legacyDrawing> (its notes and form controls, in VML), if it has one. */
  legacyDrawingRelId?: string;
  /** Cells left out of the grid (far from the data), as warnings. */
  problems: Problem[];
  /** Formulas with no result, or results not to be trusted, as warnings: worth telling only on a sheet with a tracker. */
  formulaProblems?: Problem[];
  /** With `window`: rows were left out before one was found out of period order; read the sheet again whole. */
  windowFailed?: true;
}

const truthy = (v: string | undefined): boolean => v === "1" || v === "true";

/** Parses "A1:C5" or "A1" into a zero-based range. */
export function parseRef(ref: string): CellRange | undefined {
  const [a, b = a] = ref.trim().split(":");
  const top = rowIndex(a);
  const left = columnIndex(a);
  const bottom = rowIndex(b);
  const right = columnIndex(b);
  if (top < 0 || left < 0 || bottom < 0 || right < 0) return undefined;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** The areas of a space-separated list ("B1:B9 D1:D9"), those we cannot read left out. */
function areasOf(refs: string): CellRange[] {
  return refs.split(/\s+/).flatMap((ref) => parseArea(ref) ?? []);
}

/** A conditional format's area: a range, or whole columns ("A:Z", "F:F") or rows ("1:5") as Excel writes them. */
function parseArea(ref: string): CellRange | undefined {
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref);
  if (columns) {
    const [left, right] = [columnIndex(`${columns[1]}1`), columnIndex(`${columns[2]}1`)];
    return left < 0 || right < 0 ? undefined : { top: 0, left: Math.min(left, right), bottom: MAX_ROW, right: Math.max(left, right) };
  }
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(ref);
  if (rows) {
    const [top, bottom] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    return top < 0 || bottom < 0 ? undefined : { top: Math.min(top, bottom), left: 0, bottom: Math.max(top, bottom), right: MAX_COL };
  }
  return parseRef(ref.replace(/\$/g, ""));
}

/** Covered cells of each merged area read as empty: only the top-left cell shows its value. */
function clearCovered(values: SparseCells["values"], merges: CellRange[]): void {
  for (const m of merges) {
    const bottom = Math.min(m.bottom, values.length - 1);
    for (let r = m.top; r <= bottom; r++) {
      const row = values[r];
      if (!row) continue;
      const right = Math.min(m.right, row.length - 1);
      for (let c = r === m.top ? m.left + 1 : m.left; c <= right; c++) if (row[c] !== undefined) row[c] = null;
    }
  }
}

/** Streams the sheet part and builds its grid. */
export async function readSheet(pkg: ZipPackage, ctx: SheetReadContext): Promise<SheetRead> {
  const { name, part, strings, date1904 } = ctx;
  const formats = ctx.formats ?? NO_FORMATS;
  const file = pkg.file;
  const where = `sheet '${name}' (${part})`;
  const values: SparseCells["values"] = [];
  const fmts: SparseCells["formats"] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: ColumnSpan[] = [];
  const merges: CellRange[] = [];
  // Conditional formats that can fill cells: the areas of the <conditionalFormatting> being read, and all found.
  let formatAreas: CellRange[] | undefined;
  let formatFills = false;
  // Excel 2010's rules (x14:conditionalFormatting in the sheet's extLst: a rule naming another sheet, say)
  // give their areas in an <xm:sqref> element and their fill in the rule's own <x14:dxf>.
  let x14Rule: { canFill: boolean; inDxf: boolean; noPattern: boolean } | undefined;
  let sqref: string | undefined;
  const conditionalFills: CellRange[] = [];
  const mergeRefs = new Set<string>();
  const tableRelIds: string[] = [];
  let drawingRelId: string | undefined;
  let legacyDrawingRelId: string | undefined;
  let isProtected = false;
  const texts = new TextInterner();
  // The window (ctx.window): runs of rows by column A's order, and column A of the rows dropped above them.
  const win = ctx.window;
  const runs: { order: number; first: number }[] = [];
  const above: CellValue[] = [];
  let leftOut = 0;
  let windowFailed = false;
  let lastWindowRow = 0;
  const endRow = (): void => {
    if (!win || windowFailed || row < 1) return;
    const order = win.orderOf(rowValues, values[0]);
    const last = runs[runs.length - 1];
    // Rows follow each other with no gap, each group after the one before.
    if (order === undefined || (last && (order < last.order || row !== lastWindowRow + 1)) || (!last && row !== 1)) {
      windowFailed = true;
      return;
    }
    lastWindowRow = row;
    if (last && order === last.order) return;
    runs.push({ order, first: row });
    if (runs.length <= win.groups) return;
    const dropped = runs.shift() as { first: number };
    for (let r = dropped.first; r < runs[0].first; r++) {
      above.push(values[r]?.[0] ?? null);
      for (const v of values[r] ?? []) if (v !== null && v !== undefined && v !== "") leftOut++;
      values[r] = undefined;
      fmts[r] = undefined;
    }
  };

  let row = -1;
  // Rows are <row>s of <sheetData>: a form control's anchor has <xdr:row>s of its own, after it.
  let inSheetData = false;
  let rowValues: CellValue[] | undefined;
  let rowFormats: string[] | undefined;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let style = 0;
  let text = "";
  let hasText = false;
  let inValue = false;
  let inInline = 0;
  // A formula with no saved result (<f> and no <v>): openpyxl, SheetJS and POI write them, and do not calculate.
  let formula = false;
  let valueSeen = false;
  let uncalculated = 0;
  let firstUncalculated = "";
  // Formulas with a result saved in a workbook that asks to be recalculated (XlsxWriter saves 0).
  let unsure = 0;
  let firstUnsure = "";
  let phonetic = 0;
  // Formulas whose result is empty, in runs down each column: an officer's cells all the same (helper-79).
  const formulaCells: CellRange[] = [];
  const formulaRuns = new Map<number, CellRange>();

  const fail = (what: string): never => {
    throw new InputError(`${file} is corrupt: ${where} ${what}`);
  };
  const address = (): string => cellAddress(row, col);

  function cellValue(): CellValue {
    if (!hasText) return null;
    switch (type) {
      case "s": {
        const index = Number(text);
        if (!Number.isInteger(index) || index < 0) fail(`cell ${address()} refers to shared string "${text.slice(0, 20)}", which is not an index`);
        if (!strings || index >= strings.length) fail(`cell ${address()} refers to shared string ${index}, which the workbook does not have`);
        return strings![index] ?? null;
      }
      case "str":
      case "inlineStr":
        return texts.text(text);
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return { error: text };
      case "d": {
        return isoCellDate(text, date1904) ?? text;
      }
      default: {
        if (text === "") return null;
        const n = parseFloat(text);
        return formats.dates[style] ? serialToDate(n, date1904) : n;
      }
    }
  }

  await parseXmlStream(file, where, await pkg.openStream(part), {
    open(tag, local) {
      const a = tag.attributes;
      switch (local) {
        case "c": {
          const r = a.r;
          if (r !== undefined) {
            const at = columnIndex(r);
            if (at < 0 || at > MAX_COL) fail(`has a cell at "${r.slice(0, 20)}", which is not a cell address`);
            // Excel repairs a cell whose address names no row, or another row than the one it is in ("A", "B7" in row 5).
            const inRow = cellRowIndex(r);
            if (inRow !== row) fail(inRow < 0 ? `has a cell at "${r.slice(0, 20)}", which is not a cell address` : `has cell ${r.slice(0, 20)} in row ${row + 1}`);
            // Excel repairs a row whose cells repeat or go backwards; a few KB of one repeated cell inflated to a gigabyte.
            if (at <= col) fail(`has cell ${r.slice(0, 20)} twice, or out of order, in row ${row + 1}`);
            col = at;
          } else col++;
          if (col > MAX_COL) fail(`has more cells in row ${row + 1} than Excel's 16,384 columns`);
          type = a.t;
          style = a.s === undefined ? 0 : parseInt(a.s, 10) || 0;
          if (style > 0 && ctx.onCellFormat) ctx.onCellFormat(row, col, style);
          text = "";
          hasText = false;
          formula = valueSeen = false;
          return;
        }
        case "v":
          inValue = valueSeen = true;
          return;
        case "f":
          formula = true;
          return;
        case "is":
          inInline++;
          return;
        case "t":
          if (inInline && !phonetic) inValue = true;
          return;
        case "rPh":
          phonetic++;
          return;
        case "sheetData":
          inSheetData = true;
          return;
        case "row": {
          if (!inSheetData) return;
          const r = a.r;
          const at = r === undefined ? row + 1 : parseInt(r, 10) - 1;
          if (!(at >= 0 && at <= MAX_ROW)) fail(`has a row numbered "${String(r).slice(0, 20)}"`);
          // As for cells: Excel repairs rows that repeat or go backwards (one row repeated 200,000 times made a 52 MB sheet).
          if (at <= row) fail(`has row ${at + 1} twice, or out of order`);
          row = at;
          if (truthy(a.hidden)) hiddenRows.push(row);
          rowValues = values[row];
          rowFormats = fmts[row];
          col = -1;
          return;
        }
        case "col":
          if (truthy(a.hidden)) {
            const first = parseInt(a.min, 10) - 1;
            const last = Math.min(parseInt(a.max ?? a.min, 10) - 1, MAX_COL);
            if (first >= 0 && last >= first) hiddenColumns.push({ first, last });
          }
          return;
        case "mergeCell": {
          const ref = a.ref ?? "";
          const range = parseRef(ref);
          if (range && !mergeRefs.has(ref.toUpperCase())) {
            mergeRefs.add(ref.toUpperCase());
            merges.push(range);
          }
          return;
        }
        case "sheetProtection":
          isProtected = truthy(a.sheet);
          return;
        case "tablePart": {
          const id = attr(tag, "id");
          if (id) tableRelIds.push(id);
          return;
        }
        case "drawing":
          drawingRelId ??= attr(tag, "id");
          return;
        case "conditionalFormatting":
          // An x14 one has no sqref attribute: its areas come in its <xm:sqref>.
          formatAreas = areasOf(a.sqref ?? "");
          formatFills = false;
          return;
        case "cfRule": {
          // A rule's differential format's fill, where it has one, and where the rule can hold for our cells,
          // which hold text: colour scales, top 10 items, averages and dates format numbers only (helper-123).
          const canFill = !NUMBERS_ONLY.has(a.type ?? "");
          // Without a dxfId, an x14 rule's format is its own <x14:dxf> (a data bar or icon set has none).
          if (formatAreas && a.dxfId === undefined) x14Rule = { canFill, inDxf: false, noPattern: false };
          const dxf = a.dxfId === undefined ? -1 : parseInt(a.dxfId, 10);
          if (canFill && dxf >= 0 && formats.dxfFills?.[dxf] === true) formatFills = true;
          return;
        }
        case "dxf":
          if (x14Rule) x14Rule.inDxf = true;
          return;
        case "patternFill":
          if (x14Rule?.inDxf) x14Rule.noPattern = a.patternType === "none";
          return;
        case "bgColor":
        case "fgColor":
        case "gradientFill":
          // As styles.xml's dxfs are read (styles-read.ts): a colour in a pattern that is not "none", or a gradient.
          if (x14Rule?.inDxf && x14Rule.canFill && (local === "gradientFill" || !x14Rule.noPattern)) formatFills = true;
          return;
        case "sqref":
          if (formatAreas) sqref = "";
          return;
        case "legacyDrawing":
          legacyDrawingRelId ??= attr(tag, "id");
          return;
        default:
          return;
      }
    },
    text(chunk) {
      if (sqref !== undefined) sqref += chunk;
      if (!inValue) return;
      if (text.length < MAX_CELL_CHARS) text += chunk;
      hasText = true;
    },
    close(local) {
      switch (local) {
        case "v":
          inValue = false;
          return;
        case "t":
          if (inInline) inValue = false;
          return;
        case "is":
          inInline--;
          if (hasText) text = decodeEscapes(text);
          return;
        case "rPh":
          phonetic--;
          return;
        case "c": {
          if (row < 0) fail("has a cell outside any row");
          if (formula) {
            // openpyxl saves <v></v>: no result, unless the formula's result is text (Excel saves an empty one so).
            if (!valueSeen || (!hasText && type !== "str" && type !== "inlineStr")) {
              if (uncalculated++ === 0) firstUncalculated = address();
            } else if (ctx.recalculatedOnLoad && unsure++ === 0) firstUnsure = address();
          }
          const v = cellValue();
          if (formula && (v === null || v === "")) {
            const run = formulaRuns.get(col);
            if (run && run.bottom === row - 1) run.bottom = row;
            else {
              const cell = { top: row, left: col, bottom: row, right: col };
              formulaRuns.set(col, cell);
              formulaCells.push(cell);
            }
          }
          const code = formats.codes[style];
          if (v !== null) {
            rowValues ??= values[row] = [];
            rowValues[col] = v;
          }
          if (code !== undefined && style !== 0 && code !== "General") {
            rowFormats ??= fmts[row] = [];
            rowFormats[col] = code;
          }
          return;
        }
        case "sheetData":
          inSheetData = false;
          return;
        case "row":
          if (!inSheetData) return;
          endRow();
          rowValues = undefined;
          rowFormats = undefined;
          return;
        case "conditionalFormatting":
          if (formatFills && formatAreas) conditionalFills.push(...formatAreas);
          formatAreas = undefined;
          return;
        case "cfRule":
          x14Rule = undefined;
          return;
        case "sqref":
          if (formatAreas && sqref !== undefined) formatAreas.push(...areasOf(sqref));
          sqref = undefined;
          return;
        default:
          return;
      }
    },
  });

  // Rows already left out cannot come back: the caller reads the sheet again whole. Else this read is whole.
  if (windowFailed && above.length) return { grid: { name, values: [], origin: { row: 0, col: 0 }, tables: [] }, hiddenColumns, protected: isProtected, tableRelIds, problems: [], windowFailed: true };
  const windowTop = above.length ? runs[0].first : 0;
  clearCovered(values, merges);
  const squared = squareCells({ values, formats: fmts }, name, leftOut);
  const grid: SheetGrid = {
    name,
    values: squared.values,
    numberFormats: squared.numberFormats,
    origin: { row: 0, col: 0 },
    merges,
    hiddenRows: hiddenRows.filter((r) => r <= squared.lastRow && (r === 0 || r >= windowTop)),
    tables: [],
    ...(formulaCells.length ? { formulaCells } : {}),
    ...(conditionalFills.length ? { conditionalFills } : {}),
    ...(above.length ? { skippedRows: { top: 1, bottom: windowTop - 1, firstColumn: above } } : {}),
  };
  const formulaProblems = [
    ...(uncalculated ? [formulaProblem(name, firstUncalculated, uncalculated, "none")] : []),
    ...(unsure ? [formulaProblem(name, firstUnsure, unsure, "unsure")] : []),
  ];
  return { grid, hiddenColumns, protected: isProtected, tableRelIds, ...(drawingRelId ? { drawingRelId } : {}), ...(legacyDrawingRelId ? { legacyDrawingRelId } : {}), problems: squared.problems, formulaProblems };
}

/**
 * Formulas whose results the file does not hold ("none": they read as empty, "no Actual figure" with no word
 * of why), or holds from a program that does not calculate ("unsure": the workbook asks Excel to work them
 * out again on opening, and XlsxWriter saves 0): read as saved, and said so.
 */
function formulaProblem(sheet: string, cell: string, count: number, kind: "none" | "unsure"): Problem {
  const one = count === 1;
  const n = count.toLocaleString("en-GB");
  const message =
    kind === "none"
      ? `${one ? "1 formula has" : `${n} formulas have`} no saved result (from ${cell}), so ${one ? "it reads" : "they read"} as empty: the program that wrote the file did not calculate ${one ? "it" : "them"}.`
      : `${one ? "1 formula's saved result" : `${n} formulas' saved results`} (from ${cell}) may be 0 or out of date: the workbook asks Excel to recalculate it when opened, as programs that do not calculate write it, and ${one ? "it is" : "they are"} read as saved.`;
  return { sheet, cell, severity: "warning", message: `${message} Open the workbook in Excel, save it, and build again.` };
}

/** The shared-string indices a sheet uses, for reading a huge shared-strings part selectively. */
export async function sharedStringIndices(pkg: ZipPackage, part: string, into: Set<number>): Promise<void> {
  let shared = false;
  let inValue = false;
  let text = "";
  await parseXmlStream(pkg.file, part, await pkg.openStream(part), {
    open(tag, local) {
      if (local === "c") shared = tag.attributes.t === "s";
      else if (local === "v" && shared) {
        inValue = true;
        text = "";
      }
    },
    text(chunk) {
      if (inValue) text += chunk;
    },
    close(local) {
      if (local === "v" && inValue) {
        inValue = false;
        const index = Number(text);
        if (Number.isInteger(index) && index >= 0) into.add(index);
      }
    },
  });
}
