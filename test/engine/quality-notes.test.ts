// Each data-quality note becomes a problem at the cell it is about: the note says which input it
// concerns, rather than the cell being guessed from the note's wording.
import { PRESETS } from "../../src/engine/scheme/presets";
import { rateWorkbook } from "../../src/engine/rate/workbook";
import type { SheetGrid } from "../../src/engine/vocab/types";

const grid: SheetGrid = {
  name: "KPIs",
  values: [
    ["Ref", "Measure", "Polarity", "Target", "Q2 Actual", "All England Average", "RAG", "Progress", "Due date"],
    ["HS01", "Rent collected", "Upwards", 0.98, 0.97, "> 50%", "Green"],
    ["HS02", "Missed bins", "Lower", 50, 40, 45, "Purple"],
  ],
};

const problems = rateWorkbook([grid], { scheme: PRESETS.rag, reportDate: "2023-09-30" }).problems;
const at = (text: RegExp) => problems.filter((p) => text.test(p.message)).map((p) => `${p.sheet}!${p.cell}`);

test.each([
  ["an unrecognised polarity", /polarity "Upwards"/, "KPIs!C2"],
  ["a comparator that is not a figure", /comparator All England Average/, "KPIs!F2"],
  ["a rating that is not a status of the scheme", /rating "Purple"/, "KPIs!G3"],
])("%s points at its own cell", (_what, text, cell) => {
  expect(at(text)).toEqual([cell]);
});

describe("a record the rules could not rate because of a cell is a problem at that cell", () => {
  const blocked: SheetGrid = {
    name: "Blocked",
    values: [
      ["Ref", "Measure", "Polarity", "Target", "Q2 Actual"],
      ["B1", "An actual typed as a target", "Higher", 10, "> 5"],
      ["B2", "A target typed as a date", "Higher", "31/03/2024", 9],
      ["B3", "No direction", "", 10, 9],
      ["B4", "Actual not available", "Higher", 10, "Not available"],
      ["B5", "Actual a formula error", "Higher", 10, { error: "#DIV/0!" }],
      ["B6", "Actual n/a", "Higher", 10, "n/a"],
      ["B7", "Actual a word", "Higher", 10, "Good"],
      ["B8", "Annual measure", "Higher", 10, "Annually reported."],
      ["B9", "Data only, actual an error", "Higher", "", "#VALUE!"],
      ["B10", "Target a formula error", "Higher", { error: "#REF!" }, 9],
      ["B11", "Blank actual", "Higher", 10, null],
    ],
  };
  const found = rateWorkbook([blocked], { scheme: PRESETS.rag, reportDate: "2023-09-30" }).problems.map((p) => [p.cell, p.severity, p.message]);

  test.each([
    ["B1", "E2", "error", /unreadable figure: actual "> 5" is not a figure/],
    ["B2", "D3", "error", /unreadable figure: target "31\/03\/2024" is not a figure/],
    ["B3", "D4", "warning", /polarity not set/],
    ["B4", "E5", "warning", /no Q2 Actual figure: Not available/],
    ["B5", "E6", "error", /unreadable figure: formula error #DIV\/0!/],
    ["B6", "E7", "warning", /no Q2 Actual figure: n\/a/],
    ["B7", "E8", "error", /unreadable figure: Good/],
    ["B9", "E10", "warning", /unreadable figure: formula error #VALUE!/],
    ["B10", "D11", "error", /unreadable figure: formula error #REF!/],
    ["B11", "E12", "warning", /no Q2 Actual figure$/],
  ])("RULES §7 %s at %s", (ref, cell, severity, message) => {
    expect(found.filter(([, , m]) => String(m).startsWith(`${ref}:`) && message.test(String(m)))).toEqual([[cell, severity, expect.stringMatching(message)]]);
  });

  test("RULES §7 a figure that was not due this period is no data, not a problem", () => {
    expect(found.filter(([, , m]) => String(m).startsWith("B8:"))).toEqual([]);
  });
});
