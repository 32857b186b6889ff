// Worksheet events as Excel raises them (ExcelApi 1.7; the collection's onChanged 1.9; onNameChanged 1.17).
// - A handler is registered when the request carrying `add` runs, and removed when the one carrying
//   `remove` runs; removing needs the request context it was added in (EventHandlerResult's note).
// - Handlers are called after the request or the user's action, asynchronously, as in Excel.
// - onChanged fires for values (typed, pasted, cleared, written by an add-in) and for inserted or deleted
//   rows, columns and cells; formatting fires no onChanged (it has its own event, onFormatChanged).
// - onFormatChanged (ExcelApi 1.9) fires for formats and number formats, set by a person or by an add-in
//   (whether Excel raises it for an add-in's writes is not documented: the fake does, the stricter case), one
//   event per rectangle of the cells a request formatted. Its arguments cannot tell this add-in's writes apart.
// - Our add-in's own writes carry triggerSource "ThisLocalAddin" (ExcelApi 1.14; absent before it).
// - `details` (ExcelApi 1.9) is there only when one cell changed, as documented.
import type { XlAddedEventArgs, XlChangedEventArgs, XlDeletedEventArgs, XlEventHandlerResult, XlEventHandlers, XlFormatChangedEventArgs, XlNameChangedEventArgs } from "../excel/live/api";
import { excelAddress } from "../excel/a1";
import { CellSet } from "../excel/cells";
import type { CellRange } from "../engine/vocab/types";
import { FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import type { RawValue, SheetState, WorkbookState } from "./state";
import { versionAtMost } from "./version";

export type FakeEventName = "onChanged" | "onAdded" | "onDeleted" | "onNameChanged" | "onFormatChanged";
type AnyArgs = XlChangedEventArgs | XlAddedEventArgs | XlDeletedEventArgs | XlNameChangedEventArgs | XlFormatChangedEventArgs;
type Handler = (args: never) => Promise<unknown>;

interface Registration {
  /** "worksheets" (the collection) or a sheet's id. */
  scope: string;
  event: FakeEventName;
  handler: Handler;
}

export type ChangeType = XlChangedEventArgs["changeType"];

/** A change noted while a request runs, raised once the request has finished. */
interface Noted {
  sheet: SheetState;
  rect: CellRange;
  changeType: ChangeType;
  before?: RawValue;
  shift?: ShiftDirection;
}

/** How inserted or deleted cells moved the others. */
export type ShiftDirection = "Down" | "Right" | "Up" | "Left";

/** Where changes are noted and handlers kept: one per fake workbook. */
export class EventBus {
  registrations: Registration[] = [];
  /** Handler calls still running or queued (tests await `settled`). */
  private running = new Set<Promise<unknown>>();
  /** Errors thrown by handlers (Excel swallows them; tests look). */
  errors: unknown[] = [];
  private noted: Noted[] = [];
  /** Cells each sheet's formats were set on by the request running (only while onFormatChanged has a handler). */
  private formatted = new Map<SheetState, CellSet>();

  constructor(private readonly wb: WorkbookState) {}

  /** A request starts: its format writes are watched when someone listens for them. */
  beginRequest(): void {
    if (!this.registrations.some((r) => r.event === "onFormatChanged")) return;
    for (const sheet of this.wb.sheets) {
      sheet.formatWatch = (row, col) => {
        let set = this.formatted.get(sheet);
        if (!set) this.formatted.set(sheet, (set = new CellSet()));
        set.add(row, col);
      };
    }
  }

  /** A write by the add-in, inside a request: raised when the request has run. */
  note(sheet: SheetState, rect: CellRange, changeType: ChangeType = "RangeEdited", before?: RawValue, shift?: ShiftDirection): void {
    if (this.registrations.length) this.noted.push({ sheet, rect: { ...rect }, changeType, before, shift });
  }

  /** Forget what was noted (a user's change, raised by the caller with its own source). */
  discardNoted(): void {
    this.noted = [];
  }

  /** Raise what the request just run noted, as the add-in's own changes. */
  flush(): void {
    const list = this.noted;
    this.noted = [];
    for (const sheet of this.wb.sheets) sheet.formatWatch = undefined;
    const formatted = this.formatted;
    this.formatted = new Map();
    for (const n of list) this.changed(n.sheet, n.rect, n.changeType, "Local", true, n.before, n.shift);
    for (const [sheet, cells] of formatted) for (const rect of cells.rects()) this.formatChanged(sheet, rect, "Local");
  }

  /** Formats set on `area` (by a person, or by the add-in's request: flush). */
  formatChanged(sheet: SheetState, area: CellRange, source: "Local" | "Remote"): void {
    const args: XlFormatChangedEventArgs = { address: excelAddress(area), source, worksheetId: sheet.id };
    this.raise("onFormatChanged", [sheet.id, "worksheets"], args);
  }

  /** Several areas (a Ctrl-selection) are one change, their addresses listed, as VBA's Target is one multi-area range. */
  changed(sheet: SheetState, area: CellRange | CellRange[], changeType: ChangeType, source: "Local" | "Remote", byAddin: boolean, before?: RawValue, shift?: ShiftDirection): void {
    const v = this.wb.apiVersion;
    const areas = Array.isArray(area) ? area : [area];
    const rect = areas[0];
    const single = areas.length === 1 && rect.top === rect.bottom && rect.left === rect.right && changeType === "RangeEdited";
    const args: XlChangedEventArgs = {
      address: areas.map(excelAddress).join(","),
      changeType,
      source,
      worksheetId: sheet.id,
      // Typed as always there; Excel leaves them out before their requirement set, and `details` for several cells.
      triggerSource: (versionAtMost("1.14", v) ? (byAddin ? "ThisLocalAddin" : "Unknown") : undefined) as XlChangedEventArgs["triggerSource"],
      details: (versionAtMost("1.9", v) && single ? detail(before, sheet.cell(rect.top, rect.left).v) : undefined) as XlChangedEventArgs["details"],
      // ExcelApi 1.14: which way inserted or deleted cells moved the others; one of the two is undefined, as documented.
      changeDirectionState: (versionAtMost("1.14", v)
        ? { insertShiftDirection: shift === "Down" || shift === "Right" ? shift : undefined, deleteShiftDirection: shift === "Up" || shift === "Left" ? shift : undefined }
        : undefined) as XlChangedEventArgs["changeDirectionState"],
    };
    this.raise("onChanged", [sheet.id, "worksheets"], args);
  }

  added(sheet: SheetState, source: "Local" | "Remote"): void {
    const args: XlAddedEventArgs = { source, worksheetId: sheet.id };
    this.raise("onAdded", ["worksheets"], args);
  }

  deleted(sheet: SheetState, source: "Local" | "Remote"): void {
    const args: XlDeletedEventArgs = { source, worksheetId: sheet.id };
    this.raise("onDeleted", ["worksheets"], args);
  }

  renamed(sheet: SheetState, before: string, source: "Local" | "Remote"): void {
    const args: XlNameChangedEventArgs = { source, worksheetId: sheet.id, nameBefore: before, nameAfter: sheet.name };
    this.raise("onNameChanged", ["worksheets"], args);
  }

  private raise(event: FakeEventName, scopes: string[], args: AnyArgs): void {
    for (const r of this.registrations) {
      if (r.event !== event || !scopes.includes(r.scope)) continue;
      const call = Promise.resolve()
        .then(() => (r.handler as (a: AnyArgs) => Promise<unknown>)({ ...args }))
        .catch((e: unknown) => this.errors.push(e))
        .finally(() => this.running.delete(call));
      this.running.add(call);
    }
  }

  /** Resolves when every handler called so far has finished. */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }
}

