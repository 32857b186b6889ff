// The pane is told what the run assumed (RULES §10): a workbook's own title gives the period, and the
// report date defaults to that period's end. Run on the strict fake holding the preview's Dudley sample.
import { createFakeExcel } from "../../src/fake-excel";
import { sampleByKey } from "../../src/preview/sample";
import { createExcelService } from "../../src/taskpane/excel-service";

test("detect without a period names the period the workbook's titles state, and its cell", async () => {
  const sample = sampleByKey("dudley");
  const fake = createFakeExcel({ sheets: sample.workbook.sheets.map(({ columnWidths: _w, ...s }) => s) });
  const service = createExcelService(fake.run, { today: () => "2026-11-23" });
  const state = await service.detect({ preset: sample.settings.preset, columnOverrides: [] });
  expect(state.assumptions).toMatch(/^Period Q3 2010\/11, from '[^']+'!A\d+; report date 31\/12\/2010, the end of that period$/);
});

test("a misspelt committee in the pane is refused in one line naming the nearest, and nothing is written (issue 12 item 4)", async () => {
  const sample = sampleByKey("dudley");
  const fake = createFakeExcel({ sheets: sample.workbook.sheets.map(({ columnWidths: _w, ...s }) => s) });
  const service = createExcelService(fake.run, { today: () => "2026-11-23" });
  const sheetsBefore = fake.allSheetNames();
  const valuesBefore = JSON.stringify(fake.sheet(sheetsBefore[0])!.values);
  const settings = { preset: sample.settings.preset, committee: "Comunity Safety", columnOverrides: [] };
  await expect(service.buildSummary(settings)).rejects.toThrow(/Comunity Safety[\s\S]*Community Safety[\s\S]*Nothing was changed\.$/);
  await expect(service.applyColours(settings)).rejects.toThrow(/Nothing was changed\.$/);
  expect(fake.allSheetNames()).toEqual(sheetsBefore);
  expect(JSON.stringify(fake.sheet(sheetsBefore[0])!.values)).toBe(valuesBefore);
});
