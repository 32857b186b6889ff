// Tracker cells as the summary shows them. Text an officer typed is kept verbatim ("Less than 7,844",
// "=SUM(A1) is wrong"); only bare numbers and dates are written out the way a person reads them.
import { readProgress } from "../rate/activity";
import { excelSerialToIso, isDateFormat, readDate } from "../read/dates";
import { formatFigure, formatIsoDate, formatNumber } from "../vocab/format";
import { isPercentFormat } from "../read/values";
import type { Field } from "../vocab/types";

/** A figure: typed text as it is; a number in its cell's format (percent, date) or grouped "11,428". */
export function fieldText(field: Field | undefined): string {
  if (!field) return "";
  const { value } = field;
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) {
    if (isPercentFormat(field.format)) return formatFigure(value, true);
    if (isDateFormat(field.format) && value >= 1 && value < 2958466) return formatIsoDate(excelSerialToIso(value));
    return formatNumber(value, 4);
  }
  return field.text;
}

/** Progress as a percentage ("95%"), whether the cell held 0.95, 95 or the text "95%". */
export function progressText(field: Field | undefined): string {
  if (!field) return "";
  if (typeof field.value !== "number") return fieldText(field);
  const fraction = readProgress(field.value, field.format, []);
  return fraction === undefined ? fieldText(field) : formatFigure(fraction, true);
}

/** A date as dd/mm/yyyy when the cell held a date or serial; typed text ("Jun-2021") as it is. */
export function dateText(field: Field | undefined): string {
  if (!field) return "";
  if (typeof field.value === "string") return field.value;
  const iso = readDate(field.value, field.format);
  return iso ? formatIsoDate(iso) : field.text;
}
