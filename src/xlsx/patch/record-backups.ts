// The add-in's record of what it replaced, kept by a build too (src/excel/saved.ts, backup.ts), so that
// Remove colours in Excel puts an officer's formats back after the file went through the command line.
// The add-in backs up a cell's whole format by copying it into the very hidden record sheet: same row,
// in the column the record gives the cell's column (from C). In the package that copy is a cell whose
// format index is the one the officer's cell had; Excel's copyFrom "Formats" copies it back. A cell
// backed up earlier keeps its backup (it shows our colours now), as in the add-in's mergeBackups.
import type { SheetPlan } from "../../engine/vocab/plan";
import { entryOfSheet } from "../../engine/sheets/ownership";
import { allocateColumns, emptyMemory, encodeSaved, pieces, type SheetMemory } from "../../excel/saved";
import type { CellEdit, SheetEdits } from "./sheet-edits";
import type { FormatSeen } from "./sheet-patch";

/** The cells a patch laid styles over, with the format index each had, in the order seen. */
export class FormatsReplaced {
  readonly rows: number[] = [];
  readonly cols: number[] = [];
  readonly xfs: number[] = [];
  readonly add: FormatSeen = (row, col, xf) => {
    this.rows.push(row);
    this.cols.push(col);
    this.xfs.push(xf);
  };
}

/** One sheet a build patched: its edit plan and what the patch replaced. */
export interface PatchedRecord {
  name: string;
  plan: SheetPlan;
  replaced: FormatsReplaced;
  /** The widths in points of the columns the patch sized, before it (SheetPatcher.widthsBefore). */
  widths: Map<number, number>;
}

export interface Backup {
  /** The record sheet's cell (zero-based). */
  row: number;
  col: number;
  xf: number;
}

export interface RecordUpdate {
  /** True when the add-in's memory (column A from A2) must be written again. */
  changed: boolean;
  /** Cells of the record sheet to set to an officer's format. */
  backups: Backup[];
}

/**
 * Adds a build's work to the add-in's memory (`saved`, changed in place): the cells of ours each plan
 * writes join its list of them (the cells left to the officer leave it), each cell the patch coloured
 * for the first time is backed up, and so is the width of a column it sized for the first time. A sheet the record has no entry for gets one, as Apply colours makes.
 */
export function recordBuild(saved: Record<string, SheetMemory>, sheets: PatchedRecord[]): RecordUpdate {
  let changed = false;
  const fresh: { mem: SheetMemory; row: number; col: number; xf: number }[] = [];
  for (const { name, plan, replaced, widths } of sheets) {
    // The exact name first, as the add-in and the engine look it up (a record may hold an old name in other case).
    let mem = entryOfSheet(saved, name);
    if (!mem) saved[name] = mem = emptyMemory();
    const before = mem.values.size;
    for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((_, j) => mem.values.add(b.row + i, b.col + j)));
    for (const c of plan.leaveAlone ?? []) {
      if (!mem.values.has(c.row, c.col)) continue;
      mem.values.delete(c.row, c.col);
      changed = true;
    }
    if (mem.values.size !== before) changed = true;
    // A width saved earlier is the officer's (the column is ours now); Remove colours puts it back.
    for (const [col, points] of widths) {
      if (mem.widths.has(col)) continue;
      mem.widths.set(col, points);
      changed = true;
    }
    const { rows, cols, xfs } = replaced;
    for (let i = 0; i < rows.length; i++) {
      if (mem.backed.has(rows[i], cols[i])) continue;
      mem.backed.add(rows[i], cols[i]);
      fresh.push({ mem, row: rows[i], col: cols[i], xf: xfs[i] });
    }
  }
  if (fresh.length === 0) return { changed, backups: [] };
  allocateColumns(saved);
  return { changed: true, backups: fresh.map((f) => ({ row: f.row, col: f.mem.cols.get(f.col) as number, xf: f.xf })) };
}

/** Column A of the record sheet: A1, the memory in pieces, and blanks over what a longer record left. */
export function recordColumn(a1: string, saved: Record<string, SheetMemory>, previousRows: number): string[] {
  const json = encodeSaved(saved);
  const cells = [a1, ...(json ? pieces(json) : [])];
  while (cells.length < previousRows) cells.push("");
  return cells;
}

/** `edits` with the backups put in (none of them falls on a cell the edits already change: backups are from column C). */
export function withBackups(edits: SheetEdits, backups: Backup[]): SheetEdits {
  if (backups.length === 0) return edits;
  // Row by row, merging the edits' rows (column A: a few) with the backups sorted (100,000 at corporate scale).
  const sorted = backups.slice().sort((a, b) => a.row - b.row || a.col - b.col);
  const rows: SheetEdits["rows"] = [];
  const extent = edits.extent ? { ...edits.extent } : { top: sorted[0].row, bottom: sorted[0].row, left: sorted[0].col, right: sorted[0].col };
  let i = 0;
  let j = 0;
  while (i < edits.rows.length || j < sorted.length) {
    const row = Math.min(edits.rows[i]?.row ?? Infinity, sorted[j]?.row ?? Infinity);
    const mixed = edits.rows[i]?.row === row;
    const cells: CellEdit[] = mixed ? [...edits.rows[i++].cells] : [];
    for (; j < sorted.length && sorted[j].row === row; j++) {
      const b = sorted[j];
      cells.push({ col: b.col, styles: [], xf: b.xf });
      if (b.col < extent.left) extent.left = b.col;
      if (b.col > extent.right) extent.right = b.col;
    }
    if (mixed) cells.sort((a, b) => a.col - b.col);
    rows.push({ row, cells });
  }
  extent.top = Math.min(extent.top, sorted[0].row);
  extent.bottom = Math.max(extent.bottom, sorted[sorted.length - 1].row);
  return { ...edits, rows, extent };
}
