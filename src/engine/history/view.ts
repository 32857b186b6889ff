// What a run knows from the history: last period's status of each record, each record's figures over
// time, and what changed since last period. Built once per run from the entries read and the run's own.
import { levelRank } from "./columns";
import { mergeRun, type OwnEntries } from "./entries";
import { identityText, recordKey } from "./key";
import type { HistoryPeriod } from "./period";
import { HISTORY_SHEET, type HistoryEntry, type PreviousStatus } from "./types";
import { emptyCounts, type RatedRecord } from "../rate/workbook";
import type { Level, Problem, RecordKind, Scheme } from "../vocab/types";

/** One record in "Changes since <last period>". */
export interface HistoryChange {
  kind: RecordKind;
  key: string;
  ref: string;
  name: string;
  sheet: string;
  /** Last period's status: absent for a record new this period. */
  previous?: PreviousStatus;
  /** This period's status: absent for a record gone since last period. */
  current?: { status: string; level: Level };
  /** This run's record (absent for one gone). */
  rated?: RatedRecord;
  /** The officer's commentary from the tracker this period ("" when none, or gone). */
  commentary: string;
}

export interface HistoryChanges {
  /** The period compared with ("Q2 2010/11"); undefined when no earlier period is recorded (then every list is empty). */
  since?: string;
  /** Level better than last period's by the scheme's order (completed, ahead, on target, within tolerance, off target). */
  better: HistoryChange[];
  worse: HistoryChange[];
  /** Rated this period, not recorded last period. */
  added: HistoryChange[];
  /** Recorded last period, not rated this period. */
  gone: HistoryChange[];
}

export interface HistoryView {
  /** The sheet read (or to be written): "Scorecard History", or the name a person gave it. */
  sheet: string;
  /** The run's period as recorded ("Q3 2010/11"); undefined when the run has no period with a year (nothing is recorded). */
  period?: string;
  /** The latest recorded period before the run's. */
  previousPeriod?: string;
  /** Every period recorded, oldest first, this run's included. */
  periods: string[];
  /** Entries read from the sheet (this run's period left out: it is replaced), then this run's, in time order. */
  entries: HistoryEntry[];
  /** What the reader could not use, naming sheet and cell; and a warning when nothing is recorded. */
  problems: Problem[];
  /** The record's status last period, where it was recorded then. */
  previous(rated: RatedRecord): PreviousStatus | undefined;
  /** The record's entries oldest → newest, this run's last (for trend charts). */
  series(rated: RatedRecord): HistoryEntry[];
  /** Counts by status key of a period's entries, as the headline counts (hidden rows left out unless `includeHidden`). */
  counts(period: string, includeHidden?: boolean): Record<RecordKind, Record<string, number>>;
  changes: HistoryChanges;
}

export interface HistoryInput {
  sheet?: string;
  /** Entries read from the history sheet (readHistory). */
  entries: HistoryEntry[];
  problems?: Problem[];
  period?: HistoryPeriod;
  rated: RatedRecord[];
  today: string;
  /** Gives `counts` a zero for every status of the scheme, as the run's own counts have. */
  scheme?: Scheme;
  /** This run's entries when already made (ownEntries), so they are made once a run. */
  own?: OwnEntries;
}

/** Per key, the entries of that record; several where one ref is on two sheets (matched by sheet first). */
function byKey(entries: HistoryEntry[]): Map<string, HistoryEntry[]> {
  const map = new Map<string, HistoryEntry[]>();
  for (const e of entries) {
    const list = map.get(e.key);
    if (list) list.push(e);
    else map.set(e.key, [e]);
  }
  return map;
}

/**
 * A record's entry among those of its key in one period. A tracker may list one ref on several rows
 * or sheets: the entry from the record's own sheet and name is taken, the nth for the nth such row.
 */
function pick(list: HistoryEntry[] | undefined, r: RatedRecord, occurrence: number): HistoryEntry | undefined {
  if (!list?.length) return undefined;
  if (list.length === 1) return occurrence === 0 ? list[0] : undefined;
  const sheet = r.record.sheet.toLowerCase();
  const onSheet = list.filter((e) => e.sheet.toLowerCase() === sheet);
  const pool = onSheet.length ? onSheet : list;
  const name = identityText(r.record.name);
  const named = pool.filter((e) => identityText(e.name) === name);
  return (named.length ? named : pool)[occurrence];
}

