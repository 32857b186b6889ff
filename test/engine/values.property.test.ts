import fc from "fast-check";
import { readValue } from "../../src/engine/read/values";
import { excelSerialToIso, isoToExcelSerial, MAX_EXCEL_SERIAL, readDate } from "../../src/engine/read/dates";
import type { CellValue, Reading } from "../../src/engine/vocab/types";

const KINDS = ["number", "target", "band", "date", "missing"];

/** Every reading is well formed: a known kind, the text kept, finite numbers. */
function wellFormed(r: Reading): boolean {
  if (!KINDS.includes(r.kind) || typeof r.text !== "string") return false;
  if (r.kind === "number" || r.kind === "target") return Number.isFinite(r.value);
  if (r.kind === "band") return Number.isFinite(r.low) && Number.isFinite(r.high) && r.low <= r.high;
  if (r.kind === "date") return /^\d{4}-\d{2}-\d{2}$/.test(r.date);
  return typeof r.reason === "string" && r.reason.length > 0;
}

const closeTo = (a: number, b: number): boolean => a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));

// Texts made of the pieces the reader looks for, so that the parser's branches are all reached.
const piece = fc.constantFrom(
  "1", "23", "4,567", "0.5", ".7", "%", "-", "+", "/", "(", ")", " ", "£", "*", "±", "+/-", "–", "to",
  "and", "between", "less than", "at least", "no", "n/a", "Jun", "2021", "2010/11", "Q3", "3rd",
  "quartile", "e5", "per cent", "pp", "or more", "≤", ">", "#DIV/0!", "\u00a0", "Dec 2009",
);
const pieced = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string({ unit: "grapheme" }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.record({ error: fc.string() }),
  fc.constant(null),
);

describe("readValue never throws", () => {
  test.each([
    ["grapheme strings", fc.string({ unit: "grapheme", maxLength: 60 })],
    ["binary strings", fc.string({ unit: "binary", maxLength: 60 })],
    ["strings built from value pieces", pieced],
  ] as [string, fc.Arbitrary<string>][])("on %s", (_name, arb) => {
    fc.assert(fc.property(arb, (s) => wellFormed(readValue(s)) && readValue(s).text === s), { numRuns: 2000 });
  });

  test("on any CellValue, with any number format", () => {
    fc.assert(
      fc.property(cell, fc.option(fc.constantFrom("0%", "dd/mm/yyyy", "General", "mmm-yy", "#,##0")), (c, f) =>
        wellFormed(readValue(c, f ?? undefined)),
      ),
      { numRuns: 2000 },
    );
  });

  test("on anything a host might hand over", () => {
    fc.assert(fc.property(fc.anything(), (x) => wellFormed(readValue(x as CellValue))), { numRuns: 1000 });
  });
});

/** Writes an unsigned integer with thousands commas: 1234567 → "1,234,567". */
const withCommas = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

describe("figures read back exactly", () => {
  const written = fc.record({
    whole: fc.bigInt({ min: 0n, max: 10n ** 12n }).map(String),
    decimals: fc.option(fc.stringMatching(/^\d{1,6}$/)),
    sign: fc.constantFrom("", "+", "-"),
    commas: fc.boolean(),
    percent: fc.boolean(),
  });

  test("integers and decimals with thousands commas, signs and %", () => {
    fc.assert(
      fc.property(written, ({ whole, decimals, sign, commas, percent }) => {
        const plain = decimals === null ? whole : `${whole}.${decimals}`;
        const text = `${sign}${commas ? withCommas(whole) : whole}${decimals === null ? "" : `.${decimals}`}${percent ? "%" : ""}`;
        const magnitude = Number(plain) / (percent ? 100 : 1);
        const expected = sign === "-" ? -magnitude : magnitude;
        const r = readValue(text);
        return r.kind === "number" && r.percent === percent && !r.approximate && closeTo(r.value, expected);
      }),
      { numRuns: 3000 },
    );
  });

  test("a percentage is the same double as value / 100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 9 }), (a, b) => {
        const r = readValue(`${a}.${b}%`);
        return r.kind === "number" && r.value === Number(`${a}.${b}`) / 100;
      }),
    );
  });

  test("a number cell is its own value", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = readValue(x);
        return r.kind === "number" && Object.is(r.value, x);
      }),
    );
  });
});

describe("dates round-trip", () => {
  test("serial → ISO → serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_EXCEL_SERIAL }), (s) => isoToExcelSerial(excelSerialToIso(s)) === s),
      { numRuns: 5000 },
    );
  });

  test("serials after February 1900 agree with Date.UTC from 1899-12-30", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_EXCEL_SERIAL }), (s) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + s * 86400000).toISOString().slice(0, 10);
        return excelSerialToIso(s) === expected;
      }),
      { numRuns: 5000 },
    );
  });

  const day = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });

  test("Date → ISO → serial → ISO, and the UK text of a date reads back", () => {
    fc.assert(
      fc.property(day, (d) => {
        const iso = readDate(d);
        if (!iso || iso !== d.toISOString().slice(0, 10)) return false;
        const [y, m, dd] = iso.split("-");
        const uk = readValue(`${dd}/${m}/${y}`);
        return excelSerialToIso(isoToExcelSerial(iso)) === iso && uk.kind === "date" && uk.date === iso;
      }),
      { numRuns: 3000 },
    );
  });
});
