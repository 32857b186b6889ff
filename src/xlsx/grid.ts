// Turns one ExcelJS worksheet into the engine's SheetGrid.
// Walks ExcelJS's own row and cell arrays with plain loops: 100,000 × 12 cells in well under a second.
import type { Worksheet } from "exceljs";
import type { CellRange, CellValue, SheetGrid } from "../engine/types";

// The parts of ExcelJS's internals we read. They are stable across 4.x but not in its typings.
interface RawCell {
  type: number;
  value: unknown;
  style?: { numFmt?: string };
}
interface RawRow {
  number: number;
  hidden: boolean;
  _cells: (RawCell | undefined)[];
}
interface RawRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface RawSheet {
  _rows: (RawRow | undefined)[];
  _merges: Record<string, RawRange>;
}
interface RawTable {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
}

const MERGE_TYPE = 1; // ExcelJS ValueType.Merge: a covered cell of a merged area
const GENERAL = "General";

/** Plain text of a rich-text value ({richText: [{text}]}). */
function richTextToString(v: { richText: { text?: string }[] }): string {
  let s = "";
  for (const run of v.richText) s += run.text ?? "";
  return s;
}

/** One ExcelJS cell value as the engine's CellValue. Formulas give their cached result. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === "number" || t === "string" || t === "boolean") return v as number | string | boolean;
  if (v instanceof Date) return v;
  if (t !== "object") return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return richTextToString(o as { richText: { text?: string }[] });
  if ("formula" in o || "sharedFormula" in o) return toCellValue(o.result);
  if ("hyperlink" in o || "text" in o) return toCellValue(o.text);
  return null;
}

function isEmpty(v: CellValue): boolean {
  return v === null || v === "";
}

/** Parses "A1:C5" (or "A1") into a zero-based range. */
export function decodeRange(ref: string): CellRange | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const col = (letters: string): number => {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  };
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

function readTables(ws: Worksheet): { name: string; range: CellRange }[] {
  // ExcelJS 4.4 keeps tables in `ws.tables` by name; getTables() returns the Table objects
  // (its typings say tuples). A loaded table knows its full extent as `tableRef`.
  const out: { name: string; range: CellRange }[] = [];
  for (const t of ws.getTables() as unknown as { table?: RawTable; model?: RawTable }[]) {
    const model: RawTable = t.table ?? t.model ?? {};
    const ref = model.tableRef ?? model.ref;
    const range = ref ? decodeRange(ref) : undefined;
    const name = model.displayName ?? model.name;
    if (range && name) out.push({ name, range });
  }
  return out;
}

/** Reads values, number formats, merges, hidden rows and tables, A1-based, with trailing empty rows and columns trimmed. */
export function worksheetToGrid(ws: Worksheet): SheetGrid {
  const raw = ws as unknown as RawSheet;
  const rowsIn = raw._rows;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];
  let lastRow = -1;
  let lastCol = -1;

  for (let r = 0; r < rowsIn.length; r++) {
    const row = rowsIn[r];
    const vals: CellValue[] = [];
    const fmts: string[] = [];
    if (row) {
      if (row.hidden) hiddenRows.push(r);
      const cells = row._cells;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        let v: CellValue = null;
        let f = GENERAL;
        if (cell) {
          if (cell.type !== MERGE_TYPE) v = toCellValue(cell.value);
          const nf = cell.style?.numFmt;
          if (nf) f = nf;
        }
        vals.push(v);
        fmts.push(f);
        if (!isEmpty(v)) {
          if (c > lastCol) lastCol = c;
          lastRow = r;
        }
      }
    }
    values.push(vals);
    numberFormats.push(fmts);
  }

  // Trim to the used rectangle and square up the rows.
  const width = lastCol + 1;
  values.length = lastRow + 1;
  numberFormats.length = lastRow + 1;
  for (let r = 0; r <= lastRow; r++) {
    const vals = values[r];
    const fmts = numberFormats[r];
    if (vals.length > width) {
      vals.length = width;
      fmts.length = width;
    }
    while (vals.length < width) {
      vals.push(null);
      fmts.push(GENERAL);
    }
  }

  const merges: CellRange[] = [];
  for (const key of Object.keys(raw._merges)) {
    const m = raw._merges[key];
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }

  return {
    name: ws.name,
    values,
    numberFormats,
    origin: { row: 0, col: 0 },
    merges,
    hiddenRows: hiddenRows.filter((r) => r <= lastRow),
    tables: readTables(ws),
  };
}
