// Small host pieces: requirement check, selection, addresses and cell sets.
import { cellAddress, columnIndex, columnLetters, excelAddress, parseAddress, parseAddressList, quoteSheet } from "../../src/excel/a1";
import { areasOfAddress as mergedAreas } from "../../src/excel/a1";
import { CellSet, chunkAddresses, compactRanges } from "../../src/excel/cells";
import { checkRequirements, REQUIREMENTS_MESSAGE } from "../../src/excel/requirements";
import { selectCell, selectedRange } from "../../src/excel/select";
import { cleanSheetName } from "../../src/excel/targets";
import { createFakeExcel } from "../../src/fake-excel";

describe("checkRequirements", () => {
  test.each([
    { rule: "Excel with ExcelApi 1.9 passes", supported: ["1.1", "1.4", "1.9"], expected: null },
    { rule: "Excel 2016 (ExcelApi 1.2) gets the message", supported: ["1.1", "1.2"], expected: REQUIREMENTS_MESSAGE },
    { rule: "a host that throws gets the message", supported: "throws", expected: REQUIREMENTS_MESSAGE },
  ])("$rule", ({ supported, expected }) => {
    const isSetSupported = (name: string, version: string): boolean => {
      if (supported === "throws") throw new Error("no Office");
      return name === "ExcelApi" && supported.includes(version);
    };
    expect(checkRequirements(isSetSupported)).toBe(expected);
  });
});

describe("selection", () => {
  test("selecting a problem's cell shows its sheet and cell", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Summary" }, { name: "Q3 'report'", values: [["x"]] }] });
    await selectCell(fake.run, "Q3 'report'", "D7");
    expect([fake.selection(), await selectedRange(fake.run)]).toEqual([
      { sheet: "Q3 'report'", address: "D7" },
      { sheet: "Q3 'report'", address: "D7" },
    ]);
  });
});

describe("addresses", () => {
  test.each([
    { col: 0, letters: "A" },
    { col: 25, letters: "Z" },
    { col: 26, letters: "AA" },
    { col: 16383, letters: "XFD" },
  ])("column $col is $letters", ({ col, letters }) => {
    expect([columnLetters(col), columnIndex(letters)]).toEqual([letters, col]);
  });

  test.each([
    { address: "B2", expected: { top: 1, left: 1, bottom: 1, right: 1 } },
    { address: "Sheet1!$B$2:D9", expected: { top: 1, left: 1, bottom: 8, right: 3 } },
    { address: "D9:B2", expected: { top: 1, left: 1, bottom: 8, right: 3 } },
    { address: "$10:$12", expected: { top: 9, left: 0, bottom: 11, right: 16383 } },
    { address: "C:C", expected: { top: 0, left: 2, bottom: 1048575, right: 2 } },
    { address: "A0", expected: undefined },
    { address: "B2:C3:D4", expected: undefined },
    { address: "hello", expected: undefined },
  ])("parse $address", ({ address, expected }) => {
    expect(parseAddress(address)).toEqual(expected);
  });

  test.each([
    { name: "Summary", quoted: "Summary" },
    { name: "Q3 report", quoted: "'Q3 report'" },
    { name: "Bob's", quoted: "'Bob''s'" },
    { name: "A1", quoted: "'A1'" },
    // helper-68: names that read as an R1C1 reference are quoted, as Excel quotes them.
    { name: "R", quoted: "'R'" },
    { name: "C", quoted: "'C'" },
    { name: "RC", quoted: "'RC'" },
    { name: "R2C3", quoted: "'R2C3'" },
    { name: "r1c", quoted: "'r1c'" },
    { name: "Rates", quoted: "Rates" },
    { name: "CR1", quoted: "'CR1'" },
  ])("sheet $name is written $quoted", ({ name, quoted }) => {
    expect(quoteSheet(name)).toBe(quoted);
  });

  // Excel names whole rows and columns as rows and columns: what the fake gives, and what the host reads back.
  test.each([
    { rect: { top: 9, left: 0, bottom: 9, right: 16383 }, address: "10:10" },
    { rect: { top: 4, left: 0, bottom: 5, right: 16383 }, address: "5:6" },
    { rect: { top: 0, left: 2, bottom: 1048575, right: 3 }, address: "C:D" },
    { rect: { top: 0, left: 0, bottom: 2, right: 4 }, address: "A1:E3" },
  ])("Excel's address of $address, and its merged area read back", ({ rect, address }) => {
    expect(excelAddress(rect)).toBe(address);
    expect(mergedAreas(`Indicators!A1:B1,'Q3, final'!${address}`)).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }, rect]);
  });

  // helper-76: a sheet name holding "!" and a comma ('Q3!A1,x') gave a stray A1.
  test.each([
    [`'Q3!A1,x'!$A$1:$E$40`, [{ top: 0, left: 0, bottom: 39, right: 4 }]],
    [`'Q3!A1,x'!$A$1:$E$40,'Q3!A1,x'!$G:$G`, [{ top: 0, left: 0, bottom: 39, right: 4 }, { top: 0, left: 6, bottom: 1048575, right: 6 }]],
    [`'It''s Q3'!B2, 'It''s Q3'!3:4`, [{ top: 1, left: 1, bottom: 1, right: 1 }, { top: 2, left: 0, bottom: 3, right: 16383 }]],
    [`MyArea`, []],
    [`Sheet1!#REF!`, []],
  ])("the areas of %s", (address, rects) => {
    expect(mergedAreas(address)).toEqual(rects);
  });

  test.each([
    { name: "Summary: Q3 [draft]", expected: "Summary- Q3 -draft-" },
    { name: "A very long committee name that goes on", expected: "A very long committee name that" },
    { name: "'quoted'", expected: "quoted" },
  ])("sheet name '$name' is made valid", ({ name, expected }) => {
    expect(cleanSheetName(name)).toBe(expected);
  });
});

