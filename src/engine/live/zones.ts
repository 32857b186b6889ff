// Where an edited row lies and how it reads: which table's rows it is in, what it says about the
// section heading below it, and where a table ends once the edits are in.
import { SheetCells } from "../read/cells";
import { classifyBodyRow, gapRow, tableShape } from "../detect/body-rows";
import { patchCell } from "./guards";
import type { LiveSession, LiveSheet, LiveTable } from "./session";
import type { CellWrite } from "./writes";
import type { RatedRecord } from "../rate/workbook";
import type { SheetPlan } from "../vocab/plan";
import type { SheetGrid } from "../vocab/types";

/** A table's rows from its header down to the last row it may reach. */
export function tableAt(sheet: LiveSheet, row: number): LiveTable | undefined {
  return sheet.tables.find((t) => row >= t.spec.headerRow && row <= t.limit);
}

export function inBody(t: LiveTable | undefined, row: number): t is LiveTable {
  return t !== undefined && row >= t.spec.firstRow && row <= t.spec.lastRow;
}

export function gapKey(sheet: LiveSheet, cells: SheetCells, row: number): string | undefined {
  const next = sheet.tables.find((t) => t.spec.headerRow > row);
  return next ? JSON.stringify(gapRow(cells, row, tableShape(next.spec).left) ?? null) : undefined;
}

export function kindKey(cells: SheetCells, t: LiveTable, row: number): string {
  const k = classifyBodyRow(cells, tableShape(t.spec), row);
  return k.kind === "section" ? `section:${k.text}` : k.kind;
}

/**
 * Our own writes go into the grid kept, as the host writes them into the sheet (its listener ignores
 * them), so a row of ours read later reads as the sheet does: a cleared status leaves a blank row.
 */
export function keepOwnWrites(grid: SheetGrid, plan: SheetPlan, gone: CellWrite[]): void {
  for (const c of gone) if (c.value !== undefined) patchCell(grid, c.row, c.col, null, undefined);
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => patchCell(grid, b.row + i, b.col + j, v === "" ? null : v, undefined)));
}

/** The table's last data row once the edited rows are as they are now (detect/tables.ts: the last data row up to its limit). */
export function lastRowAfter(cells: SheetCells, t: LiveTable, rows: number[]): number {
  const shape = tableShape(t.spec);
  const isData = (r: number) => classifyBodyRow(cells, shape, r).kind === "data";
  const below = rows.filter((r) => r > t.spec.lastRow && isData(r));
  if (below.length) return below.reduce((a, b) => Math.max(a, b)); // a paste may change 100,000 rows: not spread
  if (!rows.includes(t.spec.lastRow) || isData(t.spec.lastRow)) return t.spec.lastRow;
  for (let r = t.spec.lastRow - 1; r >= t.spec.firstRow; r--) if (isData(r)) return r;
  return t.spec.firstRow - 1;
}

export function sameSet(a: Set<number>, b: Set<number> | undefined): boolean {
  if (a.size !== (b?.size ?? 0)) return false;
  for (const x of a) if (!b?.has(x)) return false;
  return true;
}

export function count(session: LiveSession, r: RatedRecord, by: 1 | -1): void {
  if (r.record.hidden && !session.includeHidden) {
    session.hiddenLeftOut += by;
    return;
  }
  const counts = session.counts[r.record.kind];
  counts[r.rating.status] = (counts[r.rating.status] ?? 0) + by;
}
