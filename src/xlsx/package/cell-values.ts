// Cell addresses and values as the worksheet XML writes them, turned into the engine's CellValues the
// way the ExcelJS reader did (so results do not change), with its ISO-date repair built in.

const MS_PER_DAY = 86400000;
/** Column letters of Excel's last column, XFD, as a zero-based index. */
export const MAX_COL = 16383;
export const MAX_ROW = 1048575;

/** Zero-based column of the letters at the start of an address ("AB12" → 27); -1 when there are none. */
export function columnIndex(address: string): number {
  let n = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else break;
  }
  return i === 0 || i > 3 ? -1 : n - 1;
}

/**
 * Zero-based row of a cell's own address ("AB12" → 11), read by character codes (every cell of a sheet
 * has one); -1 unless it is letters then digits, with no leading zero.
 */
export function cellRowIndex(address: string): number {
  let i = 0;
  while (i < address.length && address.charCodeAt(i) >= 65) i++;
  if (i === address.length || address.charCodeAt(i) === 48) return -1;
  let n = 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n - 1;
}

/** Zero-based row of an address ("AB12" → 11); -1 when it has none. */
export function rowIndex(address: string): number {
  let i = 0;
  while (i < address.length && address.charCodeAt(i) > 57) i++;
  const n = Number(address.slice(i).replace(/^\$/, ""));
  return Number.isInteger(n) && n >= 1 ? n - 1 : -1;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** An Excel serial as ExcelJS turns it into a Date (UTC fields are the wall clock). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

function timeOfDay(h = "0", m = "0", s = "0", fraction = ""): number | undefined {
  const [hours, minutes, seconds] = [Number(h), Number(m), Number(s)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Math.round(Number(`0${fraction}`) * 1000);
}

/**
 * The Date of a <c t="d"> cell's ISO 8601 text, its UTC fields the wall clock written (a zone is not
 * applied: a cell has none). Undefined when the text is not one, or is before the workbook's first day.
 */
export function isoCellDate(text: string, date1904: boolean): Date | undefined {
  const t = text.trim();
  const time = TIME.exec(t);
  if (time) {
    const ms = timeOfDay(time[1], time[2], time[3], time[4]);
    // A time alone is a fraction of day 0 of the workbook's date system.
    return ms === undefined ? undefined : new Date((date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + ms);
  }
  const m = DATE_TIME.exec(t);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = timeOfDay(m[4], m[5], m[6], m[7]);
  if (ms === undefined || year < (date1904 ? 1904 : 1900)) return undefined;
  const midnight = Date.UTC(year, month - 1, day);
  const check = new Date(midnight);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined; // 2010-02-30
  return new Date(midnight + ms);
}
