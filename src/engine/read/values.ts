// The value reader (RULES §3): what a tracker cell means. Never throws; keeps the original text.
import type { CellValue, Reading, TargetOp } from "../vocab/types";
import { excelSerialToIso, isDateFormat, isoFromDate, MAX_EXCEL_SERIAL, parseDateText } from "./dates";
import {
  CURRENCY, digitsValue, EXCEL_ERROR, LABEL_WORDS, MARKERS, MISSING_CONTAINS, MISSING_STARTS, NOT_DUE, NUMBER,
  PERCENT, SCALES, SIGN, startsWithPhrase, TARGET_PREFIXES, TARGET_SUFFIXES, YEAR_WORDS,
} from "./phrases";

type NumberReading = Extract<Reading, { kind: "number" }>;

const missing = (reason: string, text: string): Reading => ({ kind: "missing", reason, text });
/** Text that is neither a figure nor a phrase officers write for "no figure": a problem at its cell. */
const unreadable = (reason: string, text: string): Reading => ({ kind: "missing", reason, text, unreadable: true });

/** Texts with no figure that officers write for "none": dashes, dots, question marks. */
const NO_FIGURE_MARKS = /^[-–—.?*\s/]+$/;

/** Missing text that says no figure was due this period ("Annually reported.", "New PI"). */
export function isNotDue(text: string): boolean {
  const lower = text.replace(/\s+/g, " ").trim().toLowerCase();
  return NOT_DUE.some((p) => startsWithPhrase(lower, p) || lower.includes(` ${p}`));
}

/** What a cell means. Percentages come back as fractions with `percent: true`. */
export function readValue(cell: CellValue, numberFormat?: string): Reading {
  try {
    return readAny(cell, numberFormat, 0);
  } catch {
    // Belt and braces: a host may hand over shapes the types do not describe.
    return missing("unreadable cell", "");
  }
}

/** The number a cell holds (plain or approximate), else undefined. */
export function readNumber(cell: CellValue, numberFormat?: string): number | undefined {
  const r = readValue(cell, numberFormat);
  return r.kind === "number" ? r.value : undefined;
}

/** A number format that scales by 100 (a % outside quotes and escapes). */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  let known = percentFormats.get(numberFormat);
  if (known === undefined) {
    known = numberFormat.replace(/"[^"]*"/g, "").replace(/\\./g, "").includes("%");
    if (percentFormats.size < 1000) percentFormats.set(numberFormat, known);
  }
  return known;
}

/** A workbook uses a handful of formats over thousands of cells. */
const percentFormats = new Map<string, boolean>();

function readAny(cell: unknown, numberFormat: string | undefined, depth: number): Reading {
  if (cell === null || cell === undefined) return missing("empty", "");
  if (typeof cell === "string") return readText(cell);
  if (typeof cell === "number") return readCellNumber(cell, numberFormat);
  if (typeof cell === "boolean") return missing(`${cell ? "TRUE" : "FALSE"} (a yes/no value, not a figure)`, cell ? "TRUE" : "FALSE");
  if (cell instanceof Date) {
    const date = isoFromDate(cell);
    return date ? { kind: "date", date, text: date } : missing("invalid date", "");
  }
  if (typeof cell === "object" && depth < 3) {
    const o = cell as Record<string, unknown>;
    if ("error" in o) return missing(`formula error ${String(o.error)}`, String(o.error));
    // ExcelJS shapes, should a host pass them on unconverted: formula results, rich text, hyperlinks.
    if ("result" in o) return readAny(o.result, numberFormat, depth + 1);
    if (Array.isArray(o.richText)) {
      return readText(o.richText.map((run: unknown) => String((run as { text?: unknown })?.text ?? "")).join(""));
    }
    if (typeof o.text === "string") return readText(o.text);
  }
  return missing("unreadable cell", "");
}

function readCellNumber(value: number, numberFormat: string | undefined): Reading {
  if (!Number.isFinite(value)) return missing("not a number", String(value));
  if (isDateFormat(numberFormat) && value >= 1 && value < MAX_EXCEL_SERIAL + 1) {
    return { kind: "date", date: excelSerialToIso(value), text: String(value) };
  }
  return new NumberCell(value, isPercentFormat(numberFormat));
}

