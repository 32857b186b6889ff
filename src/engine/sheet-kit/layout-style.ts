// The summary sheet's look: one column grid, named styles, status and trend cells, and how many
// lines a cell's text takes in its columns (for row heights).
import { FONT, statusText } from "../trackers/colour";
import { textPixels, unitsForPixels, wrappedLines, type Font } from "./layout-measure";
import type { PlanStyle } from "../vocab/plan";
import { statusByKey, statusForLevel } from "../scheme/schemes";
import { trendArrow, TREND_LABELS } from "../rate/trend";
import type { Direction, RecordKind, Scheme, Status, Trend } from "../vocab/types";

/**
 * The grid every table shares, in characters (about 180 across: A4 landscape at one page wide).
 * A ref · B name · C earlier actuals / lead · D target / start · E actual / due · F status ·
 * G trend / progress · H comparator / directorate · I comment or update.
 */
export const WIDTHS = [13, 34, 18, 13, 13, 17, 12, 16, 44];
/** Width of columns a wide headline table needs past I. */
export const EXTRA_WIDTH = 13;
export const LAST_COL = WIDTHS.length - 1;

const BORDER = "#A6A6A6";
const NAVY = "#1F3864";
const NEUTRAL = "#404040";
// Fills no status uses, so a status fill on the sheet always means a status.
const HEADER_FILL = "#E7E6E6";
const GROUP_FILL = "#D6DCE4";

const base: PlanStyle = { fontName: FONT, fontSize: 10 };
const cellBase: PlanStyle = { ...base, border: BORDER, wrap: true, vAlign: "top" };

/** Named styles. Every one names the font: bold with no font name falls back to serif in LibreOffice. */
export const STYLES = {
  title: { ...base, fontSize: 16, bold: true, fontColor: NAVY, vAlign: "center" },
  subtitle: { ...base, fontSize: 12, bold: true, fontColor: NAVY, vAlign: "center" },
  meta: { ...base, fontColor: NEUTRAL, vAlign: "center" },
  section: { ...base, fontSize: 12, bold: true, fill: NAVY, fontColor: "#FFFFFF", vAlign: "center" },
  group: { ...base, fontSize: 11, bold: true, fill: GROUP_FILL, fontColor: NAVY, border: BORDER, wrap: true, vAlign: "center" },
  caption: { ...base, bold: true, fontColor: NAVY, vAlign: "bottom" },
  note: { ...base, italic: true, fontColor: NEUTRAL, vAlign: "top" },
  header: { ...cellBase, bold: true, fill: HEADER_FILL, fontColor: "#000000", numberFormat: "@" },
  body: { ...cellBase, numberFormat: "@" },
  label: { ...cellBase, bold: true, numberFormat: "@" },
  figure: { ...cellBase, hAlign: "right", numberFormat: "@" },
  count: { ...cellBase, hAlign: "center", numberFormat: "@" },
  total: { ...cellBase, bold: true, hAlign: "center", numberFormat: "0" },
  quiet: { ...cellBase, italic: true, fontColor: NEUTRAL, numberFormat: "@" },
} satisfies Record<string, PlanStyle>;

const statusStyles = new WeakMap<Status, { left: PlanStyle; centre: PlanStyle }>();

/** A status cell: the status's fill and font colour, bold, and (by the caller) its symbol and label as text. */
export function statusStyle(status: Status, centre = false): PlanStyle {
  let styles = statusStyles.get(status);
  if (!styles) {
    const left: PlanStyle = { ...cellBase, fill: status.fill, fontColor: status.font, bold: true, numberFormat: "@" };
    styles = { left, centre: { ...left, hAlign: "center" } };
    statusStyles.set(status, styles);
  }
  return centre ? styles.centre : styles.left;
}

/** "▲ Worse than target limits": the symbol in the text keeps the status readable in greyscale. */
export function statusCellText(status: Status): string {
  return statusText(status.symbol, status.label);
}

/** Status cell for a record's status key: text and style, or plain text when the key is not in the scheme. */
export function statusCell(scheme: Scheme, kind: RecordKind, key: string): { text: string; style: PlanStyle } {
  const status = statusByKey(scheme, kind, key);
  return status ? { text: statusCellText(status), style: statusStyle(status) } : { text: key, style: STYLES.body };
}

/** Trend colours by meaning: improving in the good status's font colour, worsening in the bad one's. */
export function trendColours(scheme: Scheme): Record<Trend, string> {
  const good = statusForLevel(scheme, "indicator", "good") ?? statusForLevel(scheme, "indicator", "ahead");
  const bad = statusForLevel(scheme, "indicator", "bad");
  return { improving: good?.font ?? "#006100", worsening: bad?.font ?? "#9C0006", static: NEUTRAL, notrend: NEUTRAL };
}

const trendStyleCache = new Map<string, PlanStyle>();

