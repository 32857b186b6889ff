// The top of the summary: the title block, and a key of every status and trend arrow.
import { formatIsoDate } from "./format";
import { STYLES, statusCellText, statusStyle, trendColours, trendStyle, type PlanWriter } from "./layout-style";
import { writeTable, type Column } from "./layout-table";
import type { PlanStyle } from "./plan";
import { TREND_LABELS } from "./trend";
import type { Scheme, Status, Trend } from "./types";

export interface SummaryMeta {
  periodLabel: string;
  reportDate: string;
  title?: string;
  committee?: string;
  sheetName: string;
}

/** dd/mm/yyyy for an ISO date; anything else as given. */
export function ukDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatIsoDate(date) : date;
}

/** The three title lines: who it is for, which period, and when and by which rules. */
export function titleLines(meta: SummaryMeta, scheme: Scheme): { heading: string; period: string; details: string } {
  const heading = [meta.title?.trim(), meta.committee?.trim()].filter(Boolean).join(" — ") || "Performance summary";
  const period = meta.periodLabel.trim() ? `Performance report — ${meta.periodLabel.trim()}` : "Performance report";
  const date = meta.reportDate.trim() ? `Report date: ${ukDate(meta.reportDate.trim())}` : "";
  const details = [date, `Status rules: ${scheme.name}`].filter(Boolean).join("     ");
  return { heading, period, details };
}

/** Writes the title block; returns the number of rows it takes (frozen and repeated on every page). */
export function writeTitle(w: PlanWriter, meta: SummaryMeta, scheme: Scheme): number {
  const lines = titleLines(meta, scheme);
  w.banner(lines.heading, STYLES.title, 26);
  w.banner(lines.period, STYLES.subtitle, 20);
  w.banner(lines.details, STYLES.meta, 16);
  return w.row;
}

interface KeyItem {
  text: string;
  meaning: string;
  style: PlanStyle;
}

function statusItems(statuses: Status[]): KeyItem[] {
  return statuses.map((s) => ({ text: statusCellText(s), meaning: s.description, style: statusStyle(s) }));
}

function trendItems(scheme: Scheme): KeyItem[] {
  const colours = trendColours(scheme);
  const moved = ". The arrow shows which way the figure moved.";
  const item = (trend: Trend, text: string, extra = ""): KeyItem => ({
    text,
    meaning: TREND_LABELS[trend].description + extra,
    style: trendStyle(colours[trend], false),
  });
  return [
    item("improving", `▲ ▼ ${TREND_LABELS.improving.label}`, moved),
    item("worsening", `▲ ▼ ${TREND_LABELS.worsening.label}`, moved),
    item("static", `► ${TREND_LABELS.static.label}`),
    item("notrend", `– ${TREND_LABELS.notrend.label}`),
  ];
}

function keyColumns(col: number, to: number, meaningFrom: number, meaningTo: number, heading: string): Column<KeyItem>[] {
  return [
    { col, to: to > col ? to : undefined, header: heading, value: (i) => i.text, styleOf: (i) => i.style },
    { col: meaningFrom, to: meaningTo, header: "Meaning", value: (i) => i.meaning, style: STYLES.body },
  ];
}

/**
 * Indicator statuses on the left (A:B, meanings C:E), activity statuses on the right (F, meanings G:I),
 * trend arrows below. Every status shows its fill, font colour, symbol and label.
 */
export function writeKey(w: PlanWriter, scheme: Scheme): void {
  w.banner("Key", STYLES.section, 20);
  const top = w.row;
  const left = writeTable(w, statusItems(scheme.indicator), keyColumns(0, 1, 2, 4, "Indicator status"), top);
  const right = writeTable(w, statusItems(scheme.activity), keyColumns(5, 5, 6, 8, "Activity status"), top);
  w.row = writeTable(w, trendItems(scheme), keyColumns(0, 1, 2, 4, "Direction of travel (indicators)"), Math.max(left, right) + 1);
}
