// Help where officers type (issue 13 item 4; the `ratingHelp` setting, off by default): a drop-down list of
// the scheme's statuses on the officer's own rating column (ExcelApi 1.8 data validation), with an input
// message. It never refuses: the error alert is off, so an officer can still type a status the scheme does
// not know, and the rules then flag it.
// Only cells with no validation of their own get the list (an officer's own rule is never replaced), and the
// cells given it are listed in B1 of our record sheet (column A holds the record; backups start at C), so
// Remove colours takes off exactly what we put on, like every other format we change.
import type { ScorecardRun } from "../../engine/scorecard";
import type { CellRange } from "../../engine/vocab/types";
import type { XlRange, XlRequestContext } from "../api";
import { rangeAddress } from "../a1";
import { rangesOf } from "../cells";
import { Batcher, DEFAULT_BUDGET, OP_OVERHEAD } from "../chunk";
import type { WorkbookFacts } from "../facts";
import { findSheet } from "../facts";
import { parseJson } from "../saved";
import { isNotLoaded } from "../slices";
import type { StatePlace } from "../state";
import { queueStateSheet } from "../state";
import { live } from "./api";

/** Where in the record sheet the list of cells given rating help is kept. */
export const HELP_CELL = { row: 0, col: 1 } as const;

/** Sheet name -> the cells given our list, as an address list. */
export type HelpRecord = Record<string, string>;

export interface HelpTarget {
  sheet: string;
  rect: CellRange;
  /** The statuses offered, as the list's source ("Red,Amber,Green"). */
  source: string;
}

/** Input message: a title of at most 32 characters and a message of at most 255 (Excel's limits). */
export const HELP_PROMPT = {
  title: "Status",
  message: "Choose a status from the list, or type your own: the Scorecard Rules will flag one they do not know.",
} as const;

/** The officer's rating column of every table, with its kind's statuses. Labels holding a comma cannot be listed. */
export function helpTargets(run: ScorecardRun): HelpTarget[] {
  const out: HelpTarget[] = [];
  for (const t of run.result.tables) {
    const statuses = (t.kind === "activity" ? run.scheme.activity : run.scheme.indicator).map((s) => s.label).filter((l) => !l.includes(","));
    const source = statuses.join(",");
    if (!statuses.length || source.length > 255 || t.lastRow < t.firstRow) continue;
    for (const c of t.columns.filter((c) => c.role === "manual")) out.push({ sheet: t.sheet, rect: { top: t.firstRow, bottom: t.lastRow, left: c.col, right: c.col }, source });
  }
  return out;
}

