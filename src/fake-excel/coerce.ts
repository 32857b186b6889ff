// How Excel turns a value written through `range.values` into cell contents.
// The fake reproduces the coercions that bite add-ins: a leading = + - @ makes
// a formula, numeric, percent, boolean and date-looking text becomes a number,
// unless the cell's number format is text ("@").
import type { RawValue } from "./state";

export interface Stored {
  v: RawValue;
  f?: string;
  /** Number format Excel picks for the cell when it was "General". */
  nf?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?$|^[+-]?\.\d+$/;
const PERCENT = /^([+-]?\d+(\.\d+)?)\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Excel serial number of a calendar date (1900 date system, valid after 1 March 1900). */
export function dateSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
}

function date(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 ? dateSerial(y, m, d) : undefined;
}

/** What Excel stores when `input` is written to a cell with number format `nf`. */
export function coerce(input: unknown, nf: string): Stored {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypeError("not a finite number");
    return { v: input };
  }
  if (typeof input === "boolean") return { v: input };
  if (typeof input !== "string") throw new TypeError(`unsupported value ${JSON.stringify(input)}`);
  if (input === "" || nf === "@") return { v: input };
  const first = input[0];
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { v: Number(trimmed.replace(/,/g, "")) };
  if (first === "=" || first === "+" || first === "-" || first === "@") {
    return { v: 0, f: first === "=" ? input : `=${input}` };
  }
  const pct = PERCENT.exec(trimmed);
  if (pct) return { v: Number(pct[1]) / 100, nf: nf === "General" ? "0%" : undefined };
  if (/^(true|false)$/i.test(trimmed)) return { v: trimmed.toLowerCase() === "true" };
  const iso = ISO_DATE.exec(trimmed);
  const uk = UK_DATE.exec(trimmed);
  const serial = iso ? date(+iso[1], +iso[2], +iso[3]) : uk ? date(+uk[3], +uk[2], +uk[1]) : undefined;
  if (serial !== undefined) return { v: serial, nf: nf === "General" ? (iso ? "yyyy-mm-dd" : "dd/mm/yyyy") : undefined };
  return { v: input };
}
