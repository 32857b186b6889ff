// Every worked case of the shared fixture, through the same code path as `rag-scorecard evaluate`.
import { readFileSync } from "fs";
import { join } from "path";
import { evaluateCases } from "../../src/cli/evaluate";

interface Case {
  id: string;
  expect: string;
  expectCheck?: boolean;
  reasonContains?: string;
}

const fixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "seed-cases.json"), "utf8"));
const { results } = evaluateCases(fixture);
const byId = new Map(results.map((r) => [r.id, r]));

for (const group of ["indicators", "activities", "trends"] as const) {
  describe(`seed ${group}`, () => {
    test.each((fixture[group] as Case[]).map((c) => [c.id, c] as const))("%s", (_id, c) => {
      const r = byId.get(c.id);
      expect(r).toBeDefined();
      expect(r?.result).toBe(c.expect);
      if (typeof c.expectCheck === "boolean") expect(r?.check).toBe(c.expectCheck);
      if (c.reasonContains) expect(r?.reason.toLowerCase()).toContain(c.reasonContains);
    });
  });
}

test("the fixture is the shared one, copied whole (78 rated cases)", () => {
  expect(results).toHaveLength(78);
});

// helper-133: a serial due date's reading hangs on its cell's format, which a case may now give.
test("evaluate takes a cell's format: \"Dec-2021\" as Excel stores it is due on the 31st", () => {
  const serial = 44531; // 1 December 2021
  const cases = { activities: [{ id: "typed", preset: "pentana", reportDate: "2021-12-15", manual: "In Progress", progress: "25%", due: serial, dueFormat: "mmm-yy" }, { id: "date", preset: "pentana", reportDate: "2021-12-15", manual: "In Progress", progress: "25%", due: serial }] };
  expect(evaluateCases(cases).results.map((r) => [r.id, r.result])).toEqual([
    ["typed", "warning"],
    ["date", "overdue"],
  ]);
});
