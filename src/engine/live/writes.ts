// The cells Apply colours writes for a record's row, worked out for one row at a time, so a live update
// writes exactly what a full Apply would there (trackers/colour.ts is the full version).
import { LAST_COL, parseA1 } from "../vocab/address";
import { matchRating, statusByKey } from "../scheme/schemes";
import { colourTrackers, StyleCollector, statusText } from "../trackers/colour";
import { emptySheetPlan, type PlanStyle, type PlanValue, type SheetPlan } from "../vocab/plan";
import type { CellRange, Scheme, SheetGrid, Status, TableSpec } from "../vocab/types";
import type { RatedRecord } from "../rate/workbook";
import type { CellsWritten, ForeignCells } from "../trackers/foreign";

/** One cell of ours: the value written there (if any) and its style (if any). */
export interface CellWrite {
  row: number;
  col: number;
  value?: PlanValue;
  style?: PlanStyle;
}

/** What a table's rows need to be written as colourTrackers writes them. */
export interface RowLayout {
  scheme: Scheme;
  /** The owned column (Status (auto)). */
  col: number;
  /** 2 when the table has a Check (auto) column. */
  width: number;
  /** Rows where our columns lie in a merged area reaching outside them: no value is written there. */
  merged: ReadonlySet<number>;
  /** "row,col" of cells of ours holding an officer's value: neither written nor coloured (as colourTrackers). */
  foreign: ForeignCells;
}

// Style objects as colourTrackers makes them: one per status, the same keys, so a cell's style is replaced whole.
const ownedStyles = new WeakMap<Status, PlanStyle>();
const officerStyles = new WeakMap<Status, PlanStyle>();
const CHECK_STYLE: PlanStyle = { fontColor: "#9C0006", italic: true, fontName: "Arial", wrap: true, vAlign: "top", numberFormat: "@" };

function ownedStyle(status: Status): PlanStyle {
  let style = ownedStyles.get(status);
  if (!style) ownedStyles.set(status, (style = { fill: status.fill, fontColor: status.font, bold: true, fontName: "Arial", vAlign: "top", numberFormat: "@" }));
  return style;
}

function officerStyle(status: Status): PlanStyle {
  let style = officerStyles.get(status);
  if (!style) officerStyles.set(status, (style = { fill: status.fill, fontColor: status.font, bold: true }));
  return style;
}

/** The cells of one data-area row of a table: its record's status, check and officer's rating cell, or blanks. */
export function rowWrites(layout: RowLayout, row: number, rated: RatedRecord | undefined): CellWrite[] {
  const { scheme, col, width } = layout;
  const values: PlanValue[] = width === 2 ? ["", ""] : [""];
  const out: CellWrite[] = [];
  const status = rated && statusByKey(scheme, rated.record.kind, rated.rating.status);
  if (rated && status) {
    const { record, rating } = rated;
    values[0] = statusText(status.symbol, status.label) + (rating.source === "officer" ? " (officer)" : "");
    if (width === 2) values[1] = rating.checks.join("; ");
    const manualCell = record.manual ? parseA1(record.manual.cell) : undefined;
    const manualStatus = record.manual ? matchRating(scheme, record.kind, record.manual.text) : undefined;
    if (manualCell && manualStatus) out.push({ row: manualCell.row, col: manualCell.col, style: officerStyle(manualStatus) });
  }
  const written = !layout.merged.has(row);
  for (let i = 0; i < width; i++) {
    // Nothing of ours past Excel's last column (XFD), as colourTrackers: a table reaching it has no room for ours.
    if (col + i > LAST_COL) break;
    if (layout.foreign.size > 0 && layout.foreign.has(`${row},${col + i}`)) continue;
    const cell: CellWrite = { row, col: col + i };
    if (written) cell.value = values[i];
    if (i === 0 && rated && status) cell.style = ownedStyle(status);
    if (i === 1 && rated && status && rated.rating.checks.length > 0) cell.style = CHECK_STYLE;
    out.push(cell);
  }
  return out;
}

/** Rows where one of our cells (col..col+width-1) lies in a merged area reaching outside our columns (as colourTrackers). */
export function mergedRows(grid: SheetGrid, col: number, width: number): Set<number> {
  const rows = new Set<number>();
  for (const m of grid.merges ?? []) {
    if (m.right < col || m.left > col + width - 1) continue;
    if (m.left >= col && m.right <= col + width - 1 && m.top === m.bottom) continue;
    for (let r = m.top; r <= m.bottom; r++) rows.add(r);
  }
  return rows;
}

