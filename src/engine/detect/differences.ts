// A "Variance" column is a tolerance in some councils' trackers ("Variance (+/-)", Pentana's "Amber
// variance %") and the actual's difference from target in others. The header cannot tell them apart;
// the figures can: a difference equals actual minus target on every row, to the precision shown. Read
// as a tolerance, 23 against 20 with a "Variance" of 3 was amber, "within the tolerance of 3", where
// the rules give red.
import { isPercentFormat, readNumber } from "../read/values";
import { actualKind } from "./headers";
import type { SheetCells } from "../read/cells";
import type { CellValue, ColumnMapping, Role, TableSpec } from "../vocab/types";

/** Headers that say the column is a tolerance whatever its figures. */
const SURELY_TOLERANCE = /tolerance|threshold|accept|permit|allow|amber|red|green|\+\s*\/\s*-|±/i;
const DIFFERENCE_HEADER = /variance|difference/i;
/**
 * Rows that must agree before a column is taken for differences, with at least two different figures and
 * one below zero (no tolerance is): tolerances exactly at their limits, or one of 10% beside a miss of 10
 * in 100, are chance (helper-95, helper-96).
 */
const LEAST_ROWS = 3;

/** The role a column had from its header, before its figures were judged. */
export const headerRoleOf = (c: ColumnMapping): Role => c.headerRole ?? c.role;

/** The ways a tracker writes a difference, from actual a and target t. */
function differences(a: number, t: number): number[] {
  const d = a - t;
  const out = [d, -d];
  if (t !== 0) out.push(d / t, -d / t, (d / t) * 100, (-d / t) * 100);
  return out;
}

/**
 * Half a unit of the last digit the cell shows: "3" 0.5, "1.3" 0.05, "2%" 0.005, 0.1 formatted "0.0%"
 * 0.0005. A difference rounded for show still agrees; a tolerance of "2%" beside a miss of 1.02% does not.
 */
function shownSlack(value: CellValue, format: string | undefined): number {
  let decimals: number;
  let percent: boolean;
  if (typeof value === "string") {
    const m = /\d(?:[.,](\d+))?/.exec(value.replace(/,(?=\d{3}\b)/g, ""));
    decimals = m?.[1]?.length ?? 0;
    percent = value.includes("%");
  } else {
    const shown = format ? /\.(0+)/.exec(format.split(";")[0])?.[1]?.length : undefined;
    decimals = shown ?? Math.min(6, (String(value).split(".")[1] ?? "").length);
    percent = isPercentFormat(format);
  }
  return (0.5 * 10 ** -decimals) / (percent ? 100 : 1);
}

function isDifference(cells: SheetCells, spec: TableSpec, column: ColumnMapping, actual: ColumnMapping, target: ColumnMapping): boolean {
  let agreed = 0;
  const seen = new Set<number>();
  for (let r = spec.firstRow; r <= spec.lastRow; r++) {
    const cell = cells.at(r, column.col);
    const format = cells.formatAt(r, column.col);
    const v = readNumber(cell, format);
    const a = readNumber(cells.at(r, actual.col), cells.formatAt(r, actual.col));
    const t = readNumber(cells.at(r, target.col), cells.formatAt(r, target.col));
    if (v === undefined || a === undefined || t === undefined) continue;
    const slack = shownSlack(cell, format) + 1e-9 * Math.max(1, Math.abs(v));
    // "3%" reads 0.03, the miss as a share of the target; 3 is the miss in units, or in percent of the target.
    if (!differences(a, t).some((d) => Math.abs(v - d) <= slack)) return false;
    agreed++;
    seen.add(v);
  }
  return agreed >= LEAST_ROWS && seen.size >= 2 && [...seen].some((v) => v < 0);
}

/**
 * The table's columns with each "Variance" or "Difference" column that holds actual minus target read as
 * neither a tolerance nor anything else. Judged from the header's roles, so it may be judged again.
 */
export function settleDifferences(cells: SheetCells, spec: TableSpec): ColumnMapping[] {
  const candidates = spec.columns.filter((c) => headerRoleOf(c) === "tolerance" && DIFFERENCE_HEADER.test(c.header) && !SURELY_TOLERANCE.test(c.header));
  if (candidates.length === 0) return spec.columns;
  const actuals = spec.columns.filter((c) => headerRoleOf(c) === "actual" && actualKind(c.header) !== "baseline");
  const targets = spec.columns.filter((c) => headerRoleOf(c) === "annualTarget" || headerRoleOf(c) === "periodTarget");
  const found = new Set(candidates.filter((c) => actuals.some((a) => targets.some((t) => isDifference(cells, spec, c, a, t)))));
  return spec.columns.map((c) => (candidates.includes(c) ? { ...c, role: found.has(c) ? "ignore" : "tolerance", headerRole: "tolerance" } : c));
}
