// The package reader on small hand-built packages: each case is one thing the ExcelJS reader got wrong
// or one thing a grid carries.
import { InputError } from "../../src/xlsx/errors";
import { readPackage, type PackageRead } from "../../src/xlsx/read-package";
import { readSharedStrings } from "../../src/xlsx/package/shared-strings";
import { ZipPackage } from "../../src/xlsx/package/zip-reader";
import { markFormula, OWNER_MARK, STATE_SHEET, stateRecordText } from "../../src/engine/sheets/ownership";
import { HISTORY_SHEET } from "../../src/engine/history/types";
import { RULES_SHEET } from "../../src/engine/rules-sheet/rules-sheet-spec";
import { bookParts, makeBook, STYLES_BASIC, tablePart, zipParts, type BookSpec } from "./package-fixtures";

async function read(spec: BookSpec): Promise<PackageRead> {
  const result = await readPackage(await makeBook(spec), "test.xlsx");
  result.pkg.close();
  return result;
}

const row = (r: number, cells: string, attrs = ""): string => `<row r="${r}"${attrs}>${cells}</row>`;
const sheetData = (...rows: string[]): string => `<sheetData>${rows.join("")}</sheetData>`;

describe("values", () => {
  test("shared, inline, rich, formula results, errors, booleans and numbers", async () => {
    const { grids } = await read({
      sharedStrings: '<si><t>Ref</t></si><si><r><t>Bold</t></r><r><rPr><b/></rPr><t xml:space="preserve"> and plain</t></r><rPh><t>ふりがな</t></rPh></si><si><t>Line 1&#13;\nLine 2</t></si>',
      sheets: [
        {
          name: "Data",
          body: sheetData(
            row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'),
            row(2, '<c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'),
            row(3, '<c r="A3" t="e"><v>#N/A</v></c><c r="B3" t="b"><v>1</v></c><c r="C3"><v>12.5</v></c><c r="D3"><f>A1*0</f><v>0</v></c><c r="E3" t="b"><f>1=2</f><v>0</v></c>'),
          ),
        },
      ],
    });
    expect(grids[0].values).toEqual([
      ["Ref", "Bold and plain", "Line 1\r\nLine 2", null, null],
      ["inline", "rich", "ab", null, null],
      [{ error: "#N/A" }, true, 12.5, 0, false],
    ]);
  });

  test("_xHHHH_ escapes are decoded, and an escaped underscore keeps the literal text", async () => {
    const { grids } = await read({
      sharedStrings: "<si><t>_x0041_</t></si><si><t>_x005F_x0041_</t></si><si><t>a_x000D_b</t></si>",
      sheets: [{ name: "S", body: sheetData(row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>_x0042_</t></is></c>')) }],
    });
    expect(grids[0].values[0]).toEqual(["A", "_x0041_", "a\rb", "B"]);
  });

  test("dates: by number format, ISO t=\"d\", and the 1904 system", async () => {
    const body = sheetData(row(1, '<c r="A1" s="1"><v>40543</v></c><c r="B1" s="3"><v>40543.5</v></c><c r="C1" t="d"><v>2010-12-31T00:00:00Z</v></c><c r="D1" t="d"><v>not a date</v></c><c r="E1" s="2"><v>0.25</v></c>'));
    const g1900 = (await read({ sheets: [{ name: "S", body }] })).grids[0];
    expect(g1900.values[0]).toEqual([new Date(Date.UTC(2010, 11, 31)), new Date(Date.UTC(2010, 11, 31, 12)), new Date(Date.UTC(2010, 11, 31)), "not a date", 0.25]);
    expect(g1900.numberFormats?.[0]).toEqual(["dd/mm/yyyy", "mm-dd-yy", "General", "General", "0%"]);
    const g1904 = (await read({ sheets: [{ name: "S", body }], date1904: true })).grids[0];
    expect(g1904.values[0][0]).toEqual(new Date(Date.UTC(2015, 0, 1)));
    expect(g1904.values[0][2]).toEqual(new Date(Date.UTC(2010, 11, 31)));
  });

  test("cells and rows with no address follow the one before", async () => {
    const { grids } = await read({ sheets: [{ name: "S", body: sheetData("<row><c><v>1</v></c><c><v>2</v></c></row>", '<row><c r="C2"><v>3</v></c><c><v>4</v></c></row>') }] });
    expect(grids[0].values).toEqual([
      [1, 2, null, null],
      [null, null, 3, 4],
    ]);
  });

  test("a shared string the workbook does not have is one line naming the sheet and cell", async () => {
    const spec = { sharedStrings: ["only"], sheets: [{ name: "Data", body: sheetData(row(4, '<c r="B4" t="s"><v>7</v></c>')) }] };
    await expect(readPackage(await makeBook(spec), "t.xlsx")).rejects.toThrow(
      new InputError("t.xlsx is corrupt: sheet 'Data' (xl/worksheets/sheet1.xml) cell B4 refers to shared string 7, which the workbook does not have"),
    );
  });
});

describe("encodings and prefixes", () => {
  test("characters whose bytes straddle two zip chunks arrive whole", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row(i + 1, `<c r="A${i + 1}" t="inlineStr"><is><t>£${i} – café ✓</t></is></c>`));
    const { grids } = await read({ sheets: [{ name: "S", body: sheetData(...rows) }] });
    expect(grids[0].values.every((r, i) => r[0] === `£${i} – café ✓`)).toBe(true);
  });

  test("a prefixed document (<x:worksheet>, as the Open XML SDK writes) reads as an unprefixed one", async () => {
    const parts = bookParts({ sheets: [{ name: "S" }] }) as Record<string, string>;
    parts["xl/worksheets/sheet1.xml"] =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Ref</x:t></x:is></x:c><x:c r="B1"><x:v>2</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>';
    const result = await readPackage(await zipParts(parts), "p.xlsx");
    result.pkg.close();
    expect(result.grids[0].values).toEqual([["Ref", 2]]);
    expect(result.grids[0].merges).toEqual([{ top: 0, left: 2, bottom: 0, right: 3 }]);
  });
});

describe("layout", () => {
  test("merges empty their covered cells; hidden rows and columns are found", async () => {
    const { grids, sheets } = await read({
      sheets: [
        {
          name: "S",
          body:
            '<cols><col min="2" max="3" width="0" hidden="1"/><col min="5" max="5" width="9"/></cols>' +
            sheetData(row(1, '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c>'), row(2, '<c r="A2"><v>4</v></c>', ' hidden="1"'), row(3, '<c r="A3"><v>5</v></c>', ' hidden="true"')) +
            '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
        },
      ],
    });
    expect(grids[0].values).toEqual([
      [1, null, 3],
      [null, null, null],
      [5, null, null],
    ]);
    expect(grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect(grids[0].hiddenRows).toEqual([1, 2]);
    expect(sheets[0].hiddenColumns).toEqual([{ first: 1, last: 2 }]);
  });

  test("conditional formats that can fill our cells are found: a fill in the rule's format, where the rule can hold for text (helper-119, helper-123)", async () => {
    // The third is how Excel writes a font-only rule's "no fill" (helper-120).
    const dxfs =
      '<dxfs count="3"><dxf><fill><patternFill><bgColor rgb="FFD9D9D9"/></patternFill></fill></dxf><dxf><font><i val="1"/></font></dxf>' +
      '<dxf><font><b/><color rgb="FF9C0006"/></font><fill><patternFill patternType="none"><bgColor auto="1"/></patternFill></fill></dxf></dxfs>';
    const styles = STYLES_BASIC.replace("</styleSheet>", `${dxfs}</styleSheet>`);
    const rule = (sqref: string, attrs: string): string => `<conditionalFormatting sqref="${sqref}"><cfRule ${attrs} priority="1"><formula>MOD(ROW(),2)=0</formula></cfRule></conditionalFormatting>`;
    const body =
      sheetData(row(1, '<c r="A1"><v>1</v></c>')) +
      rule("A4:Z100", 'type="expression" dxfId="0"') +
      rule("B1:B9 D1:D9", 'type="expression" dxfId="1"') +
      rule("C1:C9", 'type="expression" dxfId="2"') +
      rule("J:K", 'type="expression" dxfId="0"') +
      rule("$M$1:$M$9 20:21", 'type="expression" dxfId="0"') +
      '<conditionalFormatting sqref="E1:E9"><cfRule type="colorScale" priority="2"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>' +
      // Colour scales, top 10 items, averages and dates format numbers only: our statuses are text.
      '<conditionalFormatting sqref="G1:G9"><cfRule type="top10" dxfId="0" priority="5" rank="10"/><cfRule type="aboveAverage" dxfId="0" priority="6"/><cfRule type="timePeriod" dxfId="0" priority="7" timePeriod="today"><formula>FLOOR(G1,1)=TODAY()</formula></cfRule></conditionalFormatting>' +
      '<conditionalFormatting sqref="F1:F9 H1:H9"><cfRule type="dataBar" priority="3"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar></cfRule><cfRule type="cellIs" dxfId="0" priority="4" operator="equal"><formula>"Red"</formula></cfRule></conditionalFormatting>';
    const { grids } = await read({ styles, sheets: [{ name: "S", body }] });
    expect(grids[0].conditionalFills).toEqual([
      { top: 3, left: 0, bottom: 99, right: 25 },
      { top: 0, left: 9, bottom: 1048575, right: 10 },
      { top: 0, left: 12, bottom: 8, right: 12 },
      { top: 19, left: 0, bottom: 20, right: 16383 },
      { top: 0, left: 5, bottom: 8, right: 5 },
      { top: 0, left: 7, bottom: 8, right: 7 },
    ]);
  });

  test("Excel 2010's rules in the sheet's extLst (a formula naming another sheet) fill cells too: areas from <xm:sqref>, fill from the rule's own dxf", async () => {
    const X14 = 'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"';
    const XM = 'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"';
    const fill = (rgb: string) => `<x14:dxf><fill><patternFill><bgColor rgb="${rgb}"/></patternFill></fill></x14:dxf>`;
    const x14 = (rule: string, sqref: string) => `<x14:conditionalFormatting ${XM}>${rule}<xm:sqref>${sqref}</xm:sqref></x14:conditionalFormatting>`;
    const body =
      sheetData(row(1, '<c r="A1"><v>1</v></c>')) +
      // A 2007 data bar points at its 2010 extension: an extLst inside the rule, no fill of its own.
      '<conditionalFormatting sqref="H1:H9"><cfRule type="dataBar" priority="5"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
      `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" ${X14}><x14:id>{00000000-0000-0000-0000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${X14}><x14:conditionalFormattings>` +
      x14(`<x14:cfRule type="expression" priority="1" id="{00000000-0000-0000-0000-000000000002}"><xm:f>B1&lt;Targets!$B$2</xm:f>${fill("FFFFC7CE")}</x14:cfRule>`, "B1:B9 D1:D9") +
      // Pretty-printed, as the openpyxl tests quote Excel's containsText rule.
      x14(`\n  <x14:cfRule type="containsText" priority="2" operator="containsText" id="{00000000-0000-0000-0000-000000000003}">\n    <xm:f>NOT(ISERROR(SEARCH($AA$7,C1)))</xm:f><xm:f>$AA$7</xm:f>\n    ${fill("FF6699FF")}\n  </x14:cfRule>\n`, "\n  C1:C9\n") +
      // No fill: a font-only rule, a pattern of "none", a data bar, and a colour scale (numbers only).
      x14(`<x14:cfRule type="expression" priority="3" id="{00000000-0000-0000-0000-000000000004}"><xm:f>E1&lt;Targets!$B$2</xm:f><x14:dxf><font><b/></font></x14:dxf></x14:cfRule>`, "E1:E9") +
      x14(`<x14:cfRule type="expression" priority="4" id="{00000000-0000-0000-0000-000000000005}"><xm:f>F1&lt;0</xm:f><x14:dxf><fill><patternFill patternType="none"><bgColor auto="1"/></patternFill></fill></x14:dxf></x14:cfRule>`, "F1:F9") +
      x14(`<x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/></x14:dataBar></x14:cfRule>`, "H1:H9") +
      x14(`<x14:cfRule type="colorScale" priority="6" id="{00000000-0000-0000-0000-000000000006}"><x14:colorScale><x14:cfvo type="min"/><x14:cfvo type="max"/><x14:color rgb="FFF8696B"/><x14:color rgb="FF63BE7B"/></x14:colorScale>${fill("FFFF0000")}</x14:cfRule>`, "G1:G9") +
      "</x14:conditionalFormattings></ext></extLst>";
    const { grids } = await read({ sheets: [{ name: "S", body }] });
    expect(grids[0].conditionalFills).toEqual([
      { top: 0, left: 1, bottom: 8, right: 1 },
      { top: 0, left: 3, bottom: 8, right: 3 },
      { top: 0, left: 2, bottom: 8, right: 2 },
    ]);
  });

  test("a hidden or very hidden sheet's grid says so (its records are hidden ones; a very hidden one is no tracker)", async () => {
    const body = sheetData(row(1, '<c r="A1"><v>1</v></c>'));
    const { grids } = await read({ sheets: [{ name: "Shown", body }, { name: "Draft", state: "hidden", body }, { name: "Code", state: "veryHidden", body }] });
    expect(grids.map((g) => [g.name, g.visibility])).toEqual([
      ["Shown", undefined],
      ["Draft", "hidden"],
      ["Code", "veryHidden"],
    ]);
  });

  test.each(["relative", "absolute"] as const)("tables through %s relationship targets, with header and totals rows", async (targets) => {
    const target = targets === "absolute" ? "/xl/tables/table1.xml" : "../tables/table1.xml";
    const { grids, sheets } = await read({
      targets,
      sheets: [
        {
          name: "S",
          body: sheetData(row(1, '<c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Actual</t></is></c>'), row(2, '<c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>')) + '<tableParts count="1"><tablePart r:id="rId7"/></tableParts>',
          rels: [["rId7", "table", target]],
        },
      ],
      extra: { "xl/tables/table1.xml": tablePart(1, "Perf", "A1:B3", ["Ref", "Actual"], ' totalsRowCount="1"') },
    });
    expect(grids[0].tables).toEqual([{ name: "Perf", range: { top: 0, left: 0, bottom: 2, right: 1 }, totalsRows: 1 }]);
    expect(sheets[0].tables[0]).toMatchObject({ part: "xl/tables/table1.xml", headerRowCount: 1, totalsRowCount: 1, ref: "A1:B3" });
  });

  test("a protected sheet, and chart sheets listed with no grid", async () => {
    const { grids, sheets } = await read({
      sheets: [{ name: "Chart", chart: true }, { name: "S", body: sheetData(row(1, '<c r="A1"><v>1</v></c>')) + '<sheetProtection sheet="1" objects="1"/>' }],
    });
    expect(grids.map((g) => g.name)).toEqual(["S"]);
    expect(sheets.map((s) => [s.name, s.kind, s.protected])).toEqual([
      ["Chart", "chartsheet", false],
      ["S", "worksheet", true],
    ]);
  });

  test("a workbook of chart sheets only reads with no grids", async () => {
    expect((await read({ sheets: [{ name: "Chart1", chart: true }] })).grids).toEqual([]);
  });
});

describe("stray cells far from the data", () => {
  const data = Array.from({ length: 20 }, (_, i) => row(i + 1, `<c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c>`));

  test("XFD1 in the header row is left out, with a warning naming it", async () => {
    const { grids, problems } = await read({ sheets: [{ name: "S", body: sheetData(row(1, '<c r="A1"><v>0</v></c><c r="B1"><v>0</v></c><c r="XFD1" t="inlineStr"><is><t>stray</t></is></c>'), ...data.slice(1)) }] });
    expect(grids[0].values).toHaveLength(20);
    expect(grids[0].values[0]).toEqual([0, 0]);
    expect(problems).toEqual([{ sheet: "S", cell: "XFD1", severity: "warning", message: "1 cell far from the rest of the data (from XFD1) was not read: move it nearer the table if it is part of it" }]);
  });

  test("cells at both far edges do not make a million-row, 16,384-column grid", async () => {
    const started = Date.now();
    const { grids, problems } = await read({
      sheets: [{ name: "S", body: sheetData(row(1, '<c r="A1"><v>0</v></c><c r="B1"><v>0</v></c><c r="XFD1"><v>9</v></c>'), ...data.slice(1), row(1048576, '<c r="A1048576"><v>9</v></c><c r="XFD1048576"><v>9</v></c>')) }],
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(grids[0].values).toHaveLength(20);
    expect(grids[0].values[0]).toHaveLength(2);
    expect(problems).toEqual([{ sheet: "S", cell: "XFD1", severity: "warning", message: "3 cells far from the rest of the data (from XFD1) were not read: move them nearer the table if they are part of it" }]);
  });

  test("a cell a few columns beyond the data is kept", async () => {
    const { grids, problems } = await read({ sheets: [{ name: "S", body: sheetData(row(1, '<c r="A1"><v>0</v></c><c r="Z1"><v>1</v></c>'), ...data.slice(1)) }] });
    expect(grids[0].values[0]).toHaveLength(26);
    expect(problems).toEqual([]);
  });

  test("a whole-column validation and whole-column merges cost nothing", async () => {
    const started = Date.now();
    const { grids } = await read({
      sheets: [{ name: "S", body: sheetData(...data) + '<mergeCells count="1"><mergeCell ref="D1:D1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A:A C:XFD"><formula1>"a,b"</formula1></dataValidation></dataValidations>' }],
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(grids[0].values).toHaveLength(20);
  });
});

describe("safety", () => {
  test("a DOCTYPE in a worksheet is refused, naming the part", async () => {
    const book = await makeBook({ sheets: [{ name: "S" }] });
    const pkg = await ZipPackage.open(book);
    const parts: Record<string, string> = {};
    for (const e of pkg.entries) parts[e.name] = await pkg.readText(e.name);
    pkg.close();
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace("<worksheet", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet').replace("<sheetData/>", '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData>');
    await expect(readPackage(await zipParts(parts), "x.xlsx")).rejects.toThrow("x.xlsx is corrupt: sheet 'S' (xl/worksheets/sheet1.xml) declares a DOCTYPE (entity definitions are refused)");
  });

  test("a large shared-strings part is read for the strings the sheets use, with the same grids", async () => {
    const spec = { sharedStrings: ["unused", "Ref", "also unused", "Actual"], sheets: [{ name: "S", body: sheetData(row(1, '<c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>3</v></c>')) }] };
    const whole = await readPackage(await makeBook(spec), "t.xlsx");
    const selective = await readPackage(await makeBook(spec), "t.xlsx", { selectiveStringsBytes: 10 });
    whole.pkg.close();
    selective.pkg.close();
    expect(selective.grids).toEqual(whole.grids);
    expect(selective.grids[0].values).toEqual([["Ref", "Actual"]]);
  });

  test("shared strings can be read selectively, keeping only those wanted", async () => {
    const pkg = await ZipPackage.open(await makeBook({ sheets: [{ name: "S" }], sharedStrings: ["a", "b", "c"] }));
    try {
      const strings = await readSharedStrings(pkg, "xl/sharedStrings.xml", (i) => i === 1);
      expect(strings).toHaveLength(3);
      expect([strings[0], strings[1], strings[2]]).toEqual([undefined, "b", undefined]);
    } finally {
      pkg.close();
    }
  });
});

describe("ownership", () => {
  const tracker = sheetData(row(1, '<c r="A1" t="inlineStr"><is><t>Ref</t></is></c>'));
  const state = (a1: string): string => sheetData(row(1, `<c r="A1" t="inlineStr"><is><t>${a1.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`));

  test("our marked state sheet gives no grid; marked sheets, renamed ones too, are owned", async () => {
    const names = `<definedName name="${OWNER_MARK}" localSheetId="1" hidden="1">${markFormula("Summary").replace(/"/g, "&quot;")}</definedName><definedName name="${OWNER_MARK}" localSheetId="2" hidden="1">"Summary"</definedName><definedName name="${OWNER_MARK}" localSheetId="3" hidden="1">"${STATE_SHEET}"</definedName>`;
    const result = await read({
      sheets: [
        { name: "Data", body: tracker },
        { name: "Summary", body: tracker },
        { name: "Kept summary", body: tracker },
        { name: STATE_SHEET, state: "veryHidden", body: state(stateRecordText([{ sheet: "Summary", plan: "Summary" }])) },
      ],
      definedNames: names,
    });
    expect(result.grids.map((g) => g.name)).toEqual(["Data", "Summary", "Kept summary"]);
    expect(result.ownedSheets).toEqual(["Summary", "Kept summary"]);
    expect(result.ownership.owned).toEqual([{ sheet: "Summary", plan: "Summary" }]);
    expect(result.sheets.map((s) => s.ours)).toEqual([false, true, true, true]);
  });

  test("for a build (skipOwnSummaries) our summaries are not read, as it replaces them whole; our rules and history are, renamed too", async () => {
    const mark = (i: number, plan: string) => `<definedName name="${OWNER_MARK}" localSheetId="${i}" hidden="1">${markFormula(plan).replace(/"/g, "&quot;")}</definedName>`;
    const book = await makeBook({
      sheets: [
        { name: "Data", body: tracker },
        { name: "My rules", body: tracker },
        { name: "Old statuses", body: tracker },
        { name: "Summary", body: tracker },
        { name: "Kept summary", body: tracker },
      ],
      definedNames: mark(1, RULES_SHEET) + mark(2, HISTORY_SHEET) + mark(3, "Summary") + mark(4, "Summary"),
    });
    const grids = async (skipOwnSummaries: boolean) => {
      const result = await readPackage(book, "test.xlsx", { skipOwnSummaries });
      result.pkg.close();
      return { grids: result.grids.map((g) => g.name), owned: result.ownedSheets };
    };
    const owned = ["My rules", "Old statuses", "Summary", "Kept summary"];
    expect({ build: await grids(true), shown: await grids(false) }).toEqual({
      build: { grids: ["Data", "My rules", "Old statuses"], owned },
      shown: { grids: ["Data", "My rules", "Old statuses", "Summary", "Kept summary"], owned },
    });
  });

  test("a user's visible sheet named RagScorecardState is read like any other, and owns nothing", async () => {
    const result = await read({
      sheets: [
        { name: "Summary", body: tracker },
        { name: STATE_SHEET, body: state(stateRecordText([{ sheet: "Summary", plan: "Summary" }])) },
      ],
    });
    expect(result.grids.map((g) => g.name)).toEqual(["Summary", STATE_SHEET]);
    expect(result.ownedSheets).toEqual([]);
    expect(result.ownership.owned).toEqual([]);
    expect(result.ownership.stateSheetName).toBe(`${STATE_SHEET} (2)`);
  });
});
