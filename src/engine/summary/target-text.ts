// The target the rules actually used, as the pack shows it (issue 12 item 2): "7,844 (10,459
// pro-rated to Q3)", "10,459 (annual)", or the period target as typed.
import { currencyOfFormat, currencyOfText, fieldText, withCurrency } from "./layout-text";
import { formatNumber, signed } from "../vocab/format";
import { readValue } from "../read/values";
import type { SourceRecord } from "../vocab/types";

const OP_WORDS: Record<string, string> = { "<": "less than ", "<=": "no more than ", ">": "more than ", ">=": "at least " };

/** The target shown beside an indicator: the one compared with its actual. */
export function targetUsedText(record: SourceRecord): string {
  const { target, annualTarget } = record;
  const periodTarget = target && target.cell !== annualTarget?.cell ? target : undefined;
  if (periodTarget && fieldText(periodTarget)) return fieldText(periodTarget);
  if (!annualTarget) return fieldText(target);
  const annualText = fieldText(annualTarget);
  if (!annualText) return "";
  const reading = readValue(annualTarget.value, annualTarget.format);
  if (reading.kind === "missing" || reading.kind === "date") return annualText; // "-", "n/a": no target to qualify
  const fraction = record.periodFraction;
  const proRated = record.yearToDate && fraction !== undefined && fraction < 1 && (reading.kind === "number" || reading.kind === "target") && !reading.percent;
  if (!proRated || (reading.kind !== "number" && reading.kind !== "target")) return `${annualText} (annual)`;
  const whole = Number.isInteger(reading.value);
  // The currency as typed: "£1,875,000 (£2.5m pro-rated to Q3)", not a bare 1,875,000.
  const currency = typeof annualTarget.value === "string" ? currencyOfText(annualTarget.value) : currencyOfFormat(annualTarget.format);
  const proRatedValue = reading.value * fraction;
  const value = currency ? withCurrency(formatNumber(Math.abs(proRatedValue), whole ? 0 : 2), proRatedValue < 0, currency) : signed(formatNumber(proRatedValue, whole ? 0 : 2));
  const op = reading.kind === "target" ? OP_WORDS[reading.op] : "";
  const shown = `${op}${value}`;
  const quarter = Number.isInteger(fraction * 4) ? `Q${fraction * 4}` : `${formatNumber(fraction * 100, 0)}% of the year`;
  return `${shown.charAt(0).toUpperCase()}${shown.slice(1)} (${annualText} pro-rated to ${quarter})`;
}
