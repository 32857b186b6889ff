// The title block of the summary, as a committee pack opens: "Performance report — <period>", then
// who it is for (the rules sheet's title, the committee, or the tracker's own title), then the
// report date and the rules used. The same words head every printed page.
import { cellText } from "../read/cells";
import { formatIsoDate } from "../vocab/format";
import { STYLES } from "../sheet-kit/layout-style";

// Titles and sheet names are cut as headers are: at a whole word (sheet-kit/layout-print.ts).
export { cutAtWord } from "../sheet-kit/layout-print";
import type { PlanWriter } from "../sheet-kit/layout-writer";
import type { Scheme, SheetGrid, TableSpec } from "../vocab/types";

export interface SummaryMeta {
  periodLabel: string;
  reportDate: string;
  /** The rules sheet's report title. */
  title?: string;
  committee?: string;
  /** The trackers' own title (see trackerTitle), shown when there is no title or committee. */
  source?: string;
  sheetName: string;
}

export const REPORT_WORDS = "Performance report";

/** dd/mm/yyyy for an ISO date; anything else as given. */
export function ukDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatIsoDate(date) : date;
}

/** The title lines: the report and period; who it is for ("" when nothing names it); date and rules. */
export function titleLines(meta: SummaryMeta, scheme: Scheme): { heading: string; name: string; details: string } {
  const period = meta.periodLabel.trim();
  const heading = period ? `${REPORT_WORDS} — ${period}` : REPORT_WORDS;
  const name = [meta.title?.trim(), meta.committee?.trim()].filter(Boolean).join(" — ") || (meta.source?.trim() ?? "");
  const date = meta.reportDate.trim() ? `Report date: ${ukDate(meta.reportDate.trim())}` : "";
  const details = [date, `Status rules: ${scheme.name}`].filter(Boolean).join("     ");
  return { heading, name, details };
}

/** Writes the title block; returns the number of rows it takes (frozen and repeated on every page). */
export function writeTitle(w: PlanWriter, meta: SummaryMeta, scheme: Scheme): number {
  const lines = titleLines(meta, scheme);
  w.banner(lines.heading, STYLES.title, 26, false);
  if (lines.name) w.banner(lines.name, STYLES.subtitle, 20, false);
  w.banner(lines.details, STYLES.meta, 16, false);
  return w.row;
}

const TITLE_ROWS = 12;
const MAX_TITLE = 150;

/** A line that reads as a report's title: a few words, more than a code, not a sentence of notes. */
function isTitleLike(text: string): boolean {
  const words = text.split(" ").filter((w) => /[A-Za-z]{2,}/.test(w));
  return words.length >= 2 && text.length <= MAX_TITLE && !/[.:]$/.test(text);
}

/**
 * The title typed above the first table of the first tracker sheet that has one ("Quarterly
 * Corporate Performance Management Report"), for the summary to name its source when neither the
 * rules sheet nor a committee does. Undefined when the rows above the table hold no title.
 */
export function trackerTitle(grids: readonly SheetGrid[], tables: readonly TableSpec[]): string | undefined {
  for (const grid of grids) {
    const tops = tables.filter((t) => t.sheet === grid.name).map((t) => t.headerRow);
    if (tops.length === 0) continue;
    const origin = grid.origin ?? { row: 0, col: 0 };
    const end = Math.min(Math.min(...tops), origin.row + TITLE_ROWS);
    for (let r = origin.row; r < end; r++) {
      const first = (grid.values[r - origin.row] ?? []).find((v) => v !== null && v !== "");
      if (typeof first !== "string") continue;
      const text = cellText(first).replace(/\s+/g, " ").trim();
      if (isTitleLike(text)) return text;
    }
  }
  return undefined;
}