describe("cell sets and address chunks", () => {
  test("scattered cells become the fewest rectangles", () => {
    const set = new CellSet();
    for (const [r, c] of [[1, 4], [2, 4], [3, 4], [1, 5], [2, 5], [3, 5], [7, 4], [9, 9]]) set.add(r, c);
    expect(set.rects().map((r) => cellAddress(r.top, r.left) + ":" + cellAddress(r.bottom, r.right))).toEqual(["E2:F4", "E8:E8", "J10:J10"]);
  });

  test.each([
    { rule: "gaps up to the limit are bridged", cells: [[1, 4], [3, 4], [60, 4]], maxGap: 64, expected: ["E2:E61"] },
    { rule: "a wider gap starts a new span", cells: [[1, 4], [3, 4], [80, 4]], maxGap: 64, expected: ["E2:E4", "E81:E81"] },
    { rule: "neighbouring columns with the same span join", cells: [[1, 4], [5, 4], [1, 5], [5, 5]], maxGap: 64, expected: ["E2:F6"] },
    { rule: "no gap allowed: exact runs", cells: [[1, 4], [3, 4]], maxGap: 0, expected: ["E2:E2", "E4:E4"] },
  ])("spans for 2D reads and writes: $rule", ({ cells, maxGap, expected }) => {
    const set = new CellSet();
    for (const [r, c] of cells) set.add(r, c);
    expect(set.spans(maxGap).map((r) => cellAddress(r.top, r.left) + ":" + cellAddress(r.bottom, r.right))).toEqual(expected);
  });

  test("ranges continuing down the same columns are joined", () => {
    expect(compactRanges([{ top: 3, left: 0, bottom: 3, right: 2 }, { top: 1, left: 0, bottom: 2, right: 2 }, { top: 1, left: 4, bottom: 1, right: 4 }])).toEqual([
      { top: 1, left: 0, bottom: 3, right: 2 },
      { top: 1, left: 4, bottom: 1, right: 4 },
    ]);
  });

  test("address lists are chunked under the limit and lose nothing", () => {
    const ranges = Array.from({ length: 5000 }, (_, i) => ({ top: i * 2, left: 3, bottom: i * 2, right: 3 }));
    const chunks = chunkAddresses(ranges, 8000);
    expect([chunks.every((c) => c.length <= 8000), parseAddressList(chunks.join(","))!.length, chunks.length > 1]).toEqual([true, 5000, true]);
  });
});
