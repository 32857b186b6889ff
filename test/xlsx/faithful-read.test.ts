// What ExcelJS's reader changes or drops and readXlsx keeps (faithful-load.ts, defined-names.ts):
// dates stored as ISO text, notes on empty cells, and the file's defined names as written, through
// writeXlsx and through a CLI build and rebuild.
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { readXlsx, writeXlsx } from "../../src/xlsx";
import { isoCellDate } from "../../src/xlsx/faithful-load";

const dir = mkdtempSync(join(tmpdir(), "rag-faithful-"));
const root = join(__dirname, "..", "..");
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook saved by ExcelJS, then with some of its parts edited as another tool would have saved them. */
async function edited(name: string, wb: ExcelJS.Workbook, edits: Record<string, (xml: string) => string>): Promise<string> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  for (const [part, edit] of Object.entries(edits)) zip.file(part, edit((await zip.file(part)?.async("string")) ?? ""));
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return path;
}

async function roundTrip(input: string, name: string, change?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const { workbook } = await readXlsx(input);
  change?.(workbook);
  const out = join(dir, `${name}.out.xlsx`);
  await writeXlsx(workbook, out);
  return out;
}

async function part(path: string, name: string): Promise<string> {
  return (await (await JSZip.loadAsync(readFileSync(path))).file(name)!.async("string"));
}

/** The saved defined names, with &apos; as the apostrophe it stands for (ExcelJS writes the one, files the other). */
async function definedNames(path: string): Promise<string[]> {
  return [...(await part(path, "xl/workbook.xml")).matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0].replace(/&apos;/g, "'"));
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

// ---------------------------------------------------------------------------------------------

describe("dates stored as ISO text (t=\"d\")", () => {
  const utc = (...a: [number, number, number, number?, number?, number?]) => new Date(Date.UTC(...a));

  test("ISO dates, date-times and times read as the wall clock written; other text is not a date", () => {
    expect(isoCellDate("2010-12-31", false)).toEqual(utc(2010, 11, 31));
    expect(isoCellDate("2010-12-31T00:00:00Z", false)).toEqual(utc(2010, 11, 31));
    expect(isoCellDate(" 2011-03-31T14:30:15.5 ", false)).toEqual(new Date(Date.UTC(2011, 2, 31, 14, 30, 15, 500)));
    expect(isoCellDate("2010-12-31T23:30:00-05:00", false)).toEqual(utc(2010, 11, 31, 23, 30)); // a cell has no zone
    expect(isoCellDate("14:30", false)).toEqual(utc(1899, 11, 30, 14, 30));
    expect(isoCellDate("14:30", true)).toEqual(utc(1904, 0, 1, 14, 30));
    for (const text of ["2010-02-30", "2010-13-01", "24:00:00", "1899-12-31", "31/12/2010", "2010", "Q3 2010/11", ""]) {
      expect({ text, date: isoCellDate(text, false) }).toEqual({ text, date: undefined });
    }
    expect(isoCellDate("1903-06-01", true)).toBeUndefined(); // before the 1904 system's first day
  });

  test.each([false, true])("become real dates for the engine and in the saved file (1904 dates: %s)", async (date1904) => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet("Tracker");
    for (let r = 1; r <= 7; r++) ws.getCell(r, 1).value = r;
    ws.getCell("A1").numFmt = "d mmm yyyy";
    ws.getCell("A5").value = { formula: "A1+1", result: 5 } as ExcelJS.CellValue;
    const isoCells: Record<string, string> = {
      A1: "2010-12-31T00:00:00Z", // formatted as a date
      A2: "2011-03-31", // no format
      A3: "2011-03-31T14:30:00",
      A4: "14:30:00",
      A5: "2011-01-01T00:00:00Z", // a formula's result
      A6: "to follow", // not a date: kept as the text it is
      A7: "2010-02-30",
    };
    const input = await edited(`iso-${date1904}`, wb, {
      "xl/worksheets/sheet1.xml": (xml) =>
        xml.replace(/<c r="(A\d)"( s="\d+")?>(<f>[^<]*<\/f>)?<v>\d+<\/v><\/c>/g, (_m, at: string, s = "", f = "") => `<c r="${at}"${s} t="d">${f}<v>${isoCells[at]}</v></c>`),
    });
    expect((await part(input, "xl/worksheets/sheet1.xml")).match(/t="d"/g)).toHaveLength(7);

    const expected = [utc(2010, 11, 31), utc(2011, 2, 31), utc(2011, 2, 31, 14, 30), date1904 ? utc(1904, 0, 1, 14, 30) : utc(1899, 11, 30, 14, 30), utc(2011, 0, 1), "to follow", "2010-02-30"];
    const read = await readXlsx(input);
    expect(read.grids[0].values.map((row) => row[0])).toEqual(expected);

    const back = (await load(await roundTrip(input, `iso-${date1904}`))).getWorksheet("Tracker")!;
    expect([1, 2, 3, 4, 6, 7].map((r) => back.getCell(r, 1).value)).toEqual(expected.filter((_v, i) => i !== 4));
    expect(back.getCell("A5").result).toEqual(utc(2011, 0, 1));
    // Saved as numbers: with the cell's own format, or a date format where it had none.
    expect(back.getCell("A1").numFmt).toBe("d mmm yyyy");
    expect(back.getCell("A2").numFmt).toBe("mm-dd-yy");
  });
});

