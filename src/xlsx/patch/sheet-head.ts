// The part of a worksheet before <sheetData>: <dimension> widened to our cells and <cols> given our
// columns' widths. Nothing else in it changes.
import type { CellRange } from "../../engine/vocab/types";
import { rangeToA1, unionRange as union } from "../../engine/vocab/address";
import type { SheetEdits } from "./sheet-edits";
import { attrsOf, childElements, findElement, removeAttr, setAttr } from "./xml-text";

/** Excel's widest column, in characters. */
export const MAX_WIDTH = 255;

/** "B2:F30" → a range; undefined when it is not one. */
function parseRef(ref: string): CellRange | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

/** A width as Excel writes it: at most 255, no long fractions. */
export function widthText(width: number): string {
  return String(Math.round(Math.min(MAX_WIDTH, Math.max(0, width)) * 1e4) / 1e4);
}

interface ColSpan {
  min: number;
  max: number;
  xml: string;
}

/** Whether a <col>'s boolean attribute (hidden, customWidth) is set (xsd:boolean). */
const isHidden = (value: string | undefined): boolean => value === "1" || value === "true";

/**
 * <cols> with our columns' widths: spans covering one of ours are split around it, attributes kept, but
 * our column is shown. Officers hide the unused columns right of a tracker (K:XFD), and our status column
 * is the first of them: kept hidden, every status we wrote was out of sight. The width it had is backed
 * up as 0 (columnPoints), so Remove colours hides it again. One an earlier run sized (`keepHidden`) that is
 * hidden now, the officer hid since: it stays hidden.
 */
export function patchCols(colsXml: string | undefined, widths: { col: number; width: number }[], prefix: string, keepHidden?: ReadonlySet<number>): string {
  let spans: ColSpan[] = [];
  let open = `<${prefix}cols>`;
  if (colsXml) {
    const openEnd = colsXml.indexOf(">") + 1;
    open = colsXml.slice(0, openEnd).replace(/\/>$/, ">");
    spans = childElements(colsXml, openEnd, colsXml.length).map((c) => {
      const xml = colsXml.slice(c.start, c.end);
      const a = attrsOf(xml);
      return { min: Number(a.get("min")), max: Number(a.get("max")), xml };
    });
  }
  for (const { col, width } of widths) {
    const n = col + 1;
    const mine = `<${prefix}col min="${n}" max="${n}" width="${widthText(width)}" customWidth="1"/>`;
    const i = spans.findIndex((s) => s.min <= n && n <= s.max);
    if (i < 0) {
      const at = spans.findIndex((s) => s.min > n);
      spans.splice(at < 0 ? spans.length : at, 0, { min: n, max: n, xml: mine });
      continue;
    }
    const s = spans[i];
    const piece = (min: number, max: number, xml: string): ColSpan => ({ min, max, xml: setAttr(setAttr(xml, "min", String(min)), "max", String(max)) });
    // Written as it was where it already says so ("29", customWidth="true" from LibreOffice): a rebuild changes nothing.
    const a = attrsOf(s.xml);
    const sameWidth = a.get("width") !== undefined && Number(a.get("width")) === Number(widthText(width));
    const widthSet = sameWidth ? s.xml : setAttr(s.xml, "width", widthText(width));
    const sized = isHidden(a.get("customWidth")) ? widthSet : setAttr(widthSet, "customWidth", "1");
    const ours = piece(n, n, isHidden(a.get("hidden")) && !keepHidden?.has(col) ? removeAttr(sized, "hidden") : sized);
    const parts: ColSpan[] = [];
    if (s.min < n) parts.push(piece(s.min, n - 1, s.xml));
    parts.push(ours);
    if (n < s.max) parts.push(piece(n + 1, s.max, s.xml));
    spans.splice(i, 1, ...parts);
  }
  return `${open}${spans.map((s) => s.xml).join("")}</${prefix}cols>`;
}

/** Excel's width (characters of the default font's digit, padding included) of a column `points` wide: widthPoints' inverse. */
export function widthOfPoints(points: number): number {
  const px = Math.round(points / 0.75);
  return Math.trunc((((px - 5) / DIGIT_PX) * DIGIT_PX + 5) / DIGIT_PX * 256) / 256;
}

/**
 * <cols> with columns an earlier run sized put back (`widths`, in points before that run): the width it
 * had, or hidden again where it was hidden (0). Apply colours puts them back so (src/excel/saved.ts).
 */
export function putBackCols(colsXml: string | undefined, widths: ReadonlyMap<number, number>, prefix: string): string {
  const sized = [...widths].filter(([, points]) => points > 0).map(([col, points]) => ({ col, width: widthOfPoints(points) }));
  // Put back, not shown: a column the officer has hidden since stays hidden.
  let out = patchCols(colsXml, sized, prefix, new Set(sized.map((w) => w.col)));
  const hidden = [...widths].filter(([, points]) => points === 0).map(([col]) => col);
  if (!hidden.length) return out;
  // A column hidden before: hidden again, at the width it has now.
  const openEnd = out.indexOf(">") + 1;
  const spans = childElements(out, openEnd, out.length).map((c) => out.slice(c.start, c.end));
  const rebuilt: string[] = [];
  for (const xml of spans) {
    const a = attrsOf(xml);
    const [min, max] = [Number(a.get("min")), Number(a.get("max"))];
    const cut = hidden.filter((c) => c + 1 >= min && c + 1 <= max).sort((x, y) => x - y);
    if (!cut.length || isHidden(a.get("hidden"))) {
      rebuilt.push(xml);
      continue;
    }
    let from = min;
    for (const c of cut) {
      const n = c + 1;
      if (from < n) rebuilt.push(setAttr(setAttr(xml, "min", String(from)), "max", String(n - 1)));
      rebuilt.push(setAttr(setAttr(setAttr(xml, "min", String(n)), "max", String(n)), "hidden", "1"));
      from = n + 1;
    }
    if (from <= max) rebuilt.push(setAttr(setAttr(xml, "min", String(from)), "max", String(max)));
  }
  // A hidden column with no <col> of its own gets one.
  const covered = (c: number): boolean =>
    rebuilt.some((x) => {
      const a = attrsOf(x);
      return Number(a.get("min")) <= c + 1 && c + 1 <= Number(a.get("max"));
    });
  for (const c of hidden) if (!covered(c)) rebuilt.push(`<${prefix}col min="${c + 1}" max="${c + 1}" width="${widthText(widthOfPoints(48))}" hidden="1"/>`);
  rebuilt.sort((x, y) => Number(attrsOf(x).get("min")) - Number(attrsOf(y).get("min")));
  out = `${out.slice(0, openEnd)}${rebuilt.join("")}</${prefix}cols>`;
  return out;
}

