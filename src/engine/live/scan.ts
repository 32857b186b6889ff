// A sheet's records read as readRecords reads them, keeping what re-reading one row later needs:
// the record (or the "no reference or name" problem) of each row, the section heading in force at
// each row, and each table's key rows.
import { SheetCells } from "../read/cells";
import { planColumns, readRecords, type ColumnPlan } from "../detect/records";
import { KeyBlocks } from "../detect/legend";
import { TableRows } from "../detect/row-record";
import { classifyBodyRow, gapRow, tableShape } from "../detect/body-rows";
import type { Problem, SheetGrid, SourceRecord, TableSpec } from "../vocab/types";

/** Where the section heading changes: rows after `row` read `section` as their priority. */
export interface SectionChange {
  row: number;
  section: string | undefined;
}

export interface SheetScan {
  /** Records by zero-based sheet row. */
  records: Map<number, SourceRecord>;
  /** Rows with entries but no reference or name, and their problem. */
  unnamed: Map<number, Problem>;
  sections: SectionChange[];
  /** Each table's key rows ("Key:", "★ Better than target limits"), by table. */
  keyRows: Map<TableSpec, Set<number>>;
  /** Each table's column plan, made once. */
  plans: Map<TableSpec, ColumnPlan>;
}

/** The same walk as readRecords (detect/records.ts), row by row, remembering each row's outcome. */
export function scanSheet(grid: SheetGrid, tables: TableSpec[], plans?: Map<TableSpec, ColumnPlan>, reportYear?: number, reportQuarter?: number): SheetScan {
  const cells = new SheetCells(grid);
  const scan: SheetScan = { records: new Map(), unnamed: new Map(), sections: [], keyRows: new Map(), plans: plans ?? new Map() };
  const ordered = tables.filter((t) => t.sheet === grid.name).sort((a, b) => a.headerRow - b.headerRow);
  let section: string | undefined;
  const setSection = (row: number, next: string | undefined) => {
    if (next === section) return;
    section = next;
    scan.sections.push({ row, section });
  };
  let cursor = cells.top;
  for (const table of ordered) {
    const shape = tableShape(table);
    for (let r = cursor; r < table.headerRow; r++) {
      const gap = gapRow(cells, r, shape.left);
      if (gap === "prose") setSection(r, undefined);
      else if (gap) setSection(r, gap.heading);
    }
    let plan = scan.plans.get(table);
    if (!plan) scan.plans.set(table, (plan = planColumns(table.columns, reportYear, reportQuarter)));
    const reader = new TableRows(cells, table, plan);
    const keys = new KeyBlocks(cells, table);
    const keyRows = new Set<number>();
    scan.keyRows.set(table, keyRows);
    for (let r = table.firstRow; r <= table.lastRow; r++) {
      const kind = classifyBodyRow(cells, shape, r);
      if (kind.kind === "blank") continue;
      if (keys.isKeyRow(r)) {
        keyRows.add(r);
        continue;
      }
      if (kind.kind === "section") {
        setSection(r, kind.text);
        keys.endKey();
      }
      if (kind.kind !== "data") continue;
      const problems: Problem[] = [];
      const record = reader.read(r, section, problems);
      if (record) scan.records.set(r, record);
      else if (problems.length > 0) scan.unnamed.set(r, problems[0]);
    }
    cursor = Math.max(cursor, table.lastRow + 1);
  }
  return scan;
}

/** The section heading rows after `row`'s predecessors set: the priority a record at `row` reads. */
export function sectionAt(sections: SectionChange[], row: number): string | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].row < row) {
      found = sections[mid].section;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The problems readRecords raises about a table itself (no actual column, no target column): read
 * from a copy of the table with no rows, so they are exactly the reader's.
 */
export function tableOwnProblems(grid: SheetGrid, table: TableSpec): Problem[] {
  return readRecords(grid, [{ ...table, lastRow: table.firstRow - 1 }]).problems;
}
