// The ExcelJS host: reads .xlsx files into SheetGrids and executes SheetPlans on them.
export { InputError } from "./errors";
export { readXlsx, type ReadResult } from "./read";
export { applyPlans, safeSheetName, type ApplyOptions, type ApplyReport, type AppliedSheet } from "./apply";
export { tempPathBeside, writeXlsx } from "./write";
export { STATE_SHEET } from "./ownership";
export { worksheetToGrid } from "./grid";
