// Cell values as Office.js returns them, turned into the engine's CellValue.
import type { CellValue } from "../engine/vocab/types";
import { isDateFormat } from "../engine/read/dates";

/** Error values come back from Office.js as their text; these are the ones Excel can produce. */
const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#BUSY!", "#CONNECT!"]);

/** Days from the 1900 date system's serial of a day to the 1904 system's (Excel counts 1900 as a leap year). */
export const DAYS_1904 = 1462;

/** A date-formatted number of a 1904 workbook as the engine counts it (the 1900 system); anything else as it is. */
export function dateIn1900(value: CellValue, numberFormat: unknown, date1904: boolean): CellValue {
  return date1904 && typeof value === "number" && value >= 0 && typeof numberFormat === "string" && isDateFormat(numberFormat) ? value + DAYS_1904 : value;
}

export function toCellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERRORS.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}
