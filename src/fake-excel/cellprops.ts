// getCellProperties / setCellProperties / getColumnProperties (ExcelApi 1.9) over the fake's cell formats.
// Only the properties the fake models are accepted; anything else is refused
// (NotImplemented) so a host cannot silently rely on something unchecked.
import type { XlCellBorder, XlCellProperties, XlCellPropertiesLoadOptions, XlColumnProperties, XlColumnPropertiesLoadOptions, XlSettableCellProperties } from "../excel/api";
import { columnsHidden } from "./cells";
import { cellAddress, quoteSheet } from "../excel/a1";
import type { CellRange } from "../engine/vocab/types";
import { guard, normColor } from "./cells";
import { FakeOfficeError } from "./errors";
import { deriveFormat, NO_BORDER, plainFill, plainFont, STANDARD_WIDTH } from "./state";
import type { Border, CellFormat, SheetState, Side } from "./state";

const SIDES: Side[] = ["top", "bottom", "left", "right"];
/**
 * The border items Excel answers for every cell, whatever it has (OfficeDev/office-js#2349 shows one):
 * the fake models the four sides; the rest come back as no border, so responses are Excel's size.
 */
const UNMODELLED_BORDERS = ["diagonalDown", "diagonalUp", "horizontal", "vertical"] as const;

function refuse(what: string): never {
  throw new FakeOfficeError("NotImplemented", `Cell property '${what}' is not modelled by the fake.`);
}

function only(obj: object, allowed: string[], where: string): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) refuse(`${where}${k}`);
}

function readCell(sheet: SheetState, row: number, col: number, opts: XlCellPropertiesLoadOptions): XlCellProperties {
  only(opts, ["address", "format"], "");
  const out: XlCellProperties = {};
  if (opts.address) out.address = `${quoteSheet(sheet.name)}!${cellAddress(row, col)}`;
  const f = opts.format;
  if (!f) return out;
  only(f, ["fill", "font", "horizontalAlignment", "verticalAlignment", "wrapText", "borders"], "format.");
  const fmt = sheet.cell(row, col).fmt;
  const format: NonNullable<XlCellProperties["format"]> = {};
  if (f.fill) {
    only(f.fill, ["color", "pattern"], "format.fill.");
    format.fill = {};
    if (f.fill.color) format.fill.color = fmt.fill ?? "#FFFFFF";
    if (f.fill.pattern) format.fill.pattern = (fmt.fill ? (fmt.pattern ?? "Solid") : "None") as NonNullable<typeof format.fill>["pattern"];
  }
  if (f.font) {
    only(f.font, ["bold", "color", "italic", "name", "size"], "format.font.");
    format.font = {};
    if (f.font.bold) format.font.bold = fmt.bold;
    if (f.font.color) format.font.color = fmt.fontColor;
    if (f.font.italic) format.font.italic = fmt.italic;
    if (f.font.name) format.font.name = fmt.fontName;
    if (f.font.size) format.font.size = fmt.fontSize;
  }
  if (f.horizontalAlignment) format.horizontalAlignment = fmt.hAlign as typeof format.horizontalAlignment;
  if (f.verticalAlignment) format.verticalAlignment = fmt.vAlign as typeof format.verticalAlignment;
  if (f.wrapText) format.wrapText = fmt.wrap;
  if (f.borders) {
    only(f.borders, ["color", "style", "weight"], "format.borders.");
    format.borders = {};
    const items: [keyof NonNullable<typeof format.borders>, Border][] = [...SIDES.map((side): [Side, Border] => [side, fmt.borders[side]]), ...UNMODELLED_BORDERS.map((item): [typeof item, Border] => [item, NO_BORDER])];
    for (const [item, b] of items) {
      const cb: XlCellBorder = {};
      if (f.borders.color) cb.color = b.color;
      if (f.borders.style) cb.style = b.style as XlCellBorder["style"];
      if (f.borders.weight) cb.weight = b.weight as XlCellBorder["weight"];
      format.borders[item] = cb;
    }
  }
  out.format = format;
  return out;
}

/**
 * getColumnProperties: one entry per column of the rect. Only columnIndex, columnHidden and
 * format.columnWidth are modelled. A hidden column's width is its width before it was hidden: what
 * Excel answers there is not documented, so a host must not rely on it (it asks columnHidden).
 */