function detail(before: RawValue | undefined, after: RawValue): Excel.ChangedEventDetail {
  const kind = (v: RawValue | undefined): Excel.ChangedEventDetail["valueTypeAfter"] =>
    v === undefined || v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
  // valueAsJson* (ExcelApi 1.16): the value as a CellValue object.
  const json = (v: RawValue | undefined): Excel.CellValue => ({ type: kind(v), basicValue: v ?? "" }) as Excel.CellValue;
  return { valueBefore: before ?? "", valueAfter: after, valueTypeBefore: kind(before), valueTypeAfter: kind(after), valueAsJsonBefore: json(before), valueAsJsonAfter: json(after) };
}

const MIN_VERSION: Record<string, string> = { "Worksheet.onChanged": "1.7", "WorksheetCollection.onChanged": "1.9", "WorksheetCollection.onFormatChanged": "1.9", "WorksheetCollection.onAdded": "1.7", "WorksheetCollection.onDeleted": "1.7", "WorksheetCollection.onNameChanged": "1.17" };

export class FakeEventHandlerResult extends FakeObject implements XlEventHandlerResult {
  readonly _type = "EventHandlerResult";
  constructor(
    handlers: FakeObject,
    private readonly _registration: Registration,
  ) {
    super(handlers._ctx, handlers, "add", []);
  }
  /** The request context the handler was added in: `remove` must be sent there (Excel.run(context, …)). */
  get context(): FakeObject["_ctx"] {
    return this._ctx;
  }
  remove(): void {
    this._call("remove", [], () => {
      const regs = this._ctx._state.events.registrations;
      const at = regs.indexOf(this._registration);
      if (at < 0) throw new FakeOfficeError("InvalidOperation", "The event handler was not registered (or was removed already).", "EventHandlerResult.remove");
      regs.splice(at, 1);
    });
  }
}

export class FakeEventHandlers<T> extends FakeObject implements XlEventHandlers<T> {
  readonly _type = "EventHandlers";
  constructor(
    parent: FakeObject,
    private readonly _event: FakeEventName,
    private readonly _owner: "Worksheet" | "WorksheetCollection",
    private readonly _scope: () => string,
  ) {
    super(parent._ctx, parent, _event, []);
  }
  add(handler: (args: T) => Promise<unknown>): FakeEventHandlerResult {
    if (typeof handler !== "function") throw new FakeOfficeError("InvalidArgument", "An event handler must be a function.");
    const registration: Registration = { scope: "", event: this._event, handler: handler as Handler };
    this._call("add", [], () => {
      const need = MIN_VERSION[`${this._owner}.${this._event}`];
      if (!versionAtMost(need, this._ctx._state.apiVersion)) throw new FakeOfficeError("ApiNotFound", `${this._owner}.${this._event} needs ExcelApi ${need}.`, `${this._owner}.${this._event}`);
      registration.scope = this._scope();
      this._ctx._state.events.registrations.push(registration);
    });
    return new FakeEventHandlerResult(this, registration);
  }
}
