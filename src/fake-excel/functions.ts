// Worksheet functions as Excel evaluates them (ExcelApi 1.2), the one the add-in asks: YEAR, whose answer for
// serial 1 tells the workbook's date system (1900, or 1904 in a workbook made by Excel for Mac's old default).
import type { XlFunctionResult, XlFunctions } from "../excel/api";
import type { Prop } from "./context";
import { FakeObject } from "./context";
import type { WorkbookState } from "./state";

const DAY_MS = 86_400_000;

/** The year of a date serial in the workbook's date system; Excel's 1900 system counts a 29 February 1900. */
export function serialYear(serial: number, date1904: boolean): number {
  const day = Math.floor(serial);
  if (date1904) return new Date(Date.UTC(1904, 0, 1) + day * DAY_MS).getUTCFullYear();
  return day < 61 ? 1900 : new Date(Date.UTC(1899, 11, 30) + day * DAY_MS).getUTCFullYear();
}

class FakeFunctionResult extends FakeObject implements XlFunctionResult<number> {
  readonly _type = "FunctionResult";
  constructor(parent: FakeObject, method: string, args: unknown[], private readonly _answer: () => { value: number | null; error: string | null }) {
    super(parent._ctx, parent, method, args);
  }
  protected override _props(): Record<string, Prop> {
    return { value: { get: () => this._answer().value }, error: { get: () => this._answer().error } };
  }
  get value(): number {
    return this._get("value");
  }
  get error(): string {
    return this._get("error");
  }
}

export class FakeFunctions extends FakeObject implements XlFunctions {
  readonly _type = "Functions";
  constructor(parent: FakeObject, private readonly _state: () => WorkbookState) {
    super(parent._ctx, parent, "functions", []);
  }
  year(serialNumber: number): FakeFunctionResult {
    return new FakeFunctionResult(this, "year", [serialNumber], () => {
      const ok = typeof serialNumber === "number" && Number.isFinite(serialNumber) && serialNumber >= 0 && serialNumber < 2958466;
      return ok ? { value: serialYear(serialNumber, this._state().date1904), error: null } : { value: null, error: typeof serialNumber === "number" ? "#NUM!" : "#VALUE!" };
    });
  }
}
