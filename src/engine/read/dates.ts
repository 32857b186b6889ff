// Calendar dates as ISO "YYYY-MM-DD" strings, Excel serials and the date texts councils type.
// Pure integer arithmetic on day counts: no Date parsing, no locale, no time zones.
import type { CellValue } from "../vocab/types";

/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** Month number (1–12) for an English month name or abbreviation, any case. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const THIRTY_DAYS = [4, 6, 9, 11];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return THIRTY_DAYS.includes(month) ? 30 : 31;
}

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** A real calendar date in years 0–9999. */
function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  return year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "YYYY-MM-DD" for a valid date in years 0–9999, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!isValidDate(year, month, day)) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Runs twice for every activity (report date, due date): checks the date without writing it out again. */
function parseIso(iso: string): { y: number; m: number; d: number } | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidDate(y, mo, d) ? { y, m: mo, d } : undefined;
}

/** The digits of iso[from, to) as a number; NaN if any is not a digit. */
function digitsAt(iso: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = iso.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** parseIso's date as a day number (daysFromCivil), NaN where parseIso gives none; no match object, no date object. */
function isoDayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return NaN; // "-"
  const y = digitsAt(iso, 0, 4);
  const m = digitsAt(iso, 5, 7);
  const d = digitsAt(iso, 8, 10);
  return isValidDate(y, m, d) ? daysFromCivil(y, m, d) : NaN;
}

/** Last day of a month (1–12) as ISO: lastDayOfMonth(2021, 6) = "2021-06-30". */
export function lastDayOfMonth(year: number, month: number): string {
  const iso = isoDate(year, month, Number.isInteger(month) && month >= 1 && month <= 12 ? daysInMonth(year, month) : 0);
  if (!iso) throw new RangeError(`no such month: ${year}-${month}`);
  return iso;
}

/** Whole days from a to b (b − a), NaN when either is not a valid ISO date. */
export function daysBetween(aIso: string, bIso: string): number {
  return isoDayNumber(bIso) - isoDayNumber(aIso);
}

/** The ISO date n days after iso (n may be negative). Throws RangeError on an invalid date. */
export function addDays(iso: string, n: number): string {
  const p = parseIso(iso);
  if (!p || !Number.isInteger(n)) throw new RangeError(`not a date: ${iso}`);
  const c = civilFromDays(daysFromCivil(p.y, p.m, p.d) + n);
  const out = isoDate(c.y, c.m, c.d);
  if (!out) throw new RangeError(`date out of range: ${iso} + ${n}`);
  return out;
}

// Excel's 1900 system counts 1900-02-29, which never existed (a Lotus 1-2-3 bug kept for
// compatibility): serials 1–59 start from 1899-12-31, serials from 61 from 1899-12-30.
const EPOCH_EARLY = daysFromCivil(1899, 12, 31);
const EPOCH = daysFromCivil(1899, 12, 30);

/**
 * ISO date of a 1900-system serial (time of day dropped). Serial 60 gives "1900-02-29",
 * Excel's phantom day, so that round trips hold. Throws RangeError outside 0–2958465.
 */
export function excelSerialToIso(serial: number): string {
  if (!Number.isFinite(serial) || serial < 0 || serial >= MAX_EXCEL_SERIAL + 1) {
    throw new RangeError(`not an Excel date serial: ${serial}`);
  }
  const s = Math.floor(serial);
  if (s === 60) return "1900-02-29";
  const c = civilFromDays(s < 60 ? EPOCH_EARLY + s : EPOCH + s);
  return `${pad(c.y, 4)}-${pad(c.m, 2)}-${pad(c.d, 2)}`;
}

/** 1900-system serial of an ISO date ("1900-02-29" gives 60). Throws RangeError on anything else invalid. */
export function isoToExcelSerial(iso: string): number {
  if (iso === "1900-02-29") return 60;
  const p = parseIso(iso);
  const days = p ? daysFromCivil(p.y, p.m, p.d) : NaN;
  const serial = days - EPOCH < 61 ? days - EPOCH_EARLY : days - EPOCH;
  if (!(serial >= 0 && serial <= MAX_EXCEL_SERIAL)) throw new RangeError(`not a date Excel can hold: ${iso}`);
  return serial;
}

