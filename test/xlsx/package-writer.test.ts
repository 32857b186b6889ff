// writeXlsx streams the package itself; every part must be what ExcelJS's own writer makes, and the
// file must read back through ExcelJS as the workbook that was saved.
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readXlsx, writeXlsx } from "../../src/xlsx";

const dir = mkdtempSync(join(tmpdir(), "rag-package-"));
const WHEN = new Date(Date.UTC(2021, 5, 30));
// A 1×1 PNG.
const due = (row: number): Date => new Date(Date.UTC(2021, row % 12, 1 + (row % 27)));
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A workbook with a bit of everything ExcelJS keeps: values of every type, styles, merges, notes, links, validation, tables, images. */
async function richWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Performance team";
  wb.created = WHEN;
  wb.modified = WHEN;
  const ws = wb.addWorksheet("Indicators", { properties: { tabColor: { argb: "FF1D70B8" } }, views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = [{ width: 12 }, { width: 48 }, { width: 14 }, { width: 14 }, { width: 12 }];
  ws.getCell("A1").value = "Quarterly Corporate Performance Management Report";
  ws.getCell("A1").font = { name: "Arial", size: 14, bold: true };
  ws.mergeCells("A1:E1");
  ws.getRow(1).height = 30;
  ws.getRow(2).values = ["Ref.", "Definition", "Q3 YTD Target", "Q3 YTD Actual", "Due"];
  ws.getRow(2).font = { bold: true };
  for (let r = 3; r < 60; r++) {
    ws.getCell(`A${r}`).value = `SSC ${r}`;
    ws.getCell(`B${r}`).value = r % 7 === 0 ? { richText: [{ text: "Overall crimes " }, { font: { bold: true }, text: "“recorded” – 🟢" }] } : `Measure ${r % 5} & <more>`;
    ws.getCell(`C${r}`).value = r * 10.5;
    ws.getCell(`D${r}`).value = r % 11 === 0 ? { error: "#N/A" } : r * 9.75;
    ws.getCell(`D${r}`).numFmt = "0.0%";
    ws.getCell(`E${r}`).value = due(r);
    ws.getCell(`E${r}`).numFmt = "dd/mm/yyyy";
    ws.getCell(`F${r}`).value = r % 2 === 0;
  }
  ws.getCell("G3").value = { formula: "C3+D3", result: 42 } as ExcelJS.CellValue;
  for (let r = 4; r < 10; r++) ws.getCell(`G${r}`).value = { sharedFormula: "G3", result: r } as ExcelJS.CellValue;
  ws.getCell("B4").value = { text: "Initial assessments", hyperlink: "https://example.org/ni059" };
  ws.getCell("B5").note = "Checked by finance";
  ws.mergeCells("A20:B22");
  ws.getRow(30).hidden = true;
  ws.getCell("F3").dataValidation = { type: "list", allowBlank: true, formulae: ['"TRUE,FALSE"'] };
  ws.addConditionalFormatting({
    ref: "D3:D59",
    rules: [{ type: "cellIs", operator: "greaterThan", priority: 1, formulae: ["500"], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } } }],
  });
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" };
  ws.headerFooter = { oddFooter: "&RPage &P of &N" };
  wb.definedNames.add("Indicators!$C$3:$C$59", "Targets");

  const tasks = wb.addWorksheet("Key Tasks");
  tasks.addTable({
    name: "KeyTasks",
    ref: "B2",
    headerRow: true,
    columns: [{ name: "Status" }, { name: "Action Title" }, { name: "Progress" }],
    rows: [
      ["Completed", "Produce Food Service Action Plan 2021", 1],
      ["In Progress", "Produce an updated Neighbourhood Action Plan", 0.1],
    ],
  });
  tasks.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" }), "F2:G4");
  wb.addWorksheet("Empty");
  wb.addWorksheet("Settings", { state: "veryHidden" }).getCell("A1").value = '{"version":1}';

  const path = join(dir, "rich.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

async function parts(bytes: Buffer | ArrayBuffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.files[name];
    if (!file.dir) out.set(name, name.endsWith(".png") ? await file.async("base64") : await file.async("string"));
  }
  return out;
}

describe("writeXlsx on a workbook that was read", () => {
  let ours: Map<string, string>;
  let exceljs: Map<string, string>;
  let out: string;

  beforeAll(async () => {
    const { workbook } = await readXlsx(await richWorkbook());
    out = join(dir, "ours.xlsx");
    await writeXlsx(workbook, out);
    ours = await parts(readFileSync(out));
    exceljs = await parts(Buffer.from(await workbook.xlsx.writeBuffer()));
  });

  test("writes the parts ExcelJS writes, each with the same XML", () => {
    expect([...ours.keys()]).toEqual([...exceljs.keys()]);
    for (const [name, xml] of exceljs) expect({ name, xml: ours.get(name) }).toEqual({ name, xml });
    // The fixture reaches the parts worth checking.
    for (const name of ["xl/sharedStrings.xml", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/tables/table1.xml", "xl/media/image1.png", "xl/worksheets/_rels/sheet1.xml.rels"]) {
      expect(ours.has(name)).toBe(true);
    }
  });

  test("reads back through ExcelJS as the workbook that was saved", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Indicators", "visible"],
      ["Key Tasks", "visible"],
      ["Empty", "visible"],
      ["Settings", "veryHidden"],
    ]);
    const ws = wb.getWorksheet("Indicators")!;
    expect(ws.getCell("A3").value).toBe("SSC 3");
    expect(ws.getCell("C10").value).toBe(10 * 10.5);
    expect(ws.getCell("E3").value).toEqual(due(3));
    expect(ws.getCell("F4").value).toBe(true);
    expect(ws.getCell("D11").value).toEqual({ error: "#N/A" });
    expect(ws.getCell("G3").value).toMatchObject({ formula: "C3+D3", result: 42 });
    expect(ws.getCell("B4").value).toEqual({ text: "Initial assessments", hyperlink: "https://example.org/ni059" });
    expect(ws.getCell("B5").note).toBe("Checked by finance");
    expect(ws.getCell("A1").font).toMatchObject({ name: "Arial", bold: true });
    expect(ws.getCell("D3").numFmt).toBe("0.0%");
    expect(ws.model.merges.sort()).toEqual(["A1:E1", "A20:B22"]);
    expect(ws.getRow(30).hidden).toBe(true);
    expect(ws.getColumn(2).width).toBe(48);
    expect(ws.getCell("F3").dataValidation).toMatchObject({ type: "list" });
    expect(wb.definedNames.getRanges("Targets").ranges).toEqual(["Indicators!$C$3:$C$59"]);
    expect(wb.getWorksheet("Key Tasks")!.getTable("KeyTasks")).toBeDefined();
    expect(wb.getWorksheet("Key Tasks")!.getImages()).toHaveLength(1);
  });

  test("no temporary file is left beside the output", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

test("a shared formula made in code is refused rather than saved broken", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sums");
  ws.getCell("A1").value = { formula: "1+1", result: 2 } as ExcelJS.CellValue;
  ws.getCell("A2").value = { sharedFormula: "A1", result: 2 } as ExcelJS.CellValue;
  await expect(writeXlsx(wb, join(dir, "shared.xlsx"))).rejects.toThrow("shared formula made in code");
  expect(readdirSync(dir).filter((f) => f.startsWith("shared") || f.endsWith(".tmp"))).toEqual([]);
});
