// A bordered table on the summary grid: a header row and one row per item, written as one block,
// with uniform columns styled as whole rectangles and varying cells (status, trend) cell by cell.
// Paged tables start on a page with room for their header and first rows, and where a page breaks
// inside one its header row is written again at the top of the next page.
import { fitColumns, type Column } from "./layout-columns";
import { DEFAULT_ROW_HEIGHT, linesHeight, wrappedLines, type Font } from "./layout-measure";
import { fontOf, lineCount, STYLES, widthsOf, type Grid } from "./layout-style";
import type { PlanWriter } from "./layout-writer";
import type { PlanStyle, PlanValue } from "../vocab/plan";

export type { Column } from "./layout-columns";

export interface TableOptions<T = unknown> {
  /** Top row (the writer's next row by default). */
  top?: number;
  /** Place on pages (default); off for tables side by side, which cannot both decide a break. */
  paged?: boolean;
  /** A row's least height in points (a row holding a chart); text may make it taller. */
  minHeight?: (item: T) => number | undefined;
  /** Told the sheet row each item is written on (repeated header rows push items down). */
  onRow?: (item: T, row: number) => void;
}

/** Rows of a new table that must share a page with its header. */
const FIRST_ROWS = 2;

interface Line {
  values: PlanValue[];
  lines: number;
  /** Least height in points, where the table sets one. */
  least?: number;
}

/** A column with what measuring its text needs, worked out once per table rather than per cell. */
interface Measured<T> {
  column: Column<T>;
  widths: readonly number[];
  /** The column's font where its style is the same on every row. */
  font?: Font;
}

function measuredColumns<T>(columns: Column<T>[], grid: Grid): Measured<T>[] {
  return columns.map((column) => ({ column, widths: widthsOf(column.col, column.to, grid), font: column.style || !column.styleOf ? fontOf(column.style) : undefined }));
}

function lineOf<T>(item: T, columns: Measured<T>[], first: number, width: number): Line {
  const values: PlanValue[] = new Array<PlanValue>(width).fill(null);
  let lines = 1;
  for (const { column: c, widths, font } of columns) {
    const v = c.value(item);
    values[c.col - first] = v;
    if (typeof v === "string" && v.length > 0) {
      const n = wrappedLines(v, widths, font ?? fontOf(c.styleOf?.(item)));
      if (n > lines) lines = n;
    }
  }
  return { values, lines };
}

/** Writes the table; returns the row after it. */
export function writeTable<T>(w: PlanWriter, items: readonly T[], allColumns: Column<T>[], options: TableOptions<T> = {}): number {
  const top = options.top ?? w.row;
  const paged = options.paged ?? true;
  const columns = fitColumns(items, allColumns, w.grid);
  const first = Math.min(...columns.map((c) => c.col));
  const last = Math.max(...columns.map((c) => c.to ?? c.col));
  const width = last - first + 1;

  const header: Line = { values: new Array<PlanValue>(width).fill(null), lines: 1 };
  for (const c of columns) {
    header.values[c.col - first] = c.header;
    header.lines = Math.max(header.lines, lineCount(c.header, c.col, c.to, c.headerStyle ?? STYLES.header, w.grid));
  }
  const headerHeight = header.lines > 1 ? linesHeight(header.lines, fontOf(STYLES.header)) : 0;
  const measured = measuredColumns(columns, w.grid);
  const lines = items.map((item) => lineOf(item, measured, first, width));
  if (options.minHeight) lines.forEach((l, i) => (l.least = options.minHeight?.(items[i])));
  const heightOf = (l: Line) => Math.max(l.lines > 1 ? linesHeight(l.lines) : DEFAULT_ROW_HEIGHT, l.least ?? 0);

  let leadIn = headerHeight || DEFAULT_ROW_HEIGHT;
  for (let i = 0; i < Math.min(FIRST_ROWS, lines.length); i++) leadIn += heightOf(lines[i]);
  if (paged) w.beginContent(top, leadIn);

  const values: PlanValue[][] = [];
  const headerRows: number[] = [];
  const putHeader = (row: number) => {
    headerRows.push(row);
    values.push(header.values);
    w.fitLines(row, header.lines, fontOf(STYLES.header));
  };
  putHeader(top);
  let row = top + 1;
  let onPage = 0; // rows of this table on the current page
  lines.forEach((line, i) => {
    // A row that does not fit starts a page, under the header again (unless Excel's break limit is reached);
    // so does the last but one when the last would be left alone on the next page.
    const widow = i === lines.length - 2 && onPage >= FIRST_ROWS && !w.fits(row, heightOf(line) + heightOf(lines[i + 1]));
    if (paged && (widow || !w.fits(row, heightOf(line))) && w.pageBreak(row)) {
      putHeader(row++);
      onPage = 0;
    }
    onPage++;
    values.push(line.values);
    w.fitLines(row, line.lines);
    if (line.least) w.height(row, line.least);
    options.onRow?.(items[i], row);
    for (const c of columns) {
      if (!c.styleOf) continue;
      const style = c.styleOf(items[i]);
      if (c.to !== undefined) w.range(style, { top: row, left: c.col, bottom: row, right: c.to });
      else w.cell(style, row, c.col);
    }
    row++;
  });
  w.block(top, first, values);
  const end = row;

  for (const h of headerRows) for (const c of columns) w.range(c.headerStyle ?? STYLES.header, { top: h, left: c.col, bottom: h, right: c.to ?? c.col });
  // Uniform columns: one rectangle per run of data rows between header rows, neighbours in the same style joined.
  const uniform = columns.filter((c) => c.style).sort((a, b) => a.col - b.col);
  for (let s = 0; s < headerRows.length; s++) {
    const firstRow = headerRows[s] + 1;
    const lastRow = (headerRows[s + 1] ?? end) - 1;
    if (lastRow < firstRow) continue;
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
  // A wide column is merged row by row, header rows included: one area for the whole table.
  for (const c of columns) {
    if (c.to !== undefined && c.to > c.col) w.mergeRows({ top, left: c.col, bottom: end - 1, right: c.to });
  }
  return end;
}