/** A trend cell: the arrow and label in the colour of its meaning; centred in tables, left in the key. */
export function trendStyle(colour: string, centre = true): PlanStyle {
  const key = `${colour}${centre ? "c" : "l"}`;
  let style = trendStyleCache.get(key);
  if (!style) {
    style = { ...cellBase, bold: true, fontColor: colour, numberFormat: "@" };
    if (centre) style.hAlign = "center";
    trendStyleCache.set(key, style);
  }
  return style;
}

/**
 * Trend arrows on the summary are ↑ ↓ → (RULES §6's alternative), so they never look like a status
 * symbol: ▲ is "worse than target" in several schemes but "went up" in a trend cell.
 */
export const TREND_ARROWS = { up: "↑", down: "↓", level: "→", none: "–" } as const;
const SUMMARY_ARROW: Record<string, string> = { "▲": TREND_ARROWS.up, "▼": TREND_ARROWS.down, "►": TREND_ARROWS.level };

/** "↑ Improving" (the arrow shows which way the figure moved); "–" when there is no trend. */
export function trendText(trend: Trend, direction: Direction | undefined): string {
  const arrow = trendArrow(trend, direction);
  const shown = SUMMARY_ARROW[arrow] ?? arrow;
  return trend === "notrend" ? shown : `${shown} ${TREND_LABELS[trend].label}`;
}

/** A sheet's column widths: WIDTHS, or WIDTHS with a wider Ref column (gridForRefs). */
export type Grid = readonly number[];

/** Grid widths of columns col..to (columns past the grid take EXTRA_WIDTH). */
export function widthsOf(col: number, to = col, grid: Grid = WIDTHS): number[] {
  const widths: number[] = [];
  for (let c = col; c <= to; c++) widths.push(grid[c] ?? EXTRA_WIDTH);
  return widths;
}

export function widthOf(col: number, to = col, grid: Grid = WIDTHS): number {
  return widthsOf(col, to, grid).reduce((a, b) => a + b, 0);
}

/** The widest the Ref column grows to; a longer ref wraps. */
export const REF_CAP = 20;

/**
 * The grid for a sheet whose refs are these: the Ref column (A) as wide as the longest ref in bold
 * needs, up to REF_CAP, so "COMS1821_13.1" is not broken mid-word; the comment column (I) gives up
 * the same width, so the sheet still prints at the same scale. WIDTHS itself where every ref fits.
 */
export function gridForRefs(refs: Iterable<string>): Grid {
  const font = fontOf(STYLES.label);
  let widest = 0;
  for (const ref of refs) {
    // Refs wrap at spaces: only the longest unbroken piece must fit.
    // Most refs are one word: measured whole, without splitting.
    if (ref && !/\s/.test(ref)) widest = Math.max(widest, textPixels(ref, font) + 1);
    else for (const word of ref.split(/\s+/)) if (word) widest = Math.max(widest, textPixels(word, font) + 1);
  }
  const need = Math.min(REF_CAP, Math.ceil(unitsForPixels(widest)));
  if (need <= WIDTHS[0]) return WIDTHS;
  const grid = [...WIDTHS];
  grid[0] = need;
  grid[LAST_COL] -= need - WIDTHS[0];
  return grid;
}

/** The width that keeps each text's first two words together: a status's symbol with its word ("✓ Satisfactory"). */
export function leadWordsWidth(texts: Iterable<string>, style: PlanStyle): number {
  const font = fontOf(style);
  let widest = 0;
  for (const text of texts) {
    const words = text.split(" ", 2).join(" ");
    widest = Math.max(widest, unitsForPixels(textPixels(words, font) + 1));
  }
  return Math.ceil(widest);
}

const fonts = new Map<string, Font>();
/** Fonts by style object: the summary asks for the same few styles for every cell it measures. */
const fontsByStyle = new WeakMap<PlanStyle, Font>();

/** The measuring font of a style (Arial 10 unless it says otherwise). */
export function fontOf(style: PlanStyle | undefined): Font {
  if (style) {
    const known = fontsByStyle.get(style);
    if (known) return known;
  }
  const size = style?.fontSize ?? 10;
  const bold = style?.bold === true;
  const key = `${size}${bold ? "b" : ""}`;
  let font = fonts.get(key);
  if (!font) fonts.set(key, (font = { size, bold }));
  if (style) fontsByStyle.set(style, font);
  return font;
}

/** Widths of columns col..to, made once per span of each grid (a grid never changes once made). */
const spanWidths = new WeakMap<Grid, Map<number, readonly number[]>>();

/** Lines a text takes in columns col..to (one merged cell) of the grid, counting its own line breaks. */
export function lineCount(text: string, col: number, to = col, style?: PlanStyle, grid: Grid = WIDTHS): number {
  const key = col * 16384 + to;
  let spans = spanWidths.get(grid);
  if (!spans) spanWidths.set(grid, (spans = new Map()));
  let widths = spans.get(key);
  if (!widths) spans.set(key, (widths = widthsOf(col, to, grid)));
  return wrappedLines(text, widths, fontOf(style));
}
