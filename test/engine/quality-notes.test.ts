// Each data-quality note becomes a problem at the cell it is about: the note says which input it
// concerns, rather than the cell being guessed from the note's wording.
import { PRESETS } from "../../src/engine/presets";
import { rateWorkbook } from "../../src/engine/workbook";
import type { SheetGrid } from "../../src/engine/types";

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
