// A sheet plan: plain data describing writes. Hosts (Office.js, ExcelJS) execute plans and make no decisions.
import type { CellRange } from "./types";

/** Every string in a plan is literal text: hosts must never let it become a formula. */
export type PlanValue = string | number | boolean | null;

export interface PlanStyle {
  fill?: string; // #RRGGBB
  fontColor?: string; // #RRGGBB
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  numberFormat?: string;
  wrap?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  /** Thin border on all four edges of every cell in the ranges. */
  border?: string; // #RRGGBB
}

/** A rectangle of values whose top-left cell is (row, col), zero-based sheet coordinates. */
export interface PlanBlock {
  row: number;
  col: number;
  values: PlanValue[][];
}

/** One style applied to many ranges: hosts format each group with a single multi-area call. */
export interface StyleGroup {
  style: PlanStyle;
  ranges: CellRange[];
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  fitToPagesWide: number;
  /** Zero-based sheet rows repeated at the top of every printed page. */
  repeatRows?: { first: number; last: number };
  /** Excel header/footer codes, e.g. "&LTitle&RPage &P of &N". */
  header?: string;
  footer?: string;
  /** Zero-based rows before which a printed page starts (manual page breaks; Excel keeps at most 1,026). */
  rowBreaks?: number[];
  /**
   * Cells printed (zero-based, inclusive); the whole used range when absent. Set where the sheet
   * holds cells not meant for the page (a summary's chart data, right of the printed columns).
   */
  printArea?: CellRange;
}

export interface SheetPlan {
  sheet: string;
  /** create: a sheet the add-in owns (replaced when rebuilt); edit: an officer's sheet (owned columns and formats only). */
  action: "create" | "edit";
  blocks: PlanBlock[];
  styles: StyleGroup[];
  merges: CellRange[];
  /**
   * Areas whose every row is merged on its own (Excel's "merge across"): one entry stands for
   * bottom − top + 1 merged areas, each one row high. A table column spread over several grid columns
   * is one entry, not one merge per row, so the number of merges does not grow with the rows.
   * Hosts without merge-across merge each row. Absent when the plan has none.
   */
  rowMerges?: CellRange[];
  columnWidths: { col: number; width: number }[]; // width in characters
  rowHeights: { row: number; height: number }[]; // points
  freeze?: { rows: number; cols: number };
  print?: PrintSetup;
  tabColor?: string;
  /** Charts drawn on the sheet (create plans only); absent when there are none. */
  charts?: ChartPlan[];
  /**
   * Cells of our own columns that hold an officer's value (edit plans only; trackers/foreign.ts): the
   * plan writes nothing there, and a host that clears cells it wrote before must leave these too.
   */
  leaveAlone?: { row: number; col: number }[];
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
}

export function emptySheetPlan(sheet: string, action: SheetPlan["action"]): SheetPlan {
  return { sheet, action, blocks: [], styles: [], merges: [], columnWidths: [], rowHeights: [] };
}

/** One line of a chart: its values are cells of the same sheet (one row or one column). */
export interface ChartSeriesPlan {
  name: string;
  values: CellRange;
  /** Drawn dashed (the target line), so the chart stays legible in greyscale. */
  dashed?: boolean;
  /** #RRGGBB; hosts use their default when absent. */
  color?: string;
}

/**
 * A chart described as data (issue 14), drawn the same way by both hosts: the file host writes
 * DrawingML parts, the Office.js host calls `worksheet.charts.add` and `setPosition`.
 */
export interface ChartPlan {
  kind: "line";
  /** Always present: Office.js has no alt text for charts, so the title carries the meaning. */
  title: string;
  /** Alt text (the file host writes it as `descr` on the drawing). */
  description: string;
  /** Period labels: one row or one column of the same sheet, as long as each series. */
  categories: CellRange;
  series: ChartSeriesPlan[];
  /** Cells the chart covers, zero-based inclusive (top-left corner to bottom-right corner). */
  anchor: CellRange;
  /** The value axis's number format ("0%" for percentages); absent: General. */
  valueFormat?: string;
}
