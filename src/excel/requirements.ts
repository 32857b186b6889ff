// The add-in needs ExcelApi 1.9 (getCellProperties, RangeAreas, page layout). Checked once at start-up.
import type { IsSetSupported } from "./api";

export const REQUIRED_SET = { name: "ExcelApi", version: "1.9" } as const;

export const REQUIREMENTS_MESSAGE =
  "This add-in needs Excel 2021 or later, Microsoft 365 or Excel on the web (ExcelApi 1.9); volume-licensed Office 2019 stops at ExcelApi 1.7. Update Office or open the workbook in Excel on the web.";

/** Null when this Excel is new enough, else the message to show. */
export function checkRequirements(isSetSupported: IsSetSupported): string | null {
  try {
    return isSetSupported(REQUIRED_SET.name, REQUIRED_SET.version) ? null : REQUIREMENTS_MESSAGE;
  } catch {
    return REQUIREMENTS_MESSAGE;
  }
}
