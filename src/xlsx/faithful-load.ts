// Loads a package with ExcelJS, putting right what its reader changes or drops before anything sees it:
//  - a date stored as ISO text (<c t="d"><v>2010-12-31T00:00:00Z</v></c>, as some exporters save
//    dates) is read as parseFloat of the text: the number 2010, which a date format shows as 2 Jul 1905;
//  - a note on a cell with no value and no format (absent from the sheet data, or an empty <c r="C9"/>)
//    is attached to no cell, so it is dropped;
//  - values under a merged area are dropped when ExcelJS merges the cells: they are found here, after
//    reconcile, for merged-values.ts;
//  - the workbook part is parsed into a model that has lost its defined names' scopes and more; its
//    text is handed back for defined-names.ts.
// The hooks are own properties of this one workbook's reader, set for the one load and removed after:
// ExcelJS elsewhere in the process is untouched. They cost one comparison per cell, and a look at the
// cells of each merged area.
import { Readable } from "stream";
import type { Workbook } from "exceljs";
import {
  COMMENTS_REL,
  ValueType,
  WorksheetParserClass,
  xlsxReader,
  type CellParser,
  type ParsedCell,
  type ParsedRow,
  type ParsedSheet,
  type ParsedWorkbook,
  type XlsxReader,
} from "./exceljs-internals";
import { columnOf, findMergedValues } from "./merged-values";

export interface LoadedParts {
  /** The text of xl/workbook.xml, when the package has one. */
  workbookXml?: string;
  /** The workbook's sheets in tab order, as its workbook part lists them (chart sheets too). */
  sheetNames?: string[];
  /** Values under merged areas, which ExcelJS drops (merged-values.ts), by sheet id. */
  mergedValues: Map<number, Map<string, ParsedCell>>;
}