/** Two-digit years follow Excel: 00–29 are 2000s, 30–99 are 1900s. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * A date typed as text: UK "31/03/2022", "31/3/22", "31.03.2022"; ISO "2022-03-31" (a time part
 * is ignored); "31 March 2022", "1st Apr 22", "31-Mar-2022"; month and year "Jun-2021",
 * "June 2021", "Jun 21", "Sept '21" mean the last day of that month.
 */
export function parseDateText(raw: string): string | undefined {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (m) return isoDate(fullYear(m[4]), Number(m[3]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+'?(\d{4}|\d{2})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? isoDate(fullYear(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([a-z]+)\.?[\s/-]*,?\s*'?(\d{4}|\d{2})$/i.exec(text);
  if (m) {
    const month = monthNumber(m[1]);
    const year = fullYear(m[2]);
    return month && year <= 9999 ? lastDayOfMonth(year, month) : undefined;
  }
  return undefined;
}

/** Words before a due date that say it is the latest day: "By 31/03/2011", "End of March 2011", "No later than …". */
const DUE_BY = /^(?:(?:due\s+)?(?:by|before|no later than|not later than)(?:\s+the)?(?:\s+end\s+of)?|(?:the\s+)?end(?:\s+of)?)\s*:?\s+/i;
/** A note in brackets after a due date: "31/03/2011 (revised)", "March 2011 (was Dec 2010)". */
const NOTE_AFTER_DATE = /\s*\(([^()]*)\)\s*$/;
/** A note naming the date the action had before: the date outside the brackets stands. */
const EARLIER_DATE_NOTE = /^\s*(?:was|originally|original|previously|formerly|first|from)\b/i;
const QUARTER_OF_YEAR = /^(?:q|qtr|quarter)\s*([1-4])\s*,?\s*(?:of\s+)?(?:fy\s*)?(\d{4}|\d{2})\s*[/-]\s*(\d{4}|\d{2})$/i;
const FINANCIAL_YEAR = /^(?:fy\s*|financial year\s*)?(\d{4})\s*[/-]\s*(\d{4}|\d{2})$/i;
const MONTH_DAY_YEAR = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
/** "April 2010 - March 2011", "Apr 10 to Mar 11": a span, due at its end. */
const SPAN = /^(.+?)\s+(?:-|\u2013|\u2014|to)\s+(.+)$/i;

/** The financial year starting in April of the first year of "2010/11", "2010-2011", "10/11"; undefined where the two do not follow. */
function financialYearStart(first: string, second: string): number | undefined {
  const a = fullYear(first);
  const b = fullYear(second);
  return b === a + 1 ? a : undefined;
}

/**
 * A due date as officers type one when it is not a date on its own (helper-107): "End of March 2011",
 * "By 31/03/2011", "31/03/2011 (revised)", "March 31 2011", a quarter ("Q4 2010/11", due at its last day),
 * a financial year ("2010/11", due 31 March 2011) or a span ("April 2010 - March 2011", due at its end).
 * Seasons, "Ongoing" and "by year end" name no day, and give none.
 */
export function readDueDate(cell: CellValue, numberFormat?: string): string | undefined {
  const iso = readDate(cell, numberFormat);
  // "Mar-2011" typed into Excel is stored as 1 March and shown "Mar-11": due at the month's end, as the same
  // words typed as text are (RULES §3). A date on another day only shown as its month is due that day.
  if (iso !== undefined && typeof cell !== "string" && iso.endsWith("-01") && isMonthFormat(numberFormat)) return lastDayOfMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
  if (iso !== undefined || typeof cell !== "string") return iso;
  return dueInWords(cell.replace(/\s+/g, " ").trim(), 0);
}

function dueInWords(text: string, depth: number): string | undefined {
  // A note naming another date ("July 2010 (revised to March 2011)") leaves which is due unclear, unless it
  // says the other was the earlier one ("March 2011 (was Dec 2010)").
  const note = NOTE_AFTER_DATE.exec(text);
  if (note && /\d/.test(note[1]) && !EARLIER_DATE_NOTE.test(note[1])) return undefined;
  const t = text.replace(NOTE_AFTER_DATE, "").replace(DUE_BY, "").trim();
  if (!t || t.length > 60) return undefined;
  const plain = parseDateText(t);
  if (plain) return plain;
  let m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : undefined;
  }
  m = QUARTER_OF_YEAR.exec(t);
  if (m) {
    const start = financialYearStart(m[2], m[3]);
    if (start === undefined) return undefined;
    const q = Number(m[1]);
    return q === 4 ? lastDayOfMonth(start + 1, 3) : lastDayOfMonth(start, 3 + 3 * q);
  }
  m = FINANCIAL_YEAR.exec(t);
  if (m) {
    const start = financialYearStart(m[1], m[2]);
    return start === undefined ? undefined : lastDayOfMonth(start + 1, 3);
  }
  m = depth === 0 ? SPAN.exec(t) : null;
  // Both ends must be dates, the second the later: "Phase 1 - March 2011" is a phase's, not a span.
  const from = m ? dueInWords(m[1], depth + 1) : undefined;
  const to = m && from !== undefined ? dueInWords(m[2], depth + 1) : undefined;
  return from !== undefined && to !== undefined && to >= from ? to : undefined;
}

/**
 * True when an Excel number format shows a date: it has d, y, or m outside quotes, escapes and
 * [colour] codes, and is not a pure time (m beside h or s is minutes; [h] is elapsed time).
 */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  let known = dateFormats.get(numberFormat);
  if (known === undefined) {
    known = isDateFormatUncached(numberFormat);
    if (dateFormats.size < 1000) dateFormats.set(numberFormat, known);
  }
  return known;
}

