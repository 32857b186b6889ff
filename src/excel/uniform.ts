// Range-level format reads: one load per property for a whole group of cells (a RangeAreas).
// Office answers null for a property that is not the same in every cell; those come back missing
// here, and only they need reading cell by cell.
import type { XlRangeFormat } from "./api";
import type { FormatKey } from "./saved";

/** Properties that can be read for a whole range (borders and number formats cannot). */
export const RANGE_KEYS: FormatKey[] = ["fill", "fontColor", "bold", "italic", "fontName", "fontSize", "wrap", "hAlign", "vAlign"];

const FONT: Partial<Record<FormatKey, "color" | "bold" | "italic" | "name" | "size">> = { fontColor: "color", bold: "bold", italic: "italic", fontName: "name", fontSize: "size" };
const FORMAT: Partial<Record<FormatKey, "wrapText" | "horizontalAlignment" | "verticalAlignment">> = { wrap: "wrapText", hAlign: "horizontalAlignment", vAlign: "verticalAlignment" };

const known = (v: unknown): boolean => v !== null && v !== undefined;

/** Queue the loads; after the sync, the result maps each uniform property to its value (fill: null for no fill). */
export function queueUniform(format: XlRangeFormat, keys: FormatKey[]): () => Map<FormatKey, unknown> {
  const font = keys.map((k) => FONT[k]).filter((x) => x !== undefined);
  const own = keys.map((k) => FORMAT[k]).filter((x) => x !== undefined);
  if (keys.includes("fill")) format.fill.load("color,pattern");
  if (font.length) format.font.load(font);
  if (own.length) format.load(own);
  return () => {
    const out = new Map<FormatKey, unknown>();
    for (const k of keys) {
      if (k === "fill") {
        const pattern = format.fill.pattern as string | null;
        if (pattern === "None") out.set(k, null);
        else if (known(pattern) && known(format.fill.color)) out.set(k, format.fill.color);
        continue;
      }
      const f = FONT[k];
      const o = FORMAT[k];
      const v = f ? format.font[f] : o ? format[o] : undefined;
      if (known(v)) out.set(k, v);
    }
    return out;
  };
}
