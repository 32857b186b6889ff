// Conditional formats over our status columns: the add-in's half of the warning the command line gives from
// the sheet's rules (engine/trackers/colour.ts conditionalFillProblems). Where a rule holds, its fill shows
// instead of ours. Office.js gives a rule's fill only item by item, a request after the list, so only each
// format's kind is read, with the formats about to change (commands.ts): our cells hold text, which colour
// scales, data bars, icon sets and top or bottom rules leave alone; any other kind may fill them.
import type { Problem } from "../engine/vocab/types";
import type { StatusPlace } from "../engine/trackers/colour";
import { conditionalFillProblem } from "../engine/trackers/colour";
import type { XlConditionalFormatCollection, XlRequestContext } from "./api";

/** What each kind is called in Excel's New Formatting Rule dialog; a kind Office.js adds later is "a rule". */
const KIND_WORDS: Partial<Record<string, string>> = {
  Custom: "a formula rule",
  CellValue: "a cell value rule",
  ContainsText: "a text rule",
  PresetCriteria: "a rule for blanks, errors, duplicates, dates or averages",
};
/** Kinds that format numbers only (a colour scale, top 10 items) or draw no fill (data bars, icons). */
const NO_FILL = new Set<string>(["DataBar", "IconSet", "ColorScale", "TopBottom"]);

/**
 * Queue the reads (in the request that reads the formats about to change); the returned function gives the
 * warnings once that request has been sent. One read per place: its status columns over its rows.
 */
export function queueConditionalFillChecks(context: XlRequestContext, places: StatusPlace[]): () => Problem[] {
  const loads: { place: StatusPlace; formats: XlConditionalFormatCollection }[] = places.map((place) => ({
    place,
    formats: context.workbook.worksheets
      .getItem(place.sheet)
      .getRangeByIndexes(place.firstRow, place.col, place.lastRow - place.firstRow + 1, place.last - place.col + 1)
      .conditionalFormats.load("items/type"),
  }));
  return () => loads.flatMap(({ place, formats }) => warning(place, formats.items.map((f) => String(f.type))));
}

function warning(place: StatusPlace, kinds: string[]): Problem[] {
  const kind = kinds.find((k) => !NO_FILL.has(k));
  return kind === undefined ? [] : [conditionalFillProblem(place, `(${KIND_WORDS[kind] ?? "a rule"})`, "may fill")];
}

/**
 * Where Excel refuses to list the rules (office-js#6827, #6835), one warning a sheet coloured: the statuses are
 * written all the same, and the officer is asked to look. The request is refused whole, so the cause is Excel's
 * message, quoted; the read was of the conditional formats with the formats about to change (commands.ts).
 */
export function notListedProblems(places: StatusPlace[], e: unknown): Problem[] {
  const refusal = (e instanceof Error ? e.message : String(e)).split(/\r?\n/)[0];
  const first = new Map<string, StatusPlace>();
  for (const p of places) if (!first.has(p.sheet)) first.set(p.sheet, p);
  return [...first.values()].map((place) => ({
    sheet: place.sheet,
    cell: place.cell,
    severity: "warning" as const,
    message: `The conditional formatting over the statuses could not be read (${refusal}): check that no rule's fill hides their colours (Home > Conditional Formatting > Manage Rules, rules for This Worksheet).`,
  }));
}
