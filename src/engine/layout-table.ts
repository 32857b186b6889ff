// A bordered table on the summary grid: a header row and one row per item, written as one block,
// with uniform columns styled as whole rectangles and varying cells (status, trend) cell by cell.
import { lineCount, STYLES, widthOf, type PlanWriter } from "./layout-style";
import type { PlanStyle, PlanValue } from "./plan";

export interface Column<T> {
  col: number;
  /** Merge each cell across to this column (small tables only: one merge per row). */
  to?: number;
  header: string;
  headerStyle?: PlanStyle;
  value: (item: T) => PlanValue;
  /** The same style on every row: one range for the whole column. */
  style?: PlanStyle;
  /** A style chosen row by row (a status or trend cell). */
  styleOf?: (item: T) => PlanStyle;
}

/** Writes the table with its top at `top` (the writer's next row by default); returns the row after it. */
export function writeTable<T>(w: PlanWriter, items: readonly T[], columns: Column<T>[], top = w.row): number {
  const first = Math.min(...columns.map((c) => c.col));
  const last = Math.max(...columns.map((c) => c.to ?? c.col));
  const width = last - first + 1;
  const merged = columns.filter((c) => c.to !== undefined && c.to > c.col);

  const header: PlanValue[] = new Array<PlanValue>(width).fill(null);
  let headerLines = 1;
  for (const c of columns) {
    header[c.col - first] = c.header;
    headerLines = Math.max(headerLines, lineCount(c.header, widthOf(c.col, c.to)));
    w.range(c.headerStyle ?? STYLES.header, { top, left: c.col, bottom: top, right: c.to ?? c.col });
  }
  w.fitLines(top, headerLines);

  const values: PlanValue[][] = [header];
  const firstRow = top + 1;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const row = firstRow + i;
    const line: PlanValue[] = new Array<PlanValue>(width).fill(null);
    let lines = 1;
    for (const c of columns) {
      const v = c.value(item);
      line[c.col - first] = v;
      if (typeof v === "string" && v.length > 0) lines = Math.max(lines, lineCount(v, widthOf(c.col, c.to)));
      if (c.styleOf) {
        const style = c.styleOf(item);
        if (c.to !== undefined) w.range(style, { top: row, left: c.col, bottom: row, right: c.to });
        else w.cell(style, row, c.col);
      }
    }
    w.fitLines(row, lines);
    values.push(line);
  }
  w.block(top, first, values);

  const lastRow = firstRow + items.length - 1;
  if (items.length > 0) {
    // Neighbouring columns in the same style become one rectangle.
    const uniform = columns.filter((c) => c.style).sort((a, b) => a.col - b.col);
    for (let i = 0; i < uniform.length; ) {
      const style = uniform[i].style as PlanStyle;
      let right = uniform[i].to ?? uniform[i].col;
      let j = i + 1;
      while (j < uniform.length && uniform[j].style === style && uniform[j].col === right + 1) {
        right = uniform[j].to ?? uniform[j].col;
        j++;
      }
      w.range(style, { top: firstRow, left: uniform[i].col, bottom: lastRow, right });
      i = j;
    }
  }
  for (const c of merged) {
    for (let row = top; row <= Math.max(top, lastRow); row++) w.merge({ top: row, left: c.col, bottom: row, right: c.to as number });
  }
  return lastRow + 1;
}
