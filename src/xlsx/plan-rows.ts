// The cells of a sheet made for a create plan, kept as the plan until the workbook is saved.
//
// Built in ExcelJS, a 100,000-row summary is about 250 MB of Cell objects. Kept as the plan it costs
// what the plan already costs, and package-writer.ts asks for the rows one at a time, as the row
// models ExcelJS's writer takes (Row.model). Each row is what writeSheet would leave on a new sheet:
// values, then merges, then style groups in order (tests compare the saved parts byte for byte).
import type { Worksheet } from "exceljs";
import type { CellRange, Problem } from "../engine/types";
import type { PlanBlock, PlanValue, SheetPlan } from "../engine/plan";
import { ValueType, type CellModel, type RowModel } from "./exceljs-internals";
import type { GroupStyler } from "./style";
import { a1, cleanValue, mergesToMake, problem, styleRanges, writeCells, writeLayout } from "./write-sheet";

interface Span {
  top: number;
  bottom: number;
}

/** Items spanning rows, handed out row by row in increasing order, each row's in their original order. */
class RowSweep<T extends Span> {
  private readonly byTop: { item: T; order: number }[];
  private next = 0;
  private active: { item: T; order: number }[] = [];

  constructor(items: T[]) {
    this.byTop = items.map((item, order) => ({ item, order })).sort((a, b) => a.item.top - b.item.top || a.order - b.order);
  }

