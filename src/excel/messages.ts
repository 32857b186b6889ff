// The one sentence a command answers with, in plain British English.
import type { ScorecardRun } from "../engine/scorecard";
import { RULES_SHEET } from "../engine/rules-sheet/rules-sheet";
import { HISTORY_SHEET } from "../engine/history/types";
import type { AppliedSheet } from "./apply";
import type { RemoveResult } from "./remove";

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** "A", "A and B", "A, B and C". */
export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function appliedMessage(run: ScorecardRun, sheets: AppliedSheet[], summary: boolean): string {
  const edited = sheets.filter((s) => s.action === "edit");
  const records = run.result.rated.length;
  const coloured = edited.length ? `coloured ${plural(records, "record")} on ${plural(edited.length, "sheet")}` : "";
  if (summary) {
    // The rules sheet and the history are made too, but they are not summaries.
    const made = sheets.filter((s) => s.action === "create" && s.plan !== RULES_SHEET && s.plan !== HISTORY_SHEET).map((s) => s.sheet);
    const built = made.length === 1 ? `Built the summary on sheet ${made[0]}` : `Built ${made.length} summaries on sheets ${listOf(made)}`;
    return coloured ? `${built} and ${coloured}.` : `${built}; no indicator or activity table was found to colour.`;
  }
  if (!coloured) return `No indicator or activity table was found, so nothing was coloured; the settings were saved on sheet ${RULES_SHEET}.`;
  return `${coloured[0].toUpperCase()}${coloured.slice(1)}.`;
}

export function removedMessage(r: RemoveResult): string {
  if (!r.restored.length && !r.deleted.length) {
    return r.missing.length ? `There were no colours to remove: ${listOf(r.missing)} no longer ${r.missing.length === 1 ? "exists" : "exist"}.` : "There were no colours to remove.";
  }
  const gone = r.missing.length ? ` (${listOf(r.missing)} no longer ${r.missing.length === 1 ? "exists" : "exist"})` : "";
  return `Removed the colours from ${plural(r.restored.length, "sheet")} and put back the formats that were there before${gone}.`;
}
