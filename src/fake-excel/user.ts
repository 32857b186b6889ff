// What a person (or a co-author, "remote") does in the fake workbook, outside any add-in request: typing
// or pasting, inserting or deleting rows and columns, adding, deleting and renaming sheets. Each raises
// the events Excel raises (events.ts) with triggerSource "Unknown": not this add-in. An Undo in Excel is
// a change like these (the restored values, raised as a local change), so tests model it with `type`.
import type { CellValue } from "../engine/vocab/types";
import { MAX_COLS, MAX_ROWS, parseAddress, parseAddressList } from "../excel/a1";
import { writeValues } from "./cells";
import { dateSerial } from "./coerce";
import { DAYS_1904 } from "../excel/values";
import { FakeOfficeError } from "./errors";
import { shiftCells } from "./shift";
import type { CellState, SheetState, WorkbookState } from "./state";
import { SheetState as NewSheet } from "./state";
import { checkSheetName } from "./worksheet";
import type { CellValidation } from "./validation";

/** A typed value as Excel receives it: a date as its serial number, null leaves the cell alone. */
function coerceInput(v: CellValue | undefined, date1904: boolean): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return dateSerial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) - (date1904 ? DAYS_1904 : 0);
  if (typeof v === "object") return v.error;
  return v;
}

/** What a cell formatted as text keeps of a typed value: the text as typed (dates as dd/mm/yyyy). */
function typedAsText(v: CellValue): string {
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, "0")}/${String(v.getUTCMonth() + 1).padStart(2, "0")}/${v.getUTCFullYear()}`;
  if (typeof v === "object" && v !== null) return v.error;
  return String(v);
}

export type UserSource = "local" | "remote";
interface By {
  /** "remote": a co-author's change arriving (Excel on the web, co-authoring). Default local. */
  source?: UserSource;
}

export interface UserActions {
  /** Type or paste `values` with their top-left at `address` ("B5"); null leaves a cell as it is. */
  type(sheet: string, address: string, values: CellValue[][], by?: By): void;
  /** Select the areas with Ctrl and press Delete (`addresses` "B5,D7:D9"): their values cleared, one change raised. */
  clearAreas(sheet: string, addresses: string, by?: By): void;
  /**
   * Excel recalculating formulas after an edit: the cells at `address` take `values` (their new results) and
   * no event is raised for them, as Excel raises onChanged for the cells typed into only (office-js#3899).
   */
  recalculate(sheet: string, address: string, values: CellValue[][]): void;
  /** Format Cells > Number on `address` ("D5:D9"): the cells' number format set, values unchanged; raises onFormatChanged only. */
  setNumberFormat(sheet: string, address: string, format: string, by?: By): void;
  /** Home > Fill Color on `address`: raises onFormatChanged only. */
  setFill(sheet: string, address: string, color: string, by?: By): void;
  insertRows(sheet: string, firstRow: number, count: number, by?: By): void;
  deleteRows(sheet: string, firstRow: number, count: number, by?: By): void;
  insertColumns(sheet: string, firstCol: number, count: number, by?: By): void;
  /** Insert > Shift cells down (or right), or Delete > Shift cells up (or left), on `address` ("H5:K5"). */
  shiftCells(sheet: string, address: string, shift: "Down" | "Right" | "Up" | "Left", by?: By): void;
  /**
   * Data > Sort on `address` ("A4:H9", no header row): its row i takes the cells, values and formats, of its
   * row `order[i]` (zero-based within the range), as Excel's sort moves them. Row heights stay where they are.
   */
  sortRows(sheet: string, address: string, order: number[], by?: By): void;
  addSheet(name: string, by?: By): void;
  deleteSheet(name: string, by?: By): void;
  renameSheet(name: string, to: string, by?: By): void;
  /** Resolves once every event handler called so far has finished. */
  settled(): Promise<void>;
  /** Errors event handlers threw (Excel swallows them). */
  handlerErrors(): unknown[];
  /** Event handlers registered now. */
  handlerCount(): number;
  /** A cell's data validation, or undefined (1-based address "H5"). */
  validation(sheet: string, address: string): CellValidation | undefined;
}

export function userActions(wb: WorkbookState): UserActions {
  const find = (name: string): SheetState => {
    const s = wb.find(name);
    if (!s) throw new Error(`fake user: no sheet ${name}`);
    return s;
  };
  const src = (by?: By): "Local" | "Remote" => (by?.source === "remote" ? "Remote" : "Local");
  const rows = (sheet: string, first: number, count: number, insert: boolean, by?: By): void => {
    const s = find(sheet);
    const rect = { top: first, bottom: first + count - 1, left: 0, right: MAX_COLS - 1 };
    shiftCells(s, rect, insert ? "Down" : "Up");
    wb.events.changed(s, rect, insert ? "RowInserted" : "RowDeleted", src(by), false);
  };
  const formatAreas = (sheet: string, address: string, by: By | undefined, change: (cell: CellState) => CellState): void => {
    const s = find(sheet);
    const rect = parseAddress(address);
    if (!rect) throw new Error(`fake user: bad address ${address}`);
    if (s.protected) throw new FakeOfficeError("AccessDenied", `The cell is on a protected sheet (${s.name}).`);
    for (let row = rect.top; row <= rect.bottom; row++) for (let col = rect.left; col <= rect.right; col++) s.update(row, col, change);
    wb.events.formatChanged(s, rect, src(by));
  };
  return {
    type(sheet, address, values, by) {
      const s = find(sheet);
      const at = parseAddress(address);
      if (!at) throw new Error(`fake user: bad address ${address}`);
      const width = Math.max(...values.map((r) => r.length));
      const rect = { top: at.top, left: at.left, bottom: at.top + values.length - 1, right: at.left + width - 1 };
      const before = s.cell(rect.top, rect.left).v;
      if (s.protected) throw new FakeOfficeError("AccessDenied", `The cell is on a protected sheet (${s.name}).`);
      // A person typing into a cell formatted as text ("@") gets text, whatever they type: "42", not 42.
      const typed = (v: CellValue | undefined, row: number, col: number) => (s.cell(row, col).nf === "@" && v !== null && v !== undefined && v !== "" ? typedAsText(v) : coerceInput(v, wb.date1904));
      writeValues({ sheet: s, rects: [rect] }, rect, values.map((r, i) => Array.from({ length: width }, (_, j) => typed(r[j], rect.top + i, rect.left + j))), wb);
      wb.events.discardNoted();
      wb.events.changed(s, rect, "RangeEdited", src(by), false, values.length === 1 && width === 1 ? before : undefined);
    },
    recalculate(sheet, address, values) {
      const s = find(sheet);
      const at = parseAddress(address);
      if (!at) throw new Error(`fake user: bad address ${address}`);
      const width = Math.max(...values.map((r) => r.length));
      const rect = { top: at.top, left: at.left, bottom: at.top + values.length - 1, right: at.left + width - 1 };
      writeValues({ sheet: s, rects: [rect] }, rect, values.map((r) => Array.from({ length: width }, (_, j) => coerceInput(r[j], wb.date1904))), wb);
      wb.events.discardNoted();
    },
    clearAreas(sheet, addresses, by) {
      const s = find(sheet);
      const areas = parseAddressList(addresses);
      if (!areas) throw new Error(`fake user: bad address ${addresses}`);
      if (s.protected) throw new FakeOfficeError("AccessDenied", `The cell is on a protected sheet (${s.name}).`);
      for (const rect of areas) writeValues({ sheet: s, rects: [rect] }, rect, Array.from({ length: rect.bottom - rect.top + 1 }, () => Array<string>(rect.right - rect.left + 1).fill("")), wb);
      wb.events.discardNoted();
      wb.events.changed(s, areas, "RangeEdited", src(by), false);
    },
    setNumberFormat(sheet, address, format, by) {
      formatAreas(sheet, address, by, (cell) => ({ ...cell, nf: format }));
    },
    setFill(sheet, address, color, by) {
      formatAreas(sheet, address, by, (cell) => ({ ...cell, fmt: { ...cell.fmt, fill: color } }));
    },
    insertRows: (sheet, first, count, by) => rows(sheet, first, count, true, by),
    deleteRows: (sheet, first, count, by) => rows(sheet, first, count, false, by),
    insertColumns(sheet, first, count, by) {
      const s = find(sheet);
      const rect = { top: 0, bottom: MAX_ROWS - 1, left: first, right: first + count - 1 };
      shiftCells(s, rect, "Right");
      wb.events.changed(s, rect, "ColumnInserted", src(by), false);
    },
    shiftCells(sheet, address, shift, by) {
      const s = find(sheet);
      const rect = parseAddress(address);
      if (!rect) throw new Error(`fake user: bad address ${address}`);
      shiftCells(s, rect, shift);
      wb.events.changed(s, rect, shift === "Down" || shift === "Right" ? "CellInserted" : "CellDeleted", src(by), false, undefined, shift);
    },
    sortRows(sheet, address, order, by) {
      const s = find(sheet);
      const rect = parseAddress(address);
      if (!rect) throw new Error(`fake user: bad address ${address}`);
      const height = rect.bottom - rect.top + 1;
      if (order.length !== height || new Set(order).size !== height || order.some((i) => !(i >= 0 && i < height))) throw new Error(`fake user: ${order} does not order ${height} rows`);
      if (s.protected) throw new FakeOfficeError("AccessDenied", `The cell is on a protected sheet (${s.name}).`);
      const rows = order.map((i) => Array.from({ length: rect.right - rect.left + 1 }, (_, j) => s.cell(rect.top + i, rect.left + j)));
      rows.forEach((cells, i) => cells.forEach((c, j) => s.put(rect.top + i, rect.left + j, c)));
      wb.events.changed(s, rect, "RangeEdited", src(by), false);
    },
    addSheet(name, by) {
      const s = new NewSheet(checkSheetName(wb, name), wb.newSheetId());
      wb.sheets.push(s);
      wb.events.added(s, src(by));
    },
    deleteSheet(name, by) {
      const s = find(name);
      wb.sheets.splice(wb.sheets.indexOf(s), 1);
      if (wb.active === s) wb.active = wb.sheets[0];
      wb.events.deleted(s, src(by));
    },
    renameSheet(name, to, by) {
      const s = find(name);
      s.name = checkSheetName(wb, to, s);
      wb.events.renamed(s, name, src(by));
    },
    settled: () => wb.events.settled(),
    handlerErrors: () => wb.events.errors,
    handlerCount: () => wb.events.registrations.length,
    validation(sheet, address) {
      const at = parseAddress(address);
      if (!at) throw new Error(`fake user: bad address ${address}`);
      return find(sheet).validation.get(at.top * 16384 + at.left);
    },
  };
}