export function getColumnProperties(sheet: SheetState, rect: CellRange, opts: XlColumnPropertiesLoadOptions): XlColumnProperties[] {
  only(opts, ["columnIndex", "columnHidden", "format"], "");
  if (opts.format) only(opts.format, ["columnWidth"], "format.");
  const out: XlColumnProperties[] = [];
  for (let col = rect.left; col <= rect.right; col++) {
    const p: XlColumnProperties = {};
    if (opts.columnIndex) p.columnIndex = col;
    if (opts.columnHidden) p.columnHidden = columnsHidden({ sheet, rects: [{ top: 0, left: col, bottom: 0, right: col }] }) === true;
    if (opts.format?.columnWidth) p.format = { columnWidth: sheet.colWidths.get(col) ?? STANDARD_WIDTH };
    out.push(p);
  }
  return out;
}

export function getCellProperties(sheet: SheetState, rect: CellRange, opts: XlCellPropertiesLoadOptions): XlCellProperties[][] {
  const out: XlCellProperties[][] = [];
  for (let row = rect.top; row <= rect.bottom; row++) {
    const line: XlCellProperties[] = [];
    for (let col = rect.left; col <= rect.right; col++) line.push(readCell(sheet, row, col, opts));
    out.push(line);
  }
  return out;
}

function applyCell(fmt: CellFormat, p: XlSettableCellProperties): CellFormat {
  only(p, ["format"], "");
  const f = p.format;
  if (!f) return fmt;
  only(f, ["fill", "font", "horizontalAlignment", "verticalAlignment", "wrapText", "borders"], "format.");
  let next: CellFormat = { ...fmt, borders: { ...fmt.borders } };
  if (f.fill) {
    only(f.fill, ["color", "pattern"], "format.fill.");
    if (f.fill.pattern !== undefined && f.fill.pattern !== "None" && f.fill.pattern !== "Solid") refuse(`format.fill.pattern=${f.fill.pattern}`);
    // An RGB written back is a plain solid fill: a theme colour, tint or pattern it came from is gone.
    if (f.fill.pattern === "None") next = { ...plainFill(next), fill: null };
    else if (f.fill.color !== undefined) next = { ...plainFill(next), fill: normColor(f.fill.color) };
  }
  if (f.font) {
    only(f.font, ["bold", "color", "italic", "name", "size"], "format.font.");
    if (f.font.bold !== undefined) next.bold = f.font.bold;
    if (f.font.color !== undefined) next = { ...plainFont(next), fontColor: normColor(f.font.color) };
    if (f.font.italic !== undefined) next.italic = f.font.italic;
    if (f.font.name !== undefined) next.fontName = f.font.name;
    if (f.font.size !== undefined) next.fontSize = f.font.size;
  }
  if (f.horizontalAlignment !== undefined) next.hAlign = f.horizontalAlignment;
  if (f.verticalAlignment !== undefined) next.vAlign = f.verticalAlignment;
  if (f.wrapText !== undefined) next.wrap = f.wrapText;
  if (f.borders) {
    only(f.borders, SIDES, "format.borders.");
    for (const side of SIDES) {
      const b = f.borders[side];
      if (!b) continue;
      only(b, ["color", "style", "weight"], `format.borders.${side}.`);
      const patch: Partial<Border> = {};
      if (b.color !== undefined) patch.color = normColor(b.color);
      if (b.style !== undefined) patch.style = b.style;
      if (b.weight !== undefined) patch.weight = b.weight;
      next.borders[side] = { ...next.borders[side], ...patch };
    }
  }
  return next;
}

export function setCellProperties(sheet: SheetState, rect: CellRange, data: XlSettableCellProperties[][]): void {
  guard(sheet);
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  if (data.length !== rows || data.some((r) => r.length !== cols)) {
    throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  data.forEach((line, i) =>
    line.forEach((p, j) => {
      if (!p) return;
      const id = `props:${JSON.stringify(p)}`;
      sheet.setFormat(rect.top + i, rect.left + j, (fmt) => deriveFormat(fmt, id, (f) => applyCell(f, p)));
    }),
  );
}
