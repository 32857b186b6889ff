// Writes one sheet plan onto one ExcelJS worksheet: values, merges, styles, then layout and print.
import type { PageSetup, Worksheet } from "exceljs";
import type { CellRange, Problem } from "../engine/types";
import type { PlanValue, SheetPlan } from "../engine/plan";
import { GroupStyler, toArgb } from "./style";
import { toA1 } from "../engine/address";

/** Excel's limit on the characters in one cell; longer text makes Excel repair the file. */
const MAX_TEXT = 32767;
const MERGE_TYPE = 1; // ExcelJS ValueType.Merge
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const MAX_BREAKS = 1026; // Excel's limit on manual page breaks in a sheet

/** Zero-based row and column → "B7" (the engine's A1 helper: one definition for every host). */
export const a1 = toA1;

function rangeOk(r: CellRange): boolean {
  return r.top >= 0 && r.left >= 0 && r.top <= r.bottom && r.left <= r.right && r.bottom < MAX_ROWS && r.right < MAX_COLS;
}

export function problem(sheet: string, cell: string, message: string, severity: Problem["severity"] = "warning"): Problem {
  return { sheet, cell, message, severity };
}

/** A plan value as Excel can hold it, and what was wrong with it if it had to change. */
export function cleanValue(v: PlanValue): { value: PlanValue; problem?: string } {
  // NaN or Infinity would be written as text Excel cannot open.
  if (typeof v === "number" && !Number.isFinite(v)) return { value: null, problem: "The plan gave a number that is not finite, so the cell was left empty." };
  if (typeof v === "string" && v.length > MAX_TEXT) return { value: v.slice(0, MAX_TEXT), problem: `The text was cut to Excel's limit of ${MAX_TEXT} characters.` };
  return { value: v };
}

function writeValues(ws: Worksheet, plan: SheetPlan, fresh: boolean, problems: Problem[]): number {
  let written = 0;
  for (const block of plan.blocks) {
    for (let i = 0; i < block.values.length; i++) {
      const src = block.values[i];
      const row = ws.getRow(block.row + i + 1);
      for (let j = 0; j < src.length; j++) {
        const v = src[j];
        // On a new sheet an empty cell is already empty; skipping it keeps big sheets small.
        if (v === null && fresh) continue;
        const cell = row.getCell(block.col + j + 1);
        if (cell.type === MERGE_TYPE) {
          // Writing to a covered cell would overwrite the merged area's top-left value.
          if (v !== null) problems.push(problem(ws.name, a1(block.row + i, block.col + j), "This cell is inside a merged area, so the value was not written."));
          continue;
        }
        const clean = cleanValue(v);
        if (clean.problem) problems.push(problem(ws.name, a1(block.row + i, block.col + j), clean.problem));
        // A plain string is always a text cell in ExcelJS ("=1+1" included): formulas need {formula}.
        cell.value = clean.value;
        written++;
      }
    }
  }
  return written;
}

/** Merged areas by row, for overlap checks: most merges are one row high, so a row holds few. */
class MergeAreas {
  private readonly byRow = new Map<number, number[]>(); // row → [left, right, left, right, …]

  overlaps(m: CellRange): boolean {
    for (let r = m.top; r <= m.bottom; r++) {
      const spans = this.byRow.get(r);
      if (!spans) continue;
      for (let k = 0; k < spans.length; k += 2) if (spans[k] <= m.right && m.left <= spans[k + 1]) return true;
    }
    return false;
  }

  add(m: CellRange): void {
    for (let r = m.top; r <= m.bottom; r++) {
      const spans = this.byRow.get(r);
      if (spans) spans.push(m.left, m.right);
      else this.byRow.set(r, [m.left, m.right]);
    }
  }
}

/**
 * The plan's merges that can be made, in order: plain merges, then each row of each rowMerges area
 * ("merge across") as a merge of its own. Invalid ranges and areas overlapping an existing or
 * earlier merge are reported and left out; single cells need no merge.
 */
export function mergesToMake(sheet: string, plan: SheetPlan, existing: CellRange[], problems: Problem[]): CellRange[] {
  const taken = new MergeAreas();
  for (const m of existing) taken.add(m);
  const made: CellRange[] = [];
  const take = (m: CellRange): void => {
    if (m.top === m.bottom && m.left === m.right) return;
    if (taken.overlaps(m)) {
      problems.push(problem(sheet, `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`, "These cells overlap another merged area, so they were not merged."));
      return;
    }
    taken.add(m);
    made.push(m);
  };
  const invalid = (m: CellRange): void => {
    problems.push(problem(sheet, a1(Math.max(0, m.top), Math.max(0, m.left)), "A merged area in the plan is not a valid range, so it was skipped."));
  };
  for (const m of plan.merges) {
    if (rangeOk(m)) take(m);
    else invalid(m);
  }
  for (const area of plan.rowMerges ?? []) {
    if (!rangeOk(area)) invalid(area);
    else for (let r = area.top; r <= area.bottom; r++) take({ top: r, left: area.left, bottom: r, right: area.right });
  }
  return made;
}

