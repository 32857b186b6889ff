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

describe("RULES §3: a share above 100% on a measure named as a percentage is kept and noted", () => {
  const shares: SheetGrid = {
    name: "Shares",
    values: [
      ["Ref", "Measure", "Polarity", "Target", "Q2 Actual"],
      ["S1", "% of household waste recycled", "Higher", 0.95, "103%"],
      ["S2", "Proportion of calls answered within 20 seconds", "Higher", 0.95, 1.03],
      ["S3", "Repairs completed on time (%)", "Higher", "", "104.5%"],
      ["S4", "% increase in library visits", "Higher", 0.05, "103%"],
      ["S5", "Spend as a % of budget", "Lower", 1, "103%"],
      ["S6", "Number of visits", "Higher", 100, 103],
      ["S7", "% of major applications determined in 13 weeks", "Higher", 0.6, "100%"],
      // A share whatever words follow: "against" a standard, people "who fall" (helper-135).
      ["S8", "% of repairs completed against the 28 day standard", "Higher", 0.9, "104%"],
      ["S9", "Percentage of older people who fall at home", "Lower", 0.1, "102%"],
      // A change is no share: visitors can rise by 120%.
      ["S10", "% rise in visitors", "Higher", 0.05, "120%"],
    ],
    numberFormats: [[], [], ["General", "General", "General", "0%", "0%"]],
  };
  const { rated, problems } = rateWorkbook([shares], { scheme: PRESETS.rag, reportDate: "2023-09-30" });
  const noted = problems.filter((p) => /over 100%/.test(p.message)).map((p) => [p.cell, p.severity, p.message]);

  test("only the shares above 100%, at their actual, with the figure as the cell shows it", () => {
    expect(noted).toEqual([
      ["E2", "warning", "S1: actual 103% is over 100%, but the measure is named as a percentage or proportion: check the figure"],
      ["E3", "warning", "S2: actual 103% is over 100%, but the measure is named as a percentage or proportion: check the figure"],
      ["E4", "warning", "S3: actual 104.5% is over 100%, but the measure is named as a percentage or proportion: check the figure"],
      ["E9", "warning", "S8: actual 104% is over 100%, but the measure is named as a percentage or proportion: check the figure"],
      ["E10", "warning", "S9: actual 102% is over 100%, but the measure is named as a percentage or proportion: check the figure"],
    ]);
  });

  test("the figure is kept: rated as it stands", () => {
    expect(rated.map((r) => [r.record.ref, r.rating.status])).toEqual([
      ["S1", "green"],
      ["S2", "green"],
      ["S3", "dataonly"],
      ["S4", "green"],
      ["S5", "amber"],
      ["S6", "green"],
      ["S7", "green"],
      ["S8", "green"],
      ["S9", "red"],
      ["S10", "green"],
    ]);
  });
});

describe("RULES §3's share above 100%: not float noise, not a share of a budget or target in words, and a plain 103 read as 103%", () => {
  const shares: SheetGrid = {
    name: "More shares",
    values: [
      ["Ref", "Measure", "Polarity", "Target", "Q2 Actual"],
      // A formula's float noise: the cell shows 100.0%, and "actual 100% is over 100%" would make no sense.
      ["N1", "% of invoices paid within 30 days", "Higher", 0.95, 1.0000001],
      ["N2", "% of invoices paid within 30 days", "Higher", 0.95, 1.0000000000000002],
      // A budget or target in words is as "% of budget": an overspend or a target beaten passes 100%.
      ["N3", "Percent of budget spent", "Lower", "100%", "103%"],
      ["N4", "Percentage of target achieved", "Higher", "100%", "103%"],
      ["N5", "Proportion of annual budget spent", "Lower", "100%", "103%"],
      // 103 typed against a percentage target is read as 103% (RULES §3): of a share, that is over the whole.
      ["N6", "% of residents satisfied", "Higher", "75%", 103],
      ["N7", "% of residents satisfied", "Higher", "75%", "100.01%"],
    ],
    numberFormats: [[], ["General", "General", "General", "0%", "0.0%"], ["General", "General", "General", "0%", "0%"]],
  };
  const { rated, problems } = rateWorkbook([shares], { scheme: PRESETS.rag, reportDate: "2023-09-30" });
  const noted = problems.filter((p) => /100%|read as/.test(p.message)).map((p) => [p.cell, p.message]);

  test("noted where the figure as shown is over 100% of a share, and only there", () => {
    expect(noted).toEqual([
      ["E7", "N6: actual 103 read as 103% to match the percentage target"],
      ["E7", "N6: actual 103% is over 100%, but the measure is named as a percentage or proportion: check the figure"],
      ["E8", "N7: actual 100.01% is over 100%, but the measure is named as a percentage or proportion: check the figure"],
    ]);
  });

  test("the figures are rated as they stand", () => {
    expect(rated.map((r) => [r.record.ref, r.rating.status])).toEqual([
      ["N1", "green"],
      ["N2", "green"],
      ["N3", "amber"],
      ["N4", "green"],
      ["N5", "amber"],
      ["N6", "green"],
      ["N7", "green"],
    ]);
  });
});
