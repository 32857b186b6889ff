// The Office.js host: the only part of the add-in that talks to Excel.
// Every function takes `run` (Excel.run, or the fake's run) so it can be tested and previewed outside Excel.
export type { ExcelRun, IsSetSupported } from "./api";
export { applyColoursCommand, buildSummaryCommand, detectScorecard, removeColoursCommand, saveSettingsCommand } from "./commands";
export type { CommandProgress, CommandResult, CommandSettings } from "./commands";
export { readWorkbook, MAX_CELLS } from "./read";
export type { ReadOptions } from "./read";
export { applyPlans } from "./apply";
export type { ApplyOptions, ApplyResult, AppliedSheet } from "./apply";
export { removeColours } from "./remove";
export type { RemoveOptions, RemoveResult } from "./remove";
export { checkRequirements, REQUIREMENTS_MESSAGE } from "./requirements";
export { selectCell, selectedRange } from "./select";
export { ExcelHostError } from "./errors";
export type { HostErrorKind } from "./errors";
export { STATE_SHEET } from "./state";
export type { OwnedSheet } from "./state";
