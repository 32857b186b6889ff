// Regression oracle: the grids the ExcelJS reader gave (exceljs-grids.json, recorded from commit 529d28b,
// the last with both readers, by reading every sample and fixture ExcelJS could read) against the
// package reader's. A fixture changed since (its SHA-256 differs) cannot be compared and is listed;
// the samples, which the engine's expected results rest on, must always be compared.
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { readPackage } from "../../src/xlsx/read-package";
import type { CellValue, SheetGrid } from "../../src/engine/vocab/types";

const ROOT = join(__dirname, "..", "..");

type Recorded = Omit<SheetGrid, "values"> & { values: (CellValue | { date: string })[][] };
const recorded = JSON.parse(readFileSync(join(__dirname, "exceljs-grids.json"), "utf8")) as Record<string, { sha256: string; grids: Recorded[] }>;

/** Grids as plain data: dates as {date}, merges in a stable order (ExcelJS keyed them by their top-left cell). */
function plain(grids: (SheetGrid | Recorded)[]): unknown {
  return grids.map((g) => ({
    ...g,
    merges: [...(g.merges ?? [])].sort((a, b) => a.top - b.top || a.left - b.left),
    values: g.values.map((row) => row.map((v) => (v instanceof Date ? { date: v.toISOString() } : v))),
  }));
}

/**
 * The new grids as the ExcelJS reader would have them, where it is knowingly wrong and the package
 * reader is not: ExcelJS drops a formula's cached result when it is 0, FALSE or "" (so the cell reads
 * empty), and removes the backslash escapes from number formats ("\\$0.00" becomes "$0.00"); it did not say
 * which of a table's rows is its totals row (totalsRows). Only values
 * the old reader has as empty are touched, so a value the new reader loses still fails the test.
 */
function asExcelJsReads(grids: SheetGrid[], old: Recorded[]): SheetGrid[] {
  return grids.map((g, i) => {
    const before = old[i];
    const values = g.values.map((row, r) => row.map((v, c) => ((v === 0 || v === false || v === "") && (before?.values[r]?.[c] ?? null) === null ? null : v)));
    let lastRow = -1;
    let lastCol = -1;
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === "") return;
        lastRow = r;
        lastCol = Math.max(lastCol, c);
      }),
    );
    const trim = <T,>(rows: T[][]): T[][] => rows.slice(0, lastRow + 1).map((row) => row.slice(0, lastCol + 1));
    const formats = (g.numberFormats ?? []).map((row) => row.map((f) => f.replace(/[\\](.)/g, "$1")));
    const tables = g.tables?.map((t) => ({ name: t.name, range: t.range }));
    // Where drawings sit, what prints, which conditional formats fill cells and whether the sheet is hidden
    // are ours alone to read (ExcelJS's grids have none of them).
    const { drawings: _drawings, printArea: _printArea, conditionalFills: _fills, visibility: _visibility, ...grid } = g;
    return { ...grid, values: trim(values), numberFormats: trim(formats), hiddenRows: (g.hiddenRows ?? []).filter((r) => r <= lastRow), ...(tables ? { tables } : {}) };
  });
}

const sha256 = (file: string): string => createHash("sha256").update(readFileSync(join(ROOT, file))).digest("hex");
const files = Object.keys(recorded);

test("the recording covers the samples", () => {
  expect(files.filter((f) => f.startsWith("samples/"))).toHaveLength(4);
});

describe.each(files)("%s", (file) => {
  test("reads the grids the ExcelJS reader read", async () => {
    const { sha256: was, grids: old } = recorded[file];
    if (sha256(file) !== was) {
      expect(file.startsWith("samples/")).toBe(false); // a changed fixture is re-recorded, not compared
      return;
    }
    const read = await readPackage(join(ROOT, file), file);
    try {
      expect(plain(asExcelJsReads(read.grids, old))).toEqual(plain(old));
    } finally {
      read.pkg.close();
    }
  });
});
