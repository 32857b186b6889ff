// Which number formats make a cell's number a date as the file host reads it (styles-read.ts).
import { readsAsDate } from "../../src/xlsx/package/styles-read";

describe("readsAsDate", () => {
  test.each([
    ["dd/mm/yyyy", true],
    ["d-mmm-yy", true],
    ["[$-809]dd mmmm yyyy", true],
    ["h:mm", true],
    ["[h]:mm:ss", true],
    ["General", false],
    ["0.0%", false],
    ['#,##0.0"m"', false],
    ['"£"0.0"m"', false],
    // LibreOffice writes a quoted letter escaped (helper-67: these figures were read as dates in 1900).
    ["[$£-809]#,##0.0\\m", false],
    ["\\£0.0\\m", false],
    ["0.0\\d", false],
    ["0\\s", false],
    ["0\\y\\r\\s", false],
    // A space as wide as a letter, and a fill character, are no date codes either.
    ["#,##0_m", false],
    ["_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", false],
    ["*d0", false],
    // An escaped character beside real date codes leaves them dates.
    ["dd\\/mm\\/yyyy", true],
  ])("%s → %s", (code, expected) => {
    expect(readsAsDate(code)).toBe(expected);
  });
});