interface IsoCell {
  model: ParsedCell;
  text: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

function timeOfDay(h = "0", m = "0", s = "0", fraction = ""): number | undefined {
  const [hours, minutes, seconds] = [Number(h), Number(m), Number(s)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Math.round(Number(`0${fraction}`) * 1000);
}

/**
 * An ISO 8601 date, date-time or time as ExcelJS holds dates: a Date whose UTC fields are the wall
 * clock written (a zone, if given, is not applied: a cell has none). Undefined when the text is not
 * one, or is a day Excel cannot hold (before its first day, 1 Jan 1900 or 1904).
 */
export function isoCellDate(text: string, date1904: boolean): Date | undefined {
  const t = text.trim();
  const time = TIME.exec(t);
  if (time) {
    const ms = timeOfDay(time[1], time[2], time[3], time[4]);
    // A time alone is a fraction of a day: day 0 of the workbook's date system, as ExcelJS reads it.
    return ms === undefined ? undefined : new Date((date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + ms);
  }
  const m = DATE_TIME.exec(t);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = timeOfDay(m[4], m[5], m[6], m[7]);
  if (ms === undefined || year < (date1904 ? 1904 : 1900)) return undefined;
  const midnight = Date.UTC(year, month - 1, day);
  const check = new Date(midnight);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined; // 2010-02-30
  return new Date(midnight + ms);
}

/** Notes the <c t="d"> cells as the sheet is parsed, with their text before ExcelJS makes it a number. */
function watchIsoDates(cell: CellParser, found: IsoCell[]): void {
  const parseClose = cell.parseClose;
  cell.parseClose = function (this: CellParser, name: string): boolean {
    if (name !== "c" || this.t !== "d") return parseClose.call(this, name);
    const text = this.model.value;
    const more = parseClose.call(this, name);
    if (typeof text === "string") found.push({ model: this.model, text });
    return more;
  };
}

/** After reconcile: each ISO date cell holds its Date (or its text, when it is not a date Excel can hold). */
function settleIsoDates(found: IsoCell[], date1904: boolean): void {
  for (const { model, text } of found) {
    const date = isoCellDate(text, date1904);
    if (model.type === ValueType.Formula) model.result = date ?? text;
    else if (model.type === ValueType.Hyperlink) model.text = text;
    else {
      model.type = date ? ValueType.Date : ValueType.String;
      model.value = date ?? text;
    }
  }
}

/** The cell of a parsed row at a column, counting cells with no address as Row.model does (one after the previous). */
function cellAt(row: ParsedRow, column: number): ParsedCell | undefined {
  let previous = 0;
  for (const cell of row.cells) {
    if (!cell) continue;
    const at = cell.address ? columnOf(cell.address) : previous + 1;
    if (at === column) return cell;
    previous = at;
  }
  return undefined;
}

/**
 * Gives every note's cell a place in the sheet data before reconcile attaches notes to cells. ExcelJS
 * attaches a note only to a parsed cell with an address (some tools write <c> with no r), and drops a
 * <c> with no value and no style (it reads it as the covered cell of a merge): such a cell becomes an
 * empty cell, which keeps its note.
 */
function keepNotesOnEmptyCells(model: ParsedWorkbook, sheet: ParsedSheet): void {
  const refs: string[] = [];
  for (const rel of model.worksheetRels[sheet.sheetNo] ?? []) {
    if (rel.Type !== COMMENTS_REL) continue;
    for (const comment of model.comments[rel.Target]?.comments ?? []) if (comment.ref) refs.push(comment.ref);
  }
  if (refs.length === 0) return;
  const rows = (sheet.rows = (sheet.rows ?? []).filter((r): r is ParsedRow => Boolean(r)));
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  for (const ref of refs) {
    const number = Number(/\d+$/.exec(ref)?.[0]);
    if (!number) continue;
    let row = byNumber.get(number);
    if (!row) {
      row = { number, cells: [] };
      rows.push(row);
      byNumber.set(number, row);
    }
    const cell = cellAt(row, columnOf(ref));
    if (!cell) {
      row.cells.push({ address: ref, type: ValueType.Null });
      continue;
    }
    cell.address ??= ref; // reconcile finds a cell's note by its address
    if (cell.type === ValueType.Merge) cell.type = ValueType.Null; // a real merge still covers it later
  }
}

async function textOf(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Loads `bytes` into `workbook` as workbook.xlsx.load does, with the repairs above. */
export async function loadFaithfully(workbook: Workbook, bytes: Buffer): Promise<LoadedParts> {
  const reader = xlsxReader(workbook);
  const original = { parseWorkbook: reader.parseWorkbook, reconcile: reader.reconcile };
  const isoCells: IsoCell[] = [];
  const parts: LoadedParts = { mergedValues: new Map() };
  const hooks: Partial<XlsxReader> = {
    async parseWorkbook(this: XlsxReader, stream) {
      parts.workbookXml = await textOf(stream);
      const parsed = await original.parseWorkbook.call(this, Readable.from([parts.workbookXml]));
      parts.sheetNames = (parsed.sheets ?? []).map((s) => s.name);
      return parsed;
    },
    // As XLSX._processWorksheetEntry, with the sheet's cell parser watched.
    async _processWorksheetEntry(stream, model, sheetNo, options, path) {
      const xform = new WorksheetParserClass(options);
      watchIsoDates(xform.map.sheetData.childXform.map.c, isoCells);
      const worksheet = await xform.parseStream(stream);
      worksheet.sheetNo = sheetNo;
      model.worksheetHash[path] = worksheet;
      model.worksheets.push(worksheet);
    },
    reconcile(this: XlsxReader, model, options) {
      for (const sheet of model.worksheets) keepNotesOnEmptyCells(model, sheet);
      original.reconcile.call(this, model, options);
      settleIsoDates(isoCells, Boolean(model.properties?.date1904));
      for (const sheet of model.worksheets) {
        const values = findMergedValues(sheet);
        if (values && sheet.id !== undefined) parts.mergedValues.set(sheet.id, values);
      }
    },
  };
  Object.assign(reader, hooks);
  try {
    // ExcelJS's typings name their own Buffer interface; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } finally {
    for (const key of Object.keys(hooks)) Reflect.deleteProperty(reader, key);
  }
  return parts;
}
