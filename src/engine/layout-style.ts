// The summary sheet's look and the writer that builds its plan: one column grid, named styles,
// one block per table, styles grouped for multi-area formatting, row heights for wrapped text.
import { FONT, StyleCollector, statusText } from "./colour";
import { emptySheetPlan, type PlanStyle, type PlanValue, type SheetPlan, type StyleGroup } from "./plan";
import { statusByKey, statusForLevel } from "./schemes";
import { trendArrow, TREND_LABELS } from "./trend";
import type { CellRange, Direction, RecordKind, Scheme, Status, Trend } from "./types";

/**
 * The grid every table shares, in characters (about 180 across: A4 landscape at one page wide).
 * A ref · B name · C earlier actuals / lead · D target / start · E actual / due · F status ·
 * G trend / progress · H comparator / directorate · I comment or update.
 */
export const WIDTHS = [13, 34, 18, 13, 13, 17, 12, 16, 44];
/** Width of columns a wide headline table needs past I. */
export const EXTRA_WIDTH = 13;
export const LAST_COL = WIDTHS.length - 1;

const LINE_HEIGHT = 13; // points per wrapped line of Arial 10, plus PADDING once per row
const PADDING = 4;
/** Arial 10 fits about 1.3 characters per unit of column width (units are Calibri 11 digits), after word wrap. */
const CHARS_PER_UNIT = 1.3;
const MAX_HEIGHT = 409; // Excel's tallest row
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

/** "▲ Improving" (the arrow shows which way the figure moved); "–" when there is no trend. */
export function trendText(trend: Trend, direction: Direction | undefined): string {
  const arrow = trendArrow(trend, direction);
  return trend === "notrend" ? arrow : `${arrow} ${TREND_LABELS[trend].label}`;
}

/** Lines a text takes in a column of `width` characters, counting its own line breaks. */
export function lineCount(text: string, width: number): number {
  if (!text) return 1;
  let lines = 0;
  const perLine = Math.max(1, Math.floor(width * CHARS_PER_UNIT));
  for (const part of text.split("\n")) lines += Math.max(1, Math.ceil(part.length / perLine));
  return lines;
}

export function widthOf(col: number, to = col): number {
  let width = 0;
  for (let c = col; c <= to; c++) width += WIDTHS[c] ?? EXTRA_WIDTH;
  return width;
}

/** Builds one SheetPlan top to bottom. `row` is the next free row. */
export class PlanWriter {
  row = 0;
  /** Rightmost column used: title and section rows merge across to it. */
  lastCol = LAST_COL;
  private readonly plan: SheetPlan;
  private readonly cells = new StyleCollector();
  private readonly ranges = new Map<string, StyleGroup>();
  private readonly heights = new Map<number, number>();

  constructor(sheet: string) {
    this.plan = emptySheetPlan(sheet, "create");
  }

  block(row: number, col: number, values: PlanValue[][]): void {
    if (values.length > 0) this.plan.blocks.push({ row, col, values });
  }

  /** One cell whose style varies row by row (status, trend): grouped into runs by StyleCollector. */
  cell(style: PlanStyle, row: number, col: number): void {
    this.cells.add(style, row, col);
  }

  /** A whole rectangle in one style: added as one range, not cell by cell. */
  range(style: PlanStyle, range: CellRange): void {
    const key = JSON.stringify(style);
    const group = this.ranges.get(key);
    if (group) group.ranges.push(range);
    else this.ranges.set(key, { style, ranges: [range] });
  }

  merge(range: CellRange): void {
    if (range.right > range.left || range.bottom > range.top) this.plan.merges.push(range);
  }

  /** Keeps the tallest height asked for a row. */
  height(row: number, points: number): void {
    const h = Math.min(MAX_HEIGHT, Math.round(points * 100) / 100);
    if (h > (this.heights.get(row) ?? 0)) this.heights.set(row, h);
  }

  /** Height for a row of wrapped text: only rows needing more than one line get an entry. */
  fitLines(row: number, lines: number): void {
    if (lines > 1) this.height(row, lines * LINE_HEIGHT + PADDING);
  }

  /** A full-width row: one value merged across the grid. */
  banner(text: string, style: PlanStyle, height?: number): number {
    const row = this.row++;
    this.block(row, 0, [[text]]);
    this.range(style, { top: row, left: 0, bottom: row, right: this.lastCol });
    this.merge({ top: row, left: 0, bottom: row, right: this.lastCol });
    if (height) this.height(row, height);
    else this.fitLines(row, lineCount(text, widthOf(0, this.lastCol)));
    return row;
  }

  skip(rows = 1): void {
    this.row += rows;
  }

  finish(): SheetPlan {
    const groups = new Map(this.ranges);
    for (const g of this.cells.toGroups()) {
      const key = JSON.stringify(g.style);
      const existing = groups.get(key);
      // concat, not push(...): a spread of 100,000 ranges overflows the call stack.
      if (existing) existing.ranges = existing.ranges.concat(g.ranges);
      else groups.set(key, g);
    }
    this.plan.styles = [...groups.values()];
    this.plan.columnWidths = Array.from({ length: this.lastCol + 1 }, (_, col) => ({ col, width: WIDTHS[col] ?? EXTRA_WIDTH }));
    this.plan.rowHeights = [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
    return this.plan;
  }
}
