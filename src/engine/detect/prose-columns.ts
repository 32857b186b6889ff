// "Current Position" is a figure in some trackers and a paragraph in others. Beside the period's own
// actual ("Q3 Actual | Current Position"), a position column of sentences is the officer's commentary:
// read as the headline actual, it outranked the quarter's figure, and "On track to meet the year-end
// target of 98%" was rated 98%, green, where Q3's 97 was amber (helper-90).
import { actualKind } from "./headers";
import { headerRoleOf } from "./differences";
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

/**
 * The table's columns with each position column of prose read as a comment, where another actual of
 * the period remains: beside only a baseline or last year's figure, the position is still the one to rate.
 */
export function settleProse(cells: SheetCells, spec: TableSpec): ColumnMapping[] {
  const positions = spec.columns.filter((c) => headerRoleOf(c) === "actual" && POSITION_HEADER.test(c.header));
  if (positions.length === 0) return spec.columns;
  const prose = new Set(positions.filter((c) => holdsProse(cells, spec, c)));
  // The period's own figure: a quarter's or month's, or an undated "Actual"; a whole year's ("2009/10
  // Outturn") may be last year's, and a baseline or "Last year" is (helper-94).
  const ofPeriod = (c: ColumnMapping): boolean => !c.period?.year || c.period.quarter !== undefined || c.period.month !== undefined;
  const current = spec.columns.filter((c) => headerRoleOf(c) === "actual" && !prose.has(c) && ofPeriod(c) && actualKind(c.header) !== "baseline" && actualKind(c.header) !== "earlier");
  const demoted = current.length > 0 ? prose : new Set<ColumnMapping>();
  return spec.columns.map((c) => (positions.includes(c) ? { ...c, role: demoted.has(c) ? "comment" : "actual", headerRole: "actual" } : c));
}