/** Every cell a plan writes or styles, keyed "row,col" (the last style set on a cell wins, as in a host). */
export function planCells(plan: SheetPlan): Map<string, CellWrite> {
  const cells = new Map<string, CellWrite>();
  const at = (row: number, col: number): CellWrite => {
    const key = `${row},${col}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { row, col }));
    return cell;
  };
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => (at(b.row + i, b.col + j).value = v)));
  for (const g of plan.styles) for (const r of g.ranges) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) at(row, col).style = g.style;
  return cells;
}

/** Every cell of ours for one table, as a full Apply writes it. */
export function tableWrites(scheme: Scheme, grid: SheetGrid, table: TableSpec, rated: RatedRecord[], written?: Record<string, CellsWritten>): { plan: SheetPlan; cells: Map<string, CellWrite> } {
  const plan = colourTrackers(scheme, [grid], [table], rated, written)[0] ?? emptySheetPlan(grid.name, "edit");
  return { plan, cells: planCells(plan) };
}

const hasText = (v: PlanValue | undefined) => v !== undefined && v !== null && v !== "";
const key = (c: CellWrite) => `${c.row},${c.col}`;

/**
 * What changes between the cells of ours before and after: `cleared` the cells that had a value or a
 * style of ours and keep no style (the host puts their saved format back and clears them),
 * `coloured` the cells styled now that were not before (their formats must be saved first).
 */
export function diffWrites(before: Iterable<CellWrite>, after: Iterable<CellWrite>): { cleared: CellWrite[]; coloured: CellWrite[] } {
  const old = new Map<string, CellWrite>();
  for (const c of before) old.set(key(c), { ...old.get(key(c)), ...c });
  const now = new Map<string, CellWrite>();
  for (const c of after) now.set(key(c), { ...now.get(key(c)), ...c });
  const cleared: CellWrite[] = [];
  const coloured: CellWrite[] = [];
  for (const [k, c] of old) if ((c.style || hasText(c.value)) && !now.get(k)?.style) cleared.push(c);
  for (const [k, c] of now) if (c.style && !old.get(k)?.style) coloured.push(c);
  return { cleared, coloured };
}

/** Collects a sheet's writes into one edit plan: one block per row run of values, styles grouped as colourTrackers groups them. */
export class SheetWrites {
  readonly plan: SheetPlan;
  private styles = new StyleCollector();
  private values = new Map<string, CellWrite>();

  constructor(sheet: string) {
    this.plan = emptySheetPlan(sheet, "edit");
  }

  add(cells: Iterable<CellWrite>): void {
    for (const c of cells) {
      if (c.value !== undefined) this.values.set(key(c), c);
      if (c.style) this.styles.add(c.style, c.row, c.col);
    }
  }

  /** A whole table's plan (after its layout changed), its blocks, widths and styles as they are. */
  addPlan(plan: SheetPlan): void {
    this.plan.blocks.push(...plan.blocks);
    this.plan.columnWidths.push(...plan.columnWidths);
    for (const g of plan.styles) for (const r of g.ranges) this.styles.addRange(g.style, r);
  }

  finish(): SheetPlan {
    // One block per row of values: rows re-rated are few and rarely next to each other.
    const byRow = new Map<number, CellWrite[]>();
    for (const c of this.values.values()) {
      const row = byRow.get(c.row);
      if (row) row.push(c);
      else byRow.set(c.row, [c]);
    }
    for (const [row, cells] of [...byRow].sort((a, b) => a[0] - b[0])) {
      cells.sort((a, b) => a.col - b.col);
      let start = 0;
      for (let i = 1; i <= cells.length; i++) {
        if (i < cells.length && cells[i].col === cells[i - 1].col + 1) continue;
        this.plan.blocks.push({ row, col: cells[start].col, values: [cells.slice(start, i).map((c) => c.value ?? "")] });
        start = i;
      }
    }
    this.plan.styles = this.styles.toGroups();
    return this.plan;
  }
}

/** Cells as ranges, merging vertical runs in a column. */
export function toRanges(cells: CellWrite[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: CellRange[] = [];
  for (const { row, col } of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
    else if (!(last && last.left === col && last.bottom >= row)) out.push({ top: row, left: col, bottom: row, right: col });
  }
  return out;
}
