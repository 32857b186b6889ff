// The --json report: exactly the contract of PRODUCT.md, which tests and other tools read.
import { formatPeriod } from "../engine/read/periods";
import { describeAssumptions, type ScorecardRun } from "../engine/scorecard";
import type { Comparison, RecordKind } from "../engine/vocab/types";
import type { PreviousStatus } from "../engine/history/types";
import type { RatedRecord } from "../engine/rate/workbook";

export interface JsonReport {
  preset: string;
  reportDate: string;
  /** "Q3 2010/11" or "2010/11", given or inferred (RULES §10). */
  period: string | null;
  /** Where the period came from: "option", "Scorecard Rules", or the sheet and cell ("'Q3 Scorecard'!A1"). */
  periodSource: string | null;
  statuses: { kind: RecordKind; key: string; label: string; level: string; fill: string; font: string; symbol: string }[];
  records: {
    sheet: string;
    row: number;
    /** The row is hidden on the tracker: rated, but left out of `counts` unless included (RULES §10). */
    hidden?: boolean;
    kind: RecordKind;
    ref: string;
    name: string;
    status: string;
    level: string;
    /** "rules", or "officer" where the officer's own rating is shown because the rules could not rate (RULES §7). */
    source: "rules" | "officer";
    computed: string | null;
    manual: string | null;
    trend: string;
    /** Against the same period a year earlier (RULES §6); "notrend" where the tracker has no such figure. */
    trendLongTerm: string;
    /** The actual against each comparator average: result "favourable", "within" or "negative". */
    comparisons: Comparison[];
    checks: string[];
    reason: string;
    /** Status in the latest period recorded before this one (the Scorecard History sheet), where the record was recorded then. */
    previous?: PreviousStatus;
  }[];
  counts: Record<RecordKind, Record<string, number>>;
  problems: { sheet: string; cell: string; message: string }[];
}

function periodSourceText(run: ScorecardRun): string | null {
  const src = run.periodSource;
  if (!src) return null;
  if (src.kind === "option") return "option";
  if (src.kind === "rules") return src.cell ? `'${(src.sheet ?? "Scorecard Rules").replace(/'/g, "''")}'!${src.cell}` : "Scorecard Rules";
  if (src.kind === "workbook") return `'${src.sheet.replace(/'/g, "''")}'!${src.cell}`;
  return null;
}

export type JsonRecord = JsonReport["records"][number];

export function recordOf(run: ScorecardRun, rated: RatedRecord): JsonRecord {
  const { record, rating } = rated;
  // A run made by hand (tests, older callers) may have no history.
  const previous = run.history?.previous(rated);
  const out: JsonRecord = {
    sheet: record.sheet,
    row: record.row,
    kind: record.kind,
    ref: record.ref,
    name: record.name,
    status: rating.status,
    level: rating.level,
    computed: rating.computed ?? null,
    manual: rating.manual ?? rating.manualText ?? null,
    trend: rating.trend,
    trendLongTerm: rating.trendLongTerm ?? "notrend",
    comparisons: (rating.comparisons ?? []).map(({ label, value, result }) => ({ label, value, result })),
    checks: rating.checks,
    reason: rating.reason,
    source: rating.source ?? "rules",
  };
  // Added after the rest, so they come last in the JSON, as they always have (not spread in: spreading
  // an object into another per record was a slow path, 100,000 times over).
  if (record.hidden) out.hidden = true;
  // Where an earlier period is recorded (PRODUCT.md): the period in RULES §10's written form.
  if (previous) out.previous = { period: previous.period, status: previous.status, level: previous.level };
  return out;
}

export function toJsonReport(run: ScorecardRun): JsonReport {
  const { scheme, result } = run;
  const statuses = (["indicator", "activity"] as const).flatMap((kind) =>
    (kind === "indicator" ? scheme.indicator : scheme.activity).map((s) => ({
      kind,
      key: s.key,
      label: s.label,
      level: s.level,
      fill: s.fill,
      font: s.font,
      symbol: s.symbol,
    })),
  );
  return {
    preset: scheme.key,
    reportDate: run.reportDate,
    period: run.period ? formatPeriod(run.period) : (run.settings.period ?? null),
    periodSource: periodSourceText(run),
    statuses,
    records: result.rated.map((rated) => recordOf(run, rated)),
    counts: result.counts,
    problems: result.problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message })),
  };
}

/**
 * What `build` prints when done: what it assumed and where it found it, then counts by status label
 * ("Satisfactory 2", not "ok 2"), hidden rows left out and problems.
 */
export function consoleLines(run: ScorecardRun, output: string): string[] {
  const { scheme, result } = run;
  const line = (kind: RecordKind) =>
    (kind === "indicator" ? scheme.indicator : scheme.activity)
      .filter((s) => (result.counts[kind][s.key] ?? 0) > 0)
      .map((s) => `${s.label} ${result.counts[kind][s.key]}`)
      .join(", ") || "none";
  const lines = [`Wrote ${output}`, `  ${describeAssumptions(run)}`, `  Status rules: ${scheme.name}`, `  Indicators: ${line("indicator")}`, `  Activities: ${line("activity")}`];
  const hidden = result.hiddenLeftOut ?? 0;
  if (hidden > 0) lines.push(`  Hidden rows left out of the counts: ${hidden} (--include-hidden counts them)`);
  if (result.problems.length) lines.push(`  Problems: ${result.problems.length} (listed on the summary sheet and in --json)`);
  return lines;
}