// ---------------------------------------------------------------------------------------------

describe("notes on empty cells", () => {
  test("a note on a cell the sheet data does not list, and on a cell written with no address, are kept", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tracker");
    ws.getCell("A1").value = "Ref.";
    ws.getCell("B1").value = 5;
    ws.getCell("B1").note = "Provisional figure";
    ws.getCell("C9").note = "Figures due from the police in April";
    ws.getCell("D12").value = "after";
    const input = await edited("notes", wb, {
      // As Excel saves them: no <c> for an empty cell with a note, and (as some tools do) cells with no r.
      "xl/worksheets/sheet1.xml": (xml) => xml.replace(/<row r="9"[^>]*\/>/, "").replace(/<c r="B1"/, "<c"),
    });
    const sheetXml = await part(input, "xl/worksheets/sheet1.xml");
    expect(sheetXml).not.toContain('r="9"');
    expect(sheetXml).not.toContain('r="B1"');

    const read = (await readXlsx(input)).workbook.getWorksheet("Tracker")!;
    expect([read.getCell("B1").value, read.getCell("B1").note, read.getCell("C9").value, read.getCell("C9").note]).toEqual([5, "Provisional figure", null, "Figures due from the police in April"]);
    const comments = await part(await roundTrip(input, "notes"), "xl/comments1.xml");
    expect([...comments.matchAll(/<comment ref="(\w+)"/g)].map((m) => m[1])).toEqual(["B1", "C9"]);
  });
});

// ---------------------------------------------------------------------------------------------

test("values under a merged area are saved where they were, and the engine sees only the top-left one", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tracker");
  ws.getRow(1).values = ["Q3 2010/11", "Q3 2010/11", 5, new Date(Date.UTC(2010, 11, 31))];
  ws.getCell("D1").numFmt = "d mmm yyyy";
  ws.getCell("B1").font = { bold: true };
  ws.getCell("A3").value = "Ref.";
  ws.getCell("A4").value = { richText: [{ text: "under", font: { italic: true } }, { text: " the merge" }] };
  ws.getCell("A4").note = "kept once";
  ws.getCell("B4").value = true;
  // As some tools save a merged header: every cell of the area filled. ExcelJS itself cannot save that.
  const input = await edited("merged-values", wb, {
    "xl/worksheets/sheet1.xml": (xml) => xml.replace("</sheetData>", '</sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A3:B4"/></mergeCells>'),
  });
  const read = await readXlsx(input);
  expect(read.grids[0].values).toEqual([["Q3 2010/11"], [null], ["Ref."]]);

  const out = await roundTrip(input, "merged-values");
  // The cells with a value (the covered cells of A3:B4 with none are written empty, as ExcelJS writes merges), styles aside.
  const cells = (xml: string) => [...xml.matchAll(/<c r="\w+"[^>/]*>.*?<\/c>/g)].map((m) => m[0].replace(/ s="\d+"/, ""));
  expect(cells(await part(out, "xl/worksheets/sheet1.xml"))).toEqual(cells(await part(input, "xl/worksheets/sheet1.xml")));
  const back = (await load(out)).getWorksheet("Tracker")!;
  expect([back.getCell("B1").isMerged, back.getCell("B1").master.address, back.getCell("B4").master.address]).toEqual([true, "A1", "A3"]);
  expect((await part(out, "xl/comments1.xml")).match(/<comment /g)).toHaveLength(1);
  // Styles as they were: the bold covered cell, the dated one.
  const styled = (await readXlsx(out)).workbook.getWorksheet("Tracker")!;
  expect([styled.getCell("B1").font?.bold, styled.getCell("D1").numFmt]).toEqual([true, "d mmm yyyy"]);
  // And again from the saved file: the same sheet.
  expect(await part(await roundTrip(out, "merged-values-again"), "xl/worksheets/sheet1.xml")).toBe(await part(out, "xl/worksheets/sheet1.xml"));
});

// ---------------------------------------------------------------------------------------------