/** A number cell as read. Its text, as JavaScript prints the number, is written only when asked for. */
class NumberCell implements NumberReading {
  readonly kind = "number";
  constructor(
    readonly value: number,
    readonly percent: boolean,
  ) {}

  get text(): string {
    return String(this.value);
  }

  /** The same JSON as a plain reading. */
  toJSON(): NumberReading {
    return { kind: this.kind, value: this.value, percent: this.percent, text: this.text };
  }
}

/** "2010/11", "2010-11", "2010/2011", "09/10": a financial year label. */
export function isFinancialYear(text: string): boolean {
  const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text) ?? /^(\d{2})\s*\/\s*(\d{2})$/.exec(text);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return m[2].length === 4 ? b === a + 1 : (a + 1) % 100 === b;
}

/** Trackers repeat texts ("Not available", "n/a", "Less than 50"): each is parsed once. Readings are never mutated. */
const textReadings = new Map<string, Reading>();

function readText(original: string): Reading {
  let reading = textReadings.get(original);
  if (reading === undefined) {
    reading = readTextUncached(original);
    if (textReadings.size >= 20_000) textReadings.clear();
    textReadings.set(original, reading);
  }
  return reading;
}

function readTextUncached(original: string): Reading {
  const text = original.replace(/\s+/g, " ").trim();
  if (!text) return missing("empty", original);
  if (EXCEL_ERROR.test(text)) return missing(`formula error ${text.toUpperCase()}`, original);
  const lower = text.toLowerCase();
  const saysMissing = () => MISSING_STARTS.some((p) => startsWithPhrase(lower, p)) || MISSING_CONTAINS.some((p) => lower.includes(p)) || isNotDue(text);
  if (!/\d/.test(text)) {
    // Words and dashes: nothing to read. A phrase for "none" is a reason; other words are unreadable.
    return NO_FIGURE_MARKS.test(text) || saysMissing() ? missing(text, original) : unreadable(text, original);
  }
  const date = parseDateText(text);
  if (date) return { kind: "date", date, text: original };
  // An impossible date ("31/02/2022") or a lone year label ("2010/11") is not a value.
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(text)) return unreadable(text, original);
  if (isFinancialYear(text)) return missing(text, original);
  const negative = readBracketed(text, original);
  if (negative) return negative;
  const target = readTarget(text, original);
  if (target) return target;
  if (MISSING_STARTS.some((p) => startsWithPhrase(lower, p))) return missing(text, original);
  const band = readBand(text, original);
  if (band) return band;
  const lead = readLeading(text);
  if (lead) {
    const rest = lead.rest.trim();
    for (const [re, op] of TARGET_SUFFIXES) {
      const m = re.exec(rest);
      if (m) return targetReading(op, lead, rest.slice(m[0].length), original);
    }
    return numberReading(lead, original);
  }
  if (MISSING_CONTAINS.some((p) => lower.includes(p))) return missing(text, original);
  return readApproximate(text, original) ?? unreadable(text, original);
}

/** "(3)", "(3.5%)", "(£1,200)": the whole cell a bracketed figure is an accounting negative (RULES §3). */
function readBracketed(text: string, original: string): Reading | undefined {
  const m = /^\((.+)\)$/.exec(text);
  if (!m) return undefined;
  const lead = readLeading(m[1].trim());
  if (!lead || lead.rest.trim() !== "" || lead.numerator !== undefined || lead.notes.length > 0) return undefined;
  const r: NumberReading = { kind: "number", value: -lead.value, percent: lead.percent, text: original, note: "accounting negative" };
  if (lead.unit) r.unit = lead.unit;
  return r;
}

interface Leading {
  value: number;
  percent: boolean;
  /** Text after the figure. */
  rest: string;
  notes: string[];
  numerator?: number;
  denominator?: number;
  /** The currency symbol typed before the figure. */
  unit?: string;
}

