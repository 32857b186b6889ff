// The Office.js host sets the plan's print area (ExcelApi 1.9 setPrintArea), so a summary's chart data,
// right of the printed columns, never prints; a plan without one leaves the sheet's print area unset.
import * as path from "path";
import { runScorecard } from "../../src/engine/scorecard";
import { buildSummaryCommand } from "../../src/excel";
import { createFakeExcel } from "../../src/fake-excel";
import { readXlsx } from "../../src/xlsx";
import { gridsToInit } from "./trackers";

const sample = (file: string) => path.join(__dirname, "../../samples", file);

test.each([
  // Dudley for one period: nothing to chart, so no print area. Derby for two: charts, their data outside the print area.
  ["Dudley, Q3 2010/11 alone", "dudley-community-safety.xlsx", "dudley", ["Q3 2010/11"], false],
  ["Derby, Q3 then Q4 2009/10", "derby-csp.xlsx", "rag", ["Q3 2009/10", "Q4 2009/10"], true],
] as const)("%s: the summary's print area is the plan's", async (_name, file, preset, periods, charted) => {
  const { grids } = await readXlsx(sample(file));
  const fake = createFakeExcel(gridsToInit(grids));
  for (const period of periods.slice(0, -1)) await buildSummaryCommand(fake.run, { preset, period }, "2011-04-20");
  const spy = jest.spyOn(await import("../../src/engine/scorecard"), "runScorecard");
  const built = await buildSummaryCommand(fake.run, { preset, period: periods[periods.length - 1] }, "2011-04-20");
  const plans = spy.mock.results.flatMap((r) => (r.value as ReturnType<typeof runScorecard>).plans).filter((p) => p.sheet.startsWith("Summary"));
  spy.mockRestore();
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) {
    const sheet = built.sheets.find((s) => s.plan === plan.sheet)?.sheet ?? plan.sheet;
    const area = fake.sheet(sheet)?.pageLayout.printArea ?? null;
    expect(Boolean(plan.charts?.length)).toBe(charted);
    expect(area).toEqual(charted ? [plan.print?.printArea] : null);
  }
}, 300_000);