describe("defined names", () => {
  /** Sheets North and South, with a chart sheet (which ExcelJS does not read) listed before them. */
  async function withChartSheet(names: string[]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    for (const name of ["North", "South"]) wb.addWorksheet(name).getCell("A1").value = name;
    return edited("chart-sheet", wb, {
      "xl/workbook.xml": (xml) =>
        xml
          .replace(/<definedNames>.*<\/definedNames>/, "")
          .replace("<sheets>", '<sheets><sheet name="Chart" sheetId="9" r:id="rId99"/>')
          .replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`),
      "xl/_rels/workbook.xml.rels": (xml) => xml.replace("</Relationships>", `<Relationship Id="rId99" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
      "xl/chartsheets/sheet1.xml": () => '<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      "[Content_Types].xml": (xml) =>
        xml.replace("</Types>", '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>'),
    });
  }

  test("sheet-level names follow their sheet to its place in the saved order; a chart sheet's go with it", async () => {
    const input = await withChartSheet([
      '<definedName name="Period" localSheetId="1">North!$A$1</definedName>',
      '<definedName name="Period" localSheetId="2">South!$A$1</definedName>',
      '<definedName name="_xlnm.Print_Area" localSheetId="1">North!$A$1:$C$20</definedName>',
      '<definedName name="ChartTitle" localSheetId="0">"Crime"</definedName>',
      "<definedName name='Quarter' comment='say \"Q3\"'>&quot;Q3&quot;</definedName>",
    ]);
    // ExcelJS itself puts the print area on the second sheet it read (South), counting without the chart sheet.
    expect(await definedNames(await roundTrip(input, "chart-sheet"))).toEqual([
      '<definedName name="Period" localSheetId="0">North!$A$1</definedName>',
      '<definedName name="Period" localSheetId="1">South!$A$1</definedName>',
      '<definedName name="_xlnm.Print_Area" localSheetId="0">North!$A$1:$C$20</definedName>',
      '<definedName name="Quarter" comment="say &quot;Q3&quot;">&quot;Q3&quot;</definedName>',
    ]);
  });

  test("print settings changed after reading are saved as ExcelJS writes them, once; names added in code are kept", async () => {
    const wb = new ExcelJS.Workbook();
    const names = ["Children's Services", "Adults"];
    for (const name of names) wb.addWorksheet(name).getCell("A5").value = name;
    wb.getWorksheet(names[0])!.pageSetup.printTitlesRow = "1:3";
    wb.getWorksheet(names[1])!.pageSetup.printTitlesRow = "1:2";
    const input = await edited("print-change", wb, {});
    // ExcelJS saved the print titles with a single apostrophe, which Excel cannot read: doubled when kept.
    expect(await definedNames(input)).toEqual([
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Children's Services'!$1:$3</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Adults'!$1:$2</definedName>`,
    ]);
    const out = await roundTrip(input, "print-change", (book) => {
      book.getWorksheet("Adults")!.pageSetup.printTitlesRow = "1:4";
      book.definedNames.add("'Adults'!$A$5", "Total");
    });
    expect(await definedNames(out)).toEqual([
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Children''s Services'!$1:$3</definedName>`,
      '<definedName name="Total">Adults!$A$5</definedName>',
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Adults'!$1:$4</definedName>`,
    ]);
  });

  test("a CLI build and a rebuild keep sheet-scoped names, a whole-column list name and a constant exactly", async () => {
    const sample = { file: "dudley-community-safety.xlsx", args: ["--preset", "dudley", "--period", "Q3 2010/11", "--report-date", "2010-12-31"] };
    const fileNames = [
      `<definedName name="Period" localSheetId="0">'Community Safety'!$B$2</definedName>`,
      `<definedName name="Period" localSheetId="1">'Children''s Services'!$B$2</definedName>`,
      `<definedName name="StatusList">'Community Safety'!$Z:$Z</definedName>`,
      '<definedName name="Threshold">0.05</definedName>',
      '<definedName name="Quarter">&quot;Q3&quot;</definedName>',
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Children''s Services'!$1:$2</definedName>`,
      `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Community Safety'!$A$3:$H$40</definedName>`,
    ];
    const zip = await JSZip.loadAsync(readFileSync(join(root, "samples", sample.file)));
    const workbookXml = (await zip.file("xl/workbook.xml")!.async("string")).replace("</sheets>", `</sheets><definedNames>${fileNames.join("")}</definedNames>`);
    zip.file("xl/workbook.xml", workbookXml);
    const input = join(dir, "named-tracker.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    const summaryTitles = `<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Summary&apos;!$1:$3</definedName>`;
    const build = async (from: string, to: string) => {
      const mute = [jest.spyOn(console, "log").mockImplementation(() => undefined), jest.spyOn(console, "error").mockImplementation(() => undefined)];
      const code = await main(["build", from, "-o", to, ...sample.args]);
      mute.forEach((m) => m.mockRestore());
      expect(code).toBe(0);
      const xml = await part(to, "xl/workbook.xml");
      expect([...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]).slice(0, 3)).toEqual(["Community Safety", "Children&apos;s Services", "Summary"]);
      return [...xml.matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    };
    const first = join(dir, "named-tracker.out.xlsx");
    // The file's names as they were, then the print titles ExcelJS makes for the new summary sheet.
    expect(await build(input, first)).toEqual([...fileNames, summaryTitles]);
    // The rebuild replaces the summary: its old print titles go with it, the new ones are there once.
    expect(await build(first, join(dir, "named-tracker.rebuilt.xlsx"))).toEqual([...fileNames, summaryTitles]);
  });
});
