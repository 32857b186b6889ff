// The rating history kept in the workbook (issue 14): one row per record per period on the owned,
// visible "Scorecard History" sheet, read back by both hosts. Pure data types.
import type { Level, RecordKind, StatusSource } from "../vocab/types";

export const HISTORY_SHEET = "Scorecard History";

/** One record's status for one period, as a row of the history sheet holds it. */
export interface HistoryEntry {
  /** RULES §10's written form: "Q2 2010/11" (or "2010/11" for a year). */
  period: string;
  /** Sorts periods in time order (e.g. year × 5 + quarter, the year itself 4). */
  periodOrder: number;
  kind: RecordKind;
  /** Identity across periods: the ref, else the name (see recordKey). */
  key: string;
  ref: string;
  name: string;
  sheet: string;
  /** Status key of the scheme, and its level. */
  status: string;
  level: Level;
  source: StatusSource;
  /** The rated figures as numbers where they were read as numbers, else as typed ("" when none). */
  actual: number | string;
  target: number | string;
  /** ISO date of the run that recorded it. */
  recordedOn: string;
  /** "%" where the figures are percentages (held as fractions: 78.9% is 0.789), or the currency typed ("£"). */
  unit?: string;
  /** The tracker row was hidden (left out of the pack's counts unless included, RULES §10). */
  hidden?: boolean;
  /**
   * The period the figures are for, where earlier than the row's own: a table still holding Q2's figures
   * when Q3 was reported. The row's status is what that period's pack said; its figures are charted as Q2's.
   */
  figuresFor?: { text: string; order: number };
  /**
   * What a person typed in "Figures for" that names no earlier period ("see note"): written back as typed,
   * never read. A number (a date typed there is a date serial to the Office.js host, which reads the history
   * without number formats) stays a number: as text, "31/03/2011" became "40633", and never matched the cell again.
   */
  figuresForTyped?: string | number | boolean;
}

/** The previous period's status of a record, as `--json` and the pack show it. */
export interface PreviousStatus {
  period: string;
  status: string;
  level: Level;
  /** Where the status came from then, when it was the officer's own (RULES §7): the pack marks it. */
  source?: "officer";
}