const LEAD = new RegExp(
  `^(${MARKERS}+)?\\s*(${SIGN})?(${CURRENCY})?(${SIGN})?(${NUMBER})(?:\\s*(${PERCENT})|(k|m|bn)(?![a-z]))?`,
  "i",
);
const isMinus = (s: string | undefined): boolean => !!s && s !== "+";
const isYearShaped = (digits: string): boolean => /^(19|20)\d\d$/.test(digits);

/** A figure at the start of the text, with what follows it. */
function readLeading(text: string): Leading | undefined {
  const m = LEAD.exec(text);
  if (!m) return undefined;
  const [matched, marker, sign1, currency, sign2, digits, pct, scaleWord] = m;
  // "£2.5m" is 2,500,000; "5m" with no currency is five metres, not a scale.
  const scale = scaleWord && currency ? SCALES[scaleWord.toLowerCase()] : undefined;
  const whole = scaleWord && !scale ? matched.slice(0, -scaleWord.length) : matched;
  let rest = text.slice(whole.length);
  const notes = marker ? [marker] : [];
  if (!pct && /^(st|nd|rd|th)\b/i.test(rest)) return undefined; // "3rd quartile" is a position
  // "2010 results will be available…": a year followed by words is a label, not a value.
  if (isYearShaped(digits) && !marker && !sign1 && !sign2 && !currency && !pct && /^\s*\p{L}/u.test(rest)) {
    return undefined;
  }
  let value = digitsValue(digits) * (scale ?? 1);
  let numerator: number | undefined;
  let denominator: number | undefined;
  const frac = pct ? null : /^\s*\/\s*(\d+)(?![\d/.,])/.exec(rest);
  if (frac) {
    // "31/230" on its own, or "5/6 actions complete": a ratio, unless it is a year label.
    if (!/^\d+$/.test(digits) || isFinancialYear(`${digits}/${frac[1]}`) || Number(frac[1]) === 0) return undefined;
    [numerator, denominator] = [value, Number(frac[1])];
    value = numerator / denominator;
    rest = rest.slice(frac[0].length);
  } else if (rest.startsWith("/")) {
    return undefined; // "12/5/3", "5%/6": some code, not a figure
  }
  if (pct) {
    value = value / 100; // 78.9% must be exactly 78.9 / 100
    if (/^(pp|percentage)/i.test(pct)) notes.push("percentage points");
  }
  if (isMinus(sign1) || isMinus(sign2)) value = -value;
  if (!Number.isFinite(value)) return undefined;
  const lead: Leading = { value, percent: !!pct, rest, notes, numerator, denominator };
  if (currency) lead.unit = currency;
  return lead;
}

/** Splits what follows a figure into notes and an optional (numerator/denominator). */
function restParts(lead: Leading, rest: string): { note?: string; numerator?: number; denominator?: number } {
  const notes = [...lead.notes];
  let { numerator, denominator } = lead;
  // split with a capture group alternates outside, inside, outside… in text order
  rest.split(/[([]([^()[\]]*)[)\]]/).forEach((piece, i) => {
    const clean = piece.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "");
    if (!clean) return;
    const f = i % 2 === 1 ? /^(\d+)\s*\/\s*(\d+)$/.exec(clean) : null;
    if (f && numerator === undefined && isRatio(Number(f[1]), Number(f[2]), lead.value, clean)) {
      [numerator, denominator] = [Number(f[1]), Number(f[2])];
    } else {
      notes.push(clean);
    }
  });
  return { note: notes.length ? notes.join("; ") : undefined, numerator, denominator };
}

/** "(31/230)" after 13.48% is a ratio; "(2007/08)" after 2,020 is a year. */
function isRatio(a: number, b: number, value: number, text: string): boolean {
  if (b === 0) return false;
  if (Math.abs(a / b - value) <= 0.006 * Math.max(1, Math.abs(value))) return true;
  return !isFinancialYear(text.replace(/\s+/g, ""));
}

function numberReading(lead: Leading, original: string): NumberReading {
  const { note, numerator, denominator } = restParts(lead, lead.rest);
  const r: NumberReading = { kind: "number", value: lead.value, percent: lead.percent, text: original };
  if (note !== undefined) r.note = note;
  if (lead.unit) r.unit = lead.unit;
  if (numerator !== undefined && denominator !== undefined) Object.assign(r, { numerator, denominator });
  return r;
}

