// Reading and writing the rules sheet's value cells: colours, percentages, points, whole numbers, dates.
// Excel may hand back "5%" typed by an officer as 0.05 with a % format, or "000000" as 0: both are read.
import { cellText } from "../read/cells";
import { isoFromDate, MAX_EXCEL_SERIAL, excelSerialToIso, parseDateText } from "../read/dates";
import { readTolerance } from "../read/direction";
import type { CellValue, Tolerance } from "../vocab/types";

export function textOf(cell: CellValue): string {
  return cellText(cell).trim();
}

const isPercentFormat = (format: string | undefined) => !!format && format.includes("%");

// Excel's standard colour names, plus the traffic-light words officers use.
const NAMED_COLOURS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  "dark red": "#C00000",
  orange: "#FFC000",
  amber: "#FFC000",
  yellow: "#FFFF00",
  "light green": "#92D050",
  green: "#00B050",
  "light blue": "#00B0F0",
  blue: "#0070C0",
  "dark blue": "#002060",
  purple: "#7030A0",
  grey: "#808080",
  gray: "#808080",
};

/** A colour as "#RRGGBB" (upper case) from "#RRGGBB", "RRGGBB", "#RGB", ARGB "FFRRGGBB" or a colour name. */
export function readColour(cell: CellValue): string | undefined {
  let text: string;
  if (typeof cell === "number") {
    // "000000" or "123456" typed into a General cell comes back as a number.
    if (!Number.isInteger(cell) || cell < 0 || cell > 999999) return undefined;
    text = String(cell).padStart(6, "0");
  } else if (typeof cell === "string") {
    text = cell.trim();
  } else {
    return undefined;
  }
  const named = NAMED_COLOURS[text.toLowerCase().replace(/\s+/g, " ")];
  if (named) return named;
  const hex = text.replace(/^#/, "");
  if (/^[0-9a-f]{6}$/i.test(hex)) return "#" + hex.toUpperCase();
  if (/^[0-9a-f]{8}$/i.test(hex)) return "#" + hex.slice(2).toUpperCase();
  if (/^[0-9a-f]{3}$/i.test(hex)) return "#" + [...hex].map((c) => c + c).join("").toUpperCase();
  return undefined;
}

const AMOUNT = /^(\d+(?:\.\d+)?|\.\d+)\s*(%|pp|pts?|points?|percentage points?|% points?)?$/i;

/**
 * A share such as a static band or a margin, as a fraction: "1%" → 0.01, "0.01" → 0.01.
 * A bare number of 1 or more is read as percent ("1" → 0.01): a band of 100% or more means nothing.
 */
export function readFraction(cell: CellValue, format?: string): number | undefined {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 0) return undefined;
    return isPercentFormat(format) || cell < 1 ? cell : cell / 100;
  }
  if (typeof cell !== "string") return undefined;
  const m = AMOUNT.exec(cell.trim());
  if (!m || (m[2] && m[2] !== "%")) return undefined;
  const n = Number(m[1]);
  return m[2] === "%" || n >= 1 ? hundredths(m[1]) : n;
}

/** A tolerance as officers write it (RULES §4); "12.3%" read exactly, everything else as readTolerance does. */
export function readToleranceCell(cell: CellValue, format?: string): Tolerance | undefined {
  const m = typeof cell === "string" ? /^(?:±|\+\/-|\+)?\s*(\d+(?:\.\d+)?)\s*%$/.exec(cell.trim()) : null;
  return m ? { kind: "relative", value: hundredths(m[1]) } : readTolerance(cell, format);
}

/** Progress points as a fraction: "10 pts", "10 points", "10%", "10" → 0.1; "0.1" → 0.1. */
export function readPoints(cell: CellValue, format?: string): number | undefined {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 0) return undefined;
    return isPercentFormat(format) || cell < 1 ? cell : cell / 100;
  }
  if (typeof cell !== "string") return undefined;
  const m = AMOUNT.exec(cell.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] || n >= 1 ? hundredths(m[1]) : n;
}

/** A whole number of 0 or more: 30, "30", "30 days". */
export function readWhole(cell: CellValue): number | undefined {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 0 ? cell : undefined;
  if (typeof cell !== "string") return undefined;
  const m = /^(\d+)(?:\s*[a-z]+)?$/i.exec(cell.trim());
  return m ? Number(m[1]) : undefined;
}

/** An ISO date from text (ISO, dd/mm/yyyy, "31 March 2011"), a Date cell or an Excel serial number. */
export function readIsoDate(cell: CellValue): string | undefined {
  if (cell instanceof Date) return isoFromDate(cell);
  if (typeof cell === "number") return cell >= 1 && cell < MAX_EXCEL_SERIAL + 1 ? excelSerialToIso(cell) : undefined;
  if (typeof cell === "string") return parseDateText(cell);
  return undefined;
}

/** Moves the decimal point of a plain decimal text: ("12.3", -2) → "0.123". Exact, unlike multiplying by 100. */
export function shiftPoint(text: string, places: number): string {
  let [int, frac = ""] = text.split(".");
  if (places >= 0) {
    frac = frac.padEnd(places, "0");
    int += frac.slice(0, places);
    frac = frac.slice(places);
  } else {
    const p = -places;
    int = int.padStart(p + 1, "0");
    frac = int.slice(int.length - p) + frac;
    int = int.slice(0, int.length - p);
  }
  int = int.replace(/^0+(?=\d)/, "") || "0";
  frac = frac.replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

/** "12.3" (percent or points) → 0.123, read through the decimal text so that 0.123 comes back as 0.123. */
export function hundredths(digits: string): number {
  return Number(shiftPoint(digits, -2));
}

/** Plain decimal text, never "1e-7", which the readers would not take back. */
export function decimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/** 0.123 → "12.3%". */
export function writePercent(value: number): string {
  return shiftPoint(decimal(value), 2) + "%";
}

/** 0.1 → "10 pts". */
export function writePoints(value: number): string {
  return shiftPoint(decimal(value), 2) + " pts";
}
