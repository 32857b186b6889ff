// Values under a merged area. Excel shows only the top-left cell's, but keeps the others in the file
// (they come back when the area is unmerged), and some tools fill every cell of a merged header.
// ExcelJS's reader makes each covered cell a pointer to the top-left one, dropping its value. This
// keeps those values at read time and hands them to package-writer.ts, which writes each in place of
// the empty covered cell ExcelJS would write, as ExcelJS writes that kind of value. Formulas and links
// under a merge are not kept: they carry state of their own (shared formulas, relationships).
import type { Workbook, Worksheet } from "exceljs";
import { ValueType, type CellModel, type ParsedCell, type ParsedRow, type ParsedSheet, type PrepareOptions, type RowModel, type Xform } from "./exceljs-internals";
import { decodeRange } from "./grid";

/** Plain values, which a cell model carries whole. */
const KEPT = new Set<number>([ValueType.Number, ValueType.String, ValueType.Date, ValueType.RichText, ValueType.Boolean, ValueType.Error]);

const hiddenValues = new WeakMap<Worksheet, Map<string, ParsedCell>>();

/** The one-based column of an address ("C9": 3). */
export function columnOf(address: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(address)?.[0].toUpperCase() ?? "") n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** After reconcile, before ExcelJS merges the cells: the covered cells' values, by address. */
export function findMergedValues(sheet: ParsedSheet): Map<string, ParsedCell> | undefined {
  if (!sheet.mergeCells?.length || !sheet.rows) return undefined;
  const rows = new Map(sheet.rows.filter((r): r is ParsedRow => Boolean(r)).map((r) => [r.number, r]));
  const found = new Map<string, ParsedCell>();
  for (const ref of sheet.mergeCells) {
    const area = decodeRange(ref);
    if (!area) continue;
    for (let r = area.top + 1; r <= area.bottom + 1; r++) {
      for (const cell of rows.get(r)?.cells ?? []) {
        if (!cell?.address || !KEPT.has(cell.type)) continue;
        const col = columnOf(cell.address) - 1;
        const topLeft = r === area.top + 1 && col === area.left;
        if (col >= area.left && col <= area.right && !topLeft) found.set(cell.address, { address: cell.address, type: cell.type, value: cell.value });
      }
    }
  }
  return found.size ? found : undefined;
}

/** Keeps what findMergedValues found, by sheet id, for the workbook's worksheets. */
export function rememberMergedValues(workbook: Workbook, bySheetId: Map<number, Map<string, ParsedCell>>): void {
  for (const [id, values] of bySheetId) {
    const ws = workbook.getWorksheet(id);
    if (ws) hiddenValues.set(ws, values);
  }
}

export function mergedValuesOf(worksheet: Worksheet): Map<string, ParsedCell> | undefined {
  return hiddenValues.get(worksheet);
}

/**
 * The row as it is rendered: each covered cell (after the row is prepared, which records the merges)
 * replaced by its kept value, prepared as ExcelJS prepares that kind of cell (style, shared string),
 * with the covered cell's style as it is now. The row model itself is left as it was.
 */
export function withMergedValues(row: RowModel, values: Map<string, ParsedCell>, cellXform: Xform<CellModel>, options: PrepareOptions): RowModel {
  let cells: CellModel[] | undefined;
  row.cells.forEach((cell, i) => {
    if (cell.type !== ValueType.Merge) return;
    const kept = values.get(cell.address);
    if (!kept) return;
    const shown: CellModel = { address: cell.address, type: kept.type, value: kept.value, style: cell.style };
    cellXform.prepare(shown, options);
    (cells ??= [...row.cells])[i] = shown;
  });
  return cells ? { ...row, cells } : row;
}
