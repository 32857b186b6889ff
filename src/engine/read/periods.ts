// Reporting periods: "Q3 2010/11" → quarter 3 of 2010/11, its elapsed share of the year and its last day.
import { daysInMonth, isoDate, lastDayOfMonth } from "./dates";

export interface ReportingPeriod {
  label: string;
  quarter?: number;
  /** First calendar year of the financial year (2010 for 2010/11). */
  startYear?: number;
}

const QUARTER_MONTHS = ["April to June", "July to September", "October to December", "January to March"];

/** Reads "Q3", "Q3 2010/11", "Quarter 3 2010-11", "2021/22 Q1". Undefined when no quarter or year is named. */
export function parseReportingPeriod(text: string): ReportingPeriod | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const q = /\b(?:q|quarter\s*)([1-4])\b/i.exec(t);
  const y = /\b(20\d\d|19\d\d|\d\d)\s*[/-]\s*(\d{2,4})\b/.exec(t);
  const quarter = q ? Number(q[1]) : undefined;
  let startYear: number | undefined;
  if (y) {
    const first = Number(y[1]);
    startYear = first < 100 ? 2000 + first : first;
  }
  if (quarter === undefined && startYear === undefined) return undefined;
  return { label: t, quarter, startYear };
}

/** Elapsed share of the financial year at the end of the period (Q1 ¼ … Q4 1). */
export function periodFraction(period: ReportingPeriod | undefined): number | undefined {
  return period?.quarter ? period.quarter / 4 : undefined;
}

/** ISO date of the last day of the period (UK financial year: Q1 ends 30 June). */
export function periodEnd(period: ReportingPeriod | undefined): string | undefined {
  if (!period || period.startYear === undefined) return undefined;
  const quarter = period.quarter ?? 4;
  const month = [6, 9, 12, 3][quarter - 1];
  const year = quarter === 4 ? period.startYear + 1 : period.startYear;
  return lastDayOfMonth(year, month);
}

/** "Quarter 3 (October to December) 2010/11", as report titles say it. */
export function describePeriod(period: ReportingPeriod | undefined): string {
  if (!period) return "";
  const year = period.startYear !== undefined ? `${period.startYear}/${String((period.startYear + 1) % 100).padStart(2, "0")}` : "";
  if (!period.quarter) return year ? `Year ${year}` : period.label;
  return `Quarter ${period.quarter} (${QUARTER_MONTHS[period.quarter - 1]})${year ? " " + year : ""}`;
}

/** The written form (RULES §10): "Q3 2010/11" for a quarter, "2010/11" for a year, "Q3" without a year. */
export function formatPeriod(period: ReportingPeriod | undefined): string {
  if (!period) return "";
  const year = period.startYear !== undefined ? `${period.startYear}/${String((period.startYear + 1) % 100).padStart(2, "0")}` : "";
  return [period.quarter ? `Q${period.quarter}` : "", year].filter(Boolean).join(" ") || period.label;
}

/** Orders periods: earlier year first, then a quarter before its whole year (which ends with Q4). */
export function comparePeriods(a: ReportingPeriod, b: ReportingPeriod): number {
  return (a.startYear ?? 0) - (b.startYear ?? 0) || (a.quarter ?? 4) - (b.quarter ?? 4);
}

const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;

/**
 * A period a person typed, checked (issue 12 item 4): Q1–Q4 of a real financial year, or a year.
 * "Q3 2010/11", "Quarter 3 2010-11", "2021/22 Q1", "2010/11". A message for anything else.
 */
export function checkPeriod(text: string): ReportingPeriod | string {
  const t = text.trim().replace(/\s+/g, " ");
  const example = 'write it as Q3 2010/11, or 2010/11 for a whole year';
  const q = /^(?:q|quarter ?)(\d+)\b/i.exec(t) ?? /\b(?:q|quarter ?)(\d+)$/i.exec(t);
  const rest = q ? t.replace(q[0], "").trim() : t;
  if (q && (Number(q[1]) < 1 || Number(q[1]) > 4)) return `period "${text}": there is no quarter ${q[1]} (quarters are Q1 to Q4); ${example}`;
  const y = /^(\d{4}) ?[/-] ?(\d{2}|\d{4})$/.exec(rest);
  if (!y) return `period "${text}" is not a quarter and financial year; ${example}`;
  const start = Number(y[1]);
  const end = Number(y[2]);
  const follows = y[2].length === 4 ? end === start + 1 : end === (start + 1) % 100;
  if (!follows) return `period "${text}": ${y[1]}/${y[2]} is not a financial year (the second year follows the first, as in 2010/11); ${example}`;
  if (start < EARLIEST_YEAR || start > LATEST_YEAR) return `period "${text}": the year ${start} is out of range`;
  return { label: t, quarter: q ? Number(q[1]) : undefined, startYear: start };
}

