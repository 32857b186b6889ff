// The columns of the "Scorecard History" sheet: written in this order, read back by header text in
// any order (a person may move, rename slightly or add columns; unknown columns are ignored).
import type { Level } from "../vocab/types";

export type HistoryColumn = "period" | "sheet" | "ref" | "name" | "kind" | "status" | "level" | "source" | "actual" | "target" | "unit" | "figuresFor" | "hidden" | "recordedOn";

export interface ColumnSpec {
  column: HistoryColumn;
  header: string;
  /** Width in characters. */
  width: number;
  /** Other headers a person might give the column (compared by headerWord). */
  aliases: string[];
}

export const HISTORY_COLUMNS: readonly ColumnSpec[] = [
  {
    column: "period",
    header: "Period",
    width: 12,
    aliases: ["reporting period", "quarter"],
  },
  {
    column: "sheet",
    header: "Sheet",
    width: 22,
    aliases: ["tracker", "worksheet", "tab"],
  },
  {
    column: "ref",
    header: "Ref",
    width: 12,
    aliases: ["reference", "code", "pi ref", "ref no"],
  },
  {
    column: "name",
    header: "Name",
    width: 48,
    aliases: ["indicator", "activity", "description", "title", "record", "measure"],
  },
  {
    column: "kind",
    header: "Kind",
    width: 10,
    aliases: ["type", "record kind"],
  },
  {
    column: "status",
    header: "Status",
    width: 12,
    aliases: ["status key", "rating"],
  },
  { column: "level", header: "Level", width: 9, aliases: ["status level"] },
  {
    column: "source",
    header: "Source",
    width: 9,
    aliases: ["status source", "rated by"],
  },
  {
    column: "actual",
    header: "Actual",
    width: 12,
    aliases: ["figure", "value", "progress"],
  },
  {
    column: "target",
    header: "Target",
    width: 18,
    aliases: ["due", "due date"],
  },
  { column: "unit", header: "Unit", width: 6, aliases: ["units"] },
  // Blank where the figures are the row's period's own.
  {
    column: "figuresFor",
    header: "Figures for",
    width: 12,
    aliases: ["figures period", "figures from", "figure period"],
  },
  { column: "hidden", header: "Hidden row", width: 8, aliases: ["hidden"] },
  {
    column: "recordedOn",
    header: "Recorded on",
    width: 12,
    aliases: ["recorded", "date recorded", "date"],
  },
];

/** A header as compared: lower case, punctuation dropped, spaces collapsed. */
export function headerWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const BY_WORD = new Map<string, HistoryColumn>();
for (const spec of HISTORY_COLUMNS) for (const w of [spec.header, ...spec.aliases]) BY_WORD.set(headerWord(w), spec.column);

export function columnOfHeader(text: string): HistoryColumn | undefined {
  return BY_WORD.get(headerWord(text));
}

export const LEVELS: readonly Level[] = ["ahead", "good", "near", "bad", "done", "closed", "nodata", "dataonly"];

/**
 * Order of the levels that say how well a record is doing, best first, as every scheme lists its
 * statuses (completed, ahead, on target, within tolerance, off target). Levels outside it (closed,
 * no data, data only) are neither better nor worse than another.
 */
const RANK: Partial<Record<Level, number>> = {
  done: 0,
  ahead: 1,
  good: 2,
  near: 3,
  bad: 4,
};

export function levelRank(level: Level): number | undefined {
  return RANK[level];
}
