// The key at the top of the summary: every status with its colours, symbol and meaning, and the trend arrows.
import { STYLES, statusCellText, statusStyle, TREND_ARROWS, trendColours, trendStyle } from "../sheet-kit/layout-style";
import { writeTable, type Column } from "../sheet-kit/layout-table";
import type { PlanWriter } from "../sheet-kit/layout-writer";
import type { PlanStyle } from "../vocab/plan";
import { TREND_LABELS } from "../rate/trend";
import { cutAtWord } from "../sheet-kit/layout-print";
import type { Scheme, Status, Trend } from "../vocab/types";

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

const COUNT_WORDS = ["", "one", "two", "three", "four", "five", "six"];

/** The trend's method in words (issue 12 item 5): "against the previous period", "over the last three periods". */
export function trendMethod(scheme: Scheme): string {
  const n = scheme.trendPeriods;
  return n <= 1 ? "against the previous period" : `over the last ${COUNT_WORDS[n] ?? n} periods`;
}

/** What each trend means under the scheme's method. */
function trendMeaning(scheme: Scheme, trend: Trend): string {
  const n = scheme.trendPeriods;
  if (n <= 1) return TREND_LABELS[trend].description;
  const last = `the last ${COUNT_WORDS[n] ?? n} periods`;
  const band = `${Math.round(scheme.staticBand * 1000) / 10}%`;
  const meaning: Record<Trend, string> = {
    improving: `Better in each of ${last}`,
    worsening: `Worse in each of ${last}`,
    static: `Within ${band} of the period before, or mixed over ${last}`,
    notrend: TREND_LABELS.notrend.description,
  };
  return meaning[trend];
}

function trendItems(scheme: Scheme): KeyItem[] {
  const colours = trendColours(scheme);
  const moved = ". The arrow shows which way the figure moved.";
  const item = (trend: Trend, extra = ""): KeyItem => ({
    text: TREND_KEY[trend],
    meaning: trendMeaning(scheme, trend) + extra,
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
export function writeKey(w: PlanWriter, scheme: Scheme, present: { indicator: boolean; activity: boolean; trend?: boolean } = { indicator: true, activity: true }): void {
  w.banner("Key", STYLES.section, 20);
  const top = w.row;
  // Side by side, so not paged: the key comes first and fits on the first page. Only the kinds of
  // record the summary holds are explained.
  const left = present.indicator ? writeTable(w, statusItems(scheme.indicator), keyColumns(0, 1, 2, 4, "Indicator status"), { top, paged: false }) : top;
  const right = present.activity
    ? present.indicator
      ? writeTable(w, statusItems(scheme.activity), keyColumns(5, 5, 6, 8, "Activity status"), { top, paged: false })
      : writeTable(w, statusItems(scheme.activity), keyColumns(0, 1, 2, 4, "Activity status"), { top, paged: false })
    : top;
  w.row = Math.max(left, right);
  // The arrows are explained only where some indicator shows one (issue 12 item 5).
  if (!present.indicator || present.trend === false) return;
  const trendTop = w.row + 1;
  w.row = writeTable(w, trendItems(scheme), keyColumns(0, 1, 2, 4, `Direction of travel (indicators), ${trendMethod(scheme)}`), { top: trendTop, paged: false });
}

/** Characters of a status's label in the key's line (Cannock's "Requires amendment" is 18). */
const KEY_LABEL_MAX = 30;

/**
 * The key in one line, under the title on every printed page (PRODUCT.md: "a key on every page"; helper-124
 * found pages 2 on without one): each status's symbol and label, for the kinds of record the summary holds.
 * The colours are in the cells themselves; the full key, with meanings and arrows, is on the first page.
 */
export function keyLine(scheme: Scheme, present: { indicator: boolean; activity: boolean }, officer: boolean): string {
  // A council's own labels can be sentences (Scorecard Rules): cut, so the line stays a line or two on every page.
  // Labels marked as cut ("…"), and left whole where two would read the same cut (helper-126).
  const list = (statuses: Status[]): string => {
    const cut = statuses.map((st) => {
      const short = cutAtWord(st.label, KEY_LABEL_MAX);
      return short === st.label || short.endsWith("…") ? short : `${short}…`;
    });
    const labels = new Set(cut).size === cut.length ? cut : statuses.map((st) => st.label);
    return statuses.map((st, i) => statusCellText({ ...st, label: labels[i] })).join(" · ");
  };
  const same = list(scheme.indicator) === list(scheme.activity);
  const parts =
    present.indicator && present.activity && !same
      ? [`indicators: ${list(scheme.indicator)}`, `activities: ${list(scheme.activity)}`]
      : [list(present.indicator || same ? scheme.indicator : scheme.activity)];
  const officerWords = officer ? " (officer): the officer's own rating." : "";
  const listed = parts.join("; ");
  return `Key: ${listed}${listed.endsWith("…") ? "" : "."}${officerWords} Meanings in the key at the start of this summary.`;
}
