// Range and RangeAreas proxies. A range is resolved to a rectangle when the request runs, not when it is created.
import type { XlCellProperties, XlCellPropertiesLoadOptions, XlClientResult, XlColumnProperties, XlColumnPropertiesLoadOptions, XlRange, XlRangeAreas, XlSettableCellProperties } from "../excel/api";
import { cellCount, excelAddress, quoteSheet } from "../excel/a1";
import type { CellRange } from "../engine/vocab/types";
import { unionRange } from "../engine/vocab/address";
import type { Areas } from "./cells";
import { clearCells, columnsHidden, grid, mergeCells, setColumnsHidden, writeNumberFormat, writeValues } from "./cells";
import { getCellProperties, getColumnProperties, setCellProperties } from "./cellprops";
import type { Prop } from "./context";
import { FakeClientResult, FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import { boxOf } from "./drawings";
import { FakeRangeFormat } from "./format";
import { versionAtMost } from "./version";
import type { SheetState, WorkbookState } from "./state";
import { DEFAULT_FORMAT } from "./state";
import { copyFormats, sourceFromAddress } from "./copy";
import { FakeDataValidation } from "./validation";
import { FakeConditionalFormatCollection } from "./conditional-formats";
import type { Shift } from "./shift";
import { shiftCells } from "./shift";
import type { XlLiveRange } from "../excel/live/api";

/** Selecting works on the active sheet only (activate it first), and never on a hidden one. */
function checkSelectable(wb: WorkbookState, sheet: SheetState): void {
  if (sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `The sheet '${sheet.name}' is hidden: a range on it cannot be selected.`, "Range.select");
  if (wb.active !== sheet) throw new FakeOfficeError("InvalidOperation", `The sheet '${sheet.name}' is not the active sheet: activate it before selecting a range on it.`, "Range.select");
}

export interface RangeTarget {
  sheet: SheetState;
  rect: CellRange;
}

/** Text as Excel would show it in a General-format cell (close enough for the fake). */
function display(v: string | number | boolean): string {
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

export class FakeRange extends FakeObject implements XlRange, XlLiveRange {
  readonly _type = "Range";
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  private _memo: RangeTarget | null | undefined;

  constructor(parent: FakeObject, method: string, args: unknown[], private readonly _resolver: () => RangeTarget | null, orNull = false) {
    super(parent._ctx, parent, method, args);
    this.format = new FakeRangeFormat(this, () => this._areas());
    this.dataValidation = new FakeDataValidation(this, () => this._areas());
    this.conditionalFormats = new FakeConditionalFormatCollection(this, () => this._must());
    if (orNull) this._resolveLater(() => this._target() !== null);
  }

  /** Resolve once, when first needed by a running request. */
  _target(): RangeTarget | null {
    if (this._memo === undefined) this._memo = this._resolver();
    return this._memo;
  }

  _must(): RangeTarget {
    const t = this._target();
    if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "Range");
    return t;
  }

  _areas(): Areas {
    const t = this._must();
    return { sheet: t.sheet, rects: [t.rect] };
  }

  private _derive(method: string, args: unknown[], f: (r: CellRange) => CellRange): FakeRange {
    return new FakeRange(this, method, args, () => {
      const t = this._must();
      const rect = f(t.rect);
      if (rect.top < 0 || rect.left < 0 || rect.bottom < rect.top || rect.right < rect.left) {
        throw new FakeOfficeError("InvalidArgument", `${method} goes outside the sheet.`);
      }
      return { sheet: t.sheet, rect };
    });
  }

  protected override _props(): Record<string, Prop> {
    const t = (): RangeTarget => this._must();
    return {
      address: { get: () => `${quoteSheet(t().sheet.name)}!${excelAddress(t().rect)}` },
      rowCount: { get: () => t().rect.bottom - t().rect.top + 1 },
      columnCount: { get: () => t().rect.right - t().rect.left + 1 },
      rowIndex: { get: () => t().rect.top },
      columnIndex: { get: () => t().rect.left },
      cellCount: { get: () => cellCount(t().rect) },
      values: { get: () => grid(t().sheet, t().rect, (r, c) => t().sheet.cell(r, c).v), set: (v) => writeValues(this._areas(), t().rect, v, this._ctx._state) },
      numberFormat: { get: () => grid(t().sheet, t().rect, (r, c) => t().sheet.cell(r, c).nf), set: (v) => writeNumberFormat(this._areas(), t().rect, v) },
      text: { get: () => grid(t().sheet, t().rect, (r, c) => display(t().sheet.cell(r, c).v)) },
      columnHidden: { get: () => columnsHidden(this._areas()), set: (v) => setColumnsHidden(this._areas(), v) },
      left: { get: () => boxOf(t().sheet, t().rect).left },
      top: { get: () => boxOf(t().sheet, t().rect).top },
      width: { get: () => boxOf(t().sheet, t().rect).width },
      height: { get: () => boxOf(t().sheet, t().rect).height },
    };
  }
  protected override _navs(): Record<string, FakeObject> {
    return { format: this.format, dataValidation: this.dataValidation };
  }

  get address(): string {
    return this._get("address");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  set columnHidden(v: boolean) {
    this._set("columnHidden", v);
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
  // Office.js types these as any[][]; the fake checks shapes and types when the request runs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get values(): any[][] {
    return this._get("values");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set values(v: any[][]) {
    this._set("values", v);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get numberFormat(): any[][] {
    return this._get("numberFormat");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set numberFormat(v: any[][]) {
    this._set("numberFormat", v);
  }

  getCell(row: number, column: number): FakeRange {
    return this._derive("getCell", [row, column], (r) => ({ top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (r) => ({ ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (r) => ({
      top: r.top + rowOffset,
      bottom: r.bottom + rowOffset,
      left: r.left + columnOffset,
      right: r.right + columnOffset,
    }));
  }
  merge(across?: boolean): void {
    this._call("merge", [across ?? false], () => mergeCells(this._areas(), this._must().rect, across ?? false));
  }
  select(): void {
    this._call("select", [], () => {
      const t = this._must();
      checkSelectable(this._ctx._state, t.sheet);
      this._ctx._state.selection = { sheet: t.sheet, range: { ...t.rect } };
    });
  }
  copyFrom(sourceRange: string, copyType: "Formats"): void {
    this._call("copyFrom", [sourceRange, copyType], () => {
      if (copyType !== "Formats") throw new FakeOfficeError("NotImplemented", `copyFrom("${String(copyType)}") is not in the fake.`);
      const t = this._must();
      copyFormats(sourceFromAddress(this._ctx._state, sourceRange, t.sheet), t.sheet, t.rect);
    });
  }
  clear(applyTo?: "All" | "Formats" | "Contents"): void {
    this._call("clear", [applyTo ?? "All"], () => clearCells(this._areas(), applyTo ?? "All", this._ctx._state));
  }
  /** Inserts blank cells here and shifts the rest down or right; returns the new blank cells (the same address). */
  insert(shift: "Down" | "Right"): FakeRange {
    this._shift("insert", shift, ["Down", "Right"]);
    return new FakeRange(this, "insert", [shift], () => this._must());
  }
  /** Deletes these cells and shifts the rest up or left. */
  delete(shift: "Up" | "Left"): void {
    this._shift("delete", shift, ["Up", "Left"]);
  }
  private _shift(name: string, shift: Shift, allowed: Shift[]): void {
    this._call(name, [shift], () => {
      if (!allowed.includes(shift)) throw new FakeOfficeError("InvalidArgument", `Range.${name} takes ${allowed.join(" or ")}, not ${JSON.stringify(shift)}.`, `Range.${name}`);
      const t = this._must();
      shiftCells(t.sheet, t.rect, shift);
      const rows = shift === "Down" || shift === "Up";
      const whole = rows ? t.rect.left === 0 && t.rect.right === 16383 : t.rect.top === 0 && t.rect.bottom === 1048575;
      const changeType = whole ? (rows ? (shift === "Down" ? "RowInserted" : "RowDeleted") : shift === "Right" ? "ColumnInserted" : "ColumnDeleted") : shift === "Down" || shift === "Right" ? "CellInserted" : "CellDeleted";
      this._ctx._state.events.note(t.sheet, t.rect, changeType, undefined, shift);
    });
  }
  /**
   * ExcelApi 1.13: the merged areas whose top-left cell lies in this range; a null object when there are
   * none. An area reaching in from above or the left is left out, as Excel does (OfficeDev/office-js#3611).
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this,
      "getMergedAreasOrNullObject",
      [],
      () => {
        if (!versionAtMost("1.13", this._ctx._state.apiVersion)) throw new FakeOfficeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13.", "Range.getMergedAreasOrNullObject");
        const t = this._must();
        const rects = t.sheet.merges.overlapping(t.rect).filter((m) => m.top >= t.rect.top && m.left >= t.rect.left);
        // Documented: more than 512 merged areas in the range and the method fails.
        if (rects.length > 512) throw new FakeOfficeError("InvalidOperation", "More than 512 merged areas in the range.", "Range.getMergedAreasOrNullObject");
        return rects.length ? { sheet: t.sheet, rects: rects.map((r) => ({ ...r })) } : null;
      },
      true,
    );
  }
  /**
   * Cells of a kind in the range (ExcelApi 1.9): the fake knows only "Formulas", given as runs down each
   * column (Excel may join them otherwise; the host takes any rectangles). A null object where there are none.
   */
  getSpecialCellsOrNullObject(cellType: "Formulas"): FakeRangeAreas {
    return new FakeRangeAreas(
      this,
      "getSpecialCellsOrNullObject",
      [cellType],
      () => {
        if (cellType !== "Formulas") throw new FakeOfficeError("NotImplemented", `getSpecialCellsOrNullObject(${JSON.stringify(cellType)}) is not in the fake.`);
        const t = this._must();
        const found: { row: number; col: number }[] = [];
        for (const [key, cell] of t.sheet.cells) {
          const row = Math.floor(key / 16384);
          const col = key % 16384;
          if (cell.f !== undefined && row >= t.rect.top && row <= t.rect.bottom && col >= t.rect.left && col <= t.rect.right) found.push({ row, col });
        }
        found.sort((a, b) => a.col - b.col || a.row - b.row);
        const rects: CellRange[] = [];
        for (const { row, col } of found) {
          const last = rects[rects.length - 1];
          if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
          else rects.push({ top: row, left: col, bottom: row, right: col });
        }
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this,
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      () => {
        const t = this._must();
        const used = t.sheet.usedRange(valuesOnly ?? false);
        if (!used) return null;
        const r = { top: Math.max(used.top, t.rect.top), left: Math.max(used.left, t.rect.left), bottom: Math.min(used.bottom, t.rect.bottom), right: Math.min(used.right, t.rect.right) };
        if (r.top > r.bottom || r.left > r.right) return null;
        // The bounding box of the cells in use inside this range.
        let box: CellRange | undefined;
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            const c = t.sheet.cell(row, col);
            if (valuesOnly && c.v === "" && c.f === undefined) continue;
            if (!valuesOnly && c.v === "" && c.f === undefined && c.nf === "General" && c.fmt === DEFAULT_FORMAT) continue;
            box = box ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) } : { top: row, left: col, bottom: row, right: col };
          }
        }
        // Merged cells count as formatted (SheetState.usedRange), as far as they lie inside this range.
        if (!valuesOnly) {
          for (const m of t.sheet.merges.overlapping(r)) {
            const a = { top: Math.max(m.top, r.top), left: Math.max(m.left, r.left), bottom: Math.min(m.bottom, r.bottom), right: Math.min(m.right, r.right) };
            box = box ? unionRange(box, a) : a;
          }
        }
        return box ? { sheet: t.sheet, rect: box } : null;
      },
      true,
    );
  }
  getCellProperties(options: XlCellPropertiesLoadOptions): XlClientResult<XlCellProperties[][]> {
    const result = new FakeClientResult<XlCellProperties[][]>();
    this._ctx._enqueue({
      obj: this,
      kind: "call",
      name: "getCellProperties",
      args: [options],
      run: (res) => {
        const t = this._must();
        const value = getCellProperties(t.sheet, t.rect, options);
        res.add("getCellProperties", value);
        res.land(() => result._resolve(value));
      },
    });
    return result;
  }
  getColumnProperties(options: XlColumnPropertiesLoadOptions): XlClientResult<XlColumnProperties[]> {
    const result = new FakeClientResult<XlColumnProperties[]>();
    this._ctx._enqueue({
      obj: this,
      kind: "call",
      name: "getColumnProperties",
      args: [options],
      run: (res) => {
        const t = this._must();
        const value = getColumnProperties(t.sheet, t.rect, options);
        res.add("getColumnProperties", value);
        res.land(() => result._resolve(value));
      },
    });
    return result;
  }
  setCellProperties(data: XlSettableCellProperties[][]): void {
    this._call("setCellProperties", [data], () => {
      const t = this._must();
      setCellProperties(t.sheet, t.rect, data);
    });
  }
}

export class FakeRangeAreas extends FakeObject implements XlRangeAreas {
  readonly _type = "RangeAreas";
  readonly format: FakeRangeFormat;
  private _memo: Areas | null | undefined;

  constructor(parent: FakeObject, method: string, args: unknown[], private readonly _resolver: () => Areas | null, orNull = false) {
    super(parent._ctx, parent, method, args);
    this.format = new FakeRangeFormat(this, () => this._areas());
    if (orNull) this._resolveLater(() => this._resolve() !== null);
  }

  private _resolve(): Areas | null {
    if (this._memo === undefined) this._memo = this._resolver();
    return this._memo;
  }

  _areas(): Areas {
    const a = this._resolve();
    if (!a) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", "RangeAreas");
    return a;
  }

  protected override _props(): Record<string, Prop> {
    const a = (): Areas => this._areas();
    return {
      address: { get: () => a().rects.map((r) => `${quoteSheet(a().sheet.name)}!${excelAddress(r)}`).join(",") },
      areaCount: { get: () => a().rects.length },
      cellCount: { get: () => a().rects.reduce((n, r) => n + cellCount(r), 0) },
    };
  }
  protected override _navs(): Record<string, FakeObject> {
    return { format: this.format };
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  clear(applyTo?: "All" | "Formats" | "Contents"): void {
    this._call("clear", [applyTo ?? "All"], () => clearCells(this._areas(), applyTo ?? "All", this._ctx._state));
  }
  select(): void {
    this._call("select", [], () => {
      const a = this._areas();
      checkSelectable(this._ctx._state, a.sheet);
      this._ctx._state.selection = { sheet: a.sheet, range: { ...a.rects[0] } };
    });
  }
}
