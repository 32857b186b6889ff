// The fake workbook's document state: what Excel would hold, independent of any request.
import type { CellRange } from "../engine/vocab/types";
import { unionRange } from "../engine/vocab/address";
import { MergedAreas } from "./merges";
import { EventBus } from "./events";
import type { CellValidation } from "./validation";

export type RawValue = string | number | boolean; // "" is an empty cell, as Office.js reports it

export interface Border {
  style: string;
  color: string;
  weight: string;
}

export type Side = "top" | "bottom" | "left" | "right";

export interface CellFormat {
  /** null: no fill. Colours are upper-case #RRGGBB. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  fontName: string;
  fontSize: number;
  wrap: boolean;
  hAlign: string;
  vAlign: string;
  borders: Record<Side, Border>;
  // What Office.js cannot express through getCellProperties or setCellProperties (it reads and writes
  // RGB and tintAndShade only), modelled so a test can show a format survives only a whole-format copy.
  /** Theme colour slot of the fill (its RGB is `fill`); undefined: a plain RGB fill. */
  fillTheme?: number;
  /** Tint of a theme fill, -1..1. */
  fillTint?: number;
  /** Fill pattern other than solid ("Gray25", "LightUp"…) and its colour. */
  pattern?: string;
  patternColor?: string;
  /** Theme colour slot of the font (its RGB is `fontColor`). */
  fontTheme?: number;
  /** Automatic font colour (reads as black; a written "#000000" is an explicit black). */
  fontAuto?: boolean;
}

export interface CellState {
  v: RawValue;
  /** Formula text when the cell holds a formula (the fake never calculates it). */
  f?: string;
  nf: string;
  fmt: CellFormat;
}

export const NO_BORDER: Border = Object.freeze({ style: "None", color: "#000000", weight: "Thin" });

export const DEFAULT_FORMAT: CellFormat = Object.freeze({
  fill: null,
  fontColor: "#000000",
  bold: false,
  italic: false,
  fontName: "Calibri",
  fontSize: 11,
  wrap: false,
  hAlign: "General",
  vAlign: "Bottom",
  borders: Object.freeze({ top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER }),
});

/** Properties a plain RGB write (fill.color, font.color) replaces. */
export const FILL_EXTRAS = ["fillTheme", "fillTint", "pattern", "patternColor"] as const;
export const FONT_EXTRAS = ["fontTheme", "fontAuto"] as const;

/** The format without the fill's theme, tint and pattern (a fill colour or clear was written). */
export function plainFill(f: CellFormat): CellFormat {
  const out = { ...f };
  for (const k of FILL_EXTRAS) delete out[k];
  return out;
}

/** The format without the font colour's theme or automatic flag (a font colour was written). */
export function plainFont(f: CellFormat): CellFormat {
  const out = { ...f };
  for (const k of FONT_EXTRAS) delete out[k];
  return out;
}

const EMPTY_CELL: CellState = Object.freeze({ v: "", nf: "General", fmt: DEFAULT_FORMAT });

/** Standard column width and row height in points (8.43 characters; 15 pt). */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

export interface PageState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  /** Ranges set by setPrintArea (ExcelApi 1.9); null for the whole used range. */
  printArea?: CellRange[] | null;
  /** Zero-based rows above which a manual page break sits. */
  rowBreaks: number[];
  headers: Record<"leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter", string>;
}

const key = (row: number, col: number): number => row * 16384 + col;

export interface SheetName {
  name: string;
  /** "=" and the formula ('="Summary"'). */
  formula: string;
  visible: boolean;
}

