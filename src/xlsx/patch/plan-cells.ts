// A create plan's cells, handed out a row at a time in order, so a 100,000-row summary is written
// without ever holding its cells: values, then merged areas, then style groups in order.
import type { CellRange, Problem } from "../../engine/vocab/types";
import type { PlanBlock, PlanStyle, PlanValue, SheetPlan } from "../../engine/vocab/plan";
import { toA1, unionRange } from "../../engine/vocab/address";
import { cleanedValue, cleanValue } from "./cell-xml";
import { mergesToMake } from "./plan-merges";
import { rangeOk } from "./sheet-edits";

interface Span {
  top: number;
  bottom: number;
}

const NONE: readonly never[] = [];

/** Items spanning rows, handed out row by row in increasing order, each row's in their original order. */
class RowSweep<T extends Span> {
  private readonly byTop: { item: T; order: number }[];
  private next = 0;
  private readonly active: { item: T; order: number }[] = [];
  private readonly items: T[] = [];

  constructor(items: T[]) {
    this.byTop = items.map((item, order) => ({ item, order })).sort((a, b) => a.item.top - b.item.top || a.order - b.order);
  }

  /** The items covering `row`; rows must be asked for in increasing order. The list is shared: read it, don't keep it. */
  at(row: number): readonly T[] {
    const active = this.active;
    let changed = false;
    while (this.next < this.byTop.length && this.byTop[this.next].item.top <= row) {
      // Kept in their original order as they come in: no sort (and no copy) each time a span starts.
      const entry = this.byTop[this.next++];
      let i = active.length;
      active.push(entry);
      while (i > 0 && active[i - 1].order > entry.order) {
        active[i] = active[i - 1];
        i--;
      }
      active[i] = entry;
      changed = true;
    }
    if (active.length === 0) return NONE;
    // A summary's spans run for many rows: the lists change only when one starts or ends.
    let kept = 0;
    for (let i = 0; i < active.length; i++) if (active[i].item.bottom >= row) active[kept++] = active[i];
    if (kept < active.length) {
      active.length = kept;
      changed = true;
    }
    if (kept === 0) return NONE;
    if (changed) {
      const items = this.items;
      for (let i = 0; i < kept; i++) items[i] = active[i].item;
      items.length = kept;
    }
    return this.items;
  }

  /** The first row at or after `row` that any item covers (Infinity when none is left). */
  nextRow(row: number): number {
    if (this.active.some((e) => e.item.bottom >= row)) return row;
    return this.next < this.byTop.length ? Math.max(row, this.byTop[this.next].item.top) : Infinity;
  }
}

interface BlockSpan extends Span {
  block: PlanBlock;
}
interface StyleSpan extends Span {
  range: CellRange;
  style: PlanStyle;
}

/** One cell of a row: its value (null: empty) and the styles laid on it, in order: `styles[0, styleCount)`. */
export interface PlanCell {
  col: number;
  value: PlanValue;
  /** Reused from row to row and longer than `styleCount` (V8 frees an array's store when its length is set to 0). */
  styles: PlanStyle[];
  styleCount: number;
}

export interface PlanRow {
  row: number;
  cells: PlanCell[];
  height?: number;
}

const byCol = (a: PlanCell, b: PlanCell): number => a.col - b.col;

/** Most rows' cells are made left to right already, and sorting copies the list every time. */
function inColumnOrder(cells: readonly PlanCell[]): boolean {
  for (let i = 1; i < cells.length; i++) if (cells[i - 1].col > cells[i].col) return false;
  return true;
}

/** Columns on a sheet (the plan's ranges are checked against it: rangeOk). */
const COLUMNS = 16384;

/** The tallest row Excel allows, in points. */
export const MAX_HEIGHT = 409;

export class PlanCells {
  private readonly blocks: BlockSpan[] = [];
  private readonly styles: StyleSpan[] = [];
  private readonly heights: Map<number, number>;
  /** The merges to write, checked. */
  readonly merges: CellRange[];
  /** The area the cells cover (for <dimension>); undefined when the plan writes nothing. */
  readonly extent?: CellRange;

