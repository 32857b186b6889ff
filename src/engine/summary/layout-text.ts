// Tracker cells as the summary shows them. Text an officer typed is kept verbatim ("Less than 7,844",
// "=SUM(A1) is wrong") but for a minus typed as a hyphen; only bare numbers and dates are written out the way a person reads them.
import { readProgress } from "../rate/activity";
import { daysInMonth, excelSerialToIso, isDateFormat, isMonthFormat, readDate } from "../read/dates";
import { formatFigure, formatIsoDate, formatIsoMonth, formatNumber, MINUS, minusSigns, signed } from "../vocab/format";
import { isPercentFormat } from "../read/values";
import type { Field } from "../vocab/types";

/** A figure: typed text as it is; a number in its cell's format (percent, date, currency) or grouped "11,428". */
export function fieldText(field: Field | undefined): string {
  if (!field) return "";
  const { value } = field;
  if (typeof value === "string") return minusSigns(value);
  if (typeof value === "number" && Number.isFinite(value)) {
    if (isPercentFormat(field.format)) return signed(formatFigure(value, true));
    if (isDateFormat(field.format) && value >= 1 && value < 2958466) return shownDate(excelSerialToIso(value), field.format);
    const currency = currencyOfFormat(field.format);
    return currency ? withCurrency(formatNumber(Math.abs(value), 4), value < 0, currency) : signed(formatNumber(value, 4));
  }
  return field.text;
}

/** A currency sign and whether it follows the figure ("12 €"). */
export interface Currency {
  symbol: string;
  after: boolean;
}

/**
 * The currency a number format shows: `"£"#,##0`, `£#,##0.00`, `[$£-809]#,##0`, `#,##0 €`. Only
 * the first section counts (the positive one); quoted text other than a sign is ignored.
 */
export function currencyOfFormat(format: string | undefined): Currency | undefined {
  if (!format) return undefined;
  // A workbook has a handful of formats, asked about for every figure the summary shows.
  let known = currencies.get(format);
  if (known === undefined) {
    known = currencyOfFormatUncached(format) ?? null;
    if (currencies.size < 1000) currencies.set(format, known);
  }
  return known ?? undefined;
}

const currencies = new Map<string, Currency | null>();

function currencyOfFormatUncached(format: string): Currency | undefined {
  const first = format.split(";")[0];
  const locale = /\[\$([£$€])[^\]]*\]/.exec(first);
  const bare = locale ?? /"([£$€])"|\\?([£$€])/.exec(first.replace(/\[[^\]]*\]/g, (m) => " ".repeat(m.length)));
  if (!bare) return undefined;
  const symbol = bare[1] ?? bare[2];
  const digit = first.search(/[0#?]/);
  return { symbol, after: digit >= 0 && digit < bare.index };
}

/** The currency typed with a figure: "£2.5m", "Less than £450k", "-£1,200", "12 €". */
export function currencyOfText(text: string): Currency | undefined {
  const before = /([£$€])\s*[-+]?\d/.exec(text);
  if (before) return { symbol: before[1], after: false };
  const after = /\d\s*([£$€])/.exec(text);
  return after ? { symbol: after[1], after: true } : undefined;
}

/** "£1,875,000", "−£1,200", "12 €": a figure written with its currency, the minus sign where negative. */
export function withCurrency(figure: string, negative: boolean, currency: Currency | undefined): string {
  const sign = negative ? MINUS : "";
  if (!currency) return `${sign}${figure}`;
  return currency.after ? `${sign}${figure} ${currency.symbol}` : `${sign}${currency.symbol}${figure}`;
}

/** Progress as a percentage ("95%"), whether the cell held 0.95, 95 or the text "95%". */
export function progressText(field: Field | undefined): string {
  if (!field) return "";
  if (typeof field.value !== "number") return fieldText(field);
  const fraction = readProgress(field.value, field.format, []);
  return fraction === undefined ? fieldText(field) : formatFigure(fraction, true);
}

/** Progress as a percentage where the cell gives one as a figure ("75% complete" → "75%"), else nothing. */
export function progressFigure(field: Field | undefined): string {
  if (!field) return "";
  const fraction = readProgress(field.value, field.format, []);
  return fraction === undefined ? "" : formatFigure(fraction, true);
}

/** A date as dd/mm/yyyy when the cell held a date or serial, "Mar-2011" where it shows only the month; typed text ("Jun-2021") as it is. */
export function dateText(field: Field | undefined): string {
  if (!field) return "";
  if (typeof field.value === "string") return field.value;
  const iso = readDate(field.value, field.format);
  return iso ? shownDate(iso, field.format) : field.text;
}

/**
 * A date as its cell shows it: the month alone where the format names no day (Excel's "Mar-11" for "Mar-2011" typed),
 * if the date is its 1st or last day. "Mar-2011" reads as due on 31 March (RULES §3), as readDueDate rates a 1st
 * shown so; a date on another day is due that day, so it is written with its day.
 */
function shownDate(iso: string, format: string | undefined): string {
  if (!isMonthFormat(format)) return formatIsoDate(iso);
  const day = Number(iso.slice(8, 10));
  return day === 1 || day === daysInMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7))) ? formatIsoMonth(iso) : formatIsoDate(iso);
}
