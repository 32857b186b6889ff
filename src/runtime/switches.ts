// The two live-colour settings, kept on the Scorecard Rules sheet so the workbook remembers them for
// everyone: "Keep colours up to date" (liveColours) and "Help officers type ratings" (ratingHelp).
// Read from the rules sheet alone (two requests, whatever the size of the trackers); saved through
// the same path as the pane's Save rules.
import { readRulesSheet } from "../engine/rules-sheet/rules-sheet-read";
import { RULES_SHEET } from "../engine/rules-sheet/rules-sheet-spec";
import type { ExcelRun } from "../excel/api";
import type { CommandSettings } from "../excel/commands";
import { saveSettingsCommand } from "../excel/commands";
import { readWorkbook } from "../excel/read";

export interface LiveSwitches {
  liveColours: boolean;
  ratingHelp: boolean;
}

export const SWITCHES_OFF: LiveSwitches = { liveColours: false, ratingHelp: false };

/** The settings as the rules sheet has them; both off when there is no rules sheet or no such row. */
export async function readSwitches(run: ExcelRun): Promise<LiveSwitches> {
  const grids = await readWorkbook(run, { only: [RULES_SHEET] });
  const grid = grids.find((g) => g.name.toLowerCase() === RULES_SHEET.toLowerCase());
  const settings = (grid && readRulesSheet(grid)?.settings) as Partial<LiveSwitches> | undefined;
  return { liveColours: settings?.liveColours === true, ratingHelp: settings?.ratingHelp === true };
}

/** Saves one switch; the other rules on the sheet stay as they are. */
export async function saveSwitch(run: ExcelRun, change: Partial<LiveSwitches>, today: string): Promise<void> {
  await saveSettingsCommand(run, change as CommandSettings, today);
}
