// Workbook, its worksheet collection, settings and protection.
import { FakeFunctions } from "./functions";
import type { XlSetting, XlSettingCollection, XlWorkbook, XlWorkbookProtection, XlWorksheetCollection } from "../excel/api";
import type { Prop } from "./context";
import { FakeCollection, FakeContext, FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import { FakeRange } from "./range";
import { SheetState } from "./state";
import { FakeTableCollection } from "./tables";
import { checkSheetName, FakeWorksheet } from "./worksheet";
import type { XlAddedEventArgs, XlChangedEventArgs, XlDeletedEventArgs, XlFormatChangedEventArgs, XlLiveWorkbook, XlLiveWorksheetCollection, XlNameChangedEventArgs } from "../excel/live/api";
import { FakeEventHandlers } from "./events";

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> implements XlWorksheetCollection, XlLiveWorksheetCollection {
  readonly _type = "WorksheetCollection";
  /** Any sheet's data changed (ExcelApi 1.9). */
  readonly onChanged: FakeEventHandlers<XlChangedEventArgs>;
  readonly onAdded: FakeEventHandlers<XlAddedEventArgs>;
  readonly onDeleted: FakeEventHandlers<XlDeletedEventArgs>;
  /** Any sheet's formats changed (ExcelApi 1.9). */
  readonly onFormatChanged: FakeEventHandlers<XlFormatChangedEventArgs>;
  /** ExcelApi 1.17. */
  readonly onNameChanged: FakeEventHandlers<XlNameChangedEventArgs>;
  constructor(parent: FakeObject) {
    super(parent._ctx, parent, "worksheets", []);
    const all = (): string => "worksheets";
    this.onChanged = new FakeEventHandlers<XlChangedEventArgs>(this, "onChanged", "WorksheetCollection", all);
    this.onAdded = new FakeEventHandlers<XlAddedEventArgs>(this, "onAdded", "WorksheetCollection", all);
    this.onDeleted = new FakeEventHandlers<XlDeletedEventArgs>(this, "onDeleted", "WorksheetCollection", all);
    this.onFormatChanged = new FakeEventHandlers<XlFormatChangedEventArgs>(this, "onFormatChanged", "WorksheetCollection", all);
    this.onNameChanged = new FakeEventHandlers<XlNameChangedEventArgs>(this, "onNameChanged", "WorksheetCollection", all);
  }
  protected _list(): FakeWorksheet[] {
    return this._ctx._state.sheets.map((s, i) => new FakeWorksheet(this, "_item", [i], () => s));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this, "getItem", [key], () => {
      const s = this._ctx._state.find(key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested worksheet '${key}' doesn't exist.`, "WorksheetCollection.getItem");
      return s;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this, "getItemOrNullObject", [key], () => this._ctx._state.find(key) ?? null, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this, "getActiveWorksheet", [], () => this._ctx._state.active ?? this._ctx._state.sheets[0]);
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    const ws = new FakeWorksheet(this, "add", [name ?? ""], () => {
      if (!created) throw new FakeOfficeError("InvalidOperation", "The added worksheet was used before it was added.");
      return created;
    });
    this._call("add", [name ?? ""], () => {
      const wb = this._ctx._state;
      if (wb.protected) throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
      let n = name;
      for (let i = wb.sheets.length + 1; n === undefined || n === ""; i++) if (!wb.find(`Sheet${i}`)) n = `Sheet${i}`;
      created = new SheetState(checkSheetName(wb, n), wb.newSheetId());
      wb.sheets.push(created);
      wb.events.added(created, "Local");
    });
    return ws;
  }
}

class FakeSetting extends FakeObject implements XlSetting {
  readonly _type = "Setting";
  constructor(parent: FakeObject, method: string, private readonly _key: string, orNull = false) {
    super(parent._ctx, parent, method, [_key]);
    if (orNull) this._resolveLater(() => this._ctx._state.settings.has(_key));
  }
  private _exists(): void {
    if (!this._ctx._state.settings.has(this._key)) throw new FakeOfficeError("ItemNotFound", `The setting '${this._key}' doesn't exist.`);
  }
  protected override _props(): Record<string, Prop> {
    const settings = this._ctx._state.settings;
    return {
      key: { get: () => (this._exists(), this._key) },
      value: {
        get: () => (this._exists(), settings.get(this._key)),
        set: (v) => (this._exists(), settings.set(this._key, v)),
      },
    };
  }
  get key(): string {
    return this._get("key");
  }
  // Office.js types a setting's value as any.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this._get("value");
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set value(v: any) {
    this._set("value", v);
  }
  delete(): void {
    this._call("delete", [], () => {
      this._exists();
      this._ctx._state.settings.delete(this._key);
    });
  }
}

class FakeSettingCollection extends FakeCollection<FakeSetting> implements XlSettingCollection {
  readonly _type = "SettingCollection";
  constructor(parent: FakeObject) {
    super(parent._ctx, parent, "settings", []);
  }
  protected _list(): FakeSetting[] {
    return [...this._ctx._state.settings.keys()].map((k) => new FakeSetting(this, "_item", k));
  }
  add(key: string, value: string | number | boolean): FakeSetting {
    this._call("add", [key, value], () => {
      if (typeof key !== "string" || key === "") throw new FakeOfficeError("InvalidArgument", "A setting needs a key.");
      // Settings are stored as JSON in the document.
      this._ctx._state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new FakeSetting(this, "add", key);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this, "getItem", key);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this, "getItemOrNullObject", key, true);
  }
}

class FakeWorkbookProtection extends FakeObject implements XlWorkbookProtection {
  readonly _type = "WorkbookProtection";
  constructor(parent: FakeObject) {
    super(parent._ctx, parent, "protection", []);
  }
  protected override _props(): Record<string, Prop> {
    return { protected: { get: () => this._ctx._state.protected } };
  }
  get protected(): boolean {
    return this._get("protected");
  }
}

/** The root object: `context.workbook`. */
class FakeRoot extends FakeObject {
  readonly _type = "Application";
  constructor(ctx: FakeContext) {
    super(ctx, undefined, "workbook", []);
  }
}

export class FakeWorkbook extends FakeObject implements XlWorkbook, XlLiveWorkbook {
  readonly _type = "Workbook";
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly tables: FakeTableCollection;
  readonly protection: FakeWorkbookProtection;
  readonly functions: FakeFunctions;

  constructor(ctx: FakeContext) {
    super(ctx, new FakeRoot(ctx), "workbook", []);
    this.worksheets = new FakeWorksheetCollection(this);
    this.settings = new FakeSettingCollection(this);
    this.tables = new FakeTableCollection(this, "tables", () => this._ctx._state.sheets);
    this.protection = new FakeWorkbookProtection(this);
    this.functions = new FakeFunctions(this, () => this._ctx._state);
  }
  protected override _navs(): Record<string, FakeObject> {
    return { worksheets: this.worksheets, settings: this.settings, tables: this.tables, protection: this.protection };
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this, "getSelectedRange", [], () => {
      const sel = this._ctx._state.selection;
      const sheet = sel?.sheet ?? this._ctx._state.active ?? this._ctx._state.sheets[0];
      return { sheet, rect: sel ? { ...sel.range } : { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

/** `Excel.RequestContext` as the fake provides it. */
export class FakeRequestContext extends FakeContext {
  readonly workbook: FakeWorkbook = new FakeWorkbook(this);
}
