import seed from "../fixtures/seed-cases.json";
import { isFinancialYear, isPercentFormat, readNumber, readValue } from "../../src/engine/read/values";
import type { CellValue, Reading } from "../../src/engine/vocab/types";

interface SeedValue {
  text: string;
  number?: number;
  note?: string;
  numerator?: number;
  denominator?: number;
  approximate?: boolean;
  target?: { op: string; value: number };
  band?: [number, number];
  missing?: boolean;
  date?: string;
}

/** Compares a reading with the expected fields; numbers within 1e-9, other fields exactly. */
function expectReading(actual: Reading, expected: Partial<Record<string, unknown>>): void {
  const got = actual as unknown as Record<string, unknown>;
  for (const [key, want] of Object.entries(expected)) {
    if (typeof want === "number" && typeof got[key] === "number") {
      expect({ key, diff: Math.abs((got[key] as number) - want) <= 1e-9 }).toEqual({ key, diff: true });
    } else {
      expect({ key, value: got[key] }).toEqual({ key, value: want });
    }
  }
}

describe("readValue: seed cases (RULES §3 table)", () => {
  const cases = (seed as { values: SeedValue[] }).values;
  test.each(cases.map((c) => [c.text, c] as const))("%j", (_text, c) => {
    const r = readValue(c.text);
    if (c.number !== undefined) {
      expectReading(r, { kind: "number", value: c.number });
      for (const key of ["note", "numerator", "denominator", "approximate"] as const) {
        if (c[key] !== undefined) expectReading(r, { [key]: c[key] });
      }
    } else if (c.target) {
      expectReading(r, { kind: "target", op: c.target.op, value: c.target.value });
    } else if (c.band) {
      expectReading(r, { kind: "band", low: c.band[0], high: c.band[1] });
    } else if (c.missing) {
      expectReading(r, { kind: "missing", reason: c.text.trim() || "empty" });
    } else if (c.date) {
      expectReading(r, { kind: "date", date: c.date });
    } else {
      throw new Error(`seed case ${c.text} has no expectation`);
    }
    expect(r.text).toBe(c.text);
  });
});

