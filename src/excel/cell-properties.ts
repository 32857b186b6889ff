// Cell properties (getCellProperties, ExcelApi 1.9) as saved formats: what to load for a set of
// properties, and what a loaded cell holds. RGB and tintAndShade only: theme colours, tints and patterns
// are flattened, so colours are never restored from these (backup.ts copies whole formats instead).
import type { XlCellProperties, XlCellPropertiesLoadOptions } from "./api";
import type { FormatKey, SavedFormat } from "./saved";
import { SIDES } from "./saved";

export function loadOptions(keys: Set<FormatKey>): XlCellPropertiesLoadOptions {
  const font: Record<string, boolean> = {};
  if (keys.has("fontColor")) font.color = true;
  if (keys.has("bold")) font.bold = true;
  if (keys.has("italic")) font.italic = true;
  if (keys.has("fontName")) font.name = true;
  if (keys.has("fontSize")) font.size = true;
  const format: NonNullable<XlCellPropertiesLoadOptions["format"]> = {};
  if (keys.has("fill")) format.fill = { color: true, pattern: true };
  if (Object.keys(font).length) format.font = font;
  if (keys.has("wrap")) format.wrapText = true;
  if (keys.has("hAlign")) format.horizontalAlignment = true;
  if (keys.has("vAlign")) format.verticalAlignment = true;
  if (keys.has("borders")) format.borders = { style: true, color: true, weight: true };
  return { format };
}

export function fromProperties(p: XlCellProperties, keys: Set<FormatKey>): SavedFormat {
  const f = p.format ?? {};
  const out: SavedFormat = {};
  if (keys.has("fill")) out.fill = f.fill?.pattern === "None" ? null : (f.fill?.color ?? null);
  if (keys.has("fontColor")) out.fontColor = f.font?.color;
  if (keys.has("bold")) out.bold = f.font?.bold;
  if (keys.has("italic")) out.italic = f.font?.italic;
  if (keys.has("fontName")) out.fontName = f.font?.name;
  if (keys.has("fontSize")) out.fontSize = f.font?.size;
  if (keys.has("wrap")) out.wrap = f.wrapText;
  if (keys.has("hAlign")) out.hAlign = f.horizontalAlignment;
  if (keys.has("vAlign")) out.vAlign = f.verticalAlignment;
  if (keys.has("borders")) {
    out.borders = {};
    for (const s of SIDES) {
      const b = f.borders?.[s];
      out.borders[s] = { style: b?.style ?? "None", color: b?.color ?? "#000000", weight: b?.weight ?? "Thin" };
    }
  }
  return out;
}
