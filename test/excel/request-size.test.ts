// Requests of many small operations, sized as Office.js sends them (the fake's _measure): object paths
// and an Instantiate action per path weigh more than the operations' own arguments.
import { Batcher, DEFAULT_BUDGET } from "../../src/excel/chunk";
import type { XlRequestContext } from "../../src/excel/api";
import { queueSavedFormats, queueSizes } from "../../src/excel/formats";
import type { SavedFormat } from "../../src/excel/saved";
import { createFakeExcel, type FakeExcel } from "../../src/fake-excel";

async function queued(queue: (batcher: Batcher, context: XlRequestContext) => Promise<void>): Promise<FakeExcel> {
  const fake = createFakeExcel({ sheets: [{ name: "Indicators", values: [["x"]] }] });
  await fake.run(async (context) => {
    const batcher = new Batcher(context, DEFAULT_BUDGET);
    await queue(batcher, context);
    await batcher.flush();
  });
  return fake;
}

const accepted = (fake: FakeExcel) => {
  const s = fake.stats.summary();
  return { refused: s.requests.filter((r) => r.failed).length, under: s.maxRequestBytes < 5 * 1024 * 1024 };
};

const colour = (i: number): string => `#${(i + 1).toString(16).padStart(6, "0")}`;

describe("op-dense requests stay under Excel's 5 MB", () => {
  test.each([
    { what: "a fill each", format: (i: number): SavedFormat => ({ fill: colour(i) }) },
    { what: "a fill and bold each", format: (i: number): SavedFormat => ({ fill: colour(i), bold: i % 2 === 0 }) },
    { what: "every property each", format: (i: number): SavedFormat => ({ fill: colour(i), fontColor: colour(i + 1), bold: true, italic: false, fontName: "Arial", fontSize: 10 + (i % 7), wrap: true, hAlign: "Center", vAlign: "Top" }) },
  ])("30,000 cells with a saved format of their own ($what, as a hand-made gradient) are put back in requests Excel accepts", async ({ format }) => {
    const cells = new Map<number, SavedFormat>();
    for (let i = 0; i < 30000; i++) cells.set(i * 2 * 16384 + 9, format(i));
    const fake = await queued((batcher, context) => queueSavedFormats(batcher, context.workbook.worksheets.getItem("Indicators"), cells));
    expect({ ...accepted(fake), last: fake.sheet("Indicators")!.cell("J59999").fill }).toEqual({ refused: 0, under: true, last: colour(29999) });
  });

  test("20,000 rows each with a height of its own are put back in requests Excel accepts", async () => {
    const heights = new Map<number, number>();
    for (let i = 0; i < 20000; i++) heights.set(i, 15 + i / 100);
    const fake = await queued((batcher, context) => queueSizes(batcher, context.workbook.worksheets.getItem("Indicators"), heights, "rowHeight"));
    expect(accepted(fake)).toEqual({ refused: 0, under: true });
  });
});
