// Reading the workbook into SheetGrids: values, formats, origin, tables, in a bounded number of syncs.
import type { CellValue } from "../../src/engine/vocab/types";
import { ExcelHostError } from "../../src/excel/errors";
import { mergeBands, readWorkbook, toCellValue } from "../../src/excel/read";
import { createFakeExcel } from "../../src/fake-excel";

describe("readWorkbook", () => {
  test("merged areas past Excel's 512 a request are read in bands of rows, each once, one spanning two bands included", async () => {
    // C190:C200 crosses from the first band (rows 1-192) into the second; C250:C260 starts where the first band's
    // range reaches into the second's rows, so both list it.
    const merges = [...Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`), "C190:C200", "C250:C260"];
    const fake = createFakeExcel({ sheets: [{ name: "Notes", values: Array.from({ length: 1200 }, (_, i) => [`Note ${i}`]), merges }] });
    const [grid] = await readWorkbook(fake.run, { isSetSupported: () => true });
    expect(grid.merges).toHaveLength(602);
    expect(grid.merges?.filter((m) => m.left === 2)).toEqual([
      { top: 189, left: 2, bottom: 199, right: 2 },
      { top: 249, left: 2, bottom: 259, right: 2 },
    ]);
  });

  // With no hint (a first run), rows past 8,192 are asked in one band, which fails past 512 merged areas and takes the
  // whole first read with it; the merged areas were then given up for the run, and a comment merged over several
  // records read as none.
  test("a first run on a sheet with over 512 merged areas below row 8,192: asked again in bands once its size is known", async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `B${8201 + 2 * i}:C${8202 + 2 * i}`);
    const fake = createFakeExcel({ sheets: [{ name: "Comments", values: Array.from({ length: 10000 }, (_, i) => [`Row ${i + 1}`]), merges }] });
    const [grid] = await readWorkbook(fake.run, { isSetSupported: () => true });
    expect({ merges: grid.merges?.length, last: grid.merges?.at(-1), refused: fake.stats.requests.filter((r) => r.failed).length }).toEqual({
      merges: 600,
      last: { top: 9398, left: 1, bottom: 9399, right: 2 },
      refused: 1,
    });
  });

  // Asked again with the sizes known and no floor, the bands were never held to MERGE_BANDS_TOTAL: 30 sheets reaching
  // row 1,000,000 made 400 bands each, a 6 MB request Excel on the web refuses, and every sheet lost its merged areas.
  test("asked again after a refusal, the bands over many long sheets stay within Excel on the web's 5 MB a request", async () => {
    const comments = { name: "Comments", values: Array.from({ length: 10000 }, (_, i) => [`Row ${i + 1}`]), merges: Array.from({ length: 600 }, (_, i) => `B${8201 + 2 * i}:C${8202 + 2 * i}`) };
    const archives = Array.from({ length: 30 }, (_, i) => ({ name: `Archive ${i + 1}`, origin: { row: 999_999, col: 0 }, values: [["Closed"]], merges: ["A1000000:B1000000"] }));
    const fake = createFakeExcel({ sheets: [comments, ...archives] });
    const grids = await readWorkbook(fake.run, { isSetSupported: () => true });
    expect({ comments: grids[0].merges?.length, archives: grids.filter((g) => g.merges?.length === 1).length, refused: fake.stats.requests.filter((r) => r.failed).map((r) => r.failed) }).toEqual({
      comments: 600,
      archives: 30,
      refused: ["InvalidOperation"],
    });
  });

  // Asked again over the formatted cells, a tracker merged on every row (values to row 20,000) with one cell formatted on
  // row 1,048,576 (a stray fill, borders run to the foot of the sheet) got bands of 2,622 rows, each past 512 areas:
  // refused, and every merged area lost, where the values' used range alone gave 64-row bands that read them all.
  test("asked again after a refusal, a cell formatted at the foot of the sheet does not widen the bands past 512 areas", async () => {
    const values = Array.from({ length: 20000 }, (_, i) => [`HE ${i + 1}`, `Comment ${i + 1}`]);
    const merges = Array.from({ length: 20000 }, (_, i) => `B${i + 1}:C${i + 1}`);
    const fake = createFakeExcel({ sheets: [{ name: "Indicators", values, merges, formats: [{ address: "A1048576", format: { fill: "#FFF2CC" } }] }] });
    const grids = await readWorkbook(fake.run, { isSetSupported: () => true });
    expect({ merges: grids[0].merges?.length, refused: fake.stats.requests.filter((r) => r.failed).map((r) => r.failed) }).toEqual({ merges: 20000, refused: ["InvalidOperation"] });
  });

  test("three merged areas on each of 200 rows, over 512 in a band: asked again in narrower bands, all read", async () => {
    const merges = Array.from({ length: 200 }, (_, i) => [`A${i + 1}:B${i + 1}`, `C${i + 1}:D${i + 1}`, `E${i + 1}:F${i + 1}`]).flat();
    const fake = createFakeExcel({ sheets: [{ name: "Lookup notes", values: Array.from({ length: 200 }, (_, i) => [`Note ${i}`]), merges }] });
    const [grid] = await readWorkbook(fake.run, { isSetSupported: () => true });
    expect({ merges: grid.merges?.length, syncs: fake.stats.syncs }).toEqual({ merges: 600, syncs: 5 }); // facts, the read refused, sizes, merged areas, values
  });

  test("the bands reach the sheet's last row, wider past 102,400 rows; the last read's used range sets how far they go", () => {
    const cover = (bands: { top: number; rows: number }[]) => bands.every((b, i) => b.top === (i === 0 ? 0 : bands[i - 1].top + bands[i - 1].rows)) && bands.at(-1)!.top + bands.at(-1)!.rows === 1048576;
    const none = mergeBands(undefined);
    const big = mergeBands({ top: 0, left: 0, rows: 200000, cols: 10, bytes: 0 });
    expect([cover(none), none.length, none[0].rows]).toEqual([true, 44, 192]);
    expect([cover(big), big.length, big[0].rows]).toEqual([true, 401, 500]);
  });

  test("a workbook of 300 sheets asks fewer bands, within Excel on the web's 5 MB a request: each sheet's merged area read in the first request", async () => {
    const sheets = Array.from({ length: 300 }, (_, i) => ({ name: `Indicator ${i + 1}`, values: Array.from({ length: 20 }, (_, r) => [`Ref ${r}`, 1, "Green"]), merges: ["D1:E2"] }));
    const fake = createFakeExcel({ sheets });
    const grids = await readWorkbook(fake.run, { isSetSupported: () => true });
    expect(grids.filter((g) => g.merges?.length === 1)).toHaveLength(300);
    expect(fake.stats.requests.map((r) => r.failed)).toEqual([undefined, undefined]);
    expect(fake.stats.maxRequestBytes).toBeLessThan(3_500_000);
  });

  test("round trip: values, errors, dates with their formats, origin, tables, empty sheets", async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: "Indicators",
          origin: { row: 2, col: 1 },
          values: [
            ["Ref", "Actual", "Due", "Done"],
            ["PI 1", 0.789, new Date(Date.UTC(2011, 2, 31)), true],
            ["PI 2", { error: "#DIV/0!" }, null, false],
            ["PI 3", { error: "#N/A" }, "31/03/2011", null],
          ],
          numberFormats: [[], [null, "0.0%", "dd/mm/yyyy"]],
          tables: [{ name: "tblIndicators", address: "B3:E6" }],
        },
        { name: "Empty sheet" },
        { name: "Q3 'report'", values: [[null, "x"]] },
      ],
    });
    const grids = await readWorkbook(fake.run);
    expect(grids).toEqual([
      {
        name: "Indicators",
        origin: { row: 2, col: 1 },
        values: [
          ["Ref", "Actual", "Due", "Done"],
          ["PI 1", 0.789, 40633, true],
          ["PI 2", { error: "#DIV/0!" }, null, false],
          ["PI 3", { error: "#N/A" }, "31/03/2011", null],
        ],
        numberFormats: [
          ["General", "General", "General", "General"],
          ["General", "0.0%", "dd/mm/yyyy", "General"],
          ["General", "General", "General", "General"],
          ["General", "General", "General", "General"],
        ],
        tables: [{ name: "tblIndicators", range: { top: 2, left: 1, bottom: 5, right: 4 } }],
      },
      { name: "Empty sheet", origin: { row: 0, col: 0 }, values: [], numberFormats: [] },
      { name: "Q3 'report'", origin: { row: 0, col: 1 }, values: [["x"]], numberFormats: [["General"]] },
    ]);
    expect(fake.stats.syncs).toBe(2);
  });

  test("a hidden sheet's grid says so (its records are hidden ones); a very hidden sheet is not read", async () => {
    const values = [["Ref", "Actual"]];
    const fake = createFakeExcel({
      sheets: [
        { name: "Shown", values },
        { name: "Draft", values, visibility: "Hidden" },
        { name: "Code", values, visibility: "VeryHidden" },
      ],
    });
    const grids = await readWorkbook(fake.run);
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ["Shown", undefined],
      ["Draft", "hidden"],
    ]);
  });

  test.each([
    { rule: "empty string is an empty cell", input: "", expected: null },
    { rule: "#DIV/0! is an error", input: "#DIV/0!", expected: { error: "#DIV/0!" } },
    { rule: "#NAME? is an error", input: "#NAME?", expected: { error: "#NAME?" } },
    { rule: "#SPILL! is an error", input: "#SPILL!", expected: { error: "#SPILL!" } },
    { rule: "#GETTING_DATA is an error", input: "#GETTING_DATA", expected: { error: "#GETTING_DATA" } },
    { rule: "other text starting with # is text", input: "#1 priority", expected: "#1 priority" },
    { rule: "numbers stay numbers", input: 40633, expected: 40633 },
    { rule: "booleans stay booleans", input: false, expected: false },
  ])("cell value: $rule", ({ input, expected }) => {
    expect(toCellValue(input)).toEqual(expected as CellValue);
  });

  test.each([
    { rule: "one sheet: facts, then everything in one read", sheets: 1, rows: 10, chunkCells: 200000, responseBytes: undefined, syncs: 2 },
    { rule: "eight sheets: still one read", sheets: 8, rows: 10, chunkCells: 200000, responseBytes: undefined, syncs: 2 },
    { rule: "past 5 MB: the read is refused, then sizes, then 4 MB slices", sheets: 3, rows: 100000, chunkCells: 200000, responseBytes: undefined, syncs: 1 + 1 + 1 + 8 },
    { rule: "a smaller limit: slices of chunkCells cells", sheets: 2, rows: 1000, chunkCells: 1000, responseBytes: 50_000, syncs: 1 + 1 + 1 + 10 },
  ])("$rule: $sheets sheets of $rows rows × 5 in $syncs syncs", async ({ sheets, rows, chunkCells, responseBytes, syncs }) => {
    const values = Array.from({ length: rows }, (_, i) => [`PI ${i}`, i, i * 2, "G", null]);
    values[0][4] = "last";
    const fake = createFakeExcel({ sheets: Array.from({ length: sheets }, (_, s) => ({ name: `Sheet ${s}`, values })), limits: responseBytes ? { responseBytes } : undefined });
    const grids = await readWorkbook(fake.run, { chunkCells });
    expect([fake.stats.syncs, grids.map((g) => g.values.length), grids[sheets - 1].values[rows - 1]]).toEqual([
      syncs,
      Array(sheets).fill(rows),
      [`PI ${rows - 1}`, rows - 1, (rows - 1) * 2, "G", null],
    ]);
  });

  test("a response too big for Excel on the web is split and retried", async () => {
    const values = Array.from({ length: 2000 }, (_, i) => [`A long piece of commentary for row ${i} `.repeat(3)]);
    const fake = createFakeExcel({ sheets: [{ name: "Notes", values }], limits: { responseBytes: 100_000 } });
    const grids = await readWorkbook(fake.run);
    expect([grids[0].values.length, grids[0].values[1999][0], fake.stats.requests.some((r) => r.failed === "ResponsePayloadSizeLimitExceeded")]).toEqual([
      2000,
      values[1999][0],
      true,
    ]);
  });

  test("slices are sized in bytes as responses come back: a wordy sheet after a terse one, nothing refused after the first slice", async () => {
    const terse = Array.from({ length: 6000 }, (_, i) => [i, i * 2, i % 7, 1]);
    const wordy = Array.from({ length: 1500 }, (_, i) => [`W${i}`, `Commentary on row ${i}: `.padEnd(40 + (i % 7) * 20, "x"), "Amber", `Note ${i}`.padEnd(30, ".")]);
    const budget = 80_000;
    const fake = createFakeExcel({ sheets: [{ name: "Terse", values: terse }, { name: "Wordy", values: wordy }], limits: { responseBytes: 100_000 } });
    const grids = await readWorkbook(fake.run, { sliceBytes: budget });
    const requests = fake.stats.requests;
    // 1 facts, 2 the whole read (refused), 3 sizes, 4 the first slice sized by a guess, then slices sized by measurement.
    const data = requests.slice(3).reduce((n, r) => n + (r.failed ? 0 : r.responseBytes), 0);
    expect([grids[0].values[5999], grids[1].values[1499], requests[1].failed, requests.slice(4).filter((r) => r.failed)]).toEqual([[5999, 11998, 0, 1], wordy[1499], "ResponsePayloadSizeLimitExceeded", []]);
    // Full requests, not slivers: at most one more than the data needs, besides the first.
    expect(requests.length - 4).toBeLessThanOrEqual(Math.ceil(data / budget) + 1);
  });

  test("past the cell limit: a clear message naming the largest sheet", async () => {
    const fake = createFakeExcel({
      sheets: [
        { name: "Small", values: [["a", "b"]] },
        { name: "Big data", values: Array.from({ length: 300 }, () => Array(10).fill(1)) },
      ],
    });
    const error = (await readWorkbook(fake.run, { maxCells: 1000 }).catch((e: unknown) => e)) as ExcelHostError;
    expect([error.kind, error.sheet, error.message.includes('"Big data" (A1:J300, 3,000 cells)'), fake.stats.syncs]).toEqual(["tooLarge", "Big data", true, 2]);
  });
});
