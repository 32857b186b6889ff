// Parts ExcelJS cannot read (charts, pivot tables, macros…) cannot reach the built copy: the user is
// told which, rather than finding them gone.
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import JSZip from "jszip";
import { readXlsx } from "../../src/xlsx";
import { partsNotKept, zipEntryNames } from "../../src/xlsx/sniff";
import { main } from "../../src/cli/main";

const sample = join(__dirname, "..", "..", "samples", "derby-csp.xlsx");

async function withExtraParts(names: string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(sample));
  for (const name of names) zip.file(name, "<x/>");
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

test("the zip's entry names are read from its central directory", async () => {
  const names = zipEntryNames(readFileSync(sample));
  expect(names).toContain("xl/workbook.xml");
  expect(names).toContain("[Content_Types].xml");
});

test("a plain tracker loses nothing", async () => {
  expect((await readXlsx(sample)).notKept).toEqual([]);
});

test("charts, pivot tables and macros are counted, not their styles or relationships", async () => {
  const bytes = await withExtraParts([
    "xl/charts/chart1.xml",
    "xl/charts/chart2.xml",
    "xl/charts/style1.xml",
    "xl/charts/_rels/chart1.xml.rels",
    "xl/pivotTables/pivotTable1.xml",
    "xl/vbaProject.bin",
  ]);
  expect(partsNotKept(bytes)).toEqual(["charts (2)", "pivot tables (1)", "macros (1)"]);
});

test("the CLI says so and still builds", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rag-notkept-"));
  const input = join(dir, "with-chart.xlsx");
  writeFileSync(input, await withExtraParts(["xl/charts/chart1.xml"]));
  const errors: string[] = [];
  jest.spyOn(console, "error").mockImplementation((m: string) => void errors.push(m));
  jest.spyOn(console, "log").mockImplementation(() => undefined);
  const code = await main(["build", input, "-o", join(dir, "out.xlsx")]);
  jest.restoreAllMocks();
  expect(code).toBe(0);
  expect(errors).toEqual([expect.stringMatching(/has charts \(1\), which the built copy does not keep \(the input file is unchanged\)/)]);
});
