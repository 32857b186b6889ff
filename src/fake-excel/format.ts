// range.format and its fill, font and borders, for a Range or a RangeAreas.
import type { XlBorderIndex, XlRangeBorder, XlRangeBorderCollection, XlRangeFill, XlRangeFont, XlRangeFormat } from "../excel/api";
import type { Areas, BorderIndex } from "./cells";
import { formatCells, normColor, readBorder, setBorder, setColumnWidth, setRowHeight, uniform } from "./cells";
import type { Prop } from "./context";
import { FakeObject } from "./context";
import { FakeOfficeError } from "./errors";
import { plainFill, plainFont, STANDARD_HEIGHT, STANDARD_WIDTH } from "./state";
import type { CellFormat } from "./state";

type Target = () => Areas;

function fmtProp<K extends keyof CellFormat>(target: Target, key: K, check: (v: unknown) => CellFormat[K]): Prop {
  return {
    get: () => uniform(target(), (f) => f[key]),
    set: (v) => {
      const value = check(v);
      formatCells(target(), `${key}=${JSON.stringify(value)}`, (f) => ({ ...f, [key]: value }));
    },
  };
}

const isBool = (v: unknown): boolean => {
  if (typeof v !== "boolean") throw new FakeOfficeError("InvalidArgument", "Expected true or false.");
  return v;
};
const isString = (v: unknown): string => {
  if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "Expected text.");
  return v;
};
const isSize = (v: unknown): number => {
  if (typeof v !== "number" || v < 1 || v > 409) throw new FakeOfficeError("InvalidArgument", "Font size out of range.");
  return v;
};
const oneOf =
  (allowed: string[]) =>
  (v: unknown): string => {
    if (typeof v !== "string" || !allowed.includes(v)) throw new FakeOfficeError("InvalidArgument", `Expected one of ${allowed.join(", ")}.`);
    return v;
  };

export class FakeRangeFill extends FakeObject implements XlRangeFill {
  readonly _type = "RangeFill";
  constructor(parent: FakeObject, private readonly _target: Target) {
    super(parent._ctx, parent, "fill", []);
  }
  protected override _props(): Record<string, Prop> {
    return {
      color: {
        get: () => uniform(this._target(), (f) => f.fill ?? "#FFFFFF"),
        set: (v) => {
          const c = normColor(v);
          formatCells(this._target(), `fill=${c}`, (f) => ({ ...plainFill(f), fill: c }));
        },
      },
      // "None" when a cell has no fill; a pattern the cell has, else "Solid".
      pattern: { get: () => uniform(this._target(), (f) => (f.fill ? (f.pattern ?? "Solid") : "None")) },
    };
  }
  get pattern(): XlRangeFill["pattern"] {
    return this._get("pattern");
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v);
  }
  clear(): void {
    this._call("clear", [], () => formatCells(this._target(), "fill=null", (f) => ({ ...plainFill(f), fill: null })));
  }
}

export class FakeRangeFont extends FakeObject implements XlRangeFont {
  readonly _type = "RangeFont";
  constructor(parent: FakeObject, private readonly _target: Target) {
    super(parent._ctx, parent, "font", []);
  }
  protected override _props(): Record<string, Prop> {
    const t = this._target;
    return {
      bold: fmtProp(t, "bold", isBool),
      color: {
        get: () => uniform(t(), (f) => f.fontColor),
        set: (v) => {
          const c = normColor(v);
          formatCells(t(), `fontColor=${c}`, (f) => ({ ...plainFont(f), fontColor: c }));
        },
      },
      italic: fmtProp(t, "italic", isBool),
      name: fmtProp(t, "fontName", isString),
      size: fmtProp(t, "fontSize", isSize),
    };
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v);
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v);
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v);
  }
}

const STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];
type Style = XlRangeBorder["style"];
type Weight = XlRangeBorder["weight"];

export class FakeRangeBorder extends FakeObject implements XlRangeBorder {
  readonly _type = "RangeBorder";
  constructor(parent: FakeObject, private readonly _target: Target, private readonly _index: BorderIndex) {
    super(parent._ctx, parent, "getItem", [_index]);
  }
  protected override _props(): Record<string, Prop> {
    const part =
      <K extends "style" | "color" | "weight">(k: K, check: (v: unknown) => string): Prop => ({
        get: () => readBorder(this._target(), this._index)?.[k] ?? null,
        set: (v) => setBorder(this._target(), this._index, { [k]: check(v) }),
      });
    return { style: part("style", oneOf(STYLES)), color: part("color", normColor), weight: part("weight", oneOf(WEIGHTS)) };
  }
  get style(): Style {
    return this._get("style");
  }
  set style(v: Style) {
    this._set("style", v);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v);
  }
  get weight(): Weight {
    return this._get("weight");
  }
  set weight(v: Weight) {
    this._set("weight", v);
  }
}

export class FakeRangeBorderCollection extends FakeObject implements XlRangeBorderCollection {
  readonly _type = "RangeBorderCollection";
  constructor(parent: FakeObject, private readonly _target: Target) {
    super(parent._ctx, parent, "borders", []);
  }
  getItem(index: XlBorderIndex): FakeRangeBorder {
    if (index === "DiagonalDown" || index === "DiagonalUp") throw new FakeOfficeError("NotImplemented", "Diagonal borders are not in the fake.");
    return new FakeRangeBorder(this, this._target, index);
  }
}

type HAlign = XlRangeFormat["horizontalAlignment"];
type VAlign = XlRangeFormat["verticalAlignment"];

export class FakeRangeFormat extends FakeObject implements XlRangeFormat {
  readonly _type = "RangeFormat";
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(parent: FakeObject, private readonly _target: Target) {
    super(parent._ctx, parent, "format", []);
    this.fill = new FakeRangeFill(this, _target);
    this.font = new FakeRangeFont(this, _target);
    this.borders = new FakeRangeBorderCollection(this, _target);
  }
  protected override _navs(): Record<string, FakeObject> {
    return { fill: this.fill, font: this.font };
  }
  protected override _props(): Record<string, Prop> {
    const t = this._target;
    const widths = (): number | null => {
      const a = t();
      const seen = new Set<number>();
      for (const r of a.rects) for (let c = r.left; c <= r.right; c++) seen.add(a.sheet.colWidths.get(c) ?? STANDARD_WIDTH);
      return seen.size === 1 ? [...seen][0] : null;
    };
    const heights = (): number | null => {
      const a = t();
      const seen = new Set<number>();
      for (const r of a.rects) for (let row = r.top; row <= r.bottom; row++) seen.add(a.sheet.rowHeights.get(row) ?? STANDARD_HEIGHT);
      return seen.size === 1 ? [...seen][0] : null;
    };
    return {
      columnWidth: { get: widths, set: (v) => setColumnWidth(t(), v) },
      rowHeight: { get: heights, set: (v) => setRowHeight(t(), v) },
      wrapText: fmtProp(t, "wrap", isBool),
      horizontalAlignment: fmtProp(t, "hAlign", oneOf(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"])),
      verticalAlignment: fmtProp(t, "vAlign", oneOf(["Top", "Center", "Bottom", "Justify", "Distributed"])),
    };
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._set("columnWidth", v);
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._set("rowHeight", v);
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v);
  }
  get horizontalAlignment(): HAlign {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: HAlign) {
    this._set("horizontalAlignment", v);
  }
  get verticalAlignment(): VAlign {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: VAlign) {
    this._set("verticalAlignment", v);
  }
}
