// The read hint's estimate of the addresses the first request lists, against what the fake's responses carry.
import { encodeHint, parseHint } from "../../src/excel/hint";
import { readWorkbook } from "../../src/excel/read";
import { createFakeExcel } from "../../src/fake-excel";

describe("the read hint", () => {
  // helper-134: each band is asked with the next 64 rows, so the areas near its foot come back twice; counted once,
  // the estimate was a third short of the response.
  test("the bytes listed for 1,000 merged areas are within a tenth of what the first response carried for them", async () => {
    const sheet = { name: "Comment log", values: Array.from({ length: 2000 }, (_, i) => [`Note ${i + 1}`]), merges: Array.from({ length: 1000 }, (_, i) => `B${2 * i + 1}:D${2 * i + 2}`) };
    const withMerges = createFakeExcel({ sheets: [sheet] });
    const [grid] = await readWorkbook(withMerges.run, { isSetSupported: () => true });
    const without = createFakeExcel({ sheets: [sheet] });
    await readWorkbook(without.run, { isSetSupported: () => false });
    const carried = withMerges.stats.requests[1].responseBytes - without.stats.requests[1].responseBytes;
    const listed = parseHint(encodeHint([grid]))["Comment log"].listed!;
    expect({ merges: grid.merges?.length, near: Math.abs(listed / carried - 1) < 0.1 }).toEqual({ merges: 1000, near: true });
  });

  test("a hint with a bad merged extent or listed bytes keeps the rest", () => {
    const hint = parseHint(JSON.stringify({ v: 1, sheets: { A: { top: 0, left: 0, rows: 10, cols: 2, bytes: 300, merged: 2.5, listed: -1 }, B: { top: 0, left: 0, rows: 10, cols: 2, bytes: 300, merged: 40, listed: 90 } } }));
    expect(hint).toEqual({ A: { top: 0, left: 0, rows: 10, cols: 2, bytes: 300 }, B: { top: 0, left: 0, rows: 10, cols: 2, bytes: 300, merged: 40, listed: 90 } });
  });
});
