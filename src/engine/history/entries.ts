// This run's rated records as history entries: what the sheet records for the run's period.
import { readDueDate } from "../read/dates";
import { readValue } from "../read/values";
import { recordKey } from "./key";
import { historyPeriod, type HistoryPeriod } from "./period";
import { staleTableOf, type StaleTable } from "../detect/period-infer";
import type { HistoryEntry } from "./types";
import type { RatedRecord } from "../rate/workbook";
import type { Field } from "../vocab/types";

/** A figure as a number where it reads as one (percentages as fractions), else as typed; "" for none. */
export function figureOf(field: Field | undefined): {
  value: number | string;
  unit?: string;
} {
  if (!field) return { value: "" };
  const reading = readValue(field.value, field.format);
  if (reading.kind === "number") return { value: reading.value, unit: reading.percent ? "%" : reading.unit };
  if (reading.kind === "date") return { value: reading.date };
  return { value: field.text.trim() };
}

/** An activity's due date as the rules read it: "Dec-2021" typed in Excel (1 December, shown mmm-yy) is due on the 31st, as the same text is. */
function dueFigure(field: Field | undefined): { value: number | string; unit?: string } {
  const figure = figureOf(field);
  if (!field || typeof figure.value !== "string" || !ISO_DATE.test(figure.value)) return figure;
  return { value: readDueDate(field.value, field.format) ?? figure.value };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The entry a rated record makes for `period`; undefined when it has neither ref nor name. `figuresFor`: the
 * earlier period its table's figures are for (a sheet still holding Q2's), recorded beside them.
 */
export function entryOf(rated: RatedRecord, period: HistoryPeriod, today: string, figuresFor?: HistoryPeriod): HistoryEntry | undefined {
  const { record, rating } = rated;
  const key = recordKey(record);
  if (!key) return undefined;
  // Activities: progress is their figure and the due date their target.
  const actual = figureOf(record.kind === "activity" ? record.progress : record.actual);
  const target = record.kind === "activity" ? dueFigure(record.due) : figureOf(record.target);
  const entry: HistoryEntry = {
    period: period.text,
    periodOrder: period.order,
    kind: record.kind,
    key,
    ref: record.ref.trim(),
    name: record.name.trim(),
    sheet: record.sheet,
    status: rating.status,
    level: rating.level,
    source: rating.source ?? "rules",
    actual: actual.value,
    target: target.value,
    recordedOn: today,
  };
  const unit = actual.unit ?? target.unit;
  if (unit) entry.unit = unit;
  if (record.hidden) entry.hidden = true;
  if (figuresFor && figuresFor.order < period.order) entry.figuresFor = figuresFor;
  return entry;
}

/** Each rated record with the entry it makes for this run's period. */
export type OwnEntries = { rated: RatedRecord; entry?: HistoryEntry }[];

/**
 * This run's entries, made once a run: the history's view and its sheet both use them (mergeRun's `ownMade`).
 * `stale`: tables of an earlier period than the report's; their records' figures are recorded as that period's.
 */
export function ownEntries(rated: RatedRecord[], period: HistoryPeriod, today: string, stale?: readonly StaleTable[]): OwnEntries {
  if (!stale?.length) return rated.map((r) => ({ rated: r, entry: entryOf(r, period, today) }));
  const periods = new Map(stale.map((s) => [s, historyPeriod(s.evidence.period)]));
  return rated.map((r) => {
    const table = staleTableOf(stale, r.record);
    return { rated: r, entry: entryOf(r, period, today, table && periods.get(table)) };
  });
}

/**
 * The history after this run: entries of other periods as they were (a build for an earlier quarter
 * leaves later ones alone), and the run's period replaced by this run's statuses, never duplicated.
 * In time order; within a period, in the order given. `own`: each rated record with its entry.
 */
export function mergeRun(
  existing: HistoryEntry[],
  rated: RatedRecord[],
  period: HistoryPeriod | undefined,
  today: string,
  ownMade?: OwnEntries,
): {
  entries: HistoryEntry[];
  own: OwnEntries;
} {
  if (!period)
    return {
      entries: [...existing].sort((a, b) => a.periodOrder - b.periodOrder),
      own: [],
    };
  const kept = existing.filter((e) => e.periodOrder !== period.order);
  const own = ownMade ?? ownEntries(rated, period, today);
  const entries = [...kept, ...own.flatMap((o) => (o.entry ? [o.entry] : []))].sort((a, b) => a.periodOrder - b.periodOrder);
  return { entries, own };
}
