// A period as the history writes and sorts it: RULES §10's written form, and a number in time order.
import { checkPeriod, formatPeriod, type ReportingPeriod } from "../read/periods";

export interface HistoryPeriod {
  /** "Q2 2010/11", or "2010/11" for a whole year. */
  text: string;
  /** startYear × 5 + quarter; a whole year sorts after its Q4 (× 5 + 5) and before the next year's Q1. */
  order: number;
}

/** The run's period in the history's terms; undefined where it names no year (it could not be ordered). */
export function historyPeriod(period: ReportingPeriod | undefined): HistoryPeriod | undefined {
  if (!period || period.startYear === undefined) return undefined;
  return {
    text: formatPeriod(period),
    order: period.startYear * 5 + (period.quarter ?? 5),
  };
}

/** A period typed in the history sheet ("Q2 2010/11", "Quarter 2 2010-11", "2010/11"), or why it cannot be read. */
export function readHistoryPeriod(text: string): HistoryPeriod | string {
  const checked = checkPeriod(text);
  if (typeof checked === "string") return checked;
  return historyPeriod(checked) ?? `period "${text}" names no year`;
}