function targetReading(op: TargetOp, lead: Leading, rest: string, original: string): Reading {
  const parts = restParts(lead, rest);
  const ratio = parts.numerator !== undefined ? `${parts.numerator}/${parts.denominator}` : undefined;
  const note = [parts.note, ratio].filter((s) => s !== undefined).join("; ");
  const r: Reading = { kind: "target", op, value: lead.value, percent: lead.percent, text: original };
  if (note) r.note = note;
  return r;
}

/** "Less than 10,459", "< 9%", "at least 90%", "no more than 2,386". */
function readTarget(text: string, original: string): Reading | undefined {
  const lower = text.toLowerCase();
  for (const [phrase, op] of TARGET_PREFIXES) {
    if (!startsWithPhrase(lower, phrase)) continue;
    const lead = readLeading(text.slice(phrase.length).replace(/^\s*:?\s*/, ""));
    return lead ? targetReading(op, lead, lead.rest, original) : undefined;
  }
  return undefined;
}

const BAND_SIDE = `(${SIGN})?${CURRENCY}?(${NUMBER})\\s*(%)?`;
const PLUS_MINUS = new RegExp(`^(?:within\\s+)?(?:\\+\\s*/\\s*[-\u2212\u2013]|\\+[-\u2212]|\u00b1)\\s*(${NUMBER})\\s*(%)?$`, "i");
const RANGE = new RegExp(
  `^(between\\s+|from\\s+)?${BAND_SIDE}\\s*(-|\u2013|\u2014|to|and)\\s*${BAND_SIDE}(?:\\s+\\p{L}[\\p{L} ]*)?$`,
  "iu",
);

/** "+/-5%", "±5%", "95%–105%", "95 - 105%", "between 10 and 20", "10 to 20". */
function readBand(text: string, original: string): Reading | undefined {
  const pm = PLUS_MINUS.exec(text);
  if (pm) {
    const v = digitsValue(pm[1]) / (pm[2] ? 100 : 1);
    // "+/-1e511" overflows to Infinity: no band (as a plain "1e511" is no figure).
    if (!Number.isFinite(v)) return undefined;
    return { kind: "band", low: -v, high: v, percent: !!pm[2], text: original };
  }
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const [, lead, s1, n1, p1, sep, s2, n2, p2] = m;
  if (sep.toLowerCase() === "and" && !/between/i.test(lead ?? "")) return undefined;
  const percent = !!(p1 || p2); // "95 - 105%": the % covers both ends
  const side = (s: string | undefined, n: string): number =>
    (isMinus(s) ? -1 : 1) * (digitsValue(n) / (percent ? 100 : 1));
  const [a, b] = [side(s1, n1), side(s2, n2)];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return undefined;
  return { kind: "band", low: Math.min(a, b), high: Math.max(a, b), percent, text: original };
}

const ANY_NUMBER = new RegExp(`(${SIGN})?(${NUMBER})(\\s*(?:${PERCENT}))?`, "gi");

/** A figure inside words: "Gap of 1.3% points", "Mean average of 15 convictions". */
function readApproximate(text: string, original: string): Reading | undefined {
  for (const m of text.matchAll(ANY_NUMBER)) {
    const [whole, sign, digits, pct] = m;
    const before = text.slice(0, m.index);
    const after = text.slice((m.index ?? 0) + whole.length);
    if (/[\p{L}\d.,/]$/u.test(before) || /^[/\d]/.test(after)) continue; // "Q3", "NI115", "2009/10"
    if (!pct && /^\p{L}/u.test(after)) continue; // "3rd", "15th"
    const word = /([\p{L}.]+|[–—-])\s*$/u.exec(before)?.[1].toLowerCase() ?? "";
    if (LABEL_WORDS.includes(word)) continue;
    if (isYearShaped(digits) && !pct && YEAR_WORDS.includes(word)) continue; // "since April 2008"
    let value = digitsValue(digits) / (pct ? 100 : 1);
    if (isMinus(sign)) value = -value;
    if (!Number.isFinite(value)) continue;
    return { kind: "number", value, percent: !!pct, text: original, approximate: true };
  }
  return undefined;
}
