// The headline table (as Cannock Chase's): rows Indicators and Activities, a column per status with
// "count (percent)", and totals; then the same by priority or directorate when there is more than one.
import { percentages, type EarlierRecords, type KindCounts, type SummaryModel } from "./summary";
import { LAST_COL, STYLES, statusCellText, statusStyle } from "../sheet-kit/layout-style";
import type { PlanWriter } from "../sheet-kit/layout-writer";
import { writeTable, type Column } from "../sheet-kit/layout-table";
import type { PlanStyle } from "../vocab/plan";
import type { PackModel } from "./history-model";
import type { RecordKind, Scheme, Status } from "../vocab/types";

/** Statuses side by side in one table, for the kinds that share them. */
export interface Panel {
  kinds: RecordKind[];
  statuses: Status[];
}

const KIND_WORDS: Record<RecordKind, string> = { indicator: "Indicators", activity: "Activities" };
const FIRST_COUNT_COL = 2;
const HIDDEN_WHEN_EMPTY = new Set(["nodata", "dataonly"]);

const DASH: PlanStyle = { ...STYLES.count, italic: true, fontColor: "#595959" };

const same = (a: Status, b: Status): boolean => a.key === b.key && a.label === b.label;

/** One shared table when one kind's statuses are a subset of the other's (Cannock); else one per kind. */
function panelsOf(scheme: Scheme): Panel[] {
  const { indicator, activity } = scheme;
  if (activity.every((a) => indicator.some((i) => same(a, i)))) return [{ kinds: ["indicator", "activity"], statuses: indicator }];
  if (indicator.every((i) => activity.some((a) => same(a, i)))) return [{ kinds: ["indicator", "activity"], statuses: activity }];
  return [
    { kinds: ["indicator"], statuses: indicator },
    { kinds: ["activity"], statuses: activity },
  ];
}

/**
 * A status as the headline's column header: a space after a slash so that a narrow column wraps
 * "Aborted/closed" between its words, not mid-word (issue 12 item 5).
 */
export function headlineHeader(status: Status): string {
  return statusCellText(status).replace(/\/(?=\S)/g, "/ ");
}

const countOf = (counts: KindCounts, key: string) => counts.statuses.find((s) => s.key === key);

/**
 * The panels with the rows and columns shown: only kinds that have records (a table of dashes says
 * nothing), and "no data" and "data only" only when something has that status.
 */
export function headlinePanels(model: SummaryModel, scheme: Scheme): Panel[] {
  return panelsOf(scheme)
    .map((panel) => ({ ...panel, kinds: panel.kinds.filter((k) => model.headline[k].total > 0) }))
    .filter((panel) => panel.kinds.length > 0)
    .map((panel) => ({
      kinds: panel.kinds,
      statuses: panel.statuses.filter(
        (s) => !HIDDEN_WHEN_EMPTY.has(s.level) || panel.kinds.some((k) => (countOf(model.headline[k], s.key)?.count ?? 0) > 0),
      ),
    }));
}

/** Rightmost column the headline needs (label A:B, a column per status, then Total). */
export function headlineLastCol(model: SummaryModel, scheme: Scheme): number {
  return Math.max(LAST_COL, ...headlinePanels(model, scheme).map((p) => FIRST_COUNT_COL + p.statuses.length));
}

interface Line {
  label: string;
  strong: boolean;
  cells: string[];
  total: number;
  /** Last period's counts (issue 14). */
  earlier?: boolean;
  /** Its percentages add up to less than 100 (equal counts kept equal): the headline says why. */
  short: boolean;
}

/** "2 (100%)"; "–" where the kind has no such status or nothing was counted. */
export function countText(count: number, percent: number): string {
  return `${count} (${percent}%)`;
}

function line(label: string, strong: boolean, statuses: Status[], kinds: RecordKind[], counts: KindCounts[]): Line {
  const total = counts.reduce((a, c) => a + c.total, 0);
  const sums = statuses.map((s) => counts.reduce((a, c) => a + (countOf(c, s.key)?.count ?? 0), 0));
  // Percents of one kind come from the model (they add up to 100 over all its statuses); totals are worked here.
  const percents = counts.length === 1 ? statuses.map((s) => countOf(counts[0], s.key)?.percent ?? 0) : percentages(sums);
  const cells = statuses.map((s, i) => {
    const applies = kinds.some((k, j) => counts[j] && countOf(counts[j], s.key) !== undefined);
    return !applies || total === 0 ? "–" : countText(sums[i], percents[i]);
  });
  const short = total > 0 && percents.reduce((a, b) => a + b, 0) !== 100;
  return { label, strong, cells, total, short };
}