/** The attributes of each <col> in the head's <cols>. */
function colAttributes(head: string): Map<string, string>[] {
  const cols = findElement(head, "cols");
  if (!cols) return [];
  const xml = head.slice(cols.start, cols.end);
  return childElements(xml, xml.indexOf(">") + 1, xml.length).map((c) => attrsOf(xml.slice(c.start, c.end)));
}

/**
 * The cell format each column of the head's <cols> gives its cells that the sheet does not hold (a
 * column the officer formatted whole), by zero-based column; columns without one are absent.
 */
export function columnFormats(head: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of colAttributes(head)) {
    const [min, max, style] = [Number(a.get("min")), Number(a.get("max")), Number(a.get("style"))];
    // Whole columns formatted at once come as one span (up to 16,384 columns): ours are few, so keep spans short.
    if (!(Number.isInteger(min) && Number.isInteger(max) && Number.isInteger(style)) || style <= 0 || min < 1 || max < min) continue;
    for (let n = min; n <= Math.min(max, min + 16383); n++) out.set(n - 1, style);
  }
  return out;
}

/** Pixels of the widest digit in Excel's default fonts (Calibri 11, Arial 10): the unit of column widths. */
const DIGIT_PX = 7;

/** Points of a column `width` wide in the file's units (ECMA-376 18.3.1.13: characters, padding included). */
export function widthPoints(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX) * 0.75;
}

/**
 * The widths in points of `cols` (zero-based) as the head sets them, as Excel reports them: a column's
 * own <col width>, else the sheet's defaultColWidth, else baseColWidth characters (8 when unset) and
 * their padding, rounded up to whole 8 pixels as Excel draws a default column (48 points).
 */
export function columnPoints(head: string, cols: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (cols.length === 0) return out;
  const format = findElement(head, "sheetFormatPr");
  const a = format ? attrsOf(head.slice(format.start, format.openEnd)) : new Map<string, string>();
  const given = Number(a.get("defaultColWidth"));
  const base = Number(a.get("baseColWidth") ?? 8);
  const fallback = a.has("defaultColWidth") && Number.isFinite(given) && given >= 0 ? widthPoints(given) : Math.ceil(((Number.isFinite(base) ? base : 8) * DIGIT_PX + 5) / 8) * 8 * 0.75;
  const spans: { min: number; max: number; width: number }[] = [];
  for (const ca of colAttributes(head)) {
    const width = Number(ca.get("width"));
    // A hidden column is 0 points wide, as Excel reports it: the width put back hides it again.
    if (isHidden(ca.get("hidden"))) spans.push({ min: Number(ca.get("min")), max: Number(ca.get("max")), width: 0 });
    else if (ca.has("width") && Number.isFinite(width)) spans.push({ min: Number(ca.get("min")), max: Number(ca.get("max")), width });
  }
  for (const col of cols) {
    const span = spans.find((sp) => sp.min <= col + 1 && col + 1 <= sp.max);
    out.set(col, span ? widthPoints(span.width) : fallback);
  }
  return out;
}

/** The head of a worksheet (everything before <sheetData>) with <dimension> and <cols> for our edits. */
export function patchHead(head: string, edits: SheetEdits, prefix: string): string {
  let out = head;
  if (edits.extent || edits.dropFrom !== undefined) {
    const dim = findElement(out, "dimension");
    if (dim) {
      const tag = out.slice(dim.start, dim.openEnd);
      const ref = attrsOf(tag).get("ref");
      const read = ref ? parseRef(ref) : undefined;
      // Rows left out (edits.dropFrom) no longer count.
      const drop = edits.dropFrom;
      const old = read && drop !== undefined ? (read.top < drop ? { ...read, bottom: Math.min(read.bottom, drop - 1) } : undefined) : read;
      const next = old && edits.extent ? union(old, edits.extent) : (old ?? edits.extent);
      if (next && (!read || rangeToA1(next) !== rangeToA1(read))) out = out.slice(0, dim.start) + setAttr(tag, "ref", rangeToA1(next)) + out.slice(dim.openEnd);
    }
  }
  if (edits.columnWidths.length) {
    const cols = findElement(out, "cols");
    if (cols) out = out.slice(0, cols.start) + patchCols(out.slice(cols.start, cols.end), edits.columnWidths, prefix, edits.keepHidden) + out.slice(cols.end);
    else out += patchCols(undefined, edits.columnWidths, prefix);
  }
  if (edits.widthsBack?.size) {
    const cols = findElement(out, "cols");
    if (cols) out = out.slice(0, cols.start) + putBackCols(out.slice(cols.start, cols.end), edits.widthsBack, prefix) + out.slice(cols.end);
    else out += putBackCols(undefined, edits.widthsBack, prefix);
  }
  return out;
}
