// Pure helpers for the pane's settings and error text: kept out of components so they are easy to test.
import type { ColumnOverride } from "../../engine/rate/workbook";
import type { PaneSettings } from "../service";

// Same matching as the engine's applyOverrides: case and spacing do not matter.
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

export function findOverride(overrides: readonly ColumnOverride[], sheet: string, header: string): ColumnOverride | undefined {
  return overrides.find((o) => norm(o.sheet) === norm(sheet) && norm(o.header) === norm(header));
}

/** Settings with the override for (sheet, header) added, or replaced if one exists. */
export function withOverride(settings: PaneSettings, override: ColumnOverride): PaneSettings {
  const others = settings.columnOverrides.filter(
    (o) => !(norm(o.sheet) === norm(override.sheet) && norm(o.header) === norm(override.header)),
  );
  return { ...settings, columnOverrides: [...others, override] };
}

/** The sentence to show for a failure. Host errors are already plain sentences: show them as they are. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  if (typeof error === "object" && error !== null && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return "Something went wrong. Please try again.";
}