/** How many rated records before each one share its key, sheet and name; only those with one or more are listed (most have none). */
function occurrences(rated: RatedRecord[]): Map<RatedRecord, number> {
  const keys = rated.map((r) => recordKey(r.record));
  const perKey = new Map<string, number>();
  for (const k of keys) perKey.set(k, (perKey.get(k) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = new Map<RatedRecord, number>();
  rated.forEach((r, i) => {
    // A key only one record has: nothing before it can share it (no text made for 100,000 records).
    if ((perKey.get(keys[i]) ?? 0) < 2) return;
    const k = `${keys[i]}|${r.record.sheet.toLowerCase()}|${identityText(r.record.name)}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    if (n > 0) out.set(r, n);
  });
  return out;
}

const previousOf = (e: HistoryEntry): PreviousStatus => ({
  period: e.period,
  status: e.status,
  level: e.level,
  ...(e.source === "officer" ? { source: "officer" as const } : {}),
});

export function historyFor(input: HistoryInput): HistoryView {
  const { period, rated, today } = input;
  const problems = [...(input.problems ?? [])];
  const { entries, own } = mergeRun(input.entries, rated, period, today, input.own);

  const orders = new Map<number, string>();
  for (const e of entries) if (!orders.has(e.periodOrder)) orders.set(e.periodOrder, e.period);
  const periods = [...orders.keys()].sort((a, b) => a - b);
  const before = period ? periods.filter((o) => o < period.order) : [];
  const previousOrder = before.length ? before[before.length - 1] : undefined;
  const previousPeriod = previousOrder === undefined ? undefined : orders.get(previousOrder);

  const last = byKey(entries.filter((e) => e.periodOrder === previousOrder));
  const upTo = byKey(period ? entries.filter((e) => e.periodOrder <= period.order) : []);
  const nth = occurrences(rated);
  const previous = (r: RatedRecord): PreviousStatus | undefined => {
    const e = pick(last.get(recordKey(r.record)), r, nth.get(r) ?? 0);
    return e && previousOf(e);
  };
  const series = (r: RatedRecord): HistoryEntry[] => {
    const byPeriod = new Map<number, HistoryEntry[]>();
    for (const e of upTo.get(recordKey(r.record)) ?? []) {
      const list = byPeriod.get(e.periodOrder);
      if (list) list.push(e);
      else byPeriod.set(e.periodOrder, [e]);
    }
    const out: HistoryEntry[] = [];
    for (const order of [...byPeriod.keys()].sort((a, b) => a - b)) {
      const e = pick(byPeriod.get(order), r, nth.get(r) ?? 0);
      if (e) out.push(e);
    }
    return out;
  };
  const counts = (p: string, includeHidden = false): Record<RecordKind, Record<string, number>> => {
    const out: Record<RecordKind, Record<string, number>> = input.scheme ? emptyCounts(input.scheme) : { indicator: {}, activity: {} };
    for (const e of entries) if (e.period === p && (includeHidden || !e.hidden)) out[e.kind][e.status] = (out[e.kind][e.status] ?? 0) + 1;
    return out;
  };

  const changes: HistoryChanges = {
    since: previousPeriod,
    better: [],
    worse: [],
    added: [],
    gone: [],
  };
  if (previousPeriod !== undefined) {
    const now = new Set<string>();
    for (const { rated: r, entry } of own) {
      if (!entry) continue;
      now.add(entry.key);
      const before = previous(r);
      const change: HistoryChange = {
        kind: entry.kind,
        key: entry.key,
        ref: entry.ref,
        name: entry.name,
        sheet: entry.sheet,
        ...(before ? { previous: before } : {}),
        current: { status: entry.status, level: entry.level },
        rated: r,
        commentary: r.record.comment?.text.trim() ?? "",
      };
      if (!before) {
        changes.added.push(change);
        continue;
      }
      const was = levelRank(before.level);
      const is = levelRank(entry.level);
      if (was === undefined || is === undefined || was === is) continue;
      (is < was ? changes.better : changes.worse).push(change);
    }
    for (const [key, list] of last) {
      if (now.has(key)) continue;
      const e = list[0];
      changes.gone.push({
        kind: e.kind,
        key,
        ref: e.ref,
        name: e.name,
        sheet: e.sheet,
        previous: previousOf(e),
        commentary: "",
      });
    }
  }
  return {
    sheet: input.sheet ?? HISTORY_SHEET,
    period: period?.text,
    previousPeriod,
    periods: periods.map((o) => orders.get(o) as string),
    entries,
    problems,
    previous,
    series,
    counts,
    changes,
  };
}
