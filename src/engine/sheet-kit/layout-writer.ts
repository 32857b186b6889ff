// Builds the summary's SheetPlan top to bottom: one block per table, styles grouped for multi-area
// formatting, row heights for wrapped text, and page breaks placed as the rows are written, so a
// heading never ends a page and a table never starts with fewer than its header and two rows.
import { StyleCollector } from "../trackers/colour";
import { DEFAULT_ROW_HEIGHT, linesHeight, pageCapacity, type Font } from "./layout-measure";
import { fontOf, lineCount, WIDTHS, EXTRA_WIDTH, LAST_COL, type Grid } from "./layout-style";
import { emptySheetPlan, type PlanStyle, type PlanValue, type SheetPlan, type StyleGroup } from "../vocab/plan";
import type { CellRange } from "../vocab/types";

const MAX_HEIGHT = 409; // Excel's tallest row
/** Excel keeps at most 1,026 manual page breaks on a sheet; past that it breaks pages itself. */
export const MAX_BREAKS = 1026;

export class PlanWriter {
  /** The next free row. */
  row = 0;
  /** Rightmost column used: title and section rows merge across to it. */
  lastCol = LAST_COL;
  /** The column widths, set before anything is written: WIDTHS, or a grid with a wider Ref column. */
  grid: Grid = WIDTHS;
  /** Zero-based rows before which a printed page starts. */
  readonly rowBreaks: number[] = [];
  private readonly plan: SheetPlan;
  private readonly cells = new StyleCollector();
  private readonly ranges = new Map<string, StyleGroup>();
  /** Heights by row (rows with none are holes): the summary sets one on most of 100,000 rows, and a Map cost more. */
  private readonly heights: number[] = [];
  private readonly styleKeys = new WeakMap<PlanStyle, string>();

