// RULES §3, the forms added in issue 12: currency (with k and m), spaces between digit groups,
// accounting negatives in brackets, and texts the reader cannot read (a problem at their cell).
import { readValue } from "../../src/engine/read/values";

type Want = { kind: "number"; value: number; percent?: boolean; unit?: string } | { kind: "missing"; unreadable: boolean };

const NBSP = "\u00a0";
const THIN = "\u2009";
const NARROW = "\u202f";

const cases: [string, string, Want][] = [
  ["RULES §3 currency: £1,180,000", "£1,180,000", { kind: "number", value: 1180000, unit: "£" }],
  ["RULES §3 currency: £1 180 000 (spaces)", "£1 180 000", { kind: "number", value: 1180000, unit: "£" }],
  ["RULES §3 currency: €2,500", "€2,500", { kind: "number", value: 2500, unit: "€" }],
  ["RULES §3 currency: £2.5m", "£2.5m", { kind: "number", value: 2500000, unit: "£" }],
  ["RULES §3 currency: £450k", "£450k", { kind: "number", value: 450000, unit: "£" }],
  ["RULES §3 currency: $1.2bn", "$1.2bn", { kind: "number", value: 1.2e9, unit: "$" }],
  ["RULES §3 no currency: 5m is not scaled", "5m", { kind: "number", value: 5 }],
  ["RULES §3 spaces: 1 200 (ordinary space)", "1 200", { kind: "number", value: 1200 }],
  ["RULES §3 spaces: 1 200 (non-breaking space)", `1${NBSP}200`, { kind: "number", value: 1200 }],
  ["RULES §3 spaces: 1 200 (thin space)", `1${THIN}200`, { kind: "number", value: 1200 }],
  ["RULES §3 spaces: 1 200 (narrow no-break space)", `1${NARROW}200`, { kind: "number", value: 1200 }],
  ["RULES §3 spaces: 12 345 678.5", "12 345 678.5", { kind: "number", value: 12345678.5 }],
  ["RULES §3 spaces: 1 2003 is not grouped", "1 2003", { kind: "number", value: 1 }],
  ["RULES §3 brackets: (3)", "(3)", { kind: "number", value: -3 }],
  ["RULES §3 brackets: (3.5%)", "(3.5%)", { kind: "number", value: -0.035, percent: true }],
  ["RULES §3 brackets: (£1,200)", "(£1,200)", { kind: "number", value: -1200, unit: "£" }],
  ["RULES §3 brackets: (£1 200) with a non-breaking space", `(£1${NBSP}200)`, { kind: "number", value: -1200, unit: "£" }],
  ["RULES §3 brackets: a year alone is a label, not a figure", "(2007/08)", { kind: "missing", unreadable: true }],
  ["RULES §3 brackets: (See comment) is missing", "(See comment)", { kind: "missing", unreadable: false }],
  ["RULES §7 unreadable: words that say nothing of a figure", "tbd by Jane", { kind: "missing", unreadable: false }],
  ["RULES §7 unreadable: a word that is not a figure", "Good", { kind: "missing", unreadable: true }],
  ["RULES §7 unreadable: an impossible date", "31/02/2022", { kind: "missing", unreadable: true }],
  ["RULES §7 unreadable: n/a is missing, not unreadable", "n/a", { kind: "missing", unreadable: false }],
  ["RULES §7 unreadable: a lone dash is missing", "-", { kind: "missing", unreadable: false }],
  ["RULES §7 unreadable: Annually reported. is missing", "Annually reported.", { kind: "missing", unreadable: false }],
  ["RULES §3 formula error text is missing", "#DIV/0!", { kind: "missing", unreadable: false }],
];

describe("readValue: RULES §3 currency, spaces and brackets; RULES §7 unreadable text", () => {
  test.each(cases)("%s", (_name, text, want) => {
    const r = readValue(text);
    if (want.kind === "number") {
      expect(r.kind).toBe("number");
      if (r.kind !== "number") return;
      expect(r.value).toBeCloseTo(want.value, 9);
      expect(r.percent).toBe(want.percent ?? false);
      expect(r.unit).toBe(want.unit);
    } else {
      expect(r.kind).toBe("missing");
      if (r.kind !== "missing") return;
      expect(r.unreadable ?? false).toBe(want.unreadable);
    }
  });
});