export function parseHelp(value: unknown): HelpRecord {
  const parsed = parseJson(value) as { v?: number; sheets?: Record<string, unknown> } | undefined;
  if (!parsed || parsed.v !== 1 || typeof parsed.sheets !== "object" || !parsed.sheets) return {};
  return Object.fromEntries(Object.entries(parsed.sheets).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/** B1 of the record sheet, where the cells given our list are kept. */
function helpCell(context: XlRequestContext, recordName: string): XlRange {
  return context.workbook.worksheets.getItem(recordName).getRangeByIndexes(HELP_CELL.row, HELP_CELL.col, 1, 1);
}

/** Queue writing the record of the cells given our list, as text. */
function writeHelp(context: XlRequestContext, recordName: string, text: string): void {
  const cell = helpCell(context, recordName);
  cell.numberFormat = [["@"]];
  cell.values = [[text]];
}

function helpText(help: HelpRecord): string {
  return Object.keys(help).length ? JSON.stringify({ v: 1, sheets: help }) : "";
}

/** What queueHelpReads gives: the help record once read, and the requests of its own that took (0 usually). */
export interface HelpReader {
  read(recordName: string | undefined): Promise<HelpRecord>;
  syncs: number;
}

/**
 * Queue reading B1 of each very hidden sheet (the record sheet is one of them): no request of its own,
 * unless the request it rides in is refused for its size (then read again with nothing in it, and B1 is
 * read in a request of its own).
 */
export function queueHelpReads(context: XlRequestContext, facts: WorkbookFacts): HelpReader {
  const queue = () => new Map(facts.sheets.filter((s) => s.visibility === "VeryHidden").map((s) => [s.name, helpCell(context, s.name).load("values")]));
  let cells = queue();
  const reader: HelpReader = {
    syncs: 0,
    async read(name) {
      const value = () => {
        const cell = name ? cells.get(name) : undefined;
        return cell ? parseHelp((cell.values as unknown[][])[0]?.[0]) : {};
      };
      try {
        return value();
      } catch (e) {
        if (!isNotLoaded(e)) throw e;
        cells = queue();
        reader.syncs++;
        await context.sync();
        return value();
      }
    },
  };
  return reader;
}

/**
 * Queue taking our lists off again and forgetting them (Remove colours, or the setting turned off). Sheets
 * `kept` (protected now: Excel refuses to change their validation) keep theirs, and stay listed.
 */
export async function queueHelpRemoval(batcher: Batcher, context: XlRequestContext, facts: WorkbookFacts, recordName: string, help: HelpRecord, kept: (sheet: string) => boolean = () => false): Promise<number> {
  const sheets = live(context).workbook.worksheets;
  let cells = 0;
  const left: HelpRecord = {};
  for (const [name, list] of Object.entries(help)) {
    const sheet = findSheet(facts, name);
    if (!sheet) continue;
    if (kept(sheet.name)) {
      left[name] = list;
      continue;
    }
    for (const r of rangesOf(list)) {
      cells += (r.bottom - r.top + 1) * (r.right - r.left + 1);
      await batcher.add(OP_OVERHEAD * 2, () => sheets.getItem(sheet.name).getRange(rangeAddress(r)).dataValidation.clear());
    }
  }
  if (Object.keys(left).length) {
    const text = helpText(left);
    await batcher.add(OP_OVERHEAD * 2 + text.length, () => writeHelp(context, recordName, text));
  } else if (Object.keys(help).length) await batcher.add(OP_OVERHEAD * 2, () => helpCell(context, recordName).clear("Contents"));
  return cells;
}

/**
 * Put the list on every target cell range that has no validation of its own, and list them in B1.
 * Two requests: the ranges' validation type with B1, then the writes. Returns the record now kept.
 */
export async function applyRatingHelp(context: XlRequestContext, place: StatePlace, targets: HelpTarget[]): Promise<{ help: HelpRecord; syncs: number; added: number }> {
  const sheets = live(context).workbook.worksheets;
  const checks = targets.map((t) => ({ t, dv: sheets.getItem(t.sheet).getRange(rangeAddress(t.rect)).dataValidation.load("type,rule") }));
  const b1: XlRange | undefined = place.exists ? helpCell(context, place.name).load("values") : undefined;
  await context.sync();
  const help = b1 ? parseHelp((b1.values as unknown[][])[0]?.[0]) : {};
  // Only ranges with no validation at all get ours; a range partly validated (a table that grew) waits for
  // Remove colours or the setting turned off and on. Cells listed before stay listed, so they are taken off.
  const fresh = checks.filter(({ dv }) => dv.type === "None").map(({ t }) => t);
  if (!fresh.length) return { help, syncs: 1, added: 0 };
  const next: HelpRecord = { ...help };
  for (const t of fresh) next[t.sheet] = next[t.sheet] ? `${next[t.sheet]},${rangeAddress(t.rect)}` : rangeAddress(t.rect);
  // The record sheet is added (very hidden, marked) when Apply colours has not made it yet: queued, not sent.
  if (!place.exists) await queueStateSheet(new Batcher(context, DEFAULT_BUDGET), context, place);
  for (const t of fresh) {
    const dv = sheets.getItem(t.sheet).getRange(rangeAddress(t.rect)).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: t.source } };
    dv.errorAlert = { showAlert: false, style: "Information", title: "", message: "" };
    dv.prompt = { showPrompt: true, title: HELP_PROMPT.title, message: HELP_PROMPT.message };
  }
  writeHelp(context, place.name, helpText(next));
  await context.sync();
  return { help: next, syncs: 2, added: fresh.length };
}

/** Take our lists off (the setting turned off): B1 and the validation it lists. Two requests. */
export async function removeRatingHelp(context: XlRequestContext, facts: WorkbookFacts, place: StatePlace): Promise<number> {
  if (!place.exists) return 0;
  const b1 = helpCell(context, place.name).load("values");
  await context.sync();
  const help = parseHelp((b1.values as unknown[][])[0]?.[0]);
  const b = new Batcher(context, DEFAULT_BUDGET);
  const cells = await queueHelpRemoval(b, context, facts, place.name, help);
  await b.flush();
  return cells;
}