/** ExcelJS keeps merges in a private map and checks each new merge against all of them (quadratic). */
interface MergeIndex {
  _merges: Record<string, { top: number; left: number; bottom: number; right: number }>;
}

function writeMerges(ws: Worksheet, plan: SheetPlan, problems: Problem[]): void {
  if (plan.merges.length === 0 && !plan.rowMerges?.length) return;
  const internal = ws as unknown as MergeIndex;
  const all = internal._merges;
  const existing = Object.values(all).map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  const merges = mergesToMake(ws.name, plan, existing, problems);
  // Overlaps are checked above (linearly); ExcelJS then merges against an empty map so it has nothing
  // to compare with, and every merge is moved into the real map afterwards. 10,000 merges: 3 s → 0.1 s.
  try {
    for (const m of merges) {
      internal._merges = {};
      ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
      Object.assign(all, internal._merges);
    }
  } finally {
    internal._merges = all;
  }
}

/** Each style group with the ranges that can be formatted; invalid ranges are reported. */
export function styleRanges(sheet: string, plan: SheetPlan, problems: Problem[]): { styler: GroupStyler; ranges: CellRange[] }[] {
  return plan.styles.map((group) => ({
    styler: new GroupStyler(group.style),
    ranges: group.ranges.filter((r) => {
      if (rangeOk(r)) return true;
      problems.push(problem(sheet, a1(Math.max(0, r.top), Math.max(0, r.left)), "A formatted range in the plan is not a valid range, so it was skipped."));
      return false;
    }),
  }));
}

function writeStyles(ws: Worksheet, plan: SheetPlan, problems: Problem[]): number {
  let styled = 0;
  for (const { styler, ranges } of styleRanges(ws.name, plan, problems)) {
    for (const r of ranges) {
      for (let row = r.top; row <= r.bottom; row++) {
        const xrow = ws.getRow(row + 1);
        for (let col = r.left; col <= r.right; col++) {
          const cell = xrow.getCell(col + 1);
          cell.style = styler.styleFor(cell.style);
          styled++;
        }
      }
    }
  }
  return styled;
}

/**
 * Manual page breaks: a plan names the row a page starts at (zero-based); ExcelJS's addPageBreak
 * breaks after a row (one-based), which is the same row number. Row 0 needs no break; Excel keeps
 * at most 1,026; the last column (16,384) is given because ExcelJS's default is not a real column.
 */
function writeRowBreaks(ws: Worksheet, rows: number[]): void {
  const wanted = [...new Set(rows.filter((r) => Number.isInteger(r) && r > 0 && r < MAX_ROWS))].sort((a, b) => a - b);
  for (const r of wanted.slice(0, MAX_BREAKS)) ws.getRow(r).addPageBreak(0, MAX_COLS);
}

/** Settings of the whole sheet: column widths, frozen panes, print setup, tab colour. */
export function writeLayout(ws: Worksheet, plan: SheetPlan): void {
  for (const { col, width } of plan.columnWidths) ws.getColumn(col + 1).width = width;
  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) {
    const { rows, cols } = plan.freeze;
    ws.views = [{ state: "frozen", xSplit: cols, ySplit: rows, topLeftCell: a1(rows, cols) }];
  }
  if (plan.print) {
    const p = plan.print;
    const setup: Partial<PageSetup> = {
      ...ws.pageSetup,
      orientation: p.orientation,
      paperSize: 9, // A4: the only paper plans ask for
      fitToPage: true,
      fitToWidth: p.fitToPagesWide,
      fitToHeight: 0, // as many pages tall as needed
    };
    if (p.repeatRows) setup.printTitlesRow = `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}`;
    ws.pageSetup = setup;
    writeRowBreaks(ws, p.rowBreaks ?? []);
    if (p.header !== undefined || p.footer !== undefined) {
      ws.headerFooter = {
        ...ws.headerFooter,
        ...(p.header !== undefined ? { oddHeader: p.header } : {}),
        ...(p.footer !== undefined ? { oddFooter: p.footer } : {}),
      };
    }
  }
  const tab = toArgb(plan.tabColor);
  if (tab) ws.properties.tabColor = { argb: tab };
}

/** The plan's cells and rows: values, merges, formats, row heights. `fresh`: a sheet just added for a create plan. */
export function writeCells(ws: Worksheet, plan: SheetPlan, fresh: boolean, problems: Problem[]): { cellsWritten: number; cellsStyled: number } {
  const cellsWritten = writeValues(ws, plan, fresh, problems);
  writeMerges(ws, plan, problems);
  const cellsStyled = writeStyles(ws, plan, problems);
  for (const { row, height } of plan.rowHeights) ws.getRow(row + 1).height = height;
  return { cellsWritten, cellsStyled };
}

/** Executes one plan on a worksheet. `fresh` is true for a sheet just added for a create plan. */
export function writeSheet(ws: Worksheet, plan: SheetPlan, fresh: boolean, problems: Problem[]): { cellsWritten: number; cellsStyled: number } {
  const counts = writeCells(ws, plan, fresh, problems);
  writeLayout(ws, plan);
  return counts;
}
