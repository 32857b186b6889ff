// Friendly names for column roles, in the order the role dropdown offers them.
import type { Role } from "../../engine/vocab/types";

// A Record over every Role: adding a role to the engine without a name here fails to compile.
const ROLE_NAMES: Record<Role, string> = {
  ref: "Reference",
  name: "Name",
  refAndName: "Reference and name",
  description: "Description",
  outcome: "Outcome",
  priority: "Priority",
  directorate: "Directorate",
  committee: "Committee",
  lead: "Lead officer",
  frequency: "Frequency",
  unit: "Unit",
  polarity: "Polarity (which way is better)",
  tolerance: "Tolerance",
  annualTarget: "Annual target",
  periodTarget: "Period target",
  actual: "Period actual",
  comparator: "Comparator",
  manual: "Manual status",
  progress: "Progress",
  start: "Start date",
  due: "Due date",
  comment: "Comment",
  generated: "Status (auto), made by the add-in",
  ignore: "Ignore",
};

/** Roles a user may pick; "generated" is the add-in's own column and is never offered. */
export const ROLE_CHOICES: readonly Role[] = (Object.keys(ROLE_NAMES) as Role[]).filter((r) => r !== "generated");

export function roleName(role: Role): string {
  return ROLE_NAMES[role] ?? role;
}

export function isRole(value: string | undefined): value is Role {
  return value !== undefined && Object.prototype.hasOwnProperty.call(ROLE_NAMES, value);
}
