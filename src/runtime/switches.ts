// The two live-colour settings, kept on the Scorecard Rules sheet so the workbook remembers them for
// everyone: "Keep colours up to date" (liveColours) and "Help officers type ratings" (ratingHelp). The
// engine reads and lays them out (src/engine/rules-sheet); here they are read from the rules sheet alone
// (two requests, whatever the size of the trackers) and saved by writing the one Value cell, as a person
// would type it, so the other rules on the sheet stay exactly as they are.
import { readRulesSheet } from "../engine/rules-sheet/rules-sheet-read";
import { settingByLabel } from "../engine/rules-sheet/rules-sheet-settings";
import { normLabel, RULES_SHEET, SETTINGS_HEADER } from "../engine/rules-sheet/rules-sheet-spec";
import type { SheetGrid } from "../engine/vocab/types";
import type { ExcelRun } from "../excel/api";
import { saveSettingsCommand } from "../excel/commands";
import { readWorkbook } from "../excel/read";
import { colToLetters } from "../engine/vocab/address";
import { errorMessage } from "../taskpane/components/settings";

export interface LiveSwitches {
  liveColours: boolean;
  ratingHelp: boolean;
}

/** The rules sheet's label for each switch (rules-sheet-settings.ts). */
export const SWITCH_LABELS: Record<keyof LiveSwitches, string> = {
  liveColours: "Keep colours up to date",
  ratingHelp: "Help officers type ratings",
};

const VALUE_COLUMN = SETTINGS_HEADER.indexOf("Value");

async function readRules(run: ExcelRun): Promise<SheetGrid | undefined> {
  const grids = await readWorkbook(run, { only: [RULES_SHEET] });
  return grids.find((g) => g.name.toLowerCase() === RULES_SHEET.toLowerCase());
}

/** The settings as the rules sheet has them; both off when there is no rules sheet or no such row. */
export async function readSwitches(run: ExcelRun): Promise<LiveSwitches> {
  const grid = await readRules(run);
  const settings = grid ? readRulesSheet(grid)?.settings : undefined;
  return { liveColours: settings?.liveColours === true, ratingHelp: settings?.ratingHelp === true };
}

/** Zero-based sheet row and column of the switch's Value cell, found by its label in the Setting column. */
function valueCell(grid: SheetGrid, label: string): { row: number; col: number } | undefined {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const want = normLabel(label);
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let c = 0; c + 1 < row.length; c++) {
      if (typeof row[c] === "string" && normLabel(row[c] as string) === want) return { row: origin.row + r, col: origin.col + c + VALUE_COLUMN };
    }
  }
  return undefined;
}

/**
 * Saves switches. Without a rules sheet, or one laid out before these settings existed, the sheet is
 * written first by Save rules' own path (its settings as they are), then the cell.
 */
export async function saveSwitch(run: ExcelRun, change: Partial<LiveSwitches>, today: string): Promise<void> {
  const keys = (Object.keys(change) as (keyof LiveSwitches)[]).filter((k) => change[k] !== undefined);
  let grid = await readRules(run);
  if (!grid || keys.some((k) => !valueCell(grid!, SWITCH_LABELS[k]))) {
    await saveSettingsCommand(run, {}, today);
    grid = await readRules(run);
  }
  for (const key of keys) {
    const label = SWITCH_LABELS[key];
    const at = grid && valueCell(grid, label);
    if (!at) throw new Error(`The ${RULES_SHEET} sheet has no "${label}" row, so the setting could not be saved. Add the row, or delete the sheet and save the rules again.`);
    const text = settingByLabel(label)?.write({} as never, { columnOverrides: [], [key]: change[key] }) ?? (change[key] ? "yes" : "no");
    const address = `${colToLetters(at.col)}${at.row + 1}`;
    try {
      await run(async (context) => {
        context.workbook.worksheets.getItem(RULES_SHEET).getRange(address).values = [[text]];
        await context.sync();
      });
    } catch (e) {
      throw new Error(`Could not save "${label}" in '${RULES_SHEET}'!${address}: ${errorMessage(e)}`);
    }
  }
}
