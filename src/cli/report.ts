// The --json report: exactly the contract of PRODUCT.md, which tests and other tools read.
import type { ScorecardRun } from "../engine/scorecard";
import type { Comparison, RecordKind } from "../engine/types";

export interface JsonReport {
  preset: string;
  reportDate: string;
  period: string | null;
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
    computed: string | null;
    manual: string | null;
    trend: string;
    /** Against the same period a year earlier (RULES §6); "notrend" where the tracker has no such figure. */
    trendLongTerm: string;
    /** The actual against each comparator average: result "favourable", "within" or "negative". */
    comparisons: Comparison[];
    checks: string[];
    reason: string;
  }[];
  counts: Record<RecordKind, Record<string, number>>;
  problems: { sheet: string; cell: string; message: string }[];
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
    period: run.settings.period ?? null,
    statuses,
    records: result.rated.map(({ record, rating }) => ({
      sheet: record.sheet,
      row: record.row,
      ...(record.hidden ? { hidden: true } : {}),
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
    })),
    counts: result.counts,
    problems: result.problems.map((p) => ({ sheet: p.sheet, cell: p.cell, message: p.message })),
  };
}