const MONTH_NAMES = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const MONTH_WORD = new RegExp(String.raw`\b(${MONTH_NAMES})\b\.?(?:\s*(\d{4}))?`, "gi");
/** "15 March 2011", "1st June, 2011". */
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (${MONTH_NAMES})\.?,? ((?:19|20)\d\d)\b`, "gi");
const MONTH_NUMBERS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * The period a title names (RULES §10 step 2): "Quarter 3 (October to December 2010)" → Q3 2010/11,
 * "2009/10 Quarter 4 (January - March 2010)", "Q3 2024/25", "Quarters 1 & 2" (the latest, Q2), a
 * month range "April – June 2021" → Q1 2021/22; a year alone "2021/22". Undefined when none.
 */
const QUARTER_WORDS = /\b(?:quarter|qtr) (one|two|three|four)\b|\b(first|second|third|fourth|1st|2nd|3rd|4th) (?:quarter|qtr)\b/i;
const QUARTER_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, first: 1, second: 2, third: 3, fourth: 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4 };

/** The calendar months (1–12) a text names, in order. */
export function monthsNamed(text: string): number[] {
  return monthWords(text).map((m) => MONTH_NUMBERS[m[1].slice(0, 3).toLowerCase()]);
}

/** "may" as a verb ("figures may be revised", "May change"), not the month. */
const MAY_VERB = /^may\s+(?:be|change|not|vary|differ|have|need|rise|fall|alter|move|increase|decrease|still|also|well)\b/i;

/** The month words of a text (MONTH_WORD's matches), "may" as a verb left out. */
function monthWords(text: string): RegExpExecArray[] {
  return [...text.matchAll(MONTH_WORD)].filter((m) => !MAY_VERB.test(text.slice(m.index)));
}

/** The date a month word with its year names: its day where one is written before it, else the month's last. */
function dayOf(text: string, m: RegExpExecArray): { year: number; month: number; day: number } {
  const year = Number(m[2]);
  const month = MONTH_NUMBERS[m[1].slice(0, 3).toLowerCase()];
  const day = /(\d{1,2})(?:st|nd|rd|th)? ?$/.exec(text.slice(0, m.index));
  return { year, month, day: day && Number(day[1]) <= daysInMonth(year, month) ? Number(day[1]) : daysInMonth(year, month) };
}

/** The quarter's last month (3, 6, 9 or 12) last ended before month `month` of `year` began. */
function quarterEndBefore(month: number, year: number): { month: number; year: number } {
  const end = month - (month % 3 === 0 ? 3 : month % 3);
  return end > 0 ? { month: end, year } : { month: end + 12, year: year - 1 };
}

export function periodInTitle(text: string): ReportingPeriod | undefined {
  // A date in ISO form ("Cabinet 2011-03-15") is read as one in figures (15/03/2011).
  const t = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\b((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\b/g, "$3/$2/$1");
  if (!t || t.length > 250) return undefined;
  let quarter: number | undefined;
  const q = /\b(?:q|qtr|quarters?) ?([1-4])((?: ?(?:&|and|,|-|–|to) ?(?:q|quarter )?[1-4])*)(?![\d/])/i.exec(t);
  if (q) quarter = Math.max(Number(q[1]), ...(q[2].match(/[1-4]/g) ?? []).map(Number));
  // "Quarter Three", "Third Quarter", "3rd Quarter" (helper-90: read as the whole year).
  const worded = QUARTER_WORDS.exec(t);
  if (quarter === undefined && worded) quarter = QUARTER_NUMBERS[(worded[1] ?? worded[2]).toLowerCase()];
  let startYear: number | undefined;
  // Every year pair, so that a plan's span before it ("Council Plan 2020-2024 … Quarter 2 2021/22") is passed over.
  for (const fy of t.matchAll(/(?:\b|(?<=fy))((?:19|20)\d\d) ?[/-] ?(\d{2}|\d{4})\b/gi)) {
    const a = Number(fy[1]);
    const b = Number(fy[2]);
    if (fy[2].length === 4 ? b === a + 1 : b === (a + 1) % 100) {
      startYear = a;
      break;
    }
  }
  // "Q3 10/11": a two-digit year pair, taken only beside a quarter (alone, "10/11" may be 10 November).
  const short = startYear === undefined && quarter !== undefined ? /(?<![\d/.-])(?:\b|(?<=fy))(\d\d) ?\/ ?(\d\d)\b(?! ?[/.-] ?\d)/i.exec(t) : null;
  if (short && Number(short[2]) === (Number(short[1]) + 1) % 100) startYear = 2000 + Number(short[1]);
  // Months fix the financial year: October–December 2010 is in 2010/11, January–March 2011 in 2010/11.
  const months = monthWords(t);
  // The month a period is said to end in outranks a later one: "Period ending 31 December 2010 (Cabinet
  // 15 March 2011)" is Q3 2010/11, not Q4 (helper-94).
  const ending = months.filter((m) => ENDS_AT.test(t.slice(0, m.index))).pop();
  // Else the last month that is not a meeting's: "December 2010 performance (reported January 2011)"; nor
  // one where something starts ("since April 2010", "baseline March 2010", "April to date", helper-100).
  const starts = months.filter((m) => STARTS_AT.test(t.slice(0, m.index)) || /^\s*(?:\d{4}\s*)?(?:to date|onwards)\b/i.test(t.slice(m.index + m[0].length)));
  // A day's full date after another month is when the report was made or seen, whatever the meeting is
  // called: "December performance (25 January 2011)", "Month 9 – December – CMT 25 January 2011"; not a
  // range's end ("1 April 2010 – 31 December 2010", helper-103).
  const events = months.filter((m, i) => i > 0 && m[2] !== undefined && /\b\d{1,2}(?:st|nd|rd|th)? $/.test(t.slice(0, m.index)) && !ENDS_AT.test(t.slice(0, m.index)) && !RANGE_END.test(t.slice(0, m.index)));
  const meetings = months.filter((m) => isMeeting(t, m.index) || (events.includes(m) && !PLAN_WORDS.test(t.slice(0, m.index))));
  const passedOver = new Set([...starts, ...meetings]);
  // With every month passed over, the meeting's is the one to date the period by ("Quarter 3 report – Cabinet
  // 15 February 2011 (targets from the Corporate Plan, April 2010)"), not where something started.
  const last = ending ?? months.filter((m) => !passedOver.has(m)).pop() ?? meetings[meetings.length - 1] ?? months[months.length - 1];
  // Only where a period starts and when it was reported: "Year to date from April (Board 15 February 2011)",
  // "Performance since April 2010 – Cabinet 15 February 2011". The period is the last quarter ended before
  // the meeting's month (Q3 2010/11), not the meeting's own (helper-102).
  const reportedAt = !ending && quarter === undefined && starts.length > 0 && last && meetings.includes(last) && last[2] !== undefined ? last : undefined;
  if (reportedAt) {
    const end = quarterEndBefore(MONTH_NUMBERS[reportedAt[1].slice(0, 3).toLowerCase()], Number(reportedAt[2]));
    return { label: t, quarter: quarterOfMonth(end.month), startYear: startYear ?? financialYearOf(end.year, end.month) };
  }
  const lastYear = [...t.matchAll(/\b((?:19|20)\d\d)\b(?! ?[/-] ?\d)/g)].pop();
  const lastDay = last && /(\d{1,2})(?:st|nd|rd|th)? ?$/i.exec(t.slice(0, last.index));
  const yearText = last?.[2] ?? lastYear?.[1];
  if (last && yearText) {
    const month = MONTH_NUMBERS[last[1].slice(0, 3).toLowerCase()];
    let year = Number(yearText);
    // "Period ending 31 December (Cabinet 15 March 2011)": the end month's year is the meeting's only if it
    // comes first in that year; else the period ended the year before (December 2010, not 2011). Not a
    // forecast's end ("Forecast outturn to 31 March (Cabinet 15 February 2011)"), and only a meeting's date.
    const meeting = last[2] === undefined ? meetingMonth(t, last.index, yearText, months, meetings) : undefined;
    // An end may lie after the meeting (a forecast: "Outturn to 31 March: projected … Cabinet 15 February 2011",
    // "Period ending 30 June (Cabinet 28 May 2010)"), so a year back that puts the end more than nine months
    // before the meeting is no reading of it (helper-100; a scrutiny panel may see a quarter seven months on, helper-101).
    // A forecast's end is the first after the meeting ("Forecast outturn to 31 March (Cabinet 15 December 2010)":
    // March 2011); a report's is the last before it, up to nine months back.
    if (meeting !== undefined && FORECAST.test(t.slice(0, last.index))) {
      if (month < meeting) year += 1;
    } else if (meeting !== undefined && month > meeting && (meeting - month + 12) % 12 <= MEETING_LAG_MONTHS) year -= 1;
    if (months.length >= 2 || quarter !== undefined) {
      // A day's date beside a quarter with no year: inside that quarter, a position part-way ("Quarter 3 –
      // position at 30 November 2010"); else when it was reported ("Quarter 4 report – Cabinet 15 June 2011"),
      // so the last quarter of that number ended by then, Q4 2010/11, not 2011/12's.
      // Outside the quarter, a meeting's date is the better guide than another month ("Quarter 3 report – Cabinet
      // 15 February 2011 (targets from the Corporate Plan, April 2010)": Q3 2010/11); so is a month a later
      // return is due in, taken at its last day ("Quarter 3 report; Quarter 4 report due June 2011": Q3
      // 2010/11). Any other month is the financial year's it is in ("Quarter 4 – targets set April 2010").
      const seen = meetings[meetings.length - 1];
      const outside = quarter !== undefined && quarterOfMonth(month) !== quarter;
      const by =
        outside && seen?.[2] !== undefined
          ? dayOf(t, seen)
          : lastDay || (outside && DUE_BEFORE.test(t.slice(0, last.index)))
            ? { year, month, day: lastDay ? Number(lastDay[1]) : daysInMonth(year, month) }
            : undefined;
      const dated = quarter !== undefined && startYear === undefined && by ? quarterYearOf(quarter, by) : undefined;
      if (startYear === undefined) startYear = dated ?? financialYearOf(year, month);
      quarter ??= quarterOfMonth(month);
    } else if (startYear === undefined && (QUARTER_END_WORDS.test(t) || ending !== undefined)) {
      // "Period 9 (December 2010)", "Quarter ending 31 December 2010": one month that ends a quarter, not a
      // day inside it (a committee's "15 March 2011" names none).
      if (month % 3 === 0 && (!lastDay || Number(lastDay[1]) === daysInMonth(year, month))) {
        startYear = financialYearOf(year, month);
        // "Year ending March 2011" is the whole year.
        if (!(month === 3 && /\byear[- ]?end/i.test(t))) quarter = quarterOfMonth(month);
      }
    }
  }
  // A quarter with no year and no month, beside a meeting's date in figures ("Quarter 3 performance (Cabinet
  // 15/03/2011)", helper-106): the last quarter of that number ended by then, as with a date in words.
  if (quarter !== undefined && startYear === undefined && months.length === 0) {
    const meeting = [...t.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b/g)].find((m) => isMeeting(t, m.index));
    const [day, month, year] = meeting ? [Number(meeting[1]), Number(meeting[2]), Number(meeting[3])] : [0, 0, 0];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) startYear = quarterYearOf(quarter, { year, month, day });
  }
  if (quarter === undefined && startYear === undefined) return undefined;
  return { label: t, quarter, startYear };
}

/** The financial quarter a month (1–12) is in: April to June Q1, January to March Q4. */
export function quarterOfMonth(month: number): number {
  return month >= 4 ? Math.ceil((month - 3) / 3) : 4;
}

/** The start year of the financial year a month is in: January to March 2011 are 2010/11's. */
function financialYearOf(year: number, month: number): number {
  return month >= 4 ? year : year - 1;
}

/** Text just before a month that makes it the end of the period: "ending 31", "to", "as at", "up to", "end of". */
const ENDS_AT = /\b(?:ending|ended|end|end of|as at|to|until)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$/i;
/** The end of a range of dates, just before its month: "1 April 2010 – 31 December 2010", "1 April - 31 March 2011". */
const RANGE_END = new RegExp(String.raw`\b(?:${MONTH_NAMES})\.?(?:,?\s*(?:19|20)\d\d)?\s*(?:[–—-]|\bto\b)\s*\d{1,2}(?:st|nd|rd|th)?\s+$`, "i");
/** A meeting the report goes to, just before its date: "(Cabinet 15 March 2011)", "reported January 2011". */
const MEETING_BEFORE = /\b(?:cabinet|committee|council|board|scrutiny|panel|meeting|executive|reported|report to|presented to)\b[^()]{0,25}$/i;
/** A plan's history, not a meeting on this report: "targets approved by Council 24 February 2010" (PLAN_HISTORY in period-infer.ts). */
// A plan, strategy or targets before the word: a report "approved by Cabinet 15 March 2011" was seen then (helper-102).
const PLAN_WORDS = /\b(?:plan|plans|strategy|strategies|targets?|budget|framework|policy|priorities|vision|charter|standards?)\b[^;.]{0,40}?\b(?:approved|adopted|agreed|published|created|established|launched|set)\b[^()]{0,30}$/i;
/** An end month that is a forecast's ("Forecast outturn to 31 March"): the first after the meeting, not the last before it. */
const FORECAST = /\b(?:forecast|projected|projection|predicted|anticipated)\b[^()–—;:]{0,30}$/i;
/** A month a report is due by or in: "due June 2011", "next report May 2011", "by 30 April 2011". */
const DUE_BEFORE = /\b(?:due|next (?:report|update|return)|by)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$/i;
/** How long after a period's end a report may go to a meeting. */
const MEETING_LAG_MONTHS = 9;
/**
 * Text before a month that makes it where a comparison or a year to date starts, not where the period ends:
 * "since April 2010", "baseline March 2010", "from 1 April", "starting 1 April 2010" (helper-102). "Quarter
 * beginning 1 October" names its quarter (helper-101).
 */
const STARTS_AT = /(?<!\b(?:quarter|period|months?|weeks?)\s+)\b(?:since|from|baseline|compared with|compared to|set in|starting|started|beginning|commencing)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$/i;

/** Whether the month at `index` is a meeting's date. */
function isMeeting(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return MEETING_BEFORE.test(before) && !PLAN_WORDS.test(before);
}

/**
 * The month (1–12) of a date in `year` after `from` (else the last before it), in words or as 15/03/2011, that is not a plan's history:
 * a meeting's, whatever it is called ("(15 March 2011)", "CMT 15 March 2011"); undefined when none.
 */
function meetingMonth(text: string, from: number, year: string, months: RegExpMatchArray[], meetings: readonly RegExpMatchArray[]): number | undefined {
  const dated = (index: number) => !PLAN_WORDS.test(text.slice(0, index));
  // After the month, any date; before it, only a meeting's ("Report to Cabinet 15 February 2011 on performance
  // to December"), not where something started ("Performance April 2010 to December", helper-106).
  const worded = months.find((m) => (m.index ?? 0) > from && m[2] === year && dated(m.index ?? 0)) ?? meetings.filter((m) => (m.index ?? 0) < from && m[2] === year).pop();
  if (worded) return MONTH_NUMBERS[worded[1].slice(0, 3).toLowerCase()];
  const figures = [...text.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b/g)].filter((m) => m[3] === year && dated(m.index ?? 0));
  const date = figures.find((m) => (m.index ?? 0) > from) ?? figures.filter((m) => (m.index ?? 0) < from && MEETING_BEFORE.test(text.slice(0, m.index))).pop();
  return date ? Number(date[2]) : undefined;
}
/** Words saying a lone month is where a quarterly report ends. */
// Not "Quarterly": "Quarterly Performance Report to Cabinet - June 2011" names the meeting's month (helper-93).
const QUARTER_END_WORDS = /\bquarter (?:end|ending|ended)\b|\bperiod \d{1,2}\b|\bas at\b|\b(?:ending|ended)\b/i;

/** The financial year whose quarter `quarter` is the last of that number to have ended by `date`. */
function quarterYearBy(quarter: number, date: { year: number; month: number; day: number }): number {
  const at = isoDate(date.year, date.month, date.day) ?? "";
  for (let y = date.year; ; y--) if ((periodEnd({ label: "", quarter, startYear: y }) ?? "") <= at) return y;
}

/** The financial year of quarter `quarter` a date names: the one it falls in, else the last of that number ended by then. */
export function quarterYearOf(quarter: number, date: { year: number; month: number; day: number }): number {
  return quarterOfMonth(date.month) === quarter ? financialYearOf(date.year, date.month) : quarterYearBy(quarter, date);
}

/** A day's date written in words ("15 March 2011", "1st June 2011") in text, the last one; undefined when none. */
export function dateInWords(text: string): { year: number; month: number; day: number } | undefined {
  let found: { year: number; month: number; day: number } | undefined;
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const month = MONTH_NUMBERS[m[2].slice(0, 3).toLowerCase()];
    const day = Number(m[1]);
    if (day >= 1 && day <= daysInMonth(Number(m[3]), month)) found = { year: Number(m[3]), month, day };
  }
  return found;
}
