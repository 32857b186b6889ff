// The rating history kept in the workbook (issue 14): read, merged with the run, viewed, written.
export { HISTORY_SHEET, type HistoryEntry, type PreviousStatus } from "./types";
export { recordKey, identityText } from "./key";
export { HISTORY_COLUMNS, levelRank } from "./columns";
export { historyPeriod, readHistoryPeriod, type HistoryPeriod } from "./period";
export { findHistoryHeader, readHistory, type HistoryRead, type UnreadRow } from "./read";
export { entryOf, figureOf, mergeRun } from "./entries";
export { historyFor, type HistoryChange, type HistoryChanges, type HistoryInput, type HistoryView } from "./view";
export { HISTORY_TAB_COLOUR, layoutHistorySheet, type HistoryLayoutOptions } from "./layout";
