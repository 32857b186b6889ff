/** @jest-environment jsdom */
import { ROLE_CHOICES, isRole, roleName } from "../../src/taskpane/components/roles";
import { errorMessage, findOverride, withOverride } from "../../src/taskpane/components/settings";
import { problemPlace } from "../../src/taskpane/components/ProblemsPanel";
import type { PaneSettings } from "../../src/taskpane/service";

const base: PaneSettings = { preset: "rag", columnOverrides: [{ sheet: "KPIs", header: "Lead", role: "lead" }] };

describe("withOverride", () => {
  it.each([
    {
      rule: "adds an override for a new column",
      add: { sheet: "KPIs", header: "Q3 Actual", role: "actual" as const },
      expected: [
        { sheet: "KPIs", header: "Lead", role: "lead" },
        { sheet: "KPIs", header: "Q3 Actual", role: "actual" },
      ],
    },
    {
      rule: "replaces the override for the same column, ignoring case and spacing",
      add: { sheet: " kpis", header: "LEAD ", role: "ignore" as const },
      expected: [{ sheet: " kpis", header: "LEAD ", role: "ignore" }],
    },
    {
      rule: "keeps columns of the same name on other sheets apart",
      add: { sheet: "Actions", header: "Lead", role: "ignore" as const },
      expected: [
        { sheet: "KPIs", header: "Lead", role: "lead" },
        { sheet: "Actions", header: "Lead", role: "ignore" },
      ],
    },
  ])("$rule", ({ add, expected }) => {
    const next = withOverride(base, add);
    expect(next.columnOverrides).toEqual(expected);
    expect(next.preset).toBe("rag");
    expect(base.columnOverrides).toHaveLength(1); // the input is not changed
  });

  it.each([
    { sheet: "kpis", header: "lead", found: true },
    { sheet: "KPIs", header: "Lead  officer", found: false },
  ])("findOverride($sheet, $header) → $found", ({ sheet, header, found }) => {
    expect(findOverride(base.columnOverrides, sheet, header) !== undefined).toBe(found);
  });
});

describe("errorMessage", () => {
  it.each([
    { rule: "Error: its message as is", input: new Error("Sheet “KPIs” is protected (cell D4)."), expected: "Sheet “KPIs” is protected (cell D4)." },
    { rule: "a plain string", input: "No table found on Sheet1.", expected: "No table found on Sheet1." },
    { rule: "an object with a message (Office errors)", input: { code: "InvalidArgument", message: "The argument is invalid." }, expected: "The argument is invalid." },
    { rule: "anything else: a generic sentence", input: 42, expected: "Something went wrong. Please try again." },
    { rule: "an empty Error: a generic sentence", input: new Error(""), expected: "Something went wrong. Please try again." },
  ])("$rule", ({ input, expected }) => {
    expect(errorMessage(input)).toBe(expected);
  });
});

describe("roles", () => {
  it.each([
    { role: "actual", expected: "Period actual" },
    { role: "annualTarget", expected: "Annual target" },
    { role: "manual", expected: "Manual status" },
    { role: "lead", expected: "Lead officer" },
    { role: "ignore", expected: "Ignore" },
  ] as const)("roleName($role) = $expected", ({ role, expected }) => {
    expect(roleName(role)).toBe(expected);
  });

  it("offers every role but the add-in's own column, each once", () => {
    expect(ROLE_CHOICES).not.toContain("generated");
    expect(new Set(ROLE_CHOICES).size).toBe(ROLE_CHOICES.length);
    expect(ROLE_CHOICES).toHaveLength(23);
  });

  it.each([
    { value: "due", expected: true },
    { value: "Due", expected: false },
    { value: "toString", expected: false },
    { value: undefined, expected: false },
  ])("isRole($value) = $expected", ({ value, expected }) => {
    expect(isRole(value)).toBe(expected);
  });
});

describe("problemPlace", () => {
  it.each([
    { problem: { sheet: "KPIs", cell: "D7" }, expected: "KPIs!D7" },
    { problem: { sheet: "Action plan", cell: "" }, expected: "Action plan" },
  ])("$expected", ({ problem, expected }) => {
    expect(problemPlace({ ...problem, message: "m", severity: "warning" })).toBe(expected);
  });
});
