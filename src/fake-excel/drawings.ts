// Where things sit on a sheet, in points, as Office.js reports them: a range's left, top, width and height
// (ExcelApi 1.3), a chart's (1.1) and a shape's (1.9). Drawings are anchored to cells and move and size
// with them ("TwoCell", Excel's default for charts and pictures), so their points follow the columns'
// widths and rows' heights as they are at the time of the read. Shapes are read only: the add-in never adds one.
import type { XlShape, XlShapeCollection } from "../excel/api";
import type { CellRange } from "../engine/vocab/types";
import type { Prop } from "./context";
import { FakeCollection, FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import type { SheetState } from "./state";
import { STANDARD_HEIGHT, STANDARD_WIDTH } from "./state";
import { versionAtMost } from "./version";

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Points left of a column: a hidden column is 0 wide, as Excel draws it. */
function columnsLeft(sheet: SheetState, col: number): number {
  let points = col * STANDARD_WIDTH;
  for (const [c, w] of sheet.colWidths) if (c < col) points += w - STANDARD_WIDTH;
  for (const c of sheet.hiddenCols) if (c < col) points -= sheet.colWidths.get(c) ?? STANDARD_WIDTH;
  return points;
}

function rowsAbove(sheet: SheetState, row: number): number {
  let points = row * STANDARD_HEIGHT;
  for (const [r, h] of sheet.rowHeights) if (r < row) points += h - STANDARD_HEIGHT;
  return points;
}

/** The points a rectangle of cells takes on its sheet. */
export function boxOf(sheet: SheetState, rect: CellRange): Box {
  const left = columnsLeft(sheet, rect.left);
  const top = rowsAbove(sheet, rect.top);
  return { left, top, width: columnsLeft(sheet, rect.right + 1) - left, height: rowsAbove(sheet, rect.bottom + 1) - top };
}

/** Excel's size for a chart added without a place: 360 by 216 points. */
export const NEW_CHART_POINTS = { width: 360, height: 216 };

export interface ShapeState {
  name: string;
  type: XlShape["type"];
  visible: boolean;
  /** The cells it is anchored over, top-left to bottom-right. */
  cells: CellRange;
}

const SHAPES = new WeakMap<SheetState, ShapeState[]>();

export function shapesOf(sheet: SheetState): ShapeState[] {
  let list = SHAPES.get(sheet);
  if (!list) SHAPES.set(sheet, (list = []));
  return list;
}

interface ShapeOwner extends FakeObject {
  _sheet(): SheetState;
}

export class FakeShape extends FakeObject implements XlShape {
  readonly _type = "Shape";
  constructor(parent: FakeObject, method: string, args: unknown[], private readonly _owner: ShapeOwner, private readonly _state: ShapeState) {
    super(parent._ctx, parent, method, args);
  }
  private _box(): Box {
    const sheet = this._owner._sheet();
    if (!shapesOf(sheet).includes(this._state)) throw new FakeOfficeError("ItemNotFound", "The shape no longer exists.", "Shape");
    return boxOf(sheet, this._state.cells);
  }
  protected override _props(): Record<string, Prop> {
    return {
      name: { get: () => this._state.name },
      type: { get: () => this._state.type },
      visible: { get: () => this._state.visible },
      left: { get: () => this._box().left },
      top: { get: () => this._box().top },
      width: { get: () => this._box().width },
      height: { get: () => this._box().height },
    };
  }
  get name(): string {
    return this._get("name");
  }
  get type(): XlShape["type"] {
    return this._get("type");
  }
  get visible(): boolean {
    return this._get("visible");
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
}

export class FakeShapeCollection extends FakeCollection<FakeShape> implements XlShapeCollection {
  readonly _type = "ShapeCollection";
  constructor(private readonly _ws: ShapeOwner) {
    super(_ws._ctx, _ws, "shapes", []);
  }
  protected _list(): FakeShape[] {
    if (!versionAtMost("1.9", this._ctx._state.apiVersion)) throw new FakeOfficeError("ApiNotFound", "Worksheet.shapes needs ExcelApi 1.9, which this Excel does not support.");
    return shapesOf(this._ws._sheet()).map((state, i) => new FakeShape(this, "_item", [i], this._ws, state));
  }
}
