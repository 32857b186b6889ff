// Worksheet proxy with its protection, freeze panes and page layout.
import type { XlFreezePanes, XlWorksheet, XlWorksheetProtection } from "../excel/api";
import { MAX_COLS, MAX_ROWS } from "../excel/a1";
import type { CellRange } from "../engine/vocab/types";
import { normColor } from "./cells";
import type { Prop } from "./context";
import { FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import { versionAtMost } from "./version";
import { FakeRange, FakeRangeAreas } from "./range";
import { FakePageBreakCollection, FakePageLayout, parseSheetAddress } from "./pagelayout";
import type { SheetState, WorkbookState } from "./state";
import { FakeTableCollection } from "./tables";
import { FakeNamedItemCollection } from "./names";
import { FakeChartCollection } from "./charts";
import { FakeShapeCollection } from "./drawings";
import type { XlChangedEventArgs, XlLiveWorksheet } from "../excel/live/api";
import { FakeEventHandlers } from "./events";

const BAD_NAME = /[[\]:*?/\\]/;

export function checkSheetName(state: WorkbookState, name: unknown, self?: SheetState): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || BAD_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new FakeOfficeError("InvalidArgument", `The sheet name ${JSON.stringify(name)} is not valid.`);
  }
  const other = state.find(name);
  if (other && other !== self) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
  return name;
}

class FakeWorksheetProtection extends FakeObject implements XlWorksheetProtection {
  readonly _type = "WorksheetProtection";
  constructor(private readonly _ws: FakeWorksheet) {
    super(_ws._ctx, _ws, "protection", []);
  }
  protected override _props(): Record<string, Prop> {
    return { protected: { get: () => this._ws._sheet().protected } };
  }
  get protected(): boolean {
    return this._get("protected");
  }
}

class FakeFreezePanes extends FakeObject implements XlFreezePanes {
  readonly _type = "WorksheetFreezePanes";
  constructor(private readonly _ws: FakeWorksheet) {
    super(_ws._ctx, _ws, "freezePanes", []);
  }
  private _freeze(name: string, args: unknown[], rows: () => number, cols: () => number): void {
    this._call(name, args, () => (this._ws._sheet().frozen = { rows: rows(), cols: cols() }));
  }
  freezeRows(count?: number): void {
    this._freeze("freezeRows", [count ?? 1], () => count ?? 1, () => 0);
  }
  freezeColumns(count?: number): void {
    this._freeze("freezeColumns", [count ?? 1], () => 0, () => count ?? 1);
  }
  freezeAt(frozenRange: string): void {
    const r = (): CellRange => parseSheetAddress(this._ws._sheet(), frozenRange, false)[0];
    this._freeze("freezeAt", [frozenRange], () => r().bottom + 1, () => r().right + 1);
  }
  unfreeze(): void {
    this._freeze("unfreeze", [], () => 0, () => 0);
  }
}

export class FakeWorksheet extends FakeObject implements XlWorksheet, XlLiveWorksheet {
  readonly _type = "Worksheet";
  /** ExcelApi 1.7: this sheet's data changed (events.ts). */
  readonly onChanged: FakeEventHandlers<XlChangedEventArgs>;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreakCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly charts: FakeChartCollection;
  readonly shapes: FakeShapeCollection;
  private _memo: SheetState | null | undefined;

  constructor(parent: FakeObject, method: string, args: unknown[], private readonly _resolver: () => SheetState | null, orNull = false) {
    super(parent._ctx, parent, method, args);
    this.protection = new FakeWorksheetProtection(this);
    this.freezePanes = new FakeFreezePanes(this);
    this.pageLayout = new FakePageLayout(this);
    this.horizontalPageBreaks = new FakePageBreakCollection(this);
    this.tables = new FakeTableCollection(this, "tables", () => this._sheet());
    this.names = new FakeNamedItemCollection(this);
    this.charts = new FakeChartCollection(this);
    this.shapes = new FakeShapeCollection(this);
    this.onChanged = new FakeEventHandlers<XlChangedEventArgs>(this, "onChanged", "Worksheet", () => this._sheet().id);
    if (orNull) this._resolveLater(() => this._resolve() !== null);
  }

  private _resolve(): SheetState | null {
    if (this._memo === undefined) this._memo = this._resolver();
    return this._memo;
  }

  _sheet(): SheetState {
    const s = this._resolve();
    if (!s || !this._ctx._state.sheets.includes(s)) throw new FakeOfficeError("ItemNotFound", "The requested worksheet doesn't exist.", "Worksheet");
    return s;
  }

