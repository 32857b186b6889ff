// Plan styles as ExcelJS style objects, shared between cells.
//
// ExcelJS keeps one style object per cell but, when it loads a file, cells with the same style id
// share one object: setting `cell.fill = …` would then recolour every cell of that style. So we
// never mutate a cell's style; we replace it with a new object. Cells that had the same style before
// a group get the same new object (cached by identity), which also lets ExcelJS's writer skip
// re-hashing styles it has already seen: 500,000 styled cells stay cheap.
import type { Alignment, Borders, Fill, Font, Style } from "exceljs";
import type { PlanStyle } from "../engine/plan";

/** "#1A2B3C" → "FF1A2B3C" (ExcelJS wants opaque ARGB). Undefined for anything that is not a colour. */
export function toArgb(hex: string | undefined): string | undefined {
  if (!hex) return undefined;
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

/** The parts of an ExcelJS style one plan style sets. Frozen: shared by many cells, never changed. */
export interface StyleParts {
  numFmt?: string;
  font?: Partial<Font>;
  fill?: Fill;
  alignment?: Partial<Alignment>;
  border?: Partial<Borders>;
}

export function toStyleParts(style: PlanStyle): StyleParts {
  const parts: StyleParts = {};
  if (style.numberFormat !== undefined) parts.numFmt = style.numberFormat;

  const font: Partial<Font> = {};
  if (style.fontName !== undefined) font.name = style.fontName;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  const fontArgb = toArgb(style.fontColor);
  if (fontArgb) font.color = { argb: fontArgb };
  if (Object.keys(font).length > 0) parts.font = Object.freeze(font);

  const fillArgb = toArgb(style.fill);
  if (fillArgb) parts.fill = Object.freeze({ type: "pattern", pattern: "solid", fgColor: { argb: fillArgb } }) as Fill;

  const alignment: Partial<Alignment> = {};
  if (style.wrap !== undefined) alignment.wrapText = style.wrap;
  if (style.hAlign !== undefined) alignment.horizontal = style.hAlign;
  if (style.vAlign !== undefined) alignment.vertical = style.vAlign === "center" ? "middle" : style.vAlign;
  if (Object.keys(alignment).length > 0) parts.alignment = Object.freeze(alignment);

  const borderArgb = toArgb(style.border);
  if (borderArgb) {
    const edge = { style: "thin" as const, color: { argb: borderArgb } };
    parts.border = Object.freeze({ top: edge, left: edge, bottom: edge, right: edge });
  }
  return Object.freeze(parts);
}

function isEmptyObject(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** Applies one style group to cells: each distinct old style maps to one new, shared style. */
export class GroupStyler {
  private readonly parts: StyleParts;
  private readonly cache = new Map<object, Partial<Style>>();
  private fromEmpty: Partial<Style> | undefined;

  constructor(style: PlanStyle) {
    this.parts = toStyleParts(style);
  }

  /** The style a cell should get, given the style it has now. */
  styleFor(old: Partial<Style> | undefined): Partial<Style> {
    if (!old || isEmptyObject(old)) {
      if (!this.fromEmpty) this.fromEmpty = this.merge({});
      return this.fromEmpty;
    }
    let hit = this.cache.get(old);
    if (!hit) {
      hit = this.merge(old);
      this.cache.set(old, hit);
    }
    return hit;
  }

  private merge(old: Partial<Style>): Partial<Style> {
    const p = this.parts;
    const next: Partial<Style> = { ...old };
    if (p.numFmt !== undefined) next.numFmt = p.numFmt;
    if (p.font) next.font = old.font ? Object.freeze({ ...old.font, ...p.font }) : p.font;
    if (p.fill) next.fill = p.fill;
    if (p.alignment) next.alignment = old.alignment ? Object.freeze({ ...old.alignment, ...p.alignment }) : p.alignment;
    if (p.border) next.border = p.border;
    return next;
  }
}
