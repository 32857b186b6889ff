// The committee summary sheet as a plan (PRODUCT "The committee summary sheet"): title block, key,
// headline table, exceptions, scorecards by group, checks and data quality; A4 landscape print setup.
import { writeHeadline, headlineLastCol } from "./layout-headline";
import { keyLine, writeKey } from "./layout-key";
import { keyNotes, recordsLastCol, writeExceptions, writeIssues, writeScorecards } from "./layout-records";
import { cutAtWord, REPORT_WORDS, titleLines, ukDate, writeTitle, type SummaryMeta } from "./layout-title";
import { headerSection, headerText } from "../sheet-kit/layout-print";
import { gridForRefs, STYLES } from "../sheet-kit/layout-style";
import { PlanWriter } from "../sheet-kit/layout-writer";
import type { SheetPlan } from "../vocab/plan";
import { ChartCollector } from "./layout-charts";
import { writeCountsChart } from "./layout-counts-chart";
import { writeChanges } from "./layout-changes";
import type { PackModel } from "./history-model";
import { packRefs } from "./summary";
import type { Scheme } from "../vocab/types";

const MAX_SHEET_NAME = 31;
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/** A short, stable tag for a committee name, so two long names cut to the same text stay apart. */
function tag(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text.toLowerCase()) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash & 0xffff).toString(16).toUpperCase().padStart(4, "0");
}

const cleanName = (committee: string | undefined): string =>
  (committee ?? "").replace(SHEET_FORBIDDEN, " ").replace(/\s+/g, " ").replace(/^'+|'+$/g, "").trim();

/**
 * "Summary", or "Summary – <committee>" within Excel's 31 characters and without []:*?/\, cut at a
 * word. Only where another committee's name would be cut to the same text does it end with a tag of
 * the full name ("Summary – Select Committee 3F2A"), so that the two stay apart.
 */
export function summarySheetName(committee?: string, others: readonly (string | undefined)[] = []): string {
  const cleaned = cleanName(committee);
  if (!cleaned) return "Summary";
  const name = cutAtWord(`Summary – ${cleaned}`, MAX_SHEET_NAME);
  const collides = others.some((o) => {
    const other = cleanName(o);
    return other.toLowerCase() !== cleaned.toLowerCase() && cutAtWord(`Summary – ${other}`, MAX_SHEET_NAME).toLowerCase() === name.toLowerCase();
  });
  if (!collides) return name;
  return `${cutAtWord(`Summary – ${cleaned}`, MAX_SHEET_NAME - 5)} ${tag(cleaned)}`;
}

/** "3 officer ratings differ from the rules; 2 figures need correcting": undefined when there are none. */
function officerPointer(model: PackModel): { text: string; row: number } | undefined {
  const checks = model.checks.length;
  const problems = model.problems.length;
  if (checks === 0 && problems === 0) return undefined;
  const parts = [
    checks ? `${checks} officer rating${checks === 1 ? " differs" : "s differ"} from the rules` : "",
    problems ? `${problems} data-quality note${problems === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  return { text: parts.join("; "), row: -1 };
}

/** The summary sheet; with last period's statuses, the changes and trend charts where the model has history (issue 14). */
export function layoutSummary(model: PackModel, scheme: Scheme, meta: SummaryMeta): SheetPlan {
  const committee = meta.committee ?? model.committee;
  const fullMeta: SummaryMeta = { ...meta, committee };
  const w = new PlanWriter(meta.sheetName);
  w.grid = gridForRefs(packRefs(model)); // a Ref column wide enough that no ref breaks mid-word
  w.lastCol = Math.max(headlineLastCol(model, scheme), recordsLastCol(model, scheme));

  const present = { indicator: model.headline.indicator.total > 0, activity: model.headline.activity.total > 0 || model.headline.indicator.total === 0 };
  // The title block and the key's line under it head every printed page; the title alone stays on screen.
  const frozenRows = writeTitle(w, fullMeta, scheme);
  const officer = model.groups.some((g) => [...g.indicators, ...g.activities].some((r) => r.source === "officer"));
  w.banner(keyLine(scheme, present, officer), { ...STYLES.meta, wrap: true }, undefined, false);
  const titleRows = w.row;
  w.startPages(titleRows);
  w.skip();
  const trend = model.groups.some((g) => g.indicators.some((r) => r.trend !== "notrend" || (r.trendLongTerm !== undefined && r.trendLongTerm !== "notrend")));
  writeKey(w, scheme, { ...present, trend });
  // What the two directions of travel and the comparator words mean, where the summary shows them.
  // Not kept with what follows: a tall key and its notes would push everything off the first page.
  w.releaseKeep();
  for (const text of keyNotes(model, scheme)) w.banner(text, { ...STYLES.note, wrap: true }, undefined, false);
  w.skip();
  writeHeadline(w, model, scheme);
  const countsChart = writeCountsChart(w, model, scheme, w.lastCol + 2);
  const pointer = officerPointer(model);
  if (pointer) {
    pointer.row = w.banner(pointer.text, { ...STYLES.note, wrap: true });
    w.skip();
  }
  if (model.hiddenLeftOut > 0) {
    const n = model.hiddenLeftOut;
    w.banner(`${n} hidden row${n === 1 ? " was" : "s were"} left out of these counts and lists: hidden on the trackers or on a hidden sheet (Hidden rows setting on the Scorecard Rules sheet).`, { ...STYLES.note, wrap: true });
    w.skip();
  }
  const charts = new ChartCollector(w, model);
  writeExceptions(w, model, scheme, charts);
  writeChanges(w, model, scheme);
  writeScorecards(w, model, scheme);
  // Status checks and data quality are for officers: a section of their own on a new page, with one
  // line on the councillors' pages pointing to it (its page is known once the rows are placed).
  w.skip();
  const officersRow = w.row;
  w.pageBreak(officersRow);
  writeIssues(w, model);

  const printedRows = w.row;
  const plan = w.finish();
  const drawn = [...(countsChart ? [countsChart] : []), ...charts.charts];
  if (drawn.length > 0) plan.charts = drawn;
  if (pointer) {
    const page = 1 + w.rowBreaks.filter((r) => r <= officersRow).length;
    const block = plan.blocks.find((b) => b.row === pointer.row && b.col === 0);
    if (block) block.values = [[`${pointer.text}: see the section for officers on page ${page}.`]];
  }
  const lines = titleLines(fullMeta, scheme);
  const date = meta.reportDate.trim() ? `Report date ${ukDate(meta.reportDate.trim())}` : "";
  plan.freeze = { rows: frozenRows, cols: 0 };
  plan.print = {
    orientation: "landscape",
    paper: "A4",
    fitToPagesWide: 1,
    repeatRows: { first: 0, last: titleRows - 1 },
    header: headerSection("L", headerText(lines.name || REPORT_WORDS)) + headerSection("R", headerText(meta.periodLabel.trim())),
    footer: headerSection("L", headerText(date)) + headerSection("C", "Page &P of &N") + headerSection("R", headerText(scheme.name)),
  };
  if (w.rowBreaks.length > 0) plan.print.rowBreaks = [...w.rowBreaks];
  // The charts' data sits right of the printed columns: printed only what the pack shows.
  if (drawn.length > 0) plan.print.printArea = { top: 0, left: 0, bottom: Math.max(0, printedRows - 1), right: w.lastCol };
  plan.tabColor = "#1F3864";
  return plan;
}

export { trackerTitle, type SummaryMeta } from "./layout-title";