// [input, expected fields, rule]
const TEXT_CASES: [string, Partial<Record<string, unknown>>, string][] = [
  ["£1,234", { kind: "number", value: 1234, percent: false, note: undefined }, "currency symbol dropped"],
  ["-£1,234.50", { kind: "number", value: -1234.5 }, "sign before currency"],
  ["12.5 days", { kind: "number", value: 12.5, note: "days" }, "unit kept as note"],
  ["1,234 (Q3)", { kind: "number", value: 1234, note: "Q3" }, "bracket note"],
  ["78.9%", { kind: "number", value: 78.9 / 100, percent: true }, "percentage is a fraction"],
  ["78.9", { kind: "number", value: 78.9, percent: false }, "plain decimal"],
  ["−4.6%", { kind: "number", value: -0.046, percent: true }, "unicode minus sign"],
  ["0.76 Dec 2009", { kind: "number", value: 0.76, note: "Dec 2009" }, "trailing period as note"],
  ["151 Dec 2009", { kind: "number", value: 151, note: "Dec 2009" }, "trailing period as note"],
  ["231 2008/09", { kind: "number", value: 231, note: "2008/09" }, "financial year after figure is a note"],
  ["30% (2009/10)", { kind: "number", value: 0.3, note: "2009/10", numerator: undefined }, "year in brackets is not a ratio"],
  ["96.5% (436/452)", { kind: "number", value: 0.965, numerator: 436, denominator: 452 }, "ratio in brackets"],
  ["20.3% (41/202)", { kind: "number", value: 0.203, numerator: 41, denominator: 202, note: undefined }, "ratio in brackets"],
  ["88.9% (2005 cohort)", { kind: "number", value: 0.889, note: "2005 cohort" }, "bracket note"],
  ["8.6% increase", { kind: "number", value: 0.086, note: "increase" }, "trailing words as note"],
  ["4.26% reduction", { kind: "number", value: 0.0426, note: "reduction" }, "trailing words as note"],
  ["46% (31/67) (Provisional)", { kind: "number", value: 0.46, numerator: 31, denominator: 67, note: "Provisional" }, "ratio and note"],
  ["**8204", { kind: "number", value: 8204, note: "**" }, "leading marker kept as note"],
  ["31/230", { kind: "number", value: 31 / 230, numerator: 31, denominator: 230 }, "bare ratio"],
  ["5/6 actions complete", { kind: "number", value: 5 / 6, numerator: 5, denominator: 6, note: "actions complete" }, "ratio with words"],
  ["12 per cent", { kind: "number", value: 0.12, percent: true }, "per cent in words"],
  ["2pp", { kind: "number", value: 0.02, percent: true, note: "percentage points" }, "percentage points"],
  ["2 pts", { kind: "number", value: 2, percent: false, note: "pts" }, "points left to the tolerance reader"],
  ["1.2E3", { kind: "number", value: 1200 }, "exponent"],
  ["  11,428  ", { kind: "number", value: 11428 }, "surrounding spaces"],
  ["11\u00a0428", { kind: "number", value: 11428 }, "non-breaking space between digit groups is a separator (RULES §3)"],
  ["Less than 10,459 (2010/11)", { kind: "target", op: "<", value: 10459, note: "2010/11" }, "target with note"],
  ["Less than or equal to 5", { kind: "target", op: "<=", value: 5 }, "longest operator wins"],
  ["<= 12", { kind: "target", op: "<=", value: 12 }, "symbol <="],
  ["≤ 12%", { kind: "target", op: "<=", value: 0.12, percent: true }, "symbol ≤"],
  ["≥95%", { kind: "target", op: ">=", value: 0.95 }, "symbol ≥"],
  [">= 3", { kind: "target", op: ">=", value: 3 }, "symbol >="],
  ["Under 20", { kind: "target", op: "<", value: 20 }, "under is strict"],
  ["Up to 4 days", { kind: "target", op: "<=", value: 4, note: "days" }, "up to is inclusive"],
  ["Maximum of 10", { kind: "target", op: "<=", value: 10 }, "maximum of"],
  ["at most 7", { kind: "target", op: "<=", value: 7 }, "at most"],
  ["Minimum of 80%", { kind: "target", op: ">=", value: 0.8 }, "minimum of"],
  ["More than 5", { kind: "target", op: ">", value: 5 }, "more than"],
  ["Above 60%", { kind: "target", op: ">", value: 0.6 }, "above"],
  ["over 1,000", { kind: "target", op: ">", value: 1000 }, "over"],
  ["Not less than 85%", { kind: "target", op: ">=", value: 0.85 }, "not less than is not a missing phrase"],
  ["90% or more", { kind: "target", op: ">=", value: 0.9 }, "operator after the figure"],
  ["10 or fewer", { kind: "target", op: "<=", value: 10 }, "operator after the figure"],
  ["95%+", { kind: "target", op: ">=", value: 0.95 }, "plus after the figure"],
  ["+/- 5%", { kind: "band", low: -0.05, high: 0.05, percent: true }, "plus-minus band with space"],
  ["± 2", { kind: "band", low: -2, high: 2, percent: false }, "plus-minus band without %"],
  ["95%-105%", { kind: "band", low: 0.95, high: 1.05 }, "hyphen band"],
  ["95 - 105%", { kind: "band", low: 0.95, high: 1.05 }, "% covers both ends"],
  ["10 to 20", { kind: "band", low: 10, high: 20, percent: false }, "to band"],
  ["20 to 10", { kind: "band", low: 10, high: 20 }, "reversed band is ordered"],
  ["between 10% and 20%", { kind: "band", low: 0.1, high: 0.2, percent: true }, "between band"],
  ["-5% to +5%", { kind: "band", low: -0.05, high: 0.05 }, "signed band"],
  ["10 to 20 days", { kind: "band", low: 10, high: 20 }, "band with unit"],
  ["~500", { kind: "number", value: 500, approximate: true }, "tilde means approximate"],
  ["approx. 250 cases", { kind: "number", value: 250, approximate: true }, "number in words"],
  ["Sep 2008 – Aug 2009 33.61%", { kind: "number", value: 0.3361, approximate: true }, "years after months are skipped"],
  ["Q3: 45", { kind: "number", value: 45, approximate: true }, "Q3 is a label"],
  ["Reported in quarter 3 as 12", { kind: "number", value: 12, approximate: true }, "quarter 3 is a label"],
  ["Annually reported.", { kind: "missing", reason: "Annually reported." }, "missing phrase"],
  ["Not available", { kind: "missing", reason: "Not available" }, "missing phrase"],
  ["Not calculated", { kind: "missing" }, "missing phrase"],
  ["n/a – local PI", { kind: "missing", reason: "n/a – local PI" }, "missing phrase"],
  ["N/A", { kind: "missing" }, "missing phrase"],
  ["NA", { kind: "missing" }, "missing phrase"],
  ["TBC", { kind: "missing" }, "missing phrase"],
  ["tba", { kind: "missing" }, "missing phrase"],
  ["To follow", { kind: "missing" }, "missing phrase"],
  ["Data to follow in Q4", { kind: "missing" }, "missing phrase inside text"],
  ["Nil", { kind: "missing" }, "missing phrase"],
  ["Unknown", { kind: "missing" }, "missing phrase"],
  ["Pending", { kind: "missing" }, "missing phrase"],
  ["null", { kind: "missing" }, "missing phrase"],
  ["New PI", { kind: "missing" }, "missing phrase"],
  ["See below", { kind: "missing" }, "missing phrase"],
  ["Awaiting guidance", { kind: "missing" }, "missing phrase"],
  ["Final data for 2009/10 has not yet been released.", { kind: "missing" }, "missing phrase with numbers"],
  ["First reported in 2010/11", { kind: "missing" }, "missing phrase with numbers"],
  ["No target. By way of comparison Qtr 2 2009/10 = 5.9%", { kind: "missing" }, "missing even with a number"],
  ["2010 results will be available in quarter 3.", { kind: "missing" }, "year label, then missing phrase"],
  ["–", { kind: "missing", reason: "–" }, "lone en dash"],
  ["—", { kind: "missing" }, "lone em dash"],
  ["_", { kind: "missing" }, "placeholder"],
  ["   ", { kind: "missing", reason: "empty" }, "whitespace"],
  ["3rd quartile", { kind: "missing" }, "a position, not a value"],
  ["In best 20%", { kind: "missing" }, "ranking wording"],
  ["In worst third", { kind: "missing" }, "ranking wording"],
  ["Rank not calculated", { kind: "missing" }, "ranking wording"],
  ["Quarterly", { kind: "missing" }, "no figure at all"],
  ["2010/11", { kind: "missing", reason: "2010/11" }, "a financial year alone is a label"],
  ["09/10", { kind: "missing" }, "a short financial year alone is a label"],
  ["#N/A", { kind: "missing", reason: "formula error #N/A" }, "error typed as text"],
  ["#value!", { kind: "missing", reason: "formula error #VALUE!" }, "error typed as text"],
  ["31/02/2022", { kind: "missing" }, "impossible date"],
  ["31/3/22", { kind: "date", date: "2022-03-31" }, "short UK date"],
  ["1/4/2021", { kind: "date", date: "2021-04-01" }, "UK day first"],
  ["June 2021", { kind: "date", date: "2021-06-30" }, "month and year"],
  ["Jun 21", { kind: "date", date: "2021-06-30" }, "month and short year"],
  ["Feb-2024", { kind: "date", date: "2024-02-29" }, "leap February"],
  ["2022-03-31", { kind: "date", date: "2022-03-31" }, "ISO date"],
  ["31 March 2022", { kind: "date", date: "2022-03-31" }, "day month year"],
];

