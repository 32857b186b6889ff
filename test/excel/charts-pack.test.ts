// The real pack in the add-in: Derby's tracker, Build summary for Q3 then Q4 2009/10 on the fake, draws
// the engine's trend charts with the titles, cells and dashed target the plan gives, within the budget.
import * as path from "path";
import { runScorecard } from "../../src/engine/scorecard";
import { buildSummaryCommand } from "../../src/excel";
import { quoteSheet, rangeAddress } from "../../src/excel/a1";
import { createFakeExcel } from "../../src/fake-excel";
import { readXlsx } from "../../src/xlsx";
import { gridsToInit } from "./trackers";

const DERBY = path.join(__dirname, "../../samples/derby-csp.xlsx");

test("Derby built for Q3 then Q4 2009/10: each planned chart is drawn as planned", async () => {
  const { grids } = await readXlsx(DERBY);
  const fake = createFakeExcel(gridsToInit(grids));
  await buildSummaryCommand(fake.run, { preset: "rag", period: "Q3 2009/10" }, "2010-01-20");
  fake.stats.reset();
  const spy = jest.spyOn(await import("../../src/engine/scorecard"), "runScorecard");
  const built = await buildSummaryCommand(fake.run, { preset: "rag", period: "Q4 2009/10" }, "2010-04-20");
  const planned = spy.mock.results.map((r) => (r.value as ReturnType<typeof runScorecard>).plans).flat().filter((p) => p.charts?.length);
  spy.mockRestore();
  expect(planned.flatMap((p) => p.charts ?? []).length).toBeGreaterThan(2);
  for (const plan of planned) {
    const sheet = built.sheets.find((s) => s.plan === plan.sheet)?.sheet ?? plan.sheet;
    const drawn = fake.charts(sheet) ?? [];
    const where = (r: { top: number; left: number; bottom: number; right: number }) => `${quoteSheet(sheet)}!${rangeAddress(r)}`;
    expect(drawn.map((c) => ({ title: c.title, position: c.position, series: c.series.map((s) => [s.name, s.values, s.xValues, s.lineStyle]) }))).toEqual(
      (plan.charts ?? []).map((c) => ({
        title: c.title,
        position: rangeAddress(c.anchor),
        series: c.series.map((s) => [s.name, where(s.values), where(c.categories), s.dashed ? "Dash" : "Automatic"]),
      })),
    );
  }
  expect(built.syncs).toBe(fake.stats.syncs);
}, 300_000);
