// Words councils write in value cells (RULES §3), kept as data so that the reader stays short.
import type { TargetOp } from "../vocab/types";

/**
 * A number as officers type it: thousands commas or spaces (the reader folds non-breaking and thin
 * spaces to plain ones first), decimals, an optional exponent.
 */
export const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d,])|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+`;

/** The digits of a NUMBER match as JavaScript reads them: group separators dropped. */
export function digitsValue(digits: string): number {
  return Number(digits.replace(/[, ]/g, ""));
}

/** Scales written after a currency figure: "£2.5m", "£450k", "£1.2bn". */
export const SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, bn: 1e9 };

/** Signs: ASCII plus/minus, the true minus sign, and an en dash typed for a minus. */
export const SIGN = "[+\\-\u2212\u2013]";

/** What follows a number to make it a percentage (78.9% → 0.789). */
export const PERCENT = String.raw`%|per\s?cent\b|percentage points?\b|pp\b`;

/** Markers put before a figure (Dudley's "*8204", footnote daggers); kept as a note. */
export const MARKERS = "[*\u2020\u2021]";

/** Currency symbols: the figure is the value and the symbol its unit. */
export const CURRENCY = "[£$€]";

/**
 * Text starting with one of these (as a whole word) holds no usable value, even if it has a
 * number: "Not available", "n/a – local PI", "No instructions received in quarter 3".
 * Ranking words ("In best 20%", "Rank not calculated") describe a position, not a value.
 */
export const MISSING_STARTS: readonly string[] = [
  "no", "not", "none", "n/a", "n.a", "na", "n/k", "nk", "nil", "null", "unknown", "pending",
  "awaiting", "awaited", "annually", "final data", "first reported", "new pi", "new indicator",
  "new measure", "see", "(see", "tbc", "tba", "tbd", "to follow", "to be confirmed",
  "to be reported", "data not", "data to follow", "nothing",
  "in best", "in worst", "in top", "in bottom", "in the best", "in the worst", "in the top",
  "in the bottom", "rank", "ranked", "ranking",
];

/**
 * Text holding one of these anywhere is missing, unless it starts with a value
 * ("2010 results will be available in quarter 3." is missing; "85% (awaiting sign-off)" is 0.85).
 */
export const MISSING_CONTAINS: readonly string[] = [
  "not available", "not yet available", "will be available", "not yet released",
  "not yet been released", "not calculated", "to follow", "awaiting", "awaited",
  "reported annually", "no data", "not applicable", "quartile", "decile", "percentile",
];

/**
 * Missing texts that say no figure was due this period ("Annually reported.", "New PI"): not a
 * problem, unlike "n/a" or "Not available" where the period's figure was due (RULES §7).
 */
export const NOT_DUE: readonly string[] = [
  "annually", "annual", "reported annually", "first reported", "new pi", "new indicator", "new measure",
  "not due", "not yet due", "not applicable", "not reported this", "not reported in", "reported in q", "data only",
];

/** Operators written before a target's figure. Longer phrases first so "less than or equal to" wins. */
export const TARGET_PREFIXES: readonly (readonly [string, TargetOp])[] = [
  ["less than or equal to", "<="], ["fewer than or equal to", "<="], ["no more than", "<="],
  ["not more than", "<="], ["no greater than", "<="], ["not greater than", "<="],
  ["no higher than", "<="], ["not higher than", "<="], ["not exceeding", "<="],
  ["not to exceed", "<="], ["at most", "<="], ["maximum of", "<="], ["maximum", "<="],
  ["max.", "<="], ["max", "<="], ["up to", "<="], ["upto", "<="],
  ["less than", "<"], ["fewer than", "<"], ["lower than", "<"], ["below", "<"], ["under", "<"],
  ["greater than or equal to", ">="], ["more than or equal to", ">="], ["no less than", ">="],
  ["not less than", ">="], ["no fewer than", ">="], ["not fewer than", ">="],
  ["no lower than", ">="], ["not lower than", ">="], ["not below", ">="], ["at least", ">="],
  ["minimum of", ">="], ["minimum", ">="], ["min.", ">="], ["min", ">="],
  ["more than", ">"], ["greater than", ">"], ["higher than", ">"], ["above", ">"],
  ["exceeding", ">"], ["over", ">"],
  ["<=", "<="], ["=<", "<="], ["\u2264", "<="], ["\u2a7d", "<="], ["<", "<"],
  [">=", ">="], ["=>", ">="], ["\u2265", ">="], ["\u2a7e", ">="], [">", ">"],
];

/** Operators written after the figure: "90% or more", "10 or fewer", "90%+". */
export const TARGET_SUFFIXES: readonly (readonly [RegExp, TargetOp])[] = [
  [/^(?:or|and)\s+(?:more|above|higher|greater|over|better)\b\.?/i, ">="],
  [/^(?:or|and)\s+(?:less|fewer|below|lower|under)\b\.?/i, "<="],
  [/^\+(?![\d.])/, ">="],
];

/** Words right before a number that make it a label, not a value ("quarter 3", "NI 115"). */
export const LABEL_WORDS: readonly string[] = [
  "quarter", "qtr", "q", "year", "yr", "page", "ni", "pi", "no.", "priority", "phase", "stage",
  "period", "month", "week", "section", "step", "tier", "level", "ref", "ref.", "cohort",
];

/** Words right before a year that make it a date ("since April 2008", "in 2009"). */
export const YEAR_WORDS: readonly string[] = [
  "in", "since", "from", "for", "during", "until", "till", "by", "before", "after", "to", "of",
  "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
  "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
  "november", "dec", "december", "–", "-", "—",
];

/** Excel's error values, when they arrive as text (CSV exports, pasted values). */
export const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/** True when lower-cased text starts with the phrase as a whole word. */
export function startsWithPhrase(lower: string, phrase: string): boolean {
  if (!lower.startsWith(phrase)) return false;
  const next = lower.charAt(phrase.length);
  return next === "" || !/[a-z0-9]/.test(next) || !/[a-z0-9]$/.test(phrase);
}