describe("readValue: what councils write", () => {
  test.each(TEXT_CASES)("%j → %j (%s)", (input, expected) => {
    expectReading(readValue(input), expected);
  });
});

describe("readValue: cells that are not text", () => {
  const cases: [CellValue, string | undefined, Partial<Record<string, unknown>>, string][] = [
    [0.789, "0.0%", { kind: "number", value: 0.789, percent: true }, "percent format: already a fraction"],
    [1234, "#,##0", { kind: "number", value: 1234, percent: false }, "plain number"],
    [12, '0" %"', { kind: "number", value: 12, percent: false }, "quoted % is literal text"],
    [-3, undefined, { kind: "number", value: -3, text: "-3" }, "negative number"],
    [45000, "dd/mm/yyyy", { kind: "date", date: "2023-03-15" }, "serial with a date format"],
    [44377, "mmm-yy", { kind: "date", date: "2021-06-30" }, "serial with a month format"],
    [45000, "0", { kind: "number", value: 45000 }, "serial without a date format is a number"],
    [NaN, undefined, { kind: "missing", reason: "not a number" }, "NaN"],
    [Infinity, undefined, { kind: "missing" }, "Infinity"],
    [new Date(Date.UTC(2022, 2, 31)), undefined, { kind: "date", date: "2022-03-31" }, "ExcelJS date at UTC midnight"],
    [new Date(Date.UTC(2021, 5, 30, 23, 30)), undefined, { kind: "date", date: "2021-06-30" }, "UTC parts, not local"],
    [new Date(NaN), undefined, { kind: "missing", reason: "invalid date" }, "invalid Date"],
    [{ error: "#DIV/0!" }, undefined, { kind: "missing", reason: "formula error #DIV/0!" }, "error cell"],
    [{ error: "#N/A" }, undefined, { kind: "missing", reason: "formula error #N/A", text: "#N/A" }, "error cell"],
    [true, undefined, { kind: "missing", text: "TRUE" }, "boolean"],
    [false, undefined, { kind: "missing", text: "FALSE" }, "boolean"],
    [null, undefined, { kind: "missing", reason: "empty", text: "" }, "empty cell"],
  ];
  test.each(cases)("%p with format %p (%s)", (cell, format, expected) => {
    expectReading(readValue(cell, format), expected);
  });

  test("ExcelJS shapes passed on unconverted are still read", () => {
    const shapes: [unknown, Partial<Record<string, unknown>>][] = [
      [{ formula: "A1/B1", result: 0.5 }, { kind: "number", value: 0.5 }],
      [{ richText: [{ text: "46% " }, { text: "(Provisional)" }] }, { kind: "number", value: 0.46, note: "Provisional" }],
      [{ text: "n/a", hyperlink: "http://x" }, { kind: "missing", reason: "n/a" }],
      [{ foo: 1 }, { kind: "missing", reason: "unreadable cell" }],
      [undefined, { kind: "missing", reason: "empty" }],
    ];
    for (const [cell, expected] of shapes) expectReading(readValue(cell as CellValue), expected);
  });

  test("a band too wide for a number is no band: \"+/-1e511\" (found by the property test)", () => {
    expect(readValue("+/-1e5")).toMatchObject({ kind: "band", low: -1e5, high: 1e5 });
    expect(readValue("+/-1e511").kind).not.toBe("band");
  });

  test("78.9% gives exactly 78.9 / 100", () => {
    const r = readValue("78.9%");
    expect(r.kind === "number" && r.value).toBe(78.9 / 100);
  });
});

