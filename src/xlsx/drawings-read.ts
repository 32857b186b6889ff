// Where a worksheet's charts, pictures and shapes sit, from the anchors of its drawing part: the engine
// warns when our status column would be written under one (the statuses out of sight).
import type { CellRange, DrawingPlace } from "../engine/vocab/types";
import type { Relationships } from "./package/types";
import { readRelationships, relById } from "./package/relationships";
import type { ZipPackage } from "./package/zip-reader";
import { parseXml } from "./package/xml";

/** Excel's default column and row in EMUs (64 and 20 pixels), for a one-cell anchor's size in cells. */
const EMU_PER_COLUMN = 609600;
const EMU_PER_ROW = 190500;

const KINDS: Record<string, DrawingPlace["kind"]> = { graphicFrame: "chart", pic: "picture", sp: "shape", grpSp: "shape", cxnSp: "shape" };

interface Corner {
  col: number;
  row: number;
  colOff: number;
  rowOff: number;
}

/** The places of the anchored drawings in a drawing part's XML; hidden ones left out. */
export function parseDrawingPlaces(file: string, part: string, xml: string): DrawingPlace[] {
  const out: DrawingPlace[] = [];
  let anchor: "two" | "one" | undefined;
  let depth = 0;
  let corner: Partial<Corner> | undefined;
  let from: Partial<Corner> | undefined;
  let to: Partial<Corner> | undefined;
  let field: keyof Corner | undefined;
  let ext: { cx: number; cy: number } | undefined;
  let kind: DrawingPlace["kind"] | undefined;
  let hidden = false;
  /** Whether the anchor's drawing has given its own properties: a group's members give theirs after. */
  let named = false;
  parseXml(file, part, xml, {
    open(tag, local) {
      if (local === "twoCellAnchor" || local === "oneCellAnchor") {
        anchor = local === "twoCellAnchor" ? "two" : "one";
        depth = 0;
        from = to = ext = kind = undefined;
        hidden = named = false;
        return;
      }
      if (!anchor) return;
      depth++;
      if (depth === 1 && (local === "from" || local === "to")) corner = local === "from" ? (from = {}) : (to = {});
      else if (corner && (local === "col" || local === "row" || local === "colOff" || local === "rowOff")) field = local;
      else if (depth === 1 && local === "ext") ext = { cx: Number(tag.attributes.cx) || 0, cy: Number(tag.attributes.cy) || 0 };
      // At any depth: Excel 2016's charts (waterfall, funnel…) and slicers sit in mc:AlternateContent.
      else if (!kind && KINDS[local]) kind = KINDS[local];
      // A group shows while it is not hidden itself, though some of its members are.
      else if (local === "cNvPr" && !named) {
        named = true;
        hidden = tag.attributes.hidden === "1" || tag.attributes.hidden === "true";
      }
    },
    text(text) {
      if (corner && field) corner[field] = Number(text.trim());
    },
    close(local) {
      if (local === "twoCellAnchor" || local === "oneCellAnchor") {
        const place = anchor && kind && !hidden ? placeOf(anchor, from, to, ext) : undefined;
        if (place && kind) out.push({ range: place, kind });
        anchor = undefined;
        return;
      }
      if (!anchor) return;
      if (field && local === field) field = undefined;
      else if (depth === 1 && (local === "from" || local === "to")) corner = undefined;
      depth--;
    },
  });
  return out;
}

const whole = (c: Partial<Corner> | undefined): c is Corner =>
  !!c && [c.col, c.row].every((n) => Number.isInteger(n) && (n as number) >= 0) && [c.colOff ?? 0, c.rowOff ?? 0].every(Number.isFinite);

/** The cells a drawing covers: a two-cell anchor's "to" cell only where the drawing reaches into it. */
function placeOf(anchor: "two" | "one", from: Partial<Corner> | undefined, to: Partial<Corner> | undefined, ext: { cx: number; cy: number } | undefined): CellRange | undefined {
  if (!whole(from)) return undefined;
  if (anchor === "two") {
    if (!whole(to)) return undefined;
    const right = to.colOff > 0 ? to.col : to.col - 1;
    const bottom = to.rowOff > 0 ? to.row : to.row - 1;
    return right < from.col || bottom < from.row ? undefined : { top: from.row, left: from.col, bottom, right };
  }
  if (!ext) return undefined;
  const right = from.col + Math.max(0, Math.ceil((from.colOff + ext.cx) / EMU_PER_COLUMN) - 1);
  const bottom = from.row + Math.max(0, Math.ceil((from.rowOff + ext.cy) / EMU_PER_ROW) - 1);
  return { top: from.row, left: from.col, bottom, right };
}

