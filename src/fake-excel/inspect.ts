// Read-only views of the fake document for tests and the browser preview (no request, no stats).
import { cellAddress, columnLetters, parseAddress, rangeAddress } from "../excel/a1";
import type { CellRange } from "../engine/vocab/types";
import { STANDARD_HEIGHT, STANDARD_WIDTH } from "./state";
import type { CellFormat, PageState, RawValue, SheetState, WorkbookState } from "./state";

export interface FakeCellView extends CellFormat {
  value: RawValue;
  formula?: string;
  numberFormat: string;
}

export interface FakeSheetView {
  name: string;
  position: number;
  /** Values from A1 to the last used cell ("" where empty). */
  values: RawValue[][];
  /** Formula text where a cell holds a formula, else null. */
  formulas: (string | null)[][];
  numberFormats: string[][];
  cell(address: string): FakeCellView;
  /** Formats of every cell in an address ("A1:C3"), row-major. */
  formats(address: string): CellFormat[][];
  merges: string[];
  frozen: { rows: number; cols: number };
  pageLayout: PageState;
  protected: boolean;
  visibility: string;
  tabColor: string;
  /** Widths in points by column letter, for columns set explicitly. */
  columnWidths: Record<string, number>;
  /** Letters of the columns hidden (Range.columnHidden), in order. */
  hiddenColumns: string[];
  /** Heights in points by 1-based row number, for rows set explicitly. */
  rowHeights: Record<number, number>;
  tables: { name: string; address: string }[];
  names: { name: string; formula: string; visible: boolean }[];
}

function rect(address: string): CellRange {
  const r = parseAddress(address);
  if (!r) throw new Error(`bad address ${address}`);
  return r;
}

export function viewSheet(wb: WorkbookState, sheet: SheetState): FakeSheetView {
  const used = sheet.usedRange(true);
  const rows = used ? used.bottom + 1 : 0;
  const cols = used ? used.right + 1 : 0;
  const make = <T>(f: (r: number, c: number) => T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
  const cell = (address: string): FakeCellView => {
    const r = rect(address);
    const c = sheet.cell(r.top, r.left);
    return { ...c.fmt, value: c.v, formula: c.f, numberFormat: c.nf };
  };
  const formats = (address: string): CellFormat[][] => {
    const r = rect(address);
    const out: CellFormat[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: CellFormat[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(sheet.cell(row, col).fmt);
      out.push(line);
    }
    return out;
  };
  return {
    name: sheet.name,
    position: wb.sheets.indexOf(sheet),
    values: make((r, c) => sheet.cell(r, c).v),
    formulas: make((r, c) => sheet.cell(r, c).f ?? null),
    numberFormats: make((r, c) => sheet.cell(r, c).nf),
    cell,
    formats,
    merges: sheet.merges.list().map(rangeAddress),
    frozen: { ...sheet.frozen },
    pageLayout: JSON.parse(JSON.stringify(sheet.page)) as PageState,
    protected: sheet.protected,
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    columnWidths: Object.fromEntries([...sheet.colWidths].map(([c, w]) => [columnLetters(c), w])),
    hiddenColumns: [...sheet.hiddenCols].sort((a, b) => a - b).map(columnLetters),
    rowHeights: Object.fromEntries([...sheet.rowHeights].map(([r, h]) => [r + 1, h])),
    tables: sheet.tables.map((t) => ({ name: t.name, address: rangeAddress(t.range) })),
    names: sheet.names.map((n) => ({ ...n })),
  };
}

/** Whole-document snapshot, deterministic, for "nothing changed" and "same result" comparisons. */
export function snapshotWorkbook(wb: WorkbookState): unknown {
  return {
    protected: wb.protected,
    settings: Object.fromEntries([...wb.settings].sort(([a], [b]) => a.localeCompare(b))),
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      cells: Object.fromEntries(
        [...s.cells.entries()]
          .sort(([a], [b]) => a - b)
          .map(([k, c]) => [cellAddress(Math.floor(k / 16384), k % 16384), { v: c.v, f: c.f ?? null, nf: c.nf, fmt: c.fmt }]),
      ),
      // An explicit standard width looks the same as the default one.
      colWidths: [...s.colWidths].filter(([, w]) => w !== STANDARD_WIDTH).sort(([a], [b]) => a - b),
      rowHeights: [...s.rowHeights].filter(([, h]) => h !== STANDARD_HEIGHT).sort(([a], [b]) => a - b),
      hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
      merges: s.merges.list().map(rangeAddress).sort(),
      frozen: s.frozen,
      page: s.page,
      protected: s.protected,
      visibility: s.visibility,
      tabColor: s.tabColor,
      tables: s.tables,
      names: s.names,
    })),
  };
}