  constructor(
    readonly plan: SheetPlan,
    problems: Problem[],
  ) {
    let extent: CellRange | undefined;
    const grow = (r: CellRange): void => {
      extent = extent ? unionRange(extent, r) : { ...r };
    };
    for (const block of plan.blocks) {
      let width = 0;
      for (const v of block.values) if (v.length > width) width = v.length;
      if (block.values.length === 0 || width === 0) continue;
      const span = { top: block.row, left: block.col, bottom: block.row + block.values.length - 1, right: block.col + width - 1 };
      if (!rangeOk(span)) {
        problems.push({ sheet: plan.sheet, cell: toA1(Math.max(0, span.top), Math.max(0, span.left)), message: "A block of values in the plan is outside the sheet, so it was not written.", severity: "warning" });
        continue;
      }
      for (let i = 0; i < block.values.length; i++) {
        const src = block.values[i];
        for (let j = 0; j < src.length; j++) {
          const v = src[j];
          // Only a value cleanedValue would change has a problem to report.
          if (v === null || cleanedValue(v) === v) continue;
          const issue = cleanValue(v).problem;
          if (issue) problems.push({ sheet: plan.sheet, cell: toA1(block.row + i, block.col + j), message: issue, severity: "warning" });
        }
      }
      this.blocks.push({ top: span.top, bottom: span.bottom, block });
      grow(span);
    }
    this.merges = mergesToMake(plan, problems);
    for (const m of this.merges) grow(m);
    for (const group of plan.styles) {
      for (const range of group.ranges) {
        if (!rangeOk(range)) {
          problems.push({ sheet: plan.sheet, cell: toA1(Math.max(0, range.top), Math.max(0, range.left)), message: "A formatted range in the plan is not a valid range, so it was skipped.", severity: "warning" });
          continue;
        }
        this.styles.push({ top: range.top, bottom: range.bottom, range, style: group.style });
        grow(range);
      }
    }
    // A later height for the same row wins.
    this.heights = new Map(plan.rowHeights.filter((h) => h.row >= 0 && h.row < 1048576 && Number.isFinite(h.height) && h.height >= 0).map((h) => [h.row, Math.min(MAX_HEIGHT, h.height)]));
    this.extent = extent;
  }

  /** The sheet's rows in order; rows with no cells and no height are left out. Each row is reused for the next: read it, don't keep it. */
  *rows(): Generator<PlanRow> {
    const blocks = new RowSweep(this.blocks);
    const merges = new RowSweep(this.merges);
    const styles = new RowSweep(this.styles);
    const heightRows = [...this.heights.keys()].sort((a, b) => a - b);
    let h = 0;
    for (let row = 0; ; row++) {
      while (h < heightRows.length && heightRows[h] < row) h++;
      row = Math.min(blocks.nextRow(row), merges.nextRow(row), styles.nextRow(row), h < heightRows.length ? heightRows[h] : Infinity);
      if (row === Infinity) return;
      const made = this.row(row, blocks.at(row), merges.at(row), styles.at(row));
      if (made) yield made;
    }
  }

  // One row's cells, reused from row to row: a 100,000-row summary has 2 million cells, and an
  // object and a list per cell kept the garbage collector busy for seconds.
  private readonly pool: PlanCell[] = [];
  private readonly cells: PlanCell[] = [];
  private readonly made: PlanRow = { row: 0, cells: this.cells };
  /** By column, the cell the row being made has there: current where `stampOf[col]` is `stamp` (no clearing per row). */
  private readonly byCol = new Array<PlanCell>(COLUMNS);
  private readonly stampOf = new Int32Array(COLUMNS);
  private stamp = 0;

  private cell(col: number): PlanCell {
    // Every style over a row asks for each of its columns' cells: looked up by column, not searched for.
    if (this.stampOf[col] === this.stamp) return this.byCol[col];
    const cells = this.cells;
    let c = this.pool[cells.length];
    if (c === undefined) this.pool.push((c = { col, value: null, styles: [], styleCount: 0 }));
    else {
      c.col = col;
      c.value = null;
      c.styleCount = 0;
    }
    cells.push(c);
    this.byCol[col] = c;
    this.stampOf[col] = this.stamp;
    return c;
  }

  /** The row's cells, or undefined when it has none and no height. The row and its cells are reused: read them, don't keep them. */
  private row(row: number, blocks: readonly BlockSpan[], merges: readonly CellRange[], styles: readonly StyleSpan[]): PlanRow | undefined {
    this.cells.length = 0;
    this.stamp++;
    for (const { block } of blocks) {
      const src = block.values[row - block.row];
      for (let j = 0; j < src.length; j++) if (src[j] !== null) this.cell(block.col + j).value = cleanedValue(src[j]);
    }
    for (const range of merges) {
      // Cells under a merged area exist (empty), so the area's borders and fill can be drawn.
      for (let col = range.left; col <= range.right; col++) {
        const c = this.cell(col);
        if (row !== range.top || col !== range.left) c.value = null;
      }
    }
    for (const { range, style } of styles) {
      for (let col = range.left; col <= range.right; col++) {
        const c = this.cell(col);
        c.styles[c.styleCount++] = style;
      }
    }
    const height = this.heights.get(row);
    if (this.cells.length === 0 && height === undefined) return undefined;
    if (!inColumnOrder(this.cells)) this.cells.sort(byCol);
    this.made.row = row;
    this.made.height = height;
    return this.made;
  }
}