  protected override _props(): Record<string, Prop> {
    const wb = this._ctx._state;
    return {
      id: { get: () => this._sheet().id },
      name: {
        get: () => this._sheet().name,
        set: (v) => {
          if (wb.protected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
          const before = this._sheet().name;
          this._sheet().name = checkSheetName(wb, v, this._sheet());
          if (before !== this._sheet().name && versionAtMost("1.17", wb.apiVersion)) wb.events.renamed(this._sheet(), before, "Local");
        },
      },
      position: {
        get: () => wb.sheets.indexOf(this._sheet()),
        set: (v) => {
          // Moving a sheet changes the workbook's structure, as renaming one does.
          if (wb.protected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
          if (typeof v !== "number" || v < 0 || v >= wb.sheets.length) throw new FakeOfficeError("InvalidArgument", "Position out of range.");
          const s = this._sheet();
          wb.sheets.splice(wb.sheets.indexOf(s), 1);
          wb.sheets.splice(v, 0, s);
        },
      },
      // Office.js: "if the worksheet is invisible, the value will be null".
      tabColor: { get: () => (this._sheet().visibility === "Visible" ? this._sheet().tabColor : null), set: (v) => (this._sheet().tabColor = v === "" ? "" : normColor(v)) },
      visibility: {
        get: () => this._sheet().visibility,
        set: (v) => {
          if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw new FakeOfficeError("InvalidArgument", `Unknown sheet visibility ${JSON.stringify(v)}.`);
          const s = this._sheet();
          if (v === s.visibility) return;
          if (wb.protected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
          if (v !== "Visible" && !wb.sheets.some((x) => x !== s && x.visibility === "Visible")) {
            throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
          }
          s.visibility = v;
        },
      },
    };
  }
  protected override _navs(): Record<string, FakeObject> {
    return { protection: this.protection, pageLayout: this.pageLayout, tables: this.tables, names: this.names, charts: this.charts, shapes: this.shapes };
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v);
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v);
  }
  get visibility(): XlWorksheet["visibility"] {
    return this._get("visibility");
  }
  set visibility(v: XlWorksheet["visibility"]) {
    this._set("visibility", v);
  }
  /** Typed as Office.js types it; null on a hidden or very hidden sheet, as its documentation says. */
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v);
  }

  delete(): void {
    this._call("delete", [], () => {
      const wb = this._ctx._state;
      if (wb.protected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      const s = this._sheet();
      // Office.js: deleting a "VeryHidden" sheet fails with InvalidOperation; make it hidden or visible first.
      if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", `The sheet '${s.name}' is very hidden: set its visibility to hidden or visible before deleting it.`, "Worksheet.delete");
      if (wb.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      const at = wb.sheets.indexOf(s);
      wb.sheets.splice(at, 1);
      wb.events.deleted(s, "Local");
      if (wb.active === s) wb.active = wb.sheets[Math.max(0, at - 1)];
      if (wb.selection?.sheet === s) wb.selection = { sheet: wb.active!, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  activate(): void {
    this._call("activate", [], () => {
      const s = this._sheet();
      // Excel cannot show a hidden sheet's tab: activating one fails.
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `The sheet '${s.name}' is hidden and cannot be activated.`, "Worksheet.activate");
      this._ctx._state.active = s;
      this._ctx._state.selection = { sheet: s, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  /** No address: the whole sheet, as Office.js documents. */
  getRange(addr?: string): FakeRange {
    return new FakeRange(this, "getRange", [addr ?? ""], () => {
      const s = this._sheet();
      if (addr === undefined || addr === "") return { sheet: s, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      return { sheet: s, rect: parseSheetAddress(s, addr, false)[0] };
    });
  }
  getRanges(addr?: string): FakeRangeAreas {
    return new FakeRangeAreas(this, "getRanges", [addr ?? ""], () => {
      const s = this._sheet();
      return { sheet: s, rects: parseSheetAddress(s, addr, true) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this, "getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) {
        throw new FakeOfficeError("InvalidArgument", "getRangeByIndexes outside the sheet.");
      }
      return { sheet: this._sheet(), rect };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this, "getCell", [row, column], () => ({ sheet: this._sheet(), rect: { top: row, left: column, bottom: row, right: column } }));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this, "getUsedRange", [valuesOnly ?? false], () => {
      const s = this._sheet();
      return { sheet: s, rect: s.usedRange(valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this,
      "getUsedRangeOrNullObject",
      [valuesOnly ?? false],
      () => {
        const s = this._sheet();
        const rect = s.usedRange(valuesOnly ?? false);
        return rect ? { sheet: s, rect } : null;
      },
      true,
    );
  }
}