  /** The items covering `row`; rows must be asked for in increasing order. */
  at(row: number): T[] {
    let added = false;
    while (this.next < this.byTop.length && this.byTop[this.next].item.top <= row) {
      this.active.push(this.byTop[this.next++]);
      added = true;
    }
    if (this.active.length === 0) return [];
    this.active = this.active.filter((e) => e.item.bottom >= row);
    if (added) this.active.sort((a, b) => a.order - b.order);
    return this.active.map((e) => e.item);
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
interface MergeSpan extends Span {
  range: CellRange;
  master: string;
}
interface StyleSpan extends Span {
  range: CellRange;
  styler: GroupStyler;
}

/** One cell of a row being built: a value (null: an empty cell that exists), or covered by a merge. */
interface CellState {
  value: PlanValue;
  master?: string;
  style?: object;
}

export class PlanRows {
  private readonly blocks: BlockSpan[];
  private readonly merges: MergeSpan[];
  private readonly styles: StyleSpan[];
  private readonly heights: Map<number, number>;
  /** Counts as writeSheet reports them. */
  readonly cellsWritten: number;
  readonly cellsStyled: number;

  /** Checks the plan as writeSheet would, reporting the same problems, and keeps what the rows need. */
  constructor(
    readonly plan: SheetPlan,
    sheet: string,
    problems: Problem[],
  ) {
    let written = 0;
    this.blocks = [];
    for (const block of plan.blocks) {
      block.values.forEach((src, i) =>
        src.forEach((v, j) => {
          if (v === null) return;
          const issue = cleanValue(v).problem;
          if (issue) problems.push(problem(sheet, a1(block.row + i, block.col + j), issue));
          written++;
        }),
      );
      if (block.values.length > 0) this.blocks.push({ top: block.row, bottom: block.row + block.values.length - 1, block });
    }
    this.merges = mergesToMake(sheet, plan, [], problems).map((range) => ({ top: range.top, bottom: range.bottom, range, master: a1(range.top, range.left) }));
    let styled = 0;
    this.styles = [];
    for (const { styler, ranges } of styleRanges(sheet, plan, problems)) {
      for (const range of ranges) {
        this.styles.push({ top: range.top, bottom: range.bottom, range, styler });
        styled += (range.bottom - range.top + 1) * (range.right - range.left + 1);
      }
    }
    // ExcelJS ignores rows before the first; a later height for the same row wins.
    this.heights = new Map(plan.rowHeights.filter((h) => h.row >= 0).map((h) => [h.row, h.height]));
    this.cellsWritten = written;
    this.cellsStyled = styled;
  }

  /** The sheet's rows as ExcelJS's Row.model gives them, in order; rows with no cells and no height are left out. */
  *rows(): Generator<RowModel> {
    const blocks = new RowSweep(this.blocks);
    const merges = new RowSweep(this.merges);
    const styles = new RowSweep(this.styles);
    const heightRows = [...this.heights.keys()].sort((a, b) => a - b);
    let h = 0;
    for (let row = 0; ; row++) {
      while (h < heightRows.length && heightRows[h] < row) h++;
      row = Math.min(blocks.nextRow(row), merges.nextRow(row), styles.nextRow(row), h < heightRows.length ? heightRows[h] : Infinity);
      if (row === Infinity) return;
      const model = this.rowModel(row, blocks.at(row), merges.at(row), styles.at(row));
      if (model) yield model;
    }
  }

  private rowModel(row: number, blocks: BlockSpan[], merges: MergeSpan[], styles: StyleSpan[]): RowModel | null {
    const cells = new Map<number, CellState>();
    const cell = (col: number): CellState => {
      let c = cells.get(col);
      if (!c) cells.set(col, (c = { value: null }));
      return c;
    };
    for (const { block } of blocks) {
      const src = block.values[row - block.row];
      for (let j = 0; j < src.length; j++) if (src[j] !== null) cell(block.col + j).value = cleanValue(src[j]).value;
    }
    for (const { range, master } of merges) {
      for (let col = range.left; col <= range.right; col++) {
        const c = cell(col);
        if (row !== range.top || col !== range.left) c.master = master;
      }
    }
    for (const { range, styler } of styles) {
      for (let col = range.left; col <= range.right; col++) {
        const c = cell(col);
        c.style = styler.styleFor(c.style);
      }
    }
    const height = this.heights.get(row);
    if (cells.size === 0 && !height) return null;

    const cols = [...cells.keys()].sort((a, b) => a - b);
    return {
      cells: cols.map((col) => cellModel(a1(row, col), cells.get(col) as CellState)),
      number: row + 1,
      min: cols.length ? cols[0] + 1 : 0,
      max: cols.length ? cols[cols.length - 1] + 1 : 0,
      height,
      style: {},
      hidden: false,
      outlineLevel: 0,
      collapsed: false,
    };
  }
}

/** A cell's model as ExcelJS's Cell.model gives it. */
function cellModel(address: string, c: CellState): CellModel {
  const style = c.style ?? {};
  if (c.master) return { address, type: ValueType.Merge, master: c.master, style };
  const v = c.value;
  if (v === null) return { address, type: ValueType.Null, style };
  const type = typeof v === "string" ? ValueType.String : typeof v === "number" ? ValueType.Number : ValueType.Boolean;
  return { address, type, value: v, style };
}

const deferred = new WeakMap<Worksheet, PlanRows>();

/**
 * Executes a create plan on a new worksheet, except its cells: the sheet gets its layout now, and
 * writeXlsx writes the cells and row heights straight from the plan. Reports what writeSheet would.
 */
export function deferSheet(ws: Worksheet, plan: SheetPlan, problems: Problem[]): { cellsWritten: number; cellsStyled: number } {
  const rows = new PlanRows(plan, ws.name, problems);
  writeLayout(ws, plan);
  deferred.set(ws, rows);
  return { cellsWritten: rows.cellsWritten, cellsStyled: rows.cellsStyled };
}

/** The rows a worksheet is waiting for, if its cells were deferred. */
export function deferredRows(ws: Worksheet): PlanRows | undefined {
  return deferred.get(ws);
}

/** Builds a deferred sheet's cells in ExcelJS after all (another plan is about to edit it). */
export function materialize(ws: Worksheet): void {
  const rows = deferred.get(ws);
  if (!rows) return;
  deferred.delete(ws);
  writeCells(ws, rows.plan, true, []); // its problems were reported when it was deferred
}
