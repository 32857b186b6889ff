import {
  addDays, daysBetween, daysInMonth, excelSerialToIso, isDateFormat, isoToExcelSerial,
  isMonthFormat, lastDayOfMonth, parseDateText, readDate, readDueDate,
} from "../../src/engine/read/dates";
import type { CellValue } from "../../src/engine/vocab/types";

describe("Excel 1900 serials", () => {
  // [serial, ISO, rule]
  const cases: [number, string, string][] = [
    [0, "1899-12-31", "Excel's day 0 (shown as 00/01/1900)"],
    [1, "1900-01-01", "serial 1"],
    [59, "1900-02-28", "last real day before the phantom leap day"],
    [60, "1900-02-29", "the phantom 29 February 1900 Excel keeps"],
    [61, "1900-03-01", "from here on, days since 1899-12-30"],
    [25569, "1970-01-01", "Unix epoch"],
    [36526, "2000-01-01", "millennium"],
    [43831, "2020-01-01", "recent year"],
    [44377, "2021-06-30", "Broxtowe due date Jun-2021"],
    [44651, "2022-03-31", "end of financial year"],
    [45000, "2023-03-15", "brief's example"],
    [45351, "2024-02-29", "real leap day"],
    [2958465, "9999-12-31", "largest serial"],
  ];
  test.each(cases)("%p ↔ %s (%s)", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  test("time of day is dropped", () => {
    expect(excelSerialToIso(45000.75)).toBe("2023-03-15");
  });

  test.each([-1, NaN, Infinity, 2958466])("excelSerialToIso(%p) throws RangeError", (serial) => {
    expect(() => excelSerialToIso(serial)).toThrow(RangeError);
  });

  test.each(["2022-02-30", "1899-12-30", "31/03/2022", ""])("isoToExcelSerial(%j) throws RangeError", (iso) => {
    expect(() => isoToExcelSerial(iso)).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  test.each([
    [2021, 6, "2021-06-30"], [2022, 3, "2022-03-31"], [2024, 2, "2024-02-29"], [2023, 2, "2023-02-28"],
    [2000, 2, "2000-02-29"], [1900, 2, "1900-02-28"], [2100, 2, "2100-02-28"], [2021, 12, "2021-12-31"],
    [50, 1, "0050-01-31"],
  ] as [number, number, string][])("lastDayOfMonth(%p, %p) = %s", (year, month, iso) => {
    expect(lastDayOfMonth(year, month)).toBe(iso);
  });

  test.each([[2021, 0], [2021, 13], [2021, 1.5]])("lastDayOfMonth(%p, %p) throws", (year, month) => {
    expect(() => lastDayOfMonth(year, month)).toThrow(RangeError);
  });

  test("daysInMonth", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  test.each([
    ["2021-06-30", "2021-06-30", 0, "same day"],
    ["2021-06-30", "2021-07-30", 30, "warning window"],
    ["2021-07-30", "2021-06-30", -30, "b before a is negative"],
    ["2024-02-28", "2024-03-01", 2, "across a leap day"],
    ["2021-04-01", "2022-03-31", 364, "a financial year"],
    ["1970-01-01", "2000-01-01", 10957, "decades"],
    ["2021-02-30", "2021-03-01", NaN, "invalid date"],
    ["2021-6-30", "2021-07-30", NaN, "a month of one digit is not ISO"],
    ["2021-06-30 ", "2021-07-30", NaN, "a trailing space"],
    ["2021/06/30", "2021-07-30", NaN, "slashes"],
    ["2021-06-3x", "2021-07-30", NaN, "a letter"],
    ["+021-06-30", "2021-07-30", NaN, "a sign"],
    ["", "2021-07-30", NaN, "empty"],
    ["2021-06-30", "2021-07-30T00:00", NaN, "a time after it"],
    ["0000-03-01", "0000-02-29", -1, "year 0 is a leap year"],
    ["9999-12-31", "2021-07-30", -2914058, "the last day Excel has"],
  ] as [string, string, number, string][])("daysBetween(%s, %s) = %p (%s)", (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });

  test.each([
    ["2021-06-30", 30, "2021-07-30"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-01-01", -1, "2022-12-31"],
  ] as [string, number, string][])("addDays(%s, %p) = %s", (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  test("addDays rejects an invalid date", () => {
    expect(() => addDays("2021-13-01", 1)).toThrow(RangeError);
  });
});

describe("parseDateText", () => {
  // [text, ISO or undefined, rule]
  const cases: [string, string | undefined, string][] = [
    ["31/03/2022", "2022-03-31", "UK day/month/year"],
    ["31/3/22", "2022-03-31", "short year is 20xx below 30"],
    ["01/04/99", "1999-04-01", "short year is 19xx from 30"],
    ["5/6/2021", "2021-06-05", "day first, never month first"],
    ["31.03.2022", "2022-03-31", "dots"],
    ["31-03-2022", "2022-03-31", "hyphens"],
    ["2022-03-31", "2022-03-31", "ISO"],
    ["2022-03-31T00:00:00Z", "2022-03-31", "ISO with time"],
    ["Jun-2021", "2021-06-30", "month-year: last day"],
    ["Mar-2022", "2022-03-31", "month-year: last day"],
    ["Dec-2021", "2021-12-31", "month-year: last day"],
    ["June 2021", "2021-06-30", "full month name"],
    ["Jun 21", "2021-06-30", "short year"],
    ["Sept 2021", "2021-09-30", "Sept"],
    ["feb-24", "2024-02-29", "leap year, lower case"],
    ["Jun '21", "2021-06-30", "apostrophe year"],
    ["31 March 2022", "2022-03-31", "day month year"],
    ["1st Apr 2021", "2021-04-01", "ordinal day"],
    ["31-Mar-22", "2022-03-31", "Excel d-mmm-yy"],
    ["31/02/2022", undefined, "no such day"],
    ["13/13/2022", undefined, "no such month"],
    ["Foo 2021", undefined, "not a month"],
    ["2010/11", undefined, "financial year is not a date"],
    ["12", undefined, "a number is not a date"],
    ["", undefined, "empty"],
  ];
  test.each(cases)("%j → %p (%s)", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });
});

describe("isDateFormat", () => {
  test.each([
    ["dd/mm/yyyy", true], ["d-mmm-yy", true], ["mmm-yy", true], ["mmmm yyyy", true], ["yyyy-mm-dd", true],
    ["[$-809]dd mmmm yyyy", true], ['dd/mm/yyyy" (due)"', true], ["dd/mm/yyyy h:mm", true],
    ["General", false], ["0", false], ["0.0%", false], ["#,##0", false], ["£#,##0.00", false],
    ["h:mm", false], ["mm:ss", false], ["[h]:mm:ss", false], ['0" days"', false], ["[Red]0.0", false],
    ["0.00E+00", false], ["@", false], ["", false], [undefined, false],
  ] as [string | undefined, boolean][])("%p → %p", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});

describe("readDate", () => {
  const cases: [CellValue, string | undefined, { serials: boolean } | undefined, string | undefined, string][] = [
    [new Date(Date.UTC(2021, 5, 30)), undefined, undefined, "2021-06-30", "ExcelJS Date"],
    [44377, undefined, undefined, "2021-06-30", "serial in a date column (default)"],
    [44377, undefined, { serials: false }, undefined, "number without leave to be a serial"],
    [44377, "dd/mm/yyyy", { serials: false }, "2021-06-30", "date format says it is a serial"],
    [0, undefined, undefined, undefined, "zero is not a date"],
    [-5, undefined, undefined, undefined, "negative is not a date"],
    [3e6, undefined, undefined, undefined, "beyond 9999"],
    [NaN, undefined, undefined, undefined, "NaN"],
    ["Jun-2021", undefined, undefined, "2021-06-30", "text month-year"],
    [" 31/03/2022 ", undefined, undefined, "2022-03-31", "text UK date"],
    ["n/a", undefined, undefined, undefined, "text that is not a date"],
    [null, undefined, undefined, undefined, "empty"],
    [true, undefined, undefined, undefined, "boolean"],
    [{ error: "#N/A" }, undefined, undefined, undefined, "error"],
    [new Date(NaN), undefined, undefined, undefined, "invalid Date"],
  ];
  test.each(cases)("%p (format %p, %p) → %p (%s)", (cell, format, options, expected) => {
    expect(readDate(cell, format, options)).toBe(expected);
  });
});

// helper-107: due dates as officers type them when they are not a date on their own.
describe("readDueDate", () => {
  test.each([
    ["end of March 2011", "2011-03-31"],
    ["End Nov 2010", "2010-11-30"],
    ["By 31/03/2011", "2011-03-31"],
    ["Due by 30/06/2011", "2011-06-30"],
    ["by the end of June 2011", "2011-06-30"],
    ["31/03/2011 (revised)", "2011-03-31"],
    ["March 2011 (was Dec 2010)", "2011-03-31"],
    ["March 31 2011", "2011-03-31"],
    ["March 31, 2011", "2011-03-31"],
    ["Q4 2010/11", "2011-03-31"],
    ["Quarter 4 2010/11", "2011-03-31"],
    ["Q2 2010/11", "2010-09-30"],
    ["Q3 10/11", "2010-12-31"],
    ["2010/11", "2011-03-31"],
    ["2010/2011", "2011-03-31"],
    ["FY 2010/11", "2011-03-31"],
    ["April 2010 - March 2011", "2011-03-31"],
    ["Apr 10 to Mar 11", "2011-03-31"],
    ["30/09/2010", "2010-09-30"],
  ])("%j is due %s", (text, iso) => {
    expect(readDueDate(text)).toBe(iso);
  });

  test.each(["Q4", "2011", "Spring 2011", "by year end", "Ongoing", "TBC", "Phase 1 - March 2011", "2010 - 2013", "2010/12", "Q5 2010/11", "June 2011 – subject to funding", "February 30 2011", "July 2010 (revised to March 2011)", "July 2010 (now 31/03/2011)", "Mar 2012 - Mar 2010"])("%j names no day", (text) => {
    expect(readDueDate(text)).toBeUndefined();
  });

  test("a serial on the 1st shown only as month and year (Excel's \"Mar-11\" for \"Mar-2011\" typed) is due at the month's end", () => {
    const first = isoToExcelSerial("2011-03-01");
    expect([readDueDate(first, "mmm-yy"), readDueDate(first, "[$-809]mmmm yyyy;@"), readDueDate(first, "mmm yyyy"), readDueDate(first + 14, "mmm-yy"), readDueDate(first, "d-mmm-yy"), readDueDate(first, "General")]).toEqual([
      "2011-03-31", "2011-03-31", "2011-03-31", "2011-03-15", "2011-03-01", "2011-03-01",
    ]);
    // The file host hands date cells over as Dates.
    expect(readDueDate(new Date(Date.UTC(2011, 2, 1)), "mmm-yy")).toBe("2011-03-31");
  });

  test.each([["mmm-yy", true], ["mmmm yyyy", true], ['mmm" "yyyy', true], ["[$-809]mmm-yy;@", true], ["mm/yyyy", true], ["mmm-yy;dd/mm/yyyy", true], ["dd/mm/yyyy;mmm-yy", false], ["dd/mm/yyyy", false], ["d-mmm", false], ["mmmm", false], ["h:mm", false], ["0%", false], ["General", false]] as const)(
    "isMonthFormat(%j) is %p",
    (format, expected) => expect(isMonthFormat(format)).toBe(expected),
  );

  test("a date cell is read as readDate reads it", () => {
    expect(readDueDate(40633, "dd/mm/yyyy")).toBe("2011-03-31");
    expect(readDueDate(new Date(Date.UTC(2011, 2, 31)))).toBe("2011-03-31");
  });
});