/**
 * Form controls (a button, a check box, a drop-down…) and notes shown on the sheet in a sheet's VML part, by
 * their <x:Anchor>: left column, its offset, top row, its offset, right column, offset, bottom row, offset
 * (zero-based; offsets in pixels). Hidden controls are left out, and notes shown only while pointed at (a
 * note shown for good, <x:Visible/>, hides what is under it: helper-81). VML as Excel writes it is not always
 * well-formed XML (an unclosed <br>), so it is scanned, not parsed: each shape runs to its end tag or to the
 * next shape, found once each, so a part of unclosed shapes is scanned once (helper-81: it was quadratic).
 */
export function parseVmlControls(vml: string): DrawingPlace[] {
  const out: DrawingPlace[] = [];
  const starts: number[] = [];
  for (let at = vml.indexOf("<v:shape"); at >= 0; at = vml.indexOf("<v:shape", at + 8)) {
    // Not <v:shapetype>, <v:shapelayout>.
    if (/[\s>/]/.test(vml[at + 8] ?? "")) starts.push(at);
  }
  let close = -2;
  starts.forEach((at, i) => {
    const next = starts[i + 1] ?? vml.length;
    if (close !== -1 && close < at) close = vml.indexOf("</v:shape>", at);
    const end = close >= 0 && close < next ? close : next;
    const shape = vml.slice(at, end);
    const head = shape.slice(0, shape.indexOf(">") + 1);
    const type = /<x:ClientData\b[^>]*\bObjectType="(\w+)"/.exec(shape)?.[1];
    if (!type || /visibility:\s*hidden/i.test(head)) return;
    const note = type === "Note";
    // <x:Visible/> or <x:Visible>True</x:Visible>; "False" or "f" is hidden (helper-82).
    const shown = /<x:Visible\s*(?:\/>|>\s*(true|t)?\s*<\/x:Visible>)/i.test(shape);
    if (note && !shown) return;
    const n = /<x:Anchor>([^<]*)<\/x:Anchor>/.exec(shape)?.[1].split(",").map((t) => Number(t.trim()));
    if (!n || n.length !== 8 || !n.every((v) => Number.isInteger(v) && v >= 0)) return;
    const [left, , top, , lastCol, colOff, lastRow, rowOff] = n;
    const right = colOff > 0 ? lastCol : lastCol - 1;
    const bottom = rowOff > 0 ? lastRow : lastRow - 1;
    if (right >= left && bottom >= top) out.push({ range: { top, left, bottom, right }, kind: note ? "note" : "control" });
  });
  return out;
}

/**
 * The places of a sheet's drawings (its <drawing r:id>: charts, pictures, shapes) and of its form controls and
 * shown notes (its <legacyDrawing r:id>, VML), its relationships read once. None for a part that cannot be found
 * or read: read only for a warning, a part we do not understand is copied as it is.
 */
export async function readDrawingPlaces(pkg: ZipPackage, sheetPart: string, drawingRelId: string | undefined, legacyRelId: string | undefined): Promise<DrawingPlace[]> {
  if (!drawingRelId && !legacyRelId) return [];
  let rels: Relationships;
  try {
    rels = await readRelationships(pkg, sheetPart);
  } catch {
    return [];
  }
  const read = async (relId: string | undefined, parse: (entry: string, text: string) => DrawingPlace[]): Promise<DrawingPlace[]> => {
    if (!relId) return [];
    try {
      const part = relById(rels, relId)?.part;
      const entry = part ? pkg.entryName(part) : undefined;
      return entry ? parse(entry, await pkg.readText(entry)) : [];
    } catch {
      return [];
    }
  };
  return [...(await read(drawingRelId, (entry, xml) => parseDrawingPlaces(pkg.file, entry, xml))), ...(await read(legacyRelId, (_, vml) => parseVmlControls(vml)))];
}