describe("readNumber", () => {
  test.each([
    ["11,428", 11428],
    ["Gap of 1.3% points", 0.013],
    ["46% (Provisional)", 0.46],
    ["< 9%", undefined],
    ["+/-5%", undefined],
    ["n/a", undefined],
    ["Jun-2021", undefined],
  ] as [string, number | undefined][])("%j → %p", (text, expected) => {
    const got = readNumber(text);
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(Math.abs((got ?? NaN) - expected)).toBeLessThanOrEqual(1e-9);
  });
  test("numeric cells", () => {
    expect(readNumber(0.5, "0%")).toBe(0.5);
    expect(readNumber({ error: "#REF!" })).toBeUndefined();
  });
});

describe("helpers", () => {
  test.each([
    ["2010/11", true], ["2010-11", true], ["2010/2011", true], ["09/10", true], ["99/00", true],
    ["2010/12", false], ["31/230", false], ["10-11", false], ["2010", false],
  ] as [string, boolean][])("isFinancialYear(%j) = %p", (text, expected) => {
    expect(isFinancialYear(text)).toBe(expected);
  });
  test.each([
    ["0%", true], ["0.0%", true], ["#,##0", false], ['0"%"', false], ["0\\%", false], [undefined, false],
  ] as [string | undefined, boolean][])("isPercentFormat(%p) = %p", (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });
});
