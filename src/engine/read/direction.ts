// Polarity ("Higher is better") and tolerance ("5%", "2 pts", "0.5") as officers write them (RULES §4).
import type { CellValue, Direction, Tolerance } from "../vocab/types";

const HIGHER = /\b(higher|high|bigger|larger|greater|more|maximi[sz]e|increase|increasing|up|above)\b/;
const LOWER = /\b(lower|low|smaller|less|fewer|minimi[sz]e|decrease|decreasing|reduce|reduction|down|below)\b/;

/** Reads a polarity cell. Undefined when it says nothing recognisable (the caller reports it). */
const polarityCache = new Map<string, Direction | null>();

export function readPolarity(cell: CellValue | undefined): Direction | undefined {
  if (typeof cell !== "string") return undefined;
  const known = polarityCache.get(cell);
  if (known !== undefined) return known ?? undefined;
  const found = readPolarityText(cell);
  if (polarityCache.size < 10_000) polarityCache.set(cell, found ?? null);
  return found;
}

function readPolarityText(cell: string): Direction | undefined {
  const text = cell.trim().toLowerCase();
  if (!text) return undefined;
  if (text === "+" || text === "↑" || text === "▲" || text === "h") return "higher";
  if (text === "-" || text === "↓" || text === "▼" || text === "l") return "lower";
  const higher = HIGHER.test(text);
  const lower = LOWER.test(text);
  if (higher && !lower) return "higher";
  if (lower && !higher) return "lower";
  return undefined;
}

/**
 * Reads a tolerance cell: "5%" is relative to the target, "2 pts"/"2pp"/"2 points" is percentage points,
 * a bare number is absolute in the measure's units. A number cell formatted as % is relative.
 */
export function readTolerance(cell: CellValue | undefined, numberFormat?: string): Tolerance | undefined {
  if (typeof cell === "number" && Number.isFinite(cell) && cell >= 0) {
    return numberFormat && numberFormat.includes("%") ? { kind: "relative", value: cell } : { kind: "absolute", value: cell };
  }
  if (typeof cell !== "string") return undefined;
  const text = cell.trim().toLowerCase().replace(/^(?:\+\s*\/\s*-|±|\+)/, "").trim();
  const m = /^(\d+(?:\.\d+)?)\s*(%|pp|pts?|points?|percentage points?|% points?)?$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? "";
  if (unit === "%") return { kind: "relative", value: n / 100 };
  if (unit) return { kind: "points", value: n };
  return { kind: "absolute", value: n };
}

export function describeTolerance(t: Tolerance): string {
  if (t.kind === "relative") return `${+(t.value * 100).toFixed(4)}%`;
  if (t.kind === "points") return `${t.value} percentage point${t.value === 1 ? "" : "s"}`;
  return `${t.value} (absolute)`;
}
