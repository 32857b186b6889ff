// The benchmark's naive baseline must build the same workbook as the real executor, only slower (our
// record sheet aside: the real host backs formats up whole, the baseline property by property).
import { applyPlans } from "../../src/excel/apply";
import { applyPlansNaive } from "../../src/excel/naive";
import { createFakeExcel } from "../../src/fake-excel";
import { applyPlan, summaryPlan, tracker } from "./plans";

describe("naive executor (benchmark baseline)", () => {
  test.each([
    { rule: "Apply colours", plans: () => [applyPlan(12)], twice: false },
    { rule: "Apply colours twice (stale cells restored)", plans: () => [applyPlan(12)], twice: true },
    { rule: "Build summary", plans: () => [summaryPlan(12)], twice: false },
    { rule: "both together, rebuilt", plans: () => [applyPlan(7), summaryPlan(9)], twice: true },
  ])("$rule: same final workbook, more syncs", async ({ plans, twice }) => {
    const real = createFakeExcel(tracker(12));
    const naive = createFakeExcel(tracker(12));
    await applyPlans(real.run, plans(), { activate: true });
    await applyPlansNaive(naive.run, plans(), { activate: true });
    if (twice) {
      await applyPlans(real.run, [applyPlan(5, 1), summaryPlan(4)]);
      await applyPlansNaive(naive.run, [applyPlan(5, 1), summaryPlan(4)]);
    }
    // Every sheet but our record, which the two keep differently (whole-format backups against properties).
    const visible = (f: typeof real) => (f.snapshot() as { sheets: { name: string }[] }).sheets.filter((s) => s.name !== "RagScorecardState");
    expect({ state: visible(naive), slower: naive.stats.syncs > real.stats.syncs * 3 }).toEqual({ state: visible(real), slower: true });
  });
});
