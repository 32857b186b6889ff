// Records of a table of an earlier period than the report's (RULES §10): their figures marked
// ("378 (Q2 figure)"), and how many the headline counts, so it can say so.
import { formatPeriod } from "../read/periods";
import type { RatedRecord } from "../rate/workbook";
import { staleTableOf, type StaleTable } from "../detect/period-infer";
import type { Level, Rating, SourceRecord } from "../vocab/types";

/** Records of tables of an earlier period, counted in the headline: it says so. */
export interface EarlierRecords {
  /** "Quarter 2 2010/11". */
  period: string;
  /** "Q2 figure", as the records' figures are marked. */
  mark: string;
  /** "Q2 rating", beside an officer's rating with no figure shown; `ratings`: how many the scorecards mark so. */
  ratingMark: string;
  ratings: number;
  /** How many figures the scorecards mark "Q2 figure". */
  figures: number;
  sheets: string[];
  count: number;
}

/**
 * "378 (Q2 figure)": a figure of an earlier period than the report's, marked. No figure, no mark: a
 * blank, "Not available" or "Annually reported" holds no figure of any period.
 */
export const marked = (text: string, mark: string | undefined): string => (mark && /\d/.test(text) ? `${text} (${mark})` : text);

/** The marks of a record in a table of an earlier period ("Q2 figure", "Q2 rating"), else undefined. */
export const markOf = (stale: StaleTable[] | undefined, record: SourceRecord): EarlierMarks | undefined => {
  const table = staleTableOf(stale, record);
  return table && { figure: table.mark, rating: table.ratingMark };
};

export interface EarlierMarks {
  figure: string;
  rating: string;
}

/**
 * "Q2 rating", for an officer's rating of a record of an earlier period whose figure shows no mark (helper-124:
 * last quarter's "★ Good" read as this quarter's, where the activity had no progress figure). Not a status the
 * rules gave (an Overdue judged on this report's date), nor one that rates nothing (no data, narrative only).
 */
export const ratingMarkOf = (shownFigure: string, marks: EarlierMarks | undefined, rating: Pick<Rating, "source" | "level">): string | undefined =>
  marks && rating.source === "officer" && RATED_LEVELS.has(rating.level) && !/\d/.test(shownFigure) ? marks.rating : undefined;

const RATED_LEVELS = new Set<Level>(["ahead", "good", "near", "bad", "done", "closed"]);

/** "Quarter 2 2010/11", "2009/10": an earlier period as the headline names it. */
function periodWords(table: StaleTable): string {
  const p = table.evidence.period;
  const year = p.startYear !== undefined ? `${p.startYear}/${String((p.startYear + 1) % 100).padStart(2, "0")}` : "";
  return [p.quarter ? `Quarter ${p.quarter}` : "", year].filter(Boolean).join(" ") || formatPeriod(p);
}

/** The records summarised that come from tables of an earlier period, by period, in tracker order. */
export function earlierOf(stale: StaleTable[] | undefined, rated: RatedRecord[]): EarlierRecords[] {
  const out = new Map<string, EarlierRecords>();
  if (!stale?.length) return [];
  for (const { record } of rated) {
    const table = staleTableOf(stale, record);
    if (!table) continue;
    const period = periodWords(table);
    let entry = out.get(period);
    if (!entry) out.set(period, (entry = { period, mark: table.mark, ratingMark: table.ratingMark, ratings: 0, figures: 0, sheets: [], count: 0 }));
    entry.count++;
    if (!entry.sheets.includes(record.sheet)) entry.sheets.push(record.sheet);
  }
  return [...out.values()];
}
