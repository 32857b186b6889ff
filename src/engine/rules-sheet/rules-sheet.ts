// The "Scorecard Rules" sheet: the workbook's own, editable copy of the scheme and report settings.
// Layout and reading live in rules-sheet-*.ts; this is the surface the rest of the engine uses.
export { RULES_SHEET, type RulesSettings } from "./rules-sheet-spec";
export { layoutRulesSheet } from "./rules-sheet-layout";
export { readRulesSheet } from "./rules-sheet-read";