export class SheetState {
  cells = new Map<number, CellState>();
  colWidths = new Map<number, number>();
  /** Columns hidden (Range.columnHidden); a column 0 points wide reads as hidden too, as in Excel. */
  hiddenCols = new Set<number>();
  rowHeights = new Map<number, number>();
  merges = new MergedAreas();
  frozen = { rows: 0, cols: 0 };
  protected = false;
  tabColor = "";
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** `range` includes the totals row when `showTotals` (as Table.getRange() does). */
  tables: { name: string; range: CellRange; showTotals?: boolean }[] = [];
  /** Sheet-scoped defined names. */
  names: SheetName[] = [];
  /** Data validation by cell (ExcelApi 1.8). */
  validation = new Map<number, CellValidation>();
  page: PageState = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printTitleRows: null,
    rowBreaks: [],
    headers: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
  };

  /**
   * Set by the event bus while an add-in request runs and onFormatChanged has a handler: told of every cell
   * whose format or number format is set (events.ts raises the event once the request has run).
   */
  formatWatch: ((row: number, col: number) => void) | undefined;

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  cell(row: number, col: number): CellState {
    return this.cells.get(key(row, col)) ?? EMPTY_CELL;
  }

  /** Replace a cell; cells back at the defaults are dropped so the map stays sparse. */
  put(row: number, col: number, next: CellState): void {
    const k = key(row, col);
    if (this.formatWatch) {
      const was = this.cells.get(k) ?? EMPTY_CELL;
      if (was.nf !== next.nf || was.fmt !== next.fmt) this.formatWatch(row, col);
    }
    const fmt = isDefaultFormat(next.fmt) ? DEFAULT_FORMAT : next.fmt;
    if (next.v === "" && next.f === undefined && next.nf === "General" && fmt === DEFAULT_FORMAT) this.cells.delete(k);
    else this.cells.set(k, fmt === next.fmt ? next : { ...next, fmt });
  }

  /** Change only the format; cheaper than `update` for the big formatting calls. */
  setFormat(row: number, col: number, change: (f: CellFormat) => CellFormat): void {
    const k = key(row, col);
    this.formatWatch?.(row, col);
    const cur = this.cells.get(k);
    if (!cur) {
      const fmt = change(DEFAULT_FORMAT);
      if (fmt !== DEFAULT_FORMAT) this.cells.set(k, { v: "", nf: "General", fmt });
      return;
    }
    cur.fmt = change(cur.fmt);
    if (cur.fmt === DEFAULT_FORMAT && cur.v === "" && cur.f === undefined && cur.nf === "General") this.cells.delete(k);
  }

  update(row: number, col: number, change: (cell: CellState) => CellState): void {
    this.put(row, col, change(this.cell(row, col)));
  }

  /**
   * Bounding box of cells with values (valuesOnly) or with anything set; undefined when empty. A merged
   * cell is formatted in Excel's sense (Format Cells, Alignment), so merged areas count unless valuesOnly.
   */
  usedRange(valuesOnly: boolean): CellRange | undefined {
    let out: CellRange | undefined;
    if (!valuesOnly) for (const m of this.merges.list()) out = out ? unionRange(out, m) : { ...m };
    for (const [k, c] of this.cells) {
      if (valuesOnly && c.v === "" && c.f === undefined) continue;
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      if (!out) out = { top: row, bottom: row, left: col, right: col };
      else {
        out.top = Math.min(out.top, row);
        out.bottom = Math.max(out.bottom, row);
        out.left = Math.min(out.left, col);
        out.right = Math.max(out.right, col);
      }
    }
    return out;
  }
}

export class WorkbookState {
  sheets: SheetState[] = [];
  settings = new Map<string, unknown>();
  protected = false;
  active: SheetState | undefined;
  selection: { sheet: SheetState; range: CellRange } | undefined;
  /** Excel's AutoCorrect option "Include new rows and columns in table" (on by default). */
  autoExpandTables = true;
  /** A user is typing in a cell. */
  cellEditing = false;
  /** Highest ExcelApi version this Excel supports. */
  apiVersion = "1.20";
  /** Dates counted from 1904 (File > Options > Advanced): serials 1,462 lower than the 1900 system's. */
  date1904 = false;
  /** Event handlers and the changes waiting to be raised (events.ts). */
  readonly events = new EventBus(this);
  private nextId = 1;

  newSheetId(): string {
    return `{fake-sheet-${this.nextId++}}`;
  }

  find(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
}

const noBorder = (b: Border): boolean => b === NO_BORDER || (b.style === "None" && b.color === "#000000" && b.weight === "Thin");

/** Formats equal to the default are shared, so a cell restored to the default is indistinguishable from an untouched one. */
export function isDefaultFormat(f: CellFormat): boolean {
  const d = DEFAULT_FORMAT;
  if (f === d) return true;
  const b = f.borders;
  return (
    FILL_EXTRAS.every((k) => f[k] === undefined) && FONT_EXTRAS.every((k) => f[k] === undefined) &&
    f.fill === null && f.fontColor === d.fontColor && !f.bold && !f.italic && f.fontName === d.fontName && f.fontSize === d.fontSize &&
    !f.wrap && f.hAlign === d.hAlign && f.vAlign === d.vAlign &&
    (b === d.borders || (noBorder(b.top) && noBorder(b.bottom) && noBorder(b.left) && noBorder(b.right)))
  );
}

// Most cells share a handful of formats: deriving through a cache keeps memory and time flat on big sheets.
const derived = new WeakMap<CellFormat, Map<string, CellFormat>>();

/** The format `change` makes from `base`, shared between all cells making the same change (`id`) from the same base. */
export function deriveFormat(base: CellFormat, id: string, change: (f: CellFormat) => CellFormat): CellFormat {
  let cache = derived.get(base);
  if (!cache) derived.set(base, (cache = new Map()));
  let f = cache.get(id);
  if (!f) {
    f = change(base);
    if (isDefaultFormat(f)) f = DEFAULT_FORMAT;
    cache.set(id, f);
  }
  return f;
}
