// Trackers rated over several periods, their history built as a run builds it (entryOf, historyFor),
// and the pack laid out from them: shared by the pack-history and chart-plan tests.
import type { StaleTable } from "../../src/engine/detect/period-infer";
import { entryOf } from "../../src/engine/history/entries";
import { readHistoryPeriod, type HistoryPeriod } from "../../src/engine/history/period";
import { historyFor, type HistoryView } from "../../src/engine/history/view";
import { rateActivity, rateIndicator } from "../../src/engine/rate/rate";
import { summariseWithHistory, type PackModel } from "../../src/engine/summary/history-model";
import { layoutSummary } from "../../src/engine/summary/layout";
import type { HistoryEntry } from "../../src/engine/history/types";
import type { PlanStyle, PlanValue, SheetPlan } from "../../src/engine/vocab/plan";
import type { RatedRecord, WorkbookResult } from "../../src/engine/rate/workbook";
import type { CellRange, CellValue, Field, LabelledField, Scheme, SourceRecord } from "../../src/engine/vocab/types";

export const field = (cell: string, value: CellValue): Field => ({ cell, value, text: value === null ? "" : String(value) });

/** An indicator, higher is better: ref "PI <n>" on sheet KPIs, row n. */
export function indicator(n: number, target: CellValue, actual: CellValue, extra: Partial<SourceRecord> = {}): SourceRecord {
  return {
    kind: "indicator",
    sheet: "KPIs",
    row: n,
    ref: `PI ${n}`,
    name: `Indicator ${n}`,
    target: field(`C${n}`, target),
    actual: field(`D${n}`, actual),
    polarity: field(`E${n}`, "higher"),
    series: [],
    earlier: [],
    comparators: [],
    ...extra,
  };
}

/** An activity rated by the officer's symbol: ref "ACT <n>" on sheet Actions. */
export function activity(n: number, manual: string, extra: Partial<SourceRecord> = {}): SourceRecord {
  return { kind: "activity", sheet: "Actions", row: n, ref: `ACT ${n}`, name: `Activity ${n}`, manual: field(`D${n}`, manual), series: [], earlier: [], comparators: [], ...extra };
}

/** Quarter columns of 2010/11 (or another year) holding the figures given, as the tracker's series. */
export function quarters(n: number, figures: (number | string | null)[], year = "2010/11"): LabelledField[] {
  return figures.map((v, i) => ({ label: `Q${i + 1} Actual`, field: field(`${String.fromCharCode(71 + i)}${n}`, v), period: { label: `Q${i + 1} Actual`, quarter: i + 1, year, yearToDate: false } }));
}

export function rate(scheme: Scheme, r: SourceRecord): RatedRecord {
  const rating =
    r.kind === "indicator"
      ? rateIndicator(scheme, { target: r.target?.value, actual: r.actual?.value, polarity: r.polarity?.value, manual: r.manual?.value, series: r.series.map((s) => s.field), yearAgo: r.yearAgo?.field })
      : rateActivity(scheme, { manual: r.manual?.value, progress: r.progress?.value, due: r.due?.value, reportDate: "2010-12-31" });
  return { record: r, rating };
}

export function resultOf(scheme: Scheme, records: SourceRecord[]): WorkbookResult {
  return { tables: [], rated: records.map((r) => rate(scheme, r)), problems: [], counts: { indicator: {}, activity: {} } };
}

export function periodOf(text: string): HistoryPeriod {
  const p = readHistoryPeriod(text);
  if (typeof p === "string") throw new Error(p);
  return p;
}

/** One run a period: the records as the tracker had them then. */
export interface PeriodRun {
  period: string;
  records: SourceRecord[];
}

/** The last run's result and its history view, earlier runs recorded as a run records them. */
export function historyAcross(scheme: Scheme, runs: PeriodRun[]): { result: WorkbookResult; view: HistoryView; entries: HistoryEntry[] } {
  const entries: HistoryEntry[] = [];
  for (const run of runs.slice(0, -1)) {
    const at = periodOf(run.period);
    for (const r of resultOf(scheme, run.records).rated) {
      const e = entryOf(r, at, "2010-12-31");
      if (e) entries.push(e);
    }
  }
  const last = runs[runs.length - 1];
  const result = resultOf(scheme, last.records);
  const view = historyFor({ entries, period: periodOf(last.period), rated: result.rated, today: "2011-01-05" });
  return { result, view, entries };
}

export const META = { periodLabel: "Quarter 3 (October to December) 2010/11", reportDate: "2010-12-31", sheetName: "Summary" };

export function pack(scheme: Scheme, runs: PeriodRun[], options: { committee?: string; maxCharts?: number; stale?: StaleTable[] } = {}): { model: PackModel; plan: SheetPlan; view: HistoryView } {
  const { result, view } = historyAcross(scheme, runs);
  const model = summariseWithHistory(result, scheme, { committee: options.committee, ...(options.stale ? { stale: options.stale } : {}) }, view, { maxCharts: options.maxCharts });
  return { model, plan: layoutSummary(model, scheme, META), view };
}

/** The plan's cells: values and the styles laid on each, by "row,col". */
export function cellsOf(plan: SheetPlan): { values: Map<string, PlanValue>; styles: Map<string, PlanStyle[]> } {
  const values = new Map<string, PlanValue>();
  for (const b of plan.blocks) b.values.forEach((line, i) => line.forEach((v, j) => v !== null && values.set(`${b.row + i},${b.col + j}`, v)));
  const styles = new Map<string, PlanStyle[]>();
  for (const g of plan.styles) {
    for (const r of g.ranges)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          const key = `${row},${col}`;
          styles.set(key, [...(styles.get(key) ?? []), g.style]);
        }
  }
  return { values, styles };
}

/** The values of a one-row or one-column range, read back from the plan's blocks. */
export function rangeValues(plan: SheetPlan, range: CellRange): PlanValue[] {
  const { values } = cellsOf(plan);
  const out: PlanValue[] = [];
  for (let row = range.top; row <= range.bottom; row++) for (let col = range.left; col <= range.right; col++) out.push(values.get(`${row},${col}`) ?? null);
  return out;
}

export const where = (values: Map<string, PlanValue>, text: string): [number, number][] =>
  [...values.entries()].filter(([, v]) => v === text).map(([k]) => k.split(",").map(Number) as [number, number]);

/** The row holding `text` in column `col` at or below `from`. */
export function rowOf(plan: SheetPlan, text: string, col = 1, from = 0): number {
  const hits = where(cellsOf(plan).values, text).filter(([r, c]) => c === col && r >= from);
  if (hits.length === 0) throw new Error(`"${text}" is not in column ${col}`);
  return Math.min(...hits.map(([r]) => r));
}

/** A table's header row at or below `from`, and the column of each header. */
export function headerColumns(plan: SheetPlan, headerRow: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [k, v] of cellsOf(plan).values) {
    const [r, c] = k.split(",").map(Number);
    if (r === headerRow && typeof v === "string") out.set(v, c);
  }
  return out;
}
