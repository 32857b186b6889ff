// What the add-in remembers in the workbook (workbook.settings, ExcelApi 1.4), so
// everyone who opens the file can regenerate or undo: the sheets it owns and the
// formats it replaced.
import type { XlRequestContext, XlSetting } from "./api";

export const OWNED_SHEETS_KEY = "ragScorecard.ownedSheets";
export const SAVED_FORMATS_KEY = "ragScorecard.savedFormats";

/** Queue a read of a setting; call the result after the next sync (undefined when absent). */
export function queueSetting(context: XlRequestContext, key: string): () => unknown {
  const item: XlSetting = context.workbook.settings.getItemOrNullObject(key).load("value");
  return () => (item.isNullObject ? undefined : (item.value as unknown));
}

/** Settings are stored as JSON text: the same on every Excel. */
export function parseJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export function parseOwnedSheets(value: unknown): string[] {
  const v = parseJson(value);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Store JSON text (`json` is already serialised, so its size can be budgeted). */
export function writeSetting(context: XlRequestContext, key: string, json: string): void {
  context.workbook.settings.add(key, json);
}

export function deleteSetting(context: XlRequestContext, key: string): void {
  context.workbook.settings.getItem(key).delete();
}
