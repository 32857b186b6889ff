// An indicator's figures over time for its trend chart (issue 14): the tracker's own period columns
// and the workbook's history, one point per period, oldest first, each with the target of its period.
import { readHistoryPeriod } from "../history/period";
import { readValue } from "../read/values";
import type { HistoryEntry } from "../history/types";
import type { Field, LabelledField, PeriodInfo, SourceRecord } from "../vocab/types";

export interface TrendPoint {
  /** The period as the chart labels it ("Q2 2010/11"), or the tracker's header where it names no period. */
  label: string;
  value: number;
  /** The target of that period, where one was recorded or is the current one; null where none is known. */
  target: number | null;
}

export interface TrendChartData {
  points: TrendPoint[];
  /** The figures are percentages held as fractions (78.9% is 0.789). */
  percent: boolean;
}

/** A chart needs this many figures over time. */
export const MIN_POINTS = 3;

interface Figure {
  value: number;
  percent: boolean;
}

/** A cell read as a number, a target's figure ("Less than 10,459" is 10,459), else undefined. */
export function figureOf(value: unknown, format?: string): Figure | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const reading = readValue(value as Field["value"], format);
  if (reading.kind === "number" || reading.kind === "target") return Number.isFinite(reading.value) ? { value: reading.value, percent: reading.percent } : undefined;
  return undefined;
}

const yearText = (start: number): string => `${start}/${String((start + 1) % 100).padStart(2, "0")}`;

/** "2010/11" from "2010/11", "10/11" or "2010-11"; undefined where it is not a financial year. */
function yearOf(text: string | undefined): string | undefined {
  const m = text ? /(20\d\d|19\d\d|\d\d)\s*[/-]\s*(\d{2,4})/.exec(text) : null;
  if (!m) return undefined;
  const first = Number(m[1]);
  return yearText(first < 100 ? 2000 + first : first);
}

interface Placed extends TrendPoint {
  /** Written period and its order, where the column names a quarter or a year. */
  period?: { text: string; order: number };
}

/** Periods read once per text: a tracker's few column headers stand for every one of its rows. */
const readPeriods = new Map<string, { text: string; order: number } | undefined>();
function readPeriod(text: string): { text: string; order: number } | undefined {
  if (!readPeriods.has(text)) {
    const read = readHistoryPeriod(text);
    if (readPeriods.size > 1000) readPeriods.clear();
    readPeriods.set(text, typeof read === "string" ? undefined : read);
  }
  return readPeriods.get(text);
}

/** The period a tracker column is for, in the history's written form; its year from the report's where it names none. */
function periodOfColumn(info: PeriodInfo | undefined, reportYear: string | undefined): { text: string; order: number } | undefined {
  if (!info || info.month !== undefined) return undefined;
  const year = yearOf(info.year) ?? reportYear;
  if (!year) return undefined;
  const text = info.quarter ? `Q${info.quarter} ${year}` : info.year ? year : undefined;
  return text ? readPeriod(text) : undefined;
}

function trackerPoints(series: LabelledField[], reportYear: string | undefined, target: number | null): { points: Placed[]; percent: boolean } {
  const points: Placed[] = [];
  let percent = false;
  for (const s of series) {
    const figure = figureOf(s.field.value, s.field.format);
    if (!figure) continue;
    percent ||= figure.percent;
    const period = periodOfColumn(s.period, reportYear);
    points.push({ label: period?.text ?? s.label, value: figure.value, target, period });
  }
  return { points, percent };
}

/** A whole year (order ≡ 0 mod 5) or a quarter: figures of different lengths are never on one line. */
const isYear = (order: number) => order % 5 === 0;

/**
 * The record's figures over time, oldest first: the tracker's period columns, with the history's
 * figures for periods the tracker has no column for (the tracker wins where both have one: it may
 * hold a corrected figure; so does a later row's copy of a period's figures over the one before it,
 * "Figures for"). History figures join only a line of the same kind of period (quarters
 * with quarters, years with years) and only where every tracker column names its period.
 */
export function trendPoints(record: SourceRecord, history: HistoryEntry[], reportPeriod: string | undefined): TrendChartData {
  // This run's own entry: where its table still holds an earlier period's figures, they are that period's.
  const own = reportPeriod === undefined ? undefined : history.find((e) => e.period === reportPeriod);
  // Columns naming no year ("Q1 Actual") are of the year of the figures: a table of last year's ("Housing
  // performance indicators 2009/10") plotted at this year's quarters put Q4 2009/10's figure after the report.
  const reportYear = yearOf(own?.figuresFor?.text ?? reportPeriod);
  const current = figureOf((record.target ?? record.annualTarget)?.value, (record.target ?? record.annualTarget)?.format);
  const currentTarget = current ? current.value : null;
  let { points, percent } = trackerPoints(record.series, reportYear, currentTarget);
  if (points.length === 0) {
    // No period columns: the rated actual is this period's figure, or the earlier one's its table holds (Q2's).
    const actual = figureOf(record.actual?.value, record.actual?.format);
    const period = own?.figuresFor ?? (reportPeriod ? readPeriod(reportPeriod) : undefined);
    if (actual && period) points = [{ label: period.text, value: actual.value, target: currentTarget, period }];
    percent ||= actual?.percent ?? false;
  }
  // Every point so far is this pack's tracker's; the history's join below.
  const fromTracker = new Set(points);
  const dated = points.every((p) => p.period);
  if (!dated && points.length > 0) return { points: points.map(plain), percent };

  const kindOfLine = points.length > 0 ? isYear(points[points.length - 1].period!.order) : undefined;
  const byPeriod = new Map(points.map((p) => [p.period!.text, p]));
  for (const entry of history) {
    // This run's own entry holds the tracker's rated figure, already among its columns.
    if (entry.period === reportPeriod && points.length > 0 && record.series.length > 0) continue;
    // A row whose figures are an earlier period's (a sheet still holding Q2's at Q3) is charted at that period.
    const at = entry.figuresFor ?? { text: entry.period, order: entry.periodOrder };
    const figure = figureOf(entry.actual);
    if (!figure || (kindOfLine !== undefined && isYear(at.order) !== kindOfLine)) continue;
    const recorded = figureOf(entry.target);
    const known = byPeriod.get(at.text);
    if (known) {
      if (entry.figuresFor && !fromTracker.has(known)) {
        // A later copy of a period's figures over the one recorded before it (the period's own row, or an
        // earlier copy): as this pack's tracker figure stands over the history, the figure last reported
        // stands, so the Q3 pack and the Q4 pack plot the same Q2 figure (the Q3 pack's, from its table).
        known.value = figure.value;
        if (recorded) known.target = recorded.value;
        percent ||= figure.percent || entry.unit === "%";
        continue;
      }
      // The tracker's figure stands; the target recorded for that period replaces the current one.
      if (recorded && !entry.figuresFor && known.period!.text !== reportPeriod) known.target = recorded.value;
      continue;
    }
    percent ||= figure.percent || entry.unit === "%";
    const point: Placed = { label: at.text, value: figure.value, target: recorded ? recorded.value : currentTarget, period: at };
    byPeriod.set(at.text, point);
  }
  const ordered = [...byPeriod.values()].sort((a, b) => a.period!.order - b.period!.order);
  return { points: ordered.map(plain), percent };
}

const plain = ({ label, value, target }: Placed): TrendPoint => ({ label, value, target });
