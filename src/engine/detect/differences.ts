// A "Variance" column is a tolerance in some councils' trackers ("Variance (+/-)", Pentana's "Amber
// variance %") and the actual's difference from target in others. The header cannot tell them apart;
// the figures can: a difference equals actual minus target on every row. Read as a tolerance, 23
// against 20 with a "Variance" of 3 was amber, "within the tolerance of 3", where the rules give red.
import { readNumber } from "../read/values";
import { actualKind } from "./headers";
import type { SheetCells } from "../read/cells";
import type { ColumnMapping, TableSpec } from "../vocab/types";

/** Headers that say the column is a tolerance whatever its figures. */
const SURELY_TOLERANCE = /tolerance|threshold|accept|permit|allow|amber|red|green|\+\s*\/\s*-|±/i;
const DIFFERENCE_HEADER = /variance|difference/i;
/** Rows that must agree before a column is taken for differences: one could be chance. */
const LEAST_ROWS = 2;

/** The ways a tracker writes a difference, from actual a and target t. */
function differences(a: number, t: number): number[] {
  const d = a - t;
  const out = [d, -d];
  if (t !== 0) out.push(d / t, -d / t, (d / t) * 100, (-d / t) * 100);
  return out.map((x) => Math.abs(x)).concat(out);
}

/** Rounding of the figures shown: a difference typed to one decimal place, or a percentage to the nearest 0.5. */
const near = (v: number, d: number): boolean => Math.abs(v - d) <= 0.05 + Math.abs(d) * 0.005;

function isDifference(cells: SheetCells, spec: TableSpec, column: ColumnMapping, actual: ColumnMapping, target: ColumnMapping): boolean {
  let agreed = 0;
  let nonZero = false;
  for (let r = spec.firstRow; r <= spec.lastRow; r++) {
    const v = readNumber(cells.at(r, column.col), cells.formatAt(r, column.col));
    const a = readNumber(cells.at(r, actual.col), cells.formatAt(r, actual.col));
    const t = readNumber(cells.at(r, target.col), cells.formatAt(r, target.col));
    if (v === undefined || a === undefined || t === undefined) continue;
    // A percentage typed as "3%" reads 0.03: compare it as written too.
    if (!differences(a, t).some((d) => near(v, d) || near(v * 100, d))) return false;
    agreed++;
    if (v !== 0) nonZero = true;
  }
  return agreed >= LEAST_ROWS && nonZero;
}

/** The table's columns with each "Variance" or "Difference" column that holds actual minus target read as neither a tolerance nor anything else. */
export function settleDifferences(cells: SheetCells, spec: TableSpec): ColumnMapping[] {
  const candidates = spec.columns.filter((c) => c.role === "tolerance" && DIFFERENCE_HEADER.test(c.header) && !SURELY_TOLERANCE.test(c.header));
  if (candidates.length === 0) return spec.columns;
  const actuals = spec.columns.filter((c) => c.role === "actual" && actualKind(c.header) !== "baseline");
  const targets = spec.columns.filter((c) => c.role === "annualTarget" || c.role === "periodTarget");
  const found = new Set(candidates.filter((c) => actuals.some((a) => targets.some((t) => isDifference(cells, spec, c, a, t)))));
  return found.size === 0 ? spec.columns : spec.columns.map((c) => (found.has(c) ? { ...c, role: "ignore" } : c));
}
