// Excel tables (ListObjects), read-only in the fake: the host only reads them.
import type { XlTable, XlTableCollection } from "../excel/api";
import type { Prop } from "./context";
import { FakeCollection, FakeObject } from "./context";
import { FakeRange } from "./range";
import type { SheetState } from "./state";
import { FakeWorksheet } from "./worksheet";

interface TableRef {
  sheet: SheetState;
  index: number;
}

export class FakeTable extends FakeObject implements XlTable {
  readonly _type = "Table";
  readonly worksheet: FakeWorksheet;
  constructor(parent: FakeObject, index: number, private readonly _ref: TableRef) {
    super(parent._ctx, parent, "_item", [index]);
    this.worksheet = new FakeWorksheet(this, "worksheet", [], () => _ref.sheet);
  }
  private _table(): SheetState["tables"][number] {
    return this._ref.sheet.tables[this._ref.index];
  }
  protected override _props(): Record<string, Prop> {
    return { name: { get: () => this._table().name }, showTotals: { get: () => this._table().showTotals ?? false } };
  }
  protected override _navs(): Record<string, FakeObject> {
    return { worksheet: this.worksheet };
  }
  get name(): string {
    return this._get("name");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  getRange(): FakeRange {
    return new FakeRange(this, "getRange", [], () => ({ sheet: this._ref.sheet, rect: { ...this._table().range } }));
  }
}

/** Tables of one sheet, or of the whole workbook when `sheets` lists every sheet. */
export class FakeTableCollection extends FakeCollection<FakeTable> implements XlTableCollection {
  readonly _type = "TableCollection";
  constructor(parent: FakeObject, method: string, private readonly _sheets: () => SheetState | SheetState[]) {
    super(parent._ctx, parent, method, []);
  }
  protected _list(): FakeTable[] {
    const s = this._sheets();
    const sheets = Array.isArray(s) ? s : [s];
    const refs = sheets.flatMap((sheet) => sheet.tables.map((_, index) => ({ sheet, index })));
    return refs.map((ref, i) => new FakeTable(this, i, ref));
  }
}
