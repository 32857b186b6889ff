// "Current Position" is a figure in some trackers and a paragraph in others. Beside another actual
// ("Q3 Actual | Current Position"), a position column of sentences is the officer's commentary: read as
// the headline actual, it outranked the quarter's figure, and "On track to meet the year-end target of
// 98%" was rated 98%, green, where Q3's 97 was amber (helper-90).
import type { SheetCells } from "../read/cells";
import type { ColumnMapping, TableSpec } from "../vocab/types";

const POSITION_HEADER = /\bposition\b/i;
/** Words that make a cell a sentence, not a figure with its unit ("23 days", "97% (provisional)"). */
const SENTENCE_WORDS = 5;

function isSentence(value: unknown): boolean {
  return typeof value === "string" && value.trim().split(/\s+/).length >= SENTENCE_WORDS;
}

/** Whether most of the column's filled cells are sentences. */
function holdsProse(cells: SheetCells, spec: TableSpec, column: ColumnMapping): boolean {
  let filled = 0;
  let prose = 0;
  for (let r = spec.firstRow; r <= spec.lastRow; r++) {
    const v = cells.at(r, column.col);
    if (v === null || v === undefined || v === "") continue;
    filled++;
    if (isSentence(v)) prose++;
  }
  return prose > 0 && prose * 2 > filled;
}

/** The table's columns with each position column of prose, beside another actual, read as a comment. */
export function settleProse(cells: SheetCells, spec: TableSpec): ColumnMapping[] {
  const actuals = spec.columns.filter((c) => c.role === "actual");
  if (actuals.length < 2) return spec.columns;
  const prose = new Set(actuals.filter((c) => POSITION_HEADER.test(c.header) && holdsProse(cells, spec, c)));
  // Another actual must remain: alone, a position of sentences is still all the table has to rate.
  if (prose.size === 0 || prose.size === actuals.length) return spec.columns;
  return spec.columns.map((c) => (prose.has(c) ? { ...c, role: "comment" } : c));
}
