// The key at the top of the summary: every status with its colours, symbol and meaning, and the trend arrows.
import { STYLES, statusCellText, statusStyle, TREND_ARROWS, trendColours, trendStyle } from "./layout-style";
import { writeTable, type Column } from "./layout-table";
import type { PlanWriter } from "./layout-writer";
import type { PlanStyle } from "./plan";
import { TREND_LABELS } from "./trend";
import type { Scheme, Status, Trend } from "./types";

interface KeyItem {
  text: string;
  meaning: string;
  style: PlanStyle;
}

function statusItems(statuses: Status[]): KeyItem[] {
  return statuses.map((s) => ({ text: statusCellText(s), meaning: s.description, style: statusStyle(s) }));
}

const { up, down, level, none } = TREND_ARROWS;

/** The trend rows of the key, as the trend cells read ("↑ ↓ Improving"). */
export const TREND_KEY: Record<Trend, string> = {
  improving: `${up} ${down} ${TREND_LABELS.improving.label}`,
  worsening: `${up} ${down} ${TREND_LABELS.worsening.label}`,
  static: `${level} ${TREND_LABELS.static.label}`,
  notrend: `${none} ${TREND_LABELS.notrend.label}`,
};

function trendItems(scheme: Scheme): KeyItem[] {
  const colours = trendColours(scheme);
  const moved = ". The arrow shows which way the figure moved.";
  const item = (trend: Trend, extra = ""): KeyItem => ({
    text: TREND_KEY[trend],
    meaning: TREND_LABELS[trend].description + extra,
    style: trendStyle(colours[trend], false),
  });
  return [item("improving", moved), item("worsening", moved), item("static"), item("notrend")];
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
  // Side by side, so not paged: the key comes first and fits on the first page.
  const left = writeTable(w, statusItems(scheme.indicator), keyColumns(0, 1, 2, 4, "Indicator status"), { top, paged: false });
  const right = writeTable(w, statusItems(scheme.activity), keyColumns(5, 5, 6, 8, "Activity status"), { top, paged: false });
  const trendTop = Math.max(left, right) + 1;
  w.row = writeTable(w, trendItems(scheme), keyColumns(0, 1, 2, 4, "Direction of travel (indicators)"), { top: trendTop, paged: false });
}
