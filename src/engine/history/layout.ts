// Writing the "Scorecard History" sheet: one row per record per period, a header row people can sort
// and filter by, frozen so it stays in view. The sheet is ours: rebuilt whole on every run, this run's
// period replaced, every other period written back as read, and rows the reader could not use kept
// at the foot (highlighted) for a person to fix.
import { FONT, StyleCollector } from "../trackers/colour";
import { headerSection, headerText } from "../sheet-kit/layout-print";
import { formatIsoDate } from "../vocab/format";
import { isoFromDate } from "../read/dates";
import { cellText } from "../read/cells";
import { emptySheetPlan, type PlanStyle, type PlanValue, type SheetPlan } from "../vocab/plan";
import { HISTORY_COLUMNS, type HistoryColumn } from "./columns";
import { mergeRun, type OwnEntries } from "./entries";
import type { HistoryPeriod } from "./period";
import type { UnreadRow } from "./read";
import { HISTORY_SHEET, type HistoryEntry } from "./types";
import type { RatedRecord } from "../rate/workbook";
import type { CellValue } from "../vocab/types";

/** Tab colour of the history sheet: the Office.js host finds the sheet by it (or its name) before it knows what is ours. */
export const HISTORY_TAB_COLOUR = "#7030A0";

const base: PlanStyle = { fontName: FONT, fontSize: 10, vAlign: "top" };
const STYLES = {
  header: {
    ...base,
    bold: true,
    fill: "#D9E1F2",
    fontColor: "#1F3864",
    border: "#8EA9DB",
    wrap: true,
  },
  body: base,
  percent: { ...base, numberFormat: "0.0#%" },
  unread: { ...base, fill: "#FFF2CC" },
} satisfies Record<string, PlanStyle>;

const LAST_COL = HISTORY_COLUMNS.length - 1;
const COL_OF = new Map<HistoryColumn, number>(HISTORY_COLUMNS.map((c, i) => [c.column, i]));

const byText = new Intl.Collator("en-GB", {
  numeric: true,
  sensitivity: "base",
});

/** Period, then sheet, then ref, then name: a person's filter and sort start from a tidy order. */
function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  return a.periodOrder - b.periodOrder || byText.compare(a.sheet, b.sheet) || byText.compare(a.ref, b.ref) || byText.compare(a.name, b.name);
}

/** The last "recorded on" date written and its text: every row of a run, and of each run before, shares one. */
let lastRecordedOn = "";
let lastRecordedText = "";

function recordedOnText(iso: string): string {
  if (iso !== lastRecordedOn) {
    lastRecordedText = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatIsoDate(iso) : iso;
    lastRecordedOn = iso;
  }
  return lastRecordedText;
}

function entryRow(e: HistoryEntry): PlanValue[] {
  const cells: Record<HistoryColumn, PlanValue> = {
    period: e.period,
    sheet: e.sheet,
    ref: e.ref,
    name: e.name,
    kind: e.kind,
    status: e.status,
    level: e.level,
    source: e.source,
    actual: e.actual,
    target: e.target,
    unit: e.unit ?? "",
    figuresFor: e.figuresFor?.text ?? e.figuresForTyped ?? "",
    hidden: e.hidden ? "Yes" : "",
    recordedOn: recordedOnText(e.recordedOn),
  };
  return HISTORY_COLUMNS.map((c) => cells[c.column]);
}

/** A cell typed by a person, written back as it was: numbers as numbers, dates as dd/mm/yyyy, the rest as text. */
function typed(v: CellValue | undefined): PlanValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return formatIsoDate(isoFromDate(v) ?? "") || "";
  return cellText(v);
}

export interface HistoryLayoutOptions {
  /** The sheet's name when a person renamed it (the plan keeps the name the record knows it by). */
  sheet?: string;
  /** Rows the reader could not use (readHistory), written back at the foot. */
  unread?: UnreadRow[];
  /**
   * Where the entries read start when the host read only the history's latest periods: the plan then
   * holds the rows from there down, no header, and leaves every row above as it is.
   */
  firstRow?: number;
  /** This run's entries when already made (ownEntries). */
  own?: OwnEntries;
}

/**
 * Earlier periods a pack uses from the history (Last period, changes, trend charts): a year of
 * quarters, so a trend chart shows up to five points with this period's. More would make the Office.js
 * host read ever more of the history each quarter: at 2,000 records, each period is ~0.4 MB to read.
 */
