// Words for people, not for the rules' own log: the officers' section in plain sentences ("The officer
// rated it Red; the rules give Satisfactory: 378 against a target of 483 is met."), an exception's missing
// commentary as the pane and --json tell it too (rate/commentary.ts), the councillors' pages with no
// reasons at all, and table headers naming what the pack holds.
import { minusSigns } from "./format";
import type { RecordKind } from "./types";

/** "Due 30/06/2021, …": the first letter a capital. */
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A rule's reason as a sentence, without the full stop: "378 against a target of 483: met" reads
 * "378 against a target of 483 is met"; "8 against a target of 10: 20% short, beyond the 5%
 * tolerance" reads "8 against a target of 10 is 20% short, …". Others keep their words, capitalised.
 */
export function plainReason(reason: string): string {
  return capital(plainClause(reason));
}

/** The reason as a clause, to follow a colon: as plainReason, not capitalised; its figures' minus the minus sign, as the pack's. */
function plainClause(reason: string): string {
  const text = minusSigns(reason.trim().replace(/[.\s]+$/, ""));
  const against = /^(.+? against a target of .+?): (.+)$/.exec(text);
  return against ? `${against[1]} is ${against[2]}` : text;
}

/** A sentence ends with one full stop. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** The officers' line where the officer's rating and the rules disagree. */
export function disagreementSentence(typed: string, rulesLabel: string, reason: string): string {
  const why = reason.trim() ? `: ${plainClause(reason)}` : "";
  return sentence(`The officer rated it ${typed.trim()}; the rules give ${rulesLabel}${why}`);
}

/** What the councillors' Exceptions table says where the lead officer wrote no commentary. */
export const NO_COMMENTARY = "No commentary given.";

/** The Exceptions table's Lead officer where a row names none but others do (a blank read as no one answerable). */
export const NO_LEAD = "Not given.";

/** The rating's reason where the status is the officer's own (rate/rate.ts): "officer's rating (no actual)". */
const OFFICERS_RATING = /^officer's rating(?: \((.*)\))?$/s;

/**
 * The officers' line for an exception with no commentary: what the rules found, and what to do. One line:
 * a reason that quotes a cell ("Awaiting\nfigures") keeps its words, not its line breaks. Where the status
 * is the officer's own rating, it says so in words, not as the rules' log has it ("Officer's rating (…).").
 */
export function missingCommentarySentence(status: string, reason: string): string {
  const text = oneLine(reason);
  const officers = OFFICERS_RATING.exec(text);
  const said = officers ? (officers[1] ? `The rating is the officer's own: the rules could not rate it (${officers[1]})` : "") : text && plainReason(text);
  const why = said ? ` ${sentence(said)}` : "";
  return `Rated ${status} with no commentary from the lead officer.${why} Add the commentary in the tracker.`;
}

/** Text quoted in a one-line message: its line breaks and runs of spaces as one space. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Commentary that only points elsewhere ("See below", "(See comment)", "Refer to commentary below", "See NI 073
 * above", "As above"): in the pack the row stands alone, so the pointer leads nowhere, or to another record's
 * words (helper-124, helper-126: Derby's NI 43, an exception, said only "See below"). A pointer is "see" or
 * "refer to" and at most three words, one of them naming where (below, a report, a ref), or "as above/before".
 */
const POINTER_SHAPE = /^\(?\s*(?:(?:please\s+)?(?:see|refer\s+to)((?:\s+[^\s():;,]+){1,3})|as\s+(?:per\s+)?(?:above|below|before|previous(?:\s+(?:quarter|period|comments?|update))?|last\s+(?:quarter|period|time)))\s*[.:…]*\s*\)?$/i;
const POINTER_WORD = /^(?:below|above|overleaf|attached|attachment|comments?|commentary|notes?|report|narrative|section|appendix|previous|update|earlier|separate|sheet|tab|.*\d.*)$/i;

export function isPointer(text: string): boolean {
  const m = POINTER_SHAPE.exec(text.trim());
  if (!m) return false;
  // "As above": no words to weigh. "See …": one of its words says where.
  return m[1] === undefined || m[1].trim().split(/\s+/).some((w) => POINTER_WORD.test(w.replace(/[.…]+$/, "")));
}

/** The commentary the councillors' pages show: a bare pointer is said to be one, with the tracker's words kept. */
export function commentaryText(text: string | undefined): string {
  const t = text ?? "";
  return isPointer(t) ? `No commentary given here (the tracker says "${t.trim()}").` : t;
}

export function pointerCommentarySentence(status: string, text: string): string {
  return `Rated ${status}, and the commentary only says "${oneLine(text)}": the pack shows the row on its own. Write the commentary in the row's own cell.`;
}

/** Headers of the Exceptions table: the name, figure and progress columns, and whether a Type column is needed. */
export interface ExceptionHeaders {
  name: string;
  target: string;
  actual: string;
  /** Both kinds are listed, so each row says which it is. */
  mixed: boolean;
}

/** Headers naming what the table holds: "Indicator", "Target", "Actual" where it lists only indicators. */
export function exceptionHeaders(kinds: readonly RecordKind[]): ExceptionHeaders {
  const indicators = kinds.includes("indicator");
  const activities = kinds.includes("activity");
  if (indicators && !activities) return { name: "Indicator", target: "Target", actual: "Actual", mixed: false };
  if (activities && !indicators) return { name: "Activity", target: "Due date", actual: "Progress", mixed: false };
  return { name: "Indicator or activity", target: "Target or due date", actual: "Actual or progress", mixed: true };
}