/** One record or several, as the notes under the headline count them. */
const records = (n: number) => `${n} record${n === 1 ? "" : "s"}`;
const quoted = (sheets: string[]) => sheets.map((s) => `'${s}'`).join(", ");

/**
 * 'These counts include 4 records from a Quarter 2 2010/11 return (sheet 'Q2 Return'), …': a stale
 * table's statuses are counted with the rest, so the headline says so (RULES §10).
 */
export function earlierNote(e: EarlierRecords): string {
  const sheets = `${e.sheets.length === 1 ? "sheet" : "sheets"} ${quoted(e.sheets)}`;
  const marks = [
    e.figures > 0 ? `${e.figures === 1 ? "a figure" : "figures"} marked "${e.mark}"` : "",
    e.ratings > 0 ? `${e.ratings === 1 ? "an officer's rating" : "officers' ratings"} with no figure marked "${e.ratingMark}"` : "",
  ].filter(Boolean);
  const shown = marks.length ? `: shown with ${marks.join(", and ")}` : "";
  return `These counts include ${records(e.count)} from a ${e.period} return (${sheets}), an earlier period than this report's${shown}.`;
}

export const ROUNDING_NOTE = "Percentages are whole numbers, and equal counts always show the same percentage, so a row may add up to a little less than 100%.";

/** The notes under the headline: earlier periods counted, and rounding where a row falls short of 100%. */
export function headlineNotes(model: SummaryModel, scheme: Scheme): string[] {
  const notes = model.earlier.map(earlierNote);
  if (headlinePanels(model, scheme).some((panel) => linesOf(model, panel).some((l) => l.short))) notes.push(ROUNDING_NOTE);
  return notes;
}

/** Last period's counts under this period's, where the pack has a previous period (issue 14). */
function lastPeriodLines(model: PackModel, statuses: Status[], kinds: RecordKind[]): Line[] {
  const h = model.history;
  if (!h?.previousPeriod || kinds.every((k) => h.previousHeadline[k].total === 0)) return [];
  // In italics, so it reads as a note on the row above, not as another group.
  return [{ ...line(`Last period (${h.previousPeriod})`, false, statuses, kinds, kinds.map((k) => h.previousHeadline[k])), earlier: true }];
}

function linesOf(model: PackModel, panel: Panel): Line[] {
  const { kinds, statuses } = panel;
  const lines = kinds.flatMap((k) => [line(KIND_WORDS[k], true, statuses, [k], [model.headline[k]]), ...lastPeriodLines(model, statuses, [k])]);
  if (kinds.length > 1) lines.push(line("Total", true, statuses, kinds, kinds.map((k) => model.headline[k])), ...lastPeriodLines(model, statuses, kinds));
  if (model.groups.length > 1) {
    const none = model.groupBy === "priority" ? "No priority given" : "No directorate given";
    for (const g of model.groups) {
      for (const k of kinds) {
        if (g.counts[k].total === 0) continue;
        const name = g.name || none;
        lines.push(line(kinds.length > 1 ? `${name} – ${KIND_WORDS[k].toLowerCase()}` : name, false, statuses, [k], [g.counts[k]]));
      }
    }
  }
  return lines;
}

export function writeHeadline(w: PlanWriter, model: SummaryModel, scheme: Scheme): void {
  w.banner("Summary of ratings", STYLES.section, 20);
  const panels = headlinePanels(model, scheme);
  if (panels.length === 0) {
    w.banner("Nothing was rated: no indicators or activities were found.", STYLES.note);
    w.skip();
  }
  for (const panel of panels) {
    const columns: Column<Line>[] = [
      {
        col: 0,
        to: 1,
        header: panel.kinds.length > 1 ? "Ratings" : `${KIND_WORDS[panel.kinds[0]]}: ratings`,
        value: (l) => l.label,
        styleOf: (l) => (l.strong ? STYLES.label : l.earlier ? STYLES.quiet : STYLES.body),
      },
      ...panel.statuses.map(
        (s, i): Column<Line> => ({
          col: FIRST_COUNT_COL + i,
          header: headlineHeader(s),
          headerStyle: statusStyle(s, true),
          value: (l) => l.cells[i],
          styleOf: (l) => (l.cells[i] === "–" ? DASH : STYLES.count),
        }),
      ),
      { col: FIRST_COUNT_COL + panel.statuses.length, header: "Total", value: (l) => l.total, style: STYLES.total },
    ];
    w.row = writeTable(w, linesOf(model, panel), columns) + 1;
  }
  const notes = headlineNotes(model, scheme);
  // Notes on the table above, not headings: not kept with what follows.
  for (const text of notes) w.banner(text, { ...STYLES.note, wrap: true }, undefined, false);
  if (notes.length > 0) w.skip();
}
