// Colouring the officers' trackers: an owned "Status (auto)" column per table, and the officer's own rating
// cell coloured without changing its text. Produces `edit` sheet plans; nothing an officer typed is written.
import { parseA1 } from "./address";
import { emptySheetPlan, type PlanStyle, type PlanValue, type SheetPlan, type StyleGroup } from "./plan";
import { matchRating, statusByKey } from "./schemes";
import { GENERATED_STATUS_HEADER } from "./headers";
import type { CellRange, Scheme, SheetGrid, TableSpec } from "./types";
import type { RatedRecord } from "./workbook";

export const GENERATED_CHECK_HEADER = "Check (auto)";
export const FONT = "Arial";

const HEADER_STYLE: PlanStyle = { fill: "#44546A", fontColor: "#FFFFFF", bold: true, italic: true, fontName: FONT, wrap: true };
const CHECK_STYLE: PlanStyle = { fontColor: "#9C0006", italic: true, fontName: FONT, wrap: true, numberFormat: "@" };

/** Collects cells per style and merges vertical runs in a column into one range. */
export class StyleCollector {
  private groups = new Map<string, { style: PlanStyle; cells: { row: number; col: number }[] }>();

  add(style: PlanStyle, row: number, col: number): void {
    const key = JSON.stringify(style);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { style, cells: [] }));
    group.cells.push({ row, col });
  }

  addRange(style: PlanStyle, range: CellRange): void {
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) this.add(style, r, c);
  }

  toGroups(): StyleGroup[] {
    return [...this.groups.values()].map(({ style, cells }) => ({ style, ranges: runs(cells) }));
  }
}

function runs(cells: { row: number; col: number }[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: CellRange[] = [];
  for (const { row, col } of sorted) {
    const last = out[out.length - 1];
    if (last && last.left === col && last.bottom === row - 1) last.bottom = row;
    else if (!(last && last.left === col && last.bottom >= row)) out.push({ top: row, left: col, bottom: row, right: col });
  }
  return out;
}

function cellAt(grid: SheetGrid, row: number, col: number): unknown {
  const o = grid.origin ?? { row: 0, col: 0 };
  return grid.values[row - o.row]?.[col - o.col] ?? null;
}

/** The column the add-in writes for a table: its generated column if it has one, else the first free one to the right. */
export function ownedColumn(grid: SheetGrid, table: TableSpec): number {
  const generated = table.columns.find((c) => c.role === "generated");
  if (generated) return generated.col;
  // Our column from an earlier run: found by its header text, so a rebuild reuses it rather than adding another.
  const headerRow = table.headerRow + table.headerHeight - 1;
  const o = grid.origin ?? { row: 0, col: 0 };
  const headerCells = grid.values[headerRow - o.row] ?? [];
  const previous = headerCells.findIndex((v) => typeof v === "string" && v.trim() === GENERATED_STATUS_HEADER);
  if (previous >= 0) return previous + o.col;
  let col = Math.max(...table.columns.map((c) => c.col)) + 1;
  const isFree = (c: number) => {
    for (let r = table.headerRow; r <= table.lastRow; r++) {
      const v = cellAt(grid, r, c);
      if (v !== null && v !== "") return false;
    }
    return true;
  };
  while (!isFree(col) || !isFree(col + 1)) col++;
  return col;
}

export function statusText(symbol: string, label: string): string {
  return `${symbol} ${label}`;
}

/** Edit plans that colour every rated record's cells on the officers' sheets. */
export function colourTrackers(scheme: Scheme, grids: SheetGrid[], tables: TableSpec[], rated: RatedRecord[]): SheetPlan[] {
  const plans: SheetPlan[] = [];
  for (const grid of grids) {
    const sheetTables = tables.filter((t) => t.sheet === grid.name);
    if (sheetTables.length === 0) continue;
    const plan = emptySheetPlan(grid.name, "edit");
    const styles = new StyleCollector();
    for (const table of sheetTables) {
      const col = ownedColumn(grid, table);
      const records = rated.filter((r) => r.record.sheet === grid.name && r.record.row - 1 >= table.firstRow && r.record.row - 1 <= table.lastRow && r.record.kind === table.kind);
      const anyChecks = records.some((r) => r.rating.checks.length > 0);
      const header: PlanValue[] = anyChecks ? [GENERATED_STATUS_HEADER, GENERATED_CHECK_HEADER] : [GENERATED_STATUS_HEADER];
      const headerRow = table.headerRow + table.headerHeight - 1;
      plan.blocks.push({ row: headerRow, col, values: [header] });
      styles.addRange(HEADER_STYLE, { top: headerRow, left: col, bottom: headerRow, right: col + header.length - 1 });
      plan.columnWidths.push({ col, width: 22 });
      if (anyChecks) plan.columnWidths.push({ col: col + 1, width: 40 });
      // One block per table: the owned column is ours from the first data row to the last, so blank rows get "".
      const width = header.length;
      const body: PlanValue[][] = [];
      for (let r = table.firstRow; r <= table.lastRow; r++) body.push(width === 2 ? ["", ""] : [""]);
      for (const { record, rating } of records) {
        const row = record.row - 1;
        const status = statusByKey(scheme, record.kind, rating.status);
        if (!status) continue;
        body[row - table.firstRow][0] = statusText(status.symbol, status.label);
        if (anyChecks) body[row - table.firstRow][1] = rating.checks.join("; ");
        styles.add({ fill: status.fill, fontColor: status.font, bold: true, fontName: FONT, numberFormat: "@" }, row, col);
        if (anyChecks && rating.checks.length > 0) styles.add(CHECK_STYLE, row, col + 1);
        const manualCell = record.manual ? parseA1(record.manual.cell) : undefined;
        const manualStatus = record.manual ? matchRating(scheme, record.kind, record.manual.text) : undefined;
        if (manualCell && manualStatus) {
          // The officer's cell shows what the officer said, in that rating's colours; its text is left alone.
          styles.add({ fill: manualStatus.fill, fontColor: manualStatus.font, bold: true }, manualCell.row, manualCell.col);
        }
      }
      if (body.length > 0) plan.blocks.push({ row: table.firstRow, col, values: body });
    }
    plan.styles = styles.toGroups();
    plans.push(plan);
  }
  return plans;
}
