// Which sheets the add-in made, so rebuilding replaces ours and never a user's sheet of the same name.
//
// The record lives in the workbook itself: a very hidden sheet "RagScorecardState" whose A1 holds JSON
//   {"version":1,"owned":[{"sheet":"Summary (2)","plan":"Summary"}]}
// `sheet` is the name we gave the sheet, `plan` the name the plan asked for (they differ when a user
// already had a sheet of that name). Both hosts can read and write a cell, it survives saving, and
// a user cannot unhide a very hidden sheet from Excel's menus by accident.
import type { Workbook, Worksheet } from "exceljs";

export const STATE_SHEET = "RagScorecardState";

export interface OwnedSheet {
  sheet: string;
  plan: string;
}

interface StateJson {
  version: number;
  owned: OwnedSheet[];
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Excel compares sheet names without regard to case. */
export function findSheet(workbook: Workbook, name: string): Worksheet | undefined {
  return workbook.worksheets.find((ws) => same(ws.name, name));
}

/** Reads the owned-sheet list; a missing or unreadable record means we own nothing. */
export function readOwned(workbook: Workbook): OwnedSheet[] {
  const ws = findSheet(workbook, STATE_SHEET);
  if (!ws) return [];
  const text = ws.getCell("A1").value;
  if (typeof text !== "string") return [];
  try {
    const parsed = JSON.parse(text) as Partial<StateJson>;
    if (!Array.isArray(parsed.owned)) return [];
    return parsed.owned.filter(
      (o): o is OwnedSheet => typeof o === "object" && o !== null && typeof o.sheet === "string" && typeof o.plan === "string",
    );
  } catch {
    return [];
  }
}

/** Writes the owned-sheet list, keeping only sheets that still exist. */
export function writeOwned(workbook: Workbook, owned: OwnedSheet[]): void {
  const live = owned.filter((o) => findSheet(workbook, o.sheet) !== undefined);
  let ws = findSheet(workbook, STATE_SHEET);
  if (!ws) {
    if (live.length === 0) return;
    ws = workbook.addWorksheet(STATE_SHEET);
  }
  ws.state = "veryHidden";
  const json: StateJson = { version: 1, owned: live };
  ws.getCell("A1").value = JSON.stringify(json);
}

/** The sheet we made earlier for this plan name, if it is still there. */
export function ownedSheetFor(workbook: Workbook, owned: OwnedSheet[], planName: string): Worksheet | undefined {
  for (const o of owned) {
    if (!same(o.plan, planName)) continue;
    const ws = findSheet(workbook, o.sheet);
    if (ws) return ws;
  }
  return undefined;
}

/** True when a sheet of this name is recorded as ours. */
export function isOwned(owned: OwnedSheet[], sheetName: string): boolean {
  return owned.some((o) => same(o.sheet, sheetName));
}

/** "Summary", then "Summary (2)", "Summary (3)"… : the first name no sheet uses, within Excel's 31 characters. */
export function freeSheetName(workbook: Workbook, wanted: string): string {
  if (!findSheet(workbook, wanted)) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!findSheet(workbook, name)) return name;
  }
}