  // Pagination: rows before `placed` are on pages; `used` points of the current page are taken,
  // `repeat` of them by the title rows printed on every page. Off until startPages.
  private paging = false;
  private placed = 0;
  private used = 0;
  private repeat = 0;
  private capacity = Infinity;
  /** First row of headings (section, group, caption, note) still waiting for what they introduce. */
  private keepFrom: number | undefined;

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
    let key = this.styleKeys.get(style);
    // Tables ask with the same style objects row after row: one JSON.stringify per object, not per call.
    if (key === undefined) this.styleKeys.set(style, (key = JSON.stringify(style)));
    const group = this.ranges.get(key);
    if (group) group.ranges.push(range);
    else this.ranges.set(key, { style, ranges: [range] });
  }

  merge(range: CellRange): void {
    if (range.right > range.left || range.bottom > range.top) this.plan.merges.push(range);
  }

  /** Merges each row of `range` on its own (one entry however many rows: SheetPlan.rowMerges). */
  mergeRows(range: CellRange): void {
    if (range.right > range.left && range.bottom >= range.top) (this.plan.rowMerges ??= []).push(range);
  }

  /** Keeps the tallest height asked for a row. */
  height(row: number, points: number): void {
    const h = Math.min(MAX_HEIGHT, Math.round(points * 100) / 100);
    if (h > (this.heights[row] ?? 0)) this.heights[row] = h;
  }

  /** Height for a row of wrapped text: only rows needing more than one line get an entry. */
  fitLines(row: number, lines: number, font?: Font): void {
    if (lines > 1) this.height(row, linesHeight(lines, font));
  }

  /** The printed height of a row: its own, or Excel's default. */
  heightOf(row: number): number {
    return this.heights[row] ?? DEFAULT_ROW_HEIGHT;
  }

  /** A full-width row: one value merged across the grid. Headings keep with what follows them. */
  banner(text: string, style: PlanStyle, height?: number, keep = true): number {
    const row = this.row++;
    this.block(row, 0, [[text]]);
    this.range(style, { top: row, left: 0, bottom: row, right: this.lastCol });
    this.merge({ top: row, left: 0, bottom: row, right: this.lastCol });
    // A set height is a minimum: a long group name wraps and its row grows to show every line.
    if (height) this.height(row, height);
    this.fitLines(row, lineCount(text, 0, this.lastCol, style, this.grid), fontOf(style));
    if (keep) this.keepFrom ??= row;
    return row;
  }

  /** A heading that is not a banner (a caption): kept with what follows. */
  heading(row: number): void {
    this.keepFrom ??= row;
  }

  skip(rows = 1): void {
    this.flushKeep();
    this.row += rows;
  }

  /** From here on rows are placed on pages; the rows above (the title block) repeat on every page. */
  startPages(titleRows: number): void {
    let repeat = 0;
    for (let r = 0; r < titleRows; r++) repeat += this.heightOf(r);
    const widths = Array.from({ length: this.lastCol + 1 }, (_, c) => this.grid[c] ?? EXTRA_WIDTH);
    this.capacity = pageCapacity(widths);
    this.repeat = this.used = repeat;
    this.placed = titleRows;
    this.paging = true;
  }

  /**
   * Places rows up to `row` on pages, starting a page where a row does not fit. That page break is
   * written too: the estimate is cautious, and a printer with room to spare would otherwise break
   * later than assumed here, and every keep-together decision after it would be off.
   */
  private settle(row: number): void {
    for (; this.placed < row; this.placed++) {
      const h = this.heightOf(this.placed);
      if (this.used + h > this.capacity && this.used > this.repeat) {
        if (this.rowBreaks.length < MAX_BREAKS) this.rowBreaks.push(this.placed);
        this.used = this.repeat;
      }
      this.used += h;
    }
  }

  /** True when `points` more fit on the page that `row` would start on. */
  fits(row: number, points: number): boolean {
    if (!this.paging) return true;
    this.settle(row);
    return this.used + points <= this.capacity || this.used <= this.repeat;
  }

  /** Starts a new page before `row` (rows above it must all be written). False when no break can be added. */
  pageBreak(row: number): boolean {
    if (!this.paging || this.rowBreaks.length >= MAX_BREAKS) return false;
    this.settle(row);
    if (this.used <= this.repeat) return false; // already at the top of a page
    this.rowBreaks.push(row);
    this.used = this.repeat;
    return true;
  }

  /**
   * Content (a table) starts at `top` and its first `leadIn` points must share a page with the
   * headings just above it: if they would not fit, the page breaks before the headings.
   */
  beginContent(top: number, leadIn: number): void {
    const from = this.keepFrom ?? top;
    this.keepFrom = undefined;
    if (!this.paging) return;
    let headings = 0;
    for (let r = from; r < top; r++) headings += this.heightOf(r);
    if (!this.fits(from, headings + leadIn)) this.pageBreak(from);
  }

  /**
   * Lets go of the headings kept with what follows, without a page break: the key opens the first
   * page, and moving it to a second page (under the same repeated title) would only leave a blank one.
   */
  releaseKeep(): void {
    this.keepFrom = undefined;
  }

  /** Headings with nothing after them (a section that says "none") still stay together. */
  private flushKeep(): void {
    if (this.keepFrom !== undefined) this.beginContent(this.row, 0);
  }

  finish(): SheetPlan {
    this.flushKeep();
    const groups = new Map(this.ranges);
    for (const g of this.cells.toGroups()) {
      const key = JSON.stringify(g.style);
      const existing = groups.get(key);
      // concat, not push(...): a spread of 100,000 ranges overflows the call stack.
      if (existing) existing.ranges = existing.ranges.concat(g.ranges);
      else groups.set(key, g);
    }
    this.plan.styles = [...groups.values()];
    this.plan.columnWidths = Array.from({ length: this.lastCol + 1 }, (_, col) => ({ col, width: this.grid[col] ?? EXTRA_WIDTH }));
    const rowHeights: SheetPlan["rowHeights"] = [];
    this.heights.forEach((height, row) => rowHeights.push({ row, height }));
    this.plan.rowHeights = rowHeights;
    return this.plan;
  }
}
