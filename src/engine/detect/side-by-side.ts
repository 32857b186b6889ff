// Two tables side by side on one header row ("Ref | Indicator | … | Actual", a blank column, "Ref | Action |
// Status | Due date"). The row is no one tracker's header (two Ref columns, two names), so neither table was
// read and their records were left out with no word, or, under another table, read with that table's columns.
// They are not read yet: such a row ends the table above it (tables.ts), and the run says so, naming the row.
import { SheetCells } from "../read/cells";
import { headerCells, judgeHeader, mapping, mayBeHeader } from "./header-rows";
import { toA1 } from "../vocab/address";
import type { Problem, SheetGrid, TableSpec } from "../vocab/types";

/** The row's header texts in runs split by a blank column (a heading merged across columns is one cell). */
function segments(cells: SheetCells, row: number, texts: Map<number, string>): [number, string][][] {
  const out: [number, string][][] = [];
  let run: [number, string][] = [];
  let last = -1;
  for (const [col, text] of [...texts].sort((a, b) => a[0] - b[0])) {
    let gap = false;
    for (let k = last + 1; last >= 0 && k < col; k++) if (!cells.isCovered(row, k)) gap = true;
    if (gap && run.length) {
      out.push(run);
      run = [];
    }
    run.push([col, text]);
    last = col;
  }
  if (run.length) out.push(run);
  return out;
}

const SIDE_BY_SIDE = " tables sit side by side under one header row here ";

/** Whether a problem is sideBySideProblems's. */
export function isSideBySideProblem(p: Problem): boolean {
  return p.message.includes(SIDE_BY_SIDE);
}

/** Each table's header texts where `row` heads two or more tables side by side; undefined where it does not. */
export function sideBySideAt(cells: SheetCells, row: number): [number, string][][] | undefined {
  const texts = headerCells(cells, row);
  if (!texts || texts.size < 4) return undefined;
  const tables = segments(cells, row, texts).filter((run) => judgeHeader(run.map(([col, text]) => mapping(col, text))) !== undefined);
  return tables.length >= 2 ? tables : undefined;
}

/** A problem for each header row, not read as any table's, that holds two or more tables' headers side by side. */
export function sideBySideProblems(grid: SheetGrid, found: readonly TableSpec[]): Problem[] {
  const cells = new SheetCells(grid);
  const problems: Problem[] = [];
  const headerRows = new Set<number>();
  for (const t of found) for (let r = t.headerRow; r < t.headerRow + t.headerHeight; r++) headerRows.add(r);
  for (let r = cells.top; r <= cells.bottom; r++) {
    if (headerRows.has(r) || !mayBeHeader(cells.row(r))) continue;
    const tables = sideBySideAt(cells, r);
    if (!tables) continue;
    const spans = tables.map((run) => `"${run[0][1]} … ${run[run.length - 1][1]}"`);
    const listed = spans.length === 2 ? spans.join(" and ") : `${spans.slice(0, -1).join(", ")} and ${spans[spans.length - 1]}`;
    problems.push({
      sheet: grid.name,
      cell: toA1(r, tables[0][0][0]),
      severity: "error",
      message: `${tables.length}${SIDE_BY_SIDE}(${listed}), so neither is read and their records are left out. Put each table below the other, or on a sheet of its own, and run again.`,
    });
  }
  return problems;
}
