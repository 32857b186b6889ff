// The add-in needs ExcelApi 1.9 (getCellProperties, RangeAreas, page layout). Checked once at start-up.
import type { IsSetSupported } from "./api";

export const REQUIRED_SET = { name: "ExcelApi", version: "1.9" } as const;

export const REQUIREMENTS_MESSAGE =
  "This add-in needs Excel with ExcelApi 1.9 (Excel 2019 or Microsoft 365, or Excel on the web). Update Office or use Excel on the web.";

/** Null when this Excel is new enough, else the message to show. */
export function checkRequirements(isSetSupported: IsSetSupported): string | null {
  try {
    return isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version) ? null : REQUIREMENTS_MESSAGE;
  } catch {
    return REQUIREMENTS_MESSAGE;
  }
}