const dateFormats = new Map<string, boolean>();

function isDateFormatUncached(numberFormat: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(unquoted(numberFormat))) return false;
  const codes = dateCodes(numberFormat);
  if (/[dy]/.test(codes)) return true;
  return /m/.test(codes) && !/[hs]/.test(codes);
}

/** A format without quoted text, escapes and fills. */
const unquoted = (numberFormat: string): string =>
  numberFormat
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "");

/** A format's codes, lower case, without quoted text, escapes, fills and [colour] or [$-809] sections. */
const dateCodes = (numberFormat: string): string =>
  unquoted(numberFormat)
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();

/** A date format showing a month and year but no day ("mmm-yy", "mmmm yyyy"): how Excel shows "Mar-2011" typed in a cell. */
export function isMonthFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat || !isDateFormat(numberFormat)) return false;
  // A date is positive: only the first section shows it.
  const codes = dateCodes(numberFormat).split(";")[0];
  return /m/.test(codes) && /y/.test(codes) && !/[dhs]/.test(codes);
}

/** ISO date of a JS Date from its UTC parts, undefined when invalid. */
export function isoFromDate(d: Date): string | undefined {
  const t = d.getTime();
  if (Number.isNaN(t)) return undefined;
  // ExcelJS hands dates over as UTC midnight: read the UTC parts, never the local ones.
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export interface ReadDateOptions {
  /** Read a number as a 1900-system serial (default true: readDate is used on date columns). */
  serials: boolean;
}

/** The ISO date a cell holds, or undefined. Never throws. */
export function readDate(
  cell: CellValue,
  numberFormat?: string,
  options: ReadDateOptions = { serials: true },
): string | undefined {
  if (cell instanceof Date) return isoFromDate(cell);
  if (typeof cell === "number") {
    const serial = options.serials || isDateFormat(numberFormat);
    return serial && cell >= 1 && cell < MAX_EXCEL_SERIAL + 1 ? excelSerialToIso(cell) : undefined;
  }
  if (typeof cell === "string") return parseDateText(cell);
  return undefined;
}