export const HISTORY_PERIODS_USED = 4;
/**
 * Periods the Office.js host reads next time (hint.ts): those used, the one a re-run replaces, and one
 * more whose rows may start above the window (the read may cut it).
 */
export const HISTORY_PERIODS_READ = HISTORY_PERIODS_USED + 2;

/** The sheet row where the latest HISTORY_PERIODS_READ periods start (`orders`: each entry row's period, from row `first`); undefined for the whole sheet. */
function windowRow(orders: number[], first: number): number | undefined {
  const distinct = [...new Set(orders)].sort((a, b) => b - a);
  // Few periods: the whole sheet, or (read through a window already) the same window again.
  if (distinct.length <= HISTORY_PERIODS_READ) return first > 1 ? first : undefined;
  const from = distinct[HISTORY_PERIODS_READ - 1];
  return first + orders.findIndex((o) => o >= from);
}

/**
 * The history sheet after this run. `period` undefined: nothing of this run is recorded and the
 * entries are written back as they were.
 */
export function layoutHistorySheet(
  existing: HistoryEntry[],
  rated: RatedRecord[],
  period: HistoryPeriod | undefined,
  today: string,
  options: HistoryLayoutOptions = {},
): SheetPlan {
  return layoutHistory(existing, rated, period, today, options).plan;
}

/** The plan, and the row where the next read's window starts (see HISTORY_PERIODS_READ). */
export function layoutHistory(
  existing: HistoryEntry[],
  rated: RatedRecord[],
  period: HistoryPeriod | undefined,
  today: string,
  options: HistoryLayoutOptions = {},
): { plan: SheetPlan; window?: number } {
  const entries = mergeRun(existing, rated, period, today, options.own).entries.sort(compareEntries);
  const unread = options.unread ?? [];
  const plan = emptySheetPlan(HISTORY_SHEET, "create");
  const windowed = options.firstRow !== undefined && options.firstRow > 0;
  const rows: PlanValue[][] = windowed ? [] : [HISTORY_COLUMNS.map((c) => c.header)];
  const percent = new StyleCollector();
  const actualCol = COL_OF.get("actual") as number;
  const targetCol = COL_OF.get("target") as number;
  for (const e of entries) {
    const row = rows.length;
    rows.push(entryRow(e));
    if (e.unit === "%") {
      if (typeof e.actual === "number") percent.add(STYLES.percent, row, actualCol);
      if (typeof e.target === "number") percent.add(STYLES.percent, row, targetCol);
    }
  }
  const firstUnread = rows.length;
  for (const u of unread) rows.push(HISTORY_COLUMNS.map((c) => typed(u[c.column])));
  // Windowed: the rows from options.firstRow down; else the whole sheet from its header in row 1.
  const at = windowed ? (options.firstRow as number) : 0;
  const firstEntry = windowed ? 0 : 1;
  plan.blocks.push({ row: at, col: 0, values: rows });

  if (!windowed)
    plan.styles.push({
      style: STYLES.header,
      ranges: [{ top: 0, left: 0, bottom: 0, right: LAST_COL }],
    });
  if (firstUnread > firstEntry)
    plan.styles.push({
      style: STYLES.body,
      ranges: [{ top: at + firstEntry, left: 0, bottom: at + firstUnread - 1, right: LAST_COL }],
    });
  plan.styles.push(...percent.toGroups().map((g) => ({ ...g, ranges: g.ranges.map((r) => ({ ...r, top: r.top + at, bottom: r.bottom + at })) })));
  if (unread.length)
    plan.styles.push({
      style: STYLES.unread,
      ranges: [{ top: at + firstUnread, left: 0, bottom: at + rows.length - 1, right: LAST_COL }],
    });
  plan.columnWidths = HISTORY_COLUMNS.map((c, col) => ({
    col,
    width: c.width,
  }));
  // The plan cannot express an autofilter: the header row is frozen instead, and Excel's Sort & Filter works on it.
  plan.freeze = { rows: 1, cols: 0 };
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToPagesWide: 1,
    repeatRows: { first: 0, last: 0 },
    footer: headerSection("L", headerText(HISTORY_SHEET)) + headerSection("R", "Page &P of &N"),
  };
  plan.tabColor = HISTORY_TAB_COLOUR;
  return { plan, window: windowRow(entries.map((e) => e.periodOrder), at + firstEntry) };
}
