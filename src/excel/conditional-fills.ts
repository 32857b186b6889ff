// Conditional formats over our status columns: the add-in's half of the warning the command line gives from
// the sheet's rules (engine/trackers/colour.ts conditionalFillProblems). Where a rule holds, its fill shows
// instead of ours. Office.js gives a rule's fill only item by item, a request after the list, so only each
// format's kind is read, in the write's last request (no extra sync): a colour scale fills every cell it
// covers; a data bar or icon set fills none; any other kind (a formula, a cell value, text…) may.
import type { Problem } from "../engine/vocab/types";
import type { StatusPlace } from "../engine/trackers/colour";
import { conditionalFillProblem } from "../engine/trackers/colour";
import type { XlConditionalFormat, XlConditionalFormatCollection, XlRequestContext } from "./api";

type Kind = XlConditionalFormat["type"];

/** What each kind is called in Excel's New Formatting Rule dialog; a kind Office.js adds later is "a rule". */
const KIND_WORDS: Partial<Record<string, string>> = {
  ColorScale: "a colour scale",
  Custom: "a formula rule",
  CellValue: "a cell value rule",
  ContainsText: "a text rule",
  TopBottom: "a top or bottom rule",
  PresetCriteria: "a preset rule (dates, blanks, duplicates or averages)",
};
const NO_FILL = new Set<string>(["DataBar", "IconSet"]);

/**
 * Queue the reads (in the request that sends the last writes); the returned function gives the warnings
 * once that request has been sent. One read per place: its status columns over its rows.
 */
export function queueConditionalFillChecks(context: XlRequestContext, places: StatusPlace[]): () => Problem[] {
  const loads: { place: StatusPlace; formats: XlConditionalFormatCollection }[] = places.map((place) => ({
    place,
    formats: context.workbook.worksheets
      .getItem(place.sheet)
      .getRangeByIndexes(place.firstRow, place.col, place.lastRow - place.firstRow + 1, place.last - place.col + 1)
      .conditionalFormats.load("items/type"),
  }));
  return () => loads.flatMap(({ place, formats }) => warning(place, formats.items.map((f) => String(f.type) as Kind)));
}

function warning(place: StatusPlace, kinds: Kind[]): Problem[] {
  // A colour scale is named first: it surely fills.
  const sure = kinds.find((k) => k === "ColorScale");
  if (sure) return [conditionalFillProblem(place, `(${KIND_WORDS[sure]})`, "fills")];
  const maybe = kinds.find((k) => !NO_FILL.has(k));
  return maybe ? [conditionalFillProblem(place, `(${KIND_WORDS[maybe] ?? "a rule"})`, "may fill")] : [];
}
