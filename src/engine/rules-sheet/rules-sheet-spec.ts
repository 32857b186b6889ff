// The "Scorecard Rules" sheet's vocabulary: its name, headings, table headers and the settings it carries.
// Shared by the layout and the reader so that what one writes the other finds.
import type { ColumnOverride } from "../rate/workbook";
import type { Level, Role } from "../vocab/types";

export const RULES_SHEET = "Scorecard Rules";
export const RULES_EXPLANATION =
  "Edit the yellow cells; the next Apply colours or Build summary uses them. Keys and levels come from the scheme and cannot be changed here.";

/** Report settings kept beside the scheme in the workbook. */
export interface RulesSettings {
  preset?: string;
  period?: string;
  /** ISO date "YYYY-MM-DD". */
  reportDate?: string;
  committee?: string;
  title?: string;
  /** Hidden rows counted and listed in the pack (RULES §10); absent or false: left out. */
  includeHidden?: boolean;
  /** "Keep colours up to date": statuses re-rated and recoloured as officers type (issue 13); absent or false: off. */
  liveColours?: boolean;
  /** "Help officers type ratings": a list of the scheme's statuses on the rating column (issue 13); absent or false: off. */
  ratingHelp?: boolean;
  columnOverrides: ColumnOverride[];
}

export const HEADINGS = { settings: "Settings", statuses: "Statuses", mapping: "Column mapping" } as const;
export type SectionName = keyof typeof HEADINGS;

export const SETTINGS_HEADER = ["Setting", "Value", "What it means"];
export const STATUS_HEADER = ["Kind", "Key", "Label", "Meaning", "Level", "Fill", "Font", "Symbol", "Also accepts"];
export const MAPPING_HEADER = ["Sheet", "Header", "Role"];

/** Every Role value, checked against the type below so a new role cannot be forgotten here. */
export const ROLES = [
  "ref",
  "name",
  "refAndName",
  "description",
  "directorate",
  "priority",
  "committee",
  "lead",
  "frequency",
  "polarity",
  "unit",
  "tolerance",
  "manual",
  "comment",
  "outcome",
  "progress",
  "start",
  "due",
  "comparator",
  "annualTarget",
  "periodTarget",
  "actual",
  "generated",
  "ignore",
] as const satisfies readonly Role[];
type MissingRole = Exclude<Role, (typeof ROLES)[number]>;
const allRolesListed: MissingRole extends never ? true : false = true;
void allRolesListed;

export const LEVELS = ["ahead", "good", "near", "bad", "done", "closed", "nodata", "dataonly"] as const satisfies readonly Level[];
type MissingLevel = Exclude<Level, (typeof LEVELS)[number]>;
const allLevelsListed: MissingLevel extends never ? true : false = true;
void allLevelsListed;

/** How labels and headings are compared: case, spacing, punctuation and "(days)"-style asides ignored. */
export function normLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Role names compared without case or spaces: "Annual target" is annualTarget. */
export function roleOf(text: string): Role | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, "");
  const wanted = squash(text);
  return ROLES.find((r) => squash(r) === wanted);
}

export function levelOf(text: string): Level | undefined {
  const wanted = text.trim().toLowerCase().replace(/[\s_-]+/g, "");
  return LEVELS.find((l) => l === wanted);
}
