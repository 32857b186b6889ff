// An officer's conditional formats, as Range.conditionalFormats (ExcelApi 1.6) lists them: every format
// with an area that intersects the range, in the order the sheet lists them. Read only, and only their kind: the
// add-in never adds one, and reads no rule or format (Office.js gives a fill only per kind, item by item).
import type { XlConditionalFormat, XlConditionalFormatCollection } from "../excel/api";
import type { CellRange } from "../engine/vocab/types";
import type { Prop } from "./context";
import { FakeCollection, FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import type { SheetState } from "./state";
import { versionAtMost } from "./version";

export interface ConditionalFormatState {
  type: XlConditionalFormat["type"];
  /** The cells it applies to: one rule may cover several areas ("A4:Z100 AB4:AB100"). */
  areas: CellRange[];
  /** A rule Office.js fails to list (office-js#6827: two cell value rules on one table column; #6835: a duplicated rule). */
  unlisted?: boolean;
}

const FORMATS = new WeakMap<SheetState, ConditionalFormatState[]>();

/** A sheet's conditional formats, highest priority first. */
export function conditionalFormatsOf(sheet: SheetState): ConditionalFormatState[] {
  let list = FORMATS.get(sheet);
  if (!list) FORMATS.set(sheet, (list = []));
  return list;
}

const meets = (a: CellRange, b: CellRange): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export class FakeConditionalFormat extends FakeObject implements XlConditionalFormat {
  readonly _type = "ConditionalFormat";
  constructor(parent: FakeObject, index: number, private readonly _state: ConditionalFormatState) {
    super(parent._ctx, parent, "_item", [index]);
  }
  protected override _props(): Record<string, Prop> {
    return { type: { get: () => this._state.type } };
  }
  get type(): XlConditionalFormat["type"] {
    return this._get("type");
  }
}

/** The formats over a range; `target` is the range's sheet and rectangle, resolved when the request runs. */
export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat> implements XlConditionalFormatCollection {
  readonly _type = "ConditionalFormatCollection";
  constructor(
    parent: FakeObject,
    private readonly _target: () => { sheet: SheetState; rect: CellRange },
  ) {
    super(parent._ctx, parent, "conditionalFormats", []);
  }
  protected _list(): FakeConditionalFormat[] {
    if (!versionAtMost("1.6", this._ctx._state.apiVersion)) throw new FakeOfficeError("ApiNotFound", "Range.conditionalFormats needs ExcelApi 1.6, which this Excel does not support.");
    const { sheet, rect } = this._target();
    const over = conditionalFormatsOf(sheet).filter((f) => f.areas.some((a) => meets(a, rect)));
    if (over.some((f) => f.unlisted)) throw new FakeOfficeError("GeneralException", "This operation is not permitted for the current object.", "ConditionalFormatCollection.items");
    return over.map((state, i) => new FakeConditionalFormat(this, i, state));
  }
}
