// What a cell shows in the preview grid: its value through a simplified reading of its number format.
// Enough for the samples and the summary sheet (dates, percentages, fixed decimals, thousands); not Excel's full engine.
import { excelSerialToIso, isDateFormat } from "../engine/read/dates";
import { formatIsoDate } from "../engine/vocab/format";
import { isPercentFormat } from "../engine/read/values";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Date codes in order: longest first so "mmmm" is not read as "mm" twice. */
function formatDate(iso: string, numberFormat: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const codes = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();
  if (!/d/.test(codes) && /mmm/.test(codes)) {
    const month = /mmmm/.test(codes) ? MONTHS[m - 1] : MONTHS[m - 1].slice(0, 3);
    return `${month}${codes.includes("-") ? "-" : " "}${/yyyy/.test(codes) ? y : String(y).slice(2)}`;
  }
  if (/mmmm/.test(codes)) return `${d} ${MONTHS[m - 1]} ${y}`;
  if (/mmm/.test(codes)) return `${String(d).padStart(2, "0")}-${MONTHS[m - 1].slice(0, 3)}-${/yyyy/.test(codes) ? y : String(y).slice(2)}`;
  return formatIsoDate(iso);
}

/** Decimal places a format asks for: "0.0%" → 1, "#,##0.00" → 2, "0" → 0; undefined for General. */
function decimalsOf(numberFormat: string): number | undefined {
  const bare = numberFormat.split(";")[0].replace(/"[^"]*"|\\./g, "");
  if (!/[0#]/.test(bare)) return undefined;
  const m = /\.(0+)/.exec(bare);
  return m ? m[1].length : 0;
}

function grouped(value: number, decimals: number, group: boolean): string {
  return value.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: group });
}

export function cellText(value: string | number | boolean, numberFormat: string): string {
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const nf = numberFormat || "General";
  if (nf !== "General" && nf !== "@") {
    if (isDateFormat(nf) && value >= 0 && value < 2958466) return formatDate(excelSerialToIso(value), nf);
    const decimals = decimalsOf(nf);
    if (isPercentFormat(nf)) return `${grouped(value * 100, decimals ?? 0, false)}%`;
    if (decimals !== undefined) return grouped(value, decimals, nf.includes(","));
  }
  // General: up to ten significant digits, no grouping, as Excel shows it in a normal-width column.
  return String(Number(value.toPrecision(10)));
}
