// Regression oracle while the ExcelJS reader still exists: on every sample and fixture ExcelJS can read,
// the package reader gives the same grids (values, number formats, merges, hidden rows, tables).
import { existsSync, readdirSync } from "fs";
import { join } from "path";
import { readXlsx } from "../../src/xlsx/read";
import { readPackage } from "../../src/xlsx/read-package";
import type { SheetGrid } from "../../src/engine/types";

const ROOT = join(__dirname, "..", "..");
const FOLDERS = ["samples", "test/fixtures/excel-saved", "test/fixtures/made"];
/** Files that crash, exhaust or hang the ExcelJS reader (issue 11): no oracle for them. */
const EXCELJS_CANNOT = /^stray-|validation-whole-columns/;

function files(): string[] {
  return FOLDERS.flatMap((folder) => {
    const dir = join(ROOT, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => /\.xls[xm]$/.test(f) && !EXCELJS_CANNOT.test(f))
      .map((f) => `${folder}/${f}`);
  });
}

/** Grids as plain data, merges in a stable order (ExcelJS keys them by their top-left cell). */
function plain(grids: SheetGrid[]): unknown {
  return grids.map((g) => ({
    ...g,
    merges: [...(g.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left),
    values: g.values.map((row) => row.map((v) => (v instanceof Date ? `date:${v.toISOString()}` : v))),
  }));
}

/**
 * The new grids as the ExcelJS reader would have them, where it is knowingly wrong and the package
 * reader is not: ExcelJS drops a formula's cached result when it is 0, FALSE or "" (so the cell reads
 * empty), and removes the backslash escapes from number formats ("\$0.00" becomes "$0.00"). Only values
 * the old reader has as empty are touched, so a value the new reader loses still fails the test.
 */
function asExcelJsReads(grids: SheetGrid[], old: SheetGrid[]): SheetGrid[] {
  return grids.map((g, i) => {
    const before = old[i];
    const values = g.values.map((row, r) => row.map((v, c) => ((v === 0 || v === false || v === "") && (before?.values[r]?.[c] ?? null) === null ? null : v)));
    let lastRow = -1;
    let lastCol = -1;
    values.forEach((row, r) => row.forEach((v, c) => {
      if (v === null || v === "") return;
      lastRow = r;
      lastCol = Math.max(lastCol, c);
    }));
    const trim = <T,>(rows: T[][]): T[][] => rows.slice(0, lastRow + 1).map((row) => row.slice(0, lastCol + 1));
    const formats = (g.numberFormats ?? []).map((row) => row.map((f) => f.replace(/[\\](.)/g, "$1")));
    return { ...g, values: trim(values), numberFormats: trim(formats), hiddenRows: (g.hiddenRows ?? []).filter((r) => r <= lastRow) };
  });
}

describe.each(files())("%s", (file) => {
  test("reads the same grids as the ExcelJS reader", async () => {
    let old: SheetGrid[];
    try {
      old = (await readXlsx(join(ROOT, file))).grids;
    } catch {
      return; // ExcelJS cannot read it: nothing to compare with (package-read.test.ts covers such files)
    }
    const read = await readPackage(join(ROOT, file), file);
    try {
      expect(plain(asExcelJsReads(read.grids, old))).toEqual(plain(old));
    } finally {
      read.pkg.close();
    }
  });
});
