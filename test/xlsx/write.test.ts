// writeXlsx never writes over the file it read, however the path is spelt.
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import ExcelJS from "exceljs";
import { InputError, readXlsx, writeXlsx } from "../../src/xlsx";

const dir = mkdtempSync(join(tmpdir(), "rag-write-"));
const input = join(dir, "input.xlsx");
const link = join(dir, "link.xlsx");

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Tracker").getCell("A1").value = "Ref.";
  await wb.xlsx.writeFile(input);
  symlinkSync(input, link);
});

describe("writeXlsx refuses to overwrite the input", () => {
  const spellings = [
    { rule: "same path", path: () => input },
    { rule: "relative path", path: () => relative(process.cwd(), input) },
    { rule: "path with ./ and ..", path: () => join(dir, ".", "..", dir.split(/[\\/]/).pop() ?? "", "input.xlsx") },
    { rule: "symbolic link to the input", path: () => link },
  ];
  test.each(spellings)("$rule", async ({ path }) => {
    const before = readFileSync(input);
    const { workbook } = await readXlsx(input);
    await expect(writeXlsx(workbook, path())).rejects.toThrow(InputError);
    await expect(writeXlsx(workbook, path())).rejects.toThrow("refusing to overwrite the input");
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("an explicit inputPath is refused too (workbook read from bytes)", async () => {
    const { workbook } = await readXlsx(readFileSync(input), { name: "input.xlsx" });
    await expect(writeXlsx(workbook, input, { inputPath: input })).rejects.toThrow("refusing to overwrite the input");
  });

  test("another path is written, with no temporary file left behind", async () => {
    const { workbook } = await readXlsx(input);
    const out = join(dir, "out.xlsx");
    await writeXlsx(workbook, out);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const again = await readXlsx(out);
    expect(again.grids[0].values).toEqual([["Ref."]]);
  });
});
