// Figures written back for people: reasons, summaries. UK style: 1,234.5 and 76.2%.

export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  // Fast path: small whole numbers need no rounding or grouping (most counts in trackers).
  if (Number.isInteger(value) && value > -1000 && value < 1000) return String(value);
  // Whole numbers need no rounding: toFixed and back again only cost time (a summary formats hundreds of thousands).
  const text = Number.isInteger(value) && Math.abs(value) < 1e15 ? String(Math.abs(value)) : Math.abs(Number(value.toFixed(maxDecimals))).toString();
  if (text.includes("e")) return String(value);
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  let grouped = whole;
  if (whole.length > 3) {
    grouped = "";
    for (let i = whole.length; i > 0; i -= 3) grouped = whole.slice(Math.max(0, i - 3), i) + (grouped ? "," + grouped : "");
  }
  const negative = value < 0 && Number(text) !== 0;
  return `${negative ? "-" : ""}${grouped}${dot < 0 ? "" : text.slice(dot)}`;
}

/** The minus sign (U+2212): Excel and LibreOffice wrap after a hyphen, leaving "-" on one line and "25.6%" on the next. */
export const MINUS = "\u2212";

/** A number written out with the minus sign, never a hyphen a line may break after. */
export const signed = (text: string): string => (text.charCodeAt(0) === 45 ? MINUS + text.slice(1) : text);

/**
 * A hyphen typed as a minus ("-25.6% 2008/09", "Baseline 2008/09: -1.0%", "Q1 -5 days"), shown as one; "2008-09"
 * and "10 - 20" stay. So does a hyphen after a bare figure and a space: "5 -10" and "95% -105%" are ranges (the
 * rules read them as bands, read/values.ts) and "2010 -11" a year span, not "5 −10" or "2010 −11"; and one before a
 * date ("01/04/2010 -31/03/2011"): a date is never negative.
 */
const TYPED_MINUS = /(^|[\s:([])-(?=[£$€]?\d)(?!\d{1,2}\/\d{1,2}\/\d{2,4})/g;
/** Text ending in a bare figure ("5", "95%", "2010", "-5", "£5m"), not a label ("Q1", "2008/09"). */
const BARE_FIGURE_BEFORE = /(?:^|[\s:([])[-\u2212+]?[£$€]?\d[\d,.]*(?:%|[kKmM]|bn)?$/;
export const minusSigns = (text: string): string =>
  text.includes("-")
    ? text.replace(TYPED_MINUS, (match, before: string, at: number) => (/^[^\S\r\n]$/.test(before) && BARE_FIGURE_BEFORE.test(text.slice(0, at)) ? match : `${before}${MINUS}`))
    : text;

/** A figure as a person reads it: fractions of a percentage measure shown as percentages. */
export function formatFigure(value: number, percent: boolean): string {
  return percent ? `${formatNumber(value * 100, 2)}%` : formatNumber(value, 2);
}

/** dd/mm/yyyy from an ISO date. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** Months as Excel abbreviates them ("mmm"). */
export const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mar-2011" from an ISO date: a date its cell shows only as its month, written as officers type one. */
export function formatIsoMonth(iso: string): string {
  return `${SHORT_MONTHS[Number(iso.slice(5, 7)) - 1]}-${iso.slice(0, 4)}`;
}

/**
 * Text worked out only when read. Every record gets a reason but few are ever shown (the summary
 * shows some; classification reads none), so reasons keep their figures and write the words later.
 */
export type LazyText = string | { text(): string };

export function textOf(lazy: LazyText): string {
  return typeof lazy === "string" ? lazy : lazy.text();
}
